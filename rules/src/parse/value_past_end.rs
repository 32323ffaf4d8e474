//! `parse/value-past-end`: a value length runs past the end of the input.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// A data element's Value Length (or an item's or sequence's) counts more bytes than the
    /// input has left.
    ///
    /// ## Why
    /// The file is truncated or the length field is corrupt. Readers either fail or read a short
    /// value without saying so (pydicom does), which hides a damaged image.
    ///
    /// ## Standard
    /// PS3.5 §7.1.1 (Value Length), §7.5 (nesting).
    ///
    /// ## Example
    /// Failing: `(7FE0,0010) OW` with length 8192 and only 8130 bytes left (pydicom's
    /// `MR_truncated.dcm`).
    /// Passing: the same file with the whole pixel data.
    pub VALUE_PAST_END, "parse/value-past-end", Error, "a value length runs past the end of the input"
}

/// The check of [`VALUE_PAST_END`].
#[derive(Debug, Default)]
pub struct ValuePastEnd;

impl Rule for ValuePastEnd {
    const META: &'static RuleMeta = &VALUE_PAST_END;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::ValuePastEnd { tag, .. } = error.kind {
            cx.report(
                &VALUE_PAST_END,
                Some(error.at),
                Some(tag),
                format_args!("{}", error.kind),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::fires_only_on;

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        fires_only_on(
            "parse/value-past-end",
            include_bytes!("../../../corpus/files/parse/value-past-end.dcm"),
        );
    }
}
