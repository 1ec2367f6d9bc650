#!/usr/bin/env bash
# The Python package: builds the abi3 wheel with maturin, installs it into a
# venv outside the clone, type-checks the tests and examples (mypy --strict),
# then runs pytest against sepay-sandbox processes and the examples.
# Installs what it needs (venv, maturin, pytest, mypy); safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

# One run at a time per cache: concurrent runs would share the venv, the wheel
# folder and maturin's staging file in the cargo target directory.
exec 9>"$CACHE_DIR/python.lock"
flock 9

WHEELS="$CACHE_DIR/wheels"
ensure_python_tools
# The shared-state tests start redis-server on a loopback port.
apt_install redis-server

log "building the sepay-sdk wheel (maturin, release, abi3, manylinux2014 through zig)"
mkdir -p "$WHEELS"
rm -f "$WHEELS"/sepay_sdk-*.whl
# zig (the ziglang wheel in the venv) links against glibc 2.17, so the wheel
# installs on Debian 10/11, Ubuntu 20.04, RHEL 8, Amazon Linux 2.
PATH="$VENV/bin:$PATH" "$VENV/bin/maturin" build --quiet --release --locked \
  --zig --compatibility manylinux2014 \
  --manifest-path bindings-python/Cargo.toml --out "$WHEELS"
"$VENV/bin/twine" check --strict "$WHEELS"/sepay_sdk-*.whl
"$VENV/bin/pip" install -q --force-reinstall --no-deps "$WHEELS"/sepay_sdk-*.whl

log "building sepay-sandbox (release)"
cargo build --quiet --release --locked -p sepay-sandbox
export SEPAY_SANDBOX_BIN="$CARGO_TARGET_DIR/release/sepay-sandbox"

log "mypy --strict (tests, examples)"
"$VENV/bin/mypy" --strict --cache-dir "$CACHE_DIR/mypy" \
  bindings-python/tests examples/python

log "pytest (installed wheel against sandbox processes)"
(cd bindings-python && "$VENV/bin/pytest" -p no:cacheprovider -q tests)

log "API reference (pdoc): every public item documented, no broken links"
MODULES="sepay_sdk sepay_sdk.testing sepay_sdk.tokens sepay_sdk.errors sepay_sdk.webhooks sepay_sdk.vietqr"
"$VENV/bin/python" tools/docs/check_python_docs.py $MODULES
rm -rf "$CACHE_DIR/docs/python"
"$VENV/bin/pdoc" --docformat restructuredtext -o "$CACHE_DIR/docs/python" $MODULES
"$VENV/bin/python" tools/docs/check_links.py "$CACHE_DIR/docs/python"

log "Python examples"
for example in examples/python/*.py; do
  case "$example" in */_*|*/test_*) continue ;; esac
  "$VENV/bin/python" "$example" >/dev/null
done
log "the wheel installed as a user would on an older system (bullseye chroot)"
./scripts/consumer-python.sh "$(ls "$WHEELS"/sepay_sdk-*.whl)" "$SEPAY_SANDBOX_BIN"

log "the sdist builds from source with pip (build isolation: maturin from PyPI) and works"
# Unpacked at a fixed path with the shared cargo target, so later runs rebuild
# only what changed, as the wheel above does.
rm -f "$WHEELS"/sepay_sdk-*.tar.gz
"$VENV/bin/maturin" sdist --manifest-path bindings-python/Cargo.toml --out "$WHEELS" >/dev/null
SDIST="$CACHE_DIR/sdist"
mkdir -p "$SDIST" && rm -rf "$SDIST/src" "$SDIST/wheel" && mkdir -p "$SDIST/src"
tar xzf "$WHEELS"/sepay_sdk-*.tar.gz -C "$SDIST/src"
"$VENV/bin/pip" wheel -q --no-deps -w "$SDIST/wheel" "$SDIST"/src/sepay_sdk-*/
[ -x "$SDIST/venv/bin/python" ] || python3 -m venv "$SDIST/venv"
"$SDIST/venv/bin/pip" install -q --force-reinstall --no-deps "$SDIST"/wheel/sepay_sdk-*.whl
SANDBOX_OUT=$(mktemp)
"$SEPAY_SANDBOX_BIN" --addr 127.0.0.1:0 --token SDIST_TOKEN --transactions 250 --rate-limit 0 >"$SANDBOX_OUT" &
SDIST_SANDBOX=$!
trap 'kill "$SDIST_SANDBOX" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$SANDBOX_OUT" ] && break; sleep 0.1; done
"$SDIST/venv/bin/python" tests/consumer/python_smoke.py "$(head -1 "$SANDBOX_OUT")" SDIST_TOKEN
rm -f "$SANDBOX_OUT"

log "Python example test suite (sepay_sdk.testing fixtures)"
"$VENV/bin/pytest" -p no:cacheprovider -q -o asyncio_default_fixture_loop_scope=function examples/python/test_*.py
