// Types of VA orders (v1 BIDV and v2), OAuth2 and Bank Hub: options and the
// hand-written APIs (the models are generated into index.d.ts). Compiled by the
// tests against what the core returned.

import type {
  AmountInput, LinkPurpose, Page, VaOrder,
} from "./index.js";

// ---------------------------------------------------------------- VA orders

/** The bank behind the account (as v2's `bankShortName` names it); rules differ per bank. */
export type OrderBank = "BIDV" | "Vietcombank" | "Sacombank";

/** Paging of an order list. */
export interface VaOrderListOptions {
  /** Page number (from 1; v2). */
  page?: number | null;
  /** Page size (1–100; v2). */
  perPage?: number | null;
}

/** A new order, or a VA added to one. The bank's rules are checked before sending. */
export interface VaOrderCreateOptions {
  /** The account's bank (v1: always BIDV, the default; v2: required). */
  bank?: OrderBank | null;
  /** Your order code: letters and digits, 6–50 (Vietcombank 6–15); generated when absent. */
  orderCode?: string | null;
  /** Whole dong, at most 12 digits; required except for BIDV (absent: any amount). */
  amount?: AmountInput | null;
  /** BIDV only: name shown for the VA, `A–Z 0–9` and spaces. */
  vaHolderName?: string | null;
  /** VA validity in seconds. */
  duration?: number | null;
  /** Ask for a QR image (`qrCode`) in the answer. */
  withQrcode?: boolean | null;
  /** QR style. */
  qrcodeTemplate?: "compact" | "qronly" | null;
  /** Vietcombank: the raw terminal id (digits, from `v2.terminals.list`); required. */
  tid?: string | null;
  /** Sacombank: the VA prefix, e.g. `SEP200001WEB`; required. */
  vaPrefix?: string | null;
}

/** v2 orders need the bank. */
export type V2VaOrderCreateOptions = VaOrderCreateOptions & {
  /** The bank whose rules apply (BIDV, Vietcombank, Sacombank). */
  bank: OrderBank;
};

/** VA orders of a bank account (`bankAccountId`: the v1 numeric id, or the v2 UUID). */
export interface VaOrdersApi<Create extends VaOrderCreateOptions = VaOrderCreateOptions> {
  /** The account's orders, newest first (v1: all of them in one page). */
  list(bankAccountId: string, options?: VaOrderListOptions): Promise<Page<VaOrder>>;
  /** Creates an order. @throws {ValidationError} (`status` null) when a bank rule is broken; nothing is sent. */
  create(bankAccountId: string, options: Create): Promise<VaOrder>;
  /** One order. */
  get(bankAccountId: string, orderId: string): Promise<VaOrder>;
  /** Cancels a `Pending` order (its unpaid VAs too). @throws {ValidationError} 422 `invalid_state` otherwise. */
  cancel(bankAccountId: string, orderId: string): Promise<void>;
  /** Adds a VA to a `Pending` / `Partially` order; resolves to the updated order. */
  addVa(bankAccountId: string, orderId: string, options: Create): Promise<VaOrder>;
  /** Cancels one `Unpaid` VA of an order. */
  cancelVa(bankAccountId: string, orderId: string, vaNumber: string): Promise<void>;
}

// ---------------------------------------------------------------- OAuth2

/** Scopes SePay documents. */
export type OAuthScope =
  | "profile"
  | "company"
  | "bank-account:read"
  | "transaction:read"
  | "webhook:read"
  | "webhook:write"
  | "webhook:delete";

/** The app's OAuth2 credentials (issued by SePay). The secret is never printed. */
export interface OAuthCredentials {
  /** Client id. */
  clientId: string;
  /** Client secret. */
  clientSecret: string;
  /** The redirect URI registered with SePay. */
  redirectUri: string;
}

/** Tokens as a store gives them back (e.g. `JSON.parse` of what it saved). */
export interface OAuthTokensInit {
  /** The access token. */
  accessToken: string;
  /** The refresh token, when SePay issued one. */
  refreshToken?: string | null;
  /** When the access token expires (Unix seconds). */
  expiresAt?: number | null;
  /** The granted scopes, space-separated. */
  scope?: string | null;
}

/**
 * The tokens of one SePay user. Printing them (`toString`, `console.log`,
 * inspection) masks both tokens; `JSON.stringify` keeps them, for stores.
 */
export declare class OAuthTokens {
  constructor(init: OAuthTokensInit);
  /** The access token (a JWT, about an hour). */
  accessToken: string;
  /** The refresh token, rotated on every refresh, if SePay sent one. */
  refreshToken: string | null;
  /** Unix seconds when the access token expires. */
  expiresAt: number | null;
  /** Granted scopes, space-separated. */
  scope: string | null;
  /** The plain fields, secrets included. */
  toJSON(): Required<OAuthTokensInit>;
  /** A description with both tokens masked. */
  toString(): string;
}

/**
 * Where a user's tokens live between runs (a database row, a file...). Both
 * methods are synchronous (`load` is called once by `new Client` to check).
 * `save` is called after the code exchange and after every refresh (SePay
 * rotates the refresh token, so persist each one).
 */
export interface TokenStore {
  /** The stored tokens, or `null` before the first exchange. What it throws reaches the caller as a `StoreError`. */
  load(): OAuthTokensInit | null;
  /**
   * Persists new tokens. What it throws reaches the caller as a `StoreError`;
   * the client keeps the rotated tokens in memory and saves them again on the next call.
   */
  save(tokens: OAuthTokens): void;
}

/** The default store: tokens in memory, lost with the process. */
export declare class MemoryTokenStore implements TokenStore {
  load(): OAuthTokens | null;
  save(tokens: OAuthTokensInit): void;
}

/** `company()`: SePay does not document its shape, so its keys are as sent (camelCased). */
export type OAuthCompany = { [key: string]: unknown };

// ---------------------------------------------------------------- Bank Hub

/** Bank Hub merchant credentials (client id and secret from SePay). The secret is never printed. */
export interface BankHubCredentials {
  /** Bank Hub client id. */
  clientId: string;
  /** Bank Hub client secret. */
  clientSecret: string;
}

/** `linkTokens.create`. */
export interface LinkTokenCreateOptions {
  /** The company the link session is for. */
  companyXid: string;
  /** Link or unlink a bank account. */
  purpose: LinkPurpose;
  /** Where the WebView goes at the end. */
  completionRedirectUri?: string | null;
  /** The account to unlink (`UNLINK_BANK_ACCOUNT`). */
  bankAccountXid?: string | null;
}

/** `companies.create`. */
export interface CompanyCreateOptions {
  /** The company's registered name. */
  fullName: string;
  /** Its state at creation. */
  status: "Active" | "Pending";
}

/** `companies.counter`. */
export interface CompanyCounterOptions {
  /** One day only, `YYYY-MM-DD`. */
  date?: string | null;
}

/** `merchantConfig.update`. */
export interface MerchantConfigUpdateOptions {
  /** Memo keywords a transaction must contain to be kept. */
  transactionWhitelistRemarkKeywords: string[];
}

/** `webhook.set`. */
export interface BankHubWebhookSetOptions {
  /** Where Bank Hub posts its events. */
  webhookUrl: string;
  /** Sent back as `X-Secret-Key` with every event. */
  secretKey: string;
  /** Default `["*"]` (all). */
  allowEvents?: string[] | null;
  /** Default true. */
  active?: boolean | null;
}
