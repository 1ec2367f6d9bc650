# Toolchains for the Kotlin and Swift bindings (sourced after scripts/lib.sh).
# Every install is idempotent and cached under $CACHE_DIR, outside the clone:
#   - Kotlin: kotlinc from the npm package `kotlin-compiler`, JNA and JUnit 4 from Debian;
#   - Swift: Swift 6 (Debian trixie's swiftlang) inside a debootstrap'ed trixie chroot,
#     because bookworm has no Swift and trixie's binaries need a newer glibc.

KOTLIN_VERSION=2.4.20
KOTLIN_HOME="$CACHE_DIR/kotlin-compiler-$KOTLIN_VERSION"
KOTLIN_LIB="$KOTLIN_HOME/lib"
SWIFT_CHROOT="$CACHE_DIR/trixie-swift"

# Compile-time classpath for Kotlin code using the generated bindings.
kotlin_classpath() {
  printf '%s' "/usr/share/java/jna.jar:$KOTLIN_LIB/kotlinx-coroutines-core-jvm.jar"
}

# Classpath for JUnit tests (compile and run).
kotlin_test_classpath() {
  printf '%s' "$(kotlin_classpath):$KOTLIN_LIB/kotlin-test.jar:$KOTLIN_LIB/kotlin-test-junit.jar:/usr/share/java/junit4.jar:/usr/share/java/hamcrest.jar:$KOTLIN_LIB/kotlin-stdlib.jar"
}

kotlinc() { "$KOTLIN_HOME/bin/kotlinc" "$@"; }

ensure_kotlin() {
  apt_install libjna-java junit4 binutils
  command -v jar >/dev/null || apt_install openjdk-17-jdk-headless
  [ -x "$KOTLIN_HOME/bin/kotlinc" ] && return 0
  log "installing kotlinc $KOTLIN_VERSION (npm package kotlin-compiler) into $KOTLIN_HOME"
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null && tar xzf kotlin-compiler-*.tgz)
  chmod +x "$tmp"/package/bin/*
  rm -rf "$KOTLIN_HOME"
  mv "$tmp/package" "$KOTLIN_HOME"
  rm -rf "$tmp"
}

ensure_swift_chroot() {
  [ -x "$SWIFT_CHROOT/usr/bin/swiftc" ] && return 0
  apt_install debootstrap
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  if [ ! -x "$SWIFT_CHROOT/usr/bin/apt-get" ]; then
    log "debootstrap Debian trixie into $SWIFT_CHROOT (about a minute)"
    $sudo rm -rf "$SWIFT_CHROOT"
    $sudo debootstrap --variant=minbase trixie "$SWIFT_CHROOT" http://deb.debian.org/debian >/dev/null
  fi
  log "installing swiftlang in the chroot (about a minute, ~540 MB)"
  $sudo cp /etc/resolv.conf "$SWIFT_CHROOT/etc/resolv.conf"
  $sudo chroot "$SWIFT_CHROOT" apt-get update -qq
  $sudo chroot "$SWIFT_CHROOT" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq swiftlang >/dev/null
  $sudo chroot "$SWIFT_CHROOT" apt-get clean
}

# Mounts /proc in the chroot (swiftc cannot load libswiftCore.so without it).
# Callers must `trap swift_chroot_umount EXIT` first.
swift_chroot_mount() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  mountpoint -q "$SWIFT_CHROOT/proc" || $sudo mount -t proc proc "$SWIFT_CHROOT/proc"
}

swift_chroot_umount() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  if mountpoint -q "$SWIFT_CHROOT/proc" 2>/dev/null; then
    $sudo umount "$SWIFT_CHROOT/proc" || $sudo umount -l "$SWIFT_CHROOT/proc"
  fi
}

# Runs a bash command line inside the chroot.
in_swift_chroot() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo chroot "$SWIFT_CHROOT" env HOME=/root PATH=/usr/local/bin:/usr/bin:/bin bash -c "$*"
}
