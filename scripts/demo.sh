#!/usr/bin/env bash
# The main job: start the built-in SePay sandbox and list bank accounts and recent
# transactions through the Rust client. No SePay account needed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
cargo run --quiet --locked --release -p sepay-examples --bin demo
