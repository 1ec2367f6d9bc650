//! Which Python class each operation lands in: the stub's class names, kept
//! as they were written by hand, with their docstrings. The async twin of a
//! class is `Async` + its name.

/// One Python class of the generated region.
#[derive(Debug, Clone, Copy)]
pub struct Class {
    /// Python name of the sync class.
    pub name: &'static str,
    /// Class docstring.
    pub doc: &'static str,
    /// What it holds: `surface.resource` (a resource class) or `surface` (a
    /// surface class: its own operations and one property per resource).
    /// Several keys share a class; the first one's docs are used.
    pub keys: &'static [&'static str],
}

/// Shorthand for a [`Class`].
const fn class(name: &'static str, keys: &'static [&'static str], doc: &'static str) -> Class {
    Class { name, doc, keys }
}

/// The surfaces, in the order they are written.
pub const SURFACES: &[Class] = &[
    class("V1", &["v1"], "User API v1 (`client.v1`): transactions, bank accounts, BIDV VA orders."),
    class(
        "V2",
        &["v2"],
        "User API v2 (`client.v2`): transactions, bank accounts, virtual accounts, terminals, VA orders.",
    ),
    class(
        "OAuth",
        &["oauth"],
        "OAuth2: the authorization-code flow and the authorizing user's resources.",
    ),
    class(
        "BankHub",
        &["bank_hub"],
        "Bank Hub: hosted bank linking, companies, linked accounts and transactions.",
    ),
    class("Pg", &["pg"], "Payment gateway (`client.pg`); `checkout` sends nothing (no await)."),
];

/// The resource classes.
pub const RESOURCES: &[Class] = &[
    class(
        "V1Transactions",
        &["v1.transactions"],
        "User API v1 transactions.",
    ),
    class(
        "V1BankAccounts",
        &["v1.bank_accounts"],
        "User API v1 bank accounts.",
    ),
    class(
        "VaOrders",
        &["v2.orders", "v1.orders"],
        "VA orders of `client.v1` (BIDV only) or `client.v2` (BIDV, Vietcombank, Sacombank).",
    ),
    class(
        "V2Transactions",
        &["v2.transactions"],
        "User API v2 transactions.",
    ),
    class(
        "V2BankAccounts",
        &["v2.bank_accounts"],
        "User API v2 bank accounts.",
    ),
    class(
        "V2VirtualAccounts",
        &["v2.virtual_accounts"],
        "Virtual accounts (VAs) of a bank account.",
    ),
    class(
        "V2Terminals",
        &["v2.terminals"],
        "Terminals of a (Vietcombank) bank account.",
    ),
    class(
        "OAuthBankAccounts",
        &["oauth.bank_accounts"],
        "OAuth2 bank accounts (scope `bank-account:read`).",
    ),
    class(
        "OAuthTransactions",
        &["oauth.transactions"],
        "OAuth2 transactions (scope `transaction:read`).",
    ),
    class(
        "OAuthWebhooks",
        &["oauth.webhooks"],
        "OAuth2 webhooks (scopes `webhook:read`, `webhook:write`, `webhook:delete`).",
    ),
    class(
        "LinkTokens",
        &["bank_hub.link_tokens"],
        "Bank Hub link tokens (hosted bank-linking sessions).",
    ),
    class("Companies", &["bank_hub.companies"], "Bank Hub companies."),
    class(
        "BankHubBankAccounts",
        &["bank_hub.bank_accounts"],
        "Bank accounts linked through Bank Hub.",
    ),
    class(
        "BankHubTransactions",
        &["bank_hub.transactions"],
        "Bank Hub transactions.",
    ),
    class(
        "MerchantConfigs",
        &["bank_hub.merchant_config"],
        "The Bank Hub merchant configuration.",
    ),
    class(
        "BankHubWebhooks",
        &["bank_hub.webhook"],
        "The Bank Hub merchant webhook.",
    ),
    class("PgOrders", &["pg.orders"], "Payment gateway orders."),
];

/// The key an operation is filed under: `surface.resource`, or `surface`
/// for an operation on the surface itself.
pub fn key(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((key, _)) => key,
        None => name,
    }
}

/// The class (resource or surface) holding `key`.
pub fn class_of(key: &str) -> Result<&'static Class, String> {
    let mut found = RESOURCES
        .iter()
        .chain(SURFACES)
        .filter(|c| c.keys.contains(&key));
    match (found.next(), found.next()) {
        (Some(class), None) => Ok(class),
        (None, _) => Err(format!(
            "no Python class for `{key}` (add it to tools/codegen/src/layout.rs)"
        )),
        (Some(a), Some(b)) => Err(format!("`{key}` is in both {} and {}", a.name, b.name)),
    }
}
