//! Small owned copies of short values that rules compare across events.
//!
//! Events borrow their value bytes from the caller's window, which is gone by the next
//! window; a rule that must compare two values (the SOP Class UID of the File Meta group
//! with the one in the data set) keeps a copy here, without allocating.

use core::fmt;

/// A copy of a UI value, padding removed (UIDs are at most 64 bytes, PS3.5 §9.1).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct UidBuf {
    bytes: [u8; 64],
    len: usize,
    /// The value was longer than 64 bytes (kept: its first 64).
    overflow: bool,
}

impl UidBuf {
    /// Copies `raw`, without its trailing NUL or space padding.
    pub fn new(raw: &[u8]) -> Self {
        let trimmed = lint_core::transfer_syntax::trim_uid(raw);
        let mut bytes = [0; 64];
        let len = trimmed.len().min(64);
        for (slot, byte) in bytes.iter_mut().zip(trimmed) {
            *slot = *byte;
        }
        UidBuf {
            bytes,
            len,
            overflow: trimmed.len() > 64,
        }
    }

    /// The UID bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or(&[])
    }

    /// Whether `raw` (padding allowed) is the same UID.
    pub fn same_as(&self, raw: &[u8]) -> bool {
        !self.overflow && self.as_bytes() == lint_core::transfer_syntax::trim_uid(raw)
    }
}

impl fmt::Debug for UidBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UidBuf({self})")
    }
}

impl fmt::Display for UidBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Printable(self.as_bytes()).fmt(f)
    }
}

/// Shows bytes as text where they are printable ASCII and as `\xNN` elsewhere.
#[derive(Clone, Copy, Debug)]
pub struct Printable<'a>(pub &'a [u8]);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &byte in self.0 {
            if byte.is_ascii_graphic() || byte == b' ' {
                write!(f, "{}", char::from(byte))?;
            } else {
                write!(f, "\\x{byte:02X}")?;
            }
        }
        Ok(())
    }
}
