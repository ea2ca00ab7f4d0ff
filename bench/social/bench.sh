#!/usr/bin/env bash
# flowtrace-social vs coordination-network-toolkit 1.5.2 on the same generated posts CSV:
# co-link, co-retweet, co-tweet, co-reply and co-similarity networks, 60 s window, minimum
# weight 2 (co-similarity: Jaccard 0.8).
#
#   bench/social/bench.sh [POSTS]        (default 1000000; files under target/social-bench)
#   SIMILARITY_TIMEOUT=3600 bench/social/bench.sh   (also the toolkit's co-similarity, capped)
#   REUSE_TOOLKIT=1 bench/social/bench.sh   (keep the toolkit's last run of the exact networks,
#                                            target/social-bench/toolkit.log, and its edges)
#
# The toolkit's co-similarity compares every pair of posts in every window in Python (half an
# hour at 1M posts here), so it runs only when SIMILARITY_TIMEOUT (seconds) is set, in its own
# run (preprocessing again included) under `timeout`; flowtrace's always runs.
# The toolkit runs through bench/social/toolkit_networks.py with one worker process
# (--threads 1) and its intended URL handling (--mode fixed: empty URL pieces dropped, as
# flowtrace does), so both compute the same edges; the script checks they are identical.
# flowtrace runs the flowtrace-social `coordinate` example, once on one core and once on all
# (co-similarity in a run of its own each time), then each exact network alone (reading only
# the columns it needs) on one core, and co-link and co-retweet alone on all cores against a
# second toolkit run on all cores (unpinned, --threads = cores).
# "One core" is `taskset -c 0` for both sides (the toolkit's SQLite work and flowtrace's
# reading thread pair then share that core). Each side's time includes reading the CSV
# (the toolkit's preprocessing into SQLite), as a user pays it. Peak RSS is /usr/bin/time -v's
# "Maximum resident set size" (for the toolkit: its largest single process).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
posts="${1:-1000000}"
work="$root/target/social-bench"
mkdir -p "$work"
bash "$root/bench/social/setup-venv.sh"
python="$root/target/social-venv/bin/python"
input="$work/posts-$posts.csv"
if [ ! -s "$input" ]; then
    python3 "$root/bench/social/gen_posts.py" "$input" --posts "$posts" --users "$((posts / 20))"
fi
target="${CARGO_TARGET_DIR:-$root/target}"
cargo build --quiet --release -p flowtrace-social --example coordinate
flowtrace="$target/release/examples/coordinate"
kinds=co_link,co_retweet,co_tweet,co_reply
all_kinds=$kinds,co_similar_tweet

echo "input: $input ($(wc -l <"$input") lines, $(du -h "$input" | cut -f1))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "start: $(uptime)"
if [ "${REUSE_TOOLKIT:-0}" = 1 ] && [ -s "$work/toolkit.log" ] && [ -s "$work/toolkit-n.log" ]; then
    echo "toolkit: reusing $work/toolkit.log ($(stat -c %y "$work/toolkit.log")) and toolkit-n.log"
else
    taskset -c 0 /usr/bin/time -v "$python" "$root/bench/social/toolkit_networks.py" "$input" \
        "$work/toolkit.db" "$work/toolkit-edges.csv" --mode fixed --window 60 --min-weight 2 \
        --threads 1 --kinds "$kinds" 2>"$work/toolkit.log"
    # The toolkit at its best on this machine: unpinned, one worker per core for its computing
    # step (its preprocessing is one process whatever --threads says). Against flowtrace's
    # networks alone on all cores below.
    rm -f "$work/toolkit-n.db"
    /usr/bin/time -v "$python" "$root/bench/social/toolkit_networks.py" "$input" \
        "$work/toolkit-n.db" "$work/toolkit-n-edges.csv" --mode fixed --window 60 \
        --min-weight 2 --threads "$(nproc)" --kinds co_link,co_retweet 2>"$work/toolkit-n.log"
fi
rm -f "$work/toolkit-sim.log" "$work/toolkit-sim-edges.csv"
if [ "${SIMILARITY_TIMEOUT:-0}" -gt 0 ]; then
    taskset -c 0 /usr/bin/time -v timeout "$SIMILARITY_TIMEOUT" "$python" \
        "$root/bench/social/toolkit_networks.py" "$input" "$work/toolkit-sim.db" \
        "$work/toolkit-sim-edges.csv" --mode fixed --window 60 --min-weight 2 --threads 1 \
        --kinds co_similar_tweet --similarity 0.8 2>"$work/toolkit-sim.log" || true
fi
# The exact networks in one run each (comparable whole runs), co-similarity in its own.
for run in "1 $kinds" "1-sim co_similar_tweet" "n $kinds" "n-sim co_similar_tweet"; do
    set -- $run
    pin=(env); [ "${1:0:1}" = 1 ] && pin=(env RAYON_NUM_THREADS=1 taskset -c 0)
    "${pin[@]}" /usr/bin/time -v "$flowtrace" "$input" "$work/flowtrace-${1:0:1}" --window 60 \
        --min-weight 2 --kinds "$2" --loops 2>"$work/flowtrace-$1.log"
done
# Each exact network alone on one core, as a user asking for that one network runs it: the
# reader then keeps only the columns the network reads (no texts or names for co-link).
for kind in ${kinds//,/ }; do
    RAYON_NUM_THREADS=1 taskset -c 0 /usr/bin/time -v "$flowtrace" "$input" \
        "$work/flowtrace-alone" --window 60 --min-weight 2 --kinds "$kind" --loops \
        2>"$work/flowtrace-alone-$kind.log"
done
# Co-link and co-retweet alone on all cores, against the toolkit on all cores.
for kind in co_link co_retweet; do
    /usr/bin/time -v "$flowtrace" "$input" "$work/flowtrace-alone-n" --window 60 --min-weight 2 \
        --kinds "$kind" --loops 2>"$work/flowtrace-alone-n-$kind.log"
done
echo "end: $(uptime)"
python3 "$root/bench/social/summarise.py" "$work" "$all_kinds"
