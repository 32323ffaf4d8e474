//! `charset/no-return-delimiter`: a value, component or group delimiter reached while
//! G0 does not hold value 1's set.

use lint_core::charset::{CodedCharacterSet, DelimiterKind, InvalidReason, TextKind, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Text, return_escape};

declare_rule! {
    /// ## What it checks
    /// A `\` between values (SH, LO, UC, PN), or a `^` or `=` in a PN, reached while G0
    /// holds a set other than value 1's (JIS X 0208 still designated after a kanji run,
    /// or JIS X 0201 Romaji when value 1 is ASCII). While G0 holds a two-byte set the
    /// delimiter byte is read as the first byte of a character, so dcmlint also reports a
    /// `5C`, `5E` or `3D` left without a second byte there (the tell-tale of a missing
    /// return).
    ///
    /// ## Why
    /// Every value, component and component group starts in the value-1 state, and the
    /// writer must return to it *before* the delimiter: only then is the delimiter a
    /// single-byte `\`, `^` or `=`. Without the return, readers either split the value in
    /// the wrong place or lose the delimiter inside a kanji (`^` + the next byte reads as
    /// a JIS X 0208 character), which garbles the rest of the name.
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5.3, §6.2.1.2, Annex H.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `3D 1B 24 42 3B 33 45 44 5E 1B 24 42 42 40 4F 3A 1B 28 42` (no `ESC ( B` before `^`).
    /// Passing: `3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42`.
    pub NO_RETURN_DELIMITER, "charset/no-return-delimiter", Error,
        "a delimiter is reached without returning to value 1's character set"
}

/// The check of [`NO_RETURN_DELIMITER`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<(u8, CodedCharacterSet)>,
}

/// Whether `byte` delimits in a value of `kind`.
pub(crate) fn is_delimiter(kind: TextKind, byte: u8) -> bool {
    match kind {
        TextKind::MultiValued => byte == b'\\',
        TextKind::PersonName => matches!(byte, b'\\' | b'^' | b'='),
        TextKind::FreeText | TextKind::NoExtensions => false,
    }
}

impl Rule for Check {
    const META: &'static RuleMeta = &NO_RETURN_DELIMITER;
    const TOKENS: u8 = tokens::DELIMITER | tokens::END | tokens::INVALID;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() {
            return;
        }
        match *token {
            Token::Delimiter { kind, span, before }
                if !crate::text::is_value1_g0(text.initial, before.g0) =>
            {
                let byte = match kind {
                    DelimiterKind::Value => b'\\',
                    DelimiterKind::Component => b'^',
                    DelimiterKind::Group => b'=',
                };
                self.found.note(text.span(span), (byte, before.g0));
            }
            Token::Invalid {
                reason: InvalidReason::OddByte,
                set: Some(set),
                span,
            } if set.is_double_byte() => {
                if let Some(&byte) = text.bytes(span).first() {
                    if is_delimiter(text.kind, byte) {
                        self.found.note(text.span(span), (byte, set));
                    }
                }
            }
            Token::End { .. } => {
                if let Some((span, (byte, set), more)) = self.found.take() {
                    cx.report_text(
                        &NO_RETURN_DELIMITER,
                        span,
                        text,
                        format_args!(
                            "{set} still active at `{}`: add {} before the delimiter{more}",
                            char::from(byte),
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
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_without_the_return() {
        let (v, n) = hex("3D 1B 24 42 3B 33 45 44 5E 1B 24 42 42 40 4F 3A 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/no-return-delimiter"), "{found:?}");
        assert!(!found.has("charset/odd-double-byte"), "{found:?}");
    }

    #[test]
    fn fires_on_a_romaji_return_when_value1_is_ascii() {
        let (v, n) = hex(
            "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 1B 28 4A 5E 1B 24 42 42 40 4F 3A 1B 28 4A",
        );
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/no-return-delimiter"), "{found:?}");
        assert!(found.has("charset/undeclared-escape"), "{found:?}");
    }

    #[test]
    fn passes_with_the_return() {
        let (v, n) = hex("3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/no-return-delimiter"), "{found:?}");
    }

    #[test]
    fn a_backslash_inside_a_kanji_is_not_a_delimiter() {
        // 宮本 = 35 5C 4B 5C: one LO value.
        let (v, n) = hex("1B 24 42 35 5C 4B 5C 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::LO, &v[..n]);
        assert!(!found.has("charset/no-return-delimiter"), "{found:?}");
    }
}
