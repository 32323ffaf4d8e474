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
