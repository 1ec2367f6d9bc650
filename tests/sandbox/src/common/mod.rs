//! Plumbing shared by every surface: request bodies and query strings,
//! response values and error bodies, JSON writing, deterministic hashing and
//! ids, money and date-time formats.

pub mod body;
pub mod hash;
pub mod ids;
pub mod jsonw;
pub mod money;
pub mod params;
pub mod respond;
pub mod timefmt;
