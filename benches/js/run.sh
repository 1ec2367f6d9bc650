#!/usr/bin/env bash
# Benchmark of the JavaScript package (not a test). Builds the package and the
# sandbox, starts a sandbox with its rate limit off, and prints the table rows
# of docs/benchmarks.md.   Usage: benches/js/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
. scripts/js-lib.sh
ensure_node_tools
build_js_package >&2
if [ -z "${SEPAY_SANDBOX_BIN:-}" ]; then
  cargo build --release --locked -p sepay-sandbox >&2
  SEPAY_SANDBOX_BIN="$CARGO_TARGET_DIR/release/sepay-sandbox"
fi
OUT="$(mktemp)"
# --prerender: a repeated page is answered from memory (< 1 ms), so the
# comparison is between the two clients, not the sandbox's rendering.
"$SEPAY_SANDBOX_BIN" --addr 127.0.0.1:0 --token BENCH_TOKEN \
  --transactions 20000 --rate-limit 0 --prerender >"$OUT" 2>/dev/null &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "$OUT"' EXIT
for _ in $(seq 50); do [ -s "$OUT" ] && break; sleep 0.1; done
echo "Node $(node --version), $(nproc) cores" >&2
node benches/js/bench.mjs "$JS_PACKAGE_DIR" "$(head -1 "$OUT")" BENCH_TOKEN
