// Lists the bank accounts and the latest transactions, then walks the whole v2
// history page by page. Against a local sandbox:
//   SEPAY_BASE_URL=http://127.0.0.1:PORT SEPAY_TOKEN=TOKEN node list.mjs
// Against SePay itself, leave SEPAY_BASE_URL unset and use your real token.
import { Client, RateLimitError, SePayError } from "sepay-sdk";

const token = process.env.SEPAY_TOKEN ?? "";
const client = process.env.SEPAY_BASE_URL
  ? new Client({ token, baseUrl: process.env.SEPAY_BASE_URL })
  : new Client({ token, environment: "live" });

try {
  const accounts = await client.v2.bankAccounts.list();
  for (const a of accounts.items) {
    console.log(`${a.bankShortName.padEnd(12)} ${a.accountNumber.padEnd(16)} balance ${a.accumulated} VND`);
  }

  const latest = await client.v2.transactions.list({ perPage: 5 });
  for (const tx of latest.items) {
    const amount = tx.transferType === "in" ? `+${tx.amountIn}` : `-${tx.amountOut}`;
    console.log(`${tx.transactionDate}  ${amount.padStart(12)}  ${tx.transactionContent}`);
  }

  // Every transaction of the day before the latest one, oldest first, one page
  // in memory at a time.
  const newest = latest.items[0] ? new Date(latest.items[0].transactionDate) : new Date();
  const since = new Date(newest.getTime() - 24 * 3600 * 1000);
  let count = 0;
  let cents = 0n; // exact: amounts are decimal strings, summed as integers
  for await (const tx of client.v2.transactions.iter({ transactionDateFrom: since })) {
    count++;
    cents += BigInt(tx.amountIn) * 100n;
  }
  console.log(`${count} transactions since ${since.toISOString()}, ${cents / 100n} VND in`);
} catch (e) {
  if (e instanceof RateLimitError) console.error(`rate limited; retry after ${e.retryAfter} s`);
  else if (e instanceof SePayError) console.error(`${e.name} (${e.kind}, HTTP ${e.status}): ${e.message}`);
  else throw e;
  process.exitCode = 1;
} finally {
  client.close();
}
