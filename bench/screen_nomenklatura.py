"""Scores the labelled pairs of tests/data/screen/ with OpenSanctions' nomenklatura `logic-v2`
matcher, as yente's /match would: the query becomes an FtM entity (name, birthDate,
nationality, schema) and is compared with the listed entity from entities.jsonl. Writes
`id,score` lines headed `# nomenklatura logic-v2 <threshold>` (yente's default match threshold,
0.7) and prints the pairs per second it scored on one core. `--pairs` and `--entities`
(repeatable) choose another set, such as the independent one made with flowtrace-names.

    target/screen-venv/bin/python bench/screen_nomenklatura.py --out target/screen-bench/nomenklatura.csv
    target/screen-venv/bin/python bench/screen_nomenklatura.py --pairs tests/data/screen/independent_pairs.csv \
        --entities tests/data/screen/entities.jsonl --entities tests/data/screen/independent_entities.jsonl \
        --out target/screen-bench/nomenklatura-independent.csv
"""

import argparse
import csv
import json
import time
from importlib.metadata import version
from pathlib import Path

from followthemoney import model, registry
from nomenklatura.matching import get_algorithm

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests/data/screen"
YENTE_THRESHOLD = 0.7


def entity(data):
    proxy = model.get_proxy({"id": data["id"], "schema": data["schema"], "properties": data["properties"]})
    return proxy


def query(row):
    proxy = model.make_entity(row["schema"] or "LegalEntity")
    proxy.id = f"q{row['id']}"
    proxy.add("name", row["name"])
    if row["birth_date"] and proxy.schema.get("birthDate"):
        proxy.add("birthDate", row["birth_date"])
    if row["nationality"] and proxy.schema.get("nationality"):
        proxy.add("nationality", registry.country.clean(row["nationality"]))
    return proxy


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--pairs", type=Path, default=SET / "pairs.csv")
    parser.add_argument("--entities", type=Path, action="append")
    args = parser.parse_args()
    algorithm = get_algorithm("logic-v2")
    config = algorithm.default_config()
    entities = {}
    for path in args.entities or [SET / "entities.jsonl"]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                data = json.loads(line)
                entities[data["id"]] = entity(data)
    with open(args.pairs, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    queries = [query(r) for r in rows]
    started = time.perf_counter()
    scores = [algorithm.compare(q, entities[r["entity"]], config).score for q, r in zip(queries, rows)]
    seconds = time.perf_counter() - started
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(f"# nomenklatura logic-v2 {YENTE_THRESHOLD}\n")
        for r, s in zip(rows, scores):
            f.write(f"{r['id']},{s:.4f}\n")
    print(json.dumps({"pairs": len(rows), "seconds": round(seconds, 3),
                      "pairs_per_s": round(len(rows) / seconds, 1),
                      "nomenklatura": version("nomenklatura"),
                      "followthemoney": version("followthemoney")}))


if __name__ == "__main__":
    main()
