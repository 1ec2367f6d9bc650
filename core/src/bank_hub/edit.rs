//! Typed fields for `company/edit/{xid}` (sepay-api.md §6.1).

use serde_json::{Map, Value};

/// Fields of a company to change; unset fields are not sent.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CompanyEdit {
    /// Name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub full_name: Option<String>,
    /// Short name.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub short_name: Option<String>,
    /// `Active` / `Pending`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<String>,
    /// Payment-code recognition, `on` / `off`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_code: Option<String>,
    /// Payment-code prefix (2–5 letters).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_code_prefix: Option<String>,
    /// Shortest suffix (1–30).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_code_suffix_from: Option<u32>,
    /// Longest suffix (1–30).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_code_suffix_to: Option<u32>,
    /// `NumberOnly` / `NumberAndLetter`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_code_suffix_character_type: Option<String>,
}

impl CompanyEdit {
    /// The JSON body of `company/edit`, with only the set fields.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        let mut put = |k: &str, v: Option<Value>| {
            if let Some(v) = v {
                m.insert(k.to_string(), v);
            }
        };
        put("full_name", self.full_name.clone().map(Into::into));
        put("short_name", self.short_name.clone().map(Into::into));
        put("status", self.status.clone().map(Into::into));
        put("payment_code", self.payment_code.clone().map(Into::into));
        put(
            "payment_code_prefix",
            self.payment_code_prefix.clone().map(Into::into),
        );
        put(
            "payment_code_suffix_from",
            self.payment_code_suffix_from.map(Into::into),
        );
        put(
            "payment_code_suffix_to",
            self.payment_code_suffix_to.map(Into::into),
        );
        put(
            "payment_code_suffix_character_type",
            self.payment_code_suffix_character_type
                .clone()
                .map(Into::into),
        );
        Value::Object(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_set_fields_are_sent() {
        let edit = CompanyEdit {
            full_name: Some("CONG TY B".into()),
            payment_code_suffix_to: Some(8),
            ..Default::default()
        };
        assert_eq!(
            edit.to_json(),
            serde_json::json!({"full_name": "CONG TY B", "payment_code_suffix_to": 8})
        );
        assert_eq!(CompanyEdit::default().to_json(), serde_json::json!({}));
    }
}
