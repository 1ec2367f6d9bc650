#!/usr/bin/env bash
# Python benchmark, one command: sepay-sdk vs PyPI sepay 0.1.0 vs requests + json,
# against one sepay-sandbox. Builds the wheel and the sandbox, prepares a venv
# outside the clone, prints a Markdown table (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh

exec 9>"$CACHE_DIR/python.lock"   # shared with scripts/test-python.sh (same wheel folder)
flock 9

VENV="$CACHE_DIR/python-bench-venv"
WHEELS="$CACHE_DIR/wheels"
export PIP_CACHE_DIR="$CACHE_DIR/pip" PIP_DISABLE_PIP_VERSION_CHECK=1
"$VENV/bin/python" -c 'import sys' 2>/dev/null || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q maturin==1.16.0 sepay==0.1.0 requests msgspec==0.23.0

log "building the sepay-sdk wheel and the sandbox (release)"
mkdir -p "$WHEELS"
rm -f "$WHEELS"/sepay_sdk-*.whl
"$VENV/bin/maturin" build --quiet --release --locked --manifest-path bindings-python/Cargo.toml --out "$WHEELS"
"$VENV/bin/pip" install -q --force-reinstall --no-deps "$WHEELS"/sepay_sdk-*.whl
cargo build --quiet --release --locked -p sepay-sandbox
export SEPAY_SANDBOX_BIN="$CARGO_TARGET_DIR/release/sepay-sandbox"

log "benchmark"
"$VENV/bin/python" benches/python/bench.py
