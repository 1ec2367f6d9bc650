#!/usr/bin/env bash
# Builds the Kotlin and Swift bindings from the release library and packages them:
#
#   OUT/lib/libsepay_mobile.so          the library (linux-x86_64, glibc >= 2.17, stripped)
#   OUT/gen/kotlin, OUT/gen/swift       the uniffi-generated sources
#   OUT/native/linux-x86-64/            the library where JNA looks for it on the class
#                                       path; bindings-mobile/kotlin/pom.xml puts it in
#                                       the jar of vn.sepay:sepay-sdk
#   OUT/swift/bindings-mobile/swift/SePay/  the Swift package (Package.swift, Sources/SePay,
#                                       Sources/SePayFFI, lib/, and bin/sepay-sandbox for
#                                       the tests), laid out like the repo so
#   OUT/swift/examples/swift/           the example's relative dependency path works
#
# Usage: bindings-mobile/build.sh [OUT]   (default: $CACHE_DIR/mobile)
# Also builds sepay-sandbox, which the tests and examples run against. The Kotlin
# jar is Maven's work (scripts/test-mobile.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. scripts/mobile-env.sh
OUT="${1:-$CACHE_DIR/mobile}"

ensure_zig
# Three invocations, each with the feature set of what it builds, so the shared
# cargo target keeps one build of each (the test scripts build the sandbox alone too).
log "cargo build --release (uniffi-bindgen, sepay-sandbox)"
cargo build --release --locked -p sepay-uniffi-bindgen
cargo build --release --locked -p sepay-sandbox
# The library alone is linked by zig against glibc 2.17 (manylinux2014's floor), so
# the jar and the Swift package load on Debian 10+, Ubuntu 18.04+, RHEL 8, Amazon
# Linux 2. `cargo rustc` gives the linker to this one crate: a global linker setting
# would be part of every crate's fingerprint and rebuild them all.
log "cargo rustc --release -p sepay-mobile (cdylib, linked against glibc 2.17 by zig)"
cargo rustc --release --locked -p sepay-mobile --lib --crate-type cdylib -- \
  -C linker="$PWD/scripts/zig-cc.sh"
REL="$CARGO_TARGET_DIR/release"

rm -rf "$OUT/lib" "$OUT/gen" "$OUT/native" "$OUT/swift"
mkdir -p "$OUT/lib" "$OUT/gen" "$OUT/swift"
LIB="$OUT/lib/libsepay_mobile.so"
# Only the dynamic symbol table stays (what JNA and the Swift linker use): 12.7 MB -> 10.0 MB.
objcopy --strip-all "$REL/libsepay_mobile.so" "$LIB"

log "generating Kotlin and Swift sources"
# From the unstripped library: uniffi reads its metadata from the full symbol table.
"$REL/uniffi-bindgen" generate --library "$REL/libsepay_mobile.so" --language kotlin --no-format \
  --metadata-no-deps --config bindings-mobile/bindgen.toml --out-dir "$OUT/gen/kotlin" >/dev/null
"$REL/uniffi-bindgen-swift" "$REL/libsepay_mobile.so" "$OUT/gen/swift" --swift-sources --headers \
  --metadata-no-deps --config bindings-mobile/bindgen.toml >/dev/null

mkdir -p "$OUT/native/linux-x86-64"
cp "$LIB" "$OUT/native/linux-x86-64/"

log "laying out the Swift package"
pkg="$OUT/swift/bindings-mobile/swift/SePay"
mkdir -p "$pkg/Sources/SePayFFI" "$pkg/Sources/SePay/Generated" "$pkg/lib" "$OUT/swift/examples"
cp -r bindings-mobile/swift/SePay/. "$pkg/"
cp "$OUT"/gen/swift/*.swift "$pkg/Sources/SePay/Generated/"
cp "$OUT"/gen/swift/*.h "$pkg/Sources/SePayFFI/"
{
  echo "module SePayFFI {"
  for h in "$pkg"/Sources/SePayFFI/*.h; do echo "    header \"$(basename "$h")\""; done
  echo "    link \"sepay_mobile\""
  echo "    export *"
  echo "}"
} >"$pkg/Sources/SePayFFI/module.modulemap"
cp "$LIB" "$pkg/lib/"
# The tests that need a sandbox of their own (chaos) start this copy, which is
# also what they reach inside the Swift chroot.
mkdir -p "$pkg/bin"
objcopy --strip-debug "$REL/sepay-sandbox" "$pkg/bin/sepay-sandbox"
cp -r examples/swift "$OUT/swift/examples/"
log "mobile bindings in $OUT"
