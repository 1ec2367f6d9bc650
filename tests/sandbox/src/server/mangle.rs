//! Byte-level corruptions of a JSON body for the payload faults.
//!
//! The sandbox writes compact JSON (`"key":value`) and no string value
//! contains a double quote, so locating `"key":` textually is exact.

/// Money fields, in the order they are looked for (the last two: payment gateway).
const MONEY_KEYS: [&str; 5] = [
    "amount_in",
    "amount_out",
    "accumulated",
    "order_amount",
    "transaction_amount",
];
/// Fallbacks when a body has no money field, by priority.
const OTHER_KEYS: [&str; 4] = [
    "active",
    "count_transactions",
    "count_bankaccounts",
    "status",
];

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `(start of "key", start of value, end of value)` of the first occurrence of `key`.
fn locate(body: &[u8], key: &str) -> Option<(usize, usize, usize)> {
    let pat = format!("\"{key}\":");
    let k = find(body, pat.as_bytes())?;
    let v = k + pat.len();
    let end = if body.get(v) == Some(&b'"') {
        let mut i = v + 1;
        while i < body.len() && body[i] != b'"' {
            i += if body[i] == b'\\' { 2 } else { 1 };
        }
        (i + 1).min(body.len())
    } else {
        v + body[v..]
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']'))
            .unwrap_or(body.len() - v)
    };
    Some((k, v, end))
}

/// The earliest occurrence among `keys`.
fn earliest(body: &[u8], keys: &[&str]) -> Option<(usize, usize, usize)> {
    keys.iter()
        .filter_map(|k| locate(body, k))
        .min_by_key(|(k, _, _)| *k)
}

/// The first key of `keys` (by priority) that occurs.
fn first_present(body: &[u8], keys: &[&str]) -> Option<(usize, usize, usize)> {
    keys.iter().find_map(|k| locate(body, k))
}

fn replace_value(body: &[u8], at: (usize, usize, usize), value: &str) -> Vec<u8> {
    let (_, v, end) = at;
    let mut out = Vec::with_capacity(body.len() + value.len());
    out.extend_from_slice(&body[..v]);
    out.extend_from_slice(value.as_bytes());
    out.extend_from_slice(&body[end..]);
    out
}

/// The first half of the body.
pub fn cut_half(body: &[u8]) -> Vec<u8> {
    body[..body.len() / 2].to_vec()
}

/// First money field (else `active`, a count or `status`) replaced by `true`.
pub fn wrong_type(body: &[u8]) -> Vec<u8> {
    match earliest(body, &MONEY_KEYS).or_else(|| first_present(body, &OTHER_KEYS)) {
        Some(at) => replace_value(body, at, "true"),
        None => body.to_vec(),
    }
}

/// First `transfer_type` set to `"sideways"` (else `account_type`, else
/// `order_status`, else [`wrong_type`]).
pub fn unknown_enum(body: &[u8]) -> Vec<u8> {
    let at = earliest(body, &["transfer_type"])
        .or_else(|| earliest(body, &["account_type"]))
        .or_else(|| earliest(body, &["order_status"]));
    match at {
        Some(at) => replace_value(body, at, "\"sideways\""),
        None => wrong_type(body),
    }
}

/// First `id` field removed (else the count field).
pub fn missing_field(body: &[u8]) -> Vec<u8> {
    let Some((k, _, end)) = earliest(body, &["id"])
        .or_else(|| earliest(body, &["count_transactions", "count_bankaccounts"]))
    else {
        return body.to_vec();
    };
    let mut out = Vec::with_capacity(body.len());
    if body.get(end) == Some(&b',') {
        out.extend_from_slice(&body[..k]);
        out.extend_from_slice(&body[end + 1..]);
    } else if k > 0 && body[k - 1] == b',' {
        out.extend_from_slice(&body[..k - 1]);
        out.extend_from_slice(&body[end..]);
    } else {
        out.extend_from_slice(&body[..k]);
        out.extend_from_slice(&body[end..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: Vec<u8>) -> String {
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn corruptions() {
        let v2 = br#"{"status":"success","data":[{"id":"ab","transfer_type":"in","amount_in":5,"amount_out":0},{"id":"cd"}]}"#;
        assert_eq!(
            s(wrong_type(v2)),
            r#"{"status":"success","data":[{"id":"ab","transfer_type":"in","amount_in":true,"amount_out":0},{"id":"cd"}]}"#
        );
        assert_eq!(
            s(unknown_enum(v2)),
            r#"{"status":"success","data":[{"id":"ab","transfer_type":"sideways","amount_in":5,"amount_out":0},{"id":"cd"}]}"#
        );
        assert_eq!(
            s(missing_field(v2)),
            r#"{"status":"success","data":[{"transfer_type":"in","amount_in":5,"amount_out":0},{"id":"cd"}]}"#
        );
        let v1 = br#"{"transaction":{"id":"1","amount_out":"0.00","amount_in":"5.00"}}"#;
        assert_eq!(
            s(wrong_type(v1)),
            r#"{"transaction":{"id":"1","amount_out":true,"amount_in":"5.00"}}"#
        );
        let count = br#"{"status":200,"count_transactions":5}"#;
        assert_eq!(s(missing_field(count)), r#"{"status":200}"#);
        assert_eq!(
            s(wrong_type(count)),
            r#"{"status":200,"count_transactions":true}"#
        );
        assert_eq!(cut_half(b"abcd"), b"ab");
        assert_eq!(wrong_type(b""), b"");
    }
}
