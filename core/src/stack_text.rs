//! Short text written without allocating: an amount's decimal text or an
//! RFC 3339 time, written thousands of times per page when results are
//! serialized (JavaScript) or handed to Python.

use std::fmt;
use std::ops::Deref;

/// Up to 48 bytes of ASCII text, filled from the end.
#[derive(Clone, Copy)]
pub struct StackText {
    buf: [u8; 48],
    start: usize,
}

impl StackText {
    pub(crate) fn new() -> StackText {
        StackText {
            buf: [0; 48],
            start: 48,
        }
    }

    /// Puts `b` in front of the text so far.
    pub(crate) fn prepend(&mut self, b: u8) {
        self.start -= 1;
        self.buf[self.start] = b;
    }

    /// Puts the `width` lowest decimal digits of `n` in front (zero-padded).
    pub(crate) fn prepend_digits(&mut self, mut n: u32, width: usize) {
        for _ in 0..width {
            self.prepend(b'0' + (n % 10) as u8);
            n /= 10;
        }
    }
}

impl Deref for StackText {
    type Target = str;
    fn deref(&self) -> &str {
        // Only ASCII digits, signs and separators are ever written.
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or_default()
    }
}

impl fmt::Display for StackText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl fmt::Debug for StackText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}
