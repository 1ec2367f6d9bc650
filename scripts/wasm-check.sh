#!/usr/bin/env bash
# Builds the core for wasm32-unknown-unknown with Debian's rustc-web and -Z build-std
# (rustup cannot fetch the wasm32 standard library here; see ../shared/design/toolchains.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_wasm_toolchain
log "building the core (sepay) for wasm32-unknown-unknown"
wasm_cargo build --release --target wasm32-unknown-unknown -Z build-std=std,panic_abort -p sepay
