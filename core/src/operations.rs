//! The list of every public operation, by stable name. It is the single source
//! of truth for the bindings' parity tests: each language must expose each name
//! (`v2.transactions.iter` → Python `client.v2.transactions.iter`, ...).

/// Every operation a client offers, as `surface.resource.action`; each binding
/// reaches it from its client object by the same path (idiomatically cased).
pub const OPERATIONS: &[&str] = &[
    // User API v1 (§2).
    "v1.transactions.list",
    "v1.transactions.iter",
    "v1.transactions.get",
    "v1.transactions.count",
    "v1.bank_accounts.list",
    "v1.bank_accounts.iter",
    "v1.bank_accounts.get",
    "v1.bank_accounts.count",
    // User API v2 (§3).
    "v2.transactions.list",
    "v2.transactions.iter",
    "v2.transactions.get",
    "v2.bank_accounts.list",
    "v2.bank_accounts.iter",
    "v2.bank_accounts.get",
    "v2.virtual_accounts.list",
    "v2.virtual_accounts.iter",
    "v2.virtual_accounts.get",
    "v2.terminals.list",
    // VA orders (§4): v1 BIDV and v2.
    "v1.orders.list",
    "v1.orders.create",
    "v1.orders.get",
    "v1.orders.cancel",
    "v1.orders.add_va",
    "v1.orders.cancel_va",
    "v2.orders.list",
    "v2.orders.create",
    "v2.orders.get",
    "v2.orders.cancel",
    "v2.orders.add_va",
    "v2.orders.cancel_va",
    // OAuth2 (§5): the flow, then the resource API.
    "oauth.authorization_url",
    "oauth.exchange_code",
    "oauth.me",
    "oauth.company",
    "oauth.bank_accounts.list",
    "oauth.bank_accounts.iter",
    "oauth.bank_accounts.get",
    "oauth.bank_accounts.sub_accounts",
    "oauth.transactions.list",
    "oauth.transactions.iter",
    "oauth.webhooks.list",
    "oauth.webhooks.get",
    "oauth.webhooks.create",
    "oauth.webhooks.update",
    "oauth.webhooks.delete",
    // Bank Hub (§6).
    "bank_hub.link_tokens.create",
    "bank_hub.link_tokens.get",
    "bank_hub.link_tokens.revoke",
    "bank_hub.companies.list",
    "bank_hub.companies.iter",
    "bank_hub.companies.get",
    "bank_hub.companies.create",
    "bank_hub.companies.edit",
    "bank_hub.companies.counter",
    "bank_hub.bank_accounts.list",
    "bank_hub.bank_accounts.get",
    "bank_hub.transactions.list",
    "bank_hub.transactions.iter",
    "bank_hub.transactions.get",
    "bank_hub.merchant_config.get",
    "bank_hub.merchant_config.update",
    "bank_hub.webhook.get",
    "bank_hub.webhook.set",
    // Payment gateway (§8).
    "pg.checkout",
    "pg.orders.list",
    "pg.orders.iter",
    "pg.orders.get",
    "pg.orders.cancel",
    "pg.orders.void",
];

/// Every function that needs no client (receiving webhooks, VietQR), as
/// `module.action`; each binding exposes it as a module-level function or on
/// the receiver / issuer object of the same name.
pub const FUNCTIONS: &[&str] = &[
    "webhook.receive",
    "webhook.receive_pg_ipn",
    "webhook.receive_bankhub_ipn",
    "webhook.receive_bankhub_event",
    "webhook.complete",
    "webhook.release",
    "webhook.error_reply",
    "webhook.hmac_signature",
    "webhook.token.issue",
    "qr.payload",
    "qr.decode",
    "qr.image_url",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_well_formed() {
        let all: Vec<_> = OPERATIONS.iter().chain(FUNCTIONS).collect();
        assert_eq!(all.len(), all.iter().collect::<HashSet<_>>().len());
        for name in all {
            assert!(name.split('.').count() >= 2, "{name}");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'),
                "{name}"
            );
        }
    }
}
