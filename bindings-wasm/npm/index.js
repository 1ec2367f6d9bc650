// sepay-sdk for Node (>= 18) and Deno: the SePay SDK's Rust core compiled to
// WebAssembly. This file only adapts: it loads the module, serializes option
// objects, turns the core's errors into Error subclasses and lists into async
// iterators. Every request, limit, retry and decision happens in the core.

import { readFileSync } from "node:fs";
import {
  initSync,
  operations as coreOperations,
  optionNames as coreOptionNames,
  WasmClient,
} from "./pkg/sepay_wasm.js";
import { ConfigurationError, toError } from "./errors.js";

export * from "./errors.js";

initSync({
  module: readFileSync(new URL("./pkg/sepay_wasm_bg.wasm", import.meta.url)),
});

/** Every operation of the core, by name (`"v2.transactions.iter"`, ...). */
export const operations = Object.freeze(coreOperations());

/** The option names the core accepts for an operation (empty if it takes none). */
export function optionNames(operation) {
  return Object.freeze(coreOptionNames(operation));
}

// BigInts become numbers when exact, otherwise decimal strings (money); Dates
// become ISO 8601 strings through their own toJSON.
function replacer(_key, value) {
  if (typeof value !== "bigint") return value;
  return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
}

function encode(arg) {
  if (arg === null || arg === undefined) return undefined;
  if (typeof arg !== "object") return arg;
  return JSON.stringify(arg, replacer);
}

async function settle(promise) {
  try {
    return await promise;
  } catch (e) {
    throw toError(e);
  }
}

function call(wasm, method, args) {
  try {
    return settle(wasm[method](...args.map(encode)));
  } catch (e) {
    return Promise.reject(toError(e));
  }
}

/**
 * The items of a list, fetched page by page as you iterate (one page in
 * memory). Each `for await` starts from the first page again.
 */
export class ListIterator {
  #open;

  constructor(open) {
    this.#open = open;
  }

  /** The pages themselves, as arrays of items. */
  async *pages() {
    let pages;
    try {
      pages = this.#open();
    } catch (e) {
      throw toError(e);
    }
    try {
      for (;;) {
        const page = await settle(pages.nextPage());
        if (page === undefined) return;
        yield page;
      }
    } finally {
      pages.free();
    }
  }

  async *[Symbol.asyncIterator]() {
    for await (const page of this.pages()) yield* page;
  }
}

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/**
 * A SePay client. Give it a token and where to send it: `environment: "live"`,
 * `environment: "sandbox"`, or the `baseUrl` of a local `sepay-sandbox`.
 */
export class Client {
  #wasm;

  constructor(options) {
    if (options === null || typeof options !== "object") {
      throw new ConfigurationError("configuration error: new Client() needs an options object", {
        kind: "configuration",
      });
    }
    try {
      this.#wasm = new WasmClient(encode(options));
    } catch (e) {
      throw toError(e);
    }
    const wasm = this.#wasm;
    // client.v2.transactions.list(...) for every operation of the core that
    // this build implements (`v2_transactions_list`); the parity test checks
    // that none is missing.
    for (const name of operations) {
      const method = name.replaceAll(".", "_");
      if (typeof WasmClient.prototype[method] !== "function") continue;
      const [version, resource, action] = name.split(".");
      const group = (this[version] ??= {});
      const api = (group[camel(resource)] ??= {});
      api[action] =
        action === "iter"
          ? (...args) => new ListIterator(() => wasm[method](...args.map(encode)))
          : (...args) => call(wasm, method, args);
    }
    for (const version of ["v1", "v2"]) {
      if (this[version]) {
        for (const api of Object.values(this[version])) Object.freeze(api);
        Object.freeze(this[version]);
      }
    }
  }

  /** Releases the client's WebAssembly memory. The client is unusable afterwards. */
  close() {
    this.#wasm?.free();
    this.#wasm = undefined;
  }
}
