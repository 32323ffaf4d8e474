//! `parse/missing-delimiter`: an item or sequence of undefined length is never closed.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// An item or sequence of undefined length has no Item Delimitation Item (FFFE,E00D) or
    /// Sequence Delimitation Item (FFFE,E0DD): the input ends first, or the sequence is closed
    /// while its item is still open.
    ///
    /// ## Why
    /// Without the delimiter a reader cannot tell where the sequence ends and everything after
    /// it is read as part of the last item.
    ///
    /// ## Standard
    /// PS3.5 §7.5.1, §7.5.2.
    ///
    /// ## Example
    /// Failing: `(0040,0275) SQ` of undefined length, one item of undefined length, then the end
    /// of the file.
    /// Passing: the same with `FFFE,E00D` and `FFFE,E0DD` (length 0) at the end.
    pub MISSING_DELIMITER, "parse/missing-delimiter", Error, "an item or sequence of undefined length is never closed"
}

/// The check of [`MISSING_DELIMITER`].
#[derive(Debug, Default)]
pub struct MissingDelimiter;

impl Rule for MissingDelimiter {
    const META: &'static RuleMeta = &MISSING_DELIMITER;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::MissingDelimiter { .. } = error.kind {
            cx.report(
                &MISSING_DELIMITER,
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
            "parse/missing-delimiter",
            include_bytes!("../../../corpus/files/parse/undefined-length-missing-delimiter.dcm"),
        );
    }
}
