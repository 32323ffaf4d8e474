//! `charset/malformed-utf8`: bytes that are not well-formed, minimal UTF-8.

use lint_core::charset::{InvalidReason, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text};

declare_rule! {
    /// ## What it checks
    /// Under `ISO_IR 192`, bytes that are not well-formed UTF-8: a byte that cannot start
    /// a character (`80`–`BF` alone, `F8`–`FF`), a sequence cut short, an overlong form
    /// (`C0`, `C1`, `E0 80`–`9F`, `F0 80`–`8F`), an encoded surrogate (`ED A0`–`BF`), or a
    /// code point above U+10FFFF.
    ///
    /// ## Why
    /// DICOM requires the minimal-length UTF-8 encoding; overlong forms and surrogates
    /// are also a classic way around validators. Readers replace such bytes with U+FFFD
    /// or reject the value. A value that is Latin-1 or Shift_JIS labelled `ISO_IR 192`
    /// shows up here (and in `charset/foreign-encoding`).
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2 (Table C.12-5, minimal-length UTF-8); PS3.5 §6.1.2.4 note;
    /// RFC 3629.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 192`, PN `42 75 63 5E 4A C1 A9 72 6F 6D 65`
    /// (overlong é).
    /// Passing: PN `42 75 63 5E 4A C3 A9 72 C3 B4 6D 65`.
    pub MALFORMED_UTF8, "charset/malformed-utf8", Error, "bytes that are not well-formed UTF-8"
}

/// The check of [`MALFORMED_UTF8`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<InvalidReason>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &MALFORMED_UTF8;
    const TOKENS: u8 = tokens::END | tokens::INVALID;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Invalid {
                reason:
                    reason @ (InvalidReason::Utf8BadByte
                    | InvalidReason::Utf8Truncated
                    | InvalidReason::Utf8Overlong
                    | InvalidReason::Utf8Surrogate
                    | InvalidReason::Utf8TooLarge),
                span,
                ..
            } => self.found.note(text.span(span), reason),
            Token::End { .. } => {
                let Some((span, reason, more)) = self.found.take() else {
                    return;
                };
                let why = match reason {
                    InvalidReason::Utf8BadByte => "a byte that cannot start a UTF-8 character",
                    InvalidReason::Utf8Truncated => "a UTF-8 sequence cut short",
                    InvalidReason::Utf8Overlong => {
                        "an overlong UTF-8 form (DICOM requires the shortest)"
                    }
                    InvalidReason::Utf8Surrogate => "an encoded UTF-16 surrogate",
                    _ => "a code point above U+10FFFF",
                };
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                cx.report_text(
                    &MALFORMED_UTF8,
                    span,
                    text,
                    format_args!("`{}` is {why}{more}", Hex(text.bytes(rel))),
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
    fn fires_on_overlong_and_surrogates() {
        let (v, n) = hex("42 75 63 5E 4A C1 A9 72 6F 6D 65");
        let found = text_case(Some(b"ISO_IR 192"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/malformed-utf8"), "{found:?}");
        let (v, n) = hex("41 ED A0 80 42");
        let found = text_case(Some(b"ISO_IR 192"), PATIENT_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/malformed-utf8"), "{found:?}");
    }

    #[test]
    fn passes_on_utf8() {
        let (v, n) = hex("42 75 63 5E 4A C3 A9 72 C3 B4 6D 65");
        let found = text_case(Some(b"ISO_IR 192"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/malformed-utf8"), "{found:?}");
    }
}
