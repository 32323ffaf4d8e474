//! `charset/c1-control`: a C1 control character in text.

use lint_core::charset::{CodedCharacterSet, InvalidReason, Iso8859Part, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text};

declare_rule! {
    /// ## What it checks
    /// A byte `80`–`9F` in a text value under a single-byte or ISO 2022 (0008,0005), or a
    /// code point U+0080–U+009F (`C2 80`–`C2 9F`) under `ISO_IR 192`.
    ///
    /// ## Why
    /// DICOM uses no C1 control set: these positions are never characters. In practice
    /// they are Windows code-page characters (curly quotes, dashes, `€`, `…` of
    /// Windows-1252) in text labelled `ISO_IR 100`, or Shift_JIS lead bytes; the message
    /// says which when it can. Readers drop them or show boxes.
    ///
    /// ## Standard
    /// PS3.5 §6.1.1 ("characters from the C1 set shall not be used"), §6.1.2.5.1.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 100`, LO `41 42 43 85 44 45 46`.
    /// Passing: LO `41 42 43 2E 2E 2E 44 45 46`.
    pub C1_CONTROL, "charset/c1-control", Error, "a C1 control character (80–9F) in text"
}

/// The check of [`C1_CONTROL`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<Option<CodedCharacterSet>>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &C1_CONTROL;
    const TOKENS: u8 = tokens::END | tokens::INVALID;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() {
            return;
        }
        match *token {
            Token::Invalid {
                reason: InvalidReason::C1 | InvalidReason::Utf8C1,
                set,
                span,
            } => self.found.note(text.span(span), set),
            Token::End { .. } => {
                let Some((span, set, more)) = self.found.take() else {
                    return;
                };
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                let hint = match set {
                    Some(CodedCharacterSet::Iso8859(Iso8859Part::Latin1 | Iso8859Part::Latin9)) => {
                        ": probably Windows-1252 text labelled ISO 8859"
                    }
                    Some(CodedCharacterSet::Iso8859(_)) => {
                        ": probably a Windows code page labelled ISO 8859"
                    }
                    Some(CodedCharacterSet::JisX0201Katakana) => ": probably Shift_JIS",
                    _ => "",
                };
                cx.report_text(
                    &C1_CONTROL,
                    span,
                    text,
                    format_args!(
                        "`{}` is a C1 control, never a character in DICOM text{hint}{more}",
                        Hex(text.bytes(rel))
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
    use lint_core::tag::tags::INSTITUTION_NAME;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_c1_bytes() {
        let (v, n) = hex("41 42 43 85 44 45 46");
        let found = text_case(Some(b"ISO_IR 100"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/c1-control"), "{found:?}");
        let (v, n) = hex("41 C2 85 42");
        let found = text_case(Some(b"ISO_IR 192"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/c1-control"), "{found:?}");
    }

    #[test]
    fn passes_on_latin1() {
        let (v, n) = hex("4D FC 6C 6C 65 72");
        let found = text_case(Some(b"ISO_IR 100"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(!found.has("charset/c1-control"), "{found:?}");
    }
}
