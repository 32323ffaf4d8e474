//! `charset/no-return-end`: a value that ends while G0 does not hold value 1's set.

use lint_core::ByteSpan;
use lint_core::charset::{Escape, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{Text, return_escape};

declare_rule! {
    /// ## What it checks
    /// A text value whose last character (before any SPACE padding) leaves G0 holding a
    /// set other than value 1's: a Japanese name ending in kanji with no `ESC ( B` after
    /// it.
    ///
    /// ## Why
    /// The end of the value is a reset point: the next value starts in the value-1 state,
    /// and the writer must return before the end — before the padding, too, since a pad
    /// SPACE in JIS X 0208 mode is half a character to many decoders. Readers that
    /// concatenate or re-encode values carry the two-byte mode into whatever follows.
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5.3, §6.2.1.2.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44`.
    /// Passing: the same followed by `1B 28 42`.
    pub NO_RETURN_END, "charset/no-return-end", Error,
        "a value ends without returning to value 1's character set"
}

/// The check of [`NO_RETURN_END`].
#[derive(Debug, Default)]
pub struct Check {
    /// The last designation seen in the value (what is still in force at the end).
    last_escape: Option<ByteSpan>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &NO_RETURN_END;
    const TOKENS: u8 = tokens::END | tokens::ESCAPE;

    fn text(&mut self, _cx: &mut Context<'_>, _text: &Text<'_>) {
        self.last_escape = None;
    }

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() {
            return;
        }
        match *token {
            Token::Escape {
                escape: Escape::Dicom(_),
                span,
                ..
            } => self.last_escape = Some(span),
            Token::End { span, state } if !crate::text::is_value1_g0(text.initial, state.g0) => {
                let from = self.last_escape.map_or(span.start, |e| e.start);
                cx.report_text(
                    &NO_RETURN_END,
                    text.span(ByteSpan::new(from, span.end)),
                    text,
                    format_args!(
                        "the value ends with {} still active: add {} at the end, before any padding",
                        state.g0,
                        return_escape(text.initial)
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
    fn fires_when_the_value_ends_in_kanji_mode() {
        let (v, n) = hex("59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/no-return-end"), "{found:?}");
    }

    #[test]
    fn passes_with_the_return() {
        let (v, n) = hex("59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/no-return-end"), "{found:?}");
    }
}
