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
  v1_id: number;
  v2_id: string;
  bank_account_id: string;
  bank_account_uuid: string;
  transaction_date: string;
  transfer_type: "in" | "out";
  amount: number;
  accumulated: number;
  code: string | null;
  content: string;
  reference_number: string;
  sub_account: string | null;
  /** The webhook payload delivered (SePay's field names). */
  webhook: Record<string, unknown>;
  /** Ids of the webhook targets it is delivered to. */
  delivered_to: number[];
}

/** One webhook delivery attempt. */
export interface WebhookDeliveryAttempt {
  target_id: number;
  event_id: number;
  attempt: number;
  /** HTTP status (0: no response). */
  status: number;
  /** Whether SePay would count it as delivered. */
  success: boolean;
  error: string | null;
  at_ms: number;
}

/** One API request the emulator received. */
export interface EmulatorRequest {
  seq: number;
  method: string;
  path: string;
  query: string;
  status: number;
  fault: string | null;
  authorized: boolean;
  received_ms: number;
  x_headers: [string, string][];
}

/** Options of `Emulator.addWebhook`. */
export interface WebhookTargetOptions {
  auth?: "none" | "api_key" | "hmac" | "oauth2";
  apiKey?: string;
  secret?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
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
  stats(): Promise<{ transactions: number; bank_accounts: number } & Record<string, unknown>>;
  /** A bank transfer of `amount` whole VND arrives; its webhook goes to every target. */
  simulatePayment(
    amount: number,
    content?: string,
    options?: { bankAccountId?: number | string; code?: string; subAccount?: string; transferType?: "in" | "out" },
  ): Promise<SimulatedPayment>;
  /** Pays into a VA order's virtual account. */
  payVa(vaNumber: string, amount: number, content?: string): Promise<SimulatedPayment & { order: Record<string, unknown> }>;
  /** Registers a webhook target; resolves to its id. */
  addWebhook(url: string, options?: WebhookTargetOptions): Promise<number>;
  /** Every delivery attempt so far, after waiting up to `timeoutMs` (default 5000) for `waitFor` of them. */
  webhookDeliveries(options?: { waitFor?: number; timeoutMs?: number }): Promise<WebhookDeliveryAttempt[]>;
  /** The API requests received, in order. */
  requests(): Promise<EmulatorRequest[]>;
  /** Stops the emulator (idempotent). */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}
