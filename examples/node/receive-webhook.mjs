// Receives SePay's payment webhooks with node:http: verify (HMAC), handle each
// event once (complete it when handled; release it and answer "retry later"
// when handling failed), reply. Run it against a local sandbox and it
// registers its own URL, simulates a bank transfer and exits once the verified
// webhook has arrived:
//   SEPAY_BASE_URL=http://127.0.0.1:PORT node receive-webhook.mjs
// In production, leave SEPAY_BASE_URL unset, set PORT and SEPAY_WEBHOOK_SECRET
// (the webhook's secret key on my.sepay.vn, HMAC mode) and it serves until stopped.
import { createServer } from "node:http";
import { errorReply, retryLaterReply, WebhookReceiver } from "sepay-sdk";

const sandbox = process.env.SEPAY_BASE_URL;
const secret = process.env.SEPAY_WEBHOOK_SECRET ?? "whsec_example";
// One receiver per endpoint. The default dedup store is in memory; pass
// { store: { claim(key, leaseSeconds), complete(key), release(key) } } (over
// Redis or a table) to share it between processes.
const receiver = WebhookReceiver.hmac(secret);

/** Your business logic; a throw makes SePay retry later. */
async function handlePayment(event) {
  console.log(`paid: ${event.transferAmount} VND, code ${event.code}, memo "${event.content}" (id ${event.id})`);
}

let done;
const firstPayment = new Promise((resolve) => (done = resolve));

/** The whole pattern: verify, handle a new event once, then complete; on failure release and retry later. */
async function handle(req, body) {
  let got;
  try {
    got = receiver.receive({ method: req.method, headers: req.headers, body });
  } catch (e) {
    console.error(`refused: ${e.message}`);
    return errorReply(e); // 401 unverified, 400 unreadable, 503 dedup store down
  }
  if (got.delivery !== "new") return got.reply; // "duplicate": 200 success; "in_progress": 503, SePay retries
  try {
    await handlePayment(got.event);
  } catch (e) {
    console.error(`handling failed, SePay will retry: ${e.message}`);
    receiver.release(got.key); // the retry is processed again
    return retryLaterReply(); // 503
  }
  receiver.complete(got.key); // later deliveries of this event are duplicates
  done(got.event);
  return got.reply; // {"success":true}
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", async () => {
    const body = Buffer.concat(chunks); // the raw bytes: the signature covers them exactly
    const reply = await handle(req, body);
    res.writeHead(reply.status, reply.headers).end(reply.body);
  });
});

await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/sepay/webhook`;
console.log(`listening on ${url}`);

if (sandbox) {
  const admin = async (path, body) => {
    const res = await fetch(`${sandbox}/__sandbox/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { id } = await admin("webhooks", { url, auth: "hmac", secret });
  await admin("simulate/transaction", { amount: 150000, content: "DH10001 thanh toan don hang" });
  const timeout = setTimeout(() => {
    console.error("no webhook within 15 s");
    process.exit(1);
  }, 15_000);
  const event = await firstPayment;
  clearTimeout(timeout);
  await fetch(`${sandbox}/__sandbox/webhooks/${id}`, { method: "DELETE" });
  if (event.code !== "DH10001") throw new Error(`unexpected code ${event.code}`);
  server.close();
  server.closeAllConnections();
}
