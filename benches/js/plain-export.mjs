// The floor the Node row of benches/export-ceiling.sh is compared with: the same
// v1 walk and CSV written with nothing but `fetch` + `JSON.parse`, paced at 3
// requests/second like the SDK, with none of its checks (no counts, no retries,
// no decimal or time validation). Ends on the first short page.
//   SEPAY_BASE_URL=http://127.0.0.1:PORT SEPAY_TOKEN=TOKEN node plain-export.mjs out.csv
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

const base = process.env.SEPAY_BASE_URL;
const headers = { authorization: `Bearer ${process.env.SEPAY_TOKEN}` };
const out = createWriteStream(process.argv[2]);
const quote = (s) => `"${String(s).replaceAll('"', '""')}"`;
const LIMIT = 5000;
out.write("id,date,account,in,out,content\n");
let sinceId = 0;
let next = performance.now();
for (;;) {
  await sleep(Math.max(0, next - performance.now()));
  next = performance.now() + 1000 / 3;
  const response = await fetch(`${base}/userapi/transactions/list?limit=${LIMIT}&since_id=${sinceId}`, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const page = JSON.parse(await response.text()).transactions;
  for (const tx of page) {
    const row = `${tx.id},${tx.transaction_date},${tx.account_number},${tx.amount_in},${tx.amount_out},${quote(tx.transaction_content)}\n`;
    if (!out.write(row)) await once(out, "drain");
  }
  if (page.length < LIMIT) break;
  sinceId = Number(page[page.length - 1].id) + 1; // v1's since_id is inclusive
}
out.end();
await once(out, "finish");
