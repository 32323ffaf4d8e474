//! `charset/unknown-escape`: an escape sequence that is not one of DICOM's 18.

use lint_core::charset::{Escape, EscapeStatus, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{EscapeText, FirstOf, Text};

declare_rule! {
    /// ## What it checks
    /// An ESC in a text value, where code extensions are allowed, followed by a complete
    /// ISO 2022 sequence that is not one of the 18 DICOM escape sequences: `ESC $ @`
    /// (JIS C 6226-1978), `ESC ( I` (katakana into G0), `ESC $ ) B` (JIS X 0208 into G1),
    /// `ESC $ ( B` (the long form of `ESC $ B`), `ESC & @`, G2/G3 designations, single
    /// and locking shifts.
    ///
    /// ## Why
    /// DICOM fixes invocation (G0 in GL, G1 in GR) and allows only the designations its
    /// Defined Terms list. These sequences come from general-purpose ISO-2022-JP or
    /// ISO-2022-JP-2 encoders; many DICOM readers drop or misread the text after them.
    /// The message names the DICOM sequence to use instead where there is one.
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5.1, §6.1.2.5.2; PS3.3 C.12.1.1.2 (Tables C.12-3, C.12-4).
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN `3D 1B 24 40 3B 33 45 44 1B 28 42`.
    /// Passing: the same with `1B 24 42` (`ESC $ B`) instead of `1B 24 40`.
    pub UNKNOWN_ESCAPE, "charset/unknown-escape", Error,
        "an escape sequence that DICOM does not define"
}

/// The check of [`UNKNOWN_ESCAPE`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<[u8; 6]>,
}

/// What to write instead of a sequence seen in the wild.
fn advice(bytes: &[u8]) -> &'static str {
    match bytes.get(1..) {
        Some([b'$', b'@', ..]) => "JIS C 6226-1978 from ISO-2022-JP writers: use ESC $ B",
        Some([b'(', b'I', ..]) => {
            "half-width katakana into G0: DICOM puts JIS X 0201 katakana in G1 with ESC ) I"
        }
        Some([b'$', b')', b'B', ..]) => {
            "JIS X 0208 into G1: DICOM designates it into G0 with ESC $ B"
        }
        Some([b'$', b'(', b'B', ..]) => "the long form of ESC $ B: write ESC $ B",
        Some([b'&', b'@', ..]) => "a JIS X 0208-1990 announcer: remove it",
        Some([b'$', b'(', b'C', ..]) => "KS X 1001 into G0: DICOM uses ESC $ ) C (G1)",
        Some([b'$', b'A', ..] | [b'$', b'(', b'A', ..]) => {
            "GB 2312 into G0: DICOM uses ESC $ ) A (G1)"
        }
        Some([b'*' | b'+' | b'.' | b'/', ..]) => "a G2/G3 designation: DICOM uses only G0 and G1",
        Some([b'N' | b'O', ..]) => "a single shift: DICOM uses no shifts",
        Some([b'n' | b'o' | b'~' | b'}' | b'|', ..]) => "a locking shift: DICOM uses no shifts",
        _ => "not one of the 18 escape sequences DICOM allows",
    }
}

impl Rule for Check {
    const META: &'static RuleMeta = &UNKNOWN_ESCAPE;
    const TOKENS: u8 = tokens::END | tokens::ESCAPE;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Escape {
                escape: Escape::Unknown,
                status: EscapeStatus::Undeclared,
                span,
                ..
            } => {
                let mut bytes = [0; 6];
                for (slot, b) in bytes.iter_mut().zip(text.bytes(span)) {
                    *slot = *b;
                }
                self.found.note(text.span(span), bytes);
            }
            Token::End { .. } => {
                if let Some((span, bytes, more)) = self.found.take() {
                    let bytes = bytes.get(..span.len() as usize).unwrap_or(&bytes);
                    cx.report_text(
                        &UNKNOWN_ESCAPE,
                        span,
                        text,
                        format_args!(
                            "{}: {}{more}",
                            EscapeText(Escape::Unknown, bytes),
                            advice(bytes)
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
    fn fires_on_esc_dollar_at() {
        let (v, n) = hex("3D 1B 24 40 3B 33 45 44 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/unknown-escape"), "{found:?}");
        assert_eq!(
            found.at("charset/unknown-escape"),
            found.value_start().map(|s| s + 1)
        );
    }

    #[test]
    fn passes_on_esc_dollar_b() {
        let (v, n) = hex("3D 1B 24 42 3B 33 45 44 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/unknown-escape"), "{found:?}");
    }
}
