//! `charset/empty-not-first`: a (0008,0005) value other than value 1 is empty.

use lint_core::charset::SetIssue;
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// An empty value in (0008,0005) other than the first, as in `ISO 2022 IR 100\\ISO 2022 IR 87`.
    ///
    /// ## Why
    /// Only value 1 may be empty (meaning ISO-IR 6 in G0); an empty later value designates nothing and usually means a stray delimiter, which some readers take as a request for the default repertoire and others reject.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2; PS3.5 §6.3 (note).
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO 2022 IR 100\\ISO 2022 IR 87`.
    /// Passing: `ISO 2022 IR 100\ISO 2022 IR 87`.
    pub EMPTY_NOT_FIRST, "charset/empty-not-first", Error, "a (0008,0005) value other than value 1 is empty"
}

/// The check of [`EMPTY_NOT_FIRST`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &EMPTY_NOT_FIRST;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        let set = cx.scope().set;
        for issue in set.check() {
            if let SetIssue::EmptyNotFirst { index } = issue {
                cx.report(
                    &EMPTY_NOT_FIRST,
                    Some(element.span_of_index(index)),
                    Some(element.header.tag),
                    format_args!(
                        "value {} of (0008,0005) is empty; only value 1 may be empty",
                        index + 1
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
            Some(b"ISO 2022 IR 100\\\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Doe^Jane",
        );
        assert!(found.has("charset/empty-not-first"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(
            Some(b"ISO 2022 IR 100\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Doe^Jane",
        );
        assert!(!found.has("charset/empty-not-first"), "{found:?}");
    }
}
