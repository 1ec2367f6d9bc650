//! The table itself: one entry per client operation, in the order of
//! `sepay-api.md` (User API v1 and v2, VA orders, OAuth2, Bank Hub, payment
//! gateway). Adding an operation starts here (CONTRIBUTING.md).

use super::Api::{self, BankHub, OAuth, OAuthApi, PgApi, UserApiV1, UserApiV2};
use super::{Http, OperationSpec, Paging, Shape};
use crate::http::Method::{self, Delete, Get, Patch, Post};

const V2_PAGES: Paging = Paging::Pages("page", "per_page");
const OAUTH_PAGES: Paging = Paging::Pages("page", "limit");

const fn http(method: Method, api: Api, path: &'static str) -> Option<Http> {
    Some(Http { method, api, path })
}

/// One request, one answer; reads may be re-sent, writes may not.
const fn call(
    name: &'static str,
    (method, api, path): (Method, Api, &'static str),
    inputs: &'static [&'static str],
    output: &'static str,
    doc: &'static str,
) -> OperationSpec {
    OperationSpec {
        name,
        http: http(method, api, path),
        shape: Shape::Call,
        resend: matches!(method, Get),
        inputs,
        output,
        doc,
    }
}

/// Every item of a list operation, page by page.
const fn walk(
    name: &'static str,
    (method, api, path): (Method, Api, &'static str),
    paging: Paging,
    inputs: &'static [&'static str],
    item: &'static str,
    doc: &'static str,
) -> OperationSpec {
    OperationSpec {
        name,
        http: http(method, api, path),
        shape: Shape::Walk(paging),
        resend: true,
        inputs,
        output: item,
        doc,
    }
}

/// Computed locally.
const fn local(
    name: &'static str,
    inputs: &'static [&'static str],
    output: &'static str,
    doc: &'static str,
) -> OperationSpec {
    OperationSpec {
        name,
        http: None,
        shape: Shape::Local,
        resend: true,
        inputs,
        output,
        doc,
    }
}

/// Every client operation.
pub const TABLE: &[OperationSpec] = &[
    // User API v1 (sepay-api.md §2).
    call(
        "v1.transactions.list",
        (Get, UserApiV1, "transactions/list"),
        &["params: V1TransactionListParams"],
        "Vec<V1Transaction>",
        "One batch of transactions (`limit` up to 5000, newest first).",
    ),
    walk(
        "v1.transactions.iter",
        (Get, UserApiV1, "transactions/list"),
        Paging::SinceId,
        &["params: V1TransactionListParams"],
        "V1Transaction",
        "Every matching transaction, oldest first, checked against the count endpoint.",
    ),
    call(
        "v1.transactions.get",
        (Get, UserApiV1, "transactions/details/{id}"),
        &["id: &str"],
        "V1Transaction",
        "One transaction by id.",
    ),
    call(
        "v1.transactions.count",
        (Get, UserApiV1, "transactions/count"),
        &["params: V1TransactionCountParams"],
        "u64",
        "How many transactions match.",
    ),
    call(
        "v1.bank_accounts.list",
        (Get, UserApiV1, "bankaccounts/list"),
        &["params: V1BankAccountListParams"],
        "Vec<V1BankAccount>",
        "One batch of bank accounts.",
    ),
    walk(
        "v1.bank_accounts.iter",
        (Get, UserApiV1, "bankaccounts/list"),
        Paging::SinceId,
        &["params: V1BankAccountListParams"],
        "V1BankAccount",
        "Every matching bank account, oldest first, checked against the count endpoint.",
    ),
    call(
        "v1.bank_accounts.get",
        (Get, UserApiV1, "bankaccounts/details/{id}"),
        &["id: &str"],
        "V1BankAccount",
        "One bank account by id.",
    ),
    call(
        "v1.bank_accounts.count",
        (Get, UserApiV1, "bankaccounts/count"),
        &["params: V1BankAccountCountParams"],
        "u64",
        "How many bank accounts match.",
    ),
    // User API v2 (§3).
    call(
        "v2.transactions.list",
        (Get, UserApiV2, "transactions"),
        &["params: V2TransactionListParams"],
        "Page<V2Transaction>",
        "One page of transactions (`page`, `per_page` up to 100).",
    ),
    walk(
        "v2.transactions.iter",
        (Get, UserApiV2, "transactions"),
        V2_PAGES,
        &["params: V2TransactionListParams"],
        "V2Transaction",
        "Every matching transaction, page by page (oldest first unless sorted).",
    ),
    call(
        "v2.transactions.get",
        (Get, UserApiV2, "transactions/{id}"),
        &["id: &str"],
        "V2Transaction",
        "One transaction by id (UUID).",
    ),
    call(
        "v2.bank_accounts.list",
        (Get, UserApiV2, "bank-accounts"),
        &["params: V2BankAccountListParams"],
        "Page<V2BankAccount>",
        "One page of bank accounts.",
    ),
    walk(
        "v2.bank_accounts.iter",
        (Get, UserApiV2, "bank-accounts"),
        V2_PAGES,
        &["params: V2BankAccountListParams"],
        "V2BankAccount",
        "Every matching bank account, page by page.",
    ),
    call(
        "v2.bank_accounts.get",
        (Get, UserApiV2, "bank-accounts/{id}"),
        &["id: &str"],
        "V2BankAccount",
        "One bank account by id (UUID).",
    ),
    call(
        "v2.virtual_accounts.list",
        (Get, UserApiV2, "bank-accounts/{bank_account_id}/va"),
        &[
            "bank_account_id: &str",
            "params: V2VirtualAccountListParams",
        ],
        "Page<V2VirtualAccount>",
        "One page of a bank account's virtual accounts.",
    ),
    walk(
        "v2.virtual_accounts.iter",
        (Get, UserApiV2, "bank-accounts/{bank_account_id}/va"),
        V2_PAGES,
        &[
            "bank_account_id: &str",
            "params: V2VirtualAccountListParams",
        ],
        "V2VirtualAccount",
        "Every virtual account of a bank account, page by page.",
    ),
    call(
        "v2.virtual_accounts.get",
        (Get, UserApiV2, "bank-accounts/{bank_account_id}/va/{va_id}"),
        &["bank_account_id: &str", "va_id: &str"],
        "V2VirtualAccount",
        "One virtual account of a bank account.",
    ),
    call(
        "v2.terminals.list",
        (Get, UserApiV2, "bank-accounts/{bank_account_id}/terminals"),
        &["bank_account_id: &str"],
        "Vec<Terminal>",
        "The terminals of a (Vietcombank) bank account.",
    ),
    // VA orders (§4): v1 BIDV and v2.
    call(
        "v1.orders.list",
        (Get, UserApiV1, "bidv/{bank_account_id}/orders"),
        &[
            "bank_account_id: &str",
            "page: Option<u32>",
            "per_page: Option<u32>",
        ],
        "Page<VaOrder>",
        "One page of a BIDV bank account's VA orders.",
    ),
    call(
        "v1.orders.create",
        (Post, UserApiV1, "bidv/{bank_account_id}/orders"),
        &[
            "bank_account_id: &str",
            "bank: OrderBank",
            "params: VaOrderCreateParams",
        ],
        "VaOrder",
        "Creates a VA order with its first VA (BIDV).",
    ),
    call(
        "v1.orders.get",
        (Get, UserApiV1, "bidv/{bank_account_id}/orders/{order_id}"),
        &["bank_account_id: &str", "order_id: &str"],
        "VaOrder",
        "One VA order.",
    ),
    call(
        "v1.orders.cancel",
        (
            Delete,
            UserApiV1,
            "bidv/{bank_account_id}/orders/{order_id}",
        ),
        &["bank_account_id: &str", "order_id: &str"],
        "()",
        "Cancels an order and its unpaid VAs.",
    ),
    call(
        "v1.orders.add_va",
        (
            Post,
            UserApiV1,
            "bidv/{bank_account_id}/orders/{order_id}/vas",
        ),
        &[
            "bank_account_id: &str",
            "order_id: &str",
            "bank: OrderBank",
            "params: VaOrderCreateParams",
        ],
        "VaOrder",
        "Adds another VA to an order.",
    ),
    call(
        "v1.orders.cancel_va",
        (
            Delete,
            UserApiV1,
            "bidv/{bank_account_id}/orders/{order_id}/vas/{va_number}",
        ),
        &["bank_account_id: &str", "order_id: &str", "va_number: &str"],
        "()",
        "Cancels one unpaid VA of an order.",
    ),
    call(
        "v2.orders.list",
        (Get, UserApiV2, "bank-accounts/{bank_account_id}/orders"),
        &[
            "bank_account_id: &str",
            "page: Option<u32>",
            "per_page: Option<u32>",
        ],
        "Page<VaOrder>",
        "One page of a bank account's VA orders.",
    ),
    call(
        "v2.orders.create",
        (Post, UserApiV2, "bank-accounts/{bank_account_id}/orders"),
        &[
            "bank_account_id: &str",
            "bank: OrderBank",
            "params: VaOrderCreateParams",
        ],
        "VaOrder",
        "Creates a VA order with its first VA.",
    ),
    call(
        "v2.orders.get",
        (
            Get,
            UserApiV2,
            "bank-accounts/{bank_account_id}/orders/{order_id}",
        ),
        &["bank_account_id: &str", "order_id: &str"],
        "VaOrder",
        "One VA order.",
    ),
    call(
        "v2.orders.cancel",
        (
            Delete,
            UserApiV2,
            "bank-accounts/{bank_account_id}/orders/{order_id}",
        ),
        &["bank_account_id: &str", "order_id: &str"],
        "()",
        "Cancels an order and its unpaid VAs.",
    ),
    call(
        "v2.orders.add_va",
        (
            Post,
            UserApiV2,
            "bank-accounts/{bank_account_id}/orders/{order_id}/va",
        ),
        &[
            "bank_account_id: &str",
            "order_id: &str",
            "bank: OrderBank",
            "params: VaOrderCreateParams",
        ],
        "VaOrder",
        "Adds another VA to an order.",
    ),
    call(
        "v2.orders.cancel_va",
        (
            Delete,
            UserApiV2,
            "bank-accounts/{bank_account_id}/orders/{order_id}/va/{va_number}",
        ),
        &["bank_account_id: &str", "order_id: &str", "va_number: &str"],
        "()",
        "Cancels one unpaid VA of an order.",
    ),
    // OAuth2 (§5): the flow, then the resource API.
    local(
        "oauth.authorization_url",
        &["scopes: &[&str]", "state: &str"],
        "String",
        "The URL to send the user to, with the scopes asked for and a `state` to check.",
    ),
    call(
        "oauth.exchange_code",
        (Post, OAuth, "token"),
        &["code: &str"],
        "OAuthTokens",
        "Exchanges the callback's code for tokens, saves them and starts using them.",
    ),
    call(
        "oauth.me",
        (Get, OAuthApi, "me"),
        &[],
        "Me",
        "The user who granted access (scope `profile`).",
    ),
    call(
        "oauth.company",
        (Get, OAuthApi, "company"),
        &[],
        "String",
        "The company, as raw JSON text (scope `company`; shape undocumented).",
    ),
    call(
        "oauth.bank_accounts.list",
        (Get, OAuthApi, "bank-accounts"),
        &["params: OAuthListParams"],
        "Page<OAuthBankAccount>",
        "One page of bank accounts (scope `bank-account:read`).",
    ),
    walk(
        "oauth.bank_accounts.iter",
        (Get, OAuthApi, "bank-accounts"),
        OAUTH_PAGES,
        &["params: OAuthListParams"],
        "OAuthBankAccount",
        "Every bank account, page by page.",
    ),
    call(
        "oauth.bank_accounts.get",
        (Get, OAuthApi, "bank-accounts/{id}"),
        &["id: &str"],
        "OAuthBankAccount",
        "One bank account.",
    ),
    call(
        "oauth.bank_accounts.sub_accounts",
        (
            Get,
            OAuthApi,
            "bank-accounts/{bank_account_id}/sub-accounts",
        ),
        &["bank_account_id: &str", "params: OAuthListParams"],
        "Page<OAuthSubAccount>",
        "One page of a bank account's sub-accounts.",
    ),
    call(
        "oauth.transactions.list",
        (Get, OAuthApi, "transactions"),
        &["params: OAuthListParams"],
        "Page<OAuthTransaction>",
        "One page of transactions (scope `transaction:read`).",
    ),
    walk(
        "oauth.transactions.iter",
        (Get, OAuthApi, "transactions"),
        OAUTH_PAGES,
        &["params: OAuthListParams"],
        "OAuthTransaction",
        "Every matching transaction, page by page.",
    ),
    call(
        "oauth.webhooks.list",
        (Get, OAuthApi, "webhooks"),
        &["params: OAuthListParams"],
        "Page<Webhook>",
        "One page of webhooks (scope `webhook:read`).",
    ),
    call(
        "oauth.webhooks.get",
        (Get, OAuthApi, "webhooks/{id}"),
        &["id: &str"],
        "Webhook",
        "One webhook.",
    ),
    call(
        "oauth.webhooks.create",
        (Post, OAuthApi, "webhooks"),
        &["params: WebhookParams"],
        "Webhook",
        "Creates a webhook (scope `webhook:write`).",
    ),
    call(
        "oauth.webhooks.update",
        (Patch, OAuthApi, "webhooks/{id}"),
        &["id: &str", "params: WebhookParams"],
        "Webhook",
        "Changes a webhook (scope `webhook:write`).",
    ),
    call(
        "oauth.webhooks.delete",
        (Delete, OAuthApi, "webhooks/{id}"),
        &["id: &str"],
        "()",
        "Deletes a webhook (scope `webhook:delete`).",
    ),
    // Bank Hub (§6).
    call(
        "bank_hub.link_tokens.create",
        (Post, BankHub, "link-token/create"),
        &[
            "company_xid: &str",
            "purpose: LinkPurpose",
            "completion_redirect_uri: Option<&str>",
            "bank_account_xid: Option<&str>",
        ],
        "LinkToken",
        "Creates a hosted link session for a company.",
    ),
    call(
        "bank_hub.link_tokens.get",
        (Post, BankHub, "link-token/get"),
        &["link_token: &str"],
        "LinkTokenInfo",
        "A link token's state.",
    ),
    call(
        "bank_hub.link_tokens.revoke",
        (Post, BankHub, "link-token/revoke"),
        &["link_token_xid: &str"],
        "String",
        "Revokes a link token; returns SePay's message.",
    ),
    call(
        "bank_hub.companies.list",
        (Get, BankHub, "company"),
        &["params: BankHubListParams"],
        "Page<Company>",
        "One page of companies.",
    ),
    walk(
        "bank_hub.companies.iter",
        (Get, BankHub, "company"),
        V2_PAGES,
        &["params: BankHubListParams"],
        "Company",
        "Every company, page by page.",
    ),
    call(
        "bank_hub.companies.get",
        (Get, BankHub, "company/{company_xid}"),
        &["company_xid: &str"],
        "Company",
        "One company.",
    ),
    call(
        "bank_hub.companies.create",
        (Post, BankHub, "company/create"),
        &["full_name: &str", "status: &str"],
        "String",
        "Creates a company (`status`: `Active` or `Pending`); returns its xid.",
    ),
    call(
        "bank_hub.companies.edit",
        (Post, BankHub, "company/edit/{company_xid}"),
        &["company_xid: &str", "fields: CompanyEdit"],
        "String",
        "Changes the fields set (at least one); returns SePay's message.",
    ),
    call(
        "bank_hub.companies.configuration",
        (Get, BankHub, "company/{company_xid}"),
        &["company_xid: &str"],
        "CompanyConfiguration",
        "A company's payment-code configuration (what `edit` changes).",
    ),
    call(
        "bank_hub.companies.counter",
        (Get, BankHub, "company/counter/{company_xid}"),
        &["company_xid: &str", "date: Option<&str>"],
        "CompanyCounter",
        "Transaction counts of a company (optionally for one day, `YYYY-MM-DD`).",
    ),
    call(
        "bank_hub.bank_accounts.list",
        (Get, BankHub, "bank-account"),
        &["params: BankHubListParams"],
        "Page<BankHubBankAccount>",
        "One page of linked bank accounts.",
    ),
    call(
        "bank_hub.bank_accounts.get",
        (Get, BankHub, "bank-account/{xid}"),
        &["xid: &str"],
        "BankHubBankAccount",
        "One linked bank account (path by analogy, UNVERIFIED).",
    ),
    call(
        "bank_hub.transactions.list",
        (Get, BankHub, "transaction"),
        &["params: BankHubListParams"],
        "Page<BankHubTransaction>",
        "One page of transactions.",
    ),
    walk(
        "bank_hub.transactions.iter",
        (Get, BankHub, "transaction"),
        V2_PAGES,
        &["params: BankHubListParams"],
        "BankHubTransaction",
        "Every matching transaction, page by page.",
    ),
    call(
        "bank_hub.transactions.get",
        (Get, BankHub, "transaction/{transaction_id}"),
        &["transaction_id: &str"],
        "BankHubTransaction",
        "One transaction.",
    ),
    call(
        "bank_hub.merchant_config.get",
        (Get, BankHub, "merchant-config"),
        &[],
        "MerchantConfig",
        "The merchant configuration.",
    ),
    call(
        "bank_hub.merchant_config.update",
        (Post, BankHub, "merchant-config"),
        &["keywords: &[String]"],
        "MerchantConfig",
        "Sets the memo keywords a transaction must contain to be kept.",
    ),
    call(
        "bank_hub.webhook.get",
        (Get, BankHub, "webhook"),
        &[],
        "Option<BankHubWebhook>",
        "The merchant's webhook (`None` when there is none).",
    ),
    call(
        "bank_hub.webhook.set",
        (Post, BankHub, "webhook"),
        &[
            "webhook_url: &str",
            "secret_key: &SecretString",
            "allow_events: &[String]",
            "active: bool",
        ],
        "BankHubWebhook",
        "Sets the merchant's webhook; SePay sends `secret_key` back with every event.",
    ),
    // Payment gateway (§8).
    local(
        "pg.checkout",
        &["request: &CheckoutRequest"],
        "CheckoutForm",
        "The signed form that sends the buyer to SePay's checkout page.",
    ),
    call(
        "pg.orders.list",
        (Get, PgApi, "order"),
        &["params: PgOrderListParams"],
        "Page<PgOrder>",
        "One page of orders.",
    ),
    walk(
        "pg.orders.iter",
        (Get, PgApi, "order"),
        V2_PAGES,
        &["params: PgOrderListParams"],
        "PgOrder",
        "Every matching order, page by page.",
    ),
    call(
        "pg.orders.get",
        (Get, PgApi, "order/detail/{order_id}"),
        &["order_id: &str"],
        "PgOrder",
        "One order by id.",
    ),
    call(
        "pg.orders.cancel",
        (Post, PgApi, "order/cancel"),
        &["order_invoice_number: &str"],
        "String",
        "Cancels an unpaid order; returns SePay's message.",
    ),
    call(
        "pg.orders.void",
        (Post, PgApi, "order/voidTransaction"),
        &["order_invoice_number: &str"],
        "String",
        "Voids a card payment; returns SePay's message.",
    ),
];
