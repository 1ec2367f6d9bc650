//! Pages and the one paginator every list uses. A [`PageSource`] knows how to
//! fetch the next page of one pagination style — [`NumberedPages`] (`page` and
//! a page size: v2, OAuth2, Bank Hub, payment gateway) or [`SinceIdPages`]
//! (v1) —; [`Paginator`] turns it into items, pages or a `Stream`, holding at
//! most one page in memory.

mod numbered;
mod since_id;

pub use numbered::{NumberedPages, NumberedQuery, MAX_PER_PAGE};
pub use since_id::{SinceIdPages, SinceIdQuery};

use std::collections::VecDeque;

use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::http::MaybeSendSync;

/// SePay's page metadata (`meta.pagination`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Pagination {
    /// Items matching in total.
    #[serde(deserialize_with = "crate::decode::count::deserialize")]
    pub total: u64,
    /// Page size.
    #[serde(deserialize_with = "crate::decode::count::deserialize")]
    pub per_page: u64,
    /// This page's number (1-based).
    #[serde(deserialize_with = "crate::decode::count::deserialize")]
    pub current_page: u64,
    /// Number of the last page.
    #[serde(deserialize_with = "crate::decode::count::deserialize")]
    pub last_page: u64,
    /// Whether a later page exists (computed from the page numbers when absent).
    #[serde(default)]
    pub has_more: Option<bool>,
}

impl Pagination {
    /// Whether another page follows.
    pub fn more(&self) -> bool {
        self.has_more.unwrap_or(self.current_page < self.last_page)
    }
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// Page metadata, when the API sends it.
    pub pagination: Option<Pagination>,
}

/// Fetches successive pages of one list.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait PageSource: MaybeSendSync {
    /// Item type.
    type Item: MaybeSendSync;

    /// The next page, or `None` when the list is exhausted. After an error the
    /// source has not advanced, so calling again retries the same page.
    async fn next_page(&mut self, client: &Client) -> Result<Option<Vec<Self::Item>>>;

    /// How many items the whole list holds, when the API has said so (v2's
    /// `meta.pagination.total`, v1's count); `None` before the first page.
    fn total(&self) -> Option<u64> {
        None
    }
}

/// A page source with its type erased, for bindings that need one concrete
/// paginator type per item type.
pub type BoxPageSource<T> = Box<dyn PageSource<Item = T>>;

/// A paginator over a type-erased source (see [`Paginator::boxed`]).
pub type BoxPaginator<T> = Paginator<BoxPageSource<T>>;

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
// For every lifetime of the trait object, not just `'static`: rustc checks
// `Send` of the paginator's futures with the lifetimes erased, and would
// otherwise reject them ("implementation of `PageSource` is not general enough").
impl<'a, T: MaybeSendSync> PageSource for Box<dyn PageSource<Item = T> + 'a> {
    type Item = T;

    async fn next_page(&mut self, client: &Client) -> Result<Option<Vec<T>>> {
        (**self).next_page(client).await
    }

    fn total(&self) -> Option<u64> {
        (**self).total()
    }
}

/// Walks a list lazily: one request per page, one page in memory.
#[derive(Debug)]
pub struct Paginator<S: PageSource> {
    client: Client,
    source: S,
    buffer: VecDeque<S::Item>,
    /// Items handed out so far.
    yielded: u64,
    /// Whether a page has been asked for (so `total` knows what it can say).
    started: bool,
}

/// How far a walk is: items handed out so far, and the list's size when the
/// API has said it (v2's `meta.pagination.total`, v1's count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Progress {
    /// Items handed out so far.
    pub items: u64,
    /// Items in the whole list, when known.
    pub total: Option<u64>,
}

impl<S: PageSource> Paginator<S> {
    /// A paginator over `source`.
    pub fn new(client: Client, source: S) -> Self {
        Paginator {
            client,
            source,
            buffer: VecDeque::new(),
            yielded: 0,
            started: false,
        }
    }

    /// The same paginator with its source type erased.
    pub fn boxed(self) -> BoxPaginator<S::Item>
    where
        S: 'static,
    {
        Paginator {
            client: self.client,
            source: Box::new(self.source),
            buffer: self.buffer,
            yielded: self.yielded,
            started: self.started,
        }
    }

    /// The next item, fetching a page when the current one is used up.
    pub async fn next(&mut self) -> Result<Option<S::Item>> {
        if self.buffer.is_empty() && !self.fill().await? {
            return Ok(None);
        }
        let item = self.buffer.pop_front();
        self.yielded += u64::from(item.is_some());
        Ok(item)
    }

    /// The rest of the current page, or the next page; `None` at the end.
    pub async fn next_page(&mut self) -> Result<Option<Vec<S::Item>>> {
        let page = if self.buffer.is_empty() {
            self.started = true;
            self.source.next_page(&self.client).await?
        } else {
            Some(self.buffer.drain(..).collect())
        };
        self.yielded += page.as_ref().map_or(0, |p| p.len() as u64);
        Ok(page)
    }

    /// Fetches the next page into the buffer; false at the end.
    async fn fill(&mut self) -> Result<bool> {
        self.started = true;
        match self.source.next_page(&self.client).await? {
            Some(page) => {
                self.buffer.extend(page);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// How far the walk is, without a request.
    pub fn progress(&self) -> Progress {
        Progress {
            items: self.yielded,
            total: self.source.total(),
        }
    }

    /// The size of the whole list. Before the walk has started this fetches
    /// the first page (kept for the walk, so nothing is asked twice); `None`
    /// when the API does not say (a v2 list without metadata, still going).
    pub async fn total(&mut self) -> Result<Option<u64>> {
        if !self.started {
            self.fill().await?;
        }
        Ok(self.source.total())
    }

    /// Collects everything (memory grows with the list; prefer iterating).
    pub async fn collect_all(mut self) -> Result<Vec<S::Item>> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await? {
            all.extend(page);
        }
        Ok(all)
    }

    /// The items as a `Stream`; it ends after the first error.
    pub fn into_stream(self) -> impl Stream<Item = Result<S::Item>> {
        futures::stream::unfold(Some(self), |state| async move {
            let mut p = state?;
            match p.next().await {
                Ok(Some(item)) => Some((Ok(item), Some(p))),
                Ok(None) => None,
                Err(e) => Some((Err(e), None)),
            }
        })
    }
}
