// `node --test` entry: the shared cases against the installed package.
import { after, before, test } from "node:test";
import { cases, setup, teardown } from "./cases.mjs";

before(setup);
after(teardown);
for (const [name, fn] of cases) test(name, fn);
