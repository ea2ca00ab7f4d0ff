#!/usr/bin/env bash
# flowtrace-social vs coordination-network-toolkit 1.5.2 on the same generated posts CSV:
# co-link, co-retweet, co-tweet and co-reply networks, 60 s window, minimum weight 2.
#
#   bench/social/bench.sh [POSTS]        (default 1000000; files under target/social-bench)
#
# The toolkit runs through bench/social/toolkit_networks.py with one worker process
# (--threads 1) and its intended URL handling (--mode fixed: empty URL pieces dropped, as
# flowtrace does), so both compute the same edges; the script checks they are identical.
# flowtrace runs the flowtrace-social `coordinate` example, once on one core and once on all.
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

echo "input: $input ($(wc -l <"$input") lines, $(du -h "$input" | cut -f1))"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
taskset -c 0 /usr/bin/time -v "$python" "$root/bench/social/toolkit_networks.py" "$input" "$work/toolkit.db" \
    "$work/toolkit-edges.csv" --mode fixed --window 60 --min-weight 2 --threads 1 \
    --kinds "$kinds" 2>"$work/toolkit.log"
RAYON_NUM_THREADS=1 taskset -c 0 /usr/bin/time -v "$flowtrace" "$input" "$work/flowtrace-1" --window 60 \
    --min-weight 2 --kinds "$kinds" --loops 2>"$work/flowtrace-1.log"
/usr/bin/time -v "$flowtrace" "$input" "$work/flowtrace-n" --window 60 --min-weight 2 \
    --kinds "$kinds" --loops 2>"$work/flowtrace-n.log"
python3 "$root/bench/social/summarise.py" "$work" "$kinds"
