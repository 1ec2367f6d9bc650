#!/usr/bin/env bash
# Kotlin and Swift bindings, tested through the BUILT artifacts against a
# sepay-sandbox process on a free loopback port:
#   1. bindings-mobile/build.sh: release library, generated sources and the Swift package;
#   2. Maven builds the artifact vn.sepay:sepay-sdk (library inside, no -Djna.library.path),
#      runs JUnit through it, builds Dokka and installs it; examples/kotlin and a separate
#      consumer project then depend on it by its coordinates;
#   3. XCTest (`swift test`) in a Debian trixie chroot with Swift 6, then examples/swift.
# Installs Maven and the chroot when missing (cached in $CACHE_DIR); safe to re-run.
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

ensure_maven
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

step "Kotlin: vn.sepay:sepay-sdk with Maven: compile, JUnit against the sandbox, Dokka, jars, install"
rm -rf "$CACHE_DIR/docs/kotlin"
MAVEN_LOG="$OUT/maven-sepay-sdk.log"
# No LD_LIBRARY_PATH: JNA must find the library inside the jar.
if ! (unset LD_LIBRARY_PATH; mvn_sepay -f bindings-mobile/kotlin/pom.xml -Dgen.dir="$OUT/gen/kotlin" \
  -Dnative.dir="$OUT/native" -Ddocs.out="$CACHE_DIR/docs/kotlin" clean install) >"$MAVEN_LOG" 2>&1; then
  grep -E "Tests run:|FAIL|\[ERROR\]" "$MAVEN_LOG" | head -80 >&2
  echo "Maven build of vn.sepay:sepay-sdk failed: $MAVEN_LOG" >&2
  exit 1
fi
grep -E "^\[INFO\] Tests run:|^\[WARNING\] Tests run:" "$MAVEN_LOG" | tail -1
step "Kotlin: the artifact as published (jar with the library, sources and docs jars, POM)"
ARTIFACT="$M2_REPO/vn/sepay/sepay-sdk/0.1.0"
for f in sepay-sdk-0.1.0.jar sepay-sdk-0.1.0-sources.jar sepay-sdk-0.1.0-javadoc.jar sepay-sdk-0.1.0.pom; do
  [ -s "$ARTIFACT/$f" ] || { echo "missing $ARTIFACT/$f" >&2; exit 1; }
done
jar_has() { # jar, then the entry it must hold
  local entries
  entries=$(unzip -Z1 "$1")
  grep -qxF -- "$2" <<<"$entries" || { echo "$1 has no $2" >&2; exit 1; }
}
jar_has "$ARTIFACT/sepay-sdk-0.1.0.jar" linux-x86-64/libsepay_mobile.so
jar_has "$ARTIFACT/sepay-sdk-0.1.0-sources.jar" vn/sepay/sdk/Paging.kt
jar_has "$ARTIFACT/sepay-sdk-0.1.0-sources.jar" vn/sepay/sdk/sepay_mobile.kt
jar_has "$ARTIFACT/sepay-sdk-0.1.0-javadoc.jar" index.html
ls -l "$ARTIFACT"/*.jar | awk '{print $5, $9}'

step "Kotlin: API reference (Dokka): no unresolved links, nothing undocumented"
python3 tools/docs/check_dokka_log.py "$MAVEN_LOG"
# Dokka links enum/exception members inherited from the standard library (name,
# ordinal, message, cause) to anchors it does not render: not our content.
python3 tools/docs/check_links.py "$CACHE_DIR/docs/kotlin" --skip-anchor "/Properties/"

# Fails the run unless an example's output (file) has every given text and no "failed:".
expect_output() {
  local out=$1 text
  shift
  for text in "$@"; do
    grep -qF -- "$text" "$out" || { echo "$out: no \"$text\" in the output" >&2; exit 1; }
  done
  if grep -q "failed:" "$out"; then echo "$out: an example reported a failure" >&2; exit 1; fi
}

step "Kotlin: examples/kotlin (a Maven project on vn.sepay:sepay-sdk; each main runs against the sandbox)"
mkdir -p "$OUT/kotlin"
mvn_sepay -q -f examples/kotlin/pom.xml clean package dependency:build-classpath \
  -Dmdep.outputFile="$OUT/kotlin/examples.classpath"
kotlin_example() { # main class, then its arguments; the output goes to $OUT/kotlin/<class>.out
  local main=$1
  shift
  java -cp "examples/kotlin/target/classes:$(cat "$OUT/kotlin/examples.classpath")" \
    "$main" "$@" | tee "$OUT/kotlin/$main.out"
}
kotlin_example ExampleKt "$URL" "$TOKEN"
expect_output "$OUT/kotlin/ExampleKt.out" "VND"
kotlin_example VaOrderKt "$URL" "$TOKEN"
expect_output "$OUT/kotlin/VaOrderKt.out" "PAID, paid 300000 of 300000" "a paid order cannot be cancelled: HTTP 422"
kotlin_example ReceiveWebhookKt "$URL"
expect_output "$OUT/kotlin/ReceiveWebhookKt.out" "paid: 150000 VND, code DH42" "SePay counted the delivery as success"
kotlin_example OAuthFlowKt "$URL"
expect_output "$OUT/kotlin/OAuthFlowKt.out" "authorized: OAuthTokens" "acting for " " VND"
kotlin_example BankHubKt "$URL"
expect_output "$OUT/kotlin/BankHubKt.out" "company created: CONG TY TNHH VI DU" "link token: open https://" "state: Active"

step "Kotlin: a separate Maven project depending on vn.sepay:sepay-sdk by its coordinates"
mvn_sepay -q -f tests/consumer/maven/pom.xml clean package exec:exec \
  -Dsandbox.url="$URL" -Dsandbox.token="$TOKEN" | tee "$OUT/kotlin-consumer.out"
expect_output "$OUT/kotlin-consumer.out" "typed errors: ok"

if [ -n "$KOTLIN_ONLY" ]; then
  step "Kotlin checks passed (--kotlin-only: Swift skipped)"
  exit 0
fi

step "Swift: copying the package into the trixie chroot"
swift_chroot_mount
WORK=/work/sepay-mobile
mkdir -p "$SWIFT_CHROOT$WORK"
# Fresh sources every run; SwiftPM's .build caches are kept.
for d in bindings-mobile/swift/SePay examples/swift tests/consumer/swift; do
  dst="$SWIFT_CHROOT$WORK/$d"
  mkdir -p "$dst"
  find "$dst" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
  if [ -d "$OUT/swift/$d" ]; then cp -r "$OUT/swift/$d/." "$dst/"; else cp -r "$d/." "$dst/"; fi
done
PKG="$WORK/bindings-mobile/swift/SePay"
# No linker flags anywhere below: the package's SePay target points the linker
# (and the run path) at its lib/, as a user's `swift build` needs.

step "Swift: XCTest (swift test) against the sandbox"
in_swift_chroot "cd $PKG && swift test --disable-swift-testing"

step "Swift: API reference (DocC): every public symbol documented, no broken references"
in_swift_chroot "cd $PKG && swift package dump-symbol-graph >/dev/null && rm -rf /tmp/sepay-docc &&
  /usr/libexec/swift/bin/docc convert --additional-symbol-graph-dir .build/x86_64-pc-linux-gnu/symbolgraph \
    --output-path /tmp/sepay-docc --fallback-display-name SePay --fallback-bundle-identifier vn.sepay.SePay \
    --fallback-bundle-version 0.1.0 --warnings-as-errors >/dev/null"
python3 tools/docs/check_swift_symbols.py "$SWIFT_CHROOT$PKG/.build/x86_64-pc-linux-gnu/symbolgraph/SePay.symbols.json"

step "Swift: examples/swift (one swift build for every executable; each runs against the sandbox)"
in_swift_chroot "cd $WORK/examples/swift && swift build -q"
swift_example() { # executable, then its arguments; the output goes to $OUT/swift-<name>.out
  local name=$1
  shift
  in_swift_chroot "cd $WORK/examples/swift && swift run --skip-build -q $name$(printf ' %q' "$@")" |
    tee "$OUT/swift-$name.out"
}
swift_example Example "$URL" "$TOKEN"
expect_output "$OUT/swift-Example.out" "VND"
swift_example VaOrder "$URL" "$TOKEN"
expect_output "$OUT/swift-VaOrder.out" "paid, paid 300000 of 300000" "a paid order cannot be cancelled: HTTP 422"
swift_example ReceiveWebhook "$URL"
expect_output "$OUT/swift-ReceiveWebhook.out" "paid: 150000 VND, code DH42" "SePay counted the delivery as success"
swift_example OAuthFlow "$URL"
expect_output "$OUT/swift-OAuthFlow.out" "authorized: OAuthTokens" "acting for " " VND"
swift_example BankHub "$URL"
expect_output "$OUT/swift-BankHub.out" "company created: CONG TY TNHH VI DU" "link token: open https://" "state: Active"

step "Swift: a separate consumer package (path dependency, plain swift run)"
in_swift_chroot "cd $WORK/tests/consumer/swift && swift run -q Consumer '$URL' '$TOKEN'" | tee "$OUT/swift-consumer.out"
expect_output "$OUT/swift-consumer.out" "typed errors: ok"

step "mobile bindings: all checks passed"
