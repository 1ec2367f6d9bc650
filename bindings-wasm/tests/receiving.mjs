// Receiving money, shared by `node --test` and `deno test`: webhooks
// delivered by a real sandbox to a local node:http server and verified with
// the installed package's WebhookReceiver, rejection and dedup rules, VietQR,
// and the payment gateway (checkout form, orders, IPN).

import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { inspect } from "node:util";
import * as sepay from "sepay-sdk";
import {
  CheckoutForm,
  Client,
  ConfigurationError,
  DecodeError,
  errorReply,
  hmacSignature,
  NotFoundError,
  SePayError,
  ValidationError,
  vietqrDecode,
  vietqrImageUrl,
  vietqrPayload,
  WebhookReceiver,
  WebhookTokenIssuer,
  WebhookVerificationError,
} from "sepay-sdk";
import { startSandbox, TOKEN } from "./sandbox.mjs";

let sb; // webhook retries 1000x faster, rate limit off

export async function setupReceiving() {
  sb = await startSandbox({ transactions: 50, args: ["--webhook-time-scale", "0.001"] });
}

const MERCHANT = "SP-TEST-SANDBOX";
const PG_SECRET = "spsk_test_sandbox";

function pgClient() {
  return new Client({
    baseUrl: sb.url,
    paymentGateway: { merchantId: MERCHANT, secretKey: PG_SECRET },
    requestsPerSecond: null,
    retry: { initialBackoffMs: 10, maxBackoffMs: 100 },
  });
}

async function admin(method, path, body) {
  const res = await fetch(`${sb.url}/__sandbox/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const now = () => Math.floor(Date.now() / 1000);
const camel = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** Runs `handler(req, rawBody) → {status, headers, body}` on a loopback port until `close()`. */
async function serve(handler) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      let reply;
      try {
        reply = handler(req, new Uint8Array(Buffer.concat(chunks)));
      } catch (e) {
        reply = { status: 500, headers: {}, body: String(e) };
      }
      res.writeHead(reply.status, reply.headers).end(reply.body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections?.(); // the sandbox keeps connections alive for 90 s
      }),
  };
}

async function until(check, what, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function throws(fn, Class, check = () => {}) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Class, `expected ${Class.name}, got ${e?.name}: ${e?.message}`);
    assert.ok(e instanceof SePayError);
    check(e);
    return e;
  }
  assert.fail(`expected ${Class.name}, but the call succeeded`);
}

const BODY =
  '{"id":7,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}';

function signed(secret, body, ts = now()) {
  return {
    "X-SePay-Signature": hmacSignature(secret, ts, body),
    "X-SePay-Timestamp": String(ts),
    "Content-Type": "application/json",
  };
}

/** Submits a checkout form as a browser would; returns the HTTP status. */
async function submit(action, fields) {
  const res = await fetch(action, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams(fields.map(([k, v]) => [k, v])).toString(),
  });
  await res.text();
  return res.status;
}

export const receivingCases = [
  ["parity: every client-less function of the core is exported", () => {
    assert.ok(sepay.functions.includes("webhook.receive") && sepay.functions.includes("qr.payload"));
    const pascal = (s) => camel(s).replace(/^./, (c) => c.toUpperCase());
    for (const name of sepay.functions) {
      const [module, ...rest] = name.split(".");
      const action = camel(rest.join("_"));
      if (name === "webhook.token.issue") {
        assert.equal(typeof WebhookTokenIssuer.prototype.issue, "function", name);
      } else if (module === "webhook") {
        const found = typeof WebhookReceiver.prototype[action] === "function" ||
          typeof WebhookReceiver[action] === "function" || typeof sepay[action] === "function";
        assert.ok(found, `${name}: no WebhookReceiver#${action} nor ${action}()`);
      } else if (module === "qr") {
        assert.equal(typeof sepay[`vietqr${pascal(rest.join("_"))}`], "function", name);
      } else {
        assert.fail(`${name}: unknown module ${module}`);
      }
    }
  }],

  ["hmacSignature equals independently computed values", () => {
    // The fixed value of bindings-mobile's ReceivingTest (computed with Python's hmac).
    assert.equal(
      hmacSignature("whsec_1", 1767236400, BODY),
      "sha256=d3d884c1470ef21d275fa37dfad2dfb5b1440a74a17db0f35333abff2af78c5d",
    );
    const body = new TextEncoder().encode('{"id":"é"}');
    const expected = createHmac("sha256", "k3y").update("1700000000.").update(body).digest("hex");
    assert.equal(hmacSignature("k3y", 1700000000, body), `sha256=${expected}`);
    assert.equal(hmacSignature("k3y", 1700000000, Buffer.from(body)), `sha256=${expected}`);
    throws(() => hmacSignature("k", 1.5, ""), ValidationError);
  }],

  ["testDelivery: every mode accepts its own made-up delivery; another secret refuses it", () => {
    const issuer = new WebhookTokenIssuer({ clientId: "id", clientSecret: "secret" });
    const receivers = [
      WebhookReceiver.none(),
      WebhookReceiver.apiKey("key"),
      WebhookReceiver.apiKey("key", { encoding: "form" }),
      WebhookReceiver.none({ encoding: "multipart" }),
      WebhookReceiver.hmac("whsec"),
      WebhookReceiver.oauth2(issuer),
      WebhookReceiver.secretKey("sk"),
    ];
    const txn = {
      transferAmount: "150000.50", content: "DH9 thanh toan", id: 77, code: "DH9",
      transactionDate: "2026-03-04 05:06:07", subAccount: "VA1",
    };
    for (const receiver of receivers) {
      const delivery = receiver.testDelivery(txn);
      assert.equal(delivery.method, "POST");
      assert.ok(delivery.body instanceof Uint8Array);
      const got = receiver.receive(delivery);
      assert.equal(got.delivery, "new", String(receiver));
      assert.deepEqual(
        [got.event.id, got.event.transferAmount.replace(/0+$/, ""), got.event.code, got.event.subAccount, got.event.transactionDate],
        ["77", "150000.5", "DH9", "VA1", "2026-03-04T05:06:07+07:00"],
      );
    }
    // Non-ASCII text (Vietnamese marks, an emoji's surrogate pair) comes back
    // exactly, and so do the strings after it in the same object.
    const memo = "Nguyễn Văn Ánh chuyển tiền 😀 DH9 — 𝄞 ₫";
    const none = WebhookReceiver.none();
    const exotic = none.receive(none.testDelivery({ transferAmount: 1, content: memo, code: "DH9", subAccount: "VA1" }));
    assert.deepEqual([exotic.event.content, exotic.event.code, exotic.event.subAccount], [memo, "DH9", "VA1"]);
    const forged = WebhookReceiver.hmac("other").testDelivery({ transferAmount: 1000 });
    throws(() => WebhookReceiver.hmac("whsec").receive(forged), WebhookVerificationError);
    const stale = WebhookReceiver.hmac("whsec").testDelivery({ transferAmount: 1000 }, { now: now() - 3600 });
    throws(() => WebhookReceiver.hmac("whsec").receive(stale), WebhookVerificationError);
    throws(() => receivers[0].testDelivery({ content: "no amount" }), ValidationError);
    throws(() => receivers[0].testDelivery({ transferAmount: 1, amount: 2 }), ValidationError);
    throws(() => receivers[0].testDelivery({ transferAmount: 1 }, { now: 1.5 }), ValidationError);
    throws(() => receivers[0].testDelivery(null), ValidationError);
  }],

  ["tampered, wrong key, stale and replayed webhooks", () => {
    const receiver = WebhookReceiver.hmac("whsec_1");
    const t = now();
    const headers = signed("whsec_1", BODY, t);
    const first = receiver.receive({ method: "POST", headers, body: BODY });
    assert.equal(first.delivery, "new");
    assert.equal(first.duplicate, false);
    assert.equal(first.event.id, "7");
    assert.equal(first.event.transferAmount, "1000");
    assert.deepEqual(first.reply, {
      status: 200, headers: { "content-type": "application/json" }, body: '{"success":true}',
    });
    receiver.complete(first.key);
    const replay = receiver.receive({ method: "POST", headers, body: BODY });
    assert.equal(replay.delivery, "duplicate", "same id, handled: a duplicate");
    assert.equal(replay.duplicate, true);
    assert.deepEqual(replay.reply, first.reply, "still the success reply");

    const tampered = BODY.replace('"id":7', '"id":8');
    const e = throws(() => receiver.receive({ method: "POST", headers, body: tampered }), WebhookVerificationError);
    assert.equal(e.kind, "webhook_verification");
    assert.match(e.message, /does not match/);
    assert.deepEqual(errorReply(e), {
      status: 401, headers: { "content-type": "application/json" },
      body: '{"success":false,"message":"Unauthorized"}',
    });
    assert.deepEqual(WebhookReceiver.errorReply(e), errorReply(e));
    const stale = signed("whsec_1", BODY, t - 301);
    throws(() => receiver.receive({ method: "POST", headers: stale, body: BODY }), WebhookVerificationError,
      (e) => assert.match(e.message, /stale/));
    const inWindow = WebhookReceiver.hmac("whsec_1", { toleranceSeconds: 600 });
    assert.equal(inWindow.receive({ method: "POST", headers: stale, body: BODY }).event.id, "7");
    const wrong = signed("other", BODY, t);
    throws(() => receiver.receive({ method: "POST", headers: wrong, body: BODY }), WebhookVerificationError);
    throws(() => receiver.receive({ method: "GET", headers, body: BODY }), WebhookVerificationError);
    for (const shown of [String(receiver), inspect(receiver)]) assert.ok(!shown.includes("whsec_1"), shown);

    const apiKey = WebhookReceiver.apiKey("key-1");
    const ok = { authorization: "Apikey key-1" };
    assert.equal(apiKey.receive({ method: "POST", headers: ok, body: BODY }).event.id, "7");
    throws(() => apiKey.receive({ method: "POST", headers: { authorization: "Apikey key-2" }, body: BODY }),
      WebhookVerificationError);
    throws(() => apiKey.receive({ method: "POST", headers: {}, body: BODY }), WebhookVerificationError);
    assert.ok(!inspect(apiKey).includes("key-1"));

    const bad = throws(() => WebhookReceiver.none().receive({ method: "POST", headers: ok, body: "nope" }), DecodeError);
    assert.equal(errorReply(bad).status, 400);
    throws(() => WebhookReceiver.none().receive({ method: "POST", headers: ok, body: 42 }), ValidationError);
  }],

  ["headers as Headers, an object, a Map or pairs; bodies as string, Uint8Array, Buffer, ArrayBuffer", () => {
    const t = now();
    const h = signed("s", BODY, t);
    const bytes = new TextEncoder().encode(BODY);
    const inputs = [
      [new Headers(h), BODY],
      [h, bytes],
      [new Map(Object.entries(h)), Buffer.from(BODY)],
      [Object.entries(h), bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)],
    ];
    for (const [headers, body] of inputs) {
      const r = WebhookReceiver.hmac("s").receive({ method: "post", headers, body });
      assert.equal(r.event.id, "7");
    }
  }],

  ["the same event as JSON, form-urlencoded and multipart (as configured) parses to equal events", () => {
    const json = WebhookReceiver.none()
      .receive({ method: "POST", headers: { "content-type": "application/json" }, body: BODY }).event;
    const fields = [
      ["id", "7"], ["gateway", "ACB"], ["transactionDate", "2026-01-01 10:00:00"], ["accountNumber", "1"],
      ["content", "x"], ["transferType", "in"], ["transferAmount", "1000"], ["accumulated", "0"],
      ["referenceCode", "r"], ["description", ""],
    ];
    const form = new URLSearchParams(fields).toString();
    const fromForm = WebhookReceiver.none({ encoding: "form" }).receive({
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form,
    }).event;
    const multipart = fields.map(([k, v]) => `--XyZ\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") + "--XyZ--\r\n";
    const fromMultipart = WebhookReceiver.none({ encoding: "multipart" }).receive({
      method: "POST", headers: [["Content-Type", "multipart/form-data; boundary=XyZ"]], body: multipart,
    }).event;
    assert.deepEqual(fromForm, json);
    assert.deepEqual(fromMultipart, json);
    assert.equal(json.transferType, "in");
    assert.equal(json.transactionDate, "2026-01-01T10:00:00+07:00");
    assert.equal(json.code, null);
    // The Content-Type header never decides: a JSON receiver refuses a form body whatever it is labelled.
    throws(() => WebhookReceiver.none().receive({
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form,
    }), DecodeError);
  }],

  ["misconfigured receivers, stores and issuers are ConfigurationErrors", () => {
    throws(() => WebhookReceiver.none({ store: {} }), ConfigurationError);
    throws(() => WebhookReceiver.none({ store: { insertIfNew() { return true; }, forget() {} } }), ConfigurationError,
      (e) => assert.match(e.message, /claim\(key, leaseSeconds\)/));
    throws(() => WebhookReceiver.none({ encodng: "form" }), ConfigurationError, (e) => assert.match(e.message, /encodng/));
    throws(() => WebhookReceiver.none({ encoding: "xml" }), ConfigurationError);
    throws(() => WebhookReceiver.none({ toleranceSeconds: 5 }), ConfigurationError, (e) => assert.match(e.message, /toleranceSeconds/));
    throws(() => WebhookReceiver.none("form"), ConfigurationError);
    throws(() => WebhookReceiver.apiKey(undefined), ConfigurationError);
    throws(() => WebhookReceiver.oauth2({}), ConfigurationError);
    throws(() => new WebhookTokenIssuer({ clientId: "x" }), ConfigurationError);
  }],

  ["OAuth2 mode: the issuer answers SePay's token request, the receiver accepts only its tokens (201)", () => {
    const issuer = new WebhookTokenIssuer({ clientId: "hook-client", clientSecret: "hook-secret", ttlSeconds: 120 });
    const reply = issuer.issue(JSON.stringify({ clientId: "hook-client", clientSecret: "hook-secret" }));
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["content-type"], "application/json");
    const { data } = JSON.parse(reply.body);
    assert.deepEqual(Object.keys(data).sort(), ["accessToken", "expiredIn", "refreshToken"]);
    assert.equal(data.expiredIn, 120);
    assert.equal(issuer.issue('{"clientId":"hook-client","clientSecret":"no"}').status, 401);
    assert.equal(issuer.issue("not json").status, 400);
    for (const shown of [String(issuer), inspect(issuer)]) assert.ok(!shown.includes("hook-secret"), shown);

    const receiver = WebhookReceiver.oauth2(issuer);
    const got = receiver.receive({ method: "POST", headers: { authorization: `Bearer ${data.accessToken}` }, body: BODY });
    assert.equal(got.reply.status, 201);
    assert.equal(got.event.id, "7");
    const other = new WebhookTokenIssuer({ clientId: "hook-client", clientSecret: "another" });
    const foreign = JSON.parse(other.issue('{"clientId":"hook-client","clientSecret":"another"}').body).data.accessToken;
    for (const authorization of [`Bearer ${foreign}`, `Bearer ${data.refreshToken}`, "Apikey x"]) {
      throws(() => receiver.receive({ method: "POST", headers: { authorization }, body: BODY }), WebhookVerificationError);
    }
  }],

  ["the sandbox delivers webhooks in every mode and content type to a local server", async () => {
    const issuer = new WebhookTokenIssuer({ clientId: "hook-client", clientSecret: "hook-secret" });
    const receivers = {
      hmac: WebhookReceiver.hmac("whsec_1"),
      apikey: WebhookReceiver.apiKey("key-1", { encoding: "form" }),
      none: WebhookReceiver.none({ encoding: "multipart" }),
      oauth: WebhookReceiver.oauth2(issuer),
    };
    const inbox = [];
    const server = await serve((req, body) => {
      const path = req.url.replace(/^\//, "");
      if (path === "token") return issuer.issue(body);
      try {
        const receiver = receivers[path];
        const got = receiver.receive({ method: req.method, headers: req.headers, body });
        if (got.delivery === "new") {
          inbox.push([path, got.event]);
          receiver.complete(got.key);
        }
        return got.reply;
      } catch (e) {
        return errorReply(e);
      }
    });
    const ids = [];
    try {
      await admin("DELETE", "webhooks/deliveries");
      for (const target of [
        { url: `${server.url}/hmac`, auth: "hmac", secret: "whsec_1", content_type: "json" },
        { url: `${server.url}/apikey`, auth: "api_key", api_key: "key-1", content_type: "form" },
        { url: `${server.url}/none`, auth: "none", content_type: "multipart" },
        { url: `${server.url}/oauth`, auth: "oauth2", token_url: `${server.url}/token`,
          client_id: "hook-client", client_secret: "hook-secret" },
      ]) ids.push((await admin("POST", "webhooks", target)).id);
      const txn = await admin("POST", "simulate/transaction", { amount: 2277000, content: "chuyen tien DH12345 mua iphone" });
      await until(() => inbox.length >= 4, "four deliveries");
      assert.deepEqual(inbox.map(([p]) => p).sort(), ["apikey", "hmac", "none", "oauth"]);
      const first = inbox[0][1];
      assert.equal(first.id, String(txn.v1_id));
      assert.equal(first.transferAmount, "2277000");
      assert.equal(first.code, "DH12345");
      for (const [mode, event] of inbox) assert.deepEqual(event, first, `${mode} gives the same event`);
      let log;
      await until(async () => {
        log = await admin("GET", "webhooks/deliveries");
        return log.filter((d) => d.success).length >= 4;
      }, "four successful deliveries");
      assert.ok(log.every((d) => d.success), `SePay counted every reply as success: ${JSON.stringify(log)}`);
    } finally {
      for (const id of ids) await admin("DELETE", `webhooks/${id}`);
      await server.close();
    }
  }],

  ["Bank Hub IPN and linking events are verified and deduplicated", () => {
    const receiver = WebhookReceiver.secretKey("bh-secret");
    const headers = { "X-Secret-Key": "bh-secret", "content-type": "application/json" };
    const ipn = '{"gateway":"BIDV","transaction_date":"2026-01-01 10:00:00","account_number":"123","content":"DH1","transfer_type":"credit","amount":50000,"accumulated":100000,"transaction_id":"bh-1"}';
    const got = receiver.receiveBankhubIpn({ method: "POST", headers, body: ipn });
    assert.equal(got.event.transactionId, "bh-1");
    assert.equal(got.event.amount, "50000");
    assert.equal(got.event.transferType, "credit");
    assert.equal(got.event.transactionDate, "2026-01-01T10:00:00+07:00");
    assert.equal(got.delivery, "new");
    receiver.complete(got.key);
    assert.equal(receiver.receiveBankhubIpn({ method: "POST", headers, body: ipn }).delivery, "duplicate");
    const eventAt = (ts) => `{"timestamp":${ts},"xid":"ev-1","version":"1","event":"BANK_ACCOUNT_LINKED","metadata":{"bank_account_xid":"ba-1"}}`;
    const event = eventAt(now());
    const e = receiver.receiveBankhubEvent({ method: "POST", headers, body: event });
    assert.equal(e.event.event, "BANK_ACCOUNT_LINKED");
    assert.equal(e.event.metadata.bankAccountXid, "ba-1");
    assert.equal(e.event.metadata.purpose, null);
    assert.equal(e.reply.status, 200);
    throws(() => receiver.receiveBankhubEvent({ method: "POST", headers: { "X-Secret-Key": "nope" }, body: event }),
      WebhookVerificationError, (err) => assert.equal(errorReply(err).status, 401));
    throws(() => receiver.receiveBankhubEvent({ method: "POST", headers, body: '{"xid":"x","event":"NOPE"}' }), DecodeError);
    // An event whose own time lies outside the replay window (6 h by default) is refused.
    throws(() => receiver.receiveBankhubEvent({ method: "POST", headers, body: eventAt(now() - 7 * 3600) }),
      WebhookVerificationError, (err) => assert.match(err.message, /stale or replayed/));
    const wide = WebhookReceiver.secretKey("bh-secret", { replayWindowSeconds: 8 * 3600 });
    assert.equal(wide.receiveBankhubEvent({ method: "POST", headers, body: eventAt(now() - 7 * 3600) }).delivery, "new");
  }],

  ["VietQR: known-good payloads round-trip, the image URL is exact, bad payloads are typed errors", () => {
    const knownGood = [
      "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F",
      "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8",
      "00020101021138570010A00000072701270006970405011322082054793800208QRIBFTTA53037045802VN630497A6",
      "00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802VN6224082018f8746b181045f0a2ce63040FC0",
    ];
    for (const good of knownGood) assert.equal(vietqrPayload(vietqrDecode(good)), good);
    assert.equal(vietqrPayload({ bankBin: "970416", account: "257678859", amount: 1000, memo: "Chuyen tien" }), knownGood[1]);
    assert.equal(vietqrPayload({ bankBin: "970416", account: "257678859", amount: 1000n, memo: "Chuyen tien" }), knownGood[1]);
    assert.deepEqual(vietqrDecode(knownGood[1]), {
      bankBin: "970416", account: "257678859", amount: "1000", memo: "Chuyen tien", service: "account",
    });
    assert.equal(vietqrDecode(knownGood[0]).amount, null);
    const badCrc = knownGood[0].slice(0, 30) + "9" + knownGood[0].slice(31);
    throws(() => vietqrDecode(badCrc), DecodeError);
    throws(() => vietqrDecode(knownGood[1].slice(0, 40)), DecodeError);
    throws(() => vietqrPayload({ bankBin: "97041", account: "1" }), ValidationError);
    throws(() => vietqrPayload({ bankBin: "970416", account: "1", memo: "Chuyển tiền" }), ValidationError,
      (e) => assert.match(e.message, /ASCII/));
    throws(() => vietqrPayload({ bankBin: "970416", account: "1", colour: "red" }), ValidationError);
    assert.equal(
      vietqrImageUrl({ account: "0010000000355", bank: "Vietcombank", amount: 100000, memo: "ung ho quy bao tro tre em" }),
      "https://qr.sepay.vn/img?acc=0010000000355&bank=Vietcombank&amount=100000&des=ung%20ho%20quy%20bao%20tro%20tre%20em",
    );
    throws(() => vietqrImageUrl({ account: "1", bank: "ACB", template: "huge" }), ValidationError);
  }],

  ["payment gateway: checkout form in order, escaped HTML, sandbox accepts it; orders list, iter, get, cancel, void", async () => {
    const client = pgClient();
    for (const shown of [inspect(client, { depth: 5 }), String(client), JSON.stringify(client)]) {
      assert.ok(!shown.includes(PG_SECRET), shown);
    }
    const invoice = `INV-JS-${Date.now()}`;
    const request = {
      orderAmount: 150000, orderInvoiceNumber: invoice, orderDescription: "Don hang <1> & \"quà\"",
      successUrl: "https://shop.example/ok?a=1&b=2", customData: '{"cart":1}',
    };
    const form = client.pg.checkout(request);
    assert.ok(form instanceof CheckoutForm);
    assert.equal(form.action, `${sb.url}/pay/v1/checkout/init`);
    assert.deepEqual(form.fields.map(([k]) => k), [
      "merchant", "currency", "order_amount", "operation", "order_description", "order_invoice_number",
      "success_url", "custom_data", "signature",
    ]);
    assert.equal(form.toObject().merchant, MERCHANT);
    assert.equal(form.toObject().order_amount, "150000");
    // The signature, computed independently over the signed fields in emitted order.
    const signedFields = form.fields.filter(([k]) => !["signature", "custom_data"].includes(k));
    const expected = createHmac("sha256", PG_SECRET)
      .update(signedFields.map(([k, v]) => `${k}=${v}`).join(",")).digest("base64");
    assert.equal(form.toObject().signature, expected);

    const html = form.toHtml("Pay");
    assert.ok(html.includes("Don hang &lt;1&gt; &amp; &quot;quà&quot;"), html);
    assert.ok(html.includes("ok?a=1&amp;b=2"));
    assert.ok(html.includes(`action="${form.action}"`));
    const positions = form.fields.map(([k]) => html.indexOf(`name="${k}"`));
    assert.ok(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])), html);

    const tampered = form.fields.map(([k, v]) => [k, k === "order_amount" ? "1" : v]);
    assert.equal(await submit(form.action, tampered), 400, "a tampered form is rejected");
    const reordered = [...form.fields];
    [reordered[1], reordered[2]] = [reordered[2], reordered[1]];
    assert.equal(await submit(form.action, reordered), 400, "the order is signed");
    assert.equal(await submit(form.action, form.fields), 200, "the sandbox accepts the signed form");

    const order = await client.pg.orders.get(invoice);
    assert.equal(order.orderInvoiceNumber, invoice);
    assert.equal(order.orderAmount, "150000.00");
    assert.equal(order.orderStatus, "AUTHENTICATION_NOT_NEEDED");
    assert.match(order.orderId, /^SEPAY-[0-9A-F]{13}$/);
    assert.deepEqual(await client.pg.orders.get(order.orderId), order);

    // More orders, so paging has pages to walk.
    const invoices = [invoice];
    for (let i = 0; i < 4; i++) {
      const f = client.pg.checkout({ orderAmount: 1000 + i, orderInvoiceNumber: `${invoice}-${i}`, orderDescription: "x" });
      assert.equal(await submit(f.action, f.fields), 200);
      invoices.push(`${invoice}-${i}`);
    }
    const page = await client.pg.orders.list({ q: invoice, perPage: 2, page: 1 });
    assert.equal(page.items.length, 2);
    assert.equal(page.pagination.total, 5);
    assert.equal(page.pagination.lastPage, 3);
    const walked = [];
    for await (const o of client.pg.orders.iter({ q: invoice, perPage: 2 })) walked.push(o.orderInvoiceNumber);
    assert.deepEqual([...walked].sort(), [...invoices].sort(), "every order once");
    const pages = [];
    for await (const p of client.pg.orders.iter({ q: invoice, perPage: 2 }).pages()) pages.push(p.length);
    assert.deepEqual(pages, [2, 2, 1]);
    await assert.rejects(client.pg.orders.list({ perPage: 500 }), ValidationError);
    await assert.rejects(client.pg.orders.list({ nonsense: 1 }), ValidationError);

    await assert.rejects(client.pg.orders.void(invoice), (e) => e instanceof ValidationError && e.status === 422,
      "only a captured card payment can be voided");
    assert.equal(typeof (await client.pg.orders.cancel(invoice)), "string");
    assert.equal((await client.pg.orders.get(invoice)).orderStatus, "CANCELLED");
    await assert.rejects(client.pg.orders.cancel(invoice), (e) => e instanceof ValidationError && e.status === 422);
    await assert.rejects(client.pg.orders.get(`NOPE-${Date.now()}`), NotFoundError);

    // A captured card payment can be voided.
    const card = `${invoice}-card`;
    const cf = client.pg.checkout({ orderAmount: 5000, orderInvoiceNumber: card, orderDescription: "card", paymentMethod: "CARD" });
    assert.equal(await submit(cf.action, cf.fields), 200);
    await admin("POST", "pg/pay", { order_invoice_number: card });
    assert.equal((await client.pg.orders.get(card)).orderStatus, "CAPTURED");
    assert.equal(typeof (await client.pg.orders.void(card)), "string");
    const voided = await client.pg.orders.get(card);
    assert.equal(voided.orderStatus, "CANCELLED");
    assert.equal(voided.transactions[0].transactionStatus, "VOIDED");

    throws(() => client.pg.checkout({ ...request, orderInvoiceNumber: "has space" }), ValidationError,
      (e) => assert.match(e.message, /order_invoice_number/));
    throws(() => client.pg.checkout({ ...request, operation: "VERIFY" }), ValidationError);
    throws(() => client.pg.checkout({ ...request, cancelUrl: "javascript:alert(1)" }), ValidationError);
    throws(() => client.pg.checkout({ ...request, orderAmount: "10.5" }), ValidationError);
    const noPg = new Client({ token: TOKEN, baseUrl: sb.url });
    throws(() => noPg.pg.checkout(request), ConfigurationError);
    noPg.close();
    client.close();
  }],

  ["payment gateway IPN delivered by the sandbox is verified with X-Secret-Key", async () => {
    const client = pgClient();
    const invoice = `INV-IPN-JS-${Date.now()}`;
    const form = client.pg.checkout({ orderAmount: 50000, orderInvoiceNumber: invoice, orderDescription: "ipn" });
    assert.equal(await submit(form.action, form.fields), 200);
    const receiver = WebhookReceiver.secretKey(PG_SECRET);
    const got = [];
    const rejected = [];
    const server = await serve((req, body) => {
      try {
        const r = receiver.receivePgIpn({ method: req.method, headers: req.headers, body });
        got.push(r);
        if (r.delivery === "new") receiver.complete(r.key);
        return r.reply;
      } catch (e) {
        rejected.push(e);
        return errorReply(e);
      }
    });
    try {
      await admin("POST", "pg/ipn", { url: `${server.url}/ipn`, secret_key: PG_SECRET });
      await admin("POST", "pg/pay", { order_invoice_number: invoice, payment_method: "BANK_TRANSFER" });
      await until(() => got.length > 0, "the IPN");
      const ipn = got[0].event;
      assert.equal(ipn.notificationType, "ORDER_PAID");
      assert.equal(ipn.order.orderInvoiceNumber, invoice);
      assert.equal(ipn.transaction.transactionAmount, "50000");
      assert.equal(ipn.transaction.paymentMethod, "BANK_TRANSFER");
      assert.equal(got[0].reply.status, 200);
      assert.equal((await client.pg.orders.get(invoice)).orderStatus, "CAPTURED");
      await assert.rejects(client.pg.orders.cancel(invoice), (e) => e instanceof ValidationError && e.status === 422);

      // The same IPN with a wrong key is refused with 401 (SePay retries).
      const other = `${invoice}-b`;
      const f2 = client.pg.checkout({ orderAmount: 1000, orderInvoiceNumber: other, orderDescription: "ipn" });
      assert.equal(await submit(f2.action, f2.fields), 200);
      await admin("POST", "pg/ipn", { url: `${server.url}/ipn`, secret_key: "wrong-key" });
      await admin("POST", "pg/pay", { order_invoice_number: other });
      await until(() => rejected.length > 0, "the refused IPN");
      assert.ok(rejected[0] instanceof WebhookVerificationError);
      assert.equal(got.length, 1);
    } finally {
      await admin("POST", "pg/ipn", { url: null });
      await server.close();
    }
    client.close();
  }],

  ["end to end: a VA order paid in the sandbox, its webhook verified on a local server, the order Paid", async () => {
    const client = new Client({ token: TOKEN, baseUrl: sb.url, requestsPerSecond: null });
    const accounts = await client.v2.bankAccounts.list();
    const bidv = accounts.items.find((a) => a.bankShortName === "BIDV");
    assert.ok(bidv, "the sandbox has a BIDV account");
    const order = await client.v2.orders.create(bidv.id, { bank: "BIDV", amount: 120000 });
    const receiver = WebhookReceiver.hmac("whsec_e2e");
    const inbox = [];
    const server = await serve((req, body) => {
      try {
        const got = receiver.receive({ method: req.method, headers: req.headers, body });
        if (got.delivery === "new") {
          inbox.push(got.event);
          receiver.complete(got.key);
        }
        return got.reply;
      } catch (e) {
        return errorReply(e);
      }
    });
    let id;
    try {
      id = (await admin("POST", "webhooks", { url: `${server.url}/hook`, auth: "hmac", secret: "whsec_e2e" })).id;
      await admin("POST", "va/pay", { va_number: order.vaNumber, amount: 120000 });
      await until(() => inbox.length > 0, "the webhook");
      const event = inbox[0];
      assert.equal(event.subAccount, order.vaNumber);
      assert.equal(event.transferAmount, "120000");
      assert.equal(event.code, order.orderCode);
      const paid = await client.v2.orders.get(bidv.id, order.id);
      assert.equal(paid.status, "Paid");
      await until(async () => (await admin("GET", "webhooks/deliveries")).some((d) => d.target_id === id && d.success),
        "SePay to count the reply as success");
    } finally {
      if (id !== undefined) await admin("DELETE", `webhooks/${id}`);
      await server.close();
    }
    client.close();
  }],
];
