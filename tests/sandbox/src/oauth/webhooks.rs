//! Webhooks of the OAuth2 resource API (`/api/v1/webhooks`): records with
//! exactly the fields of sepay-api.md §5.2's example. They are not wired to
//! the sandbox's delivery machinery (`/__sandbox/webhooks` is).

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use crate::common::body::Fields;
use crate::common::timefmt::{from_parts, DateTime};
use crate::dataset::Dataset;

/// `event_type` values.
pub const EVENT_TYPES: [&str; 3] = ["All", "In_only", "Out_only"];
/// `authen_type` values (`No_Authen` spelling UNVERIFIED).
pub const AUTHEN_TYPES: [&str; 4] = ["Api_Key", "OAuth2.0", "HMAC_SHA256", "No_Authen"];
/// `request_content_type` values (only `Json` is documented).
pub const CONTENT_TYPES: [&str; 3] = ["Json", "Form_Urlencoded", "Multipart_Form_Data"];

/// `retry_conditions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetryConditions {
    /// Retry on non-2xx answers (0/1).
    pub non_2xx_status_code: u8,
}

/// A webhook as the OAuth2 API shows it (field order of the docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OAuthWebhook {
    /// Id.
    pub id: u64,
    /// Bank account watched (v1 / OAuth2 integer id).
    pub bank_account_id: u32,
    /// Name.
    pub name: String,
    /// `All`, `In_only`, `Out_only`.
    pub event_type: String,
    /// `Api_Key`, `OAuth2.0`, `HMAC_SHA256`, `No_Authen`.
    pub authen_type: String,
    /// Target URL.
    pub webhook_url: String,
    /// Only verified payments.
    pub is_verify_payment: bool,
    /// Skip transactions without a payment code.
    pub skip_if_no_code: bool,
    /// Memo prefixes.
    pub prefix_filters: Vec<String>,
    /// Retry rules.
    pub retry_conditions: RetryConditions,
    /// Only VA transactions.
    pub only_va: bool,
    /// Active.
    pub active: bool,
    /// Created.
    pub created_at: DateTime,
    /// Key sent in API-key mode (`null` otherwise).
    pub api_key: Option<String>,
    /// `Json`, …
    pub request_content_type: String,
    /// Sub-accounts (VA ids) it is limited to.
    pub bank_sub_account_ids: Vec<u32>,
}

/// Sub-account ids of every bank account (validation context).
pub type AccountVas = HashMap<u32, Vec<u32>>;

/// The webhook list.
#[derive(Debug, Default)]
pub struct OAuthWebhooks {
    items: Vec<OAuthWebhook>,
    next_id: u64,
}

fn flag(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => match n.as_u64() {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
        Value::String(s) => match s.trim() {
            "0" | "false" => Some(false),
            "1" | "true" => Some(true),
            _ => None,
        },
        _ => None,
    }
}

fn uint(v: &Value) -> Option<u32> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

type Errors = Vec<(String, String)>;

/// Applies the fields of a create (`create`) or update body to `w`.
fn apply(w: &mut OAuthWebhook, f: &Fields, create: bool, vas: &AccountVas) -> Result<(), Errors> {
    let mut e = Errors::new();
    let mut err = |k: &str, m: &str| e.push((k.to_string(), m.to_string()));
    for key in [
        "bank_account_id",
        "name",
        "event_type",
        "authen_type",
        "webhook_url",
    ] {
        if create && f.text(key).is_none() {
            err(
                key,
                &format!("The {} field is required.", key.replace('_', " ")),
            );
        }
    }
    if let Some(v) = f.get("bank_account_id").filter(|v| !v.is_null()) {
        match uint(v).filter(|id| vas.contains_key(id)) {
            Some(id) => w.bank_account_id = id,
            None => err(
                "bank_account_id",
                "The selected bank account id is invalid.",
            ),
        }
    }
    if let Some(n) = f.text("name") {
        if n.chars().count() > 255 {
            err("name", "The name may not be greater than 255 characters.");
        }
        w.name = n;
    }
    let mut pick = |key: &str, allowed: &[&str], slot: &mut String| {
        if let Some(v) = f.text(key) {
            if allowed.contains(&v.as_str()) {
                *slot = v;
            } else {
                let msg = format!("The {key} must be one of: {}.", allowed.join(", "));
                e.push((key.to_string(), msg));
            }
        }
    };
    pick("event_type", &EVENT_TYPES, &mut w.event_type);
    pick("authen_type", &AUTHEN_TYPES, &mut w.authen_type);
    pick(
        "request_content_type",
        &CONTENT_TYPES,
        &mut w.request_content_type,
    );
    let mut err = |k: &str, m: &str| e.push((k.to_string(), m.to_string()));
    if let Some(u) = f.text("webhook_url") {
        let host = u
            .strip_prefix("https://")
            .or_else(|| u.strip_prefix("http://"))
            .and_then(|r| r.split(['/', '?', '#']).next())
            .unwrap_or("");
        if host.is_empty() {
            err(
                "webhook_url",
                "The webhook url must be a valid http(s) URL.",
            );
        }
        w.webhook_url = u;
    }
    if f.has("api_key") {
        w.api_key = f.text("api_key");
    }
    for (key, slot) in [
        ("is_verify_payment", &mut w.is_verify_payment),
        ("skip_if_no_code", &mut w.skip_if_no_code),
        ("only_va", &mut w.only_va),
        ("active", &mut w.active),
    ] {
        if let Some(v) = f.get(key).filter(|v| !v.is_null()) {
            match flag(v) {
                Some(b) => *slot = b,
                None => err(
                    key,
                    &format!("The {} field must be true or false.", key.replace('_', " ")),
                ),
            }
        }
    }
    if let Some(v) = f.get("prefix_filters").filter(|v| !v.is_null()) {
        match v
            .as_array()
            .map(|a| a.iter().map(|x| x.as_str().map(str::to_string)).collect())
        {
            Some(Some(list)) => w.prefix_filters = list,
            _ => err(
                "prefix_filters",
                "The prefix filters must be an array of strings.",
            ),
        }
    }
    if let Some(v) = f.get("bank_sub_account_ids").filter(|v| !v.is_null()) {
        let ids: Option<Vec<u32>> = v.as_array().map(|a| a.iter().filter_map(uint).collect());
        let known = vas.get(&w.bank_account_id);
        match ids {
            Some(ids)
                if ids.len() == v.as_array().map_or(0, Vec::len)
                    && ids.iter().all(|i| known.is_some_and(|k| k.contains(i))) =>
            {
                w.bank_sub_account_ids = ids
            }
            _ => err(
                "bank_sub_account_ids",
                "The bank sub account ids must be sub-accounts of the bank account.",
            ),
        }
    }
    if w.authen_type == "Api_Key" && w.api_key.is_none() {
        err(
            "api_key",
            "The api key field is required when authen type is Api_Key.",
        );
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(e)
    }
}

impl OAuthWebhooks {
    /// Two webhooks on the first accounts (none without accounts).
    pub fn seeded(ds: &Dataset) -> OAuthWebhooks {
        let mut s = OAuthWebhooks {
            items: Vec::new(),
            next_id: 1,
        };
        for (k, a) in ds.accounts.iter().take(2).enumerate() {
            let api = k == 0;
            s.items.push(OAuthWebhook {
                id: s.next_id,
                bank_account_id: a.index,
                name: format!("Webhook {}", k + 1),
                event_type: if api { "In_only" } else { "All" }.to_string(),
                authen_type: if api { "Api_Key" } else { "HMAC_SHA256" }.to_string(),
                webhook_url: format!("https://shop{}.example.com/webhook/sepay", k + 1),
                is_verify_payment: api,
                skip_if_no_code: api,
                prefix_filters: Vec::new(),
                retry_conditions: RetryConditions {
                    non_2xx_status_code: 0,
                },
                only_va: false,
                active: api,
                created_at: DateTime(from_parts(2025, 2, 15, 14, 23, 56) + k as i64 * 86_400),
                api_key: api.then(|| "a7c3b4e5f6a7b8c9d0e1f2a3b4c5d6e7".to_string()),
                request_content_type: "Json".to_string(),
                bank_sub_account_ids: Vec::new(),
            });
            s.next_id += 1;
        }
        s
    }

    /// Every webhook, oldest first.
    pub fn all(&self) -> &[OAuthWebhook] {
        &self.items
    }

    /// One webhook.
    pub fn get(&self, id: u64) -> Option<&OAuthWebhook> {
        self.items.iter().find(|w| w.id == id)
    }

    /// Creates a webhook from a body.
    pub fn create(
        &mut self,
        f: &Fields,
        vas: &AccountVas,
        now: i64,
    ) -> Result<&OAuthWebhook, Errors> {
        let mut w = OAuthWebhook {
            id: self.next_id.max(1),
            bank_account_id: 0,
            name: String::new(),
            event_type: String::new(),
            authen_type: String::new(),
            webhook_url: String::new(),
            is_verify_payment: false,
            skip_if_no_code: false,
            prefix_filters: Vec::new(),
            retry_conditions: RetryConditions {
                non_2xx_status_code: 0,
            },
            only_va: false,
            active: true,
            created_at: DateTime(now),
            api_key: None,
            request_content_type: "Json".to_string(),
            bank_sub_account_ids: Vec::new(),
        };
        apply(&mut w, f, true, vas)?;
        self.next_id = w.id + 1;
        self.items.push(w);
        #[allow(clippy::expect_used, reason = "the Vec was pushed to just before")]
        let created = self.items.last().expect("just pushed");
        Ok(created)
    }

    /// Changes the given fields; `Ok(None)` when the id is unknown.
    pub fn update(
        &mut self,
        id: u64,
        f: &Fields,
        vas: &AccountVas,
    ) -> Result<Option<&OAuthWebhook>, Errors> {
        let Some(pos) = self.items.iter().position(|w| w.id == id) else {
            return Ok(None);
        };
        let mut w = self.items[pos].clone();
        apply(&mut w, f, false, vas)?;
        self.items[pos] = w;
        Ok(Some(&self.items[pos]))
    }

    /// Deletes a webhook; false when unknown.
    pub fn delete(&mut self, id: u64) -> bool {
        let before = self.items.len();
        self.items.retain(|w| w.id != id);
        self.items.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(v: serde_json::Value) -> Fields {
        Fields(v.as_object().unwrap().clone().into_iter().collect())
    }

    #[test]
    fn create_update_delete() {
        let ds = Dataset::generate(42, 10, 3);
        let mut s = OAuthWebhooks::seeded(&ds);
        let vas: AccountVas = [(1, vec![8, 9]), (2, vec![])].into_iter().collect();
        let e = s
            .create(&fields(serde_json::json!({"name": "x"})), &vas, 0)
            .unwrap_err();
        assert!(e.iter().any(|(k, _)| k == "webhook_url"));
        let body = serde_json::json!({"bank_account_id": 1, "name": "Shop", "event_type": "In_only",
            "authen_type": "Api_Key", "api_key": "k", "webhook_url": "https://a.example/h",
            "is_verify_payment": 1, "only_va": "0", "bank_sub_account_ids": [8]});
        let w = s.create(&fields(body), &vas, 0).unwrap().clone();
        assert_eq!(
            (w.id, w.is_verify_payment, w.only_va, w.active),
            (3, true, false, true)
        );
        let patch = fields(serde_json::json!({"active": false, "event_type": "Sideways"}));
        assert!(s.update(3, &patch, &vas).is_err());
        let patch = fields(serde_json::json!({"active": false}));
        assert!(!s.update(3, &patch, &vas).unwrap().unwrap().active);
        assert_eq!(s.update(99, &patch, &vas), Ok(None));
        assert!(s.delete(3) && !s.delete(3));
    }
}
