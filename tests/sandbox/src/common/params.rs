//! Query-string access with PHP-like semantics: the last occurrence of a
//! key wins and empty values count as absent.

/// Decoded query parameters.
#[derive(Debug, Clone, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parses a raw (percent-encoded) query string.
    pub fn parse(query: &str) -> Params {
        Params(
            form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The value of `key`, trimmed; `None` when missing or empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// Splits a path into its non-empty segments.
pub fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_wins_and_empty_is_absent() {
        let p = Params::parse("a=1&a=2&b=&c=x%20y&d=2025-01-01+10%3A00%3A00");
        assert_eq!(p.get("a"), Some("2"));
        assert_eq!(p.get("b"), None);
        assert_eq!(p.get("c"), Some("x y"));
        assert_eq!(p.get("d"), Some("2025-01-01 10:00:00"));
        assert_eq!(p.get("zz"), None);
        assert_eq!(
            segments("/userapi/transactions/list/"),
            ["userapi", "transactions", "list"]
        );
    }
}
