"""Builds the labelled screening set in tests/data/screen/ from the UN Consolidated List.

Writes two files (deterministic for a seed):

- entities.jsonl: every UN record, as FollowTheMoney JSON lines (names,
  good aliases as `alias`, low-quality aliases as `weakAlias`, original-script names as `alias`,
  birth dates, nationalities as ISO codes), plus `<id>-latin` copies without original-script
  names for the `script` category. flowtrace and nomenklatura both read this one file.
- pairs.csv: `id,category,label,name,schema,birth_date,nationality,entity`, one labelled
  (query, listed entity) pair a row.

Matches (label 1), each a query made from one listed name: `alias` (a good alias, re-cased),
`weak_alias` (a low-quality alias), `spelling` (transliteration variants: Mohammed/Muhammad,
vowels, q/k, kh/h, doubled letters), `reorder` ("LAST, First" and reversed), `particles`
(al-/el- dropped or changed, bin/ibn/ben, Abdul Rahman joined or split), `typo` (one or two
keyboard edits), `partial` (first and last name only), `script` (the original-script name
against the Latin-only copy), `dob_confirmed` (a spelling variant with the right birth date and
nationality).
Non-matches (label 0): `hard_negative` (another listed party's name sharing tokens with this
one), `swapped_surname` (this party's given name with another party's family name),
`homonym` (this party's exact name with a birth date 15+ years off), `unrelated` (a common name).

Run inside the bench venv (it needs followthemoney for ISO country codes):
    target/screen-venv/bin/python bench/screen_evalset.py [--seed 6] [--per-category 150]
"""

import argparse
import csv
import json
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from followthemoney import registry

ROOT = Path(__file__).resolve().parent.parent
UN = ROOT / "data/watchlists/un_consolidated.xml"
OUT = ROOT / "tests/data/screen"
PARTICLES = {"al", "el", "bin", "ibn", "ben", "bint", "abu", "abd", "abdul", "ould", "ad", "ar", "as"}
SPELLINGS = [
    ("muhammad", "mohammed"), ("mohammed", "muhammad"), ("mohamed", "muhammad"),
    ("mohammad", "mohamed"), ("muhammed", "mohamad"), ("ahmed", "ahmad"), ("ahmad", "ahmed"),
    ("ou", "u"), ("oo", "u"), ("u", "o"), ("o", "u"), ("ee", "i"), ("i", "e"), ("e", "i"),
    ("a", "e"), ("q", "k"), ("kh", "h"), ("dh", "z"), ("z", "dh"), ("y", "i"), ("ai", "ay"),
    ("ss", "s"), ("mm", "m"), ("dd", "d"), ("ll", "l"), ("hussein", "husain"), ("omar", "umar"),
    ("yusuf", "yousef"), ("abdul", "abdel"), ("abd al", "abdul"),
]
COMMON_GIVEN = ["Mohammed", "Ahmed", "Ali", "Omar", "Hassan", "Hussein", "Khalid", "Yusuf",
                "Ibrahim", "Abdullah", "Mahmoud", "Mustafa", "Karim", "Samir", "Tariq", "Nasser"]
COMMON_FAMILY = ["Haddad", "Khoury", "Mansour", "Saleh", "Nasser", "Hamdan", "Aziz", "Rahimi",
                 "Karimov", "Petrov", "Smith", "Garcia", "Chen", "Okafor", "Diallo", "Kaya"]


def text(node, path):
    found = node.find(path)
    return (found.text or "").strip() if found is not None and found.text else ""


def read_un():
    """UN records as dicts: ref, schema, primary, aliases [(name, quality)], script names,
    birth dates (ISO), nationalities (names)."""
    records = []
    root = ET.parse(UN).getroot()
    for kind, schema in (("INDIVIDUAL", "Person"), ("ENTITY", "Organization")):
        for node in root.iter(kind):
            parts = [text(node, f"{p}_NAME") for p in ("FIRST", "SECOND", "THIRD", "FOURTH")]
            primary = " ".join(p for p in parts if p)
            aliases = []
            for alias in node.iter(f"{kind}_ALIAS"):
                name = text(alias, "ALIAS_NAME")
                if name:
                    aliases.append((name, text(alias, "QUALITY") or "Good"))
            script = [n for n in [text(node, "NAME_ORIGINAL_SCRIPT")] if n]
            dates = []
            for dob in node.iter("INDIVIDUAL_DATE_OF_BIRTH"):
                value = text(dob, "DATE") or text(dob, "YEAR")
                if value:
                    dates.append(value[:10])
            nationalities = [v.text.strip() for v in node.iter("VALUE")
                             if v.text and v.text.strip() and registry.country.clean(v.text.strip())]
            records.append(dict(ref=text(node, "REFERENCE_NUMBER"), schema=schema, primary=primary,
                                aliases=aliases, script=script, dates=dates,
                                nationalities=nationalities))
    return [r for r in records if r["ref"] and r["primary"]]


def tokens(name):
    return [t for t in re.split(r"[\s,\-]+", name.lower()) if t]


def core_tokens(name):
    return [t for t in tokens(name) if t not in PARTICLES and len(t) > 1]


def spelling(name, rng):
    low = name.lower()
    rules = [(a, b) for a, b in SPELLINGS if a in low]
    rng.shuffle(rules)
    for a, b in rules[: rng.choice([1, 2])]:
        spots = [m.start() for m in re.finditer(re.escape(a), low)]
        if not spots:  # an earlier rule took it away
            continue
        at = rng.choice(spots)
        low = low[:at] + b + low[at + len(a):]
    return low.title() if low != name.lower() else None


def reorder(name, rng):
    parts = [t for t in re.split(r"\s+", name) if t]
    if len(parts) < 2:
        return None
    if rng.random() < 0.5:
        return f"{parts[-1].upper()}, {' '.join(parts[:-1])}"
    return " ".join(reversed(parts))


def particles(name, rng):
    options = [
        (r"\b(al|el)[- ]", ""), (r"\bal-", "el-"), (r"\bAl-", "El "), (r"\bbin\b", "ibn"),
        (r"\bbin\b", "ben"), (r"\bbin\s", ""), (r"\bAbdul ", "Abd al-"), (r"\bAbd al-", "Abdul"),
        (r"\bAbdul ", "Abdul"), (r"\bAbu ", "Abou "), (r"\bAbu ", "Abu-"),
    ]
    rng.shuffle(options)
    for pattern, repl in options:
        changed = re.sub(pattern, repl, name, count=1, flags=re.IGNORECASE)
        if changed != name and core_tokens(changed):
            return changed
    return None


def typo(name, rng):
    chars = list(name)
    spots = [i for i, c in enumerate(chars) if c.isalpha()]
    if len(spots) < 6:
        return None
    for _ in range(1 if len(spots) < 14 else 2):
        i = rng.choice(spots[1:-1])
        op = rng.choice("isdt")
        if op == "i":
            chars.insert(i, rng.choice("aeiourstnl"))
        elif op == "s":
            chars[i] = rng.choice("aeiourstnlkm")
        elif op == "d":
            del chars[i]
        elif i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        spots = [i for i, c in enumerate(chars) if c.isalpha()]
    out = "".join(chars)
    return out if out != name else None


def partial(name, _rng):
    core = [t for t in name.split() if t.lower() not in PARTICLES]
    return f"{core[0]} {core[-1]}" if len(core) >= 3 else None


def names_of(r):
    return [r["primary"]] + [a for a, _ in r["aliases"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--per-category", type=int, default=150)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    records = read_un()
    by_ref = {r["ref"]: r for r in records}
    pairs = []

    def add(category, label, query, r, dob="", nationality="", latin=False, schema=None):
        entity = f"un-{r['ref']}" + ("-latin" if latin else "")
        pairs.append([category, label, query, schema or r["schema"], dob, nationality, entity])

    def sample(pool, make, category, label=1, **extra):
        pool = pool[:]
        rng.shuffle(pool)
        made = 0
        for r in pool:
            if made >= args.per_category:
                break
            query = make(r)
            if query:
                add(category, label, query, r, **extra)
                made += 1

    latin_aliases = lambda r, q: [a for a, quality in r["aliases"] if quality == q and not re.search(r"[^\x00-\u024f]", a)]
    sample(records, lambda r: (lambda a: a and rng.choice([str.upper, str.title, str.lower])(rng.choice(a)))(latin_aliases(r, "Good")), "alias")
    sample(records, lambda r: (lambda a: a and rng.choice(a))(latin_aliases(r, "Low")), "weak_alias")
    for category, make in (("spelling", spelling), ("reorder", reorder), ("particles", particles),
                           ("typo", typo), ("partial", partial)):
        sample(records, lambda r, make=make: make(rng.choice(names_of(r)[:2]), rng), category)
    script = [r for r in records if r["script"]]
    rng.shuffle(script)
    for r in script[: args.per_category]:
        add("script", 1, r["script"][0], r, latin=True)
    dated = [r for r in records if r["dates"] and r["dates"][0][:4].isdigit()]
    rng.shuffle(dated)
    for r in dated[: args.per_category]:
        variant = spelling(r["primary"], rng) or typo(r["primary"], rng) or r["primary"]
        add("dob_confirmed", 1, variant, r, dob=r["dates"][0], nationality=(r["nationalities"] or [""])[0])
    hard_negatives(records, rng, args.per_category, add)
    swapped_surnames(records, rng, args.per_category, add)
    for r in dated[args.per_category: 2 * args.per_category]:
        year = int(r["dates"][0][:4]) + rng.choice([-1, 1]) * rng.randint(15, 30)
        add("homonym", 0, r["primary"], r, dob=f"{year}{r['dates'][0][4:]}")
    people = [r for r in records if r["schema"] == "Person"]
    for _ in range(args.per_category):
        query = f"{rng.choice(COMMON_GIVEN)} {rng.choice(COMMON_FAMILY)}"
        add("unrelated", 0, query, rng.choice(people))
    write(pairs, records, by_ref)


def hard_negatives(records, rng, n, add):
    """Another listed party's name that shares a token with this party's primary name."""
    index = {}
    for r in records:
        for t in set(core_tokens(r["primary"])):
            index.setdefault(t, []).append(r)
    pool = records[:]
    rng.shuffle(pool)
    made = 0
    for r in pool:
        mine = set(core_tokens(r["primary"]))
        others = {o["ref"]: o for t in mine for o in index.get(t, []) if o["ref"] != r["ref"]}
        others = [o for o in others.values()
                  if not set(core_tokens(o["primary"])) <= mine and not mine <= set(core_tokens(o["primary"]))]
        if others and made < n:
            other = rng.choice(sorted(others, key=lambda o: o["ref"]))
            add("hard_negative", 0, other["primary"], r)
            made += 1


def swapped_surnames(records, rng, n, add):
    """This party's given name with another party's last name (one that this party's names lack)."""
    people = [r for r in records if r["schema"] == "Person" and len(core_tokens(r["primary"])) >= 2]
    rng.shuffle(people)
    made = 0
    for r in people:
        other = rng.choice(people)
        surname = core_tokens(other["primary"])[-1]
        own = {t for name in names_of(r) for t in core_tokens(name)}
        if surname in own or made >= n:
            continue
        given = r["primary"].split()[0]
        add("swapped_surname", 0, f"{given} {surname.title()}", r)
        made += 1


def ftm(r, latin=False):
    props = {"name": [r["primary"]]}
    good = [a for a, q in r["aliases"] if q != "Low"]
    weak = [a for a, q in r["aliases"] if q == "Low"]
    if not latin:
        good += r["script"]
    if good:
        props["alias"] = good
    if weak:
        props["weakAlias"] = weak
    if r["dates"]:
        props["birthDate"] = r["dates"]
    codes = sorted({registry.country.clean(n) for n in r["nationalities"]} - {None})
    if codes:
        props["nationality"] = codes
    suffix = "-latin" if latin else ""
    return {"id": f"un-{r['ref']}{suffix}", "schema": r["schema"], "properties": props,
            "datasets": ["un_sc_sanctions"]}


def write(pairs, records, by_ref):
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "pairs.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "category", "label", "name", "schema", "birth_date", "nationality", "entity"])
        for i, p in enumerate(pairs, 1):
            w.writerow([i] + p)
    used = {p[-1] for p in pairs}
    with open(OUT / "entities.jsonl", "w", encoding="utf-8") as f:
        # Every record, so that both matchers see the whole list's name frequencies, and the
        # Latin-only copies the script pairs point at.
        for r in records:
            f.write(json.dumps(ftm(r), ensure_ascii=False) + "\n")
            if f"un-{r['ref']}-latin" in used:
                f.write(json.dumps(ftm(r, latin=True), ensure_ascii=False) + "\n")
    print(f"{len(pairs)} pairs, {sum(p[1] for p in pairs)} matches -> {OUT}")


if __name__ == "__main__":
    main()
