//! One token bucket for the whole server (SePay limits per IP; tests run
//! from one IP, so a single bucket is equivalent).

use std::time::Instant;

/// Outcome of a successful acquire, for `X-RateLimit-*` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowed {
    /// `X-RateLimit-Limit` (bucket capacity).
    pub limit: u64,
    /// `X-RateLimit-Remaining` (whole tokens left).
    pub remaining: u64,
}

/// Outcome of a refused acquire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    /// `X-RateLimit-Limit` (bucket capacity).
    pub limit: u64,
    /// Whole seconds (>= 1) until a token is available: `Retry-After` and `X-RateLimit-Reset`.
    pub retry_after: u64,
}

/// A token bucket: capacity `max(1, ceil(rate))`, refilled at `rate` tokens/s.
#[derive(Debug, Clone)]
pub struct Bucket {
    rate: f64,
    capacity: f64,
    tokens: f64,
    last: Instant,
}

impl Bucket {
    /// A full bucket for `rate` requests per second (`rate > 0`).
    pub fn new(rate: f64) -> Bucket {
        let capacity = rate.ceil().max(1.0);
        Bucket {
            rate,
            capacity,
            tokens: capacity,
            last: Instant::now(),
        }
    }

    /// Takes one token at time `now`.
    pub fn try_acquire_at(&mut self, now: Instant) -> Result<Allowed, Limited> {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.capacity);
        self.last = now;
        let limit = self.capacity as u64;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(Allowed {
                limit,
                remaining: self.tokens.floor() as u64,
            })
        } else {
            let wait = (1.0 - self.tokens) / self.rate;
            Err(Limited {
                limit,
                retry_after: (wait.ceil() as u64).max(1),
            })
        }
    }
}

/// The server's optional limiter.
#[derive(Debug, Default)]
pub struct RateLimiter {
    bucket: Option<Bucket>,
}

impl RateLimiter {
    /// A limiter for `per_second` (`None`, zero or negative = off).
    pub fn new(per_second: Option<f64>) -> RateLimiter {
        RateLimiter {
            bucket: per_second.filter(|r| *r > 0.0).map(Bucket::new),
        }
    }

    /// Bucket capacity, `None` when off.
    pub fn limit(&self) -> Option<u64> {
        self.bucket.as_ref().map(|b| b.capacity as u64)
    }

    /// Takes a token; `Ok(None)` when the limiter is off.
    pub fn try_acquire(&mut self) -> Result<Option<Allowed>, Limited> {
        match &mut self.bucket {
            None => Ok(None),
            Some(b) => b.try_acquire_at(Instant::now()).map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn bucket_refills() {
        let t0 = Instant::now();
        let mut b = Bucket::new(3.0);
        b.last = t0;
        assert_eq!(
            b.try_acquire_at(t0),
            Ok(Allowed {
                limit: 3,
                remaining: 2
            })
        );
        assert!(b.try_acquire_at(t0).is_ok());
        assert!(b.try_acquire_at(t0).is_ok());
        let e = b.try_acquire_at(t0).unwrap_err();
        assert_eq!(e.limit, 3);
        assert_eq!(e.retry_after, 1);
        assert!(b.try_acquire_at(t0 + Duration::from_millis(340)).is_ok());
        assert!(b.try_acquire_at(t0 + Duration::from_millis(340)).is_err());
    }

    #[test]
    fn slow_rate_retry_after() {
        let t0 = Instant::now();
        let mut b = Bucket::new(0.25);
        b.last = t0;
        assert!(b.try_acquire_at(t0).is_ok());
        assert_eq!(b.try_acquire_at(t0).unwrap_err().retry_after, 4);
        assert!(RateLimiter::new(None).try_acquire().unwrap().is_none());
        assert!(RateLimiter::new(Some(0.0)).try_acquire().unwrap().is_none());
    }
}
