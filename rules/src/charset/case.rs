//! `charset/case`: a (0008,0005) value is not in upper case.

use lint_core::charset::{TermIssue, parse_values};
use lint_core::parser::Event;

use super::{charset_element, term_name};
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// A value of Specific Character Set (0008,0005) that is a Defined Term except for the letter case, such as `iso_ir 100`.
    ///
    /// ## Why
    /// (0008,0005) has VR CS, whose repertoire is upper-case letters, digits, SPACE and `_`; readers that compare the term literally (DCMTK, most PACS) do not recognise the lower-case spelling and fall back to ASCII, garbling every non-ASCII name. dcmlint reports it and then reads the value as the term it stands for, so the rest of the file is still checked.
    ///
    /// ## Standard
    /// PS3.5 Table 6.2-1 (CS); PS3.3 C.12.1.1.2.
    ///
    /// ## Example
    /// Failing: (0008,0005) `iso_ir 100`.
    /// Passing: `ISO_IR 100`.
    pub CASE, "charset/case", Error, "a (0008,0005) value is not in upper case"
}

/// The check of [`CASE`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &CASE;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        for v in parse_values(element.value) {
            if v.issues.contains(TermIssue::LowerCase) {
                cx.report(
                    &CASE,
                    Some(element.span_of(&v)),
                    Some(element.header.tag),
                    format_args!("`{}` is not upper case: Defined Terms are upper case (CS); write `{}` (read as that for the rest of the file)", Printable(v.raw), term_name(&v)),
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
        let found = text_case(Some(b"iso_ir 100"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(found.has("charset/case"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(Some(b"ISO_IR 100"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/case"), "{found:?}");
    }
}
