// State shared through a real redis-server (Node only: worker processes):
// four Node processes, and two Node with two Python processes, share one
// 3 requests/second budget; node-redis and ioredis both run the core's
// scripts; Redis going away never hangs a call and sharing comes back.

import { after, test } from "node:test";
import assert from "node:assert/strict";
import { fork, spawn } from "node:child_process";
import { createClient } from "redis";
import Redis from "ioredis";
import { Client, hmacSignature, SharedState, StoreError, WebhookReceiver, WebhookVerificationError } from "sepay-sdk";
import { startSandbox, stopAll, TOKEN } from "./sandbox.mjs";
import { startRedis } from "./redis_server.mjs";

after(stopAll);

const WORKER = new URL("./shared_worker.mjs", import.meta.url);

// A Python worker (the installed sepay_sdk wheel): same protocol over stdio.
const PYTHON_WORKER = `
import json, sys, time, sepay_sdk
url, redis_url, prefix, calls = sys.argv[1:5]
client = sepay_sdk.Client(sys.argv[5], base_url=url, requests_per_second=3,
    shared_state=sepay_sdk.SharedState(redis_url, prefix=prefix, processes=4))
print(json.dumps({"ready": True}), flush=True)
sys.stdin.readline()
failures = 0
for _ in range(int(calls)):
    try:
        client.v2.bank_accounts.list()
    except sepay_sdk.SePayError:
        failures += 1
print(json.dumps({"failures": failures, "done": time.time() * 1000}), flush=True)
`;

function nodeWorker(args) {
  const child = fork(WORKER, args, { env: { ...process.env, SEPAY_TOKEN: TOKEN }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = () => new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return { ready: next(), go: () => { const done = next(); child.send("go"); return done; } };
}

function pythonWorker(python, args) {
  const child = spawn(python, ["-c", PYTHON_WORKER, ...args, TOKEN], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = [];
  let waiting = null;
  let buf = "";
  child.stdout.on("data", (chunk) => {
    buf += chunk;
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      lines.push(JSON.parse(buf.slice(0, nl)));
      buf = buf.slice(nl + 1);
      if (waiting) { const w = waiting; waiting = null; w(lines.shift()); }
    }
  });
  const next = () => new Promise((resolve, reject) => {
    if (lines.length) return resolve(lines.shift());
    waiting = resolve;
    child.once("exit", (code) => code !== 0 && reject(new Error(`python worker exited with ${code}`)));
  });
  return { ready: next(), go: () => { const done = next(); child.stdin.write("go\n"); return done; } };
}

async function shareOneBudget(workers, sandbox, calls) {
  await Promise.all(workers.map((w) => w.ready));
  const started = Date.now();
  const reports = await Promise.all(workers.map((w) => w.go()));
  const elapsed = (Math.max(...reports.map((r) => r.done)) - started) / 1000;
  const total = workers.length * calls;
  assert.equal(reports.reduce((n, r) => n + r.failures, 0), 0, JSON.stringify(reports));
  const limited = (await sandbox.requests()).filter((r) => r.status === 429);
  assert.equal(limited.length, 0, "no 429 at all");
  assert.ok(elapsed <= 1.1 * total / 3, `${elapsed} s for ${total} calls`);
  assert.ok(elapsed >= (total - 4) / 3, `${elapsed} s: the processes did not share one budget`);
}

test("four Node processes share 3 requests per second", async () => {
  const redis = await startRedis();
  const sandbox = await startSandbox({ transactions: 50, rateLimit: 3 });
  try {
    const calls = 6;
    const workers = Array.from({ length: 4 }, () => nodeWorker([sandbox.url, redis.url, "node", String(calls)]));
    await shareOneBudget(workers, sandbox, calls);
  } finally {
    await redis.stop();
  }
});

test("two Node and two Python processes share one budget", async () => {
  const python = process.env.SEPAY_PYTHON;
  assert.ok(python, "SEPAY_PYTHON: a Python with the sepay_sdk wheel (scripts/test-js.sh sets it)");
  const redis = await startRedis();
  const sandbox = await startSandbox({ transactions: 50, rateLimit: 3 });
  try {
    const calls = 5;
    const args = [sandbox.url, redis.url, "mixed", String(calls)];
    const workers = [nodeWorker(args), nodeWorker(args), pythonWorker(python, args), pythonWorker(python, args)];
    await shareOneBudget(workers, sandbox, calls);
  } finally {
    await redis.stop();
  }
});

test("ioredis runs the same scripts", async () => {
  const redis = await startRedis();
  const sandbox = await startSandbox({ transactions: 50 });
  const io = new Redis(redis.port, "127.0.0.1", { lazyConnect: true });
  try {
    await io.connect();
    const sharedState = new SharedState(io, { prefix: "io" });
    const client = new Client({ token: TOKEN, baseUrl: sandbox.url, requestsPerSecond: 50, sharedState });
    for (let i = 0; i < 3; i++) await client.v2.bankAccounts.list();
    assert.equal(sharedState.reachable, true);
    assert.ok(Number(await io.get("{io}:limit")) > 0, "the limit script wrote its slot");
  } finally {
    io.disconnect();
    await redis.stop();
  }
});

test("Redis stopping mid-run never hangs a call; sharing resumes", async () => {
  const redis = await startRedis();
  const sandbox = await startSandbox({ transactions: 50 });
  const client = createClient({ url: redis.url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 100 } });
  client.on("error", () => {});
  await client.connect();
  const sharedState = new SharedState(client, { prefix: "outage", processes: 2, probeIntervalMs: 200 });
  const sepay = new Client({ token: TOKEN, baseUrl: sandbox.url, requestsPerSecond: 20, sharedState });
  let back;
  try {
    await sepay.v2.bankAccounts.list();
    assert.equal(sharedState.reachable, true);
    await redis.stop();
    for (let i = 0; i < 10; i++) {
      const t = Date.now();
      await sepay.v2.bankAccounts.list();
      assert.ok(Date.now() - t < 600, "no call hangs");
    }
    assert.equal(sharedState.reachable, false);
    assert.equal(sharedState.outages, 1, "one outage, not one per call");
    back = await startRedis(redis.port);
    const deadline = Date.now() + 5_000;
    while (!sharedState.reachable && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      await sepay.v2.bankAccounts.list();
    }
    assert.equal(sharedState.reachable, true, "sharing resumed");
    assert.equal(sharedState.outages, 1);
  } finally {
    await client.quit().catch(() => {});
    await back?.stop();
  }
});

test("fail closed rejects with a StoreError and sends nothing", async () => {
  const sandbox = await startSandbox({ transactions: 50 });
  const never = () => new Promise(() => {}); // a Redis that never answers
  const sharedState = new SharedState(never, { onOutage: "fail", commandTimeoutMs: 100 });
  const client = new Client({ token: TOKEN, baseUrl: sandbox.url, sharedState });
  const t = Date.now();
  await assert.rejects(client.v2.bankAccounts.list(), StoreError);
  assert.ok(Date.now() - t < 1_000);
  assert.deepEqual(await sandbox.requests(), []);
  assert.throws(() => new SharedState({ nothing: true }), /node-redis or ioredis/);
  assert.throws(() => new SharedState(never, { onOutage: "sometimes" }), /on_outage/);
});

test("one webhook delivered to two processes is handled once; a failed handler's retry is handled", async () => {
  const redis = await startRedis();
  const connections = [];
  const receiver = async () => {
    const client = createClient({ url: redis.url });
    client.on("error", () => {});
    await client.connect();
    connections.push(client);
    return WebhookReceiver.hmac("whsec_1", { store: new SharedState(client, { prefix: "hooks" }) });
  };
  try {
    const [a, b] = [await receiver(), await receiver()];
    const ts = Math.floor(Date.now() / 1000);
    const body = `{"id":${ts % 100000},"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}`;
    const req = {
      method: "POST",
      headers: { "X-SePay-Signature": hmacSignature("whsec_1", ts, body), "X-SePay-Timestamp": String(ts) },
      body,
    };
    const both = await Promise.all([a.receive(req), b.receive(req)]);
    assert.deepEqual(both.map((r) => r.delivery).sort(), ["in_progress", "new"]);
    const winner = both[0].delivery === "new" ? a : b;
    await winner.release(both[0].key);                 // its handler failed: SePay retries
    const retry = await b.receive(req);
    assert.equal(retry.delivery, "new", "the retry is handled");
    assert.equal(retry.reply.status, 200);
    await b.complete(retry.key);
    assert.equal((await a.receive(req)).delivery, "duplicate");
    await assert.rejects(a.receive({ ...req, body: body.replace('"x"', '"y"') }), WebhookVerificationError);
  } finally {
    for (const c of connections) await c.quit().catch(() => {});
    await redis.stop();
  }
});
