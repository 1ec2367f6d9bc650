// JavaScript package benchmark (not a test): module size and instantiate time,
// and one 5,000-transaction v1 page through the package vs plain fetch +
// JSON.parse against the same sandbox. Run through benches/js/run.sh.
// Usage: node bench.mjs PACKAGE_DIR SANDBOX_URL TOKEN
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pkgDir, url, token] = process.argv.slice(2);
const entry = pathToFileURL(resolve(pkgDir, "index.js")).href;
const wasmPath = join(pkgDir, "pkg", "sepay_wasm_bg.wasm");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

// Size.
const bytes = readFileSync(wasmPath);
const gz = gzipSync(bytes, { level: 9 }).length;

// Compile (in this process) and full import in fresh processes.
const compile = [];
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  new WebAssembly.Module(bytes);
  compile.push(performance.now() - t);
}
const imports = [];
for (let i = 0; i < 7; i++) {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e",
    `const t = performance.now(); await import(${JSON.stringify(entry)}); console.log(performance.now() - t);`]);
  imports.push(Number(String(out).trim()));
}

// One 5,000-transaction v1 page, both ways, alternating, after a warm-up.
const { Client } = await import(entry);
const client = new Client({ token, baseUrl: url, requestsPerSecond: null });
const plainUrl = `${url}/userapi/transactions/list?since_id=1&limit=5000`;
async function plain() {
  const res = await fetch(plainUrl, { headers: { authorization: `Bearer ${token}` } });
  const body = JSON.parse(await res.text());
  return body.transactions.length;
}
async function viaPackage() {
  return (await client.v1.transactions.list({ sinceId: 1, limit: 5000 })).length;
}
const runs = { plain: [], pkg: [] };
for (let i = 0; i < 25; i++) {
  for (const [name, fn] of [["plain", plain], ["pkg", viaPackage]]) {
    const t = performance.now();
    const n = await fn();
    if (n !== 5000) throw new Error(`${name}: ${n} transactions`);
    if (i >= 5) runs[name].push(performance.now() - t);
  }
}
client.close();
const p = median(runs.plain);
const k = median(runs.pkg);

console.log(`| \`.wasm\` after \`wasm-opt -Oz\` | ${bytes.length.toLocaleString("en")} B raw (${(bytes.length / 1024).toFixed(0)} KiB), ${gz.toLocaleString("en")} B gzipped -9 (${(gz / 1024).toFixed(0)} KiB; goal ≤ 400 KB) |`);
console.log(`| compile (\`new WebAssembly.Module\`, median of 7) | ${ms(median(compile))} |`);
console.log(`| \`import("sepay-sdk")\` in a fresh Node process: read + compile + instantiate (median of 7) | ${ms(median(imports))} |`);
console.log(`| one pre-rendered v1 page of 5,000 transactions, plain \`fetch\` + \`JSON.parse\` (median of 20) | ${ms(p)} |`);
console.log(`| the same page through \`client.v1.transactions.list\`: typed, exact objects (median of 20) | ${ms(k)} (${(k / p).toFixed(2)}×; goal ≤ 1.5×) |`);
