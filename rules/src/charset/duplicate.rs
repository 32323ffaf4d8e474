//! `charset/duplicate`: (0008,0005) lists the same character set twice.

use lint_core::charset::SetIssue;
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// A (0008,0005) that lists one character set twice, in either spelling: `ISO 2022 IR 100\ISO 2022 IR 100`, `ISO_IR 100\ISO 2022 IR 100`.
    ///
    /// ## Why
    /// The standard forbids it in so many words (both examples are its own); a duplicate is usually a writer appending the extension set to a value 1 that already names it.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2 (note).
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO 2022 IR 100\ISO 2022 IR 100`.
    /// Passing: `ISO 2022 IR 100\ISO 2022 IR 126`.
    pub DUPLICATE, "charset/duplicate", Error, "(0008,0005) lists the same character set twice"
}

/// The check of [`DUPLICATE`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DUPLICATE;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        let set = cx.scope().set;
        for issue in set.check() {
            if let SetIssue::Duplicate { index, first } = issue {
                cx.report(
                    &DUPLICATE,
                    Some(element.span_of_index(index)),
                    Some(element.header.tag),
                    format_args!(
                        "value {} of (0008,0005) names the same character set as value {}",
                        index + 1,
                        first + 1
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
        let found = text_case(
            Some(b"ISO 2022 IR 100\\ISO 2022 IR 100"),
            PATIENT_NAME,
            Vr::PN,
            b"Doe^Jane",
        );
        assert!(found.has("charset/duplicate"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(
            Some(b"ISO 2022 IR 100\\ISO 2022 IR 126"),
            PATIENT_NAME,
            Vr::PN,
            b"Doe^Jane",
        );
        assert!(!found.has("charset/duplicate"), "{found:?}");
    }
}
