//! `charset/vendor-character`: a CP932 vendor extension written as JIS X 0208.

use lint_core::charset::{CodedCharacterSet, InvalidReason, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text};

declare_rule! {
    /// ## What it checks
    /// A JIS X 0208 pair in row 13 (`2D xx`: NEC special characters such as ①, Ⅰ, ㈱,
    /// ㍉) or rows 89–92 (`79`–`7C xx`: NEC-selected IBM extension kanji such as 髙 and
    /// 﨑), which JIS X 0208 leaves unassigned.
    ///
    /// ## Why
    /// These characters exist only in Microsoft's CP932 (Windows Shift_JIS) and its
    /// ISO-2022-JP variants: a converter from Windows text wrote them as if they were JIS
    /// X 0208. Standard decoders show nothing or a replacement character, so a patient's
    /// name loses a kanji. Use a JIS X 0208 substitute (高 for 髙, 崎 for 﨑) or write the
    /// file in `ISO_IR 192`.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2, Table C.12-4 (ISO-IR 87 is JIS X 0208); JIS X 0208.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN `3D 1B 24 42 2D 21 1B 28 42` (① in CP932).
    /// Passing: PN `3D 1B 24 42 23 31 1B 28 42` (full-width 1).
    pub VENDOR_CHARACTER, "charset/vendor-character", Error,
        "a CP932 vendor character written as JIS X 0208"
}

/// Rows of JIS X 0208 where CP932 puts its NEC and IBM extensions.
pub(crate) fn is_vendor_row(first: u8) -> bool {
    matches!(first, 0x2D | 0x79..=0x7C)
}

/// The check of [`VENDOR_CHARACTER`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &VENDOR_CHARACTER;
    const TOKENS: u8 = tokens::END | tokens::INVALID;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Invalid {
                reason: InvalidReason::Unassigned,
                set: Some(CodedCharacterSet::JisX0208),
                span,
            } if text.bytes(span).first().is_some_and(|&b| is_vendor_row(b)) => {
                self.found.note(text.span(span), ());
            }
            Token::End { .. } => {
                let Some((span, (), more)) = self.found.take() else {
                    return;
                };
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                let bytes = text.bytes(rel);
                let what = if bytes.first() == Some(&0x2D) {
                    "an NEC special character (row 13)"
                } else {
                    "an NEC-selected IBM extension kanji (rows 89–92)"
                };
                cx.report_text(
                    &VENDOR_CHARACTER,
                    span,
                    text,
                    format_args!(
                        "`{}` is {what} of Windows CP932, not JIS X 0208: replace it with a JIS X 0208 character or use `ISO_IR 192`{more}",
                        Hex(bytes)
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
    fn fires_on_nec_row_13() {
        let (v, n) = hex("3D 1B 24 42 2D 21 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/vendor-character"), "{found:?}");
        assert!(!found.has("charset/unassigned"), "{found:?}");
    }

    #[test]
    fn passes_on_jis_characters() {
        let (v, n) = hex("3D 1B 24 42 23 31 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/vendor-character"), "{found:?}");
    }
}
