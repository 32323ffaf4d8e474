//! `parse/unexpected-delimiter`: a delimitation item where nothing of undefined length is open.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// An Item Delimitation Item or Sequence Delimitation Item appears where no item or
    /// sequence of undefined length is open (at the top level, or inside a defined-length item),
    /// or an Item tag appears inside a data set.
    ///
    /// ## Why
    /// It usually means a length was mis-written upstream. Readers differ: some stop, some skip
    /// it. dcmlint skips a stray delimiter (8 bytes) and goes on.
    ///
    /// ## Standard
    /// PS3.5 §7.5.
    ///
    /// ## Example
    /// Failing: `FE FF 0D E0 00 00 00 00` between two top-level elements.
    /// Passing: the same data set without those 8 bytes.
    pub UNEXPECTED_DELIMITER, "parse/unexpected-delimiter", Error, "a delimitation item where nothing of undefined length is open"
}

/// The check of [`UNEXPECTED_DELIMITER`].
#[derive(Debug, Default)]
pub struct UnexpectedDelimiter;

impl Rule for UnexpectedDelimiter {
    const META: &'static RuleMeta = &UNEXPECTED_DELIMITER;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::UnexpectedDelimiter { .. } = error.kind {
            cx.report(
                &UNEXPECTED_DELIMITER,
                Some(error.at),
                None,
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
            "parse/unexpected-delimiter",
            include_bytes!("../../../corpus/files/parse/stray-delimiter.dcm"),
        );
    }
}
