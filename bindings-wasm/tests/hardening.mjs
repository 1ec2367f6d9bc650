// Hardening, shared by `node --test` and `deno test`: one case per
// property, through the installed package, against sandbox processes and
// local node:http servers. P13 (clean exit) has no JavaScript case: the
// module runs on the caller's event loop and starts no thread; a timer lives
// only while a call waits (the examples, run as scripts, exit on their own).

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { setImmediate } from "node:timers";
import { inspect } from "node:util";
import {
  Client,
  ConfigurationError,
  DecodeError,
  errorReply,
  hmacSignature,
  MemoryTokenStore,
  OAuthTokens,
  PaginationError,
  RateLimitError,
  retryLaterReply,
  SePayError,
  StoreError,
  TransportError,
  ValidationError,
  WebhookReceiver,
  WebhookTokenIssuer,
  WebhookVerificationError,
} from "sepay-sdk";
import { startSandbox, TOKEN } from "./sandbox.mjs";

let hs; // OAuth2 access tokens live 2 s, webhook retries 1000x faster, rate limit off
let chaos; // 20,000 transactions behind ~22% mixed faults

/** 20,000 in the test command; SEPAY_CHAOS_TRANSACTIONS=100000 for the benchmark (Node). */
const CHAOS_TRANSACTIONS = Number(globalThis.process?.env?.SEPAY_CHAOS_TRANSACTIONS ?? 20_000);

export async function setupHardening() {
  hs = await startSandbox({
    transactions: 120,
    args: ["--oauth-access-ttl", "2", "--webhook-time-scale", "0.001"],
  });
  chaos = await startSandbox({
    transactions: CHAOS_TRANSACTIONS,
    args: [
      "--seed", "11",
      "--fault-500", "0.05", "--fault-503", "0.05",
      "--fault-429-burst", "0.02", "--burst-length", "1",
      "--fault-truncate", "0.03", "--fault-drop", "0.03",
      "--fault-slow", "0.03", "--slow-ms", "40",
    ],
  });
}

const APP = { clientId: "sandbox-client", clientSecret: "sandbox-client-secret", redirectUri: "http://127.0.0.1/callback" };
const fast = { requestsPerSecond: null, timeoutMs: 10_000, retry: { initialBackoffMs: 10, maxBackoffMs: 100 } };
const now = () => Math.floor(Date.now() / 1000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const BODY =
  '{"id":91,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":"DH91","content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}';

function throws(fn, Class, check = () => {}) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Class, `expected ${Class.name}, got ${e?.name}: ${e?.message}`);
    assert.ok(e instanceof SePayError && e instanceof Error);
    check(e);
    return e;
  }
  assert.fail(`expected ${Class.name}, but the call succeeded`);
}

async function rejects(promise, Class, check = () => {}) {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof Class, `expected ${Class.name}, got ${e?.name}: ${e?.message}`);
    assert.ok(e instanceof SePayError && e instanceof Error);
    check(e);
    return e;
  }
  assert.fail(`expected ${Class.name}, but the call succeeded`);
}

/** A loopback server running `handler(req, res)`; counts requests. */
async function listen(handler) {
  const server = createServer((req, res) => {
    server.hits++;
    handler(req, res);
  });
  server.hits = 0;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    hits: () => server.hits,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections?.();
      }),
  };
}

/** A loopback server answering `reply(req, rawBody)` → `{status, headers, body}`. */
function serve(reply) {
  return listen((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      let r;
      try {
        r = reply(req, new Uint8Array(Buffer.concat(chunks)));
      } catch (e) {
        r = { status: 500, headers: {}, body: String(e) };
      }
      res.writeHead(r.status, r.headers).end(r.body);
    });
  });
}

async function until(check, what, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function admin(sb, method, path, body) {
  const res = await fetch(`${sb.url}/__sandbox/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The user's browser: open the authorize URL, follow SePay's redirect back, hand the app the code. */
async function authorize(url, state) {
  const res = await fetch(url, { redirect: "manual" });
  assert.equal(res.status, 302);
  const back = new URL(res.headers.get("location"));
  assert.equal(back.searchParams.get("state"), state);
  return back.searchParams.get("code");
}

/** Exact sum of decimal strings with at most 2 decimals, as "x.yy". */
function sum(amounts) {
  let cents = 0n;
  for (const a of amounts) {
    const [whole, frac = ""] = a.split(".");
    cents += BigInt(whole) * 100n + BigInt((frac + "00").slice(0, 2));
  }
  return `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

/** A dedup store over a Map, like one over Redis: claim / complete / release, with its calls logged. */
function mapStore() {
  const state = new Map(); // key → { done } | { until }
  const calls = [];
  return {
    calls,
    down: false,
    claim(key, leaseSeconds) {
      calls.push(["claim", key, leaseSeconds]);
      if (this.down) throw new Error("redis down");
      const entry = state.get(key);
      if (entry?.done) return "done";
      if (entry && entry.until > Date.now()) return "in_progress";
      state.set(key, { until: Date.now() + leaseSeconds * 1000 });
      return "new";
    },
    complete(key) {
      calls.push(["complete", key]);
      if (this.down) throw new Error("redis down");
      state.set(key, { done: true });
    },
    release(key) {
      calls.push(["release", key]);
      if (this.down) throw new Error("redis down");
      if (!state.get(key)?.done) state.delete(key);
    },
  };
}

function signedRequest(secret, body, contentType) {
  const ts = now();
  const headers = { "X-SePay-Signature": hmacSignature(secret, ts, body), "X-SePay-Timestamp": String(ts) };
  if (contentType !== undefined) headers["Content-Type"] = contentType;
  return { method: "POST", headers, body };
}

export const hardeningCases = [
  ["P1: the same signed bytes give the same event under every Content-Type; form encodings only where allowed", () => {
    const events = [];
    for (const type of ["application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", undefined]) {
      const got = WebhookReceiver.hmac("whsec_p1").receive(signedRequest("whsec_p1", BODY, type));
      assert.equal(got.delivery, "new", String(type));
      events.push(got.event);
    }
    for (const e of events) assert.deepEqual(e, events[0]);
    assert.equal(events[0].id, "91");
    assert.equal(events[0].transferAmount, "1000");

    // An API-key receiver configured with the form encoding reads a form body (whatever its label).
    const form = "id=91&gateway=ACB&transactionDate=2026-01-01+10%3A00%3A00&accountNumber=1&code=DH91&content=x" +
      "&transferType=in&transferAmount=1000&accumulated=0&referenceCode=r&description=";
    const apiKey = WebhookReceiver.apiKey("key-p1", { encoding: "form" });
    for (const type of ["application/x-www-form-urlencoded", "application/json", undefined]) {
      const headers = { authorization: "Apikey key-p1" };
      if (type) headers["content-type"] = type;
      const got = apiKey.receive({ method: "POST", headers, body: form });
      assert.deepEqual(got.event, events[0], String(type));
    }
    // A JSON API-key receiver refuses that form body, whatever it is labelled.
    throws(() => WebhookReceiver.apiKey("key-p1").receive({
      method: "POST", headers: { authorization: "Apikey key-p1", "content-type": "application/x-www-form-urlencoded" }, body: form,
    }), DecodeError);

    // Signed modes are JSON only.
    const issuer = new WebhookTokenIssuer({ clientId: "c", clientSecret: "s" });
    for (const encoding of ["form", "multipart"]) {
      throws(() => WebhookReceiver.hmac("whsec_p1", { encoding }), ConfigurationError, (e) => assert.match(e.message, /hmac/));
      throws(() => WebhookReceiver.secretKey("k", { encoding }), ConfigurationError);
      throws(() => WebhookReceiver.oauth2(issuer, { encoding }), ConfigurationError);
    }
    assert.equal(WebhookReceiver.hmac("whsec_p1", { encoding: "json" }).receive(signedRequest("whsec_p1", BODY)).event.id, "91");
  }],

  ["P2: empty and whitespace-only secrets, keys and tokens are ConfigurationErrors at construction", () => {
    const blanks = ["", " ", "\t\n "];
    const base = { baseUrl: hs.url };
    for (const blank of blanks) {
      const constructions = {
        "webhook HMAC secret": () => WebhookReceiver.hmac(blank),
        "webhook API key": () => WebhookReceiver.apiKey(blank),
        "X-Secret-Key secret": () => WebhookReceiver.secretKey(blank),
        "token issuer secret": () => new WebhookTokenIssuer({ clientId: "hook-client", clientSecret: blank }),
        "token issuer client id": () => new WebhookTokenIssuer({ clientId: blank, clientSecret: "s" }),
        "API token": () => new Client({ ...base, token: blank }),
        "PG secret": () => new Client({ ...base, paymentGateway: { merchantId: "SP-TEST-SANDBOX", secretKey: blank } }),
        "PG merchant": () => new Client({ ...base, paymentGateway: { merchantId: blank, secretKey: "spsk" } }),
        "OAuth2 client secret": () => new Client({ ...base, oauth: { ...APP, clientSecret: blank } }),
        "OAuth2 client id": () => new Client({ ...base, oauth: { ...APP, clientId: blank } }),
        "Bank Hub client secret": () => new Client({ ...base, bankHub: { clientId: "sandbox-bankhub", clientSecret: blank } }),
        "Bank Hub client id": () => new Client({ ...base, bankHub: { clientId: blank, clientSecret: "x" } }),
      };
      for (const [what, make] of Object.entries(constructions)) {
        throws(make, ConfigurationError, (e) => assert.equal(e.kind, "configuration", `${what} ${JSON.stringify(blank)}`));
      }
    }
  }],

  ["P3: the dedup lifecycle through the receiver: new, in progress (503), release, new, complete, duplicate", async () => {
    const receiver = WebhookReceiver.hmac("whsec_p3");
    const first = receiver.receive(signedRequest("whsec_p3", BODY));
    assert.equal(first.delivery, "new");
    assert.equal(first.duplicate, false);
    assert.equal(first.reply.status, 200);
    const meanwhile = receiver.receive(signedRequest("whsec_p3", BODY));
    assert.equal(meanwhile.delivery, "in_progress", "the same event again before complete");
    assert.equal(meanwhile.duplicate, true);
    assert.deepEqual(meanwhile.reply, retryLaterReply());
    assert.equal(meanwhile.reply.status, 503);
    assert.deepEqual(JSON.parse(meanwhile.reply.body).success, false);
    receiver.release(first.key);
    const again = receiver.receive(signedRequest("whsec_p3", BODY));
    assert.equal(again.delivery, "new", "released: processed again");
    assert.equal(again.key, first.key);
    receiver.complete(again.key);
    const dup = receiver.receive(signedRequest("whsec_p3", BODY));
    assert.equal(dup.delivery, "duplicate");
    assert.deepEqual(dup.reply, first.reply, "a duplicate gets the success reply");
    receiver.release(dup.key);
    assert.equal(receiver.receive(signedRequest("whsec_p3", BODY)).delivery, "duplicate", "release never undoes complete");
    assert.deepEqual(WebhookReceiver.retryLaterReply(), retryLaterReply());

    // A claim whose holder died ends with its lease.
    const leased = WebhookReceiver.none({ leaseSeconds: 1 });
    const req = { method: "POST", headers: {}, body: BODY };
    assert.equal(leased.receive(req).delivery, "new");
    assert.equal(leased.receive(req).delivery, "in_progress");
    await sleep(1_100);
    assert.equal(leased.receive(req).delivery, "new", "the lease ran out");
  }],

  ["P3: a user dedup store (claim/complete/release) is shared by receivers; a throwing or async store is a StoreError answered 503", () => {
    const store = mapStore();
    const a = WebhookReceiver.none({ store, leaseSeconds: 30 });
    const b = WebhookReceiver.none({ store }); // another process sharing the store
    const req = { method: "POST", headers: {}, body: BODY };
    const first = a.receive(req);
    assert.equal(first.delivery, "new");
    assert.equal(b.receive(req).delivery, "in_progress", "the shared store knows the open claim");
    a.release(first.key);
    assert.equal(b.receive(req).delivery, "new");
    b.complete(first.key);
    assert.equal(a.receive(req).delivery, "duplicate");
    assert.deepEqual(store.calls.map((c) => c[0]), ["claim", "claim", "release", "claim", "complete", "claim"]);
    assert.ok(store.calls.every((c) => c[1] === first.key));
    assert.equal(store.calls[0][2], 30, "claim gets the lease in seconds");
    assert.equal(store.calls[1][2], 60, "default lease");

    store.down = true;
    const e = throws(() => a.receive(req), StoreError, (err) => {
      assert.equal(err.kind, "store");
      assert.equal(err.operation, "webhook.dedup_store");
      assert.match(err.message, /redis down/);
    });
    assert.equal(errorReply(e).status, 503, "SePay retries later");
    assert.deepEqual(WebhookReceiver.errorReply(e), errorReply(e));
    throws(() => a.complete(first.key), StoreError);
    throws(() => a.release(first.key), StoreError);
    store.down = false;
    assert.equal(a.receive(req).delivery, "duplicate", "works again once the store does");

    const asyncStore = { claim: async () => "new", complete() {}, release() {} };
    throws(() => WebhookReceiver.none({ store: asyncStore }).receive(req), StoreError, (err) => assert.match(err.message, /Promise/));
    const liar = { claim: () => "maybe", complete() {}, release() {} };
    throws(() => WebhookReceiver.none({ store: liar }).receive(req), StoreError, (err) => assert.match(err.message, /maybe/));
  }],

  ["P3: the sandbox retries a delivery whose handling failed (release + 503); the retry is handled once", async () => {
    const receiver = WebhookReceiver.hmac("whsec_p3e2e");
    let attempts = 0;
    const handled = [];
    const server = await serve((req, body) => {
      let got;
      try {
        got = receiver.receive({ method: req.method, headers: req.headers, body });
      } catch (e) {
        return errorReply(e);
      }
      if (got.delivery !== "new") return got.reply;
      try {
        if (++attempts === 1) throw new Error("database unavailable");
        handled.push(got.event);
        receiver.complete(got.key);
        return got.reply;
      } catch {
        receiver.release(got.key);
        return retryLaterReply();
      }
    });
    let id;
    try {
      await admin(hs, "DELETE", "webhooks/deliveries");
      id = (await admin(hs, "POST", "webhooks", { url: `${server.url}/hook`, auth: "hmac", secret: "whsec_p3e2e" })).id;
      const txn = await admin(hs, "POST", "simulate/transaction", { amount: 330000, content: "DH330 thanh toan" });
      let log;
      await until(async () => {
        log = (await admin(hs, "GET", "webhooks/deliveries")).filter((d) => d.target_id === id);
        return log.some((d) => d.success);
      }, "a successful delivery");
      assert.equal(handled.length, 1, "handled exactly once");
      assert.equal(handled[0].id, String(txn.v1_id));
      assert.equal(handled[0].code, "DH330");
      assert.ok(log.length >= 2, "the first attempt failed and was retried");
      assert.equal(log.find((d) => !d.success).status, 503);
    } finally {
      if (id !== undefined) await admin(hs, "DELETE", `webhooks/${id}`);
      await server.close();
    }
  }],

  ["P4: a token store whose save throws: StoreError; after it recovers the rotated refresh token is used (no invalid_grant)", async () => {
    const store = {
      down: false,
      text: null,
      saved: [],
      load() {
        return this.text === null ? null : JSON.parse(this.text);
      },
      save(tokens) {
        if (this.down) throw new Error("disk full");
        this.saved.push(tokens);
        this.text = JSON.stringify(tokens);
      },
    };
    const c = new Client({ baseUrl: hs.url, oauth: APP, tokenStore: store, ...fast });
    await hs.clearRequests();
    // The exchange succeeds at SePay but cannot be saved: the caller hears it; the client keeps the tokens.
    store.down = true;
    const code = await authorize(c.oauth.authorizationUrl(["profile", "bank-account:read"], "p4"), "p4");
    await rejects(c.oauth.exchangeCode(code), StoreError, (e) => {
      assert.equal(e.operation, "oauth.token_store");
      assert.match(e.message, /disk full/);
    });
    store.down = false;
    assert.equal((await c.oauth.me()).id, "1234", "the client works with the tokens it holds");
    assert.equal(store.saved.length, 0);
    await sleep(2_100); // the access token expired: the renewal uses the held refresh token, then saves
    assert.equal((await c.oauth.me()).id, "1234");
    assert.equal(store.saved.length, 1, "saved at the renewal");

    // A refresh whose save fails: StoreError; the rotated tokens stay in memory.
    await sleep(2_100);
    store.down = true;
    await rejects(c.oauth.me(), StoreError, (e) => assert.match(e.message, /disk full/));
    store.down = false;
    assert.equal((await c.oauth.me()).id, "1234", "works again once the store does");
    assert.ok((await c.oauth.bankAccounts.list()).items.length > 0);
    assert.equal(store.saved.length, 2);

    const tokenCalls = (await hs.requests()).filter((r) => r.path === "/oauth/token");
    assert.ok(tokenCalls.length >= 4, `exchange and three refreshes: ${tokenCalls.length}`);
    assert.deepEqual(tokenCalls.map((r) => r.status).filter((s) => s !== 200), [], "no invalid_grant: the rotated token was used");
    // What the store holds is the newest: a restart carries on from it.
    c.close();
    const restarted = new Client({ baseUrl: hs.url, oauth: APP, tokenStore: store, ...fast });
    assert.equal((await restarted.oauth.me()).id, "1234");
    restarted.close();
  }],

  ["P4: a token store whose load throws makes the call a StoreError; a store answering a Promise later too", async () => {
    let broken = false;
    const store = {
      load() {
        if (broken) throw new Error("vault sealed");
        return null;
      },
      save() {},
    };
    const c = new Client({ baseUrl: hs.url, oauth: APP, tokenStore: store, ...fast });
    broken = true;
    await rejects(c.oauth.me(), StoreError, (e) => assert.match(e.message, /vault sealed/));
    c.close();
    let later = false;
    const flaky = { load: () => (later ? Promise.resolve(null) : null), save() {} };
    const d = new Client({ baseUrl: hs.url, oauth: APP, tokenStore: flaky, ...fast });
    later = true;
    await rejects(d.oauth.me(), StoreError, (e) => assert.match(e.message, /Promise/));
    d.close();
    const mem = new Client({ baseUrl: hs.url, oauth: APP, tokenStore: new MemoryTokenStore(), ...fast });
    await rejects(mem.oauth.me(), SePayError, (e) => assert.equal(e.kind, "authentication", "no tokens yet"));
    mem.close();
  }],

  ["P5/P9: invalid base URLs and numeric options are ConfigurationErrors; the module keeps working", async () => {
    const base = { token: TOKEN, baseUrl: hs.url };
    for (const baseUrl of ["ftp://x", "http://example.com", "not a url", "http://10.0.0.1:80", "file:///etc/passwd"]) {
      throws(() => new Client({ token: TOKEN, baseUrl }), ConfigurationError, (e) => assert.ok(!e.message.includes(TOKEN)));
    }
    const bad = [NaN, Infinity, -Infinity, -1, 1e12];
    const options = [
      (v) => ({ timeoutMs: v }),
      (v) => ({ retry: { maxElapsedMs: v } }),
      (v) => ({ retry: { initialBackoffMs: v } }),
      (v) => ({ retry: { maxBackoffMs: v } }),
      (v) => ({ retry: { maxAttempts: v } }),
      (v) => ({ requestsPerSecond: v }),
      (v) => ({ maxResponseBytes: v }),
      (v) => ({ maxPages: v }),
    ];
    for (const option of options) {
      for (const v of bad) {
        throws(() => new Client({ ...base, ...option(v) }), ConfigurationError,
          (e) => assert.equal(e.kind, "configuration", JSON.stringify(option(String(v)))));
      }
    }
    for (const zero of [{ timeoutMs: 0 }, { retry: { maxAttempts: 0 } }, { requestsPerSecond: 0 }, { maxPages: 0 },
      { maxResponseBytes: 10 }, { retry: { maxAttempts: 101 } }, { requestsPerSecond: 1001 }, { retry: { maxAttempts: 1.5 } },
      { requestsPerSecond: 1e-30 }, { requestsPerSecond: Number.MIN_VALUE }]) {
      throws(() => new Client({ ...base, ...zero }), ConfigurationError);
    }
    for (const v of [...bad, 0]) {
      throws(() => WebhookReceiver.none({ leaseSeconds: v }), ConfigurationError);
      throws(() => WebhookReceiver.none({ replayWindowSeconds: v }), ConfigurationError);
      throws(() => WebhookReceiver.hmac("s", { toleranceSeconds: v === 0 ? 86_401 : v }), ConfigurationError);
      throws(() => new WebhookTokenIssuer({ clientId: "c", clientSecret: "s", ttlSeconds: v }), ConfigurationError);
    }
    throws(() => WebhookReceiver.none({ leaseSeconds: "60" }), ConfigurationError);
    throws(() => hmacSignature("s", NaN, "x"), ValidationError);
    // No trapped instance: the same module still builds clients, calls and verifies.
    const c = new Client({ ...base, requestsPerSecond: null, maxPages: 5, maxResponseBytes: 1024 * 1024, retry: { maxAttempts: 3 } });
    assert.equal((await c.v1.transactions.list({ limit: 3 })).length, 3);
    c.close();
    assert.equal(WebhookReceiver.hmac("s").receive(signedRequest("s", BODY)).delivery, "new");
  }],

  ["P5: a body over maxResponseBytes ends in a DecodeError naming the limit, and no more of it is read", async () => {
    const CAP = 256 * 1024 * 1024; // the server gives up here; the client must hang up long before
    let written = 0;
    let closed = 0;
    const chunk = Buffer.alloc(64 * 1024, 120);
    const server = await listen((req, res) => {
      const headers = { "content-type": "application/json" };
      if (req.url.includes("declared")) headers["content-length"] = String(100 * 1024 * 1024);
      res.writeHead(200, headers);
      let open = true;
      res.on("close", () => {
        open = false;
        closed++;
      });
      // An endless body, one chunk per turn of the event loop (or per drain).
      const pump = () => {
        if (!open || res.destroyed || written >= CAP) return;
        written += chunk.length;
        if (res.write(chunk)) setImmediate(pump);
        else res.once("drain", pump);
      };
      pump();
    });
    try {
      const c = new Client({ token: TOKEN, baseUrl: server.url, maxResponseBytes: 4096, ...fast });
      const started = Date.now();
      await rejects(c.v2.transactions.list(), DecodeError, (e) => {
        assert.match(e.message, /4096 bytes/);
        assert.equal(e.operation, "v2.transactions.list");
      });
      assert.ok(Date.now() - started < 5_000, "stopped at the limit, not at a timeout");
      assert.equal(server.hits(), 1, "a body too large is not retried");
      await until(() => closed === 1, "the connection to close");
      assert.ok(written < CAP, `the client hung up (the server wrote ${written} bytes)`);
      await rejects(c.v1.transactions.get("declared"), DecodeError, (e) => assert.match(e.message, /4096 bytes/));
      c.close();
    } finally {
      await server.close();
    }
  }],

  ["P5: a redirect is not followed: typed error, the target never hit", async () => {
    const target = await listen((_req, res) => res.writeHead(200, { "content-type": "application/json" })
      .end('{"status":"success","data":[],"meta":{"pagination":{"total":0,"per_page":20,"current_page":1,"last_page":1,"has_more":false}}}'));
    const redirector = await listen((req, res) => res.writeHead(302, { location: `${target.url}${req.url}` }).end());
    try {
      const c = new Client({ token: TOKEN, baseUrl: redirector.url, ...fast });
      await rejects(c.v2.transactions.list(), SePayError, (e) => {
        assert.ok(e.status === 302 || e instanceof TransportError, `${e.name} ${e.status}: ${e.message}`);
      });
      await rejects(c.v1.transactions.count(), SePayError);
      assert.equal(target.hits(), 0, "the redirect target was never contacted");
      assert.equal(redirector.hits(), 2, "each call made one request, none retried");
      c.close();
    } finally {
      await target.close();
      await redirector.close();
    }
  }],

  ["P6: ids with path characters are ValidationErrors and nothing is sent", async () => {
    const c = new Client({ token: TOKEN, baseUrl: hs.url, ...fast });
    await hs.clearRequests();
    const bad = ["..", ".", "a/b", "a?b", "a#b", "%2e", "a b", "a\n", "a\\b", "a\tb"];
    for (const id of bad) {
      for (const call of [() => c.v1.transactions.get(id), () => c.v2.transactions.get(id), () => c.v2.bankAccounts.get(id),
        () => c.v2.virtualAccounts.get(id, "va"), () => c.v1.bankAccounts.get(id)]) {
        await rejects(call(), ValidationError, (e) => assert.equal(e.status, null, JSON.stringify(id)));
      }
    }
    assert.deepEqual(await hs.requests(), [], "the sandbox saw no request");
    c.close();
  }],

  ["P7: a Retry-After longer than maxElapsedMs ends the call at once with a RateLimitError carrying retryAfter", async () => {
    const c = new Client({ token: TOKEN, baseUrl: hs.url, requestsPerSecond: null, retry: { maxElapsedMs: 400, maxAttempts: 6 } });
    await hs.clearRequests();
    await hs.nextFaults(["429"]);
    const started = Date.now();
    await rejects(c.v2.transactions.list({ perPage: 5 }), RateLimitError, (e) => {
      assert.equal(e.kind, "rate_limited");
      assert.equal(e.retryAfter, 1, "the sandbox's Retry-After");
      assert.equal(e.operation, "v2.transactions.list");
    });
    assert.ok(Date.now() - started < 900, `gave up at once (${Date.now() - started} ms), not after the wait`);
    assert.equal((await hs.requests()).length, 1, "no second attempt");
    c.close();
  }],

  ["P8: maxPages: 1 on a walk of several pages ends in a PaginationError", async () => {
    const c = new Client({ token: TOKEN, baseUrl: hs.url, maxPages: 1, ...fast });
    let seen = 0;
    await rejects((async () => {
      for await (const _ of c.v2.transactions.iter({ perPage: 10 })) seen++;
    })(), PaginationError, (e) => assert.equal(e.kind, "pagination"));
    assert.equal(seen, 10, "the first page arrived, then the walk stopped");
    const enough = new Client({ token: TOKEN, baseUrl: hs.url, maxPages: 100, ...fast });
    let n = 0;
    for await (const _ of enough.v2.transactions.iter({ perPage: 10 })) n++;
    assert.equal(n, (await hs.stats()).transactions);
    c.close();
    enough.close();
  }],

  ["P10: the printed forms of clients, receivers, the issuer and tokens show no secret", () => {
    const secrets = {
      token: "Tk9vQ2xXr7Lp3Zs8Yb1Nd4Hf6Jg0Mw5Rt",
      pg: "pgQ7uZ3xW9vR2mK8", oauth: "oaY4nP8cT2bL6sH1",
      hub: "hbE5kJ9dF3gV7qA2", hmac: "whU6yI2oP8aS4dF0",
      apiKey: "akZ1xC7vB3nM9qW5", secretKey: "skR8tY4uI0oP6aS2", issuer: "isG3hJ9kL5zX1cV7",
      access: "atN2mB8vC4xZ6lK0jH", refresh: "rtQ9wE5rT1yU7iO3pA",
    };
    const client = new Client({
      baseUrl: hs.url, token: secrets.token,
      paymentGateway: { merchantId: "SP-TEST-SANDBOX", secretKey: secrets.pg },
      oauth: { ...APP, clientSecret: secrets.oauth },
      bankHub: { clientId: "sandbox-bankhub", clientSecret: secrets.hub },
    });
    const issuer = new WebhookTokenIssuer({ clientId: "hook-client", clientSecret: secrets.issuer });
    const shown = [
      client, issuer,
      WebhookReceiver.hmac(secrets.hmac), WebhookReceiver.apiKey(secrets.apiKey, { encoding: "form" }),
      WebhookReceiver.secretKey(secrets.secretKey), WebhookReceiver.oauth2(issuer),
      new OAuthTokens({ accessToken: secrets.access, refreshToken: secrets.refresh, expiresAt: 1, scope: "profile" }),
    ].flatMap((x) => [String(x), inspect(x, { depth: 10 }), inspect({ nested: x }, { depth: 10 })]);
    assert.ok(shown.some((s) => s.includes("****")), "secrets are masked, fully");
    for (const text of shown) {
      for (const secret of Object.values(secrets)) {
        for (let i = 0; i + 4 <= secret.length; i++) {
          assert.ok(!text.includes(secret.slice(i, i + 4)), `${JSON.stringify(secret.slice(i, i + 4))} shown in ${text}`);
        }
      }
    }
    client.close();
  }],

  [`chaos: ${CHAOS_TRANSACTIONS} transactions through ~20% mixed faults, each exactly once, sums exact, in bounded time`, async () => {
    const stats = await chaos.stats();
    assert.equal(stats.transactions, CHAOS_TRANSACTIONS);
    const c = new Client({
      token: TOKEN, baseUrl: chaos.url, requestsPerSecond: null, timeoutMs: 5_000,
      retry: { maxAttempts: 20, initialBackoffMs: 5, maxBackoffMs: 50, maxElapsedMs: 60_000 },
    });
    await chaos.clearRequests();
    const started = Date.now();
    const seen = new Set();
    const ins = [];
    const outs = [];
    for await (const t of c.v2.transactions.iter({ perPage: 100 })) {
      assert.ok(!seen.has(t.id), `duplicate ${t.id}`);
      seen.add(t.id);
      ins.push(t.amountIn);
      outs.push(t.amountOut);
    }
    const elapsed = Date.now() - started;
    assert.equal(seen.size, CHAOS_TRANSACTIONS);
    assert.equal(sum(ins), stats.total_amount_in);
    assert.equal(sum(outs), stats.total_amount_out);
    const log = await chaos.requests();
    const faults = log.filter((r) => r.fault !== null).length;
    assert.ok(faults / log.length > 0.1, `faults were injected: ${faults} of ${log.length}`);
    const kinds = new Set(log.map((r) => r.fault).filter((f) => f !== null));
    assert.ok(kinds.size >= 4, `mixed faults: ${[...kinds].join(", ")}`);
    assert.ok(elapsed < 45_000 * Math.max(1, CHAOS_TRANSACTIONS / 20_000), `the walk took ${elapsed} ms`);
    console.log(`chaos: ${seen.size} transactions, ${log.length} requests (${faults} faulted) in ${elapsed} ms`);
    c.close();
  }],
];
