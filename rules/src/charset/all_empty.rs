//! `charset/all-empty`: (0008,0005) has several values, all empty.

use lint_core::charset::SetIssue;
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// A (0008,0005) value made only of delimiters, such as a lone `\`.
    ///
    /// ## Why
    /// An empty value 1 is allowed (it stands for ISO-IR 6 before the extension sets), but the values after it may not be empty; with nothing after, the element names no character set at all and is malformed.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2 (note after Table C.12-3); PS3.5 §7.4.1.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\`.
    /// Passing: `\ISO 2022 IR 87`.
    pub ALL_EMPTY, "charset/all-empty", Error, "(0008,0005) has several values, all empty"
}

/// The check of [`ALL_EMPTY`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &ALL_EMPTY;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        let set = cx.scope().set;
        for issue in set.check() {
            if let SetIssue::AllEmpty = issue {
                cx.report(
                    &ALL_EMPTY,
                    Some(element.value_span),
                    Some(element.header.tag),
                    format_args!(
                        "(0008,0005) holds only delimiters (`{}`): no character set is named",
                        Printable(element.value)
                    ),
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
        let found = text_case(Some(b"\\"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(found.has("charset/all-empty"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/all-empty"), "{found:?}");
    }
}
