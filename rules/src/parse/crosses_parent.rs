//! `parse/crosses-parent`: an element or item runs past the end of the item or sequence that contains it.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// An element, item or sequence of defined length ends after the end of its enclosing
    /// item or sequence of defined length.
    ///
    /// ## Why
    /// The lengths contradict each other, so readers disagree on where the next element
    /// starts: one reader shows an attribute another does not see at all.
    ///
    /// ## Standard
    /// PS3.5 §7.5.1 (items of defined length), §7.5.2.
    ///
    /// ## Example
    /// Failing: a sequence of length 8 holding an item of length 14.
    /// Passing: a sequence of length 22 holding that item (8-byte item header + 14).
    pub CROSSES_PARENT, "parse/crosses-parent", Error, "an element or item runs past the end of the item or sequence that contains it"
}

/// The check of [`CROSSES_PARENT`].
#[derive(Debug, Default)]
pub struct CrossesParent;

impl Rule for CrossesParent {
    const META: &'static RuleMeta = &CROSSES_PARENT;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::CrossesParent { tag, .. } = error.kind {
            cx.report(
                &CROSSES_PARENT,
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
            "parse/crosses-parent",
            include_bytes!("../../../corpus/files/parse/item-crosses-sequence.dcm"),
        );
    }
}
