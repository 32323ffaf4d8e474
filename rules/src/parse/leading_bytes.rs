//! `parse/leading-bytes`: stray bytes before the first element of a bare data set.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// A data set without preamble or File Meta starts with a few bytes that are not part of
    /// any element; dcmlint skips them (up to 16) and reads the data set after them.
    ///
    /// ## Why
    /// Readers that start at byte 0 see garbage: DCMTK and pydicom both read a huge unknown
    /// element and lose the data set. It is a warning rather than an error because the data set
    /// itself may be fine once found; the missing File Meta is reported separately.
    ///
    /// ## Standard
    /// PS3.5 §7 (a data set is a sequence of data elements), PS3.10 §7.1.
    ///
    /// ## Example
    /// Failing: pydicom's `no_meta.dcm`, which starts with one byte `20` before `(0008,0005)`.
    /// Passing: the same bytes without the first one.
    pub LEADING_BYTES, "parse/leading-bytes", Warning, "stray bytes before the first element of a bare data set"
}

/// The check of [`LEADING_BYTES`].
#[derive(Debug, Default)]
pub struct LeadingBytes;

impl Rule for LeadingBytes {
    const META: &'static RuleMeta = &LEADING_BYTES;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::LeadingBytes { .. } = error.kind {
            cx.report(
                &LEADING_BYTES,
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

    #[test]
    fn fires_on_a_stray_first_byte_only() {
        let good = b"\x08\x00\x05\x00CS\x0a\x00ISO_IR 100\x10\x00\x10\x00PN\x08\x00Doe^Jane";
        let mut bad = [0x20u8; 35];
        bad[1..].copy_from_slice(good);
        let found = findings_of(&bad);
        assert_eq!(found.at("parse/leading-bytes"), Some(0), "{found:?}");
        assert!(!found.has("parse/not-dicom"));
        assert!(!findings_of(good).has("parse/leading-bytes"));
    }
}
