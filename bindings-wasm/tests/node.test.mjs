// `node --test` entry: the shared cases against the installed package.
import { after, before, test } from "node:test";
import { cases, setup, teardown } from "./cases.mjs";
import { receivingCases, setupReceiving } from "./receiving.mjs";
import { accountCases, setupAccounts } from "./accounts.mjs";
import { hardeningCases, setupHardening } from "./hardening.mjs";
import { testingCases } from "./testing_kit.mjs";

before(async () => {
  await setup();
  await setupReceiving();
  await setupAccounts();
  await setupHardening();
});
after(teardown);
for (const [name, fn] of [...cases, ...receivingCases, ...accountCases, ...hardeningCases, ...testingCases]) test(name, fn);
