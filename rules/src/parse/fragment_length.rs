//! `parse/fragment-length`: an encapsulated pixel data fragment has undefined length.

use lint_core::parser::{ParseError, ParseErrorKind};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};

declare_rule! {
    /// ## What it checks
    /// An item of encapsulated pixel data (a fragment, or the Basic Offset Table) has
    /// undefined length.
    ///
    /// ## Why
    /// Fragments carry compressed bytes that may contain any pattern, so they must have an
    /// explicit length; a reader cannot find the end of one of undefined length.
    ///
    /// ## Standard
    /// PS3.5 §A.4 ("Items … shall be of explicit length").
    ///
    /// ## Example
    /// Failing: `(7FE0,0010) OB` of undefined length whose first item has length FFFFFFFF.
    /// Passing: a Basic Offset Table item of length 0 followed by fragments of defined length.
    pub FRAGMENT_LENGTH, "parse/fragment-length", Error, "an encapsulated pixel data fragment has undefined length"
}

/// The check of [`FRAGMENT_LENGTH`].
#[derive(Debug, Default)]
pub struct FragmentLength;

impl Rule for FragmentLength {
    const META: &'static RuleMeta = &FRAGMENT_LENGTH;

    fn error(&mut self, cx: &mut Context<'_>, error: &ParseError) {
        if let ParseErrorKind::UndefinedFragmentLength = error.kind {
            cx.report(
                &FRAGMENT_LENGTH,
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
    fn fires_on_an_undefined_fragment_length_only() {
        let bad = b"\xe0\x7f\x10\x00OB\x00\x00\xff\xff\xff\xff\xfe\xff\x00\xe0\xff\xff\xff\xff";
        assert!(findings_of(bad).has("parse/fragment-length"));
        let good = b"\xe0\x7f\x10\x00OB\x00\x00\xff\xff\xff\xff\xfe\xff\x00\xe0\x00\x00\x00\x00\xfe\xff\xdd\xe0\x00\x00\x00\x00";
        assert!(!findings_of(good).has("parse/fragment-length"));
    }
}
