// Receiving SePay's notifications, framework-agnostic: hand over the method,
// the headers and the raw body; get the verified event, whether it is a
// duplicate, and the exact reply to send. Verification, parsing, deduplication
// and the choice of reply are the core's (see src/webhook.rs).

import {
  hmacSignature as coreHmacSignature,
  webhookErrorReply,
  WasmTokenIssuer,
  WasmWebhookReceiver,
} from "./pkg/sepay_wasm.js";
import { ConfigurationError, SePayError, toError, ValidationError } from "./errors.js";

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

function store(options) {
  const s = options?.store;
  if (s === undefined || s === null) return undefined;
  if (typeof s.insertIfNew !== "function" || typeof s.forget !== "function") {
    throw configuration("a dedup store needs insertIfNew(key) and forget(key) methods");
  }
  return s;
}

function wrap(fn) {
  try {
    return fn();
  } catch (e) {
    throw toError(e);
  }
}

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
    this.#wasm = wrap(() => new WasmTokenIssuer(clientId, clientSecret, ttlSeconds));
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

  /** No authentication (rely on an IP allowlist). */
  static none(options) {
    return new WebhookReceiver(WasmWebhookReceiver.none(store(options)));
  }

  /** `Authorization: Apikey <key>`. */
  static apiKey(key, options) {
    return new WebhookReceiver(wrap(() => WasmWebhookReceiver.api_key(String(key), store(options))));
  }

  /** `X-SePay-Signature` HMAC-SHA256 within `toleranceSeconds` (default 300). */
  static hmac(secret, options) {
    const tolerance = options?.toleranceSeconds;
    return new WebhookReceiver(wrap(() => WasmWebhookReceiver.hmac(String(secret), tolerance ?? undefined, store(options))));
  }

  /** `Authorization: Bearer <token>` issued by `issuer`; replies 201. */
  static oauth2(issuer, options) {
    if (!(issuer instanceof WebhookTokenIssuer)) throw configuration(`oauth2 needs a WebhookTokenIssuer, got ${typeName(issuer)}`);
    return new WebhookReceiver(WasmWebhookReceiver.oauth2(WebhookTokenIssuer.wasmOf(issuer), store(options)));
  }

  /** `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events). */
  static secretKey(secret, options) {
    return new WebhookReceiver(WasmWebhookReceiver.secret_key(String(secret), store(options)));
  }

  /** The reply for an error thrown by a `receive*` method: 401 if unverified, else 400. */
  static errorReply(error) {
    return errorReply(error);
  }

  /** A user webhook (one bank transaction). */
  receive(req) {
    const args = request("webhook.receive", req);
    return wrap(() => this.#wasm.receive(...args));
  }

  /** A payment gateway IPN. */
  receivePgIpn(req) {
    const args = request("webhook.receive_pg_ipn", req);
    return wrap(() => this.#wasm.receive_pg_ipn(...args));
  }

  /** A Bank Hub balance-change IPN. */
  receiveBankhubIpn(req) {
    const args = request("webhook.receive_bankhub_ipn", req);
    return wrap(() => this.#wasm.receive_bankhub_ipn(...args));
  }

  /** A Bank Hub linking event. */
  receiveBankhubEvent(req) {
    const args = request("webhook.receive_bankhub_event", req);
    return wrap(() => this.#wasm.receive_bankhub_event(...args));
  }

  /** Forgets a received key (`result.key`) so SePay's redelivery is processed again. */
  forget(key) {
    wrap(() => this.#wasm.forget(String(key)));
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

/** The reply for an error thrown by a `receive*` method: 401 if unverified, else 400. */
export function errorReply(error) {
  const kind = error instanceof SePayError ? error.kind : "";
  return webhookErrorReply(kind);
}

/** `sha256=<hex>` HMAC-SHA256 of `"{timestamp}.{body}"`: the `X-SePay-Signature` SePay sends. */
export function hmacSignature(secret, timestamp, body) {
  const raw = bytes("webhook.hmac_signature", body);
  return wrap(() => coreHmacSignature(String(secret), Number(timestamp), raw));
}
