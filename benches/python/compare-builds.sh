#!/usr/bin/env bash
# The Python wheel compiled with the `release` profile and with the `dist` profile
# (fat LTO, one codegen unit), both manylinux2014 through zig and stripped, then
# benches/python/compare_builds.py side by side: size and speed in one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
OUT="$CACHE_DIR/compare-builds"
ensure_python_tools
rm -rf "$OUT" && mkdir -p "$OUT/release" "$OUT/dist"
for profile in release dist; do
  log "maturin build --profile $profile (manylinux2014, zig)"
  PATH="$VENV/bin:$PATH" "$VENV/bin/maturin" build --quiet --locked --profile "$profile" --zig \
    --compatibility manylinux2014 --manifest-path bindings-python/Cargo.toml --out "$OUT/$profile"
done
cargo build --quiet --release --locked -p sepay-sandbox
SEPAY_SANDBOX_BIN="$CARGO_TARGET_DIR/release/sepay-sandbox" "$VENV/bin/python" benches/python/compare_builds.py \
  "$OUT"/release/sepay_sdk-*.whl "$OUT"/dist/sepay_sdk-*.whl
