//! Small, fast, deterministic hashing used to derive every dataset value
//! from `(seed, index, salt)` without storing it.

/// SplitMix64 finaliser: a good 64-bit mixer.
pub fn mix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Hash of `(seed, salt, index)`; distinct salts give independent streams.
pub fn h3(seed: u64, salt: u64, index: u64) -> u64 {
    mix64(mix64(seed ^ salt.wrapping_mul(0xD6E8_FEB8_6659_FD93)) ^ index)
}

/// Deterministic pseudo-random generator (SplitMix64 sequence).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.0)
    }

    /// Uniform float in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_in_range() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..1000 {
            let x = a.next_f64();
            assert_eq!(x, b.next_f64());
            assert!((0.0..1.0).contains(&x));
        }
        assert_ne!(h3(1, 2, 3), h3(1, 2, 4));
        assert_ne!(h3(1, 2, 3), h3(1, 3, 3));
    }
}
