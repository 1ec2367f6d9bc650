//! The TypeScript declarations of the core's models: the models region of
//! `bindings-wasm/npm/index.d.ts`, one interface per model (keys are the
//! camelCase names serde writes, doc comments as TSDoc) and a string-union
//! type per enum the models hold.

use crate::models::{Model, WireEnum};
use crate::names::camel;
use crate::typescript::ts_type;

/// The region's first line.
pub const BEGIN: &str =
    "// --- generated from the core's model structs by tools/codegen: do not edit ---";
/// The region's last line.
pub const END: &str = "// --- end of generated models ---";

/// Longest line before a union is written one member per line.
const WIDTH: usize = 100;

/// The region's text.
pub fn declarations(models: &[Model], enums: &[WireEnum]) -> String {
    let mut out = String::new();
    for e in enums.iter().filter(|e| held(models, &e.name)) {
        push_doc(&mut out, &e.doc, "");
        let members: Vec<String> = e.values.iter().map(|v| format!("\"{v}\"")).collect();
        let line = format!("export type {} = {};", e.name, members.join(" | "));
        if line.len() <= WIDTH {
            out.push_str(&line);
        } else {
            out.push_str(&format!(
                "export type {} =\n  | {};",
                e.name,
                members.join("\n  | ")
            ));
        }
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
    out.trim_end().to_owned()
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
