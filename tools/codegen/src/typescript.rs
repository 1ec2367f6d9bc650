//! The TypeScript declarations of the JavaScript client's operations: the
//! generated region of `bindings-wasm/npm/index.d.ts` (one interface per
//! resource and per surface, the table's doc line on each method). Models and
//! option interfaces stay hand-written next to it.

use crate::layout;
use crate::names::{camel, generic, pascal};
use sepay::operations::{OperationSpec, Shape};

/// The TypeScript parameter of a params struct: its options interface and
/// whether it may be left out.
const OPTIONS: &[(&str, &str, bool)] = &[
    ("V1TransactionListParams", "V1TransactionListOptions", true),
    (
        "V1TransactionCountParams",
        "V1TransactionCountOptions",
        true,
    ),
    ("V1BankAccountListParams", "V1BankAccountListOptions", true),
    (
        "V1BankAccountCountParams",
        "V1BankAccountCountOptions",
        true,
    ),
    ("V2TransactionListParams", "V2TransactionListOptions", true),
    ("V2BankAccountListParams", "V2BankAccountListOptions", true),
    (
        "V2VirtualAccountListParams",
        "V2VirtualAccountListOptions",
        true,
    ),
    ("OAuthListParams", "OAuthListOptions", true),
    ("WebhookParams", "WebhookOptions", false),
    ("BankHubListParams", "BankHubListOptions", true),
    ("CompanyEdit", "CompanyEditFields", false),
    ("PgOrderListParams", "PgOrderListOptions", true),
];

/// Each params struct taken as an options object and its interface.
pub fn option_interfaces() -> impl Iterator<Item = (&'static str, &'static str)> {
    OPTIONS.iter().map(|(rust, ts, _)| (*rust, *ts))
}

/// Methods whose JavaScript signature differs from the table (the binding
/// takes one options object, or converts): operation → (parameters, result).
const OVERRIDES: &[(&str, &str, &str)] = &[
    (
        "oauth.authorization_url",
        "scopes: readonly OAuthScope[], state: string",
        "string",
    ),
    (
        "oauth.exchange_code",
        "code: string",
        "Promise<OAuthTokens>",
    ),
    ("oauth.company", "", "Promise<OAuthCompany>"),
    (
        "bank_hub.link_tokens.create",
        "options: LinkTokenCreateOptions",
        "Promise<LinkToken>",
    ),
    (
        "bank_hub.companies.create",
        "options: CompanyCreateOptions",
        "Promise<string>",
    ),
    (
        "bank_hub.companies.counter",
        "companyXid: string, options?: CompanyCounterOptions",
        "Promise<CompanyCounter>",
    ),
    (
        "bank_hub.merchant_config.update",
        "options: MerchantConfigUpdateOptions",
        "Promise<MerchantConfig>",
    ),
    (
        "bank_hub.webhook.set",
        "options: BankHubWebhookSetOptions",
        "Promise<BankHubWebhook>",
    ),
    ("pg.checkout", "request: CheckoutRequest", "CheckoutForm"),
];

/// The region's first and last lines.
pub const BEGIN: &str =
    "// --- generated from sepay::operations::TABLE by tools/codegen: do not edit ---";
/// See [`BEGIN`].
pub const END: &str = "// --- end of generated operations ---";

/// The interface of a surface (`V2Api`) or resource (`V2TransactionsApi`).
fn interface(surface: &str, resource: &str) -> String {
    match (surface, resource) {
        (_, "") => format!("{}Api", pascal(surface)),
        ("v1", "orders") => "VaOrdersApi".into(),
        ("v2", "orders") => "VaOrdersApi<V2VaOrderCreateOptions>".into(),
        _ => format!("{}{}Api", pascal(surface), pascal(resource)),
    }
}

/// The TypeScript type of a Rust type (an output or a model's field):
/// money and times are the strings the client returns, `Option` is
/// `| null`, models and enums keep their names.
pub fn ts_type(rust: &str) -> String {
    if let Some(inner) = generic(rust, "Option") {
        return format!("{} | null", ts_type(inner));
    }
    if let Some(inner) = generic(rust, "Vec") {
        return format!("{}[]", ts_type(inner));
    }
    if let Some(inner) = generic(rust, "Page") {
        return format!("Page<{}>", ts_type(inner));
    }
    match rust {
        "()" => "void".into(),
        "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "usize" => "number".into(),
        "bool" => "boolean".into(),
        "String" | "&str" | "SecretString" => "string".into(),
        "DateTime" => "DateTimeString".into(),
        "serde_json::Value" => "unknown".into(),
        model => model.into(),
    }
}

/// One method's declaration.
fn method(op: &OperationSpec) -> Result<String, String> {
    let action = camel(op.parts().2);
    let (params, result) = match OVERRIDES.iter().find(|(name, _, _)| *name == op.name) {
        Some((_, params, result)) => ((*params).to_owned(), (*result).to_owned()),
        None => {
            let mut params: Vec<String> = Vec::new();
            for input in op.inputs {
                let (name, rust) = crate::names::input(op.name, input)?;
                match OPTIONS.iter().find(|(r, _, _)| *r == rust) {
                    Some((_, ts, true)) => params.push(format!("options?: {ts}")),
                    Some((_, ts, false)) => {
                        let name = if name == "params" { "options" } else { name };
                        params.push(format!("{}: {ts}", camel(name)));
                    }
                    None if rust == "&str" => params.push(format!("{}: string", camel(name))),
                    None => {
                        return Err(format!(
                            "{}: no TypeScript parameter for `{rust}` (add an override)",
                            op.name
                        ))
                    }
                }
            }
            let result = match op.shape {
                Shape::Walk(_) => format!("ListIterator<{}>", ts_type(op.output)),
                _ => format!("Promise<{}>", ts_type(op.output)),
            };
            (params.join(", "), result)
        }
    };
    Ok(format!(
        "  /** {} */\n  {action}({params}): {result};\n",
        op.doc
    ))
}

/// The generated region (between [`BEGIN`] and [`END`], exclusive).
pub fn declarations(table: &[OperationSpec]) -> Result<String, String> {
    let mut out = String::new();
    let mut surfaces: Vec<&str> = Vec::new();
    for op in table {
        if !surfaces.contains(&op.parts().0) {
            surfaces.push(op.parts().0);
        }
    }
    for surface in surfaces {
        let ops: Vec<&OperationSpec> = table.iter().filter(|op| op.parts().0 == surface).collect();
        let mut resources: Vec<&str> = Vec::new();
        for op in &ops {
            let r = op.parts().1;
            if !r.is_empty() && !resources.contains(&r) {
                resources.push(r);
            }
        }
        for resource in &resources {
            if *resource == "orders" && surface.starts_with('v') {
                continue;
            }
            let doc = layout::class_of(&format!("{surface}.{resource}"))?.doc;
            out.push_str(&format!(
                "/** {doc} */\nexport interface {} {{\n",
                interface(surface, resource)
            ));
            for op in ops.iter().filter(|op| op.parts().1 == *resource) {
                out.push_str(&method(op)?);
            }
            out.push_str("}\n\n");
        }
        let doc = layout::class_of(surface)?.doc;
        out.push_str(&format!(
            "/** {doc} */\nexport interface {} {{\n",
            interface(surface, "")
        ));
        for op in ops.iter().filter(|op| op.parts().1.is_empty()) {
            out.push_str(&method(op)?);
        }
        for resource in &resources {
            let doc = layout::class_of(&format!("{surface}.{resource}"))?.doc;
            out.push_str(&format!(
                "  /** {doc} */\n  readonly {}: {};\n",
                camel(resource),
                interface(surface, resource)
            ));
        }
        out.push_str("}\n\n");
    }
    Ok(out.trim_end().to_owned() + "\n")
}

/// `current` with its generated region replaced by `generated`.
pub fn splice(current: &str, generated: &str) -> Result<String, String> {
    let start = current
        .find(BEGIN)
        .ok_or("index.d.ts has no generated-region start marker")?;
    let end = current
        .find(END)
        .ok_or("index.d.ts has no generated-region end marker")?;
    if end < start {
        return Err("index.d.ts: the generated-region markers are out of order".into());
    }
    Ok(format!(
        "{}{BEGIN}\n\n{generated}\n{}",
        &current[..start],
        &current[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sepay::operations::{spec, TABLE};

    #[test]
    fn declares_lists_walks_and_overrides() {
        let list = method(spec("v2.virtual_accounts.list")).unwrap();
        assert!(list.contains("list(bankAccountId: string, options?: V2VirtualAccountListOptions): Promise<Page<V2VirtualAccount>>;"));
        let walk = method(spec("bank_hub.companies.iter")).unwrap();
        assert!(walk.contains("iter(options?: BankHubListOptions): ListIterator<Company>;"));
        let update = method(spec("oauth.webhooks.update")).unwrap();
        assert!(update.contains("update(id: string, options: WebhookOptions): Promise<Webhook>;"));
        assert!(method(spec("pg.checkout"))
            .unwrap()
            .contains("): CheckoutForm;"));
    }

    #[test]
    fn every_surface_has_an_interface() {
        let text = declarations(TABLE).unwrap();
        for name in ["V1Api", "V2Api", "OAuthApi", "BankHubApi", "PgApi"] {
            assert!(
                text.contains(&format!("export interface {name} {{")),
                "{name}"
            );
        }
        assert!(text.contains("readonly orders: VaOrdersApi<V2VaOrderCreateOptions>;"));
    }
}
