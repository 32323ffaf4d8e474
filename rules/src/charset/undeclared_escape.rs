//! `charset/undeclared-escape`: a DICOM escape sequence whose set (0008,0005) does not
//! list.

use lint_core::charset::{DefinedTerm, Escape, EscapeSequence, EscapeStatus, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Text, term_declaring};

declare_rule! {
    /// ## What it checks
    /// One of DICOM's escape sequences in a value whose multi-valued (0008,0005) does not
    /// list the Defined Term it belongs to: `ESC $ ( D` without `ISO 2022 IR 159`,
    /// `ESC ( J` when value 1 is empty (JIS X 0201 without `ISO 2022 IR 13`), `ESC $ ) C`
    /// without `ISO 2022 IR 149`. (`ESC ( B`, which designates the default repertoire, is
    /// judged by `charset/undeclared-ascii`.)
    ///
    /// ## Why
    /// Only the sets (0008,0005) names may be designated. A reader that configures its
    /// decoder from (0008,0005) (DCMTK does) has no table for the set and rejects the
    /// value or shows it garbled.
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.4, §6.1.2.5.2, Annex H.3.2; PS3.3 C.12.1.1.2.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `… 3D 1B 24 42 3F 39 1B 28 42 5E 1B 24 28 44 6C 3F …` (鷗 from JIS X 0212).
    /// Passing: (0008,0005) `\ISO 2022 IR 87\ISO 2022 IR 159`, the same PN.
    pub UNDECLARED_ESCAPE, "charset/undeclared-escape", Error,
        "an escape sequence designates a set (0008,0005) does not list"
}

/// The check of [`UNDECLARED_ESCAPE`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<EscapeSequence>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &UNDECLARED_ESCAPE;
    const TOKENS: u8 = tokens::END | tokens::ESCAPE;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            // ESC ( B designates the default repertoire: `charset/undeclared-ascii`.
            Token::Escape {
                escape: Escape::Dicom(seq),
                status: EscapeStatus::Undeclared,
                span,
                ..
            } if seq != EscapeSequence::Ir6 => self.found.note(text.span(span), seq),
            Token::End { .. } => {
                let Some((span, seq, more)) = self.found.take() else {
                    return;
                };
                let term = term_declaring(seq).map_or("?", DefinedTerm::name);
                cx.report_text(
                    &UNDECLARED_ESCAPE,
                    span,
                    text,
                    format_args!(
                        "{seq} designates {} but (0008,0005) {} does not list `{term}`{more}",
                        seq.set(),
                        text.declared()
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

    const MORI: &str = "4D 6F 72 69 5E 4F 67 61 69 3D 1B 24 42 3F 39 1B 28 42 5E 1B 24 28 44 6C 3F 1B 24 42 33 30 1B 28 42";

    #[test]
    fn fires_without_the_term() {
        let (v, n) = hex(MORI);
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/undeclared-escape"), "{found:?}");
    }

    #[test]
    fn passes_with_the_term() {
        let (v, n) = hex(MORI);
        let found = text_case(
            Some(b"\\ISO 2022 IR 87\\ISO 2022 IR 159"),
            PATIENT_NAME,
            Vr::PN,
            &v[..n],
        );
        assert!(!found.has("charset/undeclared-escape"), "{found:?}");
    }
}
