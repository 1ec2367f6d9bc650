#!/usr/bin/env bash
# Kotlin and Swift bindings, tested through the BUILT artifacts against a
# sepay-sandbox process on a free loopback port:
#   1. bindings-mobile/build.sh: release library, generated sources, the Kotlin jar
#      (library inside) and the Swift package;
#   2. JUnit on the JVM against the jar (no -Djna.library.path), then examples/kotlin;
#   3. XCTest (`swift test`) in a Debian trixie chroot with Swift 6, then examples/swift.
# Installs kotlinc and the chroot when missing (cached in $CACHE_DIR); safe to re-run.
# `scripts/test-mobile.sh --kotlin-only` stops after the Kotlin steps (quicker while iterating).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. scripts/mobile-env.sh
OUT="$CACHE_DIR/mobile"
TOKEN="MOBILE_TEST_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl"
KOTLIN_ONLY=""
[ "${1:-}" = "--kotlin-only" ] && KOTLIN_ONLY=1
started=$(date +%s)
step() { log "$1 (+$(($(date +%s) - started)) s)"; }

# One run at a time per machine: runs from other clones share $OUT, the chroot
# and its /proc mount (which each run unmounts when it ends).
exec 9>"$CACHE_DIR/test-mobile.lock"
flock 9

ensure_kotlin
[ -n "$KOTLIN_ONLY" ] || ensure_swift_chroot
bindings-mobile/build.sh "$OUT"

SANDBOX_PID=""
REDIS_PID=""
cleanup() {
  [ -z "$SANDBOX_PID" ] || kill "$SANDBOX_PID" 2>/dev/null || true
  [ -z "$REDIS_PID" ] || kill -9 "$REDIS_PID" 2>/dev/null || true
  [ -n "$KOTLIN_ONLY" ] || swift_chroot_umount
}
trap cleanup EXIT

# Short token lifetimes: OAuth2 access tokens and Bank Hub tokens expire mid-test.
step "starting sepay-sandbox (25,000 transactions, rate limit off, OAuth2 / Bank Hub tokens live 2 s / 4 s)"
"$CARGO_TARGET_DIR/release/sepay-sandbox" --addr 127.0.0.1:0 --token "$TOKEN" \
  --transactions 25000 --rate-limit 0 --oauth-access-ttl 2 --bankhub-token-ttl 4 >"$OUT/sandbox.out" 2>"$OUT/sandbox.err" &
SANDBOX_PID=$!
URL=""
for _ in $(seq 200); do
  URL=$(head -n 1 "$OUT/sandbox.out" 2>/dev/null || true)
  [ -n "$URL" ] && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$OUT/sandbox.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$URL" ] || { echo "sepay-sandbox printed no URL" >&2; exit 1; }
export SEPAY_SANDBOX_URL="$URL" SEPAY_SANDBOX_TOKEN="$TOKEN"

# The shared-state tests (JVM and the chroot's Swift alike) use one redis-server on a
# free loopback port, each under its own key prefix; the JVM one adds Python workers
# with the wheel scripts/test-python.sh installed.
apt_install redis-server python3
REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --loglevel warning >/dev/null 2>&1 &
REDIS_PID=$!
for _ in $(seq 100); do
  redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
  sleep 0.1
done
export SEPAY_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
PY="$CACHE_DIR/python-venv/bin/python"
if "$PY" -c 'import sepay_sdk' 2>/dev/null; then export SEPAY_PYTHON="$PY"; fi

step "Kotlin: compiling the JUnit tests against sepay-kotlin.jar"
JAR="$OUT/kotlin/sepay-kotlin.jar"
kotlinc -jvm-target 17 -nowarn -cp "$(kotlin_test_classpath):$JAR" \
  bindings-mobile/kotlin/test -d "$OUT/kotlin/tests.jar" 2>&1 | grep -v '^warning:' || true
[ -f "$OUT/kotlin/tests.jar" ] || { echo "kotlinc failed" >&2; exit 1; }
step "Kotlin: JUnit (the library comes from inside the jar)"
env -u LD_LIBRARY_PATH java -cp "$(kotlin_test_classpath):$JAR:$OUT/kotlin/tests.jar" \
  org.junit.runner.JUnitCore $(cd bindings-mobile/kotlin/test && ls vn/sepay/sdk/*Test.kt | sed 's|\.kt$||; s|/|.|g')

step "Kotlin: examples/kotlin"
kotlinc -jvm-target 17 -nowarn -cp "$(kotlin_classpath):$JAR" examples/kotlin/Example.kt \
  -d "$OUT/kotlin/example.jar" 2>&1 | grep -v '^warning:' || true
java -cp "$(kotlin_classpath):$KOTLIN_LIB/kotlin-stdlib.jar:$JAR:$OUT/kotlin/example.jar" \
  ExampleKt "$URL" "$TOKEN" | tee "$OUT/kotlin/example.out"
grep -q "VND" "$OUT/kotlin/example.out" && ! grep -q "failed:" "$OUT/kotlin/example.out"

if [ -n "$KOTLIN_ONLY" ]; then
  step "Kotlin checks passed (--kotlin-only: Swift skipped)"
  exit 0
fi

step "Swift: copying the package into the trixie chroot"
swift_chroot_mount
WORK=/work/sepay-mobile
mkdir -p "$SWIFT_CHROOT$WORK"
# Fresh sources every run; SwiftPM's .build caches are kept.
for d in bindings-mobile/swift/SePay examples/swift; do
  dst="$SWIFT_CHROOT$WORK/$d"
  mkdir -p "$dst"
  find "$dst" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
  cp -r "$OUT/swift/$d/." "$dst/"
done
PKG="$WORK/bindings-mobile/swift/SePay"
LINK="-Xlinker -L$PKG/lib -Xlinker -rpath -Xlinker $PKG/lib"

step "Swift: XCTest (swift test) against the sandbox"
in_swift_chroot "cd $PKG && swift test --disable-swift-testing $LINK"

step "Swift: examples/swift"
in_swift_chroot "cd $WORK/examples/swift && swift run -q $LINK Example '$URL' '$TOKEN'" | tee "$OUT/swift-example.out"
grep -q "VND" "$OUT/swift-example.out" && ! grep -q "failed:" "$OUT/swift-example.out"

step "mobile bindings: all checks passed"
