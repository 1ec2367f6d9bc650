// Type declarations of sepay-sdk. The models and the client's operations are
// generated from the Rust core (tools/codegen; the test command fails when they
// are stale); options and values are written by hand, and the package's tests
// compile these declarations against objects the core really returned and
// against the option names the core accepts, so they cannot drift.

import type {
  BankHubCredentials, BankHubWebhookSetOptions, CompanyCounterOptions, CompanyCreateOptions,
  LinkTokenCreateOptions, MerchantConfigUpdateOptions, OAuthCompany, OAuthCredentials, OAuthScope,
  OAuthTokens, TokenStore, V2VaOrderCreateOptions, VaOrdersApi,
} from "./accounts.js";

export * from "./accounts.js";

// ---------------------------------------------------------------- values

/**
 * An exact amount of Vietnamese dong as a decimal string, as precise as SePay
 * sent it: `"19689000.00"` (v1), `"50000"` (v2). Never a binary float; parse
 * with a decimal library, or `BigInt(amount.split(".")[0])` for whole dong.
 */
export type Amount = string;

/**
 * A time as an ISO 8601 / RFC 3339 string with SePay's `+07:00` offset
 * (Vietnam time), e.g. `"2023-05-04T11:59:47+07:00"`. `new Date(s)` reads it.
 */
export type DateTimeString = string;

/** Money given as a filter: a decimal string, a number, or a bigint. */
export type AmountInput = string | number | bigint;

/**
 * A date filter: a `Date`, a day `"YYYY-MM-DD"`, Vietnam wall-clock time
 * `"YYYY-MM-DD HH:MM:SS"`, or an ISO 8601 time with an offset.
 */
export type DateInput = string | Date;

// ---------------------------------------------------------------- models

// --- generated from the core's model structs by tools/codegen: do not edit ---

/** What a link token is for. */
export type LinkPurpose = "LINK_BANK_ACCOUNT" | "UNLINK_BANK_ACCOUNT";

/** Which transactions a webhook fires for. */
export type WebhookEventType = "All" | "In_only" | "Out_only";

/** How SePay authenticates to the webhook URL. */
export type WebhookAuthType = "Api_Key" | "OAuth2.0" | "HMAC_SHA256" | "No_Authen";

/** Transfer to a bank account or to a card number (`"account"`, `"card"`). */
export type VietQrService = "account" | "card";

/** Order state: `Pending → Partially (BIDV) → Paid`, or `Cancelled`. */
export type VaOrderStatus = "Pending" | "Partially" | "Paid" | "Cancelled";

/** State of one virtual account of an order. */
export type VaStatus = "Unpaid" | "Paid" | "Cancelled";

/** Direction of a transaction. */
export type TransferType = "in" | "out";

/** Sort direction. */
export type SortOrder = "asc" | "desc";

/** Direction in a Bank Hub IPN (`credit`/`debit`, unlike `in`/`out` elsewhere). */
export type BankHubTransferType = "credit" | "debit";

/** The 13 documented linking lifecycle events. */
export type BankHubEventName =
  | "LINK_TOKEN_CREATED"
  | "LINK_TOKEN_REVOKED"
  | "LINK_TOKEN_EXPIRED"
  | "LINK_SESSION_INITIALIZED"
  | "LINK_SESSION_REINITIALIZED"
  | "LINK_SESSION_STATE_CHANGED"
  | "LINK_SESSION_COMPLETED"
  | "LINK_SESSION_FAILED"
  | "LINK_SESSION_ABANDONED"
  | "LINK_SESSION_EXPIRED"
  | "BANK_ACCOUNT_LINKED"
  | "BANK_ACCOUNT_UNLINKED"
  | "BANK_ACCOUNT_INACTIVATED";

/** What happened. */
export type PgNotificationType = "ORDER_PAID" | "RENEWAL_ORDER_PAID" | "TRANSACTION_VOID";

/** A hosted bank-linking session to open in a WebView (`link-token/create`). */
export interface LinkToken {
  /** Link token id. */
  xid: string;
  /** The page to embed. */
  hostedLinkUrl: string;
  /** The token (UUID). */
  linkToken: string;
  /** Expiry (+07:00). */
  expiresAt: DateTimeString | null;
}

/** A link token's state (`link-token/get`). */
export interface LinkTokenInfo {
  /** Link token id. */
  xid: string;
  /** Purpose. */
  purpose: LinkPurpose;
  /** e.g. `Active`. */
  status: string;
  /** Where the WebView goes at the end. */
  completionRedirectUri: string | null;
  /** Sessions started with it. */
  sessionCount: number;
  /** Expiry. */
  expiresAt: DateTimeString | null;
  /** Sessions, each with its `state` (e.g. `PENDING`) and `status`. */
  sessions: LinkSession[];
}

/** One linking session. */
export interface LinkSession {
  /** Session id. */
  xid: string;
  /** e.g. `PENDING`. */
  state: string;
  /** Status text. */
  status: string | null;
  /** Finished at. */
  finishedAt: DateTimeString | null;
}

/** A company (an end customer of the platform). */
export interface Company {
  /** Company id. */
  xid: string;
  /** Name. */
  fullName: string;
  /** `Active` / `Pending`. */
  status: string;
  /** Active. */
  active: boolean;
  /** Created. */
  createdAt: DateTimeString | null;
  /** Updated. */
  updatedAt: DateTimeString | null;
}

/** A company's payment-code configuration (`configuration` in its details). */
export interface CompanyConfiguration {
  /** Payment-code recognition, `on` / `off`. */
  paymentCode: string;
  /** Payment-code prefix (2–5 letters). */
  paymentCodePrefix: string | null;
  /** Shortest suffix. */
  paymentCodeSuffixFrom: number;
  /** Longest suffix. */
  paymentCodeSuffixTo: number;
  /** `NumberOnly` / `NumberAndLetter`. */
  paymentCodeSuffixCharacterType: string;
  /** How long SePay keeps the company's data, as sent (meaning UNVERIFIED). */
  dataStorageTime: string | null;
  /** Transaction amount setting, as sent (meaning UNVERIFIED). */
  transactionAmount: string | null;
}

/** Transaction counts of one day. */
export interface CounterDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** All transactions. */
  transaction: number;
  /** Money in. */
  transactionIn: number;
  /** Money out. */
  transactionOut: number;
}

/** Counts totals. */
export interface CounterTotal {
  /** All transactions. */
  transaction: number;
  /** Money in. */
  transactionIn: number;
  /** Money out. */
  transactionOut: number;
}

/** `company/counter/{xid}`. */
export interface CompanyCounter {
  /** Per day. */
  dates: CounterDay[];
  /** Totals. */
  total: CounterTotal;
}

/** A linked bank account. */
export interface BankHubBankAccount {
  /** Account id. */
  xid: string;
  /** Owning company. */
  companyXid: string | null;
  /** Bank brand. */
  brandName: string;
  /** Holder. */
  accountHolderName: string;
  /** Number. */
  accountNumber: string;
  /** Balance (a decimal string on the wire). */
  accumulated: Amount;
  /** e.g. `individual`. */
  accountType: string | null;
  /** Bank API connected. */
  bankApiConnected: boolean;
  /** Active. */
  active: boolean;
  /** Last transaction. */
  lastTransaction: DateTimeString | null;
}

/** A Bank Hub transaction. */
export interface BankHubTransaction {
  /** Id. */
  transactionId: string;
  /** When (+07:00). */
  transactionDate: DateTimeString | null;
  /** Bank account id. */
  bankAccountXid: string | null;
  /** Company id. */
  companyXid: string | null;
  /** Bank brand. */
  brandName: string;
  /** Account number. */
  accountNumber: string;
  /** Virtual account, if any. */
  va: string | null;
  /** Bank reference. */
  referenceNumber: string | null;
  /** In or out. */
  transferType: TransferType;
  /** Amount. */
  amount: Amount;
  /** Memo. */
  transactionContent: string;
  /** Payment code, if recognised. */
  paymentCode: string | null;
}

/** Merchant configuration. */
export interface MerchantConfig {
  /** Only transactions whose memo contains one of these are kept. */
  transactionWhitelistRemarkKeywords: string[];
  /** Logo shown in the hosted link page. */
  logoUrl: string | null;
}

/** The merchant's one webhook. */
export interface BankHubWebhook {
  /** Target. */
  webhookUrl: string;
  /** `SECRET_KEY`. */
  authType: string;
  /** e.g. `application/json`. */
  requestContentType: string;
  /** Active. */
  active: boolean;
  /** Events delivered (`["*"]` = all). */
  allowEvents: string[];
}

/** The authorizing user (`GET /me`). */
export interface Me {
  /** User id. */
  id: string;
  /** First name. */
  firstName: string | null;
  /** Last name. */
  lastName: string | null;
  /** Email. */
  email: string | null;
  /** Phone. */
  phone: string | null;
  /** Avatar URL. */
  avatar: string | null;
}

/** The bank of an account. */
export interface OAuthBank {
  /** e.g. `Vietcombank`. */
  shortName: string;
  /** Full name. */
  fullName: string;
  /** e.g. `VCB`. */
  code: string;
  /** NAPAS BIN, e.g. `970436`. */
  bin: string;
  /** Icon URL. */
  iconUrl: string | null;
  /** Logo URL. */
  logoUrl: string | null;
}

/** A bank account seen through OAuth2. */
export interface OAuthBankAccount {
  /** Id. */
  id: string;
  /** Label. */
  label: string;
  /** Holder name. */
  accountHolderName: string;
  /** Account number. */
  accountNumber: string;
  /** Balance. */
  accumulated: Amount;
  /** Active. */
  active: boolean;
  /** Created. */
  createdAt: DateTimeString | null;
  /** Bank. */
  bank: OAuthBank | null;
}

/** A webhook registered in SePay. */
export interface Webhook {
  /** Id. */
  id: string;
  /** Bank account it watches. */
  bankAccountId: string;
  /** Name. */
  name: string;
  /** Which transactions. */
  eventType: WebhookEventType;
  /** Authentication mode. */
  authenType: WebhookAuthType;
  /** Target URL. */
  webhookUrl: string;
  /** Only verified payments. */
  isVerifyPayment: boolean;
  /** Skip transactions without a payment code. */
  skipIfNoCode: boolean;
  /** Only virtual-account transactions. */
  onlyVa: boolean;
  /** Active. */
  active: boolean;
  /** Body format, e.g. `Json`. */
  requestContentType: string;
  /** Sub-accounts it is limited to. */
  bankSubAccountIds: unknown[];
  /** Created. */
  createdAt: DateTimeString | null;
}

/**
 * A sub-account (VA) of a bank account. SePay does not document this object;
 * fields beyond `id` are read when present.
 */
export interface OAuthSubAccount {
  /** Id. */
  id: string;
  /** Sub-account number. */
  accountNumber: string | null;
  /** Label. */
  label: string | null;
}

/**
 * A transaction seen through OAuth2 (field names as in User API v1; the
 * OAuth2 response body is not documented beyond its filters — UNVERIFIED).
 */
export interface OAuthTransaction {
  /** Id. */
  id: string;
  /** When (+07:00). */
  transactionDate: DateTimeString | null;
  /** Account number. */
  accountNumber: string;
  /** Money in. */
  amountIn: Amount;
  /** Money out. */
  amountOut: Amount;
  /** Balance after. */
  accumulated: Amount;
  /** Memo. */
  transactionContent: string;
  /** Bank reference. */
  referenceNumber: string | null;
  /** Payment code. */
  code: string | null;
  /** Bank account id. */
  bankAccountId: string | null;
}

/** SePay's page metadata (`meta.pagination`). */
export interface Pagination {
  /** Items matching in total. */
  total: number;
  /** Page size. */
  perPage: number;
  /** This page's number (1-based). */
  currentPage: number;
  /** Number of the last page. */
  lastPage: number;
  /** Whether a later page exists (computed from the page numbers when absent). */
  hasMore: boolean | null;
}

/** A payment gateway order. */
export interface PgOrder {
  /** SePay's internal id. */
  id: string;
  /** Your customer id, if given at checkout. */
  customerId: string | null;
  /** SePay's order code, e.g. `SEPAY-68B01673A77FF`. */
  orderId: string;
  /** Your invoice number. */
  orderInvoiceNumber: string;
  /** `CAPTURED` (paid), `CANCELLED`, `AUTHENTICATION_NOT_NEEDED` (awaiting payment), ... */
  orderStatus: string;
  /** Amount. */
  orderAmount: Amount;
  /** `VND`. */
  orderCurrency: string;
  /** Description. */
  orderDescription: string;
  /** 3-D Secure result, if any. */
  authenticationStatus: string | null;
  /** Created (+07:00). */
  createdAt: DateTimeString | null;
  /** Last changed (+07:00). */
  updatedAt: DateTimeString | null;
  /** Payment attempts. */
  transactions: PgTransaction[];
}

/** One payment attempt of an order. */
export interface PgTransaction {
  /** Id. */
  id: string;
  /** `CARD`, `BANK_TRANSFER`, `NAPAS_BANK_TRANSFER`. */
  paymentMethod: string;
  /** e.g. `PAYMENT`. */
  transactionType: string;
  /** Amount. */
  transactionAmount: Amount;
  /** `VND`. */
  transactionCurrency: string;
  /** e.g. `APPROVED`. */
  transactionStatus: string;
  /** 3-D Secure result. */
  authenticationStatus: string | null;
  /** Masked card number. */
  cardNumber: string | null;
  /** Card holder. */
  cardHolderName: string | null;
  /** Card brand. */
  cardBrand: string | null;
  /** When (+07:00). */
  transactionDate: DateTimeString | null;
}

/** What a VietQR code asks the payer's bank to do. */
export interface VietQr {
  /** The receiving bank's 6-digit NAPAS BIN, e.g. `970436` (Vietcombank). */
  bankBin: string;
  /** Account (or card) number. */
  account: string;
  /** Whole dong; `None` makes a static QR where the payer types the amount. */
  amount: Amount | null;
  /**
   * Transfer memo (printable ASCII, at most 99 characters); put the payment
   * code here so SePay recognises the payment.
   */
  memo: string | null;
  /** Account or card. */
  service: VietQrService;
}

/** A VA order. */
export interface VaOrder {
  /** Order id (UUID). */
  id: string;
  /** Your order code (alphanumeric), or SePay's generated one. */
  orderCode: string;
  /** Amount due; `None` accepts any amount (BIDV). */
  amount: Amount | null;
  /** Amount received so far. */
  paidAmount: Amount | null;
  /** State. */
  status: VaOrderStatus;
  /** The (first) VA number to pay into. */
  vaNumber: string | null;
  /** Name shown for the VA. */
  vaHolderName: string | null;
  /** Bank, e.g. `BIDV`. */
  bankName: string;
  /** Holder of the underlying account. */
  accountHolderName: string | null;
  /** The underlying account number. */
  accountNumber: string | null;
  /** When the VA stops accepting payment. */
  expiredAt: DateTimeString | null;
  /** Created. */
  createdAt: DateTimeString | null;
  /** QR image as a data URL, when requested. */
  qrCode: string | null;
  /** QR image URL, when requested. */
  qrCodeUrl: string | null;
  /** Every VA of the order, when SePay lists them. */
  virtualAccounts: OrderVa[];
}

/** One virtual account of an order. */
export interface OrderVa {
  /** VA number. */
  vaNumber: string;
  /** Amount this VA accepts; `None` = any. */
  amount: Amount | null;
  /** Amount received. */
  paidAmount: Amount | null;
  /** State. */
  status: VaStatus;
  /** Name shown for the VA. */
  vaHolderName: string | null;
  /** Expiry. */
  expiredAt: DateTimeString | null;
}

/** A bank transaction as User API v1 reports it. */
export interface V1Transaction {
  /** SePay's transaction id (numeric, kept as text). */
  id: string;
  /** Bank brand, e.g. `Vietcombank`. */
  bankBrandName: string;
  /** Account number the transaction belongs to. */
  accountNumber: string;
  /** When the bank booked it (+07:00). */
  transactionDate: DateTimeString;
  /** Money in. */
  amountIn: Amount;
  /** Money out. */
  amountOut: Amount;
  /** Balance after the transaction (0 when the bank does not report it). */
  accumulated: Amount;
  /** Transfer memo. */
  transactionContent: string;
  /** Bank reference number. */
  referenceNumber: string | null;
  /** Payment code SePay recognised in the memo. */
  code: string | null;
  /** Sub-account / virtual account number. */
  subAccount: string | null;
  /** SePay's id of the bank account. */
  bankAccountId: string;
}

/** A bank account as User API v1 reports it. */
export interface V1BankAccount {
  /** SePay's bank account id (numeric, kept as text). */
  id: string;
  /** Holder name. */
  accountHolderName: string;
  /** Account number. */
  accountNumber: string;
  /** Current balance as SePay knows it. */
  accumulated: Amount;
  /** Time of the last transaction, if any. */
  lastTransaction: DateTimeString | null;
  /** Label given in SePay (may be empty). */
  label: string;
  /** Whether the account is active (`"1"` on the wire). */
  active: boolean;
  /** When the account was added to SePay. */
  createdAt: DateTimeString | null;
  /** Bank short name, e.g. `VietinBank`. */
  bankShortName: string;
  /** Bank full name. */
  bankFullName: string;
  /** Bank BIN (NAPAS), e.g. `970415`. */
  bankBin: string;
  /** Bank code, e.g. `ICB`. */
  bankCode: string;
}

/** A bank transaction as User API v2 reports it. */
export interface V2Transaction {
  /** Transaction id (UUID). */
  id: string;
  /** When the bank booked it (+07:00). */
  transactionDate: DateTimeString;
  /** Account number. */
  accountNumber: string;
  /** Virtual account number, if the money came through one. */
  va: string | null;
  /** In or out. */
  transferType: TransferType;
  /** Money in. */
  amountIn: Amount;
  /** Money out. */
  amountOut: Amount;
  /** Balance after the transaction (0 when unknown). */
  accumulated: Amount;
  /** Transfer memo. */
  transactionContent: string;
  /** Bank reference number. */
  referenceNumber: string | null;
  /** Payment code recognised in the memo. */
  code: string | null;
  /** Bank brand, e.g. `ACB`. */
  bankBrandName: string;
  /** Bank account id (UUID). */
  bankAccountId: string;
  /** Virtual account id (UUID), if any. */
  vaId: string | null;
  /** Webhook delivery result as SePay reports it (documented 0/1, seen 8). */
  webhookSuccess: number;
}

/** A bank account as User API v2 reports it. */
export interface V2BankAccount {
  /** Bank account id (UUID). */
  id: string;
  /** Holder name. */
  accountHolderName: string;
  /** Account number. */
  accountNumber: string;
  /** Current balance as SePay knows it. */
  accumulated: Amount;
  /** Time of the last transaction, if any. */
  lastTransaction: DateTimeString | null;
  /** Label (may be empty). */
  label: string;
  /** Account type as SePay names it, e.g. `personal`. */
  accountType: string | null;
  /** Whether the account is active. */
  active: boolean;
  /** When it was added to SePay. */
  createdAt: DateTimeString | null;
  /** Bank short name, e.g. `ACB`. */
  bankShortName: string;
  /** Bank full name. */
  bankFullName: string;
  /** Bank BIN. */
  bankBin: string;
  /** Bank code. */
  bankCode: string;
}

/** A virtual account (VA) under a bank account. */
export interface V2VirtualAccount {
  /** VA id (UUID). */
  id: string;
  /** VA number. */
  va: string;
  /** Holder name shown for the VA. */
  subHolderName: string | null;
  /** Label. */
  label: string;
  /** Whether the VA is active. */
  active: boolean;
  /** Official bank VA (true) or SePay's virtual one (false). */
  official: boolean;
  /** Static VA (true) or per-order (false). */
  static: boolean;
  /** Parent bank account id (UUID). */
  bankAccountId: string;
  /** Created. */
  createdAt: DateTimeString | null;
  /** Last changed. */
  updatedAt: DateTimeString | null;
}

/**
 * A Vietcombank terminal (its `tid` is needed to create VCB orders).
 * SePay does not document this object; only `tid` is relied upon.
 */
export interface Terminal {
  /** SePay's id of the terminal, if sent. */
  id: string | null;
  /** The raw VCB terminal id, e.g. `20933557`. */
  tid: string;
  /** Display name, if sent. */
  name: string | null;
}

/** A Bank Hub balance-change IPN. */
export interface BankHubIpn {
  /** Bank brand. */
  gateway: string;
  /** When (+07:00). */
  transactionDate: DateTimeString;
  /** Account number. */
  accountNumber: string;
  /** Bank account xid. */
  bankAccountXid: string | null;
  /** Virtual account, if any. */
  va: string | null;
  /** Payment code recognised, if any. */
  paymentCode: string | null;
  /** Memo. */
  content: string;
  /** Credit or debit. */
  transferType: BankHubTransferType;
  /** Amount. */
  amount: Amount;
  /** Bank reference. */
  referenceCode: string | null;
  /** Balance after (SePay: "currently not supported, default 0"). */
  accumulated: Amount;
  /** Transaction id; the deduplication key. */
  transactionId: string;
}

/** A Bank Hub webhook event. */
export interface BankHubEvent {
  /** Unix seconds. */
  timestamp: number;
  /** Event id; the deduplication key. */
  xid: string;
  /** Envelope version, e.g. `1.0`. */
  version: string;
  /** What happened. */
  event: BankHubEventName;
  /** Event details. */
  metadata: BankHubEventMetadata;
}

/** Details of a Bank Hub event (fields present depend on the event). */
export interface BankHubEventMetadata {
  /** `LINK_BANK_ACCOUNT` / `UNLINK_BANK_ACCOUNT`. */
  purpose: string | null;
  /** Link token xid. */
  linkTokenXid: string | null;
  /** Link session xid. */
  linkSessionXid: string | null;
  /** Bank account xid. */
  bankAccountXid: string | null;
}

/** One bank transaction as a user webhook reports it. */
export interface WebhookEvent {
  /** SePay's transaction id; the key for deduplication. */
  id: string;
  /** Bank brand, e.g. `Vietcombank`. */
  gateway: string;
  /** Bank-side time (+07:00). */
  transactionDate: DateTimeString;
  /** Account number. */
  accountNumber: string;
  /** Payment code SePay recognised in the memo. */
  code: string | null;
  /** Transfer memo. */
  content: string;
  /** In or out. */
  transferType: TransferType;
  /** Amount transferred. */
  transferAmount: Amount;
  /** Balance after the transaction (0 when unknown). */
  accumulated: Amount;
  /** Sub-account / virtual account number. */
  subAccount: string | null;
  /** Bank reference. */
  referenceCode: string | null;
  /** Full bank notification text. */
  description: string;
}

/** A payment gateway IPN. */
export interface PgIpn {
  /** Unix seconds when SePay sent it. */
  timestamp: number;
  /** What happened. */
  notificationType: PgNotificationType;
  /** The order. */
  order: PgIpnOrder;
  /** The payment transaction. */
  transaction: PgIpnTransaction;
  /** The customer object as raw JSON (shape not documented), if sent. */
  customer: string | null;
}

/** The order inside a PG IPN. */
export interface PgIpnOrder {
  /** SePay's order id. */
  id: string;
  /** SePay's order code, e.g. `NPSETVI00101000042R`. */
  orderId: string | null;
  /** e.g. `CAPTURED`. */
  orderStatus: string;
  /** `VND`. */
  orderCurrency: string;
  /** Order amount. */
  orderAmount: Amount;
  /** The merchant's invoice number. */
  orderInvoiceNumber: string;
  /** Description. */
  orderDescription: string;
  /** `custom_data` as raw JSON text. */
  customData: string | null;
}

/** The transaction inside a PG IPN. */
export interface PgIpnTransaction {
  /** SePay's transaction id. */
  id: string;
  /** `CARD`, `BANK_TRANSFER`, `NAPAS_BANK_TRANSFER`. */
  paymentMethod: string;
  /** Gateway transaction id. */
  transactionId: string | null;
  /** e.g. `PAYMENT`. */
  transactionType: string;
  /** When (+07:00). */
  transactionDate: DateTimeString | null;
  /** e.g. `APPROVED`. */
  transactionStatus: string;
  /** Amount. */
  transactionAmount: Amount;
  /** `VND`. */
  transactionCurrency: string;
  /** 3-D Secure result. */
  authenticationStatus: string | null;
  /** Masked card number. */
  cardNumber: string | null;
  /** Card holder. */
  cardHolderName: string | null;
  /** Card expiry as sent. */
  cardExpiry: string | null;
  /** `CREDIT` / `DEBIT`. */
  cardFundingMethod: string | null;
  /** `VISA`, `MASTERCARD`, ... */
  cardBrand: string | null;
}

/** Filters of `GET transactions/list`. Every field is optional. */
export interface V1TransactionListOptions {
  /** Only this account number. */
  accountNumber?: string | null;
  /** Booked at or after (a day, or an exact time). */
  transactionDateMin?: DateInput | null;
  /** Booked at or before. */
  transactionDateMax?: DateInput | null;
  /** Only ids greater than or equal to this one. */
  sinceId?: number | bigint | null;
  /** At most this many (1–5000; SePay's default is 5000). */
  limit?: number | null;
  /** Exact bank reference number. */
  referenceNumber?: string | null;
  /** Exact money-in amount. */
  amountIn?: AmountInput | null;
  /** Exact money-out amount. */
  amountOut?: AmountInput | null;
}

/** Filters of `GET transactions/count` (v1 counts support fewer filters than lists). */
export interface V1TransactionCountOptions {
  /** Only this account number. */
  accountNumber?: string | null;
  /** Booked at or after. */
  transactionDateMin?: DateInput | null;
  /** Booked at or before. */
  transactionDateMax?: DateInput | null;
  /** Only ids greater than or equal to this one. */
  sinceId?: number | bigint | null;
}

/** Filters of `GET bankaccounts/list`. */
export interface V1BankAccountListOptions {
  /** Bank short name, e.g. `Vietcombank`. */
  shortName?: string | null;
  /** Last transaction at or after. */
  lastTransactionDateMin?: DateInput | null;
  /** Last transaction at or before. */
  lastTransactionDateMax?: DateInput | null;
  /** Only ids greater than or equal to this one. */
  sinceId?: number | bigint | null;
  /** At most this many (SePay's default is 100). */
  limit?: number | null;
  /** Balance at least. */
  accumulatedMin?: AmountInput | null;
  /** Balance at most. */
  accumulatedMax?: AmountInput | null;
}

/** Filters of `GET bankaccounts/count` (the list filters without `limit`). */
export interface V1BankAccountCountOptions {
  /** Bank short name. */
  shortName?: string | null;
  /** Last transaction at or after. */
  lastTransactionDateMin?: DateInput | null;
  /** Last transaction at or before. */
  lastTransactionDateMax?: DateInput | null;
  /** Only ids greater than or equal to this one. */
  sinceId?: number | bigint | null;
  /** Balance at least. */
  accumulatedMin?: AmountInput | null;
  /** Balance at most. */
  accumulatedMax?: AmountInput | null;
}

/** Filters, sorts and paging of `GET /transactions`. Every field is optional. */
export interface V2TransactionListOptions {
  /** Search in reference number, memo and code. */
  q?: string | null;
  /** Only this bank account (UUID). */
  bankAccountId?: string | null;
  /** Only this virtual account (UUID). */
  vaId?: string | null;
  /** Bank brand, e.g. `ACB`. */
  bankBrandName?: string | null;
  /** Booked at or after (inclusive). */
  transactionDateFrom?: DateInput | null;
  /** Booked at or before (inclusive). */
  transactionDateTo?: DateInput | null;
  /** Money in at least (whole dong). */
  amountInMin?: AmountInput | null;
  /** Money in at most. */
  amountInMax?: AmountInput | null;
  /** Money out at least. */
  amountOutMin?: AmountInput | null;
  /** Money out at most. */
  amountOutMax?: AmountInput | null;
  /** Exact bank reference number. */
  referenceNumber?: string | null;
  /** Memo contains. */
  transactionContent?: string | null;
  /** In or out. */
  transferType?: TransferType | null;
  /** Webhook delivered (true) or not (false). */
  webhookSuccess?: boolean | null;
  /** Only transactions newer than this id (UUID), for polling. */
  sinceId?: string | null;
  /** Sort by booking time (SePay's default: newest first). */
  transactionDateSort?: SortOrder | null;
  /** Sort by money in. */
  amountInSort?: SortOrder | null;
  /** Sort by money out. */
  amountOutSort?: SortOrder | null;
  /** Page number (from 1). */
  page?: number | null;
  /** Page size (1–100, SePay's default 20). */
  perPage?: number | null;
}

/** Filters, sorts and paging of `GET /bank-accounts`. */
export interface V2BankAccountListOptions {
  /** Bank short name, e.g. `ACB`. */
  bankShortName?: string | null;
  /** Last transaction at or after. */
  lastTransactionFrom?: DateInput | null;
  /** Last transaction at or before. */
  lastTransactionTo?: DateInput | null;
  /** Balance at least (whole dong). */
  accumulatedMin?: AmountInput | null;
  /** Balance at most (whole dong). */
  accumulatedMax?: AmountInput | null;
  /** Search in holder name, label and account number. */
  q?: string | null;
  /** Active (true) or inactive (false) only. */
  active?: boolean | null;
  /** Sort by creation time. */
  createdAtSort?: SortOrder | null;
  /** Sort by last transaction time. */
  lastTransactionSort?: SortOrder | null;
  /** Sort by balance. */
  accumulatedSort?: SortOrder | null;
  /** Page number (from 1). */
  page?: number | null;
  /** Page size (1–100). */
  perPage?: number | null;
}

/** Filters and paging of `GET /bank-accounts/{id}/va`. */
export interface V2VirtualAccountListOptions {
  /** Search in VA number, holder name and label. */
  q?: string | null;
  /** Active (true) or inactive (false) only. */
  active?: boolean | null;
  /** Official bank VAs (true) or SePay virtual ones (false). */
  official?: boolean | null;
  /** Static (true) or per-order (false) VAs. */
  isStatic?: boolean | null;
  /** Sort by creation time (SePay's default: newest first). */
  createdAtSort?: SortOrder | null;
  /** Page number (from 1). */
  page?: number | null;
  /** Page size (1–100). */
  perPage?: number | null;
}

/** Filters and paging for OAuth2 lists (unused filters are ignored per list). */
export interface OAuthListOptions {
  /** Transactions: bank account id. */
  bankAccountId?: string | null;
  /** Transactions: account number. */
  accountNumber?: string | null;
  /** Transactions: exact reference number. */
  referenceNumber?: string | null;
  /** Transactions: from this day. */
  fromDate?: DateInput | null;
  /** Transactions: to this day. */
  toDate?: DateInput | null;
  /** Webhooks: URL contains. */
  webhookUrl?: string | null;
  /** Webhooks: active only / inactive only. */
  active?: boolean | null;
  /** Page (from 1). */
  page?: number | null;
  /** Page size (`limit`). */
  limit?: number | null;
}

/** Fields to create or change a webhook (unset fields are not sent). */
export interface WebhookOptions {
  /** Bank account to watch. */
  bankAccountId?: string | null;
  /** Name. */
  name?: string | null;
  /** Which transactions. */
  eventType?: WebhookEventType | null;
  /** Authentication mode. */
  authenType?: WebhookAuthType | null;
  /** Target URL (HTTPS). */
  webhookUrl?: string | null;
  /** API key for API-key mode. */
  apiKey?: string | null;
  /** Only verified payments. */
  isVerifyPayment?: boolean | null;
  /** Skip transactions without a payment code. */
  skipIfNoCode?: boolean | null;
  /** Only virtual-account transactions. */
  onlyVa?: boolean | null;
  /** Active. */
  active?: boolean | null;
  /** Body format, e.g. `Json`. */
  requestContentType?: string | null;
}

/** Filters and paging shared by Bank Hub lists (unused ones are ignored). */
export interface BankHubListOptions {
  /** Search text. */
  q?: string | null;
  /** Company. */
  companyXid?: string | null;
  /** Bank account (transactions). */
  bankAccountXid?: string | null;
  /** Status (companies). */
  status?: string | null;
  /** From day (transactions, `YYYY-MM-DD`). */
  startTransactionDate?: string | null;
  /** To day (transactions). */
  endTransactionDate?: string | null;
  /** `in` / `out` (transactions). */
  transferType?: string | null;
  /** Page. */
  page?: number | null;
  /** Page size (default 20, max 100). */
  perPage?: number | null;
}

/** Fields of a company to change; unset fields are not sent. */
export interface CompanyEditFields {
  /** Name. */
  fullName?: string | null;
  /** Short name. */
  shortName?: string | null;
  /** `Active` / `Pending`. */
  status?: string | null;
  /** Payment-code recognition, `on` / `off`. */
  paymentCode?: string | null;
  /** Payment-code prefix (2–5 letters). */
  paymentCodePrefix?: string | null;
  /** Shortest suffix (1–30). */
  paymentCodeSuffixFrom?: number | null;
  /** Longest suffix (1–30). */
  paymentCodeSuffixTo?: number | null;
  /** `NumberOnly` / `NumberAndLetter`. */
  paymentCodeSuffixCharacterType?: string | null;
}

/** Filters and paging of `GET /order`. */
export interface PgOrderListOptions {
  /** Search text. */
  q?: string | null;
  /** Only this status, e.g. `CAPTURED`. */
  orderStatus?: string | null;
  /** Only this customer. */
  customerId?: string | null;
  /** Created on or after. */
  fromCreatedAt?: DateInput | null;
  /** Created on or before. */
  toCreatedAt?: DateInput | null;
  /** Sort by creation time. */
  createdAtSort?: SortOrder | null;
  /** Page (from 1). */
  page?: number | null;
  /** Page size (1–100, default 20). */
  perPage?: number | null;
}
// --- end of generated models ---

// ---------------------------------------------------------------- models

/** One page of a v2 list. */
export interface Page<T> {
  /** The items on this page. */
  items: T[];
  /** Page metadata, when the API sends it. */
  pagination: Pagination | null;
}

// ---------------------------------------------------------------- options

// ---------------------------------------------------------------- shared state

/** Runs a Lua script on Redis: what a node-redis or ioredis client does with `EVAL`. */
export type RedisScriptRunner = (script: string, keys: string[], args: string[]) => Promise<unknown>;

/** A Redis client `SharedState` can use: node-redis (v4, v5) or ioredis, connected. */
export type RedisClientLike =
  | {
      /** node-redis: sends one command. */
      sendCommand(args: string[]): Promise<unknown>;
    }
  | {
      /** ioredis: sends one command. */
      call(command: string, ...args: (string | number)[]): Promise<unknown>;
    };

/** Options of `new SharedState(redis, options)`. */
export interface SharedStateOptions {
  /** Key prefix (default `"sepay"`): processes on one prefix share one rate budget, so give each egress IP its own. */
  prefix?: string;
  /** While Redis is unreachable: `"local"` (default) paces each process alone at rate / `processes`; `"fail"` rejects calls with a `StoreError`. */
  onOutage?: "local" | "fail";
  /** How many processes share the limit (default 1). */
  processes?: number;
  /** One script gives up after this (default 250 ms). */
  commandTimeoutMs?: number;
  /** While Redis is unreachable it is tried again this often (default 1,000 ms). */
  probeIntervalMs?: number;
  /** A token renewal holds the shared lock at most this long (default 30,000 ms). */
  tokenLeaseMs?: number;
  /** Handled webhook keys are remembered this long (default 7 days). */
  dedupTtlMs?: number;
}

/**
 * State shared by every process through Redis (or Valkey): one rate budget
 * per `prefix`, one OAuth2 / Bank Hub token renewal across processes. Runs
 * the core's Lua scripts on the Redis client the application already has.
 * Nothing hangs while Redis is down (see `SharedStateOptions.onOutage`).
 */
export declare class SharedState {
  constructor(redis: RedisClientLike | RedisScriptRunner, options?: SharedStateOptions);
  /** True unless the last call to Redis failed. */
  readonly reachable: boolean;
  /** How many times Redis stopped answering since this object was made. */
  readonly outages: number;
  /** The key prefix. */
  readonly prefix: string;
}

// ---------------------------------------------------------------- client

/** Retry budget for idempotent requests (429, 5xx, timeouts, connection errors). */
export interface RetryOptions {
  /** Attempts in total, including the first (1 to 100); `1` disables retries. Default 6. */
  maxAttempts?: number;
  /** The whole call, waits included, never takes longer (a `Retry-After` beyond it ends the call with a `RateLimitError`). Default 60,000 ms. */
  maxElapsedMs?: number;
  /** Backoff before the second attempt, doubling each time. Default 200 ms. */
  initialBackoffMs?: number;
  /** Upper bound of one backoff. Default 10,000 ms. */
  maxBackoffMs?: number;
}

/** The payment gateway merchant id and secret key (SePay dashboard → Payment Gateway). */
export interface PaymentGatewayCredentials {
  /** e.g. `SP-TEST-XXXXXXX`. */
  merchantId: string;
  /** Signs checkout forms and authenticates the order API. Never printed. */
  secretKey: string;
}

/** Options of `new Client(...)`. Choose exactly one of `environment` and `baseUrl`. */
export interface ClientOptions {
  /** The User API token (from the SePay dashboard → API Access). Never printed. Optional for a client that only uses `pg`, `oauth` or `bankHub`. */
  token?: string;
  /** Payment gateway credentials, for `client.pg`. The secret key is never printed. */
  paymentGateway?: PaymentGatewayCredentials;
  /** OAuth2 app credentials, for `client.oauth` (act for a SePay user). The secret is never printed. */
  oauth?: OAuthCredentials;
  /** Where `client.oauth` keeps the user's tokens between runs (needs `oauth`). Default: in memory. */
  tokenStore?: TokenStore;
  /** Bank Hub merchant credentials, for `client.bankHub`. The secret is never printed. */
  bankHub?: BankHubCredentials;
  /** Share the rate limit and token renewals with every process on the same Redis (Node cluster workers, replicas). */
  sharedState?: SharedState;
  /** Called with every call's events (each attempt's request and response, each retry): a hook for logs and metrics. Never given a token, header or body. An exception it throws is ignored. Default: none. */
  onEvent?: (event: CallEvent) => void;
  /** SePay's live or sandbox hosts. */
  environment?: "live" | "sandbox";
  /** Root URL of a local `sepay-sandbox` (HTTPS, or HTTP on loopback only). */
  baseUrl?: string;
  /** Budget of one attempt, from sending to the last byte (up to one day). Default 30,000 ms. */
  timeoutMs?: number;
  /** Client-side rate limit shared by every call of this client, in (0, 1000]; `null` turns it off. Default 3. */
  requestsPerSecond?: number | null;
  /** Retry budget. */
  retry?: RetryOptions;
  /** Largest response body accepted, 1 KiB to 4 GiB; the read stops at the first byte over it. Default 64 MiB. */
  maxResponseBytes?: number;
  /** Most pages one `iter()` walk fetches before it ends with a `PaginationError`. Default 100,000. */
  maxPages?: number;
}

/**
 * The items of a list, fetched page by page while you iterate with
 * `for await`; one page is in memory at a time. Iterating again starts over.
 */
export declare class ListIterator<T> implements AsyncIterable<T> {
  private constructor();
  /** The pages themselves, as arrays of items. */
  pages(): AsyncGenerator<T[], void, undefined>;
  /** The items, one page fetched at a time. */
  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined>;
  /**
   * Calls `callback` after each page of a walk with the items handed out so far and the
   * list's size (`null` until SePay says it). Returns this iterator.
   */
  onProgress(callback: (progress: Progress) => void): this;
  /** Items the current (or last) walk has handed out. */
  readonly position: number;
  /** The list's size once the walk's first page has said it (v2's `meta.pagination.total`, v1's count). */
  readonly total: number | undefined;
}

/** How far a walk is. */
export interface Progress {
  /** Items handed out so far. */
  items: number;
  /** Items in the whole list, when known. */
  total: number | null;
}

// --- generated from sepay::operations::TABLE by tools/codegen: do not edit ---

/** User API v1 transactions. */
export interface V1TransactionsApi {
  /** One batch of transactions (`limit` up to 5000, newest first). */
  list(options?: V1TransactionListOptions): Promise<V1Transaction[]>;
  /** Every matching transaction, oldest first, checked against the count endpoint. */
  iter(options?: V1TransactionListOptions): ListIterator<V1Transaction>;
  /** One transaction by id. */
  get(id: string): Promise<V1Transaction>;
  /** How many transactions match. */
  count(options?: V1TransactionCountOptions): Promise<number>;
}

/** User API v1 bank accounts. */
export interface V1BankAccountsApi {
  /** One batch of bank accounts. */
  list(options?: V1BankAccountListOptions): Promise<V1BankAccount[]>;
  /** Every matching bank account, oldest first, checked against the count endpoint. */
  iter(options?: V1BankAccountListOptions): ListIterator<V1BankAccount>;
  /** One bank account by id. */
  get(id: string): Promise<V1BankAccount>;
  /** How many bank accounts match. */
  count(options?: V1BankAccountCountOptions): Promise<number>;
}

/** User API v1 (`client.v1`): transactions, bank accounts, BIDV VA orders. */
export interface V1Api {
  /** User API v1 transactions. */
  readonly transactions: V1TransactionsApi;
  /** User API v1 bank accounts. */
  readonly bankAccounts: V1BankAccountsApi;
  /** VA orders of `client.v1` (BIDV only) or `client.v2` (BIDV, Vietcombank, Sacombank). */
  readonly orders: VaOrdersApi;
}

/** User API v2 transactions. */
export interface V2TransactionsApi {
  /** One page of transactions (`page`, `per_page` up to 100). */
  list(options?: V2TransactionListOptions): Promise<Page<V2Transaction>>;
  /** Every matching transaction, page by page (oldest first unless sorted). */
  iter(options?: V2TransactionListOptions): ListIterator<V2Transaction>;
  /** One transaction by id (UUID). */
  get(id: string): Promise<V2Transaction>;
}

/** User API v2 bank accounts. */
export interface V2BankAccountsApi {
  /** One page of bank accounts. */
  list(options?: V2BankAccountListOptions): Promise<Page<V2BankAccount>>;
  /** Every matching bank account, page by page. */
  iter(options?: V2BankAccountListOptions): ListIterator<V2BankAccount>;
  /** One bank account by id (UUID). */
  get(id: string): Promise<V2BankAccount>;
}

/** Virtual accounts (VAs) of a bank account. */
export interface V2VirtualAccountsApi {
  /** One page of a bank account's virtual accounts. */
  list(bankAccountId: string, options?: V2VirtualAccountListOptions): Promise<Page<V2VirtualAccount>>;
  /** Every virtual account of a bank account, page by page. */
  iter(bankAccountId: string, options?: V2VirtualAccountListOptions): ListIterator<V2VirtualAccount>;
  /** One virtual account of a bank account. */
  get(bankAccountId: string, vaId: string): Promise<V2VirtualAccount>;
}

/** Terminals of a (Vietcombank) bank account. */
export interface V2TerminalsApi {
  /** The terminals of a (Vietcombank) bank account. */
  list(bankAccountId: string): Promise<Terminal[]>;
}

/** User API v2 (`client.v2`): transactions, bank accounts, virtual accounts, terminals, VA orders. */
export interface V2Api {
  /** User API v2 transactions. */
  readonly transactions: V2TransactionsApi;
  /** User API v2 bank accounts. */
  readonly bankAccounts: V2BankAccountsApi;
  /** Virtual accounts (VAs) of a bank account. */
  readonly virtualAccounts: V2VirtualAccountsApi;
  /** Terminals of a (Vietcombank) bank account. */
  readonly terminals: V2TerminalsApi;
  /** VA orders of `client.v1` (BIDV only) or `client.v2` (BIDV, Vietcombank, Sacombank). */
  readonly orders: VaOrdersApi<V2VaOrderCreateOptions>;
}

/** OAuth2 bank accounts (scope `bank-account:read`). */
export interface OAuthBankAccountsApi {
  /** One page of bank accounts (scope `bank-account:read`). */
  list(options?: OAuthListOptions): Promise<Page<OAuthBankAccount>>;
  /** Every bank account, page by page. */
  iter(options?: OAuthListOptions): ListIterator<OAuthBankAccount>;
  /** One bank account. */
  get(id: string): Promise<OAuthBankAccount>;
  /** One page of a bank account's sub-accounts. */
  subAccounts(bankAccountId: string, options?: OAuthListOptions): Promise<Page<OAuthSubAccount>>;
}

/** OAuth2 transactions (scope `transaction:read`). */
export interface OAuthTransactionsApi {
  /** One page of transactions (scope `transaction:read`). */
  list(options?: OAuthListOptions): Promise<Page<OAuthTransaction>>;
  /** Every matching transaction, page by page. */
  iter(options?: OAuthListOptions): ListIterator<OAuthTransaction>;
}

/** OAuth2 webhooks (scopes `webhook:read`, `webhook:write`, `webhook:delete`). */
export interface OAuthWebhooksApi {
  /** One page of webhooks (scope `webhook:read`). */
  list(options?: OAuthListOptions): Promise<Page<Webhook>>;
  /** One webhook. */
  get(id: string): Promise<Webhook>;
  /** Creates a webhook (scope `webhook:write`). */
  create(options: WebhookOptions): Promise<Webhook>;
  /** Changes a webhook (scope `webhook:write`). */
  update(id: string, options: WebhookOptions): Promise<Webhook>;
  /** Deletes a webhook (scope `webhook:delete`). */
  delete(id: string): Promise<void>;
}

/** OAuth2: the authorization-code flow and the authorizing user's resources. */
export interface OAuthApi {
  /** The URL to send the user to, with the scopes asked for and a `state` to check. */
  authorizationUrl(scopes: readonly OAuthScope[], state: string): string;
  /** Exchanges the callback's code for tokens, saves them and starts using them. */
  exchangeCode(code: string): Promise<OAuthTokens>;
  /** The user who granted access (scope `profile`). */
  me(): Promise<Me>;
  /** The company, as raw JSON text (scope `company`; shape undocumented). */
  company(): Promise<OAuthCompany>;
  /** OAuth2 bank accounts (scope `bank-account:read`). */
  readonly bankAccounts: OAuthBankAccountsApi;
  /** OAuth2 transactions (scope `transaction:read`). */
  readonly transactions: OAuthTransactionsApi;
  /** OAuth2 webhooks (scopes `webhook:read`, `webhook:write`, `webhook:delete`). */
  readonly webhooks: OAuthWebhooksApi;
}

/** Bank Hub link tokens (hosted bank-linking sessions). */
export interface BankHubLinkTokensApi {
  /** Creates a hosted link session for a company. */
  create(options: LinkTokenCreateOptions): Promise<LinkToken>;
  /** A link token's state. */
  get(linkToken: string): Promise<LinkTokenInfo>;
  /** Revokes a link token; returns SePay's message. */
  revoke(linkTokenXid: string): Promise<string>;
}

/** Bank Hub companies. */
export interface BankHubCompaniesApi {
  /** One page of companies. */
  list(options?: BankHubListOptions): Promise<Page<Company>>;
  /** Every company, page by page. */
  iter(options?: BankHubListOptions): ListIterator<Company>;
  /** One company. */
  get(companyXid: string): Promise<Company>;
  /** Creates a company (`status`: `Active` or `Pending`); returns its xid. */
  create(options: CompanyCreateOptions): Promise<string>;
  /** Changes the fields set (at least one); returns SePay's message. */
  edit(companyXid: string, fields: CompanyEditFields): Promise<string>;
  /** A company's payment-code configuration (what `edit` changes). */
  configuration(companyXid: string): Promise<CompanyConfiguration>;
  /** Transaction counts of a company (optionally for one day, `YYYY-MM-DD`). */
  counter(companyXid: string, options?: CompanyCounterOptions): Promise<CompanyCounter>;
}

/** Bank accounts linked through Bank Hub. */
export interface BankHubBankAccountsApi {
  /** One page of linked bank accounts. */
  list(options?: BankHubListOptions): Promise<Page<BankHubBankAccount>>;
  /** One linked bank account (path by analogy, UNVERIFIED). */
  get(xid: string): Promise<BankHubBankAccount>;
}

/** Bank Hub transactions. */
export interface BankHubTransactionsApi {
  /** One page of transactions. */
  list(options?: BankHubListOptions): Promise<Page<BankHubTransaction>>;
  /** Every matching transaction, page by page. */
  iter(options?: BankHubListOptions): ListIterator<BankHubTransaction>;
  /** One transaction. */
  get(transactionId: string): Promise<BankHubTransaction>;
}

/** The Bank Hub merchant configuration. */
export interface BankHubMerchantConfigApi {
  /** The merchant configuration. */
  get(): Promise<MerchantConfig>;
  /** Sets the memo keywords a transaction must contain to be kept. */
  update(options: MerchantConfigUpdateOptions): Promise<MerchantConfig>;
}

/** The Bank Hub merchant webhook. */
export interface BankHubWebhookApi {
  /** The merchant's webhook (`None` when there is none). */
  get(): Promise<BankHubWebhook | null>;
  /** Sets the merchant's webhook; SePay sends `secret_key` back with every event. */
  set(options: BankHubWebhookSetOptions): Promise<BankHubWebhook>;
}

/** Bank Hub: hosted bank linking, companies, linked accounts and transactions. */
export interface BankHubApi {
  /** Bank Hub link tokens (hosted bank-linking sessions). */
  readonly linkTokens: BankHubLinkTokensApi;
  /** Bank Hub companies. */
  readonly companies: BankHubCompaniesApi;
  /** Bank accounts linked through Bank Hub. */
  readonly bankAccounts: BankHubBankAccountsApi;
  /** Bank Hub transactions. */
  readonly transactions: BankHubTransactionsApi;
  /** The Bank Hub merchant configuration. */
  readonly merchantConfig: BankHubMerchantConfigApi;
  /** The Bank Hub merchant webhook. */
  readonly webhook: BankHubWebhookApi;
}

/** Payment gateway orders. */
export interface PgOrdersApi {
  /** One page of orders. */
  list(options?: PgOrderListOptions): Promise<Page<PgOrder>>;
  /** Every matching order, page by page. */
  iter(options?: PgOrderListOptions): ListIterator<PgOrder>;
  /** One order by id. */
  get(orderId: string): Promise<PgOrder>;
  /** Cancels an unpaid order; returns SePay's message. */
  cancel(orderInvoiceNumber: string): Promise<string>;
  /** Voids a card payment; returns SePay's message. */
  void(orderInvoiceNumber: string): Promise<string>;
}

/** Payment gateway (`client.pg`); `checkout` sends nothing (no await). */
export interface PgApi {
  /** The signed form that sends the buyer to SePay's checkout page. */
  checkout(request: CheckoutRequest): CheckoutForm;
  /** Payment gateway orders. */
  readonly orders: PgOrdersApi;
}

// --- end of generated operations ---

/** A SePay client. Every call returns a Promise; one rate limiter serves them all. */
export declare class Client {
  /** @throws {ConfigurationError} for a missing or empty token or secret, no or two destinations, a base URL that is not HTTPS (plain HTTP only to loopback), a number out of range (NaN, infinite, negative, too large). */
  constructor(options: ClientOptions);
  /** User API v1. */
  readonly v1: V1Api;
  /** User API v2. */
  readonly v2: V2Api;
  /** Payment gateway (needs `paymentGateway` credentials). */
  readonly pg: PgApi;
  /** OAuth2 flow and the user's resources (needs `oauth` credentials). */
  readonly oauth: OAuthApi;
  /** Bank Hub (needs `bankHub` credentials). */
  readonly bankHub: BankHubApi;
  /** A view whose calls use these options; it shares the connections, rate limit and tokens. */
  withOptions(options: CallOptions): Client;
  /** Releases the client's WebAssembly memory; the client is unusable afterwards. */
  close(): void;
}

/** Every operation of the core, by name (`"v2.transactions.iter"`, ...). */
export declare const operations: readonly string[];

/** The option names the core accepts for an operation (empty if it takes none). */
export declare function optionNames(operation: string): readonly string[];

// ---------------------------------------------------------------- payment gateway

/** `PURCHASE` (a payment) or `VERIFY` (card verification, amount 0). */
export type CheckoutOperation = "PURCHASE" | "VERIFY";

/** Payment methods of the checkout page. */
export type PgPaymentMethod = "CARD" | "BANK_TRANSFER" | "NAPAS_BANK_TRANSFER";

/** What `client.pg.checkout(...)` signs. The merchant id is the client's. */
export interface CheckoutRequest {
  /** Default `PURCHASE`. */
  operation?: CheckoutOperation | null;
  /** Whole dong (positive; 0 for `VERIFY`). */
  orderAmount: AmountInput;
  /** Your invoice number, `[A-Za-z0-9_-]{1,100}`, unique per order. */
  orderInvoiceNumber: string;
  /** What is being paid for. */
  orderDescription: string;
  /** Restrict the payment method (default: all). */
  paymentMethod?: PgPaymentMethod | null;
  /** Your customer id. */
  customerId?: string | null;
  /** Where the browser goes after success (http(s)). */
  successUrl?: string | null;
  /** ... after an error. */
  errorUrl?: string | null;
  /** ... after the payer cancels. */
  cancelUrl?: string | null;
  /** Free-form data returned in the IPN (not signed). */
  customData?: string | null;
}

/** A signed checkout form: POST `fields`, in this order, to `action`. */
export declare class CheckoutForm {
  private constructor();
  /** The form's `action` URL (SePay's checkout). */
  readonly action: string;
  /** `[name, value]` pairs in the order they are signed and must be posted (`signature` last). */
  readonly fields: readonly (readonly [string, string])[];
  /** The fields as an object (order kept), e.g. for `new URLSearchParams(...)`. */
  toObject(): Record<string, string>;
  /** An HTML `<form method="POST">` with hidden inputs (values escaped, order kept) and a submit button. */
  toHtml(submitLabel?: string): string;
}

// ---------------------------------------------------------------- receiving webhooks

/** An HTTP reply to send back to SePay as is. */
export interface WebhookReply {
  /** Status code (200; 201 in OAuth2 mode; 503 retry later; 401 / 400 for errors). */
  status: number;
  /** Headers (`content-type: application/json`). */
  headers: {
    /** `application/json`. */
    "content-type": string;
  };
  /** JSON body text. */
  body: string;
}

/** Request headers: a `Headers`, a plain object (e.g. Node's `req.headers`) or `[name, value]` pairs. */
export type HeadersInput =
  | Headers
  | ReadonlyMap<string, string>
  | Record<string, string | readonly string[] | undefined>
  | Iterable<readonly [string, string]>;

/** What a receiver needs of an inbound request. */
export interface WebhookRequest {
  /** HTTP method (only `POST` is accepted). */
  method: string;
  /** Request headers. */
  headers: HeadersInput;
  /** The raw body, exactly as received. */
  body: Uint8Array | ArrayBuffer | string;
}

/**
 * What to do with a verified delivery:
 * - `"new"`: handle the event, then `receiver.complete(key)` and send `reply`;
 *   if handling fails, `receiver.release(key)` and send `retryLaterReply()`.
 * - `"duplicate"`: already handled; send `reply` (success), do not handle again.
 * - `"in_progress"`: another request is handling it; send `reply` (503, SePay retries).
 */
export type Delivery = "new" | "duplicate" | "in_progress";

/** A verified, parsed notification. */
export interface Received<T> {
  /** The event. */
  event: T;
  /** Its deduplication key: give it to `complete` (handled) or `release` (failed). */
  key: string;
  /** Whether to handle it. */
  delivery: Delivery;
  /** True unless `delivery` is `"new"`: do not handle it. */
  duplicate: boolean;
  /** The reply to send: success for new (once handled) and duplicate deliveries, 503 while in progress. */
  reply: WebhookReply;
}

/** What a dedup store's `claim` found. */
export type Claim = "new" | "in_progress" | "done";

/**
 * Where a receiver keeps the state of each event (e.g. Redis or a database
 * table, to share it between processes). Every method must be atomic and
 * answer synchronously; what it throws reaches the caller as a `StoreError`.
 */
export interface DedupStore {
  /**
   * Claims `key` for `leaseSeconds`: `"new"` if never seen, released, or its
   * lease ran out (the caller now holds it); `"in_progress"` if another claim is
   * open; `"done"` if completed.
   */
  claim(key: string, leaseSeconds: number): Claim;
  /** Marks `key` handled: later claims answer `"done"`. */
  complete(key: string): void;
  /** Drops an open claim on `key` (never a completed one): the next claim is `"new"`. */
  release(key: string): void;
}

/** How the webhook's body is encoded (SePay's setting for API-key and unauthenticated webhooks). */
export type BodyEncoding = "json" | "form" | "multipart";

/** Options of the receivers of signed notifications (`hmac`, `oauth2`, `secretKey`): their bodies are JSON. */
export interface ReceiverOptions {
  /** Dedup store; default: in memory (the last 100,000 handled keys). A `SharedState` makes the receiver a `SharedWebhookReceiver`. */
  store?: DedupStore | SharedState;
  /** How long a delivery holds its key before another may take over, 1 s to 1 day. Default 60. */
  leaseSeconds?: number;
  /** How far a PG IPN's or Bank Hub event's own time may lie from now, 1 s to 1 day. Default 21,600 (6 h). */
  replayWindowSeconds?: number;
}

/** Options of `WebhookReceiver.none` and `WebhookReceiver.apiKey`. */
export interface UnsignedReceiverOptions extends ReceiverOptions {
  /**
   * The body encoding chosen in SePay's webhook settings (default `"json"`).
   * The request's Content-Type is never consulted: the same bytes always give the same event.
   */
  encoding?: BodyEncoding;
}

/** Options of `WebhookReceiver.hmac`. */
export interface HmacReceiverOptions extends ReceiverOptions {
  /** Largest accepted clock difference in seconds, at most a day (default 300, SePay's). */
  toleranceSeconds?: number;
}

/** A transaction for `WebhookReceiver.testDelivery`, in SePay's field names; only `transferAmount` is required. */
export interface TestTransaction {
  /** Amount (decimal string, or an integer number of VND). */
  transferAmount: string | number | bigint;
  /** Transfer memo (default ""). */
  content?: string;
  /** SePay's transaction id (default: from the time). */
  id?: number;
  /** Payment code SePay recognised in the memo. */
  code?: string | null;
  /** Default "in". */
  transferType?: "in" | "out";
  /** `YYYY-MM-DD HH:MM:SS` (Vietnam time) or RFC 3339; default now. */
  transactionDate?: string;
  /** Bank brand (default "Vietcombank"). */
  gateway?: string;
  /** Account number. */
  accountNumber?: string;
  /** Balance after the transaction (default 0). */
  accumulated?: string | number | bigint;
  /** Virtual account number. */
  subAccount?: string | null;
  /** Bank reference (default "FT" + id). */
  referenceCode?: string;
}

/** A made-up webhook delivery: a request for `receive(...)` or `fetch`. */
export interface TestDelivery {
  /** Always `"POST"`. */
  method: "POST";
  /** `Content-Type` and the authentication headers of the receiver's mode. */
  headers: Record<string, string>;
  /** The body, in the receiver's encoding. */
  body: Uint8Array;
}

/**
 * Receives SePay's notifications for one endpoint: verifies them in its auth
 * mode, parses the body in its configured encoding, tracks each event through
 * claim → complete / release, and says what to reply. Runs no server;
 * `toString()` never shows a secret.
 * @throws {ConfigurationError} from a factory: an empty secret, a bad option, a form encoding on a signed mode.
 */
export declare class WebhookReceiver {
  private constructor();
  /** No authentication (rely on an IP allowlist). With a `SharedState` store: deduplicated across processes, Promises. */
  static none(options: UnsignedReceiverOptions & { store: SharedState }): SharedWebhookReceiver;
  static none(options?: UnsignedReceiverOptions & { store?: DedupStore }): WebhookReceiver;
  /** `Authorization: Apikey <key>`. */
  static apiKey(key: string, options: UnsignedReceiverOptions & { store: SharedState }): SharedWebhookReceiver;
  static apiKey(key: string, options?: UnsignedReceiverOptions & { store?: DedupStore }): WebhookReceiver;
  /** `X-SePay-Signature: sha256=...` and `X-SePay-Timestamp`, within `toleranceSeconds`. */
  static hmac(secret: string, options: HmacReceiverOptions & { store: SharedState }): SharedWebhookReceiver;
  static hmac(secret: string, options?: HmacReceiverOptions & { store?: DedupStore }): WebhookReceiver;
  /** `Authorization: Bearer <token>` issued by `issuer`; replies 201. */
  static oauth2(issuer: WebhookTokenIssuer, options: ReceiverOptions & { store: SharedState }): SharedWebhookReceiver;
  static oauth2(issuer: WebhookTokenIssuer, options?: ReceiverOptions & { store?: DedupStore }): WebhookReceiver;
  /** `X-Secret-Key: <secret>` (payment gateway IPN, Bank Hub events). */
  static secretKey(secret: string, options: ReceiverOptions & { store: SharedState }): SharedWebhookReceiver;
  static secretKey(secret: string, options?: ReceiverOptions & { store?: DedupStore }): WebhookReceiver;
  /** The reply for an error a `receive*` method threw: 401 unverified, 503 store failure, else 400. */
  static errorReply(error: unknown): WebhookReply;
  /** 503 "retry later": the reply after `release(key)` when handling a new delivery failed. */
  static retryLaterReply(): WebhookReply;
  /**
   * A made-up delivery this receiver accepts: the webhook SePay would send for
   * one transaction, in this receiver's encoding and mode (HMAC signature and
   * timestamp, API key, bearer token or secret key), for testing a handler
   * without SePay. Pass it to `receive(...)` or `fetch(url, ...)`.
   * @throws {ValidationError} an unknown field or a bad value.
   */
  testDelivery(transaction: TestTransaction, options?: { now?: number }): TestDelivery;
  /**
   * A user webhook (one bank transaction).
   * @throws {WebhookVerificationError} unverified (reply 401).
   * @throws {DecodeError} unreadable body (reply 400).
   * @throws {StoreError} the dedup store failed (reply 503).
   */
  receive(request: WebhookRequest): Received<WebhookEvent>;
  /** A payment gateway IPN (its `timestamp` must lie within the replay window). */
  receivePgIpn(request: WebhookRequest): Received<PgIpn>;
  /** A Bank Hub balance-change IPN. */
  receiveBankhubIpn(request: WebhookRequest): Received<BankHubIpn>;
  /** A Bank Hub linking event (its `timestamp` must lie within the replay window). */
  receiveBankhubEvent(request: WebhookRequest): Received<BankHubEvent>;
  /**
   * Marks `received.key` handled, after handling a `"new"` delivery: later deliveries are duplicates.
   * @throws {StoreError} the dedup store failed.
   */
  complete(key: string): void;
  /**
   * Gives `received.key` up (handling failed): SePay's next retry is processed again.
   * @throws {StoreError} the dedup store failed.
   */
  release(key: string): void;
}

/**
 * A receiver whose deduplication is in a `SharedState` (Redis), so a retry that
 * lands on another process is a duplicate: the same methods as `WebhookReceiver`,
 * answering with Promises (every failure rejects them, with the same errors).
 */
export interface SharedWebhookReceiver {
  /** A made-up delivery this receiver accepts (see `WebhookReceiver.testDelivery`). */
  testDelivery(transaction: TestTransaction, options?: { now?: number }): TestDelivery;
  /** A user webhook (one bank transaction). */
  receive(request: WebhookRequest): Promise<Received<WebhookEvent>>;
  /** A payment gateway IPN. */
  receivePgIpn(request: WebhookRequest): Promise<Received<PgIpn>>;
  /** A Bank Hub balance-change IPN. */
  receiveBankhubIpn(request: WebhookRequest): Promise<Received<BankHubIpn>>;
  /** A Bank Hub linking event. */
  receiveBankhubEvent(request: WebhookRequest): Promise<Received<BankHubEvent>>;
  /** Marks `received.key` handled in every process. */
  complete(key: string): Promise<void>;
  /** Gives `received.key` up (handling failed): SePay's next retry is processed again. */
  release(key: string): Promise<void>;
}

/** Options of `new WebhookTokenIssuer(...)`. */
export interface WebhookTokenIssuerOptions {
  /** The client id configured in SePay's dashboard. */
  clientId: string;
  /** The client secret configured there. Never printed. */
  clientSecret: string;
  /** Lifetime of access tokens in seconds, 1 to 86,400 (default 3600). */
  ttlSeconds?: number;
}

/** The token endpoint's answer, to send as is. */
export interface TokenReply {
  /** 200, or 401 / 400 for a wrong or unreadable request. */
  status: number;
  /** Headers (`content-type: application/json`). */
  headers: {
    /** `application/json`. */
    "content-type": string;
  };
  /** `{"data":{"accessToken","refreshToken","expiredIn"}}` on success. */
  body: string;
}

/** Issues and checks the bearer tokens SePay asks for in OAuth2 webhook mode. */
export declare class WebhookTokenIssuer {
  constructor(options: WebhookTokenIssuerOptions);
  /** Answers SePay's token request (its raw body). */
  issue(body: Uint8Array | ArrayBuffer | string): TokenReply;
}

/** The reply for an error a `receive*` method threw: 401 unverified, 503 store failure, else 400. */
export declare function errorReply(error: unknown): WebhookReply;

/** 503 "retry later": the reply after `receiver.release(key)` when handling a new delivery failed. */
export declare function retryLaterReply(): WebhookReply;

/** `sha256=<hex HMAC-SHA256 of "{timestamp}.{body}">`: the `X-SePay-Signature` SePay sends. */
export declare function hmacSignature(secret: string, timestamp: number, body: Uint8Array | ArrayBuffer | string): string;

// ---------------------------------------------------------------- VietQR

/** A VietQR code to build. */
export interface VietQrInput {
  /** The receiving bank's 6-digit NAPAS BIN. */
  bankBin: string;
  /** Account (or card) number. */
  account: string;
  /** Whole dong; omit for a static QR. */
  amount?: AmountInput | null;
  /** Transfer memo (printable ASCII, at most 99 characters). */
  memo?: string | null;
  /** Default `"account"`. */
  service?: "account" | "card" | null;
}

/** Arguments of `vietqrImageUrl`. */
export interface VietQrImageOptions {
  /** Account number. */
  account: string;
  /** Bank name from SePay's list, e.g. `Vietcombank`. */
  bank: string;
  /** Whole dong. */
  amount?: AmountInput | null;
  /** Transfer memo. */
  memo?: string | null;
  /** `compact` or `qronly`. */
  template?: "compact" | "qronly" | null;
}

/**
 * The EMVCo payload text of a VietQR code (render it with any QR library).
 * @throws {ValidationError} for a bad BIN, a non-ASCII memo, a field over 99 characters.
 */
export declare function vietqrPayload(qr: VietQrInput): string;

/**
 * Reads a VietQR payload back.
 * @throws {DecodeError} for a bad CRC or a truncated payload.
 */
export declare function vietqrDecode(payload: string): VietQr;

/** SePay's QR image URL of a transfer (built by the core). */
export declare function vietqrImageUrl(options: VietQrImageOptions): string;

/** Every client-less function of the core, by name (`"webhook.receive"`, `"qr.payload"`, ...). */
export declare const functions: readonly string[];

// ---------------------------------------------------------------- errors

/** A field-level validation message. */
export interface FieldError {
  /** The option, e.g. `perPage`. */
  field: string;
  /** What is wrong with it. */
  message: string;
}

/** Stable names of the error kinds, one per subclass. */
export type ErrorKind =
  | "authentication"
  | "not_found"
  | "validation"
  | "rate_limited"
  | "server"
  | "api"
  | "transport"
  | "timeout"
  | "decode"
  | "pagination"
  | "configuration"
  | "webhook_verification"
  | "store";

/** Base class of every error the SDK raises. The message never contains the token. */
export declare class SePayError extends Error {
  /** The kind of failure. */
  readonly kind: ErrorKind;
  /** The operation that failed, e.g. `v2.transactions.list` (null for configuration errors). */
  readonly operation: string | null;
  /** The HTTP status SePay answered with, if there was an answer (null before sending). */
  readonly status: number | null;
  /** SePay's machine-readable `error_code`, when it sent one. */
  readonly code: string | null;
  /** Seconds SePay asked to wait (rate limits only). */
  readonly retryAfter: number | null;
  /** Per-field details of a validation error. */
  readonly fieldErrors: readonly FieldError[];
}
/** The token was missing, wrong or disabled. */
export declare class AuthenticationError extends SePayError {}
/** The resource does not exist or is not this company's. */
export declare class NotFoundError extends SePayError {}
/** Invalid options, refused before sending (`status` null) or by SePay. */
export declare class ValidationError extends SePayError {}
/** SePay's rate limit was hit and the retry budget ran out. */
export declare class RateLimitError extends SePayError {}
/** SePay failed (5xx) and the retry budget ran out. */
export declare class ServerError extends SePayError {}
/** Any other error answer (e.g. 403). */
export declare class ApiError extends SePayError {}
/** The request could not be sent or the answer could not be read. */
export declare class TransportError extends SePayError {}
/** No complete answer arrived in time. */
export declare class TimeoutError extends SePayError {}
/** The answer was not what SePay documents. */
export declare class DecodeError extends SePayError {}
/** Walking a list could not guarantee a complete, duplicate-free result (or passed `maxPages`). */
export declare class PaginationError extends SePayError {}
/** The client was configured in a way that cannot work. */
export declare class ConfigurationError extends SePayError {}
/** An inbound webhook or IPN failed verification (reply 401). */
export declare class WebhookVerificationError extends SePayError {}
/**
 * A store you supplied (OAuth2 token store, webhook dedup store) threw or
 * answered wrongly; `operation` names it (`oauth.token_store`,
 * `webhook.dedup_store`). Nothing was lost: repeat the call once the store works.
 */
export declare class StoreError extends SePayError {}

/** One step of one call, given to `ClientOptions.onEvent`. */
export interface CallEvent {
  /** `request` (about to send), `response` (an attempt ended) or `retry` (will try again). */
  kind: "request" | "response" | "retry";
  /** The operation, e.g. `v1.transactions.list`. */
  operation: string;
  /** `GET`, `POST`, ... */
  method: string;
  /** The URL's path, without the query. */
  path: string;
  /** Attempt number, from 1. */
  attempt: number;
  /** HTTP status (responses with one, and retries after one). */
  status: number | null;
  /** Time of the attempt in ms (responses). */
  latencyMs: number | null;
  /** Time waited for the rate limit or a pause SePay asked for, in ms. */
  waitedMs: number;
  /** Wait before the next attempt in ms (retries). */
  retryInMs: number | null;
  /** Why the attempt failed or is retried. */
  reason: string | null;
  /** SePay's request id, when the answer had one. */
  requestId: string | null;
}

/** Options for the calls of one view of a client (`client.withOptions`). */
export interface CallOptions {
  /** Budget for one attempt, in ms. */
  timeoutMs?: number;
  /** Attempts in all, retries included. */
  maxAttempts?: number;
  /** Budget for the whole call (waits and retries included), in ms. */
  maxElapsedMs?: number;
  /** Extra request headers (e.g. a correlation id). The SDK's own (`Authorization`, `Content-Type`, `User-Agent`, ...) cannot be set. */
  headers?: Record<string, string>;
}
