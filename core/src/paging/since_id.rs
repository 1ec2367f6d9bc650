//! `since_id` paging for v1 lists, with completeness checks.
//!
//! v1 has no pages: a list returns at most `limit` items with `id >= since_id`,
//! and SePay does not document their order. A page with fewer than `limit`
//! items is complete whatever its order. A full page is only trusted when
//! 1. its ids are all `>= since_id`, distinct and strictly ascending, and
//! 2. the count endpoint confirms nothing in `[since_id, last id]` is missing:
//!    `count(since_id) - count(last + 1) <= page length`.
//!
//! Anything else (newest-first pages, a window of the newest items sorted
//! ascending, filters the count endpoint cannot apply) stops with
//! [`Error::Pagination`] instead of returning a partial history.

use super::PageSource;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::MaybeSendSync;
use crate::operation::Operation;

/// A v1 list that can be walked with `since_id`.
pub trait SinceIdQuery: Clone + MaybeSendSync {
    /// Item type.
    type Item: MaybeSendSync;
    /// The list operation.
    type List: Operation<Output = Vec<Self::Item>>;
    /// The matching count operation.
    type Count: Operation<Output = u64>;
    /// First `since_id` and the page size.
    fn start(&self) -> (u64, u32);
    /// The list call for one page.
    fn list(&self, since_id: u64, limit: u32) -> Self::List;
    /// The count of items `>= since_id` under the same filters, when the count
    /// endpoint supports every filter in use.
    fn count(&self, since_id: u64) -> Option<Self::Count>;
    /// An item's id.
    fn id_of(item: &Self::Item) -> &str;
}

/// Pages of a v1 list (see the module docs for the checks).
#[derive(Debug, Clone)]
pub struct SinceIdPages<Q: SinceIdQuery> {
    query: Q,
    since_id: u64,
    limit: u32,
    /// `count(since_id)` carried over from the previous page's check.
    count_from_cursor: Option<u64>,
    done: bool,
    fetched: u32,
}

impl<Q: SinceIdQuery> SinceIdPages<Q> {
    /// Pages of `query`, starting at its `since_id` (or the first id).
    pub fn new(query: Q) -> Self {
        let (since_id, limit) = query.start();
        SinceIdPages {
            query,
            since_id,
            limit: limit.max(1),
            count_from_cursor: None,
            done: false,
            fetched: 0,
        }
    }

    async fn count(&self, client: &Client, since_id: u64, name: &str) -> Result<u64> {
        let op = self
            .query
            .count(since_id)
            .ok_or_else(|| Error::Pagination {
                operation: name.to_string(),
                message: format!(
                "a full page of {} came back and the count endpoint cannot apply these filters \
                 (reference_number, amount_in, amount_out), so completeness cannot be checked; \
                 narrow the filters or raise `limit`",
                self.limit
            ),
            })?;
        client.execute(&op).await
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl<Q: SinceIdQuery> PageSource for SinceIdPages<Q> {
    type Item = Q::Item;

    async fn next_page(&mut self, client: &Client) -> Result<Option<Vec<Q::Item>>> {
        if self.done {
            return Ok(None);
        }
        let op = self.query.list(self.since_id, self.limit);
        let name = op.name();
        let cap = client.options().max_pages;
        if self.fetched >= cap {
            return Err(Error::Pagination {
                operation: name.to_string(),
                message: format!("more than {cap} pages (ClientOptions::max_pages)"),
            });
        }
        let items = client.execute(&op).await?;
        self.fetched += 1;
        let ids = check_ids::<Q>(&items, self.since_id, name)?;
        if items.len() < self.limit as usize {
            let mut keyed: Vec<(u64, Q::Item)> = ids.into_iter().zip(items).collect();
            keyed.sort_by_key(|(id, _)| *id);
            self.done = true;
            let page: Vec<_> = keyed.into_iter().map(|(_, item)| item).collect();
            return Ok((!page.is_empty()).then_some(page));
        }
        if !ids.windows(2).all(|w| w[0] < w[1]) {
            return Err(Error::Pagination {
                operation: name.to_string(),
                message: format!(
                    "a full page of {} came back newest-first or unsorted; SePay does not document \
                     v1's order under since_id, and paging this order could skip items. Narrow the \
                     date range so one page holds it, or use the v2 API",
                    self.limit
                ),
            });
        }
        let Some(&last) = ids.last() else {
            return Ok(None);
        };
        let Some(next) = last.checked_add(1) else {
            // The largest possible id: nothing can follow.
            self.done = true;
            return Ok(Some(items));
        };
        let before = match self.count_from_cursor {
            Some(c) => c,
            None => self.count(client, self.since_id, name).await?,
        };
        let after = self.count(client, next, name).await?;
        let in_window = before.saturating_sub(after);
        if in_window > items.len() as u64 {
            return Err(Error::Pagination {
                operation: name.to_string(),
                message: format!(
                    "ids {}..={last} hold {in_window} items but the page returned {}; the server \
                     answered with the newest items of the range, so since_id paging would skip \
                     {} items",
                    self.since_id,
                    items.len(),
                    in_window - items.len() as u64
                ),
            });
        }
        self.count_from_cursor = Some(after);
        self.since_id = next;
        Ok(Some(items))
    }
}

/// Parses every id as a number and checks it is `>= since_id` and unique.
fn check_ids<Q: SinceIdQuery>(items: &[Q::Item], since_id: u64, name: &str) -> Result<Vec<u64>> {
    let mut ids = Vec::with_capacity(items.len());
    for item in items {
        let text = Q::id_of(item);
        let id: u64 = text.parse().map_err(|_| Error::Decode {
            operation: name.to_string(),
            path: Some("id".to_string()),
            expected: "a numeric v1 id".to_string(),
            found: format!("{text:?}"),
        })?;
        if id < since_id {
            return Err(Error::Pagination {
                operation: name.to_string(),
                message: format!(
                    "id {id} is below since_id {since_id}: the server ignored since_id"
                ),
            });
        }
        ids.push(id);
    }
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1]) {
        return Err(Error::Pagination {
            operation: name.to_string(),
            message: format!("id {} appears twice in one page", w[0]),
        });
    }
    Ok(ids)
}
