# Toolchains for the Kotlin and Swift bindings (sourced after scripts/lib.sh).
# Every install is idempotent and cached under $CACHE_DIR, outside the clone:
#   - Kotlin: Maven and a JDK from Debian; the Kotlin compiler, JNA, coroutines,
#     JUnit and Dokka come from Maven Central into $CACHE_DIR/m2;
#   - Swift: Swift 6 (Debian trixie's swiftlang) inside a debootstrap'ed trixie chroot,
#     because bookworm has no Swift and trixie's binaries need a newer glibc.

SWIFT_CHROOT="$CACHE_DIR/trixie-swift"
M2_REPO="$CACHE_DIR/m2"

ensure_maven() {
  apt_install maven binutils unzip
  command -v javac >/dev/null || apt_install openjdk-17-jdk-headless
}

# Maven in batch mode with the project's local repository (the artifact is
# installed there, and consumers resolve it from there by its coordinates).
mvn_sepay() { mvn -B -ntp -Dstyle.color=never -Dmaven.repo.local="$M2_REPO" "$@"; }

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
