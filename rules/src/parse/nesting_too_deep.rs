//! `parse/nesting-too-deep`: sequences nest deeper than the checker's bound.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// Sequences of items nest deeper than the bound the checker was built with (32 by
    /// default).
    ///
    /// ## Why
    /// No IOD nests anywhere near this deep; such input is corrupt or hostile, and recursive
    /// readers overflow their stack on it. dcmlint stops reading the stream here.
    ///
    /// ## Standard
    /// PS3.5 §7.5 (nesting of data sets).
    ///
    /// ## Example
    /// Failing: 40 sequences each holding one item holding the next.
    /// Passing: the content sequences of a structured report, 5 levels deep.
    pub NESTING_TOO_DEEP, "parse/nesting-too-deep", Error, "sequences nest deeper than the checker's bound"
}

/// The check of [`NESTING_TOO_DEEP`].
#[derive(Debug, Default)]
pub struct NestingTooDeep;

impl Rule for NestingTooDeep {
    const META: &'static RuleMeta = &NESTING_TOO_DEEP;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::NestingTooDeep { .. } = error.kind {
            cx.report(
                &NESTING_TOO_DEEP,
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
            "parse/nesting-too-deep",
            include_bytes!("../../../corpus/files/parse/too-deep.dcm"),
        );
    }
}
