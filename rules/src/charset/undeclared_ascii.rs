//! `charset/undeclared-ascii`: `ESC ( B` where (0008,0005) does not list ASCII.

use lint_core::charset::{Escape, EscapeSequence, EscapeStatus, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Text};

declare_rule! {
    /// ## What it checks
    /// `ESC ( B` (ASCII into G0) in a value whose multi-valued (0008,0005) lists no term
    /// with ASCII in G0 — in practice value 1 `ISO 2022 IR 13`, whose G0 set is JIS X
    /// 0201 Romaji, with `ISO 2022 IR 6` not listed.
    ///
    /// ## Why
    /// Strictly, only listed sets may be designated, and the return to value 1 after a
    /// kanji run is `ESC ( J` (PS3.5 Example H.3-2). But ASCII is the default repertoire
    /// every DICOM reader has, it differs from JIS X 0201 Romaji only at `5C` (¥) and
    /// `7E` (‾), delimiters are recognised either way, and returning with `ESC ( B` is
    /// what many Japanese writers do (pydicom's `chrSQEncoding1.dcm`). So this is a
    /// warning, and the no-return rules accept ASCII as value 1's G0 here. An undeclared
    /// escape of any other set is an error (`charset/undeclared-escape`).
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.4, §6.1.2.5.3, Annex H.3.2; PS3.3 C.12.1.1.2.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO 2022 IR 13\ISO 2022 IR 87`, PN
    /// `D4 CF C0 DE 5E C0 DB B3 3D 1B 24 42 3B 33 45 44 1B 28 42`.
    /// Passing: the same ending `1B 28 4A` (`ESC ( J`), or (0008,0005)
    /// `ISO 2022 IR 13\ISO 2022 IR 87\ISO 2022 IR 6`.
    pub UNDECLARED_ASCII, "charset/undeclared-ascii", Warning,
        "`ESC ( B` returns to ASCII, which (0008,0005) does not list"
}

/// The check of [`UNDECLARED_ASCII`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &UNDECLARED_ASCII;
    const TOKENS: u8 = tokens::END | tokens::ESCAPE;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Escape {
                escape: Escape::Dicom(EscapeSequence::Ir6),
                status: EscapeStatus::Undeclared,
                span,
                ..
            } => self.found.note(text.span(span), ()),
            Token::End { .. } => {
                if let Some((span, (), more)) = self.found.take() {
                    cx.report_text(
                        &UNDECLARED_ASCII,
                        span,
                        text,
                        format_args!(
                            "ESC ( B designates ASCII, which (0008,0005) {} does not list: return to value 1's set with {} (or add `ISO 2022 IR 6`){more}",
                            text.declared(),
                            crate::text::return_escape(text.initial)
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

    const SET: &[u8] = b"ISO 2022 IR 13\\ISO 2022 IR 87";

    #[test]
    fn fires_on_esc_b_under_ir13() {
        let (v, n) = hex("D4 CF C0 DE 5E C0 DB B3 3D 1B 24 42 3B 33 45 44 1B 28 42");
        let found = text_case(Some(SET), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/undeclared-ascii"), "{found:?}");
        assert!(!found.has("charset/undeclared-escape"), "{found:?}");
        assert!(!found.has("charset/no-return-end"), "{found:?}");
    }

    #[test]
    fn passes_on_esc_j() {
        let (v, n) = hex("D4 CF C0 DE 5E C0 DB B3 3D 1B 24 42 3B 33 45 44 1B 28 4A");
        let found = text_case(Some(SET), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/undeclared-ascii"), "{found:?}");
        let found = text_case(
            Some(b"ISO 2022 IR 13\\ISO 2022 IR 87\\ISO 2022 IR 6"),
            PATIENT_NAME,
            Vr::PN,
            &hex("3D 1B 24 42 3B 33 45 44 1B 28 42").0[..11],
        );
        assert!(!found.has("charset/undeclared-ascii"), "{found:?}");
    }
}
