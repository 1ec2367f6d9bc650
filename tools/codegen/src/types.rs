//! Rust type text (as written in the table) to Python annotations: every
//! mapping rule, once.

use crate::names::generic;
/// Rust params structs taken as keyword arguments: the struct, the name of
/// the `**kwargs` parameter, and the TypedDict in `_native.pyi` that types it.
const PARAMS: &[(&str, &str, &str)] = &[
    ("V1TransactionListParams", "filters", "V1TransactionFilters"),
    (
        "V1TransactionCountParams",
        "filters",
        "V1TransactionCountFilters",
    ),
    ("V1BankAccountListParams", "filters", "V1BankAccountFilters"),
    (
        "V1BankAccountCountParams",
        "filters",
        "V1BankAccountCountFilters",
    ),
    ("V2TransactionListParams", "filters", "V2TransactionFilters"),
    ("V2BankAccountListParams", "filters", "V2BankAccountFilters"),
    (
        "V2VirtualAccountListParams",
        "filters",
        "V2VirtualAccountFilters",
    ),
    ("VaOrderCreateParams", "fields", "VaOrderFields"),
    ("OAuthListParams", "filters", "OAuthListFilters"),
    ("WebhookParams", "fields", "OAuthWebhookFields"),
    ("BankHubListParams", "filters", "BankHubListFilters"),
    ("CompanyEdit", "fields", "CompanyEditFields"),
    ("PgOrderListParams", "filters", "PgOrderFilters"),
];

/// Each params struct taken as keyword arguments and its TypedDict.
pub fn typed_dicts() -> impl Iterator<Item = (&'static str, &'static str)> {
    PARAMS.iter().map(|(rust, _, typed)| (*rust, *typed))
}

/// The `**kwargs` name of a params struct taken as keyword arguments.
pub fn kwargs_name(rust: &str) -> Option<&'static str> {
    PARAMS
        .iter()
        .find(|(s, _, _)| *s == rust)
        .map(|(_, kwargs, _)| *kwargs)
}

/// Rust types whose Python annotation is another name: renamed classes,
/// the value conversions of `core/src/python.rs`, and open enums (an
/// unknown value stays text).
const RENAMED: &[(&str, &str)] = &[
    ("Webhook", "OAuthWebhook"),
    ("Amount", "Decimal"),
    ("DateTime", "datetime"),
    ("SecretString", "str"),
    // An untyped JSON value (ids as numbers or text) is given as its text.
    ("serde_json::Value", "str"),
];

/// The Python annotation of a Rust type: `&str`/`String` → `str`, `u64` →
/// `int`, `()` → `None`, `Vec<T>`/`&[T]` → `builtins.list[T]`, `Page<T>` →
/// `Page[T]`, `Option<T>` → `T | None`, a model → its Python class.
pub fn py_type(rust: &str) -> Result<String, String> {
    let rust = rust.trim();
    if let Some(inner) = generic(rust, "Option") {
        return Ok(format!("{} | None", py_type(inner)?));
    }
    if let Some(inner) = generic(rust, "Vec").or_else(|| slice(rust)) {
        return Ok(format!("builtins.list[{}]", py_type(inner)?));
    }
    if let Some(inner) = generic(rust, "Page") {
        return Ok(format!("Page[{}]", py_type(inner)?));
    }
    if let Some(referent) = rust.strip_prefix('&') {
        return py_type(referent);
    }
    Ok(match rust {
        "()" => "None".into(),
        "str" | "String" => "str".into(),
        "bool" => "bool".into(),
        "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "usize" => "int".into(),
        renamed if RENAMED.iter().any(|(from, _)| *from == renamed) => RENAMED
            .iter()
            .find(|(from, _)| *from == renamed)
            .map_or(renamed, |(_, to)| to)
            .into(),
        model if is_identifier(model) => model.into(),
        other => return Err(format!("no Python type for the Rust type `{other}`")),
    })
}

/// One table input (`name: RustType`) as Python parameters: a params struct
/// becomes `**filters: Unpack[XFilters]`; an `Option` becomes a keyword with
/// default `None`; anything else a positional parameter.
pub fn py_param(input: &str) -> Result<Param, String> {
    let (name, rust) = input
        .split_once(':')
        .ok_or_else(|| format!("input without a type: `{input}`"))?;
    let (name, rust) = (name.trim(), rust.trim());
    if let Some((_, kwargs, typed)) = PARAMS.iter().find(|(s, _, _)| *s == rust) {
        return Ok(Param::Kwargs(format!("**{kwargs}: Unpack[{typed}]")));
    }
    if generic(rust, "Option").is_some() {
        return Ok(Param::Keyword(format!("{name}: {} = None", py_type(rust)?)));
    }
    Ok(Param::Positional(format!("{name}: {}", py_type(rust)?)))
}

/// How an input is passed in Python.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    /// By position (or name).
    Positional(String),
    /// Keyword-only, optional.
    Keyword(String),
    /// Collected keyword arguments (`**filters`).
    Kwargs(String),
}

/// The parameter list (after `self`) of a table entry's inputs: positional
/// parameters, then `*` and the optional keywords, then `**kwargs`.
pub fn py_params(inputs: &[&str]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut keyword_only = false;
    for input in inputs {
        match py_param(input)? {
            Param::Positional(p) if keyword_only => {
                return Err(format!("positional `{p}` after an optional input"));
            }
            Param::Positional(p) | Param::Kwargs(p) => out.push(p),
            Param::Keyword(p) => {
                if !keyword_only {
                    out.push("*".into());
                    keyword_only = true;
                }
                out.push(p);
            }
        }
    }
    Ok(out)
}

/// `T` of `[T]`.
fn slice(rust: &str) -> Option<&str> {
    rust.strip_prefix('[')?.strip_suffix(']')
}

/// A plain type name (no generics, paths or references).
fn is_identifier(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_rust_types() {
        let cases = [
            ("&str", "str"),
            ("String", "str"),
            ("bool", "bool"),
            ("u64", "int"),
            ("()", "None"),
            ("Vec<Terminal>", "builtins.list[Terminal]"),
            ("&[String]", "builtins.list[str]"),
            ("Page<V2Transaction>", "Page[V2Transaction]"),
            ("Option<BankHubWebhook>", "BankHubWebhook | None"),
            ("Page<Webhook>", "Page[OAuthWebhook]"),
            ("Option<Amount>", "Decimal | None"),
            ("Vec<serde_json::Value>", "builtins.list[str]"),
        ];
        for (rust, python) in cases {
            assert_eq!(py_type(rust).unwrap(), python, "{rust}");
        }
        assert!(py_type("HashMap<String, u8>").is_err());
    }

    #[test]
    fn maps_inputs() {
        assert_eq!(
            py_params(&[
                "bank_account_id: &str",
                "params: V2VirtualAccountListParams"
            ])
            .unwrap(),
            [
                "bank_account_id: str",
                "**filters: Unpack[V2VirtualAccountFilters]"
            ]
        );
        assert_eq!(
            py_params(&["id: &str", "page: Option<u32>", "note: Option<&str>"]).unwrap(),
            [
                "id: str",
                "*",
                "page: int | None = None",
                "note: str | None = None"
            ]
        );
        assert!(py_params(&["page: Option<u32>", "id: &str"]).is_err());
    }
}
