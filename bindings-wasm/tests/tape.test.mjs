// The tape reader shipped in the package (pkg/snippets/*/src/tape.js), fed
// hand-written tapes: what the module writes is covered by every other test;
// these are the cases a SePay answer rarely reaches (a `__proto__` key from a
// server, keys that are not identifiers, a runtime that forbids `new Function`,
// text outside the Basic Multilingual Plane, a corrupt tape).
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

const snippets = join(fileURLToPath(new URL("..", import.meta.url)), "node_modules", "sepay-sdk", "pkg", "snippets");
const [crate] = readdirSync(snippets).filter((d) => readdirSync(join(snippets, d, "src")).includes("tape.js"));
const { read_tape } = await import(pathToFileURL(join(snippets, crate, "src", "tape.js")).href);

const NULL = 0, FALSE = 1, TRUE = 2, NUM = 3, STR = 4, SEQ = 5, MAP = 6, SHAPE = 7;
const encoder = new TextEncoder();
let shapeCount = 0; // shapes accumulate in the reader for its lifetime

/** Reads a hand-written tape: `strings` and `numbers` in the order the ops use them;
 * `shapes` are the key lists registered by this call (ids continue from earlier calls). */
function read(ops, { strings = [], numbers = [], shapes } = {}) {
  const text = encoder.encode(strings.join(""));
  const json = shapes === undefined ? undefined : JSON.stringify(shapes);
  shapeCount += shapes?.length ?? 0;
  return read_tape(new Uint32Array(ops), new Float64Array(numbers), text, json);
}
const str = (s) => [STR, s.length];

test("a __proto__ key from the data is an own property; no prototype changes", () => {
  const value = read([MAP, 2, ...str("__proto__"), MAP, 1, ...str("polluted"), TRUE, ...str("ok"), NULL],
    { strings: ["__proto__", "polluted", "ok"] });
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.ok(Object.hasOwn(value, "__proto__"));
  assert.deepEqual(Object.keys(value), ["__proto__", "ok"]);
  assert.equal({}.polluted, undefined);
  assert.deepEqual(Object.getOwnPropertyDescriptor(value, "__proto__").value, { polluted: true });
});

test("shapes: compiled constructors, keys that are not identifiers, and a runtime without eval", () => {
  const shapes = [["amountIn", "code"], ["x-y", "__proto__"]];
  const value = read(
    [SEQ, 3, SHAPE, shapeCount, ...str("1.50"), NULL, SHAPE, shapeCount, ...str("0"), ...str("DH1"), SHAPE, shapeCount + 1, NUM, FALSE],
    { strings: ["1.50", "0", "DH1"], numbers: [7], shapes });
  assert.deepEqual(value[0], { amountIn: "1.50", code: null });
  assert.deepEqual(value[1], { amountIn: "0", code: "DH1" });
  assert.equal(value[2]["x-y"], 7);
  assert.ok(Object.hasOwn(value[2], "__proto__"));
  assert.equal(Object.getPrototypeOf(value[2]), Object.prototype);

  // Where compiling code is refused (a Content-Security-Policy), the loop builds the same objects.
  const original = globalThis.Function;
  globalThis.Function = function () { throw new EvalError("refused by policy"); };
  try {
    const id = shapeCount;
    const v = read([SHAPE, id, TRUE, ...str("b")], { strings: ["b"], shapes: [["flag", "name"]] });
    assert.deepEqual(v, { flag: true, name: "b" });
  } finally {
    globalThis.Function = original;
  }
});

test("text: UTF-16 lengths cut Vietnamese marks and surrogate pairs exactly", () => {
  const parts = ["Nguyễn Văn Ánh", "😀𝄞", "", "₫ DH9"];
  const value = read([SEQ, 4, ...parts.flatMap(str)], { strings: parts });
  assert.deepEqual(value, parts);
});

test("a corrupt tape is an Error, not a wrong value", () => {
  assert.throws(() => read([99]), /corrupt tape/);
});
