//! `parse/expected-item`: a sequence holds something other than an item.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// Inside a sequence, the next header is neither an Item (FFFE,E000) nor a Sequence
    /// Delimitation Item (FFFE,E0DD).
    ///
    /// ## Why
    /// A sequence holds only items. Data here means a length upstream is wrong or the element
    /// was written without its item wrapper; readers lose the rest of the file.
    ///
    /// ## Standard
    /// PS3.5 §7.5.
    ///
    /// ## Example
    /// Failing: `(0040,0275) SQ` of undefined length followed directly by `(0008,0100) SH`.
    /// Passing: the same element wrapped in an item.
    pub EXPECTED_ITEM, "parse/expected-item", Error, "a sequence holds something other than an item"
}

/// The check of [`EXPECTED_ITEM`].
#[derive(Debug, Default)]
pub struct ExpectedItem;

impl Rule for ExpectedItem {
    const META: &'static RuleMeta = &EXPECTED_ITEM;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::ExpectedItem { .. } = error.kind {
            cx.report(
                &EXPECTED_ITEM,
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
            "parse/expected-item",
            include_bytes!("../../../corpus/files/parse/bad-item-tag.dcm"),
        );
    }
}
