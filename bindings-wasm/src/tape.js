// Reads a result tape written by the module (`tape.rs`) into JavaScript
// values: the same values `JSON.parse` would give for the camelCase JSON of
// the result, built without writing or parsing JSON.

const NULL = 0, FALSE = 1, TRUE = 2, NUM = 3, STR = 4, SEQ = 5, MAP = 6, SHAPE = 7;
const decoder = new TextDecoder();
/** One object constructor per struct shape, in the module's order. */
const shapes = [];
let ops, numbers, text, op, number, offset;

function value() {
  switch (ops[op++]) {
    case STR: {
      const end = offset + ops[op++];
      const s = text.substring(offset, end);
      offset = end;
      return s;
    }
    case SHAPE:
      return shapes[ops[op++]]();
    case NUM:
      return numbers[number++];
    case NULL:
      return null;
    case SEQ: {
      const n = ops[op++];
      const a = [];
      for (let i = 0; i < n; i++) a.push(value());
      return a;
    }
    case MAP: {
      const n = ops[op++];
      const o = {};
      for (let i = 0; i < n; i++) put(o, value(), value());
      return o;
    }
    case FALSE:
      return false;
    case TRUE:
      return true;
  }
  throw new Error("sepay: unreadable result (a corrupt tape)");
}

/** `o[key] = v` as `JSON.parse` does it: `__proto__` is an own property. */
function put(o, key, v) {
  if (key === "__proto__") {
    Object.defineProperty(o, key, { value: v, writable: true, enumerable: true, configurable: true });
  } else {
    o[key] = v;
  }
}

/** A constructor for objects with these keys: an object literal compiled
 * once (fast, same hidden class for every object), or a loop where the
 * runtime forbids compiling code or a key is not a plain identifier. */
function shape(keys) {
  if (keys.every((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== "__proto__")) {
    try {
      const body = `return () => ({ ${keys.map((k) => `${k}: v()`).join(", ")} });`;
      return new Function("v", body)(value);
    } catch {
      // eval forbidden (a Content-Security-Policy): the loop below.
    }
  }
  return () => {
    const o = {};
    for (const k of keys) put(o, k, value());
    return o;
  };
}

/** Reads one tape; `newShapes` is JSON text of the key lists of the shapes
 * registered since the last call. */
export function read_tape(tapeOps, tapeNumbers, tapeText, newShapes) {
  if (newShapes != null) {
    for (const keys of JSON.parse(newShapes)) shapes.push(shape(keys));
  }
  ops = tapeOps;
  numbers = tapeNumbers;
  text = decoder.decode(tapeText);
  op = number = offset = 0;
  try {
    return value();
  } finally {
    ops = numbers = text = undefined;
  }
}
