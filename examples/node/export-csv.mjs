// Exports the whole transaction history to CSV with a progress line:
// `onProgress` reports the rows so far and SePay's count of the list (v1's
// count endpoint; v2's meta.pagination.total), known from the first page.
//   SEPAY_BASE_URL=http://127.0.0.1:PORT SEPAY_TOKEN=TOKEN node export-csv.mjs [out.csv]
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "sepay-sdk";

const token = process.env.SEPAY_TOKEN ?? "";
const client = process.env.SEPAY_BASE_URL
  ? new Client({ token, baseUrl: process.env.SEPAY_BASE_URL })
  : new Client({ token, environment: "live" });
const path = process.argv[2] ?? join(tmpdir(), "sepay-history.csv");
const out = createWriteStream(path);
const quote = (s) => `"${String(s).replaceAll('"', '""')}"`;

function bar({ items, total }) {
  const width = 30;
  const done = total ? Math.round((items / total) * width) : 0;
  process.stderr.write(`\r[${"#".repeat(done).padEnd(width)}] ${items}/${total ?? "?"} transactions`);
}

out.write("id,date,account,in,out,content\n");
// v1 pages hold up to 5,000 rows: the fewest requests for a long export.
const it = client.v1.transactions.iter({ limit: 5000 }).onProgress(bar);
for await (const tx of it) {
  const row = `${tx.id},${tx.transactionDate},${tx.accountNumber},${tx.amountIn},${tx.amountOut},${quote(tx.transactionContent)}\n`;
  if (!out.write(row)) await once(out, "drain");
}
out.end();
await once(out, "finish");
process.stderr.write("\n");
console.log(`${it.position} transactions (of ${it.total}) written to ${path}`);
if (it.position !== it.total) process.exit(1);
