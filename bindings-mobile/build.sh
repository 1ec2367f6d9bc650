#!/usr/bin/env bash
# Builds the Kotlin and Swift bindings from the release library and packages them:
#
#   OUT/lib/libsepay_mobile.so          the library (linux-x86_64, debug info stripped)
#   OUT/kotlin/sepay-kotlin.jar         generated + hand-written Kotlin, with the library
#                                       inside as linux-x86-64/libsepay_mobile.so (JNA
#                                       finds it on the classpath, no -Djna.library.path)
#   OUT/swift/bindings-mobile/swift/SePay/  the Swift package (Package.swift, Sources/SePay,
#                                       Sources/SePayFFI, lib/, and bin/sepay-sandbox for
#                                       the tests), laid out like the repo so
#   OUT/swift/examples/swift/           the example's relative dependency path works
#
# Usage: bindings-mobile/build.sh [OUT]   (default: $CACHE_DIR/mobile)
# Needs kotlinc (scripts/mobile-env.sh installs it). Also builds sepay-sandbox,
# which the tests and examples run against, in the same cargo invocation.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. scripts/mobile-env.sh
OUT="${1:-$CACHE_DIR/mobile}"
ensure_kotlin

log "cargo build --release (sepay-mobile, uniffi-bindgen, sepay-sandbox)"
cargo build --release --locked -p sepay-mobile -p sepay-uniffi-bindgen -p sepay-sandbox
REL="$CARGO_TARGET_DIR/release"

rm -rf "$OUT/lib" "$OUT/gen" "$OUT/kotlin" "$OUT/swift"
mkdir -p "$OUT/lib" "$OUT/gen" "$OUT/kotlin" "$OUT/swift"
LIB="$OUT/lib/libsepay_mobile.so"
objcopy --strip-debug "$REL/libsepay_mobile.so" "$LIB"

log "generating Kotlin and Swift sources"
"$REL/uniffi-bindgen" generate --library "$LIB" --language kotlin --no-format \
  --metadata-no-deps --config bindings-mobile/bindgen.toml --out-dir "$OUT/gen/kotlin" >/dev/null
"$REL/uniffi-bindgen-swift" "$LIB" "$OUT/gen/swift" --swift-sources --headers \
  --metadata-no-deps --config bindings-mobile/bindgen.toml >/dev/null

log "packaging the Kotlin jar"
classes="$OUT/kotlin/classes"
mkdir -p "$classes/linux-x86-64"
kotlinc -jvm-target 17 -nowarn -cp "$(kotlin_classpath)" \
  $(find "$OUT/gen/kotlin" bindings-mobile/kotlin/src -name '*.kt') -d "$classes" 2>&1 |
  grep -v '^warning: unable to find kotlin-stdlib' || true
[ -f "$classes/vn/sepay/sdk/SePayClient.class" ] || { echo "kotlinc failed" >&2; exit 1; }
cp "$LIB" "$classes/linux-x86-64/"
jar --create --file "$OUT/kotlin/sepay-kotlin.jar" -C "$classes" .
rm -rf "$classes"

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
