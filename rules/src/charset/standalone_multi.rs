//! `charset/standalone-multi`: `ISO_IR 192`, `GB18030` or `GBK` is combined with other values.

use lint_core::charset::SetIssue;
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// (0008,0005) lists `ISO_IR 192` (UTF-8), `GB18030` or `GBK` together with any other value, in any position.
    ///
    /// ## Why
    /// These encodings are not ISO 2022 and allow no code extension: they must be the one and only value. With other values present readers disagree (pydicom lets a stand-alone value 1 win and ignores one elsewhere; DCMTK rejects the file).
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2 (after Table C.12-4), Table C.12-5; PS3.5 §6.1.2.4 note.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 192\ISO 2022 IR 87`.
    /// Passing: `ISO_IR 192`.
    pub STANDALONE_MULTI, "charset/standalone-multi", Error, "`ISO_IR 192`, `GB18030` or `GBK` is combined with other values"
}

/// The check of [`STANDALONE_MULTI`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &STANDALONE_MULTI;
    const EVENTS: u8 = events::CHARSET;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Some(element) = charset_element(event) else {
            return;
        };
        let set = cx.scope().set;
        for issue in set.check() {
            if let SetIssue::SingleValueOnlyInMulti { index } = issue {
                cx.report(
                    &STANDALONE_MULTI,
                    Some(element.span_of_index(index)),
                    Some(element.header.tag),
                    format_args!("value {} of (0008,0005) allows no code extension and must be the only value", index + 1),
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
            Some(b"ISO_IR 192\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Doe^Jane",
        );
        assert!(found.has("charset/standalone-multi"), "{found:?}");
    }

    #[test]
    fn passes() {
        let found = text_case(Some(b"ISO_IR 192"), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        assert!(!found.has("charset/standalone-multi"), "{found:?}");
    }
}
