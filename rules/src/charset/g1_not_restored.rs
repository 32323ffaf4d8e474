//! `charset/g1-not-restored`: value 1's G1 set not restored at a reset point.

use lint_core::charset::{CodedCharacterSet, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Text};

declare_rule! {
    /// ## What it checks
    /// Value 1 of (0008,0005) defines a G1 set (an ISO 8859 part, TIS 620 or JIS X 0201
    /// katakana), the value re-designates G1 to another set, and does not designate value
    /// 1's set again before a delimiter, a line break or the end of the value.
    ///
    /// ## Why
    /// The standard requires the value-1 state at every reset point, for G1 as for G0.
    /// Delimiters are single-byte and unaffected, so readers usually cope — hence a
    /// warning — but a reader that decodes a later value or line on its own reads its GR
    /// bytes in the wrong set.
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5.3 (and its note).
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO 2022 IR 100\ISO 2022 IR 126`, PN
    /// `44 69 6F 6E 79 73 69 6F 73 3D 1B 2D 46 C4 E9 EF ED F5 F3 E9 EF F2`.
    /// Passing: the same followed by `1B 2D 41` (`ESC - A`, back to Latin-1).
    pub G1_NOT_RESTORED, "charset/g1-not-restored", Warning,
        "value 1's G1 set is not restored at a delimiter, line break or the end"
}

/// The check of [`G1_NOT_RESTORED`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<Option<CodedCharacterSet>>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &G1_NOT_RESTORED;
    const TOKENS: u8 = tokens::CONTROL | tokens::DELIMITER | tokens::END;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        let Some(initial) = text.initial.g1 else {
            return;
        };
        if !text.is_governed() {
            return;
        }
        match *token {
            Token::Delimiter { span, before, .. } if before.g1 != Some(initial) => {
                self.found.note(text.span(span), before.g1);
            }
            Token::Control { byte, span, before }
                if matches!(byte, 0x09 | 0x0A | 0x0C | 0x0D) && before.g1 != Some(initial) =>
            {
                self.found.note(text.span(span), before.g1);
            }
            Token::End { span, state } => {
                if state.g1 != Some(initial) {
                    self.found.note(text.span(span), state.g1);
                }
                if let Some((span, set, more)) = self.found.take() {
                    let back = lint_core::charset::EscapeSequence::designating(
                        initial,
                        lint_core::charset::CodeElement::G1,
                    )
                    .map_or("", lint_core::charset::EscapeSequence::notation);
                    cx.report_text(
                        &G1_NOT_RESTORED,
                        span,
                        text,
                        format_args!(
                            "G1 still holds {} here; value 1's set is {initial}: add {back} before it{more}",
                            crate::text::set_name(set)
                        ),
                    );
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::{hex, text_case};

    const SET: &[u8] = b"ISO 2022 IR 100\\ISO 2022 IR 126";

    #[test]
    fn fires_when_greek_stays_in_g1() {
        let (v, n) = hex("44 69 6F 6E 79 73 69 6F 73 3D 1B 2D 46 C4 E9 EF ED F5 F3 E9 EF F2");
        let found = text_case(Some(SET), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/g1-not-restored"), "{found:?}");
    }

    #[test]
    fn passes_when_latin1_is_restored() {
        let (v, n) =
            hex("44 69 6F 6E 79 73 69 6F 73 3D 1B 2D 46 C4 E9 EF ED F5 F3 E9 EF F2 1B 2D 41");
        let found = text_case(Some(SET), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/g1-not-restored"), "{found:?}");
    }
}
