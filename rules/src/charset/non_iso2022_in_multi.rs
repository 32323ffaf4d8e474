//! `charset/non-iso2022-in-multi`: a multi-valued (0008,0005) lists a term without code extensions.

use lint_core::charset::SetIssue;
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// A multi-valued (0008,0005) with a Table C.12-2 term, as in `ISO_IR 13\ISO 2022 IR 87` or `ISO_IR 100\ISO 2022 IR 144`.
    ///
    /// ## Why
    /// With several values, code extensions are in use and every term must be the `ISO 2022` form of Tables C.12-3/C.12-4 (DCMTK and the dcm4che maintainers read the standard the same way). dcmlint reads the value as its ISO 2022 form.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 13\ISO 2022 IR 87`.
    /// Passing: `ISO 2022 IR 13\ISO 2022 IR 87`.
    pub NON_ISO2022_IN_MULTI, "charset/non-iso2022-in-multi", Error, "a multi-valued (0008,0005) lists a term without code extensions"
}

/// The check of [`NON_ISO2022_IN_MULTI`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &NON_ISO2022_IN_MULTI;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        let set = cx.scope().set;
        for issue in set.check() {
            if let SetIssue::NonIso2022InMulti { index } = issue {
                cx.report(
                    &NON_ISO2022_IN_MULTI,
                    Some(element.span_of_index(index)),
                    Some(element.header.tag),
                    format_args!("value {} of (0008,0005) is a single-value term; in a list use its ISO 2022 form `{}` (read as that)", index + 1, element_term_at(&element, index)),
                );
            }
        }
    }
}

/// The ISO 2022 form of the term at `index`.
fn element_term_at(element: &super::CharsetElement<'_>, index: usize) -> &'static str {
    lint_core::charset::parse_values(element.value)
        .nth(index)
        .and_then(|v| v.term)
        .map_or("?", |t| t.iso2022_form().name())
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::text_case;

    #[test]
    fn fires() {
        let found = text_case(
            Some(b"ISO_IR 13\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Doe^Jane",
        );
        assert!(found.has("charset/non-iso2022-in-multi"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(
            Some(b"ISO 2022 IR 13\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Doe^Jane",
        );
        assert!(!found.has("charset/non-iso2022-in-multi"), "{found:?}");
    }
}
