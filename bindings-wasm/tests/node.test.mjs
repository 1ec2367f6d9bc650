// `node --test` entry: the shared cases against the installed package.
import { after, before, test } from "node:test";
import { cases, setup, teardown } from "./cases.mjs";
import { receivingCases, setupReceiving } from "./receiving.mjs";

before(async () => {
  await setup();
  await setupReceiving();
});
after(teardown);
for (const [name, fn] of [...cases, ...receivingCases]) test(name, fn);
