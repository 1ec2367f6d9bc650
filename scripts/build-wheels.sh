#!/usr/bin/env bash
# The release wheels the test command does not build (each is another full
# release build, ~6 minutes on 2 cores, too long for every test run):
#   - manylinux2014 aarch64 (glibc 2.17), then installed with pip into an arm64
#     Debian bullseye chroot under qemu-user and smoke-tested against the sandbox;
#   - musllinux_1_2 x86_64 (Alpine and other musl systems), checked for its tag and
#     its libc, not run: Debian's mirror has no musl Python.
# The x86_64 manylinux2014 wheel and the sdist come from scripts/test-python.sh.
# Uses zig from PyPI (maturin --zig) and rustup's targets; safe to re-run.
#
# Usage: scripts/build-wheels.sh   (wheels in $CACHE_DIR/wheels-release)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
OUT="$CACHE_DIR/wheels-release"
ensure_python_tools

apt_install file binutils unzip
rustup target add aarch64-unknown-linux-gnu x86_64-unknown-linux-musl
rm -rf "$OUT"
mkdir -p "$OUT"
build() { # rust target, wheel compatibility tag
  log "maturin build --release --zig --target $1 --compatibility $2"
  PATH="$VENV/bin:$PATH" "$VENV/bin/maturin" build --quiet --release --locked --zig \
    --target "$1" --compatibility "$2" --manifest-path bindings-python/Cargo.toml --out "$OUT"
}
build aarch64-unknown-linux-gnu manylinux2014
build x86_64-unknown-linux-musl musllinux_1_2
"$VENV/bin/twine" check --strict "$OUT"/*.whl

native() { # wheel: the path of its unpacked native module
  local dir="$OUT/unpacked/$(basename "$1" .whl)"
  rm -rf "$dir" && mkdir -p "$dir" && (cd "$dir" && unzip -q "$1")
  ls "$dir"/sepay_sdk/_native*.so
}
ARM=$(ls "$OUT"/sepay_sdk-*manylinux2014_aarch64*.whl)
MUSL=$(ls "$OUT"/sepay_sdk-*musllinux_1_2_x86_64.whl)
so=$(native "$ARM")
file -b "$so" | grep -q "ARM aarch64" || { echo "$ARM: not an aarch64 library" >&2; exit 1; }
glibc=$(objdump -T "$so" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
log "aarch64: highest glibc symbol $glibc"
[ "$(printf '%s\n' "$glibc" GLIBC_2.17 | sort -V | tail -1)" = GLIBC_2.17 ] ||
  { echo "$ARM needs $glibc, above manylinux2014's 2.17" >&2; exit 1; }
so=$(native "$MUSL")
readelf -d "$so" | grep -q 'NEEDED.*libc\.musl-x86_64\.so\.1\|NEEDED.*libc\.so' ||
  { echo "$MUSL: not linked against musl" >&2; exit 1; }
readelf -d "$so" | grep -q 'libc\.so\.6' && { echo "$MUSL: links glibc" >&2; exit 1; }
ls -l "$OUT"/*.whl | awk '{print $5, $9}'

log "building sepay-sandbox (release, host) for the smoke test"
cargo build --quiet --release --locked -p sepay-sandbox
./scripts/consumer-python.sh "$ARM" "$CARGO_TARGET_DIR/release/sepay-sandbox" arm64
log "release wheels in $OUT"
