//! `declare_rule!`: one place for a rule's id, severity, summary and documentation.

/// Declares a rule's metadata as a `pub static` [`crate::RuleMeta`].
///
/// The doc comment becomes the rule's full documentation (shown by `dcmlint rule ID`
/// and the generated catalogue), so it is written once, beside the check:
///
/// ```ignore
/// declare_rule! {
///     /// What it checks, why, where the standard says so, and examples.
///     pub ODD_LENGTH, "parse/odd-length", Error, "a value length is odd"
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis $name:ident, $id:literal, $severity:ident, $summary:literal
    ) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::RuleMeta = $crate::RuleMeta {
            id: $id,
            severity: $crate::Severity::$severity,
            summary: $summary,
            docs: concat!($($doc, "\n"),*),
        };
    };
}
