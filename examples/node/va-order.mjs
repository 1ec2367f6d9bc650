// A VA order paid in two parts, against a sepay-sandbox (the payments are the
// sandbox's simulation; with SePay they come from the payer's bank).
//   SEPAY_BASE_URL=http://127.0.0.1:PORT SEPAY_TOKEN=... node va-order.mjs
import { Client, ValidationError } from "sepay-sdk";

const baseUrl = process.env.SEPAY_BASE_URL;
const client = new Client({ token: process.env.SEPAY_TOKEN, baseUrl });

const bidv = (await client.v2.bankAccounts.list()).items.find((a) => a.bankShortName === "BIDV");
const order = await client.v2.orders.create(bidv.id, {
  bank: "BIDV",
  amount: 300000,
  orderCode: `DH${Date.now() % 1e9}`, // always give one: a re-sent create is then refused, not doubled
});
console.log(`order ${order.orderCode}: pay ${order.amount} VND into VA ${order.vaNumber} (${order.status})`);

for (const amount of [100000, 200000]) {
  const res = await fetch(`${baseUrl}/__sandbox/va/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ va_number: order.vaNumber, amount }),
  });
  if (!res.ok) throw new Error(`simulated payment failed: HTTP ${res.status}`);
  const now = await client.v2.orders.get(bidv.id, order.id);
  console.log(`received ${amount}: ${now.status}, paid ${now.paidAmount} of ${now.amount}`);
}

try {
  await client.v2.orders.cancel(bidv.id, order.id);
} catch (e) {
  if (!(e instanceof ValidationError)) throw e;
  console.log(`a paid order cannot be cancelled: HTTP ${e.status} ${e.code}`);
}
client.close();
