//! Every public operation, described once.
//!
//! [`TABLE`] holds one [`OperationSpec`] per client operation: its stable name
//! (`surface.resource.action`, the path each binding reaches it by), its HTTP
//! method, API and path template, how its results are paged, whether it may
//! be re-sent, its inputs and output, and its doc line. REST operations build
//! their requests from their entry (`Call::new`), the bindings'
//! parity tests and generated files read it, and [`OPERATIONS`] is a view of
//! it. [`FUNCTIONS`] lists what needs no client.

mod table;

pub use table::TABLE;

use crate::config::BaseUrls;
use crate::http::Method;
use crate::operation::Surface;

/// Which SePay API (base URL and credentials) an operation calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// User API v1 (`BaseUrls::user_api_v1`), API token.
    UserApiV1,
    /// User API v2 (`BaseUrls::user_api_v2`), API token.
    UserApiV2,
    /// Payment gateway API (`BaseUrls::pg_api`), merchant id and secret.
    PgApi,
    /// OAuth2 token endpoint (`BaseUrls::oauth`), client credentials.
    OAuth,
    /// OAuth2 resource API (`BaseUrls::oauth_api`), access token.
    OAuthApi,
    /// Bank Hub (`BaseUrls::bank_hub`), client-credentials token.
    BankHub,
}

impl Api {
    /// The base URL this API is reached at.
    pub fn base<'u>(&self, urls: &'u BaseUrls) -> &'u url::Url {
        match self {
            Api::UserApiV1 => &urls.user_api_v1,
            Api::UserApiV2 => &urls.user_api_v2,
            Api::PgApi => &urls.pg_api,
            Api::OAuth => &urls.oauth,
            Api::OAuthApi => &urls.oauth_api,
            Api::BankHub => &urls.bank_hub,
        }
    }

    /// The credentials the client adds.
    pub fn surface(&self) -> Surface {
        match self {
            Api::UserApiV1 | Api::UserApiV2 => Surface::UserApi,
            Api::PgApi => Surface::PaymentGateway,
            Api::OAuth => Surface::None,
            Api::OAuthApi => Surface::OAuth2Api,
            Api::BankHub => Surface::BankHub,
        }
    }
}

/// The HTTP request of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Http {
    /// Method.
    pub method: Method,
    /// API (base URL and credentials).
    pub api: Api,
    /// Path below the API's base URL; `{name}` is a path argument, filled in
    /// percent-encoded from the input of the same name.
    pub path: &'static str,
}

/// How an operation returns its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One request, one answer.
    Call,
    /// Every item of a list, page by page (the list operation's request,
    /// repeated with `paging`).
    Walk(Paging),
    /// Computed locally, nothing sent (URLs, forms).
    Local,
}

/// How a list is walked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// Page number and page size in the query (v2, OAuth2, Bank Hub, PG):
    /// the query names of the two.
    Pages(&'static str, &'static str),
    /// v1: ids from `since_id`, checked against the count endpoint.
    SinceId,
}

/// One operation, described once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationSpec {
    /// Stable name, `surface.resource.action`.
    pub name: &'static str,
    /// The request (`None` for local operations).
    pub http: Option<Http>,
    /// Call, walk or local.
    pub shape: Shape,
    /// Whether the request may be sent again after it may have reached SePay.
    pub resend: bool,
    /// Inputs in order, as `name: RustType` (path arguments first).
    pub inputs: &'static [&'static str],
    /// What a call returns (a walk: the item type), as a Rust type.
    pub output: &'static str,
    /// One line saying what the operation does.
    pub doc: &'static str,
}

impl OperationSpec {
    /// The path arguments named in the path template, in order.
    pub fn path_args(&self) -> impl Iterator<Item = &'static str> {
        let path = self.http.map(|h| h.path).unwrap_or("");
        path.split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
    }

    /// The name components: `("v2", "transactions", "list")`, or for an
    /// operation on the surface itself `("oauth", "", "me")`.
    pub fn parts(&self) -> (&'static str, &'static str, &'static str) {
        let mut it = self.name.splitn(3, '.');
        let surface = it.next().unwrap_or("");
        match (it.next(), it.next()) {
            (Some(resource), Some(action)) => (surface, resource, action),
            (Some(action), None) => (surface, "", action),
            _ => (surface, "", ""),
        }
    }
}

/// The entry of a described operation, found at compile time when used in a
/// `const` (a misspelt name then fails to compile).
pub const fn spec(name: &str) -> &'static OperationSpec {
    let mut i = 0;
    while i < TABLE.len() {
        if str_eq(TABLE[i].name, name) {
            return &TABLE[i];
        }
        i += 1;
    }
    panic!("no such operation in operations::TABLE")
}

/// The table entry named by a string literal, looked up at compile time.
macro_rules! op {
    ($name:literal) => {{
        const SPEC: &$crate::operations::OperationSpec = $crate::operations::spec($name);
        SPEC
    }};
}
pub(crate) use op;

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const COUNT: usize = TABLE.len();

const NAMES: [&str; COUNT] = {
    let mut names = [""; COUNT];
    let mut i = 0;
    while i < COUNT {
        names[i] = TABLE[i].name;
        i += 1;
    }
    names
};

/// Every operation a client offers, as `surface.resource.action` (a view of
/// [`TABLE`]); each binding reaches it from its client object by the same
/// path (idiomatically cased).
pub const OPERATIONS: &[&str] = &NAMES;

/// Every function that needs no client (receiving webhooks, VietQR), as
/// `module.action`; each binding exposes it as a module-level function or on
/// the receiver / issuer object of the same name.
pub const FUNCTIONS: &[&str] = &[
    "webhook.receive",
    "webhook.receive_pg_ipn",
    "webhook.receive_bankhub_ipn",
    "webhook.receive_bankhub_event",
    "webhook.complete",
    "webhook.release",
    "webhook.error_reply",
    "webhook.hmac_signature",
    "webhook.test_delivery",
    "webhook.token.issue",
    "qr.payload",
    "qr.decode",
    "qr.image_url",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_well_formed() {
        let all: Vec<_> = OPERATIONS.iter().chain(FUNCTIONS).collect();
        assert_eq!(all.len(), all.iter().collect::<HashSet<_>>().len());
        for name in all {
            assert!(name.split('.').count() >= 2, "{name}");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'),
                "{name}"
            );
        }
    }

    #[test]
    fn every_entry_is_consistent() {
        for op in TABLE {
            assert!(!op.doc.is_empty() && op.doc.ends_with('.'), "{}", op.name);
            assert_eq!(op.http.is_none(), op.shape == Shape::Local, "{}", op.name);
            let inputs: Vec<&str> = op
                .inputs
                .iter()
                .map(|i| i.split(':').next().unwrap_or("").trim())
                .collect();
            for arg in op.path_args() {
                assert!(inputs.contains(&arg), "{}: path argument {arg}", op.name);
            }
            if let Some(http) = op.http {
                // Only reads are re-sent unless the table says otherwise.
                if op.resend && http.method != Method::Get {
                    assert!(op.name.ends_with(".get"), "{}", op.name);
                }
            }
            if let Shape::Walk(_) = op.shape {
                let list = op.name.replace(".iter", ".list");
                assert_eq!(spec(&list).http, op.http, "{}", op.name);
            }
        }
    }

    #[test]
    fn lookup_finds_each_entry() {
        const GET: &OperationSpec = spec("v2.transactions.get");
        assert_eq!(GET.path_args().collect::<Vec<_>>(), ["id"]);
        assert_eq!(GET.parts(), ("v2", "transactions", "get"));
        assert_eq!(spec("oauth.me").parts(), ("oauth", "", "me"));
    }
}
