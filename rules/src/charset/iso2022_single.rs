//! `charset/iso2022-single`: a single (0008,0005) value uses the ISO 2022 form of a single-byte term.

use lint_core::charset::SetIssue;
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// A single-valued (0008,0005) written in its code-extension form: `ISO 2022 IR 100`, `ISO 2022 IR 13`, `ISO 2022 IR 6`.
    ///
    /// ## Why
    /// Single-valued terms come from Table C.12-2 (no code extensions); the `ISO 2022` forms of Table C.12-3 are for lists that use escape sequences. pydicom accepts it, DCMTK rejects it; dcmlint reads it as the single-byte term and warns.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2, Tables C.12-2 and C.12-3.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO 2022 IR 100`.
    /// Passing: `ISO_IR 100`.
    pub ISO2022_SINGLE, "charset/iso2022-single", Warning, "a single (0008,0005) value uses the ISO 2022 form of a single-byte term"
}

/// The check of [`ISO2022_SINGLE`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &ISO2022_SINGLE;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        let set = cx.scope().set;
        for issue in set.check() {
            if let SetIssue::Iso2022FormSingle = issue {
                cx.report(
                    &ISO2022_SINGLE,
                    Some(element.value_span),
                    Some(element.header.tag),
                    format_args!(
                        "a single value must be a Table C.12-2 term: write `{}` (read as that)",
                        single_name(&element)
                    ),
                );
            }
        }
    }
}

/// The Table C.12-2 form of the single value.
fn single_name(element: &super::CharsetElement<'_>) -> &'static str {
    lint_core::charset::parse_values(element.value)
        .next()
        .and_then(|v| v.term)
        .map_or("?", |t| t.single_form().name())
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::text_case;

    #[test]
    fn fires() {
        let found = text_case(Some(b"ISO 2022 IR 100"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(found.has("charset/iso2022-single"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(Some(b"ISO_IR 100"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/iso2022-single"), "{found:?}");
    }
}
