//! `parse/truncated-header`: the input ends inside a data element header.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// The input ends part-way through a data element, item or delimiter header (tag, VR
    /// and length fields, PS3.5 §7.1).
    ///
    /// ## Why
    /// A reader cannot know what the last element was; the file was cut short, usually by an
    /// interrupted copy or a full medium. Every reader rejects or silently drops the tail.
    ///
    /// ## Standard
    /// PS3.5 §7.1 (data element structure), PS3.10 §7.
    ///
    /// ## Example
    /// Failing: a data set whose last four bytes are `10 00 10 00` (a tag with no VR or length).
    /// Passing: the same data set without the stray bytes.
    pub TRUNCATED_HEADER, "parse/truncated-header", Error, "the input ends inside a data element header"
}

/// The check of [`TRUNCATED_HEADER`].
#[derive(Debug, Default)]
pub struct TruncatedHeader;

impl Rule for TruncatedHeader {
    const META: &'static RuleMeta = &TRUNCATED_HEADER;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::TruncatedHeader = error.kind {
            cx.report(
                &TRUNCATED_HEADER,
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
            "parse/truncated-header",
            include_bytes!("../../../corpus/files/parse/truncated-header.dcm"),
        );
    }
}
