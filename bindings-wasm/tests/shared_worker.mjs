// One worker process of shared_state.test.mjs (as a Node cluster worker
// would be): its own node-redis connection, SharedState and Client. Waits
// for "go", makes `calls` list calls, reports failures and its end time.

import { createClient } from "redis";
import { Client, SharedState } from "sepay-sdk";

const [url, redisUrl, prefix, calls] = process.argv.slice(2);
const redis = createClient({ url: redisUrl });
redis.on("error", () => {});
await redis.connect();
const sharedState = new SharedState(redis, { prefix, processes: 4 });
const client = new Client({ token: process.env.SEPAY_TOKEN, baseUrl: url, requestsPerSecond: 3, sharedState });
process.send({ ready: true });
process.once("message", async () => {
  let failures = 0;
  for (let i = 0; i < Number(calls); i++) {
    try {
      await client.v2.bankAccounts.list();
    } catch {
      failures++;
    }
  }
  process.send({ failures, done: Date.now() });
  await redis.quit();
  process.disconnect();
});
