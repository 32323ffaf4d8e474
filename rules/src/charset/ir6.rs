//! `charset/ir6`: (0008,0005) is `ISO_IR 6`, which is not a Defined Term.

use lint_core::charset::{TermIssue, parse_values};
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// A value `ISO_IR 6` in (0008,0005).
    ///
    /// ## Why
    /// The default repertoire (ASCII) has no Defined Term: it is what applies when (0008,0005) is absent. `ISO_IR 6` is a common invention (PS3.2's conformance template even prints it); DCMTK warns and treats it as absent, and so does dcmlint.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2, Table C.12-2 (first row: no term).
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 6`.
    /// Passing: no (0008,0005) at all.
    pub IR6, "charset/ir6", Warning, "(0008,0005) is `ISO_IR 6`, which is not a Defined Term"
}

/// The check of [`IR6`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &IR6;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        for v in parse_values(element.value) {
            if v.issues.contains(TermIssue::IsoIr6) {
                cx.report(
                    &IR6,
                    Some(element.span_of(&v)),
                    Some(element.header.tag),
                    format_args!("`{}` is not a Defined Term: for the default repertoire leave (0008,0005) out", Printable(v.raw)),
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
        let found = text_case(Some(b"ISO_IR 6"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(found.has("charset/ir6"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/ir6"), "{found:?}");
    }
}
