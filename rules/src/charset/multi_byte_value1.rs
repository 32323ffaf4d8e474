//! `charset/multi-byte-value1`: value 1 of (0008,0005) is a multi-byte ISO 2022 term.

use lint_core::charset::SetIssue;
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// Value 1 of (0008,0005) is one of the Table C.12-4 terms `ISO 2022 IR 87`, `ISO 2022 IR 159`, `ISO 2022 IR 149` or `ISO 2022 IR 58`, including a single value `ISO 2022 IR 87`.
    ///
    /// ## Why
    /// The multi-byte sets may only be values 2 to n: value 1 fixes the state every value, line and component starts in, and that must be a single-byte set so that delimiters are recognisable. DCMTK rejects such files. dcmlint reads value 1 as empty (ISO-IR 6 in G0).
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2, Table C.12-4.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO 2022 IR 87`.
    /// Passing: `\ISO 2022 IR 87`.
    pub MULTI_BYTE_VALUE1, "charset/multi-byte-value1", Error, "value 1 of (0008,0005) is a multi-byte ISO 2022 term"
}

/// The check of [`MULTI_BYTE_VALUE1`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &MULTI_BYTE_VALUE1;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        let set = cx.scope().set;
        for issue in set.check() {
            if let SetIssue::MultiByteValue1 = issue {
                cx.report(
                    &MULTI_BYTE_VALUE1,
                    Some(element.span_of_index(0)),
                    Some(element.header.tag),
                    format_args!("value 1 of (0008,0005) may not be a multi-byte set; write `\\{}` (value 1 empty) so that ASCII is the value-1 set", element_term(&element)),
                );
            }
        }
    }
}

/// The term of value 1, as written in the standard.
fn element_term(element: &super::CharsetElement<'_>) -> &'static str {
    lint_core::charset::parse_values(element.value)
        .next()
        .map_or("?", |v| super::term_name(&v))
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::text_case;

    #[test]
    fn fires() {
        let found = text_case(Some(b"ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(found.has("charset/multi-byte-value1"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/multi-byte-value1"), "{found:?}");
    }
}
