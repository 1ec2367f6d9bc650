//! Query-string building and parameter checks shared by v2 operations.

use crate::error::{Error, Result};
use crate::money::Amount;
use crate::time::DateBound;

use super::models::SortOrder;

use crate::paging::MAX_PER_PAGE;

/// Query pairs for one request; empty values are dropped when the URL is built.
pub(crate) struct Query {
    operation: &'static str,
    pairs: Vec<(&'static str, String)>,
}

impl Query {
    pub(crate) fn new(operation: &'static str) -> Self {
        Query {
            operation,
            pairs: Vec::new(),
        }
    }

    pub(crate) fn text(mut self, key: &'static str, value: &Option<String>) -> Self {
        self.pairs.push((key, value.clone().unwrap_or_default()));
        self
    }

    pub(crate) fn date(mut self, key: &'static str, value: &Option<DateBound>) -> Self {
        self.pairs
            .push((key, value.map(|b| b.to_query()).unwrap_or_default()));
        self
    }

    pub(crate) fn flag(mut self, key: &'static str, value: Option<bool>) -> Self {
        self.pairs.push((
            key,
            value
                .map(|b| if b { "1" } else { "0" }.to_string())
                .unwrap_or_default(),
        ));
        self
    }

    pub(crate) fn sort(mut self, key: &'static str, value: Option<SortOrder>) -> Self {
        self.pairs.push((
            key,
            value.map(|s| s.as_str().to_string()).unwrap_or_default(),
        ));
        self
    }

    /// v2 money filters are whole, non-negative dong.
    pub(crate) fn dong(mut self, key: &'static str, value: &Option<Amount>) -> Result<Self> {
        let text = match value {
            None => String::new(),
            Some(a) => match a.to_dong() {
                Some(d) if d >= 0 => d.to_string(),
                _ => {
                    return Err(Error::invalid_param(
                        self.operation,
                        key,
                        format!("must be a whole, non-negative number of dong, got {a}"),
                    ))
                }
            },
        };
        self.pairs.push((key, text));
        Ok(self)
    }

    /// `page` (>= 1) and `per_page` (1–100).
    pub(crate) fn paging(mut self, page: Option<u32>, per_page: Option<u32>) -> Result<Self> {
        if page == Some(0) {
            return Err(Error::invalid_param(
                self.operation,
                "page",
                "must be at least 1",
            ));
        }
        if per_page.is_some_and(|p| !(1..=MAX_PER_PAGE).contains(&p)) {
            return Err(Error::invalid_param(
                self.operation,
                "per_page",
                "must be between 1 and 100",
            ));
        }
        self.pairs
            .push(("page", page.map(|v| v.to_string()).unwrap_or_default()));
        self.pairs.push((
            "per_page",
            per_page.map(|v| v.to_string()).unwrap_or_default(),
        ));
        Ok(self)
    }

    pub(crate) fn into_pairs(self) -> Vec<(&'static str, String)> {
        self.pairs
    }
}
