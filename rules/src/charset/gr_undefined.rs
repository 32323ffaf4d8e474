//! `charset/gr-undefined`: GR bytes where no listed set could be in G1.

use lint_core::charset::{CodeElement, CodedCharacterSet, Escape, InvalidReason, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text, lists_g1_set};

declare_rule! {
    /// ## What it checks
    /// Bytes `A0`–`FF` in a text value under a multi-valued (0008,0005) none of whose sets
    /// lives in G1 — typically `\ISO 2022 IR 87` (JIS X 0208 is a G0 set) — so the bytes
    /// cannot be a character of anything declared.
    ///
    /// ## Why
    /// With value 1 empty, G1 is undefined (PS3.5 §6.1.2.5.4 (c)) and JIS X 0208 and
    /// JIS X 0212 are designated only to G0 (bytes `21`–`7E`). GR bytes here are almost
    /// always EUC-JP or Shift_JIS written under an ISO 2022 label, or JIS X 0208 written
    /// with the high bit set after a correct `ESC $ B` (the EUC form); the message says
    /// which when the context shows it, and `charset/foreign-encoding` names the encoding
    /// the bytes match.
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5.4 (c); PS3.3 C.12.1.1.2, Table C.12-4 (IR 87 and IR 159 are G0 sets).
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `59 61 6D 61 64 61 3D BB B3 C5 C4` (EUC-JP 山田).
    /// Passing: `59 61 6D 61 64 61 3D 1B 24 42 3B 33 45 44 1B 28 42`.
    pub GR_UNDEFINED, "charset/gr-undefined", Error,
        "bytes A0–FF where no declared set is in G1"
}

/// The check of [`GR_UNDEFINED`].
#[derive(Debug)]
pub struct Check {
    found: FirstOf<CodedCharacterSet>,
    g0: CodedCharacterSet,
}

impl Default for Check {
    fn default() -> Self {
        Check {
            found: FirstOf::default(),
            g0: CodedCharacterSet::Ascii,
        }
    }
}

impl Rule for Check {
    const META: &'static RuleMeta = &GR_UNDEFINED;
    const TOKENS: u8 =
        tokens::CONTROL | tokens::DELIMITER | tokens::END | tokens::ESCAPE | tokens::INVALID;

    fn text(&mut self, _cx: &mut Context<'_>, text: &Text<'_>) {
        self.found.clear();
        self.g0 = text.initial.g0;
    }

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() || lists_g1_set(&text.scope.set) {
            return;
        }
        match *token {
            Token::Escape {
                escape: Escape::Dicom(seq),
                ..
            } if seq.element() == CodeElement::G0 => self.g0 = seq.set(),
            Token::Delimiter { .. } => self.g0 = text.initial.g0,
            Token::Control {
                byte: 0x09 | 0x0A | 0x0C | 0x0D,
                ..
            } => self.g0 = text.initial.g0,
            Token::Invalid {
                reason: InvalidReason::GrUndefined,
                span,
                ..
            } => self.found.note(text.span(span), self.g0),
            Token::End { .. } => {
                let Some((span, g0, more)) = self.found.take() else {
                    return;
                };
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                if g0.is_double_byte() {
                    cx.report_text(
                        &GR_UNDEFINED,
                        span,
                        text,
                        format_args!(
                            "`{}` after a designation of {g0}: its bytes are 21–7E in DICOM (G0); this is the EUC form with the high bit set{more}",
                            Hex(text.bytes(rel))
                        ),
                    );
                } else {
                    cx.report_text(
                        &GR_UNDEFINED,
                        span,
                        text,
                        format_args!(
                            "`{}` is in GR but (0008,0005) {} puts no set in G1: these bytes are not text of any declared set{more}",
                            Hex(text.bytes(rel)),
                            text.declared()
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
    fn fires_on_euc_jp() {
        let (v, n) = hex("59 61 6D 61 64 61 3D BB B3 C5 C4");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/gr-undefined"), "{found:?}");
        let (v, n) = hex("59 61 6D 61 64 61 3D 1B 24 42 BB B3 C5 C4 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/gr-undefined"), "{found:?}");
    }

    #[test]
    fn passes_on_iso_2022() {
        let (v, n) = hex("59 61 6D 61 64 61 3D 1B 24 42 3B 33 45 44 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/gr-undefined"), "{found:?}");
    }
}
