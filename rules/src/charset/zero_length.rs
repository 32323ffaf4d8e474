//! `charset/zero-length`: (0008,0005) is present with no value.

use lint_core::charset::SetIssue;
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// A Specific Character Set (0008,0005) element of length zero.
    ///
    /// ## Why
    /// (0008,0005) is Type 1C: when the condition holds it needs a value, and when it does not the element should be left out. An empty element means the default repertoire, as absence does, so readers cope; it is a warning.
    ///
    /// ## Standard
    /// PS3.3 C.12.1 (Table C.12-1, Type 1C); PS3.5 §7.4.2.
    ///
    /// ## Example
    /// Failing: (0008,0005) (0008,0005) with length 0.
    /// Passing: (0008,0005) left out, or `ISO_IR 100`.
    pub ZERO_LENGTH, "charset/zero-length", Warning, "(0008,0005) is present with no value"
}

/// The check of [`ZERO_LENGTH`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &ZERO_LENGTH;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        let set = cx.scope().set;
        for issue in set.check() {
            if let SetIssue::ZeroLength = issue {
                cx.report(
                    &ZERO_LENGTH,
                    Some(element.value_span),
                    Some(element.header.tag),
                    format_args!("(0008,0005) is present but empty: leave it out for the default repertoire, or give the character set the text uses"),
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
        let found = text_case(Some(b""), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(found.has("charset/zero-length"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/zero-length"), "{found:?}");
    }
}
