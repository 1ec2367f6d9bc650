// sepay-sdk/testing: a test kit for your own test suites (Node and Deno).
//
// `Emulator.start()` runs SePay's emulator (the one this SDK is tested
// against) as a child process on a free loopback port: seed accounts and
// transactions, point a Client at it, simulate incoming payments and read the
// webhook deliveries it made. The emulator is a native program from the
// platform package `@sepay-sdk/emulator-<platform>-<arch>` (a dev dependency),
// or the binary named by `binary` / `SEPAY_EMULATOR_BIN`.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import process from "node:process";

import { Client } from "./index.js";

const PLATFORM_PACKAGE = `@sepay-sdk/emulator-${process.platform}-${process.arch}`;

// Emulators still running when the process exits are stopped with it (a
// forgotten `close()` neither keeps the process alive nor leaves an orphan).
const running = new Set();
process.once("exit", () => {
  for (const child of running) child.kill("SIGTERM");
});

function emulatorBinary(explicit) {
  if (explicit) return explicit;
  if (process.env.SEPAY_EMULATOR_BIN) return process.env.SEPAY_EMULATOR_BIN;
  try {
    return createRequire(import.meta.url).resolve(`${PLATFORM_PACKAGE}/bin/sepay-sandbox`);
  } catch {
    throw new Error(
      `the SePay emulator for ${process.platform}-${process.arch} is not installed: ` +
        `npm install --save-dev ${PLATFORM_PACKAGE}, or set SEPAY_EMULATOR_BIN to a sepay-sandbox binary`,
    );
  }
}

/** Reads the first stdout line (the base URL) of a starting emulator. */
function baseUrlOf(child) {
  return new Promise((resolve, reject) => {
    let buf = "";
    const timer = setTimeout(() => fail(new Error("the SePay emulator did not start within 30 s")), 30_000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill("SIGTERM");
      reject(error);
    };
    child.once("error", fail);
    child.once("exit", (code) => fail(new Error(`the SePay emulator exited with code ${code}`)));
    child.stdout.on("data", (chunk) => {
      buf += chunk;
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.removeAllListeners("error");
      child.stdout.removeAllListeners("data");
      child.stdout.resume();
      resolve(buf.slice(0, nl).trim());
    });
  });
}

/** SePay emulated on `127.0.0.1` (a free port) for a test suite. */
export class Emulator {
  #child;
  #credentials;

  /** @internal use `Emulator.start()`. */
  constructor(child, baseUrl, credentials) {
    this.#child = child;
    this.baseUrl = baseUrl;
    this.#credentials = credentials;
  }

  /**
   * Starts an emulator. `transactions` and `bankAccounts` size the generated
   * dataset (deterministic for a `seed`); `rateLimit` is SePay's 3 requests
   * per second unless given (0 turns it off); webhook retries wait a
   * thousandth of SePay's schedule.
   */
  static async start({
    token = "sandbox-token",
    transactions = 100,
    bankAccounts = 3,
    seed = 42,
    rateLimit = 3,
    binary,
  } = {}) {
    const args = [
      "--addr", "127.0.0.1:0", "--token", String(token), "--transactions", String(transactions),
      "--bank-accounts", String(bankAccounts), "--seed", String(seed), "--rate-limit", String(rateLimit),
      "--webhook-time-scale", "0.001",
    ];
    const child = spawn(emulatorBinary(binary), args, { stdio: ["ignore", "pipe", "inherit"] });
    const baseUrl = await baseUrlOf(child);
    running.add(child);
    child.once("exit", () => running.delete(child));
    child.unref();
    child.stdout.unref?.();
    const emulator = new Emulator(child, baseUrl, null);
    emulator.#credentials = await emulator.#admin("GET", "credentials");
    return emulator;
  }

  /** The API token the emulator accepts. */
  get token() {
    return this.#credentials.token;
  }

  /**
   * The `Client` options that reach this emulator: `token`, `baseUrl` and
   * the payment gateway, OAuth2 and Bank Hub credentials it accepts.
   */
  clientOptions() {
    const c = this.#credentials;
    return {
      token: c.token,
      baseUrl: this.baseUrl,
      paymentGateway: { merchantId: c.pg_merchant_id, secretKey: c.pg_secret_key },
      ...(c.oauth_client_id
        ? { oauth: { clientId: c.oauth_client_id, clientSecret: c.oauth_client_secret, redirectUri: c.oauth_redirect_uri } }
        : {}),
      bankHub: { clientId: c.bank_hub_client_id, clientSecret: c.bank_hub_client_secret },
    };
  }

  /** A `Client` for this emulator; `options` are added and win. */
  client(options = {}) {
    return new Client({ ...this.clientOptions(), ...options });
  }

  async #admin(method, path, body) {
    if (this.#child === null) throw new Error("the emulator was closed");
    const res = await fetch(`${this.baseUrl}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      let message = text;
      try {
        message = JSON.parse(text).error ?? text;
      } catch {
        // not JSON: keep the text
      }
      throw new RangeError(`emulator ${path}: ${message} (HTTP ${res.status})`);
    }
    return text === "" ? undefined : JSON.parse(text);
  }

  /** Dataset totals: `transactions`, `bank_accounts`, sums. */
  stats() {
    return this.#admin("GET", "stats");
  }

  /**
   * A bank transfer of `amount` VND (a whole number) arrives with memo
   * `content`: it appears in the v1 and v2 lists and its webhook goes to
   * every target of `addWebhook`. Resolves to the transaction (`v1_id`,
   * `v2_id`, `code` found in the memo, the `webhook` payload, `delivered_to`).
   */
  simulatePayment(amount, content = "", { bankAccountId, code, subAccount, transferType = "in" } = {}) {
    if (!Number.isSafeInteger(Number(amount)) || typeof amount === "boolean") {
      return Promise.reject(new RangeError(`amount must be whole VND, got ${amount}`));
    }
    return this.#admin("POST", "simulate/transaction", {
      amount: Number(amount), content, bank_account_id: bankAccountId, code, sub_account: subAccount,
      transfer_type: transferType,
    });
  }

  /** Pays `amount` VND into a VA order's virtual account; resolves to the transaction and the `order`. */
  payVa(vaNumber, amount, content) {
    return this.#admin("POST", "va/pay", { va_number: vaNumber, amount, content });
  }

  /**
   * Registers a webhook target as in SePay's dashboard. `auth`: "none",
   * "api_key" (with `apiKey`), "hmac" (with `secret`) or "oauth2" (with
   * `tokenUrl`, `clientId`, `clientSecret`); `contentType`: "json", "form" or
   * "multipart". Resolves to its id.
   */
  async addWebhook(url, { auth = "none", apiKey, secret, tokenUrl, clientId, clientSecret, contentType = "json" } = {}) {
    const { id } = await this.#admin("POST", "webhooks", {
      url, auth, api_key: apiKey, secret, token_url: tokenUrl, client_id: clientId,
      client_secret: clientSecret, content_type: contentType,
    });
    return id;
  }

  /**
   * Every delivery attempt so far (`target_id`, `event_id`, `attempt`,
   * `status`, `success`, `error`), after waiting up to `timeoutMs` for at
   * least `waitFor` of them.
   */
  async webhookDeliveries({ waitFor = 0, timeoutMs = 5000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = await this.#admin("GET", "webhooks/deliveries");
      if (seen.length >= waitFor || Date.now() >= deadline) return seen;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The API requests received, in order (method, path, query, status). */
  requests() {
    return this.#admin("GET", "requests");
  }

  /** Stops the emulator (idempotent). */
  async close() {
    const child = this.#child;
    if (child === null) return;
    this.#child = null;
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }

  /** `await using sepay = await Emulator.start()` closes it at the end of the scope. */
  [Symbol.asyncDispose ?? Symbol.for("Symbol.asyncDispose")]() {
    return this.close();
  }
}
