// sepay-sdk/testing: the emulator from the platform package, driven from
// Node and Deno, with a webhook handler verified by the SDK's receiver.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { WebhookReceiver } from "sepay-sdk";
import { Emulator } from "sepay-sdk/testing";

/** A node:http endpoint that hands each POST to `receiver`; yields [url, close]. */
async function endpoint(receiver, paid) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      let reply;
      try {
        const got = receiver.receive({ method: req.method, headers: req.headers, body: new Uint8Array(Buffer.concat(chunks)) });
        if (got.delivery === "new") {
          paid.push(got.event);
          receiver.complete(got.key);
        }
        reply = got.reply;
      } catch (e) {
        reply = WebhookReceiver.errorReply(e);
      }
      res.writeHead(reply.status, reply.headers).end(reply.body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return [`http://127.0.0.1:${server.address().port}/sepay`, () => new Promise((r) => server.close(r))];
}

export const testingCases = [
  ["testing: the emulator serves a seeded dataset, lists a simulated payment and delivers its webhook", async () => {
    const sepay = await Emulator.start({ transactions: 12, bankAccounts: 2, rateLimit: 0 });
    const paid = [];
    const [url, stop] = await endpoint(WebhookReceiver.hmac("whsec_kit"), paid);
    try {
      assert.match(sepay.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await sepay.stats()).transactions, 12);
      const client = sepay.client();
      assert.equal((await client.v2.bankAccounts.list()).items.length, 2);
      const target = await sepay.addWebhook(url, { auth: "hmac", secret: "whsec_kit" });
      const payment = await sepay.simulatePayment(150000, "DH42 thanh toan");
      assert.equal(payment.code, "DH42");
      assert.deepEqual(payment.delivered_to, [target]);
      const [latest] = await client.v1.transactions.list({ limit: 1 });
      assert.equal(latest.id, String(payment.v1_id));
      assert.equal(latest.amountIn, "150000.00");
      const [delivery] = await sepay.webhookDeliveries({ waitFor: 1 });
      assert.equal(delivery.success, true, JSON.stringify(delivery));
      assert.deepEqual(paid.map((e) => [e.code, e.transferAmount]), [["DH42", "150000"]]);
      assert.ok((await sepay.requests()).every((r) => r.authorized));
      client.close();
    } finally {
      await stop();
      await sepay.close();
    }
  }],

  ["testing: bad input is refused; a closed emulator refuses calls; a missing binary says what to install", async () => {
    const sepay = await Emulator.start({ transactions: 1, rateLimit: 0 });
    await assert.rejects(sepay.simulatePayment(1.5, "x"), RangeError);
    await assert.rejects(sepay.simulatePayment(0, "x"), /amount/);
    await assert.rejects(sepay.addWebhook("ftp://x"), /url/);
    await assert.rejects(sepay.addWebhook("http://x", { auth: "hmac" }), /secret/);
    const wrong = sepay.client({ token: "wrong" });
    await assert.rejects(wrong.v2.bankAccounts.list(), (e) => e.name === "AuthenticationError");
    wrong.close();
    await sepay.close();
    await sepay.close();
    await assert.rejects(sepay.stats(), /closed/);
    await assert.rejects(Emulator.start({ binary: "/nonexistent/sepay-sandbox" }), /ENOENT|exited|spawn/);
  }],
];
