//! `charset/space-in-double-byte`: a SPACE between two-byte characters.

use lint_core::ByteSpan;
use lint_core::charset::Token;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Text};

declare_rule! {
    /// ## What it checks
    /// A SPACE (`20`) between two-byte characters while G0 holds JIS X 0208 or JIS X 0212
    /// (a SPACE followed by more kanji, not the padding at the end, which
    /// `charset/no-return-end` covers).
    ///
    /// ## Why
    /// PS3.5 H.2 allows it (like ISO-2022-JP, DICOM does not require a return to ASCII
    /// before a SPACE), so this is a warning, not an error. But common decoders — Python's
    /// `iso2022_jp`, which pydicom uses — reject it, and the name is lost there. Write the
    /// ideographic space `21 21` inside a kanji run, or return with `ESC ( B` first.
    ///
    /// ## Standard
    /// PS3.5 Annex H.2.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN `3D 1B 24 42 3B 33 20 45 44 1B 28 42`.
    /// Passing: PN `3D 1B 24 42 3B 33 21 21 45 44 1B 28 42`.
    pub SPACE_IN_DOUBLE_BYTE, "charset/space-in-double-byte", Warning,
        "a SPACE between two-byte characters"
}

/// The check of [`SPACE_IN_DOUBLE_BYTE`].
#[derive(Debug, Default)]
pub struct Check {
    pending: Option<ByteSpan>,
    found: FirstOf<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &SPACE_IN_DOUBLE_BYTE;
    // Every kind: any token between a SPACE and a two-byte run clears the SPACE.
    const TOKENS: u8 = tokens::ALL;

    fn text(&mut self, _cx: &mut Context<'_>, _text: &Text<'_>) {
        self.found.clear();
        self.pending = None;
    }

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Space { span } => {
                if self.pending.is_none() {
                    self.pending = Some(text.span(span));
                }
            }
            Token::Text { set, .. } if set.is_double_byte() => {
                if let Some(space) = self.pending.take() {
                    self.found.note(space, ());
                }
            }
            Token::End { .. } => {
                self.pending = None;
                if let Some((span, (), more)) = self.found.take() {
                    cx.report_text(
                        &SPACE_IN_DOUBLE_BYTE,
                        span,
                        text,
                        format_args!(
                            "SPACE inside a two-byte run: allowed by PS3.5 H.2 but rejected by common ISO-2022-JP decoders; write the ideographic space `21 21` or return with ESC ( B first{more}"
                        ),
                    );
                }
            }
            _ => self.pending = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_a_space_between_kanji() {
        let (v, n) = hex("3D 1B 24 42 3B 33 20 45 44 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/space-in-double-byte"), "{found:?}");
    }

    #[test]
    fn passes_on_an_ideographic_space() {
        let (v, n) = hex("3D 1B 24 42 3B 33 21 21 45 44 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/space-in-double-byte"), "{found:?}");
    }
}
