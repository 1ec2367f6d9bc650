//! `client.v1.*` and `client.v2.*`: one class per resource, each method one
//! core operation (names as in `sepay::operations::OPERATIONS`). The classes
//! serve both clients; the `Async...` twins exist so that the types read true.

use pyo3::prelude::*;
use sepay::pg::PgOrderListParams;
use sepay::userapi::v1::{
    V1BankAccountCountParams, V1BankAccountListParams, V1TransactionCountParams,
    V1TransactionListParams,
};
use sepay::userapi::v2::{
    V2BankAccountListParams, V2TransactionListParams, V2VirtualAccountListParams,
};

use sepay::bank_hub::{BankHubListParams, CompanyEdit};
use sepay::oauth::{OAuthListParams, WebhookParams};
use sepay::userapi::orders::VaOrderCreateParams;

use crate::shared::Ctx;
pub use v1::{AsyncV1BankAccounts, AsyncV1Transactions, V1BankAccounts, V1Transactions};
pub use v2::{
    AsyncV2BankAccounts, AsyncV2Terminals, AsyncV2Transactions, AsyncV2VirtualAccounts,
    V2BankAccounts, V2Terminals, V2Transactions, V2VirtualAccounts,
};

/// Declares the async twin of a class and how to instantiate the right one.
macro_rules! twin {
    ($base:ident, $twin:ident, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, module = "sepay_sdk", extends = $base)]
        pub struct $twin;

        impl $base {
            pub(crate) fn instantiate(
                self,
                py: Python<'_>,
                asynchronous: bool,
            ) -> PyResult<Py<PyAny>> {
                if asynchronous {
                    let init = PyClassInitializer::from(self).add_subclass($twin);
                    Ok(Py::new(py, init)?.into_any())
                } else {
                    Ok(Py::new(py, self)?.into_any())
                }
            }
        }
    };
}

mod bank_hub;
mod oauth;
mod orders;
mod pg;
mod v1;
mod v2;

pub use bank_hub::{
    AsyncBankHub, AsyncBankHubBankAccounts, AsyncBankHubTransactions, AsyncBankHubWebhooks,
    AsyncCompanies, AsyncLinkTokens, AsyncMerchantConfigs, BankHub, BankHubBankAccounts,
    BankHubTransactions, BankHubWebhooks, Companies, LinkTokens, MerchantConfigs,
};
pub use oauth::{
    AsyncOAuth, AsyncOAuthBankAccounts, AsyncOAuthTransactions, AsyncOAuthWebhooks, OAuth,
    OAuthBankAccounts, OAuthTransactions, OAuthWebhooks,
};
pub use orders::{AsyncVaOrders, VaOrders};

pub use pg::{AsyncPg, AsyncPgOrders, CheckoutForm, Pg, PgOrders};

/// User API v1 (`client.v1`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V1 {
    /// Transactions: `list`, `iter`, `get`, `count`.
    #[pyo3(get)]
    transactions: Py<PyAny>,
    /// Bank accounts: `list`, `iter`, `get`, `count`.
    #[pyo3(get)]
    bank_accounts: Py<PyAny>,
    /// BIDV VA orders: `list`, `create`, `get`, `cancel`, `add_va`, `cancel_va`.
    #[pyo3(get)]
    orders: Py<PyAny>,
}
twin!(V1, AsyncV1, "User API v1 of an `AsyncClient`.");

impl V1 {
    pub fn create(py: Python<'_>, ctx: &Ctx) -> PyResult<Py<PyAny>> {
        V1 {
            transactions: V1Transactions { ctx: ctx.clone() }.instantiate(py, ctx.asynchronous)?,
            bank_accounts: V1BankAccounts { ctx: ctx.clone() }.instantiate(py, ctx.asynchronous)?,
            orders: VaOrders {
                ctx: ctx.clone(),
                v1: true,
            }
            .instantiate(py, ctx.asynchronous)?,
        }
        .instantiate(py, ctx.asynchronous)
    }
}

/// User API v2 (`client.v2`).
#[pyclass(frozen, subclass, module = "sepay_sdk")]
pub struct V2 {
    /// Transactions: `list`, `iter`, `get`.
    #[pyo3(get)]
    transactions: Py<PyAny>,
    /// Bank accounts: `list`, `iter`, `get`.
    #[pyo3(get)]
    bank_accounts: Py<PyAny>,
    /// Virtual accounts of a bank account: `list`, `iter`, `get`.
    #[pyo3(get)]
    virtual_accounts: Py<PyAny>,
    /// Vietcombank terminals of a bank account: `list`.
    #[pyo3(get)]
    terminals: Py<PyAny>,
    /// VA orders (BIDV, Vietcombank, Sacombank): `list`, `create`, `get`,
    /// `cancel`, `add_va`, `cancel_va`.
    #[pyo3(get)]
    orders: Py<PyAny>,
}
twin!(V2, AsyncV2, "User API v2 of an `AsyncClient`.");

impl V2 {
    pub fn create(py: Python<'_>, ctx: &Ctx) -> PyResult<Py<PyAny>> {
        let a = ctx.asynchronous;
        V2 {
            transactions: V2Transactions { ctx: ctx.clone() }.instantiate(py, a)?,
            bank_accounts: V2BankAccounts { ctx: ctx.clone() }.instantiate(py, a)?,
            virtual_accounts: V2VirtualAccounts { ctx: ctx.clone() }.instantiate(py, a)?,
            terminals: V2Terminals { ctx: ctx.clone() }.instantiate(py, a)?,
            orders: VaOrders {
                ctx: ctx.clone(),
                v1: false,
            }
            .instantiate(py, a)?,
        }
        .instantiate(py, a)
    }
}

/// Keyword parameters of each operation, from the core's params types (for
/// the parity test against the stubs).
pub fn operation_params() -> Vec<(&'static str, &'static [&'static str])> {
    use sepay::params::field_names as f;
    vec![
        ("v1.transactions.list", f::<V1TransactionListParams>()),
        ("v1.transactions.iter", f::<V1TransactionListParams>()),
        ("v1.transactions.count", f::<V1TransactionCountParams>()),
        ("v1.bank_accounts.list", f::<V1BankAccountListParams>()),
        ("v1.bank_accounts.iter", f::<V1BankAccountListParams>()),
        ("v1.bank_accounts.count", f::<V1BankAccountCountParams>()),
        ("v2.transactions.list", f::<V2TransactionListParams>()),
        ("v2.transactions.iter", f::<V2TransactionListParams>()),
        ("v2.bank_accounts.list", f::<V2BankAccountListParams>()),
        ("v2.bank_accounts.iter", f::<V2BankAccountListParams>()),
        (
            "v2.virtual_accounts.list",
            f::<V2VirtualAccountListParams>(),
        ),
        (
            "v2.virtual_accounts.iter",
            f::<V2VirtualAccountListParams>(),
        ),
        ("v1.orders.create", f::<VaOrderCreateParams>()),
        ("v1.orders.add_va", f::<VaOrderCreateParams>()),
        ("v2.orders.create", f::<VaOrderCreateParams>()),
        ("v2.orders.add_va", f::<VaOrderCreateParams>()),
        ("oauth.bank_accounts.list", f::<OAuthListParams>()),
        ("oauth.bank_accounts.iter", f::<OAuthListParams>()),
        ("oauth.bank_accounts.sub_accounts", f::<OAuthListParams>()),
        ("oauth.transactions.list", f::<OAuthListParams>()),
        ("oauth.transactions.iter", f::<OAuthListParams>()),
        ("oauth.webhooks.list", f::<OAuthListParams>()),
        ("oauth.webhooks.create", f::<WebhookParams>()),
        ("oauth.webhooks.update", f::<WebhookParams>()),
        ("bank_hub.companies.list", f::<BankHubListParams>()),
        ("bank_hub.companies.iter", f::<BankHubListParams>()),
        ("bank_hub.companies.edit", f::<CompanyEdit>()),
        ("bank_hub.bank_accounts.list", f::<BankHubListParams>()),
        ("bank_hub.transactions.list", f::<BankHubListParams>()),
        ("bank_hub.transactions.iter", f::<BankHubListParams>()),
        ("pg.orders.list", f::<PgOrderListParams>()),
        ("pg.orders.iter", f::<PgOrderListParams>()),
    ]
}
