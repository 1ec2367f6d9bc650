# Helpers for the JavaScript package (bindings-wasm). Source after scripts/lib.sh.
# Every install is idempotent and cached outside the clone, in $CACHE_DIR/tools.

# The wasm-bindgen CLI must equal the crate to the patch: read the exact pin.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' Cargo.toml)"
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "no exact wasm-bindgen pin in Cargo.toml" >&2; exit 1; }
WASM_BINDGEN_ROOT="$CACHE_DIR/tools/wasm-bindgen-$WASM_BINDGEN_VERSION"
WASM_BINDGEN="$WASM_BINDGEN_ROOT/bin/wasm-bindgen"
NODE_TOOLS="$CACHE_DIR/tools/node"
TSC="$NODE_TOOLS/node_modules/.bin/tsc"
TYPEDOC="$NODE_TOOLS/node_modules/.bin/typedoc"
PUBLINT="$NODE_TOOLS/node_modules/.bin/publint"
ATTW="$NODE_TOOLS/node_modules/.bin/attw"
DENO="$NODE_TOOLS/node_modules/.bin/deno"
# A target directory of its own: the wasm-bindgen build uses other RUSTFLAGS
# than scripts/wasm-check.sh, and the two would otherwise rebuild each other.
WASM_JS_TARGET_DIR="$CACHE_DIR/target-wasm-js"
JS_PACKAGE_DIR="bindings-wasm/npm"

ensure_wasm_bindgen() {
  if [ -x "$WASM_BINDGEN" ] && "$WASM_BINDGEN" --version | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    return 0
  fi
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes, once)"
  # The crates.io index here can lag behind the CLI's lock file; retry unlocked.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --locked --root "$WASM_BINDGEN_ROOT" \
    || cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --root "$WASM_BINDGEN_ROOT"
}

ensure_node_tools() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 18 ] || { echo "Node >= 18 is required (found $(node --version))" >&2; exit 1; }
  if [ -x "$TSC" ] && [ -x "$DENO" ] && [ -x "$TYPEDOC" ] && [ -x "$PUBLINT" ] && [ -x "$ATTW" ] && [ -d "$NODE_TOOLS/node_modules/@types/node" ]; then
    return 0
  fi
  log "npm install typescript, deno, @types/node, typedoc, publint, attw into $NODE_TOOLS"
  mkdir -p "$NODE_TOOLS"
  npm install --prefix "$NODE_TOOLS" --no-audit --no-fund --loglevel=error \
    typescript@5.9 deno@2 @types/node@20 typedoc@0.28.20 \
    publint@0.3.25 @arethetypeswrong/cli@0.18.5 >/dev/null
}

# Builds the module and lays out the npm package in bindings-wasm/npm/pkg/.
build_js_package() {
  ensure_wasm_toolchain
  apt_install binaryen
  ensure_wasm_bindgen
  log "building bindings-wasm for wasm32-unknown-unknown"
  # opt-level s (size; fast enough since results cross as a tape: see docs/adr/0006;
  # WASM_OPT_LEVEL overrides it for benches/js/run.sh), one codegen unit, LTO, no debug info
  # or panic locations. Reference types and multi-value stay off so Debian's
  # wasm-opt (binaryen 108) can optimize the module; Node 18 and Deno run it
  # either way.
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types,-multivalue -Z location-detail=none" \
  CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_OPT_LEVEL="${WASM_OPT_LEVEL:-s}" CARGO_PROFILE_RELEASE_LTO=true \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
    wasm_cargo build --release --locked --target wasm32-unknown-unknown -Z build-std=std,panic_abort \
      -p sepay-wasm --target-dir "$WASM_JS_TARGET_DIR"
  local out="$JS_PACKAGE_DIR/pkg"
  rm -rf "$out"
  "$WASM_BINDGEN" --target web --no-typescript --out-dir "$out" \
    "$WASM_JS_TARGET_DIR/wasm32-unknown-unknown/release/sepay_wasm.wasm"
  log "wasm-opt -Oz"
  wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
    --enable-mutable-globals "$out/sepay_wasm_bg.wasm" -o "$out/sepay_wasm_bg.opt.wasm"
  mv "$out/sepay_wasm_bg.opt.wasm" "$out/sepay_wasm_bg.wasm"
}

# Packs the package (npm pack) into $1 and prints the tarball's path.
pack_js_package() {
  local dest="$1"
  (cd "$JS_PACKAGE_DIR" && npm pack --silent --pack-destination "$dest" 2>/dev/null) | tail -1 | sed "s|^|$dest/|"
}
