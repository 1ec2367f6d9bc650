#!/usr/bin/env bash
# rustc's linker for native libraries that must load on older Linux: zig (the
# `ziglang` wheel from PyPI, the one maturin uses for the Python wheel) links
# against glibc 2.17, the manylinux2014 floor, whatever glibc this machine has.
#   ZIG_PYTHON=<python with ziglang> cargo rustc ... -- -C linker=scripts/zig-cc.sh
# ZIG_TARGET picks another target (default x86_64-linux-gnu.2.17).
set -euo pipefail
args=()
for arg in "$@"; do
  case "$arg" in
    # rustc asks cc to link with its bundled rust-lld; zig links with its own lld.
    -fuse-ld=* | -B*gcc-ld*) ;;
    *) args+=("$arg") ;;
  esac
done
exec "${ZIG_PYTHON:?ZIG_PYTHON: a Python with the ziglang package}" -m ziglang cc \
  -target "${ZIG_TARGET:-x86_64-linux-gnu.2.17}" "${args[@]}"
