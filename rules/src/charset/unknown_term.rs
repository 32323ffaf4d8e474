//! `charset/unknown-term`: a (0008,0005) value is not a Defined Term.

use lint_core::charset::{TermIssue, parse_values};
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// A value of (0008,0005) that is not a Defined Term of PS3.3 C.12.1.1.2 and not a recognisable variant of one: `WINDOWS-31J`, `SHIFT_JIS`, `ISO_IR 157`.
    ///
    /// ## Why
    /// Terms are Defined Terms, not Enumerated Values: an implementation may add its own if its conformance statement says so, so this is a warning. But no other reader will know the bytes, and dcmlint cannot validate text under it (it still checks structure).
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2; PS3.5 §6.3.
    ///
    /// ## Example
    /// Failing: (0008,0005) `SHIFT_JIS`.
    /// Passing: `ISO_IR 13` (JIS X 0201) or `\ISO 2022 IR 87`.
    pub UNKNOWN_TERM, "charset/unknown-term", Warning, "a (0008,0005) value is not a Defined Term"
}

/// The check of [`UNKNOWN_TERM`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &UNKNOWN_TERM;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        for v in parse_values(element.value) {
            if v.issues.contains(TermIssue::Unknown) {
                cx.report(
                    &UNKNOWN_TERM,
                    Some(element.span_of(&v)),
                    Some(element.header.tag),
                    format_args!("`{}` is neither a Defined Term nor a known variant of one; text it governs cannot be checked", Printable(v.raw)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::text_case;

    #[test]
    fn fires() {
        let found = text_case(Some(b"SHIFT_JIS"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(found.has("charset/unknown-term"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(Some(b"ISO_IR 13"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/unknown-term"), "{found:?}");
    }
}
