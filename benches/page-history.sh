#!/usr/bin/env bash
# Benchmark (not a test): page through N sandbox transactions (default 1,000,000)
# with the rate limit off, through v1 (since_id, 5000 per page) and v2 (100 per
# page), and report time and the client's peak memory. The sandbox runs as a
# separate process so its memory is not counted.
#   ./benches/page-history.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
N="${1:-1000000}"
TOKEN=BENCH_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq
cargo build --quiet --locked --release -p sepay-sandbox -p sepay-examples
BIN="$CARGO_TARGET_DIR/release"
"$BIN/sepay-sandbox" --addr 127.0.0.1:0 --token "$TOKEN" --transactions "$N" --rate-limit 0 > /tmp/sepay-bench-url &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s /tmp/sepay-bench-url ] && break; sleep 0.1; done
URL=$(head -n1 /tmp/sepay-bench-url)
echo "sandbox at $URL with $N transactions; sandbox stats: $(curl -s "$URL/__sandbox/stats")"
"$BIN/page-history" "$URL" "$TOKEN" v1
"$BIN/page-history" "$URL" "$TOKEN" v2
