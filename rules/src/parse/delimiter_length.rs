//! `parse/delimiter-length`: a delimitation item has a non-zero length.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// An Item Delimitation Item or Sequence Delimitation Item whose length field is not zero.
    ///
    /// ## Why
    /// The standard fixes it at zero. A reader that trusts the length skips real data.
    ///
    /// ## Standard
    /// PS3.5 §7.5.2 (Item Delim. Tag and Seq. Delim. Tag: "Item Length 00000000H").
    ///
    /// ## Example
    /// Failing: `FE FF DD E0 04 00 00 00`.
    /// Passing: `FE FF DD E0 00 00 00 00`.
    pub DELIMITER_LENGTH, "parse/delimiter-length", Error, "a delimitation item has a non-zero length"
}

/// The check of [`DELIMITER_LENGTH`].
#[derive(Debug, Default)]
pub struct DelimiterLength;

impl Rule for DelimiterLength {
    const META: &'static RuleMeta = &DELIMITER_LENGTH;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::DelimiterLength { .. } = error.kind {
            cx.report(
                &DELIMITER_LENGTH,
                Some(error.at),
                None,
                format_args!("{}", error.kind),
            );
        }
    }
}
#[cfg(test)]
mod tests {
    use crate::testing::findings_of;

    /// A bare explicit VR LE data set: a sequence of undefined length with one item of
    /// undefined length, closed by an Item Delimitation Item whose length is `len`.
    fn with_item_delimiter_length(len: u8) -> [u8; 36] {
        let mut bytes = [0u8; 36];
        let parts: [&[u8]; 4] = [
            b"\x40\x00\x75\x02SQ\x00\x00\xff\xff\xff\xff",
            b"\xfe\xff\x00\xe0\xff\xff\xff\xff",
            &[0xfe, 0xff, 0x0d, 0xe0, len, 0, 0, 0],
            b"\xfe\xff\xdd\xe0\x00\x00\x00\x00",
        ];
        let mut at = 0;
        for part in parts {
            bytes[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
        bytes
    }

    #[test]
    fn fires_on_a_non_zero_delimiter_length_only() {
        assert!(findings_of(&with_item_delimiter_length(4)).has("parse/delimiter-length"));
        assert!(!findings_of(&with_item_delimiter_length(0)).has("parse/delimiter-length"));
    }
}
