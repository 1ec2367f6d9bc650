// The package's test cases, shared by `node --test` (node.test.mjs) and
// `deno test` (deno.test.js). They import the INSTALLED package by name and
// talk to real `sepay-sandbox` processes.

import assert from "node:assert/strict";
import * as sepay from "sepay-sdk";
import {
  AuthenticationError,
  Client,
  ConfigurationError,
  DecodeError,
  NotFoundError,
  RateLimitError,
  SePayError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "sepay-sdk";
import { startSandbox, stopAll, TOKEN } from "./sandbox.mjs";

const BIG = 20_500;
let big; // rate limit off, 20,500 transactions
let limited; // 3 requests/second, like SePay

export async function setup() {
  big = await startSandbox({ transactions: BIG });
  limited = await startSandbox({ transactions: 50, rateLimit: 3 });
}

export function teardown() {
  stopAll();
}

const fastRetry = { initialBackoffMs: 10, maxBackoffMs: 100 };

function client(extra = {}) {
  return new Client({
    token: TOKEN,
    baseUrl: big.url,
    requestsPerSecond: null,
    timeoutMs: 10_000,
    retry: fastRetry,
    ...extra,
  });
}

const AMOUNT = /^\d+(\.\d+)?$/;
const VN_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/;

/** Exact sum of decimal strings with at most 2 decimals, as a "x.yy" string. */
function sum(amounts) {
  let cents = 0n;
  for (const a of amounts) {
    const [whole, frac = ""] = a.split(".");
    cents += BigInt(whole) * 100n + BigInt((frac + "00").slice(0, 2));
  }
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

async function rejects(promise, Class, check = () => {}) {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof Class, `expected ${Class.name}, got ${e?.name}: ${e?.message}`);
    assert.ok(e instanceof SePayError && e instanceof Error);
    assert.equal(e.name, Class.name);
    check(e);
    return e;
  }
  assert.fail(`expected ${Class.name}, but the call succeeded`);
}

function checkV1Transaction(t) {
  assert.match(t.id, /^\d+$/);
  for (const k of ["amountIn", "amountOut", "accumulated"]) assert.match(t[k], AMOUNT, k);
  assert.match(t.transactionDate, VN_TIME);
  assert.equal(new Date(t.transactionDate).toISOString().length, 24);
}

function checkV2Transaction(t) {
  assert.match(t.id, /^[0-9a-f-]{36}$/);
  assert.ok(t.transferType === "in" || t.transferType === "out");
  for (const k of ["amountIn", "amountOut", "accumulated"]) assert.match(t[k], AMOUNT, k);
  assert.match(t.transactionDate, VN_TIME);
}

const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

export const cases = [
  ["onEvent sees every attempt and retry without the token; withOptions changes one view", async () => {
    const events = [];
    const c = client({ onEvent: (e) => events.push(e) });
    await big.nextFaults(["503"]);
    assert.equal((await c.v1.transactions.list({ limit: 5 })).length, 5);
    assert.deepEqual(events.map((e) => [e.kind, e.attempt, e.status]), [
      ["request", 1, null], ["response", 1, 503], ["retry", 1, 503], ["request", 2, null], ["response", 2, 200],
    ]);
    for (const e of events) {
      assert.equal(e.operation, "v1.transactions.list");
      assert.equal(e.path, "/userapi/transactions/list");
      assert.ok(!JSON.stringify(e).includes(TOKEN));
    }
    assert.match(events[4].requestId, /^sandbox-\d+$/);
    assert.ok(events[2].retryInMs > 0 && events[4].latencyMs > 0);

    const tagged = c.withOptions({ headers: { "X-Correlation-Id": "order-42" } });
    await tagged.v1.transactions.list({ limit: 1 });
    await c.v1.transactions.list({ limit: 1 });
    const [first, second] = (await big.requests()).slice(-2);
    assert.deepEqual(first.x_headers.find(([n]) => n === "x-correlation-id"), ["x-correlation-id", "order-42"]);
    assert.equal(second.x_headers.find(([n]) => n === "x-correlation-id"), undefined);

    const once = c.withOptions({ maxAttempts: 1 });
    await big.nextFaults(["503"]);
    await rejects(once.v1.transactions.list({ limit: 1 }), ServerError, (e) => assert.equal(e.status, 503));
    const quick = c.withOptions({ timeoutMs: 150, maxAttempts: 1 });
    await big.nextFaults([{ slow: 2000 }]);
    await rejects(quick.v1.transactions.list({ limit: 1 }), TimeoutError);
    assert.throws(() => c.withOptions({ headers: { Authorization: "Bearer x" } }), ConfigurationError);
    assert.throws(() => c.withOptions({ timeout: 5 }), ConfigurationError);
    assert.throws(() => client({ onEvent: "log" }), ConfigurationError);
    for (const x of [tagged, once, quick, c]) x.close();
  }],
  ["iterators report progress: position, total and onProgress after each page", async () => {
    const c = client();
    const seen = [];
    const it = c.v2.transactions.iter({ perPage: 100 }).onProgress((p) => seen.push(p));
    assert.equal(it.total, undefined, "nothing asked yet");
    let n = 0;
    for await (const _ of it) if (++n === 250) break;
    assert.equal(it.position, 250);
    assert.equal(it.total, BIG, "v2's meta.pagination.total");
    assert.deepEqual(seen, [{ items: 100, total: BIG }, { items: 200, total: BIG }]);
    const v1 = c.v1.transactions.iter({ limit: 5000 });
    const pages = [];
    for await (const page of v1.pages()) pages.push(page.length);
    assert.equal(v1.total, BIG, "v1's count, asked at the first full page");
    assert.equal(v1.position, BIG);
    assert.equal(pages.reduce((a, b) => a + b, 0), BIG);
  }],
  ["item iteration hands out a 5,000-row page in slices: every row once, in order", async () => {
    const c = client();
    const it = c.v1.transactions.iter({ limit: 5000 });
    let expected = 1;
    for await (const t of it) {
      assert.equal(t.id, String(expected), "rows in order, none repeated or skipped across slices");
      expected++;
    }
    assert.equal(expected - 1, BIG);
    assert.equal(it.position, BIG);
    const first = await c.v1.transactions.list({ sinceId: 1, limit: 300 });
    let n = 0;
    for await (const t of c.v1.transactions.iter({ limit: 300 })) {
      if (n < 300) assert.deepEqual(t, first[n], "an item from a slice equals the same row from list()");
      n++;
    }
    assert.equal(n, BIG);
    c.close();
  }],
  ["parity: every operation of the core is on the client, and nothing else", async () => {
    const c = client();
    assert.ok(sepay.operations.length >= 18, "the core lists its operations");
    const surface = new Set();
    const walk = (group, path) => {
      for (const [name, value] of Object.entries(group)) {
        if (typeof value === "function") surface.add([...path, name].join("."));
        else walk(value, [...path, name]);
      }
    };
    walk(c, []);
    const expected = new Set(sepay.operations.map((op) => op.split(".").map(camel).join(".")));
    assert.deepEqual([...surface].sort(), [...expected].sort());
    c.close();
  }],

  ["every v1 operation", async () => {
    const c = client();
    const v1 = c.v1;
    const list = await v1.transactions.list({ sinceId: 10, limit: 5 });
    assert.deepEqual(list.map((t) => t.id), ["10", "11", "12", "13", "14"]);
    list.forEach(checkV1Transaction);
    const t = await v1.transactions.get("12");
    assert.deepEqual(t, list[2]);
    assert.equal(await v1.transactions.count(), BIG);
    const byAccount = await v1.transactions.count({ accountNumber: t.accountNumber });
    assert.ok(byAccount > 0 && byAccount < BIG);
    const day = t.transactionDate.slice(0, 10);
    const sameDay = await v1.transactions.list({ transactionDateMin: day, transactionDateMax: day });
    assert.ok(sameDay.some((x) => x.id === t.id));
    const atTime = await v1.transactions.list({
      transactionDateMin: new Date(t.transactionDate),
      transactionDateMax: new Date(t.transactionDate),
    });
    assert.ok(atTime.some((x) => x.id === t.id), "a Date filter is sent as Vietnam time");
    const money = t.amountIn !== "0.00" ? { amountIn: t.amountIn } : { amountOut: t.amountOut };
    const exact = await v1.transactions.list(money);
    assert.ok(exact.some((x) => x.id === t.id));
    let iterated = 0;
    for await (const x of v1.transactions.iter({ sinceId: 100, limit: 7 })) {
      assert.equal(x.id, String(100 + iterated));
      if (++iterated === 20) break;
    }
    assert.equal(iterated, 20);
    const accounts = await v1.bankAccounts.list();
    assert.equal(accounts.length, 3);
    for (const a of accounts) {
      assert.match(a.accumulated, AMOUNT);
      assert.equal(typeof a.active, "boolean");
    }
    assert.deepEqual(await v1.bankAccounts.get(accounts[0].id), accounts[0]);
    assert.equal(await v1.bankAccounts.count(), 3);
    const all = [];
    for await (const a of v1.bankAccounts.iter()) all.push(a);
    const byId = (x, y) => Number(x.id) - Number(y.id);
    assert.deepEqual(all, [...accounts].sort(byId), "iter walks ascending ids");
    c.close();
  }],

  ["every v2 operation", async () => {
    const c = client();
    const v2 = c.v2;
    const page = await v2.transactions.list({ transferType: "out", perPage: 10 });
    assert.equal(page.items.length, 10);
    assert.ok(page.items.every((t) => t.transferType === "out"));
    page.items.forEach(checkV2Transaction);
    assert.equal(page.pagination.perPage, 10);
    assert.equal(page.pagination.currentPage, 1);
    assert.deepEqual(await v2.transactions.get(page.items[0].id), page.items[0]);
    const first = [];
    for await (const t of v2.transactions.iter({ perPage: 3 })) {
      first.push(t);
      if (first.length === 7) break;
    }
    assert.equal(first.length, 7);
    assert.ok(first[0].transactionDate <= first[6].transactionDate, "iter walks oldest first");
    const accounts = await v2.bankAccounts.list();
    assert.equal(accounts.pagination.total, 3);
    assert.deepEqual(await v2.bankAccounts.get(accounts.items[0].id), accounts.items[0]);
    const iterated = [];
    for await (const a of v2.bankAccounts.iter({ perPage: 2 })) iterated.push(a.id);
    assert.deepEqual(iterated.sort(), accounts.items.map((a) => a.id).sort());
    let foundVa = false;
    let foundTerminal = false;
    for (const account of accounts.items) {
      const vas = await v2.virtualAccounts.list(account.id, { perPage: 100 });
      const walked = [];
      for await (const va of v2.virtualAccounts.iter(account.id)) walked.push(va);
      assert.equal(walked.length, vas.pagination.total);
      if (walked.length > 0) {
        const va = await v2.virtualAccounts.get(account.id, walked[0].id);
        assert.deepEqual(va, walked[0]);
        assert.equal(va.bankAccountId, account.id);
        assert.equal(typeof va.static, "boolean");
        foundVa = true;
      }
      const terminals = await v2.terminals.list(account.id);
      if (account.bankShortName === "Vietcombank") {
        assert.ok(terminals.length > 0 && terminals.every((t) => t.tid.length > 0));
        foundTerminal = true;
      }
    }
    assert.ok(foundVa && foundTerminal, "the dataset has virtual accounts and terminals");
    c.close();
  }],

  [`v1 iter: ${BIG} transactions, ascending, each once, money exact`, async () => {
    const c = client();
    const stats = await big.stats();
    await big.clearRequests();
    const ins = [];
    const outs = [];
    let last = 0;
    let pages = 0;
    for await (const page of c.v1.transactions.iter().pages()) {
      pages++;
      assert.ok(page.length <= 5000);
      for (const t of page) {
        const id = Number(t.id);
        assert.ok(id > last, `ids ascend (${id} after ${last})`);
        last = id;
        ins.push(t.amountIn);
        outs.push(t.amountOut);
      }
    }
    assert.equal(ins.length, BIG);
    assert.equal(ins.length, stats.transactions);
    assert.equal(sum(ins), stats.total_amount_in);
    assert.equal(sum(outs), stats.total_amount_out);
    assert.equal(pages, Math.ceil(BIG / 5000));
    const log = await big.requests();
    assert.ok(log.length <= 2 * pages + 1, `${log.length} requests for ${pages} pages`);
    c.close();
  }],

  [`v2 iter: ${BIG} transactions, each once, one page in memory`, async () => {
    const c = client();
    const stats = await big.stats();
    const seen = new Set();
    const ins = [];
    for await (const page of c.v2.transactions.iter().pages()) {
      assert.ok(page.length <= 100);
      for (const t of page) {
        assert.ok(!seen.has(t.id), `duplicate ${t.id}`);
        seen.add(t.id);
        ins.push(t.amountIn);
      }
    }
    assert.equal(seen.size, BIG);
    assert.equal(sum(ins), stats.total_amount_in);
    let n = 0;
    for await (const _ of c.v2.transactions.iter()) n++;
    assert.equal(n, BIG, "iterating again starts over");
    c.close();
  }],

  ["20 concurrent calls against a 3 requests/second sandbox: zero 429s", async () => {
    const c = new Client({ token: TOKEN, baseUrl: limited.url, retry: fastRetry });
    await limited.clearRequests();
    const started = Date.now();
    const calls = [];
    for (let i = 0; i < 20; i++) {
      calls.push(
        i % 3 === 0
          ? c.v1.transactions.count()
          : i % 3 === 1
            ? c.v2.transactions.list({ perPage: 5 })
            : c.v1.transactions.list({ limit: 5 }),
      );
    }
    const results = await Promise.all(calls);
    assert.equal(results.length, 20);
    const log = await limited.requests();
    assert.equal(log.length, 20, "each call is one request");
    assert.equal(log.filter((r) => r.status === 429).length, 0, "zero 429s");
    assert.ok(log.every((r) => r.status === 200));
    assert.ok(Date.now() - started >= 5_000, "the client paced itself");
    c.close();
  }],

  ["requestsPerSecond: null turns the client-side limit off", async () => {
    const unlimited = client();
    let started = Date.now();
    for (let i = 0; i < 12; i++) await unlimited.v1.transactions.count();
    assert.ok(Date.now() - started < 2_000, `12 calls took ${Date.now() - started} ms`);
    const limitedClient = client({ requestsPerSecond: 10 });
    started = Date.now();
    for (let i = 0; i < 12; i++) await limitedClient.v1.transactions.count();
    assert.ok(Date.now() - started >= 1_000, "10 requests/second spaces 12 calls over > 1 s");
    unlimited.close();
    limitedClient.close();
  }],

  ["injected faults are retried: 503, 500, 429, drop, truncate", async () => {
    const c = client();
    await big.clearRequests();
    await big.nextFaults(["503", "500", "429", "drop", "truncate"]);
    const page = await c.v2.transactions.list({ perPage: 5 });
    assert.equal(page.items.length, 5);
    const log = await big.requests();
    assert.deepEqual(log.map((r) => r.fault), ["503", "500", "429", "drop", "truncate", null]);
    assert.equal(log.at(-1).status, 200);
    await big.clearRequests();
    await big.nextFaults(["503"]);
    assert.equal(await c.v1.transactions.count(), BIG, "v1 is retried too");
    assert.equal((await big.requests()).length, 2);
    c.close();
  }],

  ["retries run out: typed RateLimitError and ServerError", async () => {
    const c = client({ retry: { ...fastRetry, maxAttempts: 2 } });
    await big.nextFaults(["429", "429"]);
    await rejects(c.v2.transactions.list(), RateLimitError, (e) => {
      assert.equal(e.status, 429);
      assert.equal(e.retryAfter, 1);
      assert.equal(e.operation, "v2.transactions.list");
    });
    await big.nextFaults(["503", "503"]);
    await rejects(c.v2.bankAccounts.list(), sepay.ServerError, (e) => assert.equal(e.status, 503));
    c.close();
  }],

  ["answers that are not SePay's are DecodeErrors, not retried", async () => {
    const c = client();
    for (const fault of ["html", "wrong_type", "truncated_json", "unknown_enum", "missing_field"]) {
      await big.clearRequests();
      await big.nextFaults([fault]);
      await rejects(c.v2.transactions.list({ perPage: 3 }), DecodeError, (e) => {
        assert.equal(e.kind, "decode");
        assert.match(e.message, /v2\.transactions\.list: could not decode/);
      });
      assert.equal((await big.requests()).length, 1, `${fault}: one request`);
    }
    await big.nextFaults(["wrong_type"]);
    await rejects((async () => {
      for await (const _ of c.v2.transactions.iter()) { /* the first page fails */ }
    })(), DecodeError, (e) => assert.match(e.message, /amount/));
    c.close();
  }],

  ["a wrong token is an AuthenticationError in v1 and v2, and never printed", async () => {
    const secret = "WRONG_TOKEN_THAT_MUST_NOT_LEAK_0123456789";
    const c = client({ token: secret });
    const e1 = await rejects(c.v1.transactions.list(), AuthenticationError, (e) => {
      assert.equal(e.status, 200, "v1 answers HTTP 200 with an empty body");
    });
    const e2 = await rejects(c.v2.transactions.list(), AuthenticationError, (e) => {
      assert.equal(e.status, 401);
    });
    for (const e of [e1, e2]) {
      assert.ok(!`${e.message} ${e.stack} ${JSON.stringify(e)}`.includes(secret));
    }
    c.close();
  }],

  ["unknown ids are NotFoundErrors", async () => {
    const c = client();
    await rejects(c.v1.transactions.get("99999999"), NotFoundError, (e) => assert.equal(e.status, 404));
    await rejects(c.v2.transactions.get("00000000-0000-0000-0000-000000000000"), NotFoundError);
    c.close();
  }],

  ["bad input is a ValidationError raised before anything is sent", async () => {
    const c = client();
    await big.clearRequests();
    const bad = [
      [() => c.v1.transactions.list({ limit: 0 }), "limit"],
      [() => c.v1.transactions.list({ limit: 5001 }), "limit"],
      [() => c.v2.transactions.list({ perPage: 1000 }), "perPage"],
      [() => c.v2.transactions.list({ page: 0 }), "page"],
      [() => c.v1.transactions.list({ limitt: 5 }), "limitt"],
      [() => c.v1.transactions.list({ account_number: "1" }), "accountNumber"],
      [() => c.v1.transactions.list({ limit: "many" }), "limit"],
      [() => c.v1.transactions.list({ transactionDateMin: "yesterday" }), "transactionDateMin"],
      [() => c.v1.transactions.list({ amountIn: "-5" }), "amountIn"],
      [() => c.v2.transactions.list({ amountInMin: "12.5" }), "amountInMin"],
      [() => c.v2.transactions.list({ transferType: "sideways" }), "transferType"],
      [() => c.v1.transactions.get(""), "id"],
      [() => c.v1.transactions.get(12), "id"],
      [() => c.v2.virtualAccounts.get("", "x"), "bankAccountId"],
      [() => c.v2.transactions.list("perPage=5"), "options"],
    ];
    for (const [call, field] of bad) {
      await rejects(call(), ValidationError, (e) => {
        assert.equal(e.status, null, "refused before sending");
        assert.equal(e.kind, "validation");
        assert.deepEqual(e.fieldErrors.map((f) => f.field), [field], e.message);
      });
    }
    await rejects((async () => {
      for await (const _ of c.v2.transactions.iter({ perPage: 0 })) { /* refused */ }
    })(), ValidationError);
    assert.deepEqual(await big.requests(), [], "nothing reached the server");
    c.close();
  }],

  ["bad configuration is a ConfigurationError", () => {
    const cases = [
      {},
      { token: "", baseUrl: big.url },
      { token: TOKEN },
      { token: TOKEN, environment: "live", baseUrl: big.url },
      { token: TOKEN, baseUrl: "http://example.com" },
      { token: TOKEN, environment: "staging" },
      { token: TOKEN, baseUrl: big.url, timeoutMs: -1 },
      { token: TOKEN, baseUrl: big.url, timeoutMs: 0 },
      { token: TOKEN, baseUrl: big.url, requestsPerSecond: "fast" },
      { token: TOKEN, baseUrl: big.url, tokn: "x" },
      { token: "has space", baseUrl: big.url },
    ];
    for (const options of [...cases, null, "token"]) {
      assert.throws(() => new Client(options), (e) => {
        assert.ok(e instanceof ConfigurationError, `${JSON.stringify(options)}: ${e}`);
        assert.equal(e.kind, "configuration");
        assert.ok(!e.message.includes(TOKEN));
        return true;
      });
    }
    for (const environment of ["live", "sandbox"]) new Client({ token: TOKEN, environment }).close();
  }],

  ["a slow answer is a TimeoutError", async () => {
    const c = client({ timeoutMs: 300, retry: { maxAttempts: 1 } });
    await big.nextFaults([{ slow: 1500 }]);
    await rejects(c.v2.transactions.list(), TimeoutError, (e) => {
      assert.match(e.message, /timed out after 300 ms/);
    });
    c.close();
  }],
];
