//! `charset/padding`: a (0008,0005) value has leading spaces.

use lint_core::charset::{TermIssue, parse_values};
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// A value of (0008,0005) with leading SPACE characters, such as ` ISO_IR 100`. (A trailing SPACE is the normal padding; a NUL pad is reported by `vr/nul-padding`.)
    ///
    /// ## Why
    /// Leading and trailing spaces of CS are not significant, but many readers compare the term byte for byte and miss a term with a leading space (DCMTK strips them, others do not).
    ///
    /// ## Standard
    /// PS3.5 Table 6.2-1 (CS), §6.2 (padding).
    ///
    /// ## Example
    /// Failing: (0008,0005) ` ISO_IR 100`.
    /// Passing: `ISO_IR 100 `.
    pub PADDING, "charset/padding", Warning, "a (0008,0005) value has leading spaces"
}

/// The check of [`PADDING`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &PADDING;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        for v in parse_values(element.value) {
            if v.issues.contains(TermIssue::LeadingSpace) {
                cx.report(
                    &PADDING,
                    Some(element.span_of(&v)),
                    Some(element.header.tag),
                    format_args!("`{}` starts with SPACE; readers that compare terms literally will not recognise it", Printable(v.raw)),
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
        let found = text_case(Some(b" ISO_IR 100"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(found.has("charset/padding"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(Some(b"ISO_IR 100 "), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/padding"), "{found:?}");
    }
}
