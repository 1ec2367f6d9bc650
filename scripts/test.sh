#!/usr/bin/env bash
# Runs every check and test of the project: formatting, clippy, all Rust tests
# (unit, fixtures, property tests, hardening and chaos, and the client against
# the in-process sandbox), a fuzzing smoke run, every binding's suite and the
# wasm32 build of the core. Installs what it needs; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

# The shared-state tests run a real redis-server on a loopback port.
apt_install redis-server
log "one version everywhere (Cargo, npm, Maven, Python) and a CHANGELOG entry"
python3 tools/check_versions.py
log "cargo fmt --check"
cargo fmt --all -- --check
log "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked --features sepay/redis -- -D warnings
log "API reference (rustdoc): no broken links or warnings"
RUSTDOCFLAGS="-D warnings" cargo doc -p sepay --no-deps --locked --features redis
log "generated files are current"
cargo run -q -p sepay-codegen --locked -- check
log "cargo test (workspace)"
cargo test --workspace --locked --features sepay/redis
log "Rust examples against the in-process sandbox"
for example in demo receive-payment va-order oauth bank-hub page-history; do
  cargo run --quiet --locked -p sepay-examples --bin "$example" >/dev/null
done
log "fuzzing smoke run (every target briefly; scripts/fuzz.sh for the full run)"
scripts/fuzz.sh --smoke
scripts/test-python.sh
scripts/wasm-check.sh
scripts/test-mobile.sh
scripts/test-js.sh
log "all checks passed"
