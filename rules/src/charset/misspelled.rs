//! `charset/misspelled`: a (0008,0005) value is a misspelling of a Defined Term.

use lint_core::charset::{TermIssue, parse_values};
use lint_core::parser::Event;

use super::{charset_element, term_name};
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// A value of (0008,0005) that is a known variant of a Defined Term: `ISO-IR 100` (the hyphen of the 1993 edition), `ISO IR 100`, `ISO_IR100`, `ISO2022 IR 87`, `ISO_IR 87` (no such term: `ISO 2022 IR 87`), `UTF-8`/`UTF8` (`ISO_IR 192`), `GB2312` (`ISO 2022 IR 58`), and the like.
    ///
    /// ## Why
    /// Only the Defined Terms of PS3.3 C.12.1.1.2 identify a character set; a variant is, strictly, an unknown term, and strict readers ignore it. pydicom and fo-dicom guess the intended term, DCMTK does not. dcmlint reports the canonical spelling and then uses it, so the text is still checked.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2 (Tables C.12-2 to C.12-5); PS3.5 §6.3 (a local term must not duplicate the meaning of a standard one).
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO-IR 100`.
    /// Passing: `ISO_IR 100`.
    pub MISSPELLED, "charset/misspelled", Error, "a (0008,0005) value is a misspelling of a Defined Term"
}

/// The check of [`MISSPELLED`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &MISSPELLED;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        for v in parse_values(element.value) {
            if v.issues.contains(TermIssue::Misspelled) {
                cx.report(
                    &MISSPELLED,
                    Some(element.span_of(&v)),
                    Some(element.header.tag),
                    format_args!("`{}` is not a Defined Term; write `{}` (read as that for the rest of the file)", Printable(v.raw), term_name(&v)),
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
        let found = text_case(Some(b"ISO-IR 100"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(found.has("charset/misspelled"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(Some(b"ISO_IR 100"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/misspelled"), "{found:?}");
    }
}
