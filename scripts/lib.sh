# Shared helpers for the project's scripts. Every install is idempotent: it is
# skipped when the tool is already there. Caches live outside the clone.
CACHE_DIR="${SEPAY_CACHE_DIR:-$HOME/.cache/sepay-sdk}"
mkdir -p "$CACHE_DIR"
# One target directory per toolchain, outside the clone, so later runs reuse builds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE_DIR/target}"
WASM_TARGET_DIR="$CACHE_DIR/target-wasm"

log() { printf '\n==> %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_wasm_toolchain() {
  apt_install rustc-web cargo-web rust-web-src lld-19
}

# Debian's cargo/rustc (1.96, knows wasm32) called by full path so rustup's stay the default.
wasm_cargo() {
  RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld \
  CARGO_TARGET_DIR="$WASM_TARGET_DIR" \
    /usr/bin/cargo "$@"
}

# zig from PyPI (the ziglang wheel, pinned in bindings-python/requirements-dev.txt,
# as maturin uses it) in a venv of its own; sets ZIG_PYTHON for scripts/zig-cc.sh,
# which links native libraries against glibc 2.17.
ensure_zig() {
  local venv="$CACHE_DIR/zig-venv" pin
  ZIG_PYTHON="$venv/bin/python"
  export ZIG_PYTHON
  pin=$(grep '^ziglang==' "$(dirname "${BASH_SOURCE[0]}")/../bindings-python/requirements-dev.txt")
  "$ZIG_PYTHON" -c "import importlib.metadata as m, sys; sys.exit(m.version('ziglang') != '${pin##*==}')" \
    2>/dev/null && return 0
  log "installing zig ($pin from PyPI) into $venv"
  python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv; rm -rf "$venv"; python3 -m venv "$venv"; }
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/pip" install -q "$pin"
}

# The project's Python venv with its build and test tools (maturin, zig, twine,
# pytest, mypy, pdoc: bindings-python/requirements-dev.txt); sets VENV.
ensure_python_tools() {
  VENV="$CACHE_DIR/python-venv"
  export PIP_CACHE_DIR="$CACHE_DIR/pip" PIP_DISABLE_PIP_VERSION_CHECK=1
  if ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
    log "creating the Python venv ($VENV)"
    command -v python3 >/dev/null || apt_install python3
    python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; rm -rf "$VENV"; python3 -m venv "$VENV"; }
  fi
  log "Python tools (bindings-python/requirements-dev.txt)"
  "$VENV/bin/pip" install -q -r "$(dirname "${BASH_SOURCE[0]}")/../bindings-python/requirements-dev.txt"
}
