#!/usr/bin/env bash
# Benchmark (not a test): export a whole history through a sandbox that enforces
# SePay's 3 requests/second, in Rust (examples/rust page-history), Python
# (examples/python/export_csv.py) and Node (examples/node/export-csv.mjs), each
# pacing itself at 3 requests/second; plain Node (benches/js/plain-export.mjs:
# fetch + JSON.parse, no checks) shows what Node itself needs for the same walk.
# Prints a Markdown row per run: requests (lists + counts), 429s, wall time
# against requests / 3 s, peak RSS.
#   benches/export-ceiling.sh [N] [v2-N]     (defaults 1,000,000 and 30,000)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. scripts/js-lib.sh
N="${1:-1000000}"
V2N="${2:-30000}"
TOKEN=BENCH_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq
cargo build --quiet --locked --release -p sepay-sandbox -p sepay-examples
scripts/test-python.sh >/dev/null   # the wheel, installed in the venv
ensure_node_tools
build_js_package >/dev/null
BIN="$CARGO_TARGET_DIR/release"
WORK="$(mktemp -d)"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/node/node_modules"
ln -s "$PWD/$JS_PACKAGE_DIR" "$WORK/node/node_modules/sepay-sdk"
cp examples/node/export-csv.mjs "$WORK/node/"

sandbox() {   # sandbox N -> its URL in $URL
  "$BIN/sepay-sandbox" --addr 127.0.0.1:0 --token "$TOKEN" --transactions "$1" --rate-limit 3 >"$WORK/url" &
  PIDS+=($!)
  for _ in $(seq 600); do [ -s "$WORK/url" ] && break; sleep 0.1; done
  URL="$(head -1 "$WORK/url")"
}

row() {   # row LABEL COMMAND...: runs it against $URL, prints the table row
  local label="$1"; shift
  curl -s -X DELETE "$URL/__sandbox/requests" >/dev/null
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$@" >"$WORK/out" 2>/dev/null
  t1=$(date +%s.%N)
  curl -s "$URL/__sandbox/requests" >"$WORK/log.json"
  python3 - "$label" "$t0" "$t1" "$WORK/log.json" "$(cat "$WORK/rss")" <<'PY'
import json, sys
label, t0, t1, log, rss = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], int(sys.argv[5])
entries = json.load(open(log))
counts = sum(1 for e in entries if e["path"].endswith("/count"))
limited = sum(1 for e in entries if e["status"] == 429)
n = len(entries)
wall = t1 - t0
ideal = n / 3
print(f"| {label} | {n} ({counts} counts) | {limited} | {wall:.1f} s | {ideal:.1f} s | {wall / ideal:.3f} | {rss / 1024:.1f} MB |")
PY
}

echo "| client | requests | 429s | wall time | requests / 3 s | ratio | peak RSS |"
echo "|---|---|---|---|---|---|---|"
sandbox "$N"
export SEPAY_BASE_URL="$URL" SEPAY_TOKEN="$TOKEN"
row "Rust v1, $N rows (5,000 per page)" env SEPAY_REQUESTS_PER_SECOND=3 "$BIN/page-history" "$URL" "$TOKEN" v1 "$WORK/rust.csv"
row "Python v1, $N rows" env PYTHONPATH=examples/python "$CACHE_DIR/python-venv/bin/python" examples/python/export_csv.py "$WORK/py.csv"
row "Node v1, $N rows" node "$WORK/node/export-csv.mjs" "$WORK/node.csv"
row "Node v1, $N rows, plain fetch + JSON.parse (no checks)" node benches/js/plain-export.mjs "$WORK/plain.csv"
kill "${PIDS[@]}" 2>/dev/null || true
sandbox "$V2N"
export SEPAY_BASE_URL="$URL"
row "Rust v2, $V2N rows (100 per page)" env SEPAY_REQUESTS_PER_SECOND=3 "$BIN/page-history" "$URL" "$TOKEN" v2 "$WORK/rust2.csv"
