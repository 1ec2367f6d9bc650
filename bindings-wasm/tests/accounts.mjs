// VA orders, OAuth2 and Bank Hub, shared by `node --test` and `deno test`: VA orders (v1 BIDV and
// v2), OAuth2 and Bank Hub through the installed package, against real
// sandboxes (short OAuth2 / Bank Hub token lifetimes, faults, request log).

import assert from "node:assert/strict";
import { inspect } from "node:util";
import {
  AuthenticationError,
  Client,
  ConfigurationError,
  MemoryTokenStore,
  NotFoundError,
  OAuthTokens,
  SePayError,
  TransportError,
  ValidationError,
} from "sepay-sdk";
import { startSandbox, TOKEN } from "./sandbox.mjs";

let orders; // User API + VA orders, rate limit off
let oauth; // OAuth2 access tokens live 2 s
let hub; // Bank Hub tokens live 4 s

export async function setupAccounts() {
  orders = await startSandbox({ transactions: 50 });
  oauth = await startSandbox({ transactions: 200, args: ["--oauth-access-ttl", "2"] });
  hub = await startSandbox({ transactions: 200, args: ["--bankhub-token-ttl", "4"] });
}

const fast = { requestsPerSecond: null, timeoutMs: 10_000, retry: { initialBackoffMs: 10, maxBackoffMs: 100 } };
const APP = { clientId: "sandbox-client", clientSecret: "sandbox-client-secret", redirectUri: "http://127.0.0.1/callback" };
const HUB = { clientId: "sandbox-bankhub", clientSecret: "sandbox-bankhub-secret" };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function rejects(promise, Class, check = () => {}) {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof Class, `expected ${Class.name}, got ${e?.name}: ${e?.message}`);
    assert.ok(e instanceof SePayError);
    check(e);
    return e;
  }
  assert.fail(`expected ${Class.name}, but the call succeeded`);
}

async function vaPay(sb, vaNumber, amount) {
  const res = await fetch(`${sb.url}/__sandbox/va/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ va_number: vaNumber, amount }),
  });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text);
}

/** The v2 UUID and v1 id of the sandbox's account of `bank`. */
async function account(c, bank) {
  const v2 = (await c.v2.bankAccounts.list()).items.find((a) => a.bankShortName === bank);
  assert.ok(v2, `a ${bank} account`);
  const v1 = (await c.v1.bankAccounts.list()).find((a) => a.accountNumber === v2.accountNumber);
  return { v2: v2.id, v1: v1.id };
}

/** What the user's browser does: open the URL, follow SePay's redirect back, hand the app the code. */
async function authorize(url, state) {
  const res = await fetch(url, { redirect: "manual" });
  assert.equal(res.status, 302);
  const back = new URL(res.headers.get("location"));
  assert.equal(back.searchParams.get("state"), state);
  return back.searchParams.get("code");
}

/** A store that persists as JSON text, like a database column would. */
function jsonStore() {
  return {
    text: null,
    saved: [],
    load() {
      return this.text === null ? null : JSON.parse(this.text);
    },
    save(tokens) {
      this.saved.push(tokens);
      this.text = JSON.stringify(tokens);
    },
  };
}

const oauthClient = (store) => new Client({ baseUrl: oauth.url, oauth: APP, tokenStore: store, ...fast });
const hubClient = (extra = {}) => new Client({ baseUrl: hub.url, bankHub: HUB, ...fast, ...extra });
const count = (log, pred) => log.filter(pred).length;

export const accountCases = [
  ["VA orders v2: partial payment then the rest is Paid; a Paid order cannot be cancelled (422)", async () => {
    const c = new Client({ token: TOKEN, baseUrl: orders.url, ...fast });
    const { v2: ba } = await account(c, "BIDV");
    const order = await c.v2.orders.create(ba, { bank: "BIDV", amount: 500_000n, withQrcode: true });
    assert.equal(order.status, "Pending");
    assert.equal(order.amount, "500000");
    assert.match(order.qrCode, /^data:image\/png;base64,/);
    assert.equal(order.virtualAccounts.length, 1);
    await vaPay(orders, order.vaNumber, 200_000);
    const partial = await c.v2.orders.get(ba, order.id);
    assert.deepEqual([partial.status, partial.paidAmount], ["Partially", "200000"]);
    await vaPay(orders, order.vaNumber, 300_000);
    const paid = await c.v2.orders.get(ba, order.id);
    assert.deepEqual([paid.status, paid.paidAmount], ["Paid", "500000"]);
    await rejects(c.v2.orders.cancel(ba, order.id), ValidationError, (e) => {
      assert.equal(e.status, 422);
      assert.equal(e.code, "invalid_state");
      assert.equal(e.operation, "v2.orders.cancel");
    });

    // Create → add a VA → cancel that VA → cancel the order: everything Cancelled.
    const second = await c.v2.orders.create(ba, { bank: "BIDV", amount: "90000", orderCode: "JSORDER02" });
    const withVa = await c.v2.orders.addVa(ba, second.id, { bank: "BIDV", amount: 40_000 });
    assert.equal(withVa.virtualAccounts.length, 2);
    const added = withVa.virtualAccounts.find((v) => v.vaNumber !== second.vaNumber);
    assert.equal(added.amount, "40000");
    assert.equal(await c.v2.orders.cancelVa(ba, second.id, added.vaNumber), undefined);
    const afterVa = await c.v2.orders.get(ba, second.id);
    assert.equal(afterVa.virtualAccounts.find((v) => v.vaNumber === added.vaNumber).status, "Cancelled");
    assert.equal(await c.v2.orders.cancel(ba, second.id), undefined);
    const cancelled = await c.v2.orders.get(ba, second.id);
    assert.equal(cancelled.status, "Cancelled");
    assert.ok(cancelled.virtualAccounts.every((v) => v.status === "Cancelled"));
    const page = await c.v2.orders.list(ba, { perPage: 10 });
    assert.deepEqual(new Set(page.items.map((o) => o.id)), new Set([order.id, second.id]));
    assert.equal(page.pagination.total, 2);
    await rejects(c.v2.orders.get(ba, "00000000-0000-4000-8000-000000000000"), NotFoundError, (e) => {
      assert.equal(e.status, 404);
    });
    c.close();
  }],

  ["VA orders v1 (BIDV): an order without amount, addVa, cancelVa, cancel, list", async () => {
    const c = new Client({ token: TOKEN, baseUrl: orders.url, ...fast });
    const { v1: ba } = await account(c, "BIDV");
    const open = await c.v1.orders.create(ba, { vaHolderName: "NGUYEN VAN A", duration: 3600 });
    assert.equal(open.amount, null, "BIDV accepts any amount");
    assert.equal(open.vaHolderName, "NGUYEN VAN A");
    assert.match(open.expiredAt, /\+07:00$/);
    assert.deepEqual(await c.v1.orders.get(ba, open.id), open);
    const more = await c.v1.orders.addVa(ba, open.id, {});
    const extra = more.virtualAccounts.find((v) => v.vaNumber !== open.vaNumber);
    await c.v1.orders.cancelVa(ba, open.id, extra.vaNumber);
    await c.v1.orders.cancel(ba, open.id);
    const listed = await c.v1.orders.list(ba);
    const found = listed.items.find((o) => o.id === open.id);
    assert.equal(found.status, "Cancelled");
    c.close();
  }],

  ["VA orders: bank rules are typed errors raised before anything is sent", async () => {
    const c = new Client({ token: TOKEN, baseUrl: orders.url, ...fast });
    const vcb = await account(c, "Vietcombank");
    const stb = await account(c, "Sacombank");
    await orders.clearRequests();
    const before = (await orders.requests()).length;
    const local = (e, field) => {
      assert.equal(e.status, null, "refused before sending");
      assert.equal(e.fieldErrors[0].field, field);
    };
    await rejects(c.v2.orders.create(vcb.v2, { bank: "Vietcombank", amount: 10_000 }), ValidationError, (e) => local(e, "tid"));
    await rejects(c.v2.orders.create(stb.v2, { bank: "Sacombank", amount: 10_000 }), ValidationError, (e) => local(e, "vaPrefix"));
    await rejects(c.v2.orders.create(vcb.v2, { amount: 10_000 }), ValidationError, (e) => local(e, "bank"));
    await rejects(c.v2.orders.create(vcb.v2, { bank: "ACB", amount: 1 }), ValidationError, (e) => local(e, "bank"));
    await rejects(c.v1.orders.create("3", { vaHolderName: "Nguyễn" }), ValidationError, (e) => local(e, "vaHolderName"));
    await rejects(c.v2.orders.create(vcb.v2, { bank: "Vietcombank", amount: 1, order_code: "X" }), ValidationError);
    assert.equal((await orders.requests()).length, before, "no request reached the sandbox");

    const [terminal] = await c.v2.terminals.list(vcb.v2);
    const vcbOrder = await c.v2.orders.create(vcb.v2, { bank: "Vietcombank", amount: 10_000, tid: terminal.tid, orderCode: "VCB123" });
    assert.ok(vcbOrder.vaNumber.startsWith(terminal.tid));
    const stbOrder = await c.v2.orders.create(stb.v2, { bank: "Sacombank", amount: 10_000, vaPrefix: "SEP200001WEB" });
    assert.ok(stbOrder.vaNumber.startsWith("SEP200001WEB"));
    // SePay's own refusal (a duplicate order code) is a ValidationError with its status and code.
    await rejects(c.v2.orders.create(vcb.v2, { bank: "Vietcombank", amount: 10_000, tid: terminal.tid, orderCode: "VCB123" }), ValidationError, (e) => {
      assert.equal(e.status, 422);
      assert.equal(e.code, "duplicate_order_code");
    });
    c.close();
  }],

  ["VA orders: a create cut off after it reached SePay is not sent twice", async () => {
    const c = new Client({ token: TOKEN, baseUrl: orders.url, ...fast });
    const { v2: ba } = await account(c, "BIDV");
    await orders.clearRequests();
    await orders.nextFaults(["drop_after"]);
    const create = c.v2.orders.create(ba, { bank: "BIDV", amount: 1000, orderCode: "DROPPED01" });
    const posts = async () => (await orders.requests()).filter((r) => r.method === "POST");
    if (globalThis.Deno === undefined) {
      // Node's fetch sends once, and the SDK never re-sends a create.
      await rejects(create, TransportError);
      assert.deepEqual((await posts()).map((r) => r.status), [0], "the create was not re-sent");
    } else {
      // Deno's own fetch re-sends a request once when the connection closes before any
      // answer (denoland/deno#35610); with an order code SePay refuses the copy.
      await rejects(create, ValidationError, (e) => assert.equal(e.code, "duplicate_order_code"));
      assert.deepEqual((await posts()).map((r) => r.status), [0, 422], "the runtime's copy was refused");
    }
    const all = (await c.v2.orders.list(ba, { perPage: 100 })).items;
    assert.equal(all.filter((o) => o.orderCode === "DROPPED01").length, 1, "exactly one order exists");
    c.close();
  }],

  ["OAuth2: authorize → exchange → resources across access-token expiry; rotated tokens saved; restart from the store", async () => {
    const store = jsonStore();
    const c = oauthClient(store);
    const scopes = ["profile", "company", "bank-account:read", "transaction:read", "webhook:read", "webhook:write", "webhook:delete"];
    const url = new URL(c.oauth.authorizationUrl(scopes, "st4te"));
    assert.equal(url.searchParams.get("scope"), scopes.join(" "));
    assert.equal(url.searchParams.get("client_id"), APP.clientId);
    assert.equal(url.searchParams.get("state"), "st4te");
    assert.ok(!url.href.includes(APP.clientSecret));
    const code = await authorize(url.href, "st4te");
    const first = await c.oauth.exchangeCode(code);
    assert.ok(first instanceof OAuthTokens);
    assert.ok(first.accessToken.length > 20 && first.refreshToken.length > 10);
    assert.ok(first.expiresAt > Date.now() / 1000);
    for (const shown of [String(first), inspect(first), inspect({ nested: first })]) {
      assert.ok(!shown.includes(first.accessToken) && !shown.includes(first.refreshToken), shown);
    }
    assert.equal(store.saved.length, 1);
    assert.equal(store.saved[0].refreshToken, first.refreshToken);

    const me = await c.oauth.me();
    assert.equal(me.id, "1234");
    const company = await c.oauth.company();
    assert.equal(typeof company.fullName, "string");
    // Calls for longer than two token lifetimes: every call succeeds.
    for (let i = 0; i < 6; i++) {
      assert.ok((await c.oauth.bankAccounts.list()).items.length > 0);
      await sleep(900);
    }
    const tokenRequests = count(await oauth.requests(), (r) => r.path === "/oauth/token");
    assert.ok(tokenRequests >= 3, `exchange plus refreshes, got ${tokenRequests}`);
    assert.equal(store.saved.length, tokenRequests, "every refresh was saved");
    const last = store.load();
    assert.notEqual(last.refreshToken, first.refreshToken, "the rotated refresh token was saved");
    assert.ok(store.saved.every((t) => t instanceof OAuthTokens));

    // A new client (a restart) carries on from the stored tokens, without a new code.
    c.close();
    const again = oauthClient(store);
    assert.equal((await again.oauth.me()).id, "1234");
    const accounts = await again.oauth.bankAccounts.list({ limit: 2 });
    assert.equal(accounts.items.length, 2);
    assert.match(accounts.items[0].accumulated, /^\d+(\.\d+)?$/);
    const one = await again.oauth.bankAccounts.get(accounts.items[0].id);
    assert.deepEqual(one, accounts.items[0]);
    const all = [];
    for await (const a of again.oauth.bankAccounts.iter({ limit: 1 })) all.push(a.id);
    assert.equal(all.length, accounts.pagination.total);
    const subs = await again.oauth.bankAccounts.subAccounts(one.id);
    assert.ok(Array.isArray(subs.items));
    for (const s of subs.items) assert.equal(typeof s.id, "string");

    const page = await again.oauth.transactions.list({ limit: 7 });
    assert.equal(page.items.length, 7);
    let n = 0;
    const ids = new Set();
    for await (const t of again.oauth.transactions.iter({ limit: 50 })) {
      n++;
      ids.add(t.id);
      assert.match(t.amountIn, /^\d+(\.\d+)?$/);
    }
    assert.equal(n, page.pagination.total, "auto-paginated over every page");
    assert.equal(ids.size, n, "each transaction once");
    const filtered = await again.oauth.transactions.list({ bankAccountId: one.id, limit: 100 });
    assert.ok(filtered.items.every((t) => t.bankAccountId === one.id));

    const created = await again.oauth.webhooks.create({
      bankAccountId: one.id, name: "shop", eventType: "In_only", authenType: "HMAC_SHA256",
      webhookUrl: "https://shop.example/hook", isVerifyPayment: true, active: true,
    });
    assert.deepEqual([created.name, created.eventType, created.isVerifyPayment], ["shop", "In_only", true]);
    assert.deepEqual(await again.oauth.webhooks.get(created.id), created);
    const renamed = await again.oauth.webhooks.update(created.id, { name: "renamed", active: false });
    assert.deepEqual([renamed.name, renamed.active, renamed.webhookUrl], ["renamed", false, created.webhookUrl]);
    const listed = await again.oauth.webhooks.list({ webhookUrl: "shop.example" });
    assert.deepEqual(listed.items.map((w) => w.id), [created.id]);
    assert.equal(await again.oauth.webhooks.delete(created.id), undefined);
    await rejects(again.oauth.webhooks.get(created.id), NotFoundError, (e) => assert.equal(e.status, 404));
    again.close();
  }],

  ["OAuth2: errors are typed, and the client secret and tokens are never shown", async () => {
    const store = new MemoryTokenStore();
    const c = oauthClient(store);
    for (const shown of [String(c), inspect(c, { depth: 5 })]) assert.ok(!shown.includes(APP.clientSecret), shown);
    assert.throws(() => c.oauth.authorizationUrl(["profile", "everything"], "s"), (e) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.fieldErrors[0].field, "scope");
      return true;
    });
    assert.throws(() => c.oauth.authorizationUrl(["profile"], " "), ValidationError);
    assert.throws(() => c.oauth.authorizationUrl("profile", "s"), ValidationError);
    // No tokens yet.
    await rejects(c.oauth.me(), AuthenticationError);
    // A bad code: SePay's 400 invalid_grant.
    await rejects(c.oauth.exchangeCode("not-a-code"), AuthenticationError, (e) => {
      assert.equal(e.status, 400);
      assert.equal(e.code, "invalid_grant");
    });
    // A wrong client secret: 401 invalid_client, and the secret is not in the message.
    const wrong = new Client({ baseUrl: oauth.url, oauth: { ...APP, clientSecret: "wrong-secret-value" }, ...fast });
    const code = await authorize(wrong.oauth.authorizationUrl(["profile"], "x"), "x");
    await rejects(wrong.oauth.exchangeCode(code), AuthenticationError, (e) => {
      assert.equal(e.status, 401);
      assert.equal(e.code, "invalid_client");
      assert.ok(!e.message.includes("wrong-secret-value") && !inspect(e).includes("wrong-secret-value"));
    });
    // Scope not granted: 403.
    const narrow = oauthClient(new MemoryTokenStore());
    await narrow.oauth.exchangeCode(await authorize(narrow.oauth.authorizationUrl(["profile"], "n"), "n"));
    await rejects(narrow.oauth.webhooks.list(), SePayError, (e) => {
      assert.equal(e.status, 403);
      assert.equal(e.code, "forbidden");
    });
    assert.ok(store.load() === null);
    // Configuration mistakes.
    assert.throws(() => new Client({ baseUrl: oauth.url, tokenStore: new MemoryTokenStore() }), ConfigurationError);
    assert.throws(() => new Client({ baseUrl: oauth.url, oauth: APP, tokenStore: {} }), ConfigurationError);
    assert.throws(() => new Client({ baseUrl: oauth.url, oauth: APP, tokenStore: { load: async () => null, save() {} } }), ConfigurationError);
    assert.throws(() => new Client({ baseUrl: oauth.url, oauth: { clientId: "x" } }), ConfigurationError);
    const userOnly = new Client({ token: TOKEN, baseUrl: oauth.url });
    await rejects(userOnly.oauth.me(), ConfigurationError);
    for (const x of [c, wrong, narrow, userOnly]) x.close();
  }],

  ["Bank Hub: 32 concurrent calls across a token expiry make one token request per expiry, none fails", async () => {
    const c = hubClient();
    await hub.clearRequests();
    const burst = async () => {
      const pages = await Promise.all(Array.from({ length: 32 }, () => c.bankHub.companies.list()));
      for (const p of pages) assert.ok(p.items.length > 0);
    };
    const tokens = async () => count(await hub.requests(), (r) => r.path === "/bankhub/v1/token");
    await burst();
    assert.equal(await tokens(), 1);
    await sleep(2_100);
    await burst();
    assert.equal(await tokens(), 2, "one token request per expiry");
    const failed = (await hub.requests()).filter((r) => r.path !== "/bankhub/v1/token" && r.status !== 200);
    assert.deepEqual(failed, []);
    c.close();
  }],

  ["Bank Hub: every operation", async () => {
    const c = hubClient();
    const companies = await c.bankHub.companies.list({ perPage: 2 });
    assert.equal(companies.items.length, 2);
    const iterated = [];
    for await (const co of c.bankHub.companies.iter({ perPage: 1 })) iterated.push(co.xid);
    assert.equal(iterated.length, companies.pagination.total);
    const company = await c.bankHub.companies.get(companies.items[0].xid);
    assert.deepEqual(company, companies.items[0]);
    const xid = await c.bankHub.companies.create({ fullName: "CONG TY JS TEST", status: "Pending" });
    assert.equal((await c.bankHub.companies.get(xid)).fullName, "CONG TY JS TEST");
    assert.equal(typeof await c.bankHub.companies.edit(xid, { fullName: "CONG TY JS TEST 2", status: "Active" }), "string");
    const edited = await c.bankHub.companies.get(xid);
    assert.deepEqual([edited.fullName, edited.status], ["CONG TY JS TEST 2", "Active"]);
    const counter = await c.bankHub.companies.counter(company.xid);
    assert.ok(counter.total.transaction >= counter.total.transactionIn);
    const day = await c.bankHub.companies.counter(company.xid, { date: "2025-01-01" });
    assert.deepEqual(day.dates.map((d) => d.date), ["2025-01-01"]);

    const link = await c.bankHub.linkTokens.create({
      companyXid: company.xid, purpose: "LINK_BANK_ACCOUNT", completionRedirectUri: "https://app.example/done",
    });
    assert.match(link.hostedLinkUrl, /^https:\/\//);
    const info = await c.bankHub.linkTokens.get(link.linkToken);
    assert.deepEqual([info.xid, info.purpose, info.status], [link.xid, "LINK_BANK_ACCOUNT", "Active"]);
    assert.equal(typeof await c.bankHub.linkTokens.revoke(link.xid), "string");
    assert.equal((await c.bankHub.linkTokens.get(link.linkToken)).status, "Revoked");

    const accounts = await c.bankHub.bankAccounts.list({ companyXid: company.xid });
    assert.ok(accounts.items.length > 0 && accounts.items.every((a) => a.companyXid === company.xid));
    assert.deepEqual(await c.bankHub.bankAccounts.get(accounts.items[0].xid), accounts.items[0]);
    const txs = await c.bankHub.transactions.list({ bankAccountXid: accounts.items[0].xid, perPage: 5 });
    assert.ok(txs.items.length > 0);
    assert.deepEqual(await c.bankHub.transactions.get(txs.items[0].transactionId), txs.items[0]);
    let n = 0;
    for await (const t of c.bankHub.transactions.iter({ bankAccountXid: accounts.items[0].xid, perPage: 20 })) {
      assert.equal(t.bankAccountXid, accounts.items[0].xid);
      n++;
    }
    assert.equal(n, txs.pagination.total);

    assert.deepEqual((await c.bankHub.merchantConfig.get()).transactionWhitelistRemarkKeywords, []);
    const config = await c.bankHub.merchantConfig.update({ transactionWhitelistRemarkKeywords: ["DH"] });
    assert.deepEqual(config.transactionWhitelistRemarkKeywords, ["DH"]);
    assert.ok((await c.bankHub.transactions.list({ perPage: 20 })).items.every((t) => t.transactionContent.includes("DH")));
    await c.bankHub.merchantConfig.update({ transactionWhitelistRemarkKeywords: [] });

    assert.equal(await c.bankHub.webhook.get(), null);
    const hook = await c.bankHub.webhook.set({ webhookUrl: "https://app.example/bankhub", secretKey: "s3cr3t-key-value" });
    assert.deepEqual([hook.webhookUrl, hook.authType, hook.active, hook.allowEvents], ["https://app.example/bankhub", "SECRET_KEY", true, ["*"]]);
    assert.ok(!JSON.stringify(hook).includes("s3cr3t-key-value"), "the secret is not returned");
    const got = await c.bankHub.webhook.get();
    assert.equal(got.webhookUrl, hook.webhookUrl);
    c.close();
  }],

  ["Bank Hub: errors of each shape are typed", async () => {
    const c = hubClient();
    await rejects(c.bankHub.companies.get("no-such-company"), NotFoundError, (e) => assert.equal(e.status, 404));
    await rejects(c.bankHub.linkTokens.revoke("no-such-token"), NotFoundError);
    await rejects(c.bankHub.companies.create({ fullName: "X", status: "Bogus" }), ValidationError, (e) => {
      assert.equal(e.status, 400);
      assert.ok(e.fieldErrors.some((f) => f.field === "status"), JSON.stringify(e.fieldErrors));
    });
    await rejects(c.bankHub.webhook.set({ webhookUrl: "not a url", secretKey: "abcd" }), ValidationError, (e) => assert.equal(e.status, 400));
    // Refused before sending.
    await rejects(c.bankHub.companies.create({ fullName: "X" }), ValidationError, (e) => assert.equal(e.status, null));
    await rejects(c.bankHub.linkTokens.create({ companyXid: "x", purpose: "SOMETHING" }), ValidationError, (e) => assert.equal(e.status, null));
    const [first] = (await c.bankHub.companies.list()).items;
    await rejects(c.bankHub.companies.edit(first.xid, { nonsense: 1 }), ValidationError, (e) => assert.equal(e.status, null));
    await rejects(c.bankHub.companies.edit(first.xid, {}), ValidationError, (e) => assert.equal(e.status, null));
    await rejects(c.bankHub.companies.list({ per_page: 1 }), ValidationError, (e) => assert.match(e.message, /perPage/));
    // Wrong merchant credentials.
    const wrong = hubClient({ bankHub: { ...HUB, clientSecret: "wrong-hub-secret" } });
    await rejects(wrong.bankHub.companies.list(), AuthenticationError, (e) => {
      assert.equal(e.status, 401);
      assert.ok(!e.message.includes("wrong-hub-secret"));
    });
    for (const shown of [String(wrong), inspect(wrong, { depth: 5 })]) assert.ok(!shown.includes("wrong-hub-secret"));
    c.close();
    wrong.close();
  }],
];
