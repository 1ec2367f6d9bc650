//! Minimal hand-rolled JSON writing for the hot path (large v1 pages).
//! Output is byte-identical to `serde_json`'s compact format; unit tests in
//! `v1::model` compare the two.

use crate::common::timefmt::parts;

/// Appends `s` as a JSON string (quotes included).
pub fn string(out: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Rare: let serde_json do the escaping.
        #[allow(
            clippy::expect_used,
            reason = "a str always serialises, and writing to a Vec cannot fail"
        )]
        serde_json::to_writer(&mut *out, s).expect("write to Vec");
    }
}

/// Appends the decimal digits of `n`.
pub fn uint(out: &mut Vec<u8>, n: u128) {
    match u64::try_from(n) {
        Ok(small) => uint64(out, small),
        Err(_) => out.extend_from_slice(n.to_string().as_bytes()),
    }
}

/// Appends the decimal digits of `n` (fast path: no 128-bit division).
pub fn uint64(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// Appends `"N"`: a number as a JSON string.
pub fn uint_str(out: &mut Vec<u8>, n: u128) {
    out.push(b'"');
    uint(out, n);
    out.push(b'"');
}

/// Appends `"N.00"`: whole dong as a v1 money string.
pub fn money2(out: &mut Vec<u8>, n: u128) {
    out.push(b'"');
    uint(out, n);
    out.extend_from_slice(b".00\"");
}

fn two(out: &mut Vec<u8>, n: u32) {
    out.push(b'0' + (n / 10 % 10) as u8);
    out.push(b'0' + (n % 10) as u8);
}

/// Appends `"YYYY-MM-DD HH:MM:SS"`.
pub fn datetime(out: &mut Vec<u8>, secs: i64) {
    let (y, mo, d, h, mi, s) = parts(secs);
    if !(0..=9999).contains(&y) {
        string(out, &crate::common::timefmt::DateTime(secs).to_string());
        return;
    }
    let y = y as u32;
    out.push(b'"');
    two(out, y / 100);
    two(out, y % 100);
    out.push(b'-');
    two(out, mo);
    out.push(b'-');
    two(out, d);
    out.push(b' ');
    two(out, h);
    out.push(b':');
    two(out, mi);
    out.push(b':');
    two(out, s);
    out.push(b'"');
}

/// Appends `,"key":` (without the comma when `first`).
pub fn key(out: &mut Vec<u8>, k: &str, first: bool) {
    if !first {
        out.push(b',');
    }
    out.push(b'"');
    out.extend_from_slice(k.as_bytes());
    out.extend_from_slice(b"\":");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(f: impl Fn(&mut Vec<u8>)) -> String {
        let mut v = Vec::new();
        f(&mut v);
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn matches_serde() {
        for s in ["plain", "Ngân hàng", "quote\"back\\slash", "tab\tnl\n", ""] {
            assert_eq!(w(|o| string(o, s)), serde_json::to_string(s).unwrap());
        }
        for n in [0u128, 7, 10, 123_456_789, u128::from(u64::MAX)] {
            assert_eq!(w(|o| uint(o, n)), n.to_string());
        }
        assert_eq!(w(|o| money2(o, 1500)), "\"1500.00\"");
        assert_eq!(w(|o| uint_str(o, 42)), "\"42\"");
        let t = crate::common::timefmt::from_parts(2025, 3, 4, 5, 6, 7);
        assert_eq!(w(|o| datetime(o, t)), "\"2025-03-04 05:06:07\"");
        assert_eq!(w(|o| key(o, "a", false)), ",\"a\":");
    }
}
