#!/usr/bin/env bash
# Builds the JavaScript package (bindings-wasm: wasm-bindgen + wasm-opt), packs
# it with `npm pack`, installs the tarball into a temporary project, and runs
# there, against real `sepay-sandbox` processes:
#   node --test, deno test, tsc --noEmit --strict on the TypeScript example and
#   on a generated check of the declarations, and the Node and Deno examples.
# Installs what it needs (wasm toolchain, wasm-bindgen CLI, binaryen,
# typescript, deno) once, into caches outside the clone.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. scripts/js-lib.sh

# One run at a time per cache: concurrent runs would share the package folder
# (bindings-wasm/npm/pkg), the wasm target directory and the Node tools.
exec 9>"$CACHE_DIR/js.lock"
flock 9

ensure_node_tools
# The shared-state tests start redis-server on a loopback port.
apt_install redis-server
build_js_package

if [ -z "${SEPAY_SANDBOX_BIN:-}" ]; then   # set it to test against another build
  log "building sepay-sandbox"
  cargo build --release --locked -p sepay-sandbox
  SEPAY_SANDBOX_BIN="$CARGO_TARGET_DIR/release/sepay-sandbox"
fi
export SEPAY_SANDBOX_BIN

log "checking the package's declarations for \`any\`"
if grep -nwE 'any' "$JS_PACKAGE_DIR"/*.d.ts | grep -vE '^[^:]+:[0-9]+:\s*(\*|/\*|//)'; then
  echo "the declarations use \`any\` in the public API" >&2
  exit 1
fi

WORK="$(mktemp -d)"
SANDBOX_PID=""
cleanup() {
  [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

log "npm pack + install into a temporary project"
TARBALL="$(pack_js_package "$WORK")"
[ -f "$TARBALL" ] || { echo "npm pack produced no tarball" >&2; exit 1; }
log "package checks as a publisher would: publint, arethetypeswrong (ESM-only), npm publish --dry-run"
"$PUBLINT" --strict bindings-wasm/npm
"$ATTW" --profile esm-only "$TARBALL"
(cd bindings-wasm/npm && npm publish --dry-run --loglevel=error >/dev/null)
log "packing the emulator's platform package (@sepay-sdk/emulator-linux-x64)"
EMULATOR_PACKAGE="$WORK/emulator-linux-x64"
cp -r bindings-wasm/emulator-linux-x64 "$EMULATOR_PACKAGE"
mkdir -p "$EMULATOR_PACKAGE/bin"
strip -o "$EMULATOR_PACKAGE/bin/sepay-sandbox" "$SEPAY_SANDBOX_BIN"
EMULATOR_TARBALL="$WORK/$(cd "$WORK" && npm pack --silent "$EMULATOR_PACKAGE" | tail -1)"
[ -f "$EMULATOR_TARBALL" ] || { echo "npm pack produced no emulator tarball" >&2; exit 1; }
P="$WORK/project"
mkdir -p "$P/test"
cat > "$P/package.json" <<EOF
{ "name": "sepay-sdk-js-tests", "private": true, "type": "module",
  "dependencies": { "sepay-sdk": "file:$TARBALL", "redis": "^5", "ioredis": "^5" },
  "devDependencies": { "@sepay-sdk/emulator-linux-x64": "file:$EMULATOR_TARBALL" } }
EOF
(cd "$P" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
# Deno resolves node: imports' types from the project's node_modules.
mkdir -p "$P/node_modules/@types"
cp -r "$NODE_TOOLS/node_modules/@types/node" "$P/node_modules/@types/"
cp -r "$NODE_TOOLS/node_modules/undici-types" "$P/node_modules/"
cp bindings-wasm/tests/*.mjs bindings-wasm/tests/*.js bindings-wasm/tests/*.ts "$P/test/"
cp examples/node/list.mjs examples/node/receive-webhook.mjs examples/node/va-order.mjs examples/node/export-csv.mjs \
  examples/node/test-with-emulator.test.mjs examples/node/typed.ts examples/deno/main.ts "$P/"

log "node --test (Node $(node --version))"
(cd "$P" && node --test --test-reporter=spec test/node.test.mjs test/tape.test.mjs)

log "node --test shared state (Redis; worker processes)"
# The mixed-language case runs Python workers with the wheel scripts/test-python.sh installed.
PY="$CACHE_DIR/python-venv/bin/python"
if "$PY" -c 'import sepay_sdk' 2>/dev/null; then export SEPAY_PYTHON="$PY"; fi
(cd "$P" && node --test --test-reporter=spec test/shared_state.test.mjs)

log "deno test ($("$DENO" --version | head -1))"
export DENO_DIR="$CACHE_DIR/deno" DENO_NO_UPDATE_CHECK=1
(cd "$P" && "$DENO" test -A --quiet test/deno.test.js)

log "tsc --noEmit --strict (TypeScript $("$TSC" --version))"
(cd "$P" && node test/typecheck.mjs typecheck.gen.ts)
cat > "$P/tsconfig.json" <<EOF
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "target": "es2022", "lib": ["es2022"],
    "module": "nodenext", "moduleResolution": "nodenext",
    "typeRoots": ["$NODE_TOOLS/node_modules/@types"], "types": ["node"]
  },
  "files": ["typed.ts", "typecheck.gen.ts", "test/typecheck-testing.ts"]
}
EOF
(cd "$P" && "$TSC" -p tsconfig.json)
(cd "$P" && "$DENO" check --quiet main.ts)

log "API reference (TypeDoc): every export documented, no broken links"
PKG="$P/node_modules/sepay-sdk"
cat > "$WORK/typedoc.json" <<EOF
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "target": "es2022", "lib": ["es2022"],
    "module": "nodenext", "moduleResolution": "nodenext",
    "typeRoots": ["$NODE_TOOLS/node_modules/@types"], "types": ["node"]
  },
  "files": ["$PKG/index.d.ts", "$PKG/testing.d.ts"]
}
EOF
rm -rf "$CACHE_DIR/docs/js"
"$TYPEDOC" --tsconfig "$WORK/typedoc.json" --entryPoints "$PKG/index.d.ts" --entryPoints "$PKG/testing.d.ts" \
  --out "$CACHE_DIR/docs/js" --readme none --disableSources --logLevel Warn --treatWarningsAsErrors \
  --validation.invalidLink --validation.notExported --validation.notDocumented
python3 tools/docs/check_links.py "$CACHE_DIR/docs/js"

log "examples against a sandbox"
"$SEPAY_SANDBOX_BIN" --addr 127.0.0.1:0 --token EXAMPLE_TOKEN --transactions 2000 >"$WORK/sandbox.out" &
SANDBOX_PID=$!
for _ in $(seq 50); do [ -s "$WORK/sandbox.out" ] && break; sleep 0.1; done
export SEPAY_BASE_URL="$(head -1 "$WORK/sandbox.out")" SEPAY_TOKEN=EXAMPLE_TOKEN
(cd "$P" && node list.mjs)
(cd "$P" && node receive-webhook.mjs)
(cd "$P" && node va-order.mjs)
(cd "$P" && node export-csv.mjs)
(cd "$P" && "$DENO" run -A --quiet main.ts)
log "example test suite (sepay-sdk/testing with node:test)"
(cd "$P" && node --test test-with-emulator.test.mjs)

log "JavaScript package: all checks passed"
