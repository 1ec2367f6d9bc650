//! One paginator object per item type over the core's type-erased paginator.
//! Kotlin wraps them in a `Flow`, Swift in an `AsyncSequence` (hand-written,
//! in `kotlin/` and `swift/`). Memory stays bounded by one page.

use std::sync::Arc;

use sepay::bank_hub::{BankHubTransaction, Company};
use sepay::oauth::{OAuthBankAccount, OAuthTransaction};
use sepay::paging::BoxPaginator;
use sepay::pg::PgOrder;
use sepay::userapi::v1::{V1BankAccount, V1Transaction};
use sepay::userapi::v2::{V2BankAccount, V2Transaction, V2VirtualAccount};
use tokio::sync::Mutex;

use crate::error::SePayError;

macro_rules! paginator {
    ($name:ident, $item:ty, $doc:tt) => {
        #[doc = $doc]
        #[derive(uniffi::Object)]
        pub struct $name(Mutex<BoxPaginator<$item>>);

        impl $name {
            pub(crate) fn new(paginator: BoxPaginator<$item>) -> Arc<Self> {
                Arc::new($name(Mutex::new(paginator)))
            }
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl $name {
            /// The next item, or null at the end.
            pub async fn next(&self) -> Result<Option<$item>, SePayError> {
                Ok(self.0.lock().await.next().await?)
            }

            /// The rest of the current page, or the next page; null at the end.
            pub async fn next_page(&self) -> Result<Option<Vec<$item>>, SePayError> {
                Ok(self.0.lock().await.next_page().await?)
            }
        }
    };
}

paginator!(V1TransactionPaginator, V1Transaction, "Walks V1 transactions lazily, one request per page; after an error, calling again retries the same page.");
paginator!(V1BankAccountPaginator, V1BankAccount, "Walks V1 bank accounts lazily, one request per page; after an error, calling again retries the same page.");
paginator!(V2TransactionPaginator, V2Transaction, "Walks V2 transactions lazily, one request per page; after an error, calling again retries the same page.");
paginator!(V2BankAccountPaginator, V2BankAccount, "Walks V2 bank accounts lazily, one request per page; after an error, calling again retries the same page.");
paginator!(V2VirtualAccountPaginator, V2VirtualAccount, "Walks V2 virtual accounts lazily, one request per page; after an error, calling again retries the same page.");
paginator!(PgOrderPaginator, PgOrder, "Walks payment gateway orders lazily, one request per page; after an error, calling again retries the same page.");
paginator!(OAuthBankAccountPaginator, OAuthBankAccount, "Walks OAuth2 bank accounts lazily, one request per page; after an error, calling again retries the same page.");
paginator!(OAuthTransactionPaginator, OAuthTransaction, "Walks OAuth2 transactions lazily, one request per page; after an error, calling again retries the same page.");
paginator!(BankHubCompanyPaginator, Company, "Walks Bank Hub companies lazily, one request per page; after an error, calling again retries the same page.");
paginator!(BankHubTransactionPaginator, BankHubTransaction, "Walks Bank Hub transactions lazily, one request per page; after an error, calling again retries the same page.");
