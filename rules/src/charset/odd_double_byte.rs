//! `charset/odd-double-byte`: half a two-byte character.

use lint_core::charset::{CodedCharacterSet, InvalidReason, Token};

use super::no_return_delimiter::is_delimiter;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text};

declare_rule! {
    /// ## What it checks
    /// While a two-byte set (JIS X 0208, JIS X 0212, KS X 1001, GB 2312) is in force, a
    /// first byte with no valid second byte: an odd number of bytes before the next ESC,
    /// control character or the end of the value.
    ///
    /// ## Why
    /// Two-byte characters come in pairs; an odd byte shifts every following pair by one
    /// and turns the rest of the run into different (often valid-looking) kanji. It
    /// usually means a value was cut at a byte limit or a byte was lost in conversion. A
    /// delimiter byte left alone this way (`^` before an ESC) is the symptom of a missing
    /// return and is reported by `charset/no-return-delimiter` instead.
    ///
    /// ## Standard
    /// PS3.5 Annex H.1.2, H.1.3; ISO/IEC 2022 (94×94 sets).
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN `3D 1B 24 42 3B 33 45 1B 28 42`.
    /// Passing: PN `3D 1B 24 42 3B 33 45 44 1B 28 42`.
    pub ODD_DOUBLE_BYTE, "charset/odd-double-byte", Error,
        "a two-byte character is missing its second byte"
}

/// The check of [`ODD_DOUBLE_BYTE`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<Option<CodedCharacterSet>>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &ODD_DOUBLE_BYTE;
    const TOKENS: u8 = tokens::END | tokens::INVALID;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Invalid {
                reason: InvalidReason::OddByte,
                set,
                span,
            } => {
                let first = text.bytes(span).first().copied().unwrap_or(0);
                if !is_delimiter(text.kind, first) {
                    self.found.note(text.span(span), set);
                }
            }
            Token::End { .. } => {
                let Some((span, set, more)) = self.found.take() else {
                    return;
                };
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                cx.report_text(
                    &ODD_DOUBLE_BYTE,
                    span,
                    text,
                    format_args!(
                        "`{}` is half a {} character: the byte that should follow is missing{more}",
                        Hex(text.bytes(rel)),
                        crate::text::set_name(set)
                    ),
                );
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

    #[test]
    fn fires_on_an_odd_run() {
        let (v, n) = hex("3D 1B 24 42 3B 33 45 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/odd-double-byte"), "{found:?}");
    }

    #[test]
    fn passes_on_pairs() {
        let (v, n) = hex("3D 1B 24 42 3B 33 45 44 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/odd-double-byte"), "{found:?}");
    }
}
