#!/usr/bin/env bash
# The wheel as a user on an older system installs it: a Debian bullseye chroot
# (glibc 2.31, its own Python 3.9 and pip 20.3) made with debootstrap (cached
# in $CACHE_DIR/bullseye, about 2 minutes the first time), `pip install` of the
# manylinux2014 wheel, then a smoke test against a sandbox on the host
# (list, iterate, a typed error). With ARCH arm64 the chroot is Debian's arm64
# bullseye run under qemu-user (binfmt_misc), for the aarch64 wheel
# (scripts/build-wheels.sh); the sandbox still runs on the host.
#
# Usage: scripts/consumer-python.sh WHEEL SANDBOX_BINARY [ARCH]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
WHEEL=$1
SANDBOX_BIN=$2
ARCH=${3:-amd64}
ROOT="$CACHE_DIR/bullseye"
[ "$ARCH" = amd64 ] || ROOT="$CACHE_DIR/bullseye-$ARCH"
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"

if [ "$ARCH" != amd64 ]; then
  # qemu-user-static registers its interpreters with the F flag, so binaries in
  # the chroot run without a copy of qemu inside it.
  apt_install qemu-user-static binfmt-support
  mountpoint -q /proc/sys/fs/binfmt_misc || $sudo mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || $sudo update-binfmts --enable qemu-aarch64
fi
if [ ! -x "$ROOT/usr/bin/pip3" ]; then
  apt_install debootstrap
  log "debootstrap Debian bullseye ($ARCH) with python3 and pip into $ROOT"
  $sudo rm -rf "$ROOT"
  $sudo debootstrap --arch="$ARCH" --variant=minbase --include=python3,python3-pip bullseye "$ROOT" \
    http://deb.debian.org/debian >/dev/null
  $sudo chroot "$ROOT" apt-get clean
fi

SANDBOX_PID=""
cleanup() {
  [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null || true
  mountpoint -q "$ROOT/proc" && { $sudo umount "$ROOT/proc" || $sudo umount -l "$ROOT/proc"; }
  $sudo rm -rf "$ROOT/tmp/consumer"
}
trap cleanup EXIT
mountpoint -q "$ROOT/proc" || $sudo mount -t proc proc "$ROOT/proc"

in_root() { $sudo chroot "$ROOT" env HOME=/root PATH=/usr/local/bin:/usr/bin:/bin "$@"; }

log "bullseye ($(in_root uname -m)): $(in_root ldd --version | head -1), $(in_root python3 --version)"
$sudo rm -rf "$ROOT/tmp/consumer"
$sudo mkdir -p "$ROOT/tmp/consumer"
$sudo cp "$WHEEL" "$ROOT/tmp/consumer/"
$sudo cp tests/consumer/python_smoke.py "$ROOT/tmp/consumer/"
in_root python3 -m pip uninstall -q -y sepay-sdk >/dev/null 2>&1 || true
in_root python3 -m pip install -q --no-index "/tmp/consumer/$(basename "$WHEEL")"

OUTFILE="$(mktemp)"
"$SANDBOX_BIN" --addr 127.0.0.1:0 --token CONSUMER_TOKEN --transactions 250 --rate-limit 0 >"$OUTFILE" &
SANDBOX_PID=$!
for _ in $(seq 100); do [ -s "$OUTFILE" ] && break; sleep 0.1; done
URL="$(head -1 "$OUTFILE")"
rm -f "$OUTFILE"
log "smoke test in bullseye against $URL"
in_root python3 /tmp/consumer/python_smoke.py "$URL" CONSUMER_TOKEN
