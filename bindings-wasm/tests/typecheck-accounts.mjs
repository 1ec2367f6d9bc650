// The VA order, OAuth2 and Bank Hub part of typecheck.mjs: objects the
// installed package returned from a sandbox, typed with the declared
// interfaces, the options type of each operation, and lines that must fail.

import { Client, MemoryTokenStore } from "sepay-sdk";
import { TOKEN } from "./sandbox.mjs";

/** Declared options type of every operation of this part that takes options. */
export const ACCOUNT_OPTIONS_TYPE = {
  "v1.orders.list": "VaOrderListOptions",
  "v2.orders.list": "VaOrderListOptions",
  "v1.orders.create": "VaOrderCreateOptions",
  "v1.orders.add_va": "VaOrderCreateOptions",
  "v2.orders.create": "VaOrderCreateOptions",
  "v2.orders.add_va": "VaOrderCreateOptions",
  "oauth.bank_accounts.list": "OAuthListOptions",
  "oauth.bank_accounts.iter": "OAuthListOptions",
  "oauth.bank_accounts.sub_accounts": "OAuthListOptions",
  "oauth.transactions.list": "OAuthListOptions",
  "oauth.transactions.iter": "OAuthListOptions",
  "oauth.webhooks.list": "OAuthListOptions",
  "oauth.webhooks.create": "WebhookOptions",
  "oauth.webhooks.update": "WebhookOptions",
  "bank_hub.companies.list": "BankHubListOptions",
  "bank_hub.companies.iter": "BankHubListOptions",
  "bank_hub.bank_accounts.list": "BankHubListOptions",
  "bank_hub.transactions.list": "BankHubListOptions",
  "bank_hub.transactions.iter": "BankHubListOptions",
  "bank_hub.link_tokens.create": "LinkTokenCreateOptions",
  "bank_hub.companies.create": "CompanyCreateOptions",
  "bank_hub.companies.edit": "CompanyEditFields",
  "bank_hub.companies.counter": "CompanyCounterOptions",
  "bank_hub.merchant_config.update": "MerchantConfigUpdateOptions",
  "bank_hub.webhook.set": "BankHubWebhookSetOptions",
};

const json = (v) => JSON.stringify(v, null, 1);

/** TypeScript lines declaring real results of every model of this part. */
export async function accountModelLines(url) {
  const fast = { baseUrl: url, requestsPerSecond: null };
  const c = new Client({ token: TOKEN, ...fast });
  const bidv = (await c.v2.bankAccounts.list()).items.find((a) => a.bankShortName === "BIDV");
  const order = await c.v2.orders.create(bidv.id, { bank: "BIDV", amount: 1000, withQrcode: true, duration: 600 });
  const orders = await c.v2.orders.list(bidv.id);
  c.close();

  const o = new Client({ oauth: { clientId: "sandbox-client", clientSecret: "sandbox-client-secret", redirectUri: "http://127.0.0.1/callback" }, tokenStore: new MemoryTokenStore(), ...fast });
  const res = await fetch(o.oauth.authorizationUrl(["profile", "company", "bank-account:read", "transaction:read", "webhook:read", "webhook:write"], "s"), { redirect: "manual" });
  const tokens = await o.oauth.exchangeCode(new URL(res.headers.get("location")).searchParams.get("code"));
  const me = await o.oauth.me();
  const company = await o.oauth.company();
  const accounts = await o.oauth.bankAccounts.list();
  const subAccounts = await o.oauth.bankAccounts.subAccounts(accounts.items[0].id);
  const transactions = await o.oauth.transactions.list({ limit: 20 });
  await o.oauth.webhooks.create({ bankAccountId: accounts.items[0].id, name: "t", eventType: "All", authenType: "Api_Key", apiKey: "k", webhookUrl: "https://x.example/h" });
  const webhooks = await o.oauth.webhooks.list();
  o.close();

  const h = new Client({ bankHub: { clientId: "sandbox-bankhub", clientSecret: "sandbox-bankhub-secret" }, ...fast });
  const companies = await h.bankHub.companies.list();
  const link = await h.bankHub.linkTokens.create({ companyXid: companies.items[0].xid, purpose: "LINK_BANK_ACCOUNT" });
  const linkInfo = await h.bankHub.linkTokens.get(link.linkToken);
  const counter = await h.bankHub.companies.counter(companies.items[0].xid);
  const hubAccounts = await h.bankHub.bankAccounts.list();
  const hubTransactions = await h.bankHub.transactions.list({ perPage: 20 });
  const merchantConfig = await h.bankHub.merchantConfig.get();
  const hubWebhook = await h.bankHub.webhook.set({ webhookUrl: "https://x.example/bh", secretKey: "secret" });
  h.close();

  return [
    `export const vaOrder: S.VaOrder = ${json(order)};`,
    `export const vaOrders: S.Page<S.VaOrder> = ${json(orders)};`,
    `export const me: S.Me = ${json(me)};`,
    `export const oauthCompany: S.OAuthCompany = ${json(company)};`,
    `export const oauthAccounts: S.Page<S.OAuthBankAccount> = ${json(accounts)};`,
    `export const subAccounts: S.Page<S.OAuthSubAccount> = ${json(subAccounts)};`,
    `export const oauthTransactions: S.Page<S.OAuthTransaction> = ${json(transactions)};`,
    `export const webhooks: S.Page<S.Webhook> = ${json(webhooks)};`,
    `export const companies: S.Page<S.Company> = ${json(companies)};`,
    `export const linkToken: S.LinkToken = ${json(link)};`,
    `export const linkTokenInfo: S.LinkTokenInfo = ${json(linkInfo)};`,
    `export const counter: S.CompanyCounter = ${json(counter)};`,
    `export const hubAccounts: S.Page<S.BankHubBankAccount> = ${json(hubAccounts)};`,
    `export const hubTransactions: S.Page<S.BankHubTransaction> = ${json(hubTransactions)};`,
    `export const merchantConfig: S.MerchantConfig = ${json(merchantConfig)};`,
    `export const hubWebhook: S.BankHubWebhook = ${json(hubWebhook)};`,
    `export const tokens: ReturnType<S.OAuthTokens["toJSON"]> = ${json(tokens.toJSON())};`,
  ];
}

/** Lines that must not compile (each after `// @ts-expect-error`), given `client: Client`. */
export const ACCOUNT_EXPECT_ERRORS = [
  ["v2 orders need the bank", 'client.v2.orders.create("id", { amount: 1 });'],
  ["an order status is one of four", 'export const st: S.VaOrderStatus = "Open";'],
  ["scopes are SePay\'s", 'client.oauth.authorizationUrl(["everything"], "s");'],
  ["authorizationUrl is synchronous", 'client.oauth.authorizationUrl(["profile"], "s").then(() => 1);'],
  ["a token store is synchronous", "new Client({ oauth: { clientId: \"a\", clientSecret: \"b\", redirectUri: \"c\" }, tokenStore: { load: async () => null, save() {} } });"],
  ["a link purpose is SePay's", 'client.bankHub.linkTokens.create({ companyXid: "x", purpose: "LINK" });'],
  ["a webhook's API key is never returned", "export const key: string = webhooks.items[0].apiKey;"],
];
