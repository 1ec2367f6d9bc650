#!/usr/bin/env bash
# Shared-state benchmark: 1, 2, 4 and 8 Python worker processes against a
# sandbox enforcing 3 requests/second, each process alone and through Redis;
# and the p50 cost one Redis round trip adds to a call on loopback.
# Usage: benches/shared/run.sh   (CALLS=6 per process, ROUNDS=20 blocks of 100)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
scripts/test-python.sh >/dev/null   # builds and installs the wheel, builds the sandbox
apt_install redis-server
export SEPAY_SANDBOX_BIN="$CARGO_TARGET_DIR/release/sepay-sandbox"
PORT=$("$CACHE_DIR/python-venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --loglevel warning >/dev/null 2>&1 &
REDIS_PID=$!
trap 'kill -9 $REDIS_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do redis-cli -p "$PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
"$CACHE_DIR/python-venv/bin/python" benches/shared/bench.py "redis://127.0.0.1:$PORT/0"
