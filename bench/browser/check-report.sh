#!/usr/bin/env bash
# Renders a flowtrace HTML report in headless Chromium, saves a screenshot and checks that the page
# really rendered: the DOM Chromium built holds as many <svg> drawings as the file does, no
# <script> element (the report has none, so one would mean data escaped into markup), and no
# JavaScript error in the console. Exits non-zero on any failure.
#
#   bench/browser/check-report.sh REPORT.html OUT.png
#
# Environment: CHROMIUM (default: chromium on PATH), WINDOW_SIZE (default 1280,2400),
# EXPECTED_SVGS (default: the number of "<svg" in REPORT.html).
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 REPORT.html OUT.png" >&2
  exit 2
fi
report=$(realpath "$1")
out=$2
chromium=${CHROMIUM:-chromium}
window=${WINDOW_SIZE:-1280,2400}

fail() { echo "check-report: $*" >&2; exit 1; }

[ -f "$report" ] || fail "no such report: $report"
command -v "$chromium" >/dev/null 2>&1 || fail "$chromium not found (apt-get install chromium)"

# A fresh profile each run, removed on exit, so runs do not depend on each other.
profile=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$profile" "$work"' EXIT

# Flags that keep Chromium from reaching the network or a display: the report must render
# from the file alone.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$profile")

timeout 120 "$chromium" "${flags[@]}" --window-size="$window" --screenshot="$out" \
  "file://$report" >"$work/shot.log" 2>&1 || { cat "$work/shot.log" >&2; fail "screenshot failed"; }

timeout 120 "$chromium" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom \
  "file://$report" >"$work/dom.html" 2>"$work/dom.log" || { cat "$work/dom.log" >&2; fail "dump-dom failed"; }

# Chromium logs console messages as "INFO:CONSOLE:<line>] ...": any uncaught error fails.
if grep -E 'Uncaught|CONSOLE.*[Ee]rror' "$work/dom.log" >&2; then
  fail "JavaScript errors while rendering"
fi

# The PNG: present, really a PNG, and not a blank few bytes.
[ -s "$out" ] || fail "no screenshot written to $out"
magic=$(head -c 8 "$out" | od -An -tx1 | tr -d ' \n')
[ "$magic" = "89504e470d0a1a0a" ] || fail "$out is not a PNG"
size=$(wc -c <"$out")
[ "$size" -gt 20000 ] || fail "$out is only $size bytes: the page probably did not render"

expected=${EXPECTED_SVGS:-$(grep -o '<svg' "$report" | wc -l)}
found=$(grep -o '<svg' "$work/dom.html" | wc -l)
[ "$found" -eq "$expected" ] || fail "the rendered DOM has $found <svg> elements, expected $expected"
grep -q '</html>' "$work/dom.html" || fail "the rendered DOM is incomplete"
if grep -qi '<script' "$work/dom.html"; then
  fail "the rendered DOM contains a <script> element"
fi

echo "check-report: ok: $found <svg> drawings rendered, screenshot $out ($size bytes)"
