//! `since_id` paging for v1 lists, with completeness checks (ADR 0002).
//!
//! v1 has no pages: a list returns at most `limit` items with `id >= since_id`,
//! and SePay does not document their order. A page with fewer than `limit`
//! items is complete whatever its order. Full pages must hold distinct ids
//! `>= since_id` in strictly ascending order, and the count endpoint checks
//! the walk twice, whatever its length:
//! 1. **the server's order, once**, at the first full page:
//!    `count(start) - count(last + 1) <= page length` (a server answering with
//!    the newest items of the window is caught before the walk goes on);
//!    `count(start)` is also the walk's [`total`](super::PageSource::total);
//! 2. **the whole walk, at the end**: the items returned must equal
//!    `count(start)` now, less what arrived after the last id returned
//!    (`count(last + 1)`, asked only when the first count differs).
//!
//! So a walk of `P` pages makes `P + 3` requests (one more when transactions
//! arrive during the final check). Anything else (newest-first pages, a
//! mismatch at the end, filters the count endpoint cannot apply) ends the walk
//! with [`Error::Pagination`] instead of a partial history: the end check
//! comes after the last page's items, as the stream's final element.

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
    /// The walk's first `since_id`.
    start: u64,
    since_id: u64,
    limit: u32,
    /// `count(start)` at the first full page (the order check and the total).
    total: Option<u64>,
    /// Items returned so far, and the largest id among them.
    returned: u64,
    last_id: Option<u64>,
    /// The end check's failure (operation, message), reported after the
    /// last page's items.
    failed: Option<(String, String)>,
    done: bool,
    fetched: u32,
}

impl<Q: SinceIdQuery> SinceIdPages<Q> {
    /// Pages of `query`, starting at its `since_id` (or the first id).
    pub fn new(query: Q) -> Self {
        let (since_id, limit) = query.start();
        SinceIdPages {
            query,
            start: since_id,
            since_id,
            limit: limit.max(1),
            total: None,
            returned: 0,
            last_id: None,
            failed: None,
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
        if let Some((operation, message)) = self.failed.take() {
            return Err(Error::Pagination { operation, message });
        }
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
            if let Some(&(last, _)) = keyed.last() {
                self.last_id = Some(last);
            }
            self.returned += keyed.len() as u64;
            // Only a walk that trusted full pages needs the end check.
            if self.total.is_some() {
                self.failed = self.check_walk(client, name).await?;
            } else {
                self.total = Some(self.returned);
            }
            self.done = true;
            let page: Vec<_> = keyed.into_iter().map(|(_, item)| item).collect();
            return match (page.is_empty(), self.failed.take()) {
                (true, Some((operation, message))) => Err(Error::Pagination { operation, message }),
                (true, None) => Ok(None),
                (false, failed) => {
                    self.failed = failed;
                    Ok(Some(page))
                }
            };
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
        if self.total.is_none() {
            self.check_order(client, name, last, items.len() as u64)
                .await?;
        }
        self.returned += items.len() as u64;
        self.last_id = Some(last);
        match last.checked_add(1) {
            Some(next) => self.since_id = next,
            // The largest possible id: nothing can follow.
            None => self.done = true,
        }
        Ok(Some(items))
    }

    fn total(&self) -> Option<u64> {
        self.total
    }
}

impl<Q: SinceIdQuery> SinceIdPages<Q> {
    /// The first full page: the server must have answered with the smallest
    /// ids of the window. Keeps `count(start)` as the total.
    async fn check_order(
        &mut self,
        client: &Client,
        name: &str,
        last: u64,
        len: u64,
    ) -> Result<()> {
        let before = self.count(client, self.since_id, name).await?;
        let after = match last.checked_add(1) {
            Some(next) => self.count(client, next, name).await?,
            None => 0,
        };
        let in_window = before.saturating_sub(after);
        if in_window > len {
            return Err(Error::Pagination {
                operation: name.to_string(),
                message: format!(
                    "ids {}..={last} hold {in_window} items but the page returned {len}; the server \
                     answered with the newest items of the range, so since_id paging would skip \
                     {} items",
                    self.since_id,
                    in_window - len
                ),
            });
        }
        self.total = Some(before);
        Ok(())
    }

    /// After the last page: every item from `start` up to the last id returned
    /// must have been returned. `Some((operation, message))` when not.
    async fn check_walk(&self, client: &Client, name: &str) -> Result<Option<(String, String)>> {
        let now = self.count(client, self.start, name).await?;
        if now == self.returned {
            return Ok(None);
        }
        // Items that arrived after the last id returned are not missing.
        let later = match self.last_id.and_then(|l| l.checked_add(1)) {
            Some(next) if now > self.returned => self.count(client, next, name).await?,
            _ => 0,
        };
        let covered = now.saturating_sub(later);
        if covered == self.returned {
            return Ok(None);
        }
        Ok(Some((
            name.to_string(),
            format!(
                "the walk returned {} items but the count endpoint holds {covered} in ids {}..={} \
                 (a difference of {}): items were skipped or removed during the walk. Walk \
                 again, narrow the date range, or use the v2 API",
                self.returned,
                self.start,
                self.last_id.unwrap_or(self.start),
                covered.abs_diff(self.returned)
            ),
        )))
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
