// Type-checked (tsc --strict), not run: the declarations of sepay-sdk/testing
// and WebhookReceiver#testDelivery as a TypeScript test suite uses them.
import { WebhookReceiver, type Client } from "sepay-sdk";
import { Emulator, type SimulatedPayment, type WebhookDeliveryAttempt } from "sepay-sdk/testing";

export async function kit(): Promise<[SimulatedPayment, WebhookDeliveryAttempt[]]> {
  const sepay = await Emulator.start({ transactions: 10, rateLimit: 0 });
  try {
    const client: Client = sepay.client({ timeoutMs: 5000 });
    await client.v2.bankAccounts.list();
    const id: number = await sepay.addWebhook("http://127.0.0.1:8000/hook", { auth: "hmac", secret: "s" });
    const payment = await sepay.simulatePayment(150000, "DH42", { code: "DH42" });
    const delivered: boolean = payment.delivered_to.includes(id);
    const deliveries = await sepay.webhookDeliveries({ waitFor: delivered ? 1 : 0, timeoutMs: 1000 });
    const receiver = WebhookReceiver.hmac("s");
    const request = receiver.testDelivery({ transferAmount: "150000", content: "DH42", transferType: "in" }, { now: 1 });
    const body: Uint8Array = request.body;
    receiver.receive({ method: request.method, headers: request.headers, body });
    return [payment, deliveries];
  } finally {
    await sepay.close();
  }
}
