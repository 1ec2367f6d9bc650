// Testing your own SePay integration with sepay-sdk/testing and node:test:
// the emulator (npm i -D @sepay-sdk/emulator-linux-x64) stands in for SePay,
// and WebhookReceiver#testDelivery makes signed webhooks for the handler.
//   node --test test-with-emulator.test.mjs
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { WebhookReceiver } from "sepay-sdk";
import { Emulator } from "sepay-sdk/testing";

const SECRET = "whsec_shop_test";

// ------------------------------------------------------------ the code under test
class Shop {
  receiver = WebhookReceiver.hmac(SECRET);
  orders = new Map([["DH42", 150000n], ["DH43", 90000n]]);
  paid = new Set();

  /** Handles SePay's webhook; returns the reply to send back. */
  onWebhook(request) {
    let got;
    try {
      got = this.receiver.receive(request);
    } catch (e) {
      return WebhookReceiver.errorReply(e);
    }
    if (got.delivery === "new") {
      const { code, transferAmount } = got.event;
      if (this.orders.has(code) && BigInt(transferAmount.split(".")[0]) >= this.orders.get(code)) this.paid.add(code);
      this.receiver.complete(got.key);
    }
    return got.reply;
  }
}

// ------------------------------------------------------------ tests
let sepay;
before(async () => {
  sepay = await Emulator.start({ transactions: 20 });
});
after(() => sepay.close());

test("a simulated payment is listed by the API", async () => {
  const payment = await sepay.simulatePayment(90000, "DH43 thanh toan");
  const client = sepay.client();
  const [latest] = await client.v1.transactions.list({ limit: 1 });
  client.close();
  assert.equal(latest.id, String(payment.v1_id));
  assert.equal(latest.code, "DH43");
});

test("the handler alone, with signed test deliveries", () => {
  const shop = new Shop();
  const delivery = shop.receiver.testDelivery({ transferAmount: 150000, content: "DH42 thanh toan", code: "DH42" });
  assert.equal(shop.onWebhook(delivery).status, 200);
  assert.deepEqual([...shop.paid], ["DH42"]);
  const forged = WebhookReceiver.hmac("not-the-secret").testDelivery({ transferAmount: 90000, code: "DH43" });
  assert.equal(shop.onWebhook(forged).status, 401);
  assert.deepEqual([...shop.paid], ["DH42"]);
});
