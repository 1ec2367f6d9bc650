//! The paginator object of one item type over the core's type-erased
//! paginator (`paginator!`, used by the generated objects). Kotlin wraps each
//! in a `Flow` (`asFlow()`), Swift in an `AsyncSequence` (`items()`); memory
//! stays bounded by one page.

macro_rules! paginator {
    ($name:ident, $item:ty, $doc:tt) => {
        #[doc = $doc]
        #[derive(uniffi::Object)]
        pub struct $name(::tokio::sync::Mutex<::sepay::paging::BoxPaginator<$item>>);

        impl $name {
            pub(crate) fn new(
                paginator: ::sepay::paging::BoxPaginator<$item>,
            ) -> ::std::sync::Arc<Self> {
                ::std::sync::Arc::new($name(::tokio::sync::Mutex::new(paginator)))
            }
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl $name {
            /// The next item, or null at the end.
            pub async fn next(&self) -> Result<Option<$item>, crate::error::SePayError> {
                Ok(self.0.lock().await.next().await?)
            }

            /// The rest of the current page, or the next page; null at the end.
            pub async fn next_page(&self) -> Result<Option<Vec<$item>>, crate::error::SePayError> {
                Ok(self.0.lock().await.next_page().await?)
            }

            /// How far the walk is: items handed out so far, and the list's
            /// size once SePay has said it (no request).
            pub async fn progress(&self) -> ::sepay::Progress {
                self.0.lock().await.progress()
            }

            /// The list's size (v2's `meta.pagination.total`, v1's count);
            /// before the walk starts this fetches the first page, kept for
            /// the walk. Null when SePay does not say.
            pub async fn total(&self) -> Result<Option<u64>, crate::error::SePayError> {
                Ok(self.0.lock().await.total().await?)
            }
        }
    };
}
pub(crate) use paginator;
