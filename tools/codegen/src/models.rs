//! The core's models, read from its source with `syn`: the structs the
//! operations return (and every struct their fields hold), with their public
//! path, doc comment and fields, and the unit enums with their wire strings.
//! The struct is the one description of a model; the emitters turn it into
//! the Python classes and stubs and the TypeScript interfaces.

use std::path::{Path, PathBuf};

use quote::ToTokens;
use syn::{Attribute, Expr, Fields, Item, Lit, Meta, Visibility};

/// Structs the operations return that every binding writes by hand: the
/// token pair a token store persists (in clear, with a constructor), and the
/// checkout form (it renders HTML).
pub const HAND_WRITTEN: &[&str] = &["OAuthTokens", "CheckoutForm"];

/// One model struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    /// The Rust name.
    pub name: String,
    /// The path through public modules, from the crate root (`userapi::v2`).
    pub module: String,
    /// The doc comment.
    pub doc: String,
    /// Every field in declaration order.
    pub fields: Vec<Field>,
    /// Whether it has type parameters (a container such as `Page<T>`: not a
    /// model itself, but the structs its fields hold are).
    pub generic: bool,
}

/// One enum of unit variants that crosses the boundary (it derives
/// `uniffi::Enum`), with the strings serde writes for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireEnum {
    /// The Rust name.
    pub name: String,
    /// The doc comment.
    pub doc: String,
    /// What serde writes for each variant, in declaration order.
    pub values: Vec<String>,
}

impl WireEnum {
    /// The wire strings in double quotes (`"in"`), as Python and TypeScript write them.
    pub fn quoted(&self) -> Vec<String> {
        self.values.iter().map(|v| format!("\"{v}\"")).collect()
    }
}

/// What the core's source declares for the bindings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Core {
    /// Every public struct with named fields, in module order.
    pub structs: Vec<Model>,
    /// The unit enums that derive `uniffi::Enum`, in module order.
    pub enums: Vec<WireEnum>,
    /// Accessors (`impl Client { fn v2(&self) -> V2 }`): the type, the method
    /// and the type it returns, with the public module of the `impl`.
    pub accessors: Vec<Accessor>,
}

/// A method taking only `&self` and returning another handle type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accessor {
    /// The type the method is on (`BankHub`).
    pub on: String,
    /// The method (`companies`).
    pub method: String,
    /// The type it returns (`Companies`).
    pub returns: String,
    /// The public module the `impl` is in (`bank_hub`): where the types are exported.
    pub module: String,
}

impl Core {
    /// The params struct called `name`.
    pub fn params(&self, name: &str) -> Result<&Model, String> {
        self.structs
            .iter()
            .find(|s| s.name == name)
            .ok_or_else(|| format!("no params struct `{name}` in the core"))
    }

    /// The models: the structs named by `roots` (type texts such as
    /// `Page<V2Transaction>`) and every struct their fields hold, in module
    /// order. Names that are no struct (`u64`, `Page`) are skipped; a name
    /// two modules use is an error.
    pub fn models<'a>(
        &self,
        roots: impl IntoIterator<Item = &'a str>,
    ) -> Result<Vec<Model>, String> {
        let mut wanted: Vec<String> = Vec::new();
        let mut queue: Vec<String> = roots.into_iter().flat_map(identifiers).collect();
        while let Some(name) = queue.pop() {
            if wanted.contains(&name) {
                continue;
            }
            let mut found = self.structs.iter().filter(|s| s.name == name);
            let Some(model) = found.next() else { continue };
            if HAND_WRITTEN.contains(&name.as_str()) {
                continue;
            }
            if found.next().is_some() {
                return Err(format!("two structs are called `{name}`"));
            }
            queue.extend(model.fields.iter().flat_map(|f| identifiers(&f.ty)));
            wanted.push(name);
        }
        Ok(self
            .structs
            .iter()
            .filter(|s| !s.generic && wanted.contains(&s.name))
            .cloned()
            .collect())
    }
}

/// The type names in a type text (`Option<Vec<OrderVa>>` → `Option`, `Vec`, `OrderVa`).
fn identifiers(ty: &str) -> Vec<String> {
    ty.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .map(str::to_owned)
        .collect()
}

/// One field of a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The Rust (and Python) name.
    pub name: String,
    /// The name serde writes (a `rename`, else the Rust name).
    pub wire: String,
    /// The type as written, without spaces (`Option<String>`).
    pub ty: String,
    /// The doc comment.
    pub doc: String,
    /// Whether serde writes it (false with `skip` / `skip_serializing`).
    pub serialized: bool,
}

impl Model {
    /// The path from outside the crate (`sepay::userapi::v2::V2Transaction`).
    pub fn public_path(&self, krate: &str) -> String {
        if self.module.is_empty() {
            format!("{krate}::{}", self.name)
        } else {
            format!("{krate}::{}::{}", self.module, self.name)
        }
    }
}

/// The models and enums of the crate whose root is `lib`.
pub fn load(lib: &Path) -> Result<Core, String> {
    let mut out = Core::default();
    let dir = lib.parent().ok_or("lib.rs has no folder")?.to_path_buf();
    walk(lib, &dir, &[], true, &mut out)?;
    Ok(out)
}

/// The models of one file and of the file modules it declares. `public` is
/// the path of public modules leading here; `open` is false below a private
/// module (which re-exports its models from the last public one, as the core
/// does).
fn walk(
    file: &Path,
    dir: &Path,
    public: &[String],
    open: bool,
    out: &mut Core,
) -> Result<(), String> {
    let text =
        std::fs::read_to_string(file).map_err(|e| format!("reading {}: {e}", file.display()))?;
    let parsed = syn::parse_file(&text).map_err(|e| format!("parsing {}: {e}", file.display()))?;
    for item in parsed.items {
        match item {
            Item::Struct(s) if matches!(s.vis, Visibility::Public(_)) => {
                if let Fields::Named(named) = &s.fields {
                    out.structs.push(model(&s, named, public));
                }
            }
            Item::Impl(block) if block.trait_.is_none() => {
                out.accessors.extend(accessors(&block, public));
            }
            Item::Enum(e) if derives_uniffi_enum(&e.attrs) => {
                if let Some(wire) = wire_enum(&e) {
                    out.enums.push(wire);
                }
            }
            Item::Mod(m) if m.content.is_none() && !is_test(&m.attrs) => {
                let name = m.ident.to_string();
                let (child, child_dir) = module_file(dir, &name)?;
                let mut path = public.to_vec();
                if open && matches!(m.vis, Visibility::Public(_)) {
                    path.push(name);
                    walk(&child, &child_dir, &path, true, out)?;
                } else {
                    walk(&child, &child_dir, &path, false, out)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The `&self`-only methods of an inherent `impl` that return a named type.
fn accessors(block: &syn::ItemImpl, public: &[String]) -> Vec<Accessor> {
    let Some(on) = last_ident(&block.self_ty) else {
        return Vec::new();
    };
    block
        .items
        .iter()
        .filter_map(|item| match item {
            syn::ImplItem::Fn(f) if f.sig.inputs.len() == 1 && f.sig.receiver().is_some() => {
                let syn::ReturnType::Type(_, ty) = &f.sig.output else {
                    return None;
                };
                Some(Accessor {
                    on: on.clone(),
                    method: f.sig.ident.to_string(),
                    returns: last_ident(ty)?,
                    module: public.join("::"),
                })
            }
            _ => None,
        })
        .collect()
}

/// The last path segment of a type (`crate::bank_hub::Companies<'a>` → `Companies`).
fn last_ident(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// `name.rs` or `name/mod.rs` under `dir`, and the folder of its children.
fn module_file(dir: &Path, name: &str) -> Result<(PathBuf, PathBuf), String> {
    let flat = dir.join(format!("{name}.rs"));
    let nested = dir.join(name).join("mod.rs");
    if flat.is_file() {
        Ok((flat, dir.join(name)))
    } else if nested.is_file() {
        Ok((nested, dir.join(name)))
    } else {
        Err(format!(
            "module `{name}` has no file under {}",
            dir.display()
        ))
    }
}

/// A model from its struct.
fn model(s: &syn::ItemStruct, named: &syn::FieldsNamed, public: &[String]) -> Model {
    let name = s.ident.to_string();
    let fields = named
        .named
        .iter()
        .map(|f| {
            let rust = f
                .ident
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let serde = serde_args(&f.attrs);
            Field {
                wire: quoted_arg(&serde, "rename").unwrap_or_else(|| rust.clone()),
                serialized: !serde.split(',').any(|a| {
                    let a = a.trim();
                    a == "skip" || a == "skip_serializing"
                }),
                name: rust,
                ty: f.ty.to_token_stream().to_string().replace(' ', ""),
                doc: doc(&f.attrs),
            }
        })
        .collect();
    Model {
        generic: !s.generics.params.is_empty(),
        module: public.join("::"),
        doc: doc(&s.attrs),
        fields,
        name,
    }
}

/// An enum of unit variants and its serde strings (`None` when a variant
/// carries data).
fn wire_enum(e: &syn::ItemEnum) -> Option<WireEnum> {
    let rename_all = quoted_arg(&serde_args(&e.attrs), "rename_all");
    let values = e
        .variants
        .iter()
        .map(|v| {
            if !matches!(v.fields, Fields::Unit) {
                return None;
            }
            let own = quoted_arg(&serde_args(&v.attrs), "rename");
            Some(own.unwrap_or_else(|| rename(&v.ident.to_string(), rename_all.as_deref())))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(WireEnum {
        name: e.ident.to_string(),
        doc: doc(&e.attrs),
        values,
    })
}

/// A `PascalCase` variant name as serde's `rename_all` writes it.
fn rename(variant: &str, rule: Option<&str>) -> String {
    let snake: String = variant
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let sep = (i > 0 && c.is_ascii_uppercase()).then_some('_');
            sep.into_iter().chain(c.to_lowercase())
        })
        .collect();
    match rule {
        Some("lowercase") => variant.to_lowercase(),
        Some("UPPERCASE") => variant.to_uppercase(),
        Some("snake_case") => snake,
        Some("SCREAMING_SNAKE_CASE") => snake.to_uppercase(),
        Some("camelCase") => {
            let mut chars = variant.chars();
            chars
                .next()
                .map(|f| f.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => variant.to_owned(),
    }
}

/// Whether an item derives `uniffi::Enum` (behind the `uniffi` feature).
fn derives_uniffi_enum(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg_attr"))
        .any(|a| {
            a.meta
                .to_token_stream()
                .to_string()
                .replace(' ', "")
                .contains("uniffi::Enum")
        })
}

/// Whether a module is compiled for tests only.
fn is_test(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") && a.meta.to_token_stream().to_string().contains("test"))
}

/// Every `serde(..)` argument of a field, joined by commas, without spaces.
fn serde_args(attrs: &[Attribute]) -> String {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("serde"))
        .filter_map(|a| match &a.meta {
            Meta::List(list) => Some(list.tokens.to_string().replace(' ', "")),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// The string value of `key = ".."` in a spaceless argument list.
fn quoted_arg(args: &str, key: &str) -> Option<String> {
    args.split(',').find_map(|arg| {
        let value = arg.strip_prefix(key)?.strip_prefix('=')?;
        Some(value.trim_matches('"').to_owned())
    })
}

/// The doc comment: one line per `///` line, the leading space removed.
fn doc(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(lit) => match &lit.lit {
                    Lit::Str(s) => Some(s.value()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .map(|line| {
            line.strip_prefix(' ')
                .unwrap_or(&line)
                .trim_end()
                .to_owned()
        })
        .collect();
    lines.join("\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn core() -> Vec<Model> {
        load(&crate::workspace_root().join("core/src/lib.rs"))
            .unwrap()
            .models(["Page<V2Transaction>", "Vec<Webhook>", "VaOrder", "u64"])
            .unwrap()
    }

    #[test]
    fn finds_the_models_with_public_paths() {
        let models = core();
        let names: Vec<&str> = models.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Webhook",
                "Pagination",
                "VaOrder",
                "OrderVa",
                "V2Transaction"
            ]
        );
        let tx = &models[4];
        assert_eq!(tx.public_path("sepay"), "sepay::userapi::v2::V2Transaction");
        assert_eq!(tx.fields[0].name, "id");
        assert!(!tx.doc.is_empty());
    }

    #[test]
    fn reads_serde_names() {
        let models = load(&crate::workspace_root().join("core/src/lib.rs"))
            .unwrap()
            .models(["V2VirtualAccount"])
            .unwrap();
        let va = &models[0];
        let is_static = va.fields.iter().find(|f| f.name == "is_static").unwrap();
        assert_eq!(is_static.wire, "static");
    }

    #[test]
    fn reads_enum_wire_strings() {
        let core = load(&crate::workspace_root().join("core/src/lib.rs")).unwrap();
        let values = |name: &str| {
            core.enums
                .iter()
                .find(|e| e.name == name)
                .map(|e| e.values.clone())
                .unwrap()
        };
        assert_eq!(values("TransferType"), ["in", "out"]);
        assert_eq!(values("PgNotificationType")[1], "RENEWAL_ORDER_PAID");
        assert_eq!(values("WebhookAuthType")[1], "OAuth2.0");
    }
}
