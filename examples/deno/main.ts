// sepay-sdk under Deno: bank accounts, then every transaction of one account
// (v1, walked with since_id and checked complete by the core). Against a sandbox:
//   SEPAY_BASE_URL=http://127.0.0.1:PORT SEPAY_TOKEN=TOKEN deno run -A main.ts
import { Client, SePayError, type V1Transaction } from "sepay-sdk";

const token = Deno.env.get("SEPAY_TOKEN") ?? "";
const baseUrl = Deno.env.get("SEPAY_BASE_URL");
const client = baseUrl ? new Client({ token, baseUrl }) : new Client({ token, environment: "live" });

try {
  const accounts = await client.v1.bankAccounts.list();
  console.log(`${accounts.length} bank accounts`);
  const account = accounts[0];
  if (account) {
    let count = 0;
    let last: V1Transaction | undefined;
    for await (const tx of client.v1.transactions.iter({ accountNumber: account.accountNumber })) {
      count++;
      last = tx;
    }
    console.log(`${account.bankShortName} ${account.accountNumber}: ${count} transactions`);
    if (last) console.log(`latest: ${last.transactionDate} in ${last.amountIn} out ${last.amountOut}`);
  }
} catch (e) {
  if (!(e instanceof SePayError)) throw e;
  console.error(`${e.name} (HTTP ${e.status}): ${e.message}`);
  Deno.exitCode = 1;
} finally {
  client.close();
}
