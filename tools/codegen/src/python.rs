//! The Python stub text of the operation classes: for each class in
//! [`layout`], the sync class and its `Async` twin, one method per table
//! entry with the entry's doc line as its docstring.

use crate::layout::{self, Class};
use crate::names::WIDTH;
use crate::{overrides, types};
use sepay::operations::{OperationSpec, Shape};

/// One method of a class, in both twins.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Method {
    /// Python name (the action).
    name: &'static str,
    /// Parameters after `self`.
    params: Vec<String>,
    /// Return annotation of the sync class.
    sync: String,
    /// Return annotation of the async class.
    asynch: String,
    /// Docstring (the table's doc line).
    doc: &'static str,
}

/// The generated region: every class, each followed by its async twin.
pub fn stubs(table: &[OperationSpec]) -> Result<String, String> {
    for op in table {
        layout::class_of(layout::key(op.name))?;
    }
    let mut out = String::new();
    let mut done: Vec<&str> = Vec::new();
    for surface in layout::SURFACES {
        for op in table.iter().filter(|op| op.parts().0 == surface.keys[0]) {
            let class = layout::class_of(layout::key(op.name))?;
            if !op.parts().1.is_empty() && !done.contains(&class.name) {
                done.push(class.name);
                write_twins(&mut out, class, &methods(table, class)?, &[]);
            }
        }
        let accessors = accessors(table, surface.keys[0])?;
        write_twins(&mut out, surface, &methods(table, surface)?, &accessors);
    }
    Ok(out.trim_end().to_owned() + "\n")
}

/// The methods of a class: its entries' actions in table order, each once
/// (entries sharing a class must give the same signature).
fn methods(table: &[OperationSpec], class: &Class) -> Result<Vec<Method>, String> {
    let mut out: Vec<Method> = Vec::new();
    for key in class.keys {
        for op in table.iter().filter(|op| layout::key(op.name) == *key) {
            let method = method(op)?;
            match out.iter().find(|m| m.name == method.name) {
                None => out.push(method),
                Some(m) if (&m.params, &m.sync) == (&method.params, &method.sync) => {}
                Some(_) => {
                    return Err(format!(
                        "{} differs from the other `{}` of {}",
                        op.name, method.name, class.name
                    ))
                }
            }
        }
    }
    Ok(out)
}

/// The method of one table entry.
fn method(op: &OperationSpec) -> Result<Method, String> {
    let over = overrides::find(op.name);
    let params = match over.and_then(|o| o.params) {
        Some(params) => params.iter().map(|p| (*p).to_owned()).collect(),
        None => types::py_params(op.inputs)?,
    };
    let output = match over.and_then(|o| o.returns) {
        Some(returns) => returns.to_owned(),
        None => types::py_type(op.output)?,
    };
    let (sync, asynch) = match op.shape {
        Shape::Call => (output.clone(), format!("Awaitable[{output}]")),
        Shape::Walk(_) => (
            format!("Paginator[{output}]"),
            format!("AsyncPaginator[{output}]"),
        ),
        Shape::Local => (output.clone(), output),
    };
    if op.doc.contains('"') || op.doc.contains('\\') {
        return Err(format!(
            "{}: the doc line cannot be a plain docstring",
            op.name
        ));
    }
    Ok(Method {
        name: op.parts().2,
        params,
        sync,
        asynch,
        doc: op.doc,
    })
}

/// The resources of a surface, in table order, with their class names.
fn accessors(
    table: &[OperationSpec],
    surface: &str,
) -> Result<Vec<(&'static str, &'static str)>, String> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    for op in table.iter().filter(|op| op.parts().0 == surface) {
        let resource = op.parts().1;
        if !resource.is_empty() && !out.iter().any(|(r, _)| *r == resource) {
            out.push((resource, layout::class_of(layout::key(op.name))?.name));
        }
    }
    Ok(out)
}

/// A class and its async twin.
fn write_twins(out: &mut String, class: &Class, methods: &[Method], accessors: &[(&str, &str)]) {
    for prefix in ["", "Async"] {
        out.push_str(&format!(
            "class {prefix}{}:\n    \"\"\"{}\"\"\"\n",
            class.name, class.doc
        ));
        for m in methods {
            let ret = if prefix.is_empty() {
                &m.sync
            } else {
                &m.asynch
            };
            out.push_str(&signature(m.name, &m.params, ret));
            out.push_str(&format!("        \"\"\"{}\"\"\"\n", m.doc));
        }
        for (resource, class) in accessors {
            out.push_str(&format!(
                "    @property\n    def {resource}(self) -> {prefix}{class}: ...\n"
            ));
        }
        out.push('\n');
    }
}

/// `    def name(self, ..) -> ret:` on one line, or wrapped as black does.
fn signature(name: &str, params: &[String], ret: &str) -> String {
    let all: Vec<&str> = std::iter::once("self")
        .chain(params.iter().map(String::as_str))
        .collect();
    let one = format!("    def {name}({}) -> {ret}:\n", all.join(", "));
    if one.len() <= WIDTH + 1 {
        return one;
    }
    let middle = format!("        {}\n", all.join(", "));
    if middle.len() <= WIDTH + 1 {
        return format!("    def {name}(\n{middle}    ) -> {ret}:\n");
    }
    let each: String = all.iter().map(|p| format!("        {p},\n")).collect();
    format!("    def {name}(\n{each}    ) -> {ret}:\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sepay::operations::TABLE;

    #[test]
    fn every_entry_lands_in_exactly_one_class() {
        let text = stubs(TABLE).unwrap();
        for op in TABLE {
            let class = layout::class_of(layout::key(op.name)).unwrap();
            let (_, _, action) = op.parts();
            for prefix in ["", "Async"] {
                let head = format!("class {prefix}{}:\n", class.name);
                assert_eq!(text.matches(&head).count(), 1, "{}", op.name);
                let body = text
                    .split(&head)
                    .nth(1)
                    .unwrap()
                    .split("\nclass ")
                    .next()
                    .unwrap();
                assert!(
                    body.contains(&format!("    def {action}(")),
                    "{} in {head}",
                    op.name
                );
            }
        }
    }

    #[test]
    fn renders_both_twins() {
        let text = stubs(TABLE).unwrap();
        let get = "    def get(self, id: str) -> V2Transaction:\n        \"\"\"One transaction by id (UUID).\"\"\"\n";
        assert!(text.contains(get));
        assert!(text.contains("    def get(self, id: str) -> Awaitable[V2Transaction]:\n"));
        assert!(text.contains("-> AsyncPaginator[V2Transaction]:\n"));
        assert!(text.contains("    def transactions(self) -> AsyncV2Transactions: ...\n"));
        assert!(text.contains("    def checkout(\n        self,\n        *,\n"));
    }

    #[test]
    fn wraps_long_signatures() {
        let params = vec![
            "bank_account_id: str".to_owned(),
            "**filters: Unpack[V2VirtualAccountFilters]".to_owned(),
        ];
        assert_eq!(
            signature("list", &params, "AsyncPaginator[V2VirtualAccount]"),
            "    def list(\n        self, bank_account_id: str, **filters: Unpack[V2VirtualAccountFilters]\n    ) -> AsyncPaginator[V2VirtualAccount]:\n"
        );
    }
}
