//! `charset/unassigned`: bytes that are no character of the set in force.

use lint_core::charset::{CodedCharacterSet, InvalidReason, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text};

declare_rule! {
    /// ## What it checks
    /// A byte or byte pair at a position the character set in force does not assign:
    /// the holes of ISO 8859-3, -6, -7, -8 and TIS 620; `A0` and `E0`–`FF` under JIS X
    /// 0201 katakana (`ISO_IR 13`); unassigned rows and cells of JIS X 0208 (rows 9–15
    /// and 85–94, the ends of rows 2–8, 47 and 84), JIS X 0212, KS X 1001 and GB 2312; a
    /// GB 18030 four-byte form outside the ranges that map to Unicode. Validation uses
    /// assigned-position bitmaps of each standard, not a Unicode round trip.
    ///
    /// ## Why
    /// Such bytes decode to nothing: readers drop them, show `?` or stop decoding. They
    /// usually come from a vendor code page written under a standard label (CP932's NEC
    /// and IBM extensions are reported by `charset/vendor-character`), or from text in
    /// another encoding altogether (see `charset/foreign-encoding`).
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2 and its note on characters non-conformant to the set; PS3.5
    /// Annexes H, I, K; the code tables of ISO 8859, JIS X 0201/0208/0212, KS X 1001,
    /// GB 2312.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 13`, PN `D4 CF E0 DE` (`E0` is not a katakana).
    /// Passing: PN `D4 CF C0 DE` (ﾔﾏﾀﾞ).
    pub UNASSIGNED, "charset/unassigned", Error,
        "bytes that are no character of the set in force"
}

/// The check of [`UNASSIGNED`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<Option<CodedCharacterSet>>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &UNASSIGNED;
    const TOKENS: u8 = tokens::END | tokens::INVALID;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() {
            return;
        }
        match *token {
            Token::Invalid {
                reason: InvalidReason::Unassigned | InvalidReason::GbUnassigned,
                set,
                span,
            } => {
                let first = text.bytes(span).first().copied().unwrap_or(0);
                if set == Some(CodedCharacterSet::JisX0208)
                    && super::vendor_character::is_vendor_row(first)
                {
                    return;
                }
                self.found.note(text.span(span), set);
            }
            Token::End { .. } => {
                let Some((span, set, more)) = self.found.take() else {
                    return;
                };
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                cx.report_text(
                    &UNASSIGNED,
                    span,
                    text,
                    format_args!(
                        "`{}` is not a character of {}{more}",
                        Hex(text.bytes(rel)),
                        crate::text::set_name(set)
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
    fn fires_on_unassigned_positions() {
        let (v, n) = hex("D4 CF E0 DE");
        let found = text_case(Some(b"ISO_IR 13"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/unassigned"), "{found:?}");
        // JIS X 0208 row 9.
        let (v, n) = hex("3D 1B 24 42 29 21 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/unassigned"), "{found:?}");
        // ISO 8859-3 hole.
        let (v, n) = hex("41 A5");
        let found = text_case(Some(b"ISO_IR 109"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/unassigned"), "{found:?}");
    }

    #[test]
    fn passes_on_assigned_positions() {
        let (v, n) = hex("D4 CF C0 DE 5E C0 DB B3");
        let found = text_case(Some(b"ISO_IR 13"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/unassigned"), "{found:?}");
    }
}
