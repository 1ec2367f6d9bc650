//! The list of every public operation, by stable name. It is the single source
//! of truth for the bindings' parity tests: each language must expose each name
//! (`v2.transactions.iter` → Python `client.v2.transactions.iter`, ...).

/// Every operation the core offers, as `surface.resource.action`.
pub const OPERATIONS: &[&str] = &[
    "v1.transactions.list",
    "v1.transactions.iter",
    "v1.transactions.get",
    "v1.transactions.count",
    "v1.bank_accounts.list",
    "v1.bank_accounts.iter",
    "v1.bank_accounts.get",
    "v1.bank_accounts.count",
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
];
