//! Bank Hub state (sepay-api.md §6.1): client-credentials tokens with a TTL,
//! companies (three seeded ones own the dataset's bank accounts, round
//! robin), link tokens, the merchant configuration and the one webhook.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::common::hash::Rng;
use crate::common::ids::{uuid, Kind, Uuid};
use crate::common::timefmt::{from_parts, DateTime};

/// Companies seeded at start; bank account `a` belongs to seeded company
/// `(a - 1) % SEEDED_COMPANIES`.
pub const SEEDED_COMPANIES: u32 = 3;

const SEEDED_NAMES: [(&str, &str); SEEDED_COMPANIES as usize] = [
    ("CONG TY TNHH AN PHAT", "Active"),
    ("CONG TY CO PHAN BINH MINH", "Active"),
    ("HO KINH DOANH CHAU THANH", "Pending"),
];

/// The company owning bank account `index` (1-based).
pub fn company_of_account(seed: u64, index: u32) -> Uuid {
    uuid(seed, Kind::Company, (index - 1) % SEEDED_COMPANIES + 1)
}

/// A company's payment-code configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompanyConfig {
    /// `on` / `off`.
    pub payment_code: String,
    /// 2–5 letters.
    pub payment_code_prefix: String,
    /// Shortest suffix.
    pub payment_code_suffix_from: u32,
    /// Longest suffix.
    pub payment_code_suffix_to: u32,
    /// `NumberOnly`, `NumberAndLetter`.
    pub payment_code_suffix_character_type: String,
    /// How long data is kept (invented value).
    pub data_storage_time: String,
    /// Transaction amount limit, if any (invented).
    pub transaction_amount: Option<u64>,
}

/// A company (an end customer of the platform).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    /// 1-based creation index.
    pub n: u32,
    /// Id.
    pub xid: Uuid,
    /// Name (unique).
    pub full_name: String,
    /// Short name.
    pub short_name: Option<String>,
    /// `Active` / `Pending`.
    pub status: String,
    /// Created.
    pub created_at: i64,
    /// Updated.
    pub updated_at: i64,
    /// Payment-code configuration.
    pub config: CompanyConfig,
}

/// A hosted-link token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkToken {
    /// Id (`link_token_xid`).
    pub xid: Uuid,
    /// The token value.
    pub token: Uuid,
    /// Owning company.
    pub company: Uuid,
    /// `LINK_BANK_ACCOUNT` / `UNLINK_BANK_ACCOUNT`.
    pub purpose: String,
    /// Where the WebView goes at the end.
    pub completion_redirect_uri: Option<String>,
    /// 0/1.
    pub is_mobile_app: u8,
    /// `vi` / `en`.
    pub language: String,
    /// For unlinking.
    pub bank_account_xid: Option<String>,
    /// Created.
    pub created_at: i64,
    /// Revoked at, if revoked.
    pub revoked_at: Option<i64>,
    /// Expires.
    pub expires_at: i64,
}

/// The merchant's webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankHubWebhook {
    /// Target.
    pub webhook_url: String,
    /// `SECRET_KEY`.
    pub auth_type: String,
    /// Sent as `X-Secret-Key`.
    pub secret_key: String,
    /// `application/json`.
    pub request_content_type: String,
    /// 0/1.
    pub active: u8,
    /// `["*"]`, `[]` or event names.
    pub allow_events: Vec<String>,
}

/// Merchant configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MerchantConfig {
    /// Only transactions whose memo contains one of these are listed.
    pub transaction_whitelist_remark_keywords: Vec<String>,
    /// Logo of the hosted link page.
    pub logo_url: Option<String>,
}

/// Everything Bank Hub keeps.
#[derive(Debug)]
pub struct BankHubStore {
    seed: u64,
    client_id: String,
    client_secret: String,
    /// Token lifetime.
    pub ttl: Duration,
    tokens: HashMap<String, Instant>,
    rng: Rng,
    /// Companies, oldest first.
    pub companies: Vec<Company>,
    /// Link tokens, oldest first.
    pub links: Vec<LinkToken>,
    /// Merchant configuration.
    pub merchant: MerchantConfig,
    /// The webhook, if set.
    pub webhook: Option<BankHubWebhook>,
}

fn default_config() -> CompanyConfig {
    CompanyConfig {
        payment_code: "on".into(),
        payment_code_prefix: "DH".into(),
        payment_code_suffix_from: 1,
        payment_code_suffix_to: 10,
        payment_code_suffix_character_type: "NumberOnly".into(),
        data_storage_time: "Forever".into(),
        transaction_amount: None,
    }
}

impl BankHubStore {
    /// The store with the seeded companies.
    pub fn new(seed: u64, client_id: String, client_secret: String, ttl: u64) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let mut s = BankHubStore {
            seed,
            client_id,
            client_secret,
            ttl: Duration::from_secs(ttl),
            tokens: HashMap::new(),
            rng: Rng::new(seed ^ nanos ^ 0x00BA_4C4B),
            companies: Vec::new(),
            links: Vec::new(),
            merchant: MerchantConfig::default(),
            webhook: None,
        };
        for (k, (name, status)) in SEEDED_NAMES.iter().enumerate() {
            let at = from_parts(2024, 1, 1 + k as u32, 9, 0, 0);
            s.add_company(name.to_string(), status.to_string(), at);
        }
        s
    }

    /// Whether `authorization` carries the merchant's Basic credentials.
    pub fn client_ok(&self, authorization: &str) -> bool {
        let h = (!authorization.is_empty()).then_some(authorization);
        crate::payment_gateway::crypto::basic_ok(h, &self.client_id, &self.client_secret)
    }

    /// Issues a token (40 hex digits, like the docs' example).
    pub fn issue_token(&mut self) -> String {
        let a = self.rng.next_u64();
        let b = self.rng.next_u64();
        let c = self.rng.next_u64() as u32;
        let token = format!("{a:016x}{b:016x}{c:08x}");
        self.tokens.insert(token.clone(), Instant::now() + self.ttl);
        token
    }

    /// Whether `token` is a live access token.
    pub fn token_valid(&self, token: &str) -> bool {
        self.tokens.get(token).is_some_and(|e| *e > Instant::now())
    }

    /// Expires every token now.
    pub fn expire_tokens(&mut self) {
        self.tokens.clear();
    }

    /// Adds a company (no uniqueness check).
    #[allow(clippy::expect_used, reason = "the Vec was pushed to just before")]
    pub fn add_company(&mut self, full_name: String, status: String, now: i64) -> &Company {
        let n = self.companies.len() as u32 + 1;
        self.companies.push(Company {
            n,
            xid: uuid(self.seed, Kind::Company, n),
            full_name,
            short_name: None,
            status,
            created_at: now,
            updated_at: now,
            config: default_config(),
        });
        self.companies.last().expect("just pushed")
    }

    /// A company by xid.
    pub fn company(&self, xid: &str) -> Option<&Company> {
        let u = Uuid::parse(xid)?;
        self.companies.iter().find(|c| c.xid == u)
    }

    /// A company by xid, for editing.
    pub fn company_mut(&mut self, xid: &str) -> Option<&mut Company> {
        let u = Uuid::parse(xid)?;
        self.companies.iter_mut().find(|c| c.xid == u)
    }

    /// Creates a link token for `company`.
    #[allow(clippy::expect_used, reason = "the Vec was pushed to just before")]
    pub fn add_link(&mut self, mut link: LinkToken) -> &LinkToken {
        let n = self.links.len() as u32 + 1;
        link.xid = uuid(self.seed, Kind::LinkToken, n);
        link.token = uuid(self.seed, Kind::LinkSecret, n);
        self.links.push(link);
        self.links.last().expect("just pushed")
    }

    /// Id of event `k` of link token `n` (1-based).
    pub fn event_xid(&self, n: usize, k: u32) -> Uuid {
        uuid(self.seed, Kind::LinkEvent, n as u32 * 4 + k)
    }
}

/// `Active`, `Revoked` or `Expired` at `now`.
pub fn link_status(l: &LinkToken, now: i64) -> &'static str {
    if l.revoked_at.is_some() {
        "Revoked"
    } else if l.expires_at < now {
        "Expired"
    } else {
        "Active"
    }
}

/// A company as lists show it.
#[derive(Debug, Serialize)]
pub struct CompanyView<'a> {
    xid: Uuid,
    full_name: &'a str,
    status: &'a str,
    active: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    configuration: Option<&'a CompanyConfig>,
    created_at: DateTime,
    updated_at: DateTime,
}

impl<'a> CompanyView<'a> {
    /// The list view (`detail` adds `configuration`).
    pub fn new(c: &'a Company, detail: bool) -> Self {
        CompanyView {
            xid: c.xid,
            full_name: &c.full_name,
            status: &c.status,
            active: u8::from(c.status == "Active"),
            configuration: detail.then_some(&c.config),
            created_at: DateTime(c.created_at),
            updated_at: DateTime(c.updated_at),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    #[test]
    fn tokens_expire_and_companies_are_seeded() {
        let mut s = BankHubStore::new(42, "id".into(), "secret".into(), 60);
        let basic = base64::engine::general_purpose::STANDARD.encode("id:secret");
        assert!(s.client_ok(&format!("Basic {basic}")));
        assert!(!s.client_ok("Basic aWQ6bm9wZQ=="));
        assert!(!s.client_ok(""));
        let t = s.issue_token();
        assert_eq!(t.len(), 40);
        assert!(s.token_valid(&t) && !s.token_valid("x"));
        s.expire_tokens();
        assert!(!s.token_valid(&t));
        assert_eq!(s.companies.len(), 3);
        assert_eq!(s.companies[0].xid, company_of_account(42, 1));
        assert_eq!(s.companies[0].xid, company_of_account(42, 4));
        assert_eq!(s.companies[2].xid, company_of_account(42, 3));
        let xid = s.companies[1].xid.to_string();
        assert_eq!(
            s.company(&xid).unwrap().full_name,
            "CONG TY CO PHAN BINH MINH"
        );
    }
}
