//! `charset/missing`: non-ASCII text with no (0008,0005) in force.

use lint_core::charset::{InvalidReason, Source, TextEncoding, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text};

declare_rule! {
    /// ## What it checks
    /// A text value (SH, LO, ST, LT, UC, UT, PN) holding a byte ≥ `80` or an ESC while no
    /// Specific Character Set (0008,0005) is in force — none in the data set, none
    /// inherited, none in the item. In a DICOMDIR it also fires for a Directory Record
    /// whose keys are not ASCII and that has no (0008,0005) of its own (the DICOMDIR's
    /// top level is not part of the Basic Directory IOD, so a record cannot inherit it).
    ///
    /// ## Why
    /// Without (0008,0005) the text is 7-bit ASCII by definition. Readers then show
    /// Latin-1, UTF-8 or Japanese bytes as garbage, and cannot even tell which one they
    /// are; the fix is to declare the set the writer used. The message guesses it from
    /// the bytes.
    ///
    /// ## Standard
    /// PS3.3 C.12.1 (Table C.12-1, Type 1C), F.5 (record keys); PS3.5 §6.1.2.2,
    /// §6.1.2.5.4 (a).
    ///
    /// ## Example
    /// Failing: no (0008,0005), PN `42 75 63 5E 4A E9 72 F4 6D 65` (Buc^Jérôme in Latin-1).
    /// Passing: (0008,0005) `ISO_IR 100`, the same PN.
    pub MISSING, "charset/missing", Error,
        "non-ASCII text but no (0008,0005) in force"
}

/// The check of [`MISSING`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<()>,
}

/// A guess at the encoding of bytes written without a declaration.
pub(crate) fn guess(value: &[u8]) -> &'static str {
    if value.contains(&0x1B) {
        "ISO 2022 escapes: probably `\\ISO 2022 IR 87` (Japanese) or `\\ISO 2022 IR 149` (Korean)"
    } else if core::str::from_utf8(value).is_ok() {
        "well-formed UTF-8: probably `ISO_IR 192`"
    } else {
        "8-bit text: probably an ISO 8859 part such as `ISO_IR 100` (Latin-1)"
    }
}

impl Rule for Check {
    const META: &'static RuleMeta = &MISSING;
    const TOKENS: u8 = tokens::END | tokens::ESCAPE | tokens::INVALID | tokens::TEXT;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() {
            return;
        }
        let record = text.scope.record && text.scope.source == Source::DirectoryRecord;
        match *token {
            Token::Invalid {
                reason: InvalidReason::EightBitIn7Bit,
                span,
                ..
            } => self.found.note(text.span(span), ()),
            Token::Escape { span, .. } if text.scope.set.encoding() == TextEncoding::SevenBit => {
                self.found.note(text.span(span), ());
            }
            Token::Text { set, span, .. }
            | Token::Invalid {
                set: Some(set),
                span,
                ..
            } if record && set != lint_core::charset::CodedCharacterSet::Ascii => {
                self.found.note(text.span(span), ());
            }
            Token::Escape { span, .. } if record => self.found.note(text.span(span), ()),
            Token::End { .. } => {
                let Some((span, (), more)) = self.found.take() else {
                    return;
                };
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                if record {
                    cx.report_text(
                        &MISSING,
                        span,
                        text,
                        format_args!(
                            "`{}` in a Directory Record with no (0008,0005) of its own: the DICOMDIR's top-level {} does not apply to records; declare it in the record{more}",
                            Hex(text.bytes(rel)),
                            text.declared()
                        ),
                    );
                } else {
                    cx.report_text(
                        &MISSING,
                        span,
                        text,
                        format_args!(
                            "`{}` but no (0008,0005) is in force, so the text must be ASCII; the bytes look like {}{more}",
                            Hex(text.bytes(rel)),
                            guess(text.value)
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

    const JEROME: &str = "42 75 63 5E 4A E9 72 F4 6D 65";

    #[test]
    fn fires_without_a_declaration() {
        let (v, n) = hex(JEROME);
        let found = text_case(None, PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/missing"), "{found:?}");
        let (v, n) = hex("1B 24 42 3B 33 45 44 1B 28 42");
        let found = text_case(None, PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/missing"), "{found:?}");
        assert!(!found.has("charset/escape-not-allowed"), "{found:?}");
    }

    #[test]
    fn passes_with_a_declaration() {
        let (v, n) = hex(JEROME);
        let found = text_case(Some(b"ISO_IR 100"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/missing"), "{found:?}");
    }
}
