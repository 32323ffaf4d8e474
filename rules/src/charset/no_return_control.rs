//! `charset/no-return-control`: a line break or TAB reached while G0 does not hold value
//! 1's set.

use lint_core::charset::{CodedCharacterSet, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Text, return_escape};

declare_rule! {
    /// ## What it checks
    /// CR, LF, FF or TAB in a text value reached while G0 holds a set other than value
    /// 1's (for instance JIS X 0208 still designated at the end of a line of an LT).
    ///
    /// ## Why
    /// Each line and page starts in the value-1 state, and the writer must return to it
    /// before the control character. A reader that restarts decoding at each line (as
    /// the standard allows) reads the next line's kanji bytes as ASCII (`=j8+`).
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5.3.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, LT
    /// `1B 24 42 38 21 3A 3A 0D 0A 3D 6A 38 2B 1B 28 42`.
    /// Passing: LT `1B 24 42 38 21 3A 3A 1B 28 42 0D 0A 1B 24 42 3D 6A 38 2B 1B 28 42`.
    pub NO_RETURN_CONTROL, "charset/no-return-control", Error,
        "a line break or TAB is reached without returning to value 1's character set"
}

/// The check of [`NO_RETURN_CONTROL`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<(u8, CodedCharacterSet)>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &NO_RETURN_CONTROL;
    const TOKENS: u8 = tokens::CONTROL | tokens::END;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() {
            return;
        }
        match *token {
            Token::Control { byte, span, before }
                if matches!(byte, 0x09 | 0x0A | 0x0C | 0x0D)
                    && !crate::text::is_value1_g0(text.initial, before.g0) =>
            {
                self.found.note(text.span(span), (byte, before.g0));
            }
            Token::End { .. } => {
                if let Some((span, (byte, set), more)) = self.found.take() {
                    let name = match byte {
                        0x09 => "TAB",
                        0x0A => "LF",
                        0x0C => "FF",
                        _ => "CR",
                    };
                    cx.report_text(
                        &NO_RETURN_CONTROL,
                        span,
                        text,
                        format_args!(
                            "{set} still active at {name}: add {} before it{more}",
                            return_escape(text.initial)
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
    use lint_core::tag::tags::PATIENT_COMMENTS;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_cr_lf_in_kanji_mode() {
        let (v, n) = hex("1B 24 42 38 21 3A 3A 0D 0A 3D 6A 38 2B 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_COMMENTS, Vr::LT, &v[..n]);
        assert!(found.has("charset/no-return-control"), "{found:?}");
        let (v, n) = hex("1B 24 42 38 21 3A 3A 09 3D 6A 38 2B 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_COMMENTS, Vr::LT, &v[..n]);
        assert!(found.has("charset/no-return-control"), "{found:?}");
    }

    #[test]
    fn passes_with_redesignation_after_the_line_break() {
        let (v, n) = hex(
            "1B 24 42 38 21 3A 3A 1B 28 42 20 4F 4B 0D 0A 1B 24 42 3D 6A 38 2B 24 4A 24 37 1B 28 42",
        );
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_COMMENTS, Vr::LT, &v[..n]);
        assert!(!found.has("charset/no-return-control"), "{found:?}");
    }
}
