//! v2 query validation: collects per-field errors for a 422 answer.

use crate::common::ids::Uuid;
use crate::common::params::Params;
use crate::common::respond::ApiResponse;
use crate::common::timefmt::{self, ParsedDate};

/// Maximum `per_page`.
pub const MAX_PER_PAGE: u64 = 100;
/// Default `per_page`.
pub const DEFAULT_PER_PAGE: u64 = 20;

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Ascending.
    Asc,
    /// Descending.
    Desc,
}

/// `page` / `per_page`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageReq {
    /// 1-based page.
    pub page: u64,
    /// Page size (1..=100).
    pub per_page: u64,
}

impl PageReq {
    /// Items to skip.
    pub fn offset(&self) -> u64 {
        (self.page - 1).saturating_mul(self.per_page)
    }
}

/// Reads typed parameters, remembering every validation error.
#[derive(Debug)]
pub struct Validator<'p> {
    p: &'p Params,
    errors: Vec<(String, String)>,
}

impl<'p> Validator<'p> {
    /// A validator over `p`.
    pub fn new(p: &'p Params) -> Validator<'p> {
        Validator {
            p,
            errors: Vec::new(),
        }
    }

    fn fail<T>(&mut self, key: &str, msg: &str) -> Option<T> {
        self.errors.push((key.to_string(), msg.to_string()));
        None
    }

    /// A string parameter.
    pub fn str(&self, key: &str) -> Option<&'p str> {
        self.p.get(key)
    }

    /// A non-negative integer.
    pub fn uint(&mut self, key: &str) -> Option<u64> {
        let v = self.p.get(key)?;
        match v.parse::<u64>() {
            Ok(n) if v.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => self.fail(key, "must be an integer >= 0"),
        }
    }

    /// A `0` / `1` flag.
    pub fn flag(&mut self, key: &str) -> Option<bool> {
        match self.p.get(key)? {
            "0" => Some(false),
            "1" => Some(true),
            _ => self.fail(key, "must be 0 or 1"),
        }
    }

    /// `asc` / `desc`.
    pub fn sort(&mut self, key: &str) -> Option<Dir> {
        match self.p.get(key)?.to_ascii_lowercase().as_str() {
            "asc" => Some(Dir::Asc),
            "desc" => Some(Dir::Desc),
            _ => self.fail(key, "must be asc or desc"),
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD`).
    pub fn date(&mut self, key: &str) -> Option<ParsedDate> {
        let v = self.p.get(key)?;
        match timefmt::parse(v) {
            Some(d) => Some(d),
            None => self.fail(key, "must be a date in YYYY-MM-DD HH:MM:SS format"),
        }
    }

    /// A UUID.
    pub fn uuid(&mut self, key: &str) -> Option<Uuid> {
        let v = self.p.get(key)?;
        match Uuid::parse(v) {
            Some(u) => Some(u),
            None => self.fail(key, "must be a valid UUID"),
        }
    }

    /// `in` / `out` as `Some(true)` for in.
    pub fn transfer_type(&mut self, key: &str) -> Option<bool> {
        match self.p.get(key)? {
            "in" => Some(true),
            "out" => Some(false),
            _ => self.fail(key, "must be in or out"),
        }
    }

    /// `page` (default 1) and `per_page` (default 20, 1..=100).
    pub fn page(&mut self) -> PageReq {
        let page = match self.p.get("page") {
            None => 1,
            Some(v) => match v.parse::<u64>() {
                Ok(n) if n >= 1 => n,
                _ => {
                    self.fail::<()>("page", "must be an integer >= 1");
                    1
                }
            },
        };
        let per_page = match self.p.get("per_page") {
            None => DEFAULT_PER_PAGE,
            Some(v) => match v.parse::<u64>() {
                Ok(n) if (1..=MAX_PER_PAGE).contains(&n) => n,
                _ => {
                    self.fail::<()>("per_page", "must be between 1 and 100");
                    DEFAULT_PER_PAGE
                }
            },
        };
        PageReq { page, per_page }
    }

    /// Records a custom error.
    pub fn error(&mut self, key: &str, msg: &str) {
        self.fail::<()>(key, msg);
    }

    /// `Err(422 response)` when any parameter was invalid.
    pub fn finish(self) -> Result<(), ApiResponse> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiResponse::v2_validation(&self.errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_errors() {
        let p = Params::parse("per_page=101&page=0&x_sort=up&d=2025-99-01&n=-1&f=2");
        let mut v = Validator::new(&p);
        assert_eq!(
            v.page(),
            PageReq {
                page: 1,
                per_page: 20
            }
        );
        assert_eq!(v.sort("x_sort"), None);
        assert_eq!(v.date("d"), None);
        assert_eq!(v.uint("n"), None);
        assert_eq!(v.flag("f"), None);
        assert_eq!(v.errors.len(), 6);
        let r = v.finish().unwrap_err();
        assert_eq!(r.status, 422);
        let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(body["errors"]["per_page"][0], "must be between 1 and 100");
        assert_eq!(body["error_code"], "validation_error");
        let ok = Params::parse("page=3&per_page=100");
        let mut v = Validator::new(&ok);
        assert_eq!(v.page().offset(), 200);
        assert!(v.finish().is_ok());
    }
}
