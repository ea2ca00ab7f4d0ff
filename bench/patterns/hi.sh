#!/usr/bin/env bash
# Pattern instances (`flowtrace patterns`) on the hi preset: per-typology recall of planted
# instances, with the default rule thresholds and with bench/patterns/recall.json.
#
#   bench/patterns/hi.sh            (world and outputs under target/patterns-hi)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/target/patterns-hi"
mkdir -p "$work"
cargo build --quiet --release -p flowtrace-cli
flowtrace="${CARGO_TARGET_DIR:-$root/target}/release/flowtrace"
[ -s "$work/hi/truth.csv" ] || "$flowtrace" -q simulate --preset hi --seed 7 --out "$work/hi"
for config in default recall; do
    extra=()
    [ "$config" = default ] || extra=(--config "$root/bench/patterns/$config.json")
    /usr/bin/time -f "$config: wall %e s, user %U s, peak RSS %M KB" "$flowtrace" -q patterns \
        "$work/hi/transactions.csv" --out "$work/inst-$config.jsonl" \
        --scores "$work/scores-$config.csv" "${extra[@]}"
    wc -l <"$work/inst-$config.jsonl"
    "$flowtrace" eval "$work/hi" --predictions "$work/scores-$config.csv"
done
