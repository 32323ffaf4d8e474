//! Byte spans: where in the input something is.
//!
//! Every fact the core reports carries a [`ByteSpan`] of absolute byte offsets from the
//! first byte of the input (for a Part 10 file, the first byte of the preamble), never a
//! bare offset: a finding can then underline exactly the bytes it is about.

use core::fmt;

/// A half-open range `start..end` of absolute byte offsets in the input.
///
/// Offsets are `u64` because DICOM files with undefined-length pixel data can exceed
/// 4 GiB, even though every single defined length fits in 32 bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ByteSpan {
    /// First byte of the span.
    pub start: u64,
    /// One past the last byte of the span.
    pub end: u64,
}

impl ByteSpan {
    /// The span `start..end`; an `end` before `start` is clamped to an empty span.
    #[must_use]
    pub const fn new(start: u64, end: u64) -> Self {
        let end = if end < start { start } else { end };
        Self { start, end }
    }

    /// The span of `len` bytes starting at `start`, saturating at `u64::MAX`.
    #[must_use]
    pub const fn at(start: u64, len: u64) -> Self {
        Self::new(start, start.saturating_add(len))
    }

    /// An empty span at `pos`.
    #[must_use]
    pub const fn point(pos: u64) -> Self {
        Self {
            start: pos,
            end: pos,
        }
    }

    /// Number of bytes covered.
    #[must_use]
    pub const fn len(self) -> u64 {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end == self.start
    }

    /// Whether `other` lies entirely inside `self`.
    #[must_use]
    pub const fn contains(self, other: ByteSpan) -> bool {
        other.start >= self.start && other.end <= self.end
    }

    /// The sub-span `from..to` given as offsets relative to `self.start`, clamped to `self`.
    #[must_use]
    pub fn sub(self, from: usize, to: usize) -> ByteSpan {
        let s = self.start.saturating_add(from as u64).min(self.end);
        let e = self.start.saturating_add(to as u64).min(self.end);
        ByteSpan::new(s, e)
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: ByteSpan) -> ByteSpan {
        ByteSpan::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl fmt::Display for ByteSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#010x}..{:#010x}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_spans_are_clamped() {
        let s = ByteSpan::at(100, 10);
        assert_eq!(s.sub(2, 4), ByteSpan::new(102, 104));
        assert_eq!(s.sub(8, 40), ByteSpan::new(108, 110));
        assert_eq!(ByteSpan::new(5, 3), ByteSpan::point(5));
        assert_eq!(ByteSpan::at(u64::MAX - 1, 10).end, u64::MAX);
    }
}
