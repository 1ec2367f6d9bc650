//! A paginator as a JavaScript object. `index.js` wraps it in an async
//! iterator; each `fetchPage()` is one page of the core's paginator, kept in
//! the module and handed out in slices (`take`), so memory stays bounded by one
//! page however long the list is.

use std::rc::Rc;

use futures::future::LocalBoxFuture;
use futures::lock::Mutex;
use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use sepay::paging::{PageSource, Paginator};

use crate::calls::to_promise;
use crate::convert::{error, to_js};

/// A paginator of any item type whose current page stays in the module's
/// memory and crosses to JavaScript in slices: the item iterator holds one
/// slice of objects at a time instead of a whole (up to 5,000-row) page.
trait JsPages {
    /// Fetches the next page into the buffer: its length, or `None` after the last.
    fn fetch(&mut self) -> LocalBoxFuture<'_, Result<Option<usize>, JsValue>>;
    /// Up to `n` of the buffered page's items not handed out yet, as an array.
    fn take(&mut self, n: usize) -> Result<JsValue, JsValue>;
    fn total(&self) -> Option<u64>;
}

/// A core paginator and the page it fetched last.
struct Buffered<S: PageSource> {
    paginator: Paginator<S>,
    page: Vec<S::Item>,
    taken: usize,
}

impl<S> JsPages for Buffered<S>
where
    S: PageSource + 'static,
    S::Item: Serialize,
{
    fn fetch(&mut self) -> LocalBoxFuture<'_, Result<Option<usize>, JsValue>> {
        Box::pin(async move {
            // Free the last page before the next one is decoded.
            self.page = Vec::new();
            self.taken = 0;
            let next = self.paginator.next_page().await.map_err(|e| error(&e))?;
            Ok(next.map(|items| {
                self.page = items;
                self.page.len()
            }))
        })
    }

    fn take(&mut self, n: usize) -> Result<JsValue, JsValue> {
        let end = self.taken.saturating_add(n).min(self.page.len());
        let slice = to_js(&self.page[self.taken..end])?;
        self.taken = end;
        Ok(slice)
    }

    fn total(&self) -> Option<u64> {
        self.paginator.progress().total
    }
}

/// Pages of one list. Use the async iterator that `iter()` returns instead.
#[wasm_bindgen]
pub struct Pages {
    inner: Rc<Mutex<Box<dyn JsPages>>>,
}

impl Pages {
    pub fn new<S>(paginator: Paginator<S>) -> Pages
    where
        S: PageSource + 'static,
        S::Item: Serialize,
    {
        Pages {
            inner: Rc::new(Mutex::new(Box::new(Buffered {
                paginator,
                page: Vec::new(),
                taken: 0,
            }))),
        }
    }
}

#[wasm_bindgen]
impl Pages {
    /// Fetches the next page into the module's memory and resolves to its
    /// length, or `undefined` after the last; `take` then hands it out. Calls
    /// made while a page is being fetched wait for it.
    #[wasm_bindgen(js_name = fetchPage)]
    pub fn fetch_page(&self) -> Promise {
        let inner = self.inner.clone();
        to_promise(async move {
            let mut pages = inner.lock().await;
            let length = pages.fetch().await?;
            Ok(length.map_or(JsValue::UNDEFINED, |n| JsValue::from(n as f64)))
        })
    }

    /// Up to `n` items of the fetched page not handed out yet (an empty array
    /// once all were). Throws while a page is being fetched: an empty array
    /// then would read as the end of the page.
    pub fn take(&self, n: u32) -> Result<JsValue, JsValue> {
        match self.inner.try_lock() {
            Some(mut pages) => pages.take(n as usize),
            None => Err(js_sys::Error::new("sepay: take() while a page is being fetched").into()),
        }
    }

    /// The list's size once a page has said it (v2's `meta.pagination.total`,
    /// v1's count), else `undefined`; never waits for a page in flight.
    pub fn total(&self) -> Option<f64> {
        self.inner
            .try_lock()
            .and_then(|p| p.total())
            .map(|n| n as f64)
    }
}
