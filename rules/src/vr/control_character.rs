//! `vr/control-character`: a control character the VR does not allow.

use lint_core::charset::{TextKind, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Text};

declare_rule! {
    /// ## What it checks
    /// A C0 control character or DEL in a string value where its VR does not allow it:
    /// any control in SH, LO, UC, PN and the ASCII-only VRs (CR LF in a name, TAB in an
    /// SH, SO/SI of ISO-2022-KR/CN, BEL, an embedded NUL); anything but TAB, LF, FF and
    /// CR in ST, LT and UT. ESC is judged by the `charset/*` rules; NUL used as trailing
    /// padding by `vr/nul-padding` and `vr/ui-padding`.
    ///
    /// ## Why
    /// DICOM text allows only these few controls, and only in the free-text VRs; the rest
    /// break display, matching and export (a CR LF inside a Patient's Name splits CSV and
    /// HL7 exports; SO/SI are locking shifts DICOM forbids).
    ///
    /// ## Standard
    /// PS3.5 §6.1.3 (Table 6.1-1), §6.2 (Table 6.2-1), §6.1.2.5.1.
    ///
    /// ## Example
    /// Failing: LO `41 42 0E 43 44 0F`; PN `44 6F 65 0D 0A 4A 61 6E 65`.
    /// Passing: LT `4C 69 6E 65 31 0D 0A 4C 69 6E 65 32`.
    pub CONTROL_CHARACTER, "vr/control-character", Error,
        "a control character the VR does not allow"
}

/// The check of [`CONTROL_CHARACTER`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<u8>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &CONTROL_CHARACTER;
    const TOKENS: u8 = tokens::CONTROL | tokens::END;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Control { byte, span, .. } => {
                let free =
                    text.kind == TextKind::FreeText && matches!(byte, 0x09 | 0x0A | 0x0C | 0x0D);
                // NUL padding at the end is the business of the padding rules.
                let pad = byte == 0
                    && text
                        .value
                        .get(usize::try_from(span.start).unwrap_or(usize::MAX)..)
                        .is_some_and(|rest| rest.iter().all(|&b| b == 0));
                if !free && !pad {
                    self.found.note(text.span(span), byte);
                }
            }
            Token::End { .. } => {
                let Some((span, byte, more)) = self.found.take() else {
                    return;
                };
                let name = match byte {
                    0x00 => "NUL",
                    0x09 => "TAB",
                    0x0A => "LF",
                    0x0C => "FF",
                    0x0D => "CR",
                    0x0E => "SO (a locking shift)",
                    0x0F => "SI (a locking shift)",
                    0x7F => "DEL",
                    _ => "a control character",
                };
                let allowed = if text.kind == TextKind::FreeText {
                    "only TAB, LF, FF and CR are allowed"
                } else {
                    "no control character is allowed"
                };
                cx.report_text(
                    &CONTROL_CHARACTER,
                    span,
                    text,
                    format_args!("{name} (`{byte:02X}`) in {}: {allowed}{more}", text.vr),
                );
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::{INSTITUTION_NAME, PATIENT_COMMENTS};

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_shifts_and_line_breaks_in_lo() {
        let (v, n) = hex("41 42 0E 43 44 0F");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(found.has("vr/control-character"), "{found:?}");
        let found = text_case(None, INSTITUTION_NAME, Vr::LO, b"A\r\nB");
        assert!(found.has("vr/control-character"), "{found:?}");
        let found = text_case(None, INSTITUTION_NAME, Vr::LO, b"A\0B");
        assert!(found.has("vr/control-character"), "{found:?}");
    }

    #[test]
    fn passes_on_line_breaks_in_lt() {
        let found = text_case(None, PATIENT_COMMENTS, Vr::LT, b"Line1\r\nLine2\tx");
        assert!(!found.has("vr/control-character"), "{found:?}");
        let found = text_case(None, INSTITUTION_NAME, Vr::LO, b"ABC\0");
        assert!(!found.has("vr/control-character"), "{found:?}");
    }
}
