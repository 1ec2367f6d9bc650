// `deno test -A` entry: the shared cases against the installed package.
import { cases, setup, teardown } from "./cases.mjs";
import { receivingCases, setupReceiving } from "./receiving.mjs";
import { accountCases, setupAccounts } from "./accounts.mjs";
import { hardeningCases, setupHardening } from "./hardening.mjs";
import { testingCases } from "./testing_kit.mjs";

await setup();
await setupReceiving();
await setupAccounts();
await setupHardening();
globalThis.addEventListener("unload", teardown);
for (const [name, fn] of [...cases, ...receivingCases, ...accountCases, ...hardeningCases, ...testingCases]) {
  // The sandbox processes live for the whole file, and the runtime's fetch keeps
  // connections pooled between tests.
  Deno.test({ name, fn, sanitizeOps: false, sanitizeResources: false });
}
