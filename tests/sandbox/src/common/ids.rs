//! Deterministic, invertible v4-looking UUIDs for v2 identifiers.
//!
//! The last 4 bytes hold a keyed Feistel permutation of the 1-based index, so
//! a UUID maps back to its index in O(1) without any lookup table; the other
//! bytes are a keyed hash, so ids look random and depend on the seed.

use std::fmt;

use crate::common::hash::h3;

/// What a UUID identifies (part of the key, so kinds never collide).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A bank account.
    BankAccount = 1,
    /// A transaction.
    Transaction = 2,
    /// A virtual account.
    VirtualAccount = 3,
    /// A Vietcombank terminal.
    Terminal = 4,
    /// A VA order.
    VaOrder = 5,
    /// A Bank Hub company.
    Company = 6,
    /// A Bank Hub link token (its `xid`).
    LinkToken = 7,
    /// A Bank Hub link token (the `link_token` value itself).
    LinkSecret = 8,
    /// A Bank Hub link-token event.
    LinkEvent = 9,
}

/// A 128-bit UUID, displayed as lowercase `8-4-4-4-12` hex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Uuid(pub [u8; 16]);

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 36];
        let mut pos = 0;
        for (i, b) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                out[pos] = b'-';
                pos += 1;
            }
            out[pos] = HEX[(b >> 4) as usize];
            out[pos + 1] = HEX[(b & 15) as usize];
            pos += 2;
        }
        // All bytes are ASCII hex digits or dashes.
        f.write_str(std::str::from_utf8(&out).map_err(|_| fmt::Error)?)
    }
}

impl serde::Serialize for Uuid {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Uuid {
    /// Parses the canonical `8-4-4-4-12` hex form (any case).
    pub fn parse(s: &str) -> Option<Uuid> {
        let b = s.as_bytes();
        if b.len() != 36 {
            return None;
        }
        let mut out = [0u8; 16];
        let mut n = 0;
        let mut i = 0;
        while i < 36 {
            if matches!(i, 8 | 13 | 18 | 23) {
                if b[i] != b'-' {
                    return None;
                }
                i += 1;
                continue;
            }
            let hi = hex_val(b[i])?;
            let lo = hex_val(*b.get(i + 1)?)?;
            out[n] = (hi << 4) | lo;
            n += 1;
            i += 2;
        }
        Some(Uuid(out))
    }
}

fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

fn round_fn(seed: u64, kind: Kind, round: u64, half: u16) -> u16 {
    h3(seed, (kind as u64) * 16 + round, u64::from(half)) as u16
}

fn feistel(seed: u64, kind: Kind, x: u32) -> u32 {
    let (mut l, mut r) = ((x >> 16) as u16, x as u16);
    for round in 0..4 {
        let next = l ^ round_fn(seed, kind, round, r);
        l = r;
        r = next;
    }
    (u32::from(l) << 16) | u32::from(r)
}

fn feistel_inv(seed: u64, kind: Kind, y: u32) -> u32 {
    let (mut l, mut r) = ((y >> 16) as u16, y as u16);
    for round in (0..4).rev() {
        let prev = r ^ round_fn(seed, kind, round, l);
        r = l;
        l = prev;
    }
    (u32::from(l) << 16) | u32::from(r)
}

/// The UUID of item `index` of `kind` for `seed`.
pub fn uuid(seed: u64, kind: Kind, index: u32) -> Uuid {
    let enc = feistel(seed, kind, index);
    let a = h3(seed, (kind as u64) * 16 + 5, u64::from(enc));
    let b = h3(seed, (kind as u64) * 16 + 6, u64::from(enc));
    let mut out = [0u8; 16];
    out[0..8].copy_from_slice(&a.to_be_bytes());
    out[8..12].copy_from_slice(&((b >> 32) as u32).to_be_bytes());
    out[12..16].copy_from_slice(&enc.to_be_bytes());
    out[6] = (out[6] & 0x0f) | 0x40;
    out[8] = (out[8] & 0x3f) | 0x80;
    Uuid(out)
}

/// The index whose UUID of `kind` is `id`, if `id` was produced by [`uuid`].
pub fn index_of(seed: u64, kind: Kind, id: &Uuid) -> Option<u32> {
    let enc = u32::from_be_bytes([id.0[12], id.0[13], id.0[14], id.0[15]]);
    let index = feistel_inv(seed, kind, enc);
    (uuid(seed, kind, index) == *id).then_some(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_format() {
        for i in [0u32, 1, 2, 999, 1_000_000, u32::MAX] {
            let u = uuid(42, Kind::Transaction, i);
            let s = u.to_string();
            assert_eq!(s.len(), 36);
            assert_eq!(&s[14..15], "4");
            assert!(matches!(&s[19..20], "8" | "9" | "a" | "b"));
            let p = Uuid::parse(&s).unwrap();
            assert_eq!(p, u);
            assert_eq!(Uuid::parse(&s.to_uppercase()), Some(u));
            assert_eq!(index_of(42, Kind::Transaction, &p), Some(i));
            assert_eq!(index_of(42, Kind::BankAccount, &p), None);
            assert_eq!(index_of(43, Kind::Transaction, &p), None);
        }
        assert_ne!(
            uuid(42, Kind::Transaction, 1),
            uuid(42, Kind::Transaction, 2)
        );
        assert!(Uuid::parse("not-a-uuid").is_none());
    }
}
