//! `page` / `per_page` paging for v2 lists.

/// Largest page size SePay accepts on numbered lists.
pub const MAX_PER_PAGE: u32 = 100;

use super::{Page, PageSource};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::MaybeSendSync;
use crate::operation::Operation;

/// A v2 list that can be fetched page by page.
pub trait NumberedQuery: Clone + MaybeSendSync {
    /// Item type (compared to notice a server that repeats a page).
    type Item: MaybeSendSync + Clone + PartialEq;
    /// The list operation.
    type List: Operation<Output = Page<Self::Item>>;
    /// First page and page size requested by the caller.
    fn start(&self) -> (Option<u32>, Option<u32>);
    /// The call for one page.
    fn list(&self, page: u32, per_page: u32) -> Self::List;
}

/// Pages of a v2 list, following `has_more` (or `current_page < last_page`).
///
/// Every walk ends: a page whose `current_page` is not the one asked for, a
/// page that starts with the same item as the previous one, an empty page
/// that claims more follow, or more than `ClientOptions::max_pages` pages
/// stop the walk with `Error::Pagination`.
#[derive(Debug, Clone)]
pub struct NumberedPages<Q: NumberedQuery> {
    query: Q,
    page: u32,
    per_page: u32,
    done: bool,
    fetched: u32,
    previous_first: Option<Q::Item>,
    /// `meta.pagination.total` of the latest page (items counted without paging
    /// when the API sends no metadata and the walk has ended).
    total: Option<u64>,
    returned: u64,
}

impl<Q: NumberedQuery> NumberedPages<Q> {
    /// Pages of `query`, from its `page` (default 1) with its `per_page`
    /// (default 100, the largest SePay allows, to save requests).
    pub fn new(query: Q) -> Self {
        let (page, per_page) = query.start();
        NumberedPages {
            query,
            page: page.unwrap_or(1).max(1),
            per_page: per_page.unwrap_or(MAX_PER_PAGE),
            done: false,
            fetched: 0,
            previous_first: None,
            total: None,
            returned: 0,
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl<Q: NumberedQuery> PageSource for NumberedPages<Q> {
    type Item = Q::Item;

    async fn next_page(&mut self, client: &Client) -> Result<Option<Vec<Q::Item>>> {
        if self.done {
            return Ok(None);
        }
        let op = self.query.list(self.page, self.per_page);
        let stop = |message: String| Error::Pagination {
            operation: op.name().to_string(),
            message,
        };
        let cap = client.options().max_pages;
        if self.fetched >= cap {
            return Err(stop(format!(
                "more than {cap} pages (ClientOptions::max_pages) and SePay still says more follow"
            )));
        }
        let page = client.execute(&op).await?;
        self.fetched += 1;
        let more = match &page.pagination {
            Some(p) => p.more(),
            None => page.items.len() >= self.per_page as usize,
        };
        if let Some(p) = page
            .pagination
            .filter(|p| p.current_page != u64::from(self.page))
        {
            return Err(stop(format!(
                "asked for page {} but SePay answered page {}",
                self.page, p.current_page
            )));
        }
        if more && page.items.is_empty() {
            return Err(stop(format!(
                "page {} is empty but SePay says more pages follow",
                self.page
            )));
        }
        if !page.items.is_empty() && page.items.first() == self.previous_first.as_ref() {
            return Err(stop(format!(
                "page {} repeats page {} (same first item)",
                self.page,
                self.page - 1
            )));
        }
        self.previous_first = page.items.first().cloned();
        self.done = !more;
        self.returned += page.items.len() as u64;
        self.total = match &page.pagination {
            Some(p) => Some(p.total),
            None if self.done => Some(self.returned),
            None => None,
        };
        self.page = self
            .page
            .checked_add(1)
            .ok_or_else(|| stop("the page number overflowed".into()))?;
        Ok((!page.items.is_empty()).then_some(page.items))
    }

    fn total(&self) -> Option<u64> {
        self.total
    }
}
