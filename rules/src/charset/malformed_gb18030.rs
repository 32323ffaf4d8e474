//! `charset/malformed-gb18030`: bytes that are not a GB 18030 (or GBK) character.

use lint_core::charset::{CodedCharacterSet, InvalidReason, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text};

declare_rule! {
    /// ## What it checks
    /// Under `GB18030` or `GBK`, bytes that are not a character form: a lead byte `80` or
    /// `FF`, a lead byte `81`–`FE` without a valid trail byte (`40`–`7E`, `80`–`FE`, or
    /// the `30`–`39` of a four-byte form), and under `GBK` any four-byte form.
    ///
    /// ## Why
    /// GB 18030 has one-, two- and four-byte characters; GBK only the first two. A broken
    /// form misaligns what follows, and because trail bytes include `5C` and `5E` a
    /// misread can turn half a character into a value or component delimiter.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2, Table C.12-5; PS3.5 Annex J; GB 18030-2005.
    ///
    /// ## Example
    /// Failing: (0008,0005) `GB18030`, LO `41 81 20`.
    /// Passing: LO `CD F5 5E D0 A1 B6 AB` (王^小东).
    pub MALFORMED_GB18030, "charset/malformed-gb18030", Error,
        "bytes that are not a GB 18030 or GBK character"
}

/// The check of [`MALFORMED_GB18030`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<InvalidReason>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &MALFORMED_GB18030;
    const TOKENS: u8 = tokens::END | tokens::INVALID;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Invalid {
                reason: reason @ (InvalidReason::GbMalformed | InvalidReason::GbkFourByte),
                set: Some(CodedCharacterSet::Gb18030 | CodedCharacterSet::Gbk),
                span,
            } => self.found.note(text.span(span), reason),
            Token::End { .. } => {
                let Some((span, reason, more)) = self.found.take() else {
                    return;
                };
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                let why = if reason == InvalidReason::GbkFourByte {
                    "a GB 18030 four-byte form, which GBK does not have: declare `GB18030`"
                } else {
                    "not a one-, two- or four-byte GB 18030 form"
                };
                cx.report_text(
                    &MALFORMED_GB18030,
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
    use lint_core::tag::tags::INSTITUTION_NAME;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_a_broken_form() {
        let (v, n) = hex("41 81 20");
        let found = text_case(Some(b"GB18030"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/malformed-gb18030"), "{found:?}");
        let (v, n) = hex("81 30 81 30");
        let found = text_case(Some(b"GBK"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/malformed-gb18030"), "{found:?}");
    }

    #[test]
    fn passes_on_gb18030() {
        let (v, n) = hex("CD F5 5E D0 A1 B6 AB");
        let found = text_case(Some(b"GB18030"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(!found.has("charset/malformed-gb18030"), "{found:?}");
        let (v, n) = hex("81 5C");
        let found = text_case(Some(b"GBK"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(!found.has("charset/malformed-gb18030"), "{found:?}");
    }
}
