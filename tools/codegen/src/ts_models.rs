//! The TypeScript declarations of the core's models: the models region of
//! `bindings-wasm/npm/index.d.ts`, one interface per model (keys are the
//! camelCase names serde writes, doc comments as TSDoc), a string-union
//! type per enum they hold, and the options interface of each params struct
//! an operation takes as an object.

use crate::models::{Core, Model};
use crate::names::{camel, fit, generic};
use crate::typescript::{self, ts_type};

/// The region's first line.
pub const BEGIN: &str =
    "// --- generated from the core's model structs by tools/codegen: do not edit ---";
/// The region's last line.
pub const END: &str = "// --- end of generated models ---";

/// The region's text: the enums, the models, then the options interfaces of
/// the params structs (`structs` holds them).
pub fn declarations(models: &[Model], core: &Core) -> Result<String, String> {
    let mut options = Vec::new();
    for (rust, ts) in typescript::option_interfaces() {
        options.push((ts, core.params(rust)?.clone()));
    }
    let params: Vec<Model> = options.iter().map(|(_, p)| p.clone()).collect();
    let mut out = String::new();
    let used = |name: &str| held(models, name) || held(&params, name);
    for e in core.enums.iter().filter(|e| used(&e.name)) {
        push_doc(&mut out, &e.doc, "");
        let members = e.quoted();
        let line = format!("export type {} = {};", e.name, members.join(" | "));
        out.push_str(&fit(line, || {
            format!("export type {} =\n  | {};", e.name, members.join("\n  | "))
        }));
        out.push_str("\n\n");
    }
    for model in models {
        push_doc(&mut out, &model.doc, "");
        out.push_str(&format!("export interface {} {{\n", model.name));
        for field in model.fields.iter().filter(|f| f.serialized) {
            push_doc(&mut out, &field.doc, "  ");
            out.push_str(&format!(
                "  {}: {};\n",
                camel(&field.wire),
                ts_type(&field.ty)
            ));
        }
        out.push_str("}\n\n");
    }
    for (ts, params) in &options {
        push_doc(&mut out, &params.doc, "");
        out.push_str(&format!("export interface {ts} {{\n"));
        for field in &params.fields {
            push_doc(&mut out, &field.doc, "  ");
            let ty = ts_input(generic(&field.ty, "Option").unwrap_or(&field.ty));
            out.push_str(&format!("  {}?: {ty} | null;\n", camel(&field.name)));
        }
        out.push_str("}\n\n");
    }
    Ok(out.trim_end().to_owned())
}

/// The TypeScript type of a parameter's Rust type: what a caller may pass.
fn ts_input(rust: &str) -> String {
    if let Some(inner) = generic(rust, "Vec") {
        return format!("{}[]", ts_input(inner));
    }
    match rust {
        "DateBound" => "DateInput".into(),
        "Amount" => "AmountInput".into(),
        "u64" => "number | bigint".into(),
        other => ts_type(other),
    }
}

/// Whether a model field holds the type called `name`.
fn held(models: &[Model], name: &str) -> bool {
    models.iter().flat_map(|m| &m.fields).any(|f| {
        f.ty.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .any(|word| word == name)
    })
}

/// A TSDoc comment at an indent: one line, or a block for several.
fn push_doc(out: &mut String, doc: &str, indent: &str) {
    let lines: Vec<&str> = doc.lines().collect();
    match lines.as_slice() {
        [] => {}
        [line] => out.push_str(&format!("{indent}/** {line} */\n")),
        _ => {
            out.push_str(&format!("{indent}/**\n"));
            for line in lines {
                out.push_str(&format!(
                    "{indent} *{}{line}\n",
                    if line.is_empty() { "" } else { " " }
                ));
            }
            out.push_str(&format!("{indent} */\n"));
        }
    }
}
