// Writes a TypeScript file that `tsc --noEmit --strict` must accept, proving
// that index.d.ts matches what the core really does:
// - models: objects the installed package returned from a sandbox, as literals
//   typed with the declared interfaces (a key missing from, or extra to, an
//   interface, or a value of another type, fails to compile);
// - options: the option names the core accepts, as a literal that must have
//   exactly the keys of the declared options interface;
// - operations: every operation of the core, reached through the typed client;
// - and lines that must NOT compile (`@ts-expect-error`), so the types are real.
// Usage: node typecheck.mjs OUT.ts

import { writeFileSync } from "node:fs";
import {
  Client, functions, hmacSignature, operations, optionNames, vietqrDecode, WebhookReceiver,
} from "sepay-sdk";
import { startSandbox, stopAll, TOKEN } from "./sandbox.mjs";
import { ACCOUNT_EXPECT_ERRORS, ACCOUNT_OPTIONS_TYPE, accountModelLines } from "./typecheck-accounts.mjs";

const OPTIONS_TYPE = {
  "v1.transactions.list": "V1TransactionListOptions",
  "v1.transactions.iter": "V1TransactionListOptions",
  "v1.transactions.count": "V1TransactionCountOptions",
  "v1.bank_accounts.list": "V1BankAccountListOptions",
  "v1.bank_accounts.iter": "V1BankAccountListOptions",
  "v1.bank_accounts.count": "V1BankAccountCountOptions",
  "v2.transactions.list": "V2TransactionListOptions",
  "v2.transactions.iter": "V2TransactionListOptions",
  "v2.bank_accounts.list": "V2BankAccountListOptions",
  "v2.bank_accounts.iter": "V2BankAccountListOptions",
  "v2.virtual_accounts.list": "V2VirtualAccountListOptions",
  "v2.virtual_accounts.iter": "V2VirtualAccountListOptions",
  "pg.checkout": "CheckoutRequest",
  "pg.orders.list": "PgOrderListOptions",
  "pg.orders.iter": "PgOrderListOptions",
};
// Client-less functions that take an options object.
const FUNCTION_OPTIONS_TYPE = { "qr.payload": "VietQrInput", "qr.image_url": "VietQrImageOptions" };

const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const out = process.argv[2];
const sandbox = await startSandbox({ transactions: 400 });
try {
  const c = new Client({ token: TOKEN, baseUrl: sandbox.url, requestsPerSecond: null });
  const v1Tx = await c.v1.transactions.list({ limit: 60 });
  const v1Accounts = await c.v1.bankAccounts.list();
  const v2Tx = await c.v2.transactions.list({ perPage: 60 });
  const v2Accounts = await c.v2.bankAccounts.list();
  const vas = [];
  const terminals = [];
  for (const a of v2Accounts.items) {
    vas.push(...(await c.v2.virtualAccounts.list(a.id, { perPage: 20 })).items);
    terminals.push(...(await c.v2.terminals.list(a.id)));
  }
  if (!vas.length || !terminals.length) throw new Error("the sandbox has no virtual accounts or terminals");
  c.close();

  // Payment gateway orders (one paid by card, so its transaction has card fields) and inbound events.
  const pg = new Client({ baseUrl: sandbox.url, paymentGateway: { merchantId: "SP-TEST-SANDBOX", secretKey: "spsk_test_sandbox" } });
  for (const [invoice, paymentMethod] of [["TC-1", "CARD"], ["TC-2", null]]) {
    const form = pg.pg.checkout({ orderAmount: 1000, orderInvoiceNumber: invoice, orderDescription: "tc", paymentMethod, customerId: "C1" });
    const res = await fetch(form.action, { method: "POST", body: new URLSearchParams(form.fields.map(([k, v]) => [k, v])) });
    if (!res.ok) throw new Error(`checkout: HTTP ${res.status}`);
  }
  await fetch(`${sandbox.url}/__sandbox/pg/pay`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"order_invoice_number":"TC-1"}' });
  const pgOrders = await pg.pg.orders.list();
  pg.close();
  const webhookBody = '{"id":7,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":"DH1","content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}';
  const ts = Math.floor(Date.now() / 1000);
  const received = WebhookReceiver.hmac("s").receive({
    method: "POST", body: webhookBody,
    headers: { "x-sepay-timestamp": String(ts), "x-sepay-signature": hmacSignature("s", ts, webhookBody) },
  });
  const ipnBody = '{"timestamp":' + ts + ',"notification_type":"ORDER_PAID","order":{"id":"1","order_id":"SEPAY-1","order_status":"CAPTURED","order_currency":"VND","order_amount":"300000.00","order_invoice_number":"DH1001","custom_data":[],"order_description":"d"},"transaction":{"id":"1","payment_method":"CARD","transaction_id":"68ba","transaction_type":"PAYMENT","transaction_date":"2025-09-05 14:43:40","transaction_status":"APPROVED","transaction_amount":"300000","transaction_currency":"VND","authentication_status":"AUTHENTICATION_SUCCESSFUL","card_number":"4111xx1111","card_holder_name":"A","card_expiry":"12/30","card_funding_method":"CREDIT","card_brand":"VISA"},"customer":{"id":"C"}}';
  const ipn = WebhookReceiver.none().receivePgIpn({ method: "POST", headers: {}, body: ipnBody });
  const bankhubIpn = WebhookReceiver.none().receiveBankhubIpn({ method: "POST", headers: {}, body: '{"gateway":"BIDV","transaction_date":"2026-01-01 10:00:00","account_number":"1","bank_account_xid":"x","va":"v","payment_code":"p","content":"c","transfer_type":"debit","amount":5,"reference_code":"r","accumulated":0,"transaction_id":"t"}' });
  const bankhubEvent = WebhookReceiver.none().receiveBankhubEvent({ method: "POST", headers: {}, body: '{"timestamp":' + ts + ',"xid":"e","version":"1.0","event":"LINK_SESSION_COMPLETED","metadata":{"purpose":"LINK_BANK_ACCOUNT","link_token_xid":"a","link_session_xid":"b","bank_account_xid":"c"}}' });
  const qr = vietqrDecode("00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8");

  const accountModels = await accountModelLines(sandbox.url);
  Object.assign(OPTIONS_TYPE, ACCOUNT_OPTIONS_TYPE);

  const json = (v) => JSON.stringify(v, null, 1);
  const lines = [
    "// Generated by bindings-wasm/tests/typecheck.mjs; checked with tsc --strict.",
    'import type * as S from "sepay-sdk";',
    'import { Client, operations, SePayError, RateLimitError, StoreError, WebhookReceiver, retryLaterReply } from "sepay-sdk";',
    "",
    "// Models exactly as the core returned them.",
    `export const v1Transactions: S.V1Transaction[] = ${json(v1Tx)};`,
    `export const v1BankAccounts: S.V1BankAccount[] = ${json(v1Accounts)};`,
    `export const v2Transactions: S.Page<S.V2Transaction> = ${json(v2Tx)};`,
    `export const v2BankAccounts: S.Page<S.V2BankAccount> = ${json(v2Accounts)};`,
    `export const v2VirtualAccounts: S.V2VirtualAccount[] = ${json(vas)};`,
    `export const terminals: S.Terminal[] = ${json(terminals)};`,
    `export const pgOrders: S.Page<S.PgOrder> = ${json(pgOrders)};`,
    `export const webhook: S.Received<S.WebhookEvent> = ${json(received)};`,
    `export const pgIpn: S.Received<S.PgIpn> = ${json(ipn)};`,
    `export const bankhubIpn: S.Received<S.BankHubIpn> = ${json(bankhubIpn)};`,
    `export const bankhubEvent: S.Received<S.BankHubEvent> = ${json(bankhubEvent)};`,
    `export const vietqr: S.VietQr = ${json(qr)};`,
    "",
    "// VA orders, OAuth2 and Bank Hub models exactly as the core returned them.",
    ...accountModels,
    "",
    "// Option names exactly as the core accepts them.",
    "type Keys<T> = { [K in keyof Required<T>]: true };",
  ];
  for (const op of operations) {
    const names = optionNames(op);
    if (names.length === 0) continue;
    const type = OPTIONS_TYPE[op];
    if (!type) throw new Error(`${op} takes options but typecheck.mjs has no options type for it`);
    const literal = Object.fromEntries(names.map((n) => [n, true]));
    lines.push(`export const options_${op.replaceAll(".", "_")}: Keys<S.${type}> = ${JSON.stringify(literal)};`);
  }
  for (const fn of functions) {
    const names = optionNames(fn);
    if (names.length === 0) continue;
    const type = FUNCTION_OPTIONS_TYPE[fn];
    if (!type) throw new Error(`${fn} takes options but typecheck.mjs has no options type for it`);
    const literal = Object.fromEntries(names.map((n) => [n, true]));
    lines.push(`export const options_${fn.replaceAll(".", "_")}: Keys<S.${type}> = ${JSON.stringify(literal)};`);
  }
  lines.push("", "// Every operation of the core, through the typed client.");
  lines.push('declare const client: Client;');
  lines.push(`export const surface: unknown[] = [`);
  for (const op of operations) {
    lines.push(`  client.${op.split(".").map(camel).join(".")},`);
  }
  lines.push("];");
  lines.push(
    "export const names: readonly string[] = operations;",
    "",
    "// The types are real: each of these lines must fail to compile.",
    "// @ts-expect-error a money amount is a string, not a number",
    "export const notANumber: number = v1Transactions[0].amountIn;",
    "// @ts-expect-error options are typed",
    'client.v2.transactions.list({ perPage: "5" });',
    "// @ts-expect-error unknown options are refused",
    "client.v1.transactions.list({ nonsense: 1 });",
    "// @ts-expect-error nullable fields are nullable",
    "export const code: string = v2Transactions.items[0].code;",
    "// @ts-expect-error a page is not an array",
    "export const len: number = v2Transactions.length;",
    "// @ts-expect-error a checkout needs an invoice number",
    'client.pg.checkout({ orderAmount: 1, orderDescription: "x" });',
    "// @ts-expect-error the receiver takes a request object",
    'WebhookReceiver.none().receive("body");',
    "// @ts-expect-error an event's amount is a string",
    "export const n: number = webhook.event.transferAmount;",
    "// @ts-expect-error signed modes take no body encoding",
    'WebhookReceiver.hmac("s", { encoding: "form" });',
    "// @ts-expect-error encodings are named",
    'WebhookReceiver.none({ encoding: "xml" });',
    "// @ts-expect-error a dedup store answers synchronously",
    'WebhookReceiver.none({ store: { claim: async () => "new" as const, complete() {}, release() {} } });',
    "// @ts-expect-error a claim is one of three names",
    'WebhookReceiver.none({ store: { claim: () => true, complete() {}, release() {} } });',
    "// @ts-expect-error delivery is one of three names",
    'export const d: typeof webhook.delivery = "maybe";',
    ...ACCOUNT_EXPECT_ERRORS.flatMap(([why, line]) => [`// @ts-expect-error ${why}`, line]),
    "",
    "export function lifecycle(body: Uint8Array): S.WebhookReply {",
    "  const store: S.DedupStore = { claim: (_k: string, _l: number): S.Claim => \"new\", complete() {}, release() {} };",
    '  const receiver = WebhookReceiver.apiKey("k", { encoding: "form", store, leaseSeconds: 30, replayWindowSeconds: 60 });',
    "  const got = receiver.receive({ method: \"POST\", headers: {}, body });",
    "  if (got.delivery !== \"new\") return got.reply;",
    "  try {",
    "    receiver.complete(got.key);",
    "    return got.reply;",
    "  } catch (e) {",
    "    receiver.release(got.key);",
    "    return e instanceof StoreError ? WebhookReceiver.errorReply(e) : retryLaterReply();",
    "  }",
    "}",
    "",
    "export async function errorsNarrow(): Promise<number | null> {",
    "  try {",
    "    for await (const tx of client.v2.transactions.iter({ transactionDateFrom: new Date() })) {",
    "      const amount: S.Amount = tx.amountIn;",
    "      return amount.length;",
    "    }",
    "  } catch (e) {",
    "    if (e instanceof RateLimitError) return e.retryAfter;",
    "    if (e instanceof SePayError) return e.status;",
    "  }",
    "  return null;",
    "}",
    "",
  );
  writeFileSync(out, lines.join("\n"));
} finally {
  stopAll();
}
