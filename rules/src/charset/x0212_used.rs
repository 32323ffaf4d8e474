//! `charset/x0212-used`: JIS X 0212 characters, which few readers support.

use lint_core::charset::{CodedCharacterSet, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Text};

declare_rule! {
    /// ## What it checks
    /// Characters of JIS X 0212 (supplementary kanji, `ESC $ ( D`, `ISO 2022 IR 159`),
    /// correctly declared and encoded.
    ///
    /// ## Why
    /// Valid DICOM, so only information: but support is thin (dicom-rs has none, DCMTK
    /// depends on the platform's iconv knowing ISO-IR 159), so a receiver may show these
    /// kanji as boxes. Worth knowing before shipping media to an unknown site.
    ///
    /// ## Standard
    /// PS3.5 Annex H.1.3; PS3.3 Table C.12-4.
    ///
    /// ## Example
    /// Flagged: (0008,0005) `ISO 2022 IR 6\ISO 2022 IR 87\ISO 2022 IR 159`, PN
    /// `… 1B 24 28 44 6C 3F 1B 24 42 33 30 1B 28 42` (鷗外).
    /// Not flagged: JIS X 0208 only.
    pub X0212_USED, "charset/x0212-used", Info,
        "JIS X 0212 characters, which few readers support"
}

/// The check of [`X0212_USED`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &X0212_USED;
    const TOKENS: u8 = tokens::END | tokens::TEXT;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Text {
                set: CodedCharacterSet::JisX0212,
                span,
                ..
            } => self.found.note(text.span(span), ()),
            Token::End { .. } => {
                if let Some((span, (), more)) = self.found.take() {
                    cx.report_text(
                        &X0212_USED,
                        span,
                        text,
                        format_args!(
                            "JIS X 0212 characters: valid, but many readers cannot show them{more}"
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
    fn fires_on_jis_x_0212() {
        let (v, n) = hex("3D 1B 24 28 44 6C 3F 1B 24 42 33 30 1B 28 42");
        let found = text_case(
            Some(b"ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159"),
            PATIENT_NAME,
            Vr::PN,
            &v[..n],
        );
        assert!(found.has("charset/x0212-used"), "{found:?}");
    }

    #[test]
    fn passes_on_jis_x_0208() {
        let (v, n) = hex("3D 1B 24 42 33 30 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/x0212-used"), "{found:?}");
    }
}
