// Receiving SePay's notifications, framework-agnostic: hand over the method,
// the headers and the raw body; get the verified event, what to do with it
// (`delivery`: "new", "duplicate" or "in_progress") and the exact reply to
// send. Verification, parsing, the dedup lifecycle (claim, complete, release)
// and the choice of reply are the core's (see src/webhook.rs, src/dedup.rs).

import {
  hmacSignature as coreHmacSignature,
  webhookErrorReply,
  webhookRetryLater,
  WasmTokenIssuer,
  WasmWebhookReceiver,
} from "./pkg/sepay_wasm.js";
import { ConfigurationError, SePayError, toError, ValidationError } from "./errors.js";
import { SharedState } from "./shared.js";

const INSPECT = [Symbol.for("nodejs.util.inspect.custom"), Symbol.for("Deno.customInspect")];
const encoder = new TextEncoder();

function invalid(operation, field, message) {
  return new ValidationError(`${operation}: ${field} ${message}`, {
    kind: "validation",
    operation,
    fieldErrors: [{ field, message }],
  });
}

function configuration(message) {
  return new ConfigurationError(`configuration error: ${message}`, { kind: "configuration" });
}

function typeName(v) {
  if (v === null) return "null";
  if (typeof v === "object") return v.constructor?.name ?? "object";
  return typeof v;
}

/** A raw body (Uint8Array / Buffer / ArrayBuffer / string) as bytes. */
function bytes(operation, body) {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === "string") return encoder.encode(body);
  throw invalid(operation, "body", `must be the raw body as a Uint8Array, Buffer, ArrayBuffer or string, got ${typeName(body)}`);
}

/** Headers (a `Headers`, a `Map`, a plain object or `[name, value]` pairs) as `[n, v, n, v, ...]`. */
function flatHeaders(operation, headers) {
  const out = [];
  const add = (name, value) => {
    if (value === undefined || value === null) return;
    for (const v of Array.isArray(value) ? value : [value]) out.push(String(name), String(v));
  };
  if (headers === undefined || headers === null) return out;
  if (typeof headers !== "object") {
    throw invalid(operation, "headers", `must be a Headers, an object or [name, value] pairs, got ${typeName(headers)}`);
  }
  if (typeof headers.forEach === "function" && typeof headers.get === "function") {
    headers.forEach((value, name) => add(name, value));
  } else if (typeof headers[Symbol.iterator] === "function") {
    for (const pair of headers) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw invalid(operation, "headers", `pairs must be [name, value], got ${JSON.stringify(pair)}`);
      }
      add(pair[0], pair[1]);
    }
  } else {
    for (const [name, value] of Object.entries(headers)) add(name, value);
  }
  return out;
}

function request(operation, req) {
  if (req === null || typeof req !== "object") {
    throw invalid(operation, "request", `must be an object { method, headers, body }, got ${typeName(req)}`);
  }
  return [String(req.method ?? ""), flatHeaders(operation, req.headers), bytes(operation, req.body)];
}

const isThenable = (v) => v !== null && (typeof v === "object" || typeof v === "function") && typeof v.then === "function";

// The user's dedup store as the core calls it: the same methods, refusing a
// Promise (the core's store is synchronous; the refusal becomes a StoreError).
function dedupStore(s) {
  if (s === undefined || s === null) return s;
  if (typeof s.claim !== "function" || typeof s.complete !== "function" || typeof s.release !== "function") {
    throw configuration("a dedup store needs claim(key, leaseSeconds), complete(key) and release(key) methods");
  }
  const sync = (method, answer) => {
    if (isThenable(answer)) {
      Promise.resolve(answer).catch(() => {});
      throw new TypeError(`${method} returned a Promise; a dedup store must answer synchronously`);
    }
    return answer;
  };
  return {
    claim: (key, leaseSeconds) => sync("claim", s.claim(key, leaseSeconds)),
    complete: (key) => sync("complete", s.complete(key)),
    release: (key) => sync("release", s.release(key)),
  };
}

// The factory's arguments: the options with the store adapted (the core reads
// and checks the rest) and, for a SharedState store, the core's shared state.
function receiverOptions(options) {
  if (options === undefined || options === null) return [undefined, undefined];
  if (typeof options !== "object") throw configuration(`receiver options must be an object, got ${typeName(options)}`);
  if (!("store" in options)) return [options, undefined];
  const { store, ...rest } = options;
  if (store instanceof SharedState) return [rest, SharedState.handleOf(store)];
  return [{ ...rest, store: dedupStore(store) }, undefined];
}

async function settle(promise) {
  try {
    return await promise;
  } catch (e) {
    throw toError(e);
  }
}

function credential(factory, value) {
  if (typeof value !== "string") throw configuration(`WebhookReceiver.${factory} needs a string, got ${typeName(value)}`);
  return value;
}

function wrap(fn) {
  try {
    return fn();
  } catch (e) {
    throw toError(e);
  }
}

const make = (build) => new WebhookReceiver(wrap(build));

/**
 * Issues and checks the bearer tokens SePay asks for in OAuth2 webhook mode.
 * Serve `issue(body)` at the "Access Token URL" you give SePay.
 */
export class WebhookTokenIssuer {
  #wasm;

  constructor({ clientId, clientSecret, ttlSeconds = 3600 } = {}) {
    if (typeof clientId !== "string" || typeof clientSecret !== "string") {
      throw configuration("WebhookTokenIssuer needs clientId and clientSecret strings");
    }
    this.#wasm = wrap(() => new WasmTokenIssuer(clientId, clientSecret, Number(ttlSeconds)));
  }

  /** Answers SePay's token request: `{ status, headers, body }` to send back. */
  issue(body) {
    const raw = bytes("webhook.token.issue", body);
    return wrap(() => this.#wasm.issue(raw));
  }

  /** @internal the core's issuer, for `WebhookReceiver.oauth2`. */
  static wasmOf(issuer) {
    return issuer.#wasm;
  }

  toString() {
    return this.#wasm.describe();
  }

  [INSPECT[0]]() {
    return this.toString();
  }

  [INSPECT[1]]() {
    return this.toString();
  }
}

/**
 * Receives SePay's notifications for one endpoint. Create one per endpoint
 * with the factory of its auth mode; reuse it for every request.
 */
export class WebhookReceiver {
  #wasm;

  constructor(wasm) {
    if (!(wasm instanceof WasmWebhookReceiver)) {
      throw new TypeError("use WebhookReceiver.none/apiKey/hmac/oauth2/secretKey(...)");
    }
    this.#wasm = wasm;
  }

  /**
   * No authentication (rely on an IP allowlist). Options: `encoding`
   * ("json", "form" or "multipart": what you chose in SePay), `store`,
   * `leaseSeconds`, `replayWindowSeconds`. With a `SharedState` as `store`
   * (deduplication across processes in Redis) `receive*`, `complete` and
   * `release` return Promises.
   */
  static none(options) {
    return make(() => WasmWebhookReceiver.none(...receiverOptions(options)));
  }

  /** `Authorization: Apikey <key>`; the same options as `none`. */
  static apiKey(key, options) {
    return make(() => WasmWebhookReceiver.api_key(credential("apiKey", key), ...receiverOptions(options)));
  }

  /** `X-SePay-Signature` HMAC-SHA256 within `toleranceSeconds` (default 300); JSON bodies. */
  static hmac(secret, options) {
    return make(() => WasmWebhookReceiver.hmac(credential("hmac", secret), ...receiverOptions(options)));
  }

  /** `Authorization: Bearer <token>` issued by `issuer`; replies 201; JSON bodies. */
  static oauth2(issuer, options) {
    if (!(issuer instanceof WebhookTokenIssuer)) throw configuration(`oauth2 needs a WebhookTokenIssuer, got ${typeName(issuer)}`);
    return make(() => WasmWebhookReceiver.oauth2(WebhookTokenIssuer.wasmOf(issuer), ...receiverOptions(options)));
  }

  /** `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events); JSON bodies. */
  static secretKey(secret, options) {
    return make(() => WasmWebhookReceiver.secret_key(credential("secretKey", secret), ...receiverOptions(options)));
  }

  /** The reply for an error thrown by a `receive*` method: 401 unverified, 503 store failure, else 400. */
  static errorReply(error) {
    return errorReply(error);
  }

  /** 503 "retry later": send it after `release(key)` when handling a new delivery failed. */
  static retryLaterReply() {
    return retryLaterReply();
  }

  /**
   * A made-up delivery this receiver accepts: `{ method, headers, body }` of
   * the webhook SePay would send for one transaction, in this receiver's
   * encoding and mode, for testing a handler without SePay. `transaction`
   * uses SePay's field names: `transferAmount` (required; decimal string or
   * integer), `content`, `id`, `code`, `transferType`, `transactionDate`,
   * `gateway`, `accountNumber`, `accumulated`, `subAccount`, `referenceCode`.
   * Pass it to `receive(...)` or to `fetch(url, ...)`.
   */
  testDelivery(transaction, { now } = {}) {
    if (transaction === null || typeof transaction !== "object") {
      throw invalid("webhook.test_delivery", "transaction", `must be an object, got ${typeName(transaction)}`);
    }
    const text = JSON.stringify(transaction, (_, v) => (typeof v === "bigint" ? v.toString() : v));
    const [flat, body] = wrap(() => this.#wasm.test_delivery(text, now === undefined ? NaN : Number(now)));
    const headers = {};
    for (let i = 0; i < flat.length; i += 2) headers[flat[i]] = flat[i + 1];
    return { method: "POST", headers, body };
  }

  /** A user webhook (one bank transaction). */
  receive(req) {
    const args = request("webhook.receive", req);
    if (this.#wasm.is_shared()) return this.#shared("webhook.receive", args);
    return wrap(() => this.#wasm.receive(...args));
  }

  /** A payment gateway IPN. */
  receivePgIpn(req) {
    const args = request("webhook.receive_pg_ipn", req);
    if (this.#wasm.is_shared()) return this.#shared("webhook.receive_pg_ipn", args);
    return wrap(() => this.#wasm.receive_pg_ipn(...args));
  }

  /** A Bank Hub balance-change IPN. */
  receiveBankhubIpn(req) {
    const args = request("webhook.receive_bankhub_ipn", req);
    if (this.#wasm.is_shared()) return this.#shared("webhook.receive_bankhub_ipn", args);
    return wrap(() => this.#wasm.receive_bankhub_ipn(...args));
  }

  /** A Bank Hub linking event. */
  receiveBankhubEvent(req) {
    const args = request("webhook.receive_bankhub_event", req);
    if (this.#wasm.is_shared()) return this.#shared("webhook.receive_bankhub_event", args);
    return wrap(() => this.#wasm.receive_bankhub_event(...args));
  }

  /** Marks `received.key` handled (after handling a "new" delivery): later deliveries are duplicates. */
  complete(key) {
    if (this.#wasm.is_shared()) return settle(wrap(() => this.#wasm.complete_shared(String(key))));
    wrap(() => this.#wasm.complete(String(key)));
  }

  /** Gives `received.key` up (handling failed): SePay's next retry is processed again. */
  release(key) {
    if (this.#wasm.is_shared()) return settle(wrap(() => this.#wasm.release_shared(String(key))));
    wrap(() => this.#wasm.release(String(key)));
  }

  // With the claim in Redis every outcome, a refused delivery included,
  // settles the Promise.
  #shared(kind, args) {
    try {
      return settle(this.#wasm.receive_shared(kind, ...args));
    } catch (e) {
      return Promise.reject(toError(e));
    }
  }

  toString() {
    return this.#wasm.describe();
  }

  [INSPECT[0]]() {
    return this.toString();
  }

  [INSPECT[1]]() {
    return this.toString();
  }
}

/** The reply for an error thrown by a `receive*` method: 401 unverified, 503 store failure, else 400. */
export function errorReply(error) {
  const kind = error instanceof SePayError ? error.kind : "";
  return webhookErrorReply(kind);
}

/** 503 "retry later": the reply after `release(key)` when handling a new delivery failed. */
export function retryLaterReply() {
  return webhookRetryLater();
}

/** `sha256=<hex>` HMAC-SHA256 of `"{timestamp}.{body}"`: the `X-SePay-Signature` SePay sends. */
export function hmacSignature(secret, timestamp, body) {
  const raw = bytes("webhook.hmac_signature", body);
  return wrap(() => coreHmacSignature(String(secret), Number(timestamp), raw));
}
