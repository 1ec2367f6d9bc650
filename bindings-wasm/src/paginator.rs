//! A paginator as a JavaScript object. `index.js` wraps it in an async
//! iterator; each `nextPage()` is one page of the core's paginator, so memory
//! stays bounded by one page however long the list is.

use std::rc::Rc;

use futures::future::LocalBoxFuture;
use futures::lock::Mutex;
use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use sepay::paging::{PageSource, Paginator};

use crate::calls::to_promise;
use crate::convert::{error, to_js};

/// A paginator of any item type, yielding pages as JavaScript arrays.
trait JsPages {
    fn next_js(&mut self) -> LocalBoxFuture<'_, Result<Option<JsValue>, JsValue>>;
    fn total(&self) -> Option<u64>;
}

impl<S> JsPages for Paginator<S>
where
    S: PageSource + 'static,
    S::Item: Serialize,
{
    fn next_js(&mut self) -> LocalBoxFuture<'_, Result<Option<JsValue>, JsValue>> {
        Box::pin(async move {
            match self.next_page().await.map_err(|e| error(&e))? {
                Some(items) => to_js(&items).map(Some),
                None => Ok(None),
            }
        })
    }

    fn total(&self) -> Option<u64> {
        self.progress().total
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
            inner: Rc::new(Mutex::new(Box::new(paginator))),
        }
    }
}

#[wasm_bindgen]
impl Pages {
    /// The next page of items, or `undefined` after the last. Calls made
    /// while a page is being fetched wait for it.
    #[wasm_bindgen(js_name = nextPage)]
    pub fn next_page(&self) -> Promise {
        let inner = self.inner.clone();
        to_promise(async move {
            let mut pages = inner.lock().await;
            Ok(pages.next_js().await?.unwrap_or(JsValue::UNDEFINED))
        })
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
