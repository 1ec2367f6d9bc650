#!/usr/bin/env bash
# Benchmark of the JavaScript package (not a test). Builds the package and the
# sandbox, starts a sandbox with its rate limit off, and prints the table rows
# of docs/benchmarks.md.
#   Usage: benches/js/run.sh                 the package as the test command builds it
#          WASM_OPT_LEVELS="2 s z" benches/js/run.sh
#                                            one build per opt-level, compared in
#                                            three alternating rounds
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
. scripts/js-lib.sh
ensure_node_tools
WORK="$(mktemp -d)"
OUT="$WORK/url"
BUILDS=()
for level in ${WASM_OPT_LEVELS:-default}; do
  if [ "$level" = default ]; then build_js_package >&2; else WASM_OPT_LEVEL="$level" build_js_package >&2; fi
  cp -r "$JS_PACKAGE_DIR" "$WORK/pkg-$level"
  if [ "$level" = default ]; then BUILDS+=("$WORK/pkg-$level"); else BUILDS+=("opt-level $level=$WORK/pkg-$level"); fi
done
[ -n "${WASM_OPT_LEVELS:-}" ] && build_js_package >&2  # leave the default build in place
if [ -z "${SEPAY_SANDBOX_BIN:-}" ]; then
  cargo build --release --locked -p sepay-sandbox >&2
  SEPAY_SANDBOX_BIN="$CARGO_TARGET_DIR/release/sepay-sandbox"
fi
# --prerender: a repeated page is answered from memory (< 1 ms), so the
# comparison is between the two clients, not the sandbox's rendering.
"$SEPAY_SANDBOX_BIN" --addr 127.0.0.1:0 --token BENCH_TOKEN \
  --transactions 20000 --rate-limit 0 --prerender >"$OUT" 2>/dev/null &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$OUT" ] && break; sleep 0.1; done
echo "Node $(node --version), $(nproc) cores" >&2
# Several builds: three rounds, each build in its own process, alternating.
ROUNDS=1; [ ${#BUILDS[@]} -gt 1 ] && ROUNDS=3
for round in $(seq "$ROUNDS"); do
  [ "$ROUNDS" -gt 1 ] && echo "round $round"
  for build in "${BUILDS[@]}"; do
    node benches/js/bench.mjs "$(head -1 "$OUT")" BENCH_TOKEN "$build"
  done
done
