// sepay-sdk for Node (>= 18) and Deno: the SePay SDK's Rust core compiled to
// WebAssembly. This file only adapts: it loads the module, serializes option
// objects, turns the core's errors into Error subclasses and lists into async
// iterators. Every request, limit, retry and decision happens in the core.

import { readFileSync } from "node:fs";
import {
  functions as coreFunctions,
  initSync,
  operations as coreOperations,
  optionNames as coreOptionNames,
  vietqrDecode as coreVietqrDecode,
  vietqrImageUrl as coreVietqrImageUrl,
  vietqrPayload as coreVietqrPayload,
  WasmClient,
} from "./pkg/sepay_wasm.js";
import { ConfigurationError, toError } from "./errors.js";
import { OAuthTokens } from "./accounts.js";
import { SharedState } from "./shared.js";

export * from "./errors.js";
export { MemoryTokenStore, OAuthTokens } from "./accounts.js";
export { SharedState } from "./shared.js";
export { errorReply, hmacSignature, retryLaterReply, WebhookReceiver, WebhookTokenIssuer } from "./webhook.js";

initSync({
  module: readFileSync(new URL("./pkg/sepay_wasm_bg.wasm", import.meta.url)),
});

/** Every operation of the core, by name (`"v2.transactions.iter"`, ...). */
export const operations = Object.freeze(coreOperations());

/** Every client-less function of the core, by name (`"webhook.receive"`, `"qr.payload"`, ...). */
export const functions = Object.freeze(coreFunctions());

/** The option names the core accepts for an operation (empty if it takes none). */
export function optionNames(operation) {
  return Object.freeze(coreOptionNames(operation));
}

// BigInts become numbers when exact, otherwise decimal strings (money); Dates
// become ISO 8601 strings through their own toJSON. NaN and the infinities,
// which JSON would turn into null (a silent default), travel as "NaN",
// "Infinity" and "-Infinity" so the core refuses them by name.
function replacer(_key, value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
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

/** Items per crossing from the module while iterating item by item. */
const SLICE = 256;

/**
 * The items of a list, fetched page by page as you iterate (one page in
 * memory). Each `for await` starts from the first page again.
 */
export class ListIterator {
  #open;
  #onProgress;
  #position = 0;
  #total = undefined;

  constructor(open) {
    this.#open = open;
  }

  /**
   * Calls `callback({ items, total })` after each page of a walk: the items
   * handed out so far and the list's size (`null` until SePay says it). Returns
   * this iterator: `for await (const tx of client.v2.transactions.iter().onProgress(show))`.
   */
  onProgress(callback) {
    if (typeof callback !== "function") throw new TypeError("onProgress needs a function");
    this.#onProgress = callback;
    return this;
  }

  /** Items the current (or last) walk has handed out. */
  get position() {
    return this.#position;
  }

  /** The list's size once the walk's first page has said it (v2's `meta.pagination.total`, v1's count). */
  get total() {
    return this.#total;
  }

  /** The pages themselves, as arrays of items. */
  async *pages() {
    for await (const [pages, length] of this.#walk()) {
      const page = sync(() => pages.take(length));
      this.#position += page.length;
      this.#report();
      yield page;
    }
  }

  async *[Symbol.asyncIterator]() {
    for await (const [pages] of this.#walk()) {
      // The page stays in the module; its items cross in slices, so only one
      // slice of objects is alive at a time, not a 5,000-row page.
      for (;;) {
        const slice = sync(() => pages.take(SLICE));
        if (slice.length === 0) break;
        for (const item of slice) {
          this.#position++;
          yield item;
        }
      }
      this.#report();
    }
  }

  #report() {
    this.#onProgress?.({ items: this.#position, total: this.#total ?? null });
  }

  /** Fetches page after page into the module: yields `[pages, length]` for each. */
  async *#walk() {
    let pages;
    try {
      pages = this.#open();
    } catch (e) {
      throw toError(e);
    }
    this.#position = 0;
    this.#total = undefined;
    try {
      for (;;) {
        const length = await settle(pages.fetchPage());
        if (length === undefined) return;
        this.#total = pages.total();
        yield [pages, length];
      }
    } finally {
      pages.free();
    }
  }
}

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

function sync(fn) {
  try {
    return fn();
  } catch (e) {
    throw toError(e);
  }
}

/** A signed payment gateway checkout form: POST `fields`, in this order, to `action`. */
export class CheckoutForm {
  /** The form's `action` URL (SePay's checkout). */
  action;
  /** `[name, value]` pairs in the order they are signed and must be posted (`signature` last). */
  fields;
  #wasm;

  constructor(wasm) {
    this.#wasm = wasm;
    this.action = wasm.action();
    this.fields = Object.freeze(wasm.fields().map((pair) => Object.freeze(pair)));
    Object.freeze(this);
  }

  /** The fields as an object (insertion order kept), e.g. for `URLSearchParams`. */
  toObject() {
    return Object.fromEntries(this.fields);
  }

  /** An HTML `<form>` with the fields as hidden inputs (values escaped, order kept). */
  toHtml(submitLabel = "Thanh toán") {
    return this.#wasm.to_html(String(submitLabel));
  }
}

/** The EMVCo payload text of a VietQR code, to render as a QR symbol. */
export function vietqrPayload(qr) {
  return sync(() => coreVietqrPayload(encode(qr)));
}

/** Reads a VietQR payload back (its CRC checked). */
export function vietqrDecode(payload) {
  return sync(() => coreVietqrDecode(String(payload)));
}

/** SePay's QR image URL of a transfer (built by the core). */
export function vietqrImageUrl(options) {
  return sync(() => coreVietqrImageUrl(encode(options)));
}

// Operations whose result is not a Promise of JSON.
const ADAPTERS = {
  "oauth.authorization_url": (wasm, method) => (scopes, state) => sync(() => wasm[method](encode(scopes), state)),
  "oauth.exchange_code": (wasm, method) => async (code) => new OAuthTokens(await call(wasm, method, [code])),
  "pg.checkout": (wasm, method) => (request) => new CheckoutForm(sync(() => wasm[method](encode(request)))),
};

const isThenable = (v) => v !== null && typeof v === "object" && typeof v.then === "function";

// The user's token store as the core sees it: `save` receives OAuthTokens
// (masked when printed); what `load` returns is read as plain fields. What
// either throws reaches the caller as a StoreError. The core's store is
// synchronous: `load` is called once here so a Promise is refused now, and a
// Promise answered later is a StoreError, never "no tokens".
function tokenStoreAdapter(store) {
  if (store === undefined || store === null) return undefined;
  const refuse = (what) => {
    throw new ConfigurationError(`configuration error: tokenStore ${what}`, { kind: "configuration" });
  };
  if (typeof store.load !== "function" || typeof store.save !== "function") {
    refuse("needs load() and save(tokens) methods");
  }
  let probe;
  try {
    probe = store.load();
  } catch {
    // A store that is down now may work later; the calls report it as a StoreError.
  }
  if (isThenable(probe)) {
    Promise.resolve(probe).catch(() => {});
    refuse("load() must return the tokens (or null), not a Promise");
  }
  const sync = (method, answer) => {
    if (isThenable(answer)) {
      Promise.resolve(answer).catch(() => {});
      throw new TypeError(`${method} returned a Promise; a token store must answer synchronously`);
    }
    return answer;
  };
  return {
    load: () => sync("load()", store.load()) ?? null,
    save: (tokens) => sync("save(tokens)", store.save(new OAuthTokens(tokens))),
  };
}

/** Marks `new Client(VIEW, wasm)`: a view made by `withOptions`. */
const VIEW = Symbol("sepay-sdk view");

/**
 * A SePay client. Give it a token and where to send it: `environment: "live"`,
 * `environment: "sandbox"`, or the `baseUrl` of a local `sepay-sandbox`.
 */
export class Client {
  #wasm;

  constructor(options, view) {
    if (options === VIEW) {
      this.#wasm = view;
    } else {
      if (options === null || typeof options !== "object") {
        throw new ConfigurationError("configuration error: new Client() needs an options object", {
          kind: "configuration",
        });
      }
      const { tokenStore, sharedState, onEvent, ...rest } = options;
      try {
        const shared = sharedState === undefined ? undefined : SharedState.handleOf(sharedState);
        this.#wasm = new WasmClient(encode(rest), tokenStoreAdapter(tokenStore), shared, onEvent);
      } catch (e) {
        throw toError(e);
      }
    }
    const wasm = this.#wasm;
    // client.v2.transactions.list(...) for every operation of the core that
    // this build implements (`v2_transactions_list`); the parity test checks
    // that none is missing.
    // `pg.orders.void` → client.pg.orders.void, `v2.orders.add_va` → client.v2.orders.addVa.
    const groups = [];
    for (const name of operations) {
      const method = name.replaceAll(".", "_");
      if (typeof WasmClient.prototype[method] !== "function") continue;
      const path = name.split(".").map(camel);
      const action = path.pop();
      let group = this;
      for (const part of path) {
        if (!Object.hasOwn(group, part)) groups.push((group[part] = {}));
        group = group[part];
      }
      const adapter = ADAPTERS[name];
      group[action] = adapter
        ? adapter(wasm, method)
        : action === "iter"
          ? (...args) => new ListIterator(() => wasm[method](...args.map(encode)))
          : (...args) => call(wasm, method, args);
    }
    for (const group of groups.reverse()) Object.freeze(group);
  }

  /**
   * A view of this client whose calls use these options (`timeoutMs`,
   * `maxAttempts`, `maxElapsedMs`, extra `headers`). It shares the connections,
   * rate limit and tokens; close it on its own when done.
   */
  withOptions(options) {
    try {
      return new Client(VIEW, this.#wasm.with_options(encode(options ?? {})));
    } catch (e) {
      throw toError(e);
    }
  }

  /** Releases the client's WebAssembly memory. The client is unusable afterwards. */
  close() {
    this.#wasm?.free();
    this.#wasm = undefined;
  }
}
