//! Name and type-text helpers shared by every emitter.

/// Longest generated line before it is wrapped (as black and prettier would).
pub const WIDTH: usize = 100;

/// `line` when it fits in [`WIDTH`], else the `wrapped` form.
pub fn fit(line: String, wrapped: impl FnOnce() -> String) -> String {
    if line.len() <= WIDTH {
        line
    } else {
        wrapped()
    }
}

/// `bank_account_id` → `bankAccountId`.
pub fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `bank_hub` → `BankHub`, `oauth` → `OAuth`, `v2` → `V2`.
pub fn pascal(snake: &str) -> String {
    if snake == "oauth" {
        return "OAuth".into();
    }
    let c = camel(snake);
    let mut chars = c.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `T` of `Name<T>`.
pub fn generic<'a>(rust: &'a str, name: &str) -> Option<&'a str> {
    rust.strip_prefix(name)?
        .strip_prefix('<')?
        .strip_suffix('>')
}

/// A table input `name: RustType` split in two.
pub fn input<'a>(op: &str, input: &'a str) -> Result<(&'a str, &'a str), String> {
    input
        .split_once(':')
        .map(|(n, t)| (n.trim(), t.trim()))
        .ok_or_else(|| format!("{op}: input without a type: `{input}`"))
}

/// Whether `name` is in `list`: an entry ending in `.` covers every operation
/// below it (`v1.orders.`), any other entry one operation.
pub fn listed(list: &[(&str, &str)], name: &str) -> bool {
    list.iter().any(|(entry, _)| {
        if entry.ends_with('.') {
            name.starts_with(entry)
        } else {
            name == *entry
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_names() {
        assert_eq!(camel("bank_account_id"), "bankAccountId");
        assert_eq!(pascal("bank_hub"), "BankHub");
        assert_eq!(pascal("oauth"), "OAuth");
        assert_eq!(pascal("merchant_config"), "MerchantConfig");
        assert_eq!(
            generic("Page<V2Transaction>", "Page"),
            Some("V2Transaction")
        );
        assert_eq!(input("x", "id: &str").unwrap(), ("id", "&str"));
        let list = [("v1.orders.", ""), ("pg.checkout", "")];
        assert!(listed(&list, "v1.orders.create") && listed(&list, "pg.checkout"));
        assert!(!listed(&list, "pg.orders.get"));
    }
}
