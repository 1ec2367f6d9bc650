// sepay-sdk/testing: a test kit for your own test suites (Node and Deno).

import type { Client, ClientOptions } from "./index.js";

/** Options of `Emulator.start`. */
export interface EmulatorOptions {
  /** The API token it accepts (default "sandbox-token"). */
  token?: string;
  /** Generated transactions (default 100). */
  transactions?: number;
  /** Generated bank accounts (default 3). */
  bankAccounts?: number;
  /** Seed of the generated dataset (default 42). */
  seed?: number;
  /** Requests per second, as SePay (default 3; 0 = off). */
  rateLimit?: number;
  /** The emulator binary (default: `SEPAY_EMULATOR_BIN`, else the `@sepay-sdk/emulator-<platform>-<arch>` package). */
  binary?: string;
}

/** A simulated transfer, as the emulator reports it. */
export interface SimulatedPayment {
  /** v1 id (also the webhook's `id`). */
  v1_id: number;
  /** v2 id. */
  v2_id: string;
  /** v1 id of the bank account. */
  bank_account_id: string;
  /** v2 id of the bank account. */
  bank_account_uuid: string;
  /** `YYYY-MM-DD HH:MM:SS`, Vietnam time. */
  transaction_date: string;
  /** In or out. */
  transfer_type: "in" | "out";
  /** Amount in VND. */
  amount: number;
  /** Balance after the transaction. */
  accumulated: number;
  /** Payment code found in the memo. */
  code: string | null;
  /** Memo. */
  content: string;
  /** Bank reference. */
  reference_number: string;
  /** Virtual account, if any. */
  sub_account: string | null;
  /** The webhook payload delivered (SePay's field names). */
  webhook: Record<string, unknown>;
  /** Ids of the webhook targets it is delivered to. */
  delivered_to: number[];
}

/** One webhook delivery attempt. */
export interface WebhookDeliveryAttempt {
  /** The target's id (from `addWebhook`). */
  target_id: number;
  /** The webhook's `id` (v1 transaction id). */
  event_id: number;
  /** 1-based attempt number (at most 8). */
  attempt: number;
  /** HTTP status (0: no response). */
  status: number;
  /** Whether SePay would count it as delivered. */
  success: boolean;
  /** Why it failed. */
  error: string | null;
  /** Milliseconds since the emulator started. */
  at_ms: number;
}

/** One API request the emulator received. */
export interface EmulatorRequest {
  /** Arrival order, from 1. */
  seq: number;
  /** HTTP method. */
  method: string;
  /** Path without the query. */
  path: string;
  /** Raw query string. */
  query: string;
  /** Status sent (0: the connection was dropped). */
  status: number;
  /** The injected fault, if any. */
  fault: string | null;
  /** Whether it carried the right token. */
  authorized: boolean;
  /** Milliseconds since the emulator started. */
  received_ms: number;
  /** Its `X-` headers and `User-Agent` (lower-case names). */
  x_headers: [string, string][];
}

/** Dataset totals of an emulator. */
export interface EmulatorStats extends Record<string, unknown> {
  /** Number of transactions. */
  transactions: number;
  /** Number of bank accounts. */
  bank_accounts: number;
}

/** A payment into a VA order, with the order after it. */
export interface VaPayment extends SimulatedPayment {
  /** The order after the payment (its `status`, `paid_amount`, ...). */
  order: Record<string, unknown>;
}

/** Options of `Emulator.addWebhook`. */
export interface WebhookTargetOptions {
  /** Authentication mode (default "none"). */
  auth?: "none" | "api_key" | "hmac" | "oauth2";
  /** The key of `api_key` mode. */
  apiKey?: string;
  /** The secret of `hmac` mode. */
  secret?: string;
  /** Your token endpoint (`oauth2` mode). */
  tokenUrl?: string;
  /** Client id sent to it. */
  clientId?: string;
  /** Client secret sent to it. */
  clientSecret?: string;
  /** Body encoding (default "json"). */
  contentType?: "json" | "form" | "multipart";
}

/** SePay emulated on `127.0.0.1` (a free port) for a test suite. */
export declare class Emulator {
  private constructor();
  /** Starts an emulator process (webhook retries wait a thousandth of SePay's schedule). */
  static start(options?: EmulatorOptions): Promise<Emulator>;
  /** `http://127.0.0.1:PORT`. */
  readonly baseUrl: string;
  /** The API token it accepts. */
  readonly token: string;
  /** The `Client` options that reach it: token, base URL, payment gateway, OAuth2 and Bank Hub credentials. */
  clientOptions(): ClientOptions;
  /** A `Client` for it; `options` are added and win. */
  client(options?: ClientOptions): Client;
  /** Dataset totals. */
  stats(): Promise<EmulatorStats>;
  /** A bank transfer of `amount` whole VND arrives; its webhook goes to every target. */
  simulatePayment(
    amount: number,
    content?: string,
    options?: { bankAccountId?: number | string; code?: string; subAccount?: string; transferType?: "in" | "out" },
  ): Promise<SimulatedPayment>;
  /** Pays into a VA order's virtual account. */
  payVa(vaNumber: string, amount: number, content?: string): Promise<VaPayment>;
  /** Registers a webhook target; resolves to its id. */
  addWebhook(url: string, options?: WebhookTargetOptions): Promise<number>;
  /** Every delivery attempt so far, after waiting up to `timeoutMs` (default 5000) for `waitFor` of them. */
  webhookDeliveries(options?: { waitFor?: number; timeoutMs?: number }): Promise<WebhookDeliveryAttempt[]>;
  /** The API requests received, in order. */
  requests(): Promise<EmulatorRequest[]>;
  /** Stops the emulator (idempotent). */
  close(): Promise<void>;
  /** `await using sepay = await Emulator.start()` stops it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void>;
}
