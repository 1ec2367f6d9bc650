// The same client from TypeScript, with every model and option typed.
// Type-checked by scripts/test-js.sh with `tsc --noEmit --strict`.
import {
  Client,
  NotFoundError,
  SePayError,
  type Page,
  type V1Transaction,
  type V2Transaction,
  type V2TransactionListOptions,
} from "sepay-sdk";

/** Sums money exactly: amounts are decimal strings, never floats. */
export function totalIn(transactions: Iterable<V1Transaction | V2Transaction>): bigint {
  let cents = 0n;
  for (const tx of transactions) {
    const [whole, fraction = ""] = tx.amountIn.split(".");
    cents += BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2));
  }
  return cents;
}

export async function report(client: Client, bankAccountId: string): Promise<string[]> {
  const lines: string[] = [];
  const options: V2TransactionListOptions = {
    bankAccountId,
    transferType: "in",
    transactionDateFrom: "2025-01-01",
    amountInMin: 100_000n,
    perPage: 50,
  };
  const first: Page<V2Transaction> = await client.v2.transactions.list(options);
  lines.push(`page 1 of ${first.pagination?.lastPage ?? "?"}: ${first.items.length} transactions`);
  for await (const tx of client.v2.transactions.iter(options)) {
    const when = new Date(tx.transactionDate); // "+07:00" kept in the string
    lines.push(`${when.toISOString()} ${tx.amountIn} ${tx.referenceNumber ?? "-"}`);
  }
  const v1 = await client.v1.transactions.list({ limit: 100, sinceId: 1 });
  lines.push(`v1: ${v1.length} transactions, ${totalIn(v1) / 100n} VND in`);
  try {
    await client.v2.bankAccounts.get("no-such-id");
  } catch (e) {
    if (e instanceof NotFoundError) lines.push(`not found: ${e.operation} (HTTP ${e.status})`);
    else if (e instanceof SePayError) lines.push(`${e.kind}: ${e.message}`);
    else throw e;
  }
  return lines;
}

/** A client for SePay itself, or for a local sandbox when SEPAY_BASE_URL is set. */
export function clientFromEnv(): Client {
  const token = process.env.SEPAY_TOKEN ?? "";
  const baseUrl = process.env.SEPAY_BASE_URL;
  return baseUrl
    ? new Client({ token, baseUrl, requestsPerSecond: null })
    : new Client({ token, environment: "live", timeoutMs: 10_000, retry: { maxAttempts: 3 } });
}
