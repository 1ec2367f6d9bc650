// JavaScript package benchmark (not a test): module size and instantiate time,
// and one 5,000-transaction v1 page through the package vs plain fetch +
// JSON.parse against the same sandbox, interleaved. One package per process:
// two modules in one process slow each other down (their garbage shares the
// heap). Run through benches/js/run.sh.
// Usage: node bench.mjs SANDBOX_URL TOKEN [LABEL=]PACKAGE_DIR
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [url, token, ...builds] = process.argv.slice(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;
const plainUrl = `${url}/userapi/transactions/list?since_id=1&limit=5000`;

const packages = [];
for (const build of builds) {
  const [label, dir] = build.includes("=") ? build.split("=") : ["", build];
  const entry = pathToFileURL(resolve(dir, "index.js")).href;
  const bytes = readFileSync(join(dir, "pkg", "sepay_wasm_bg.wasm"));
  const imports = [];
  for (let i = 0; i < 7; i++) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e",
      `const t = performance.now(); await import(${JSON.stringify(entry)}); console.log(performance.now() - t);`]);
    imports.push(Number(String(out).trim()));
  }
  const { Client } = await import(entry);
  const client = new Client({ token, baseUrl: url, requestsPerSecond: null });
  packages.push({
    label, bytes, gz: gzipSync(bytes, { level: 9 }).length, imports, client, runs: [],
    page: async () => (await client.v1.transactions.list({ sinceId: 1, limit: 5000 })).length,
  });
}

async function plain() {
  const res = await fetch(plainUrl, { headers: { authorization: `Bearer ${token}` } });
  const body = JSON.parse(await res.text());
  return body.transactions.length;
}

// The page, every way, interleaved, after a warm-up.
const plainRuns = [];
for (let i = 0; i < 45; i++) {
  for (const [runs, fn] of [[plainRuns, plain], ...packages.map((p) => [p.runs, p.page])]) {
    const t = performance.now();
    const n = await fn();
    if (n !== 5000) throw new Error(`${n} transactions`);
    if (i >= 5) runs.push(performance.now() - t);
  }
}
const p = median(plainRuns);
console.log(`| one pre-rendered v1 page of 5,000 transactions, plain \`fetch\` + \`JSON.parse\` (median of 40) | ${ms(p)} |`);
for (const pkg of packages) {
  pkg.client.close();
  const k = median(pkg.runs);
  const name = pkg.label ? ` (${pkg.label})` : "";
  console.log(`| \`.wasm\`${name} after \`wasm-opt -Oz\` | ${pkg.bytes.length.toLocaleString("en")} B raw, ${pkg.gz.toLocaleString("en")} B gzipped -9 (goal ≤ 400 KB) |`);
  console.log(`| \`import("sepay-sdk")\`${name} in a fresh Node process: read + compile + instantiate (median of 7) | ${ms(median(pkg.imports))} |`);
  console.log(`| the same page through \`client.v1.transactions.list\`${name}: typed, exact objects (median of 40) | ${ms(k)} (${(k / p).toFixed(2)}×; goal ≤ 1.5×) |`);
}
