//! `charset/escape-not-allowed`: an escape sequence where (0008,0005) allows no code
//! extension.

use lint_core::charset::{TextEncoding, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{EscapeText, FirstOf, Text};

declare_rule! {
    /// ## What it checks
    /// An ESC byte (`1B`) in a text value (SH, LO, ST, LT, UC, UT, PN) whose (0008,0005)
    /// has a single value — an ISO 8859 part, `ISO_IR 13`, `ISO_IR 166` — or is
    /// `ISO_IR 192`, `GB18030` or `GBK`.
    ///
    /// ## Why
    /// Code extensions (escape sequences switching character sets) are allowed only when
    /// (0008,0005) has several values. Under a single value readers use one fixed table
    /// and print the escape's bytes as garbage (`$B;3ED`); under UTF-8 and GB 18030 ESC is
    /// not part of any character. The usual cause is Japanese text written with
    /// ISO 2022 escapes while (0008,0005) says `ISO_IR 100`: declare `\ISO 2022 IR 87`
    /// (and `ISO 2022 IR 13` as value 1 if half-width katakana are used). When
    /// (0008,0005) is absent or empty, `charset/missing` reports instead.
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5.4 (a), (b), (d); PS3.3 C.12.1.1.2.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 100`, LO `1B 24 42 3B 33 45 44 1B 28 42` (山田).
    /// Passing: (0008,0005) `\ISO 2022 IR 87`, the same LO.
    pub ESCAPE_NOT_ALLOWED, "charset/escape-not-allowed", Error,
        "an escape sequence where (0008,0005) allows no code extension"
}

/// The check of [`ESCAPE_NOT_ALLOWED`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<[u8; 4]>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &ESCAPE_NOT_ALLOWED;
    const TOKENS: u8 = tokens::END | tokens::ESCAPE;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() {
            return;
        }
        match *token {
            Token::Escape { span, .. }
                if matches!(
                    text.scope.set.encoding(),
                    TextEncoding::SingleByte
                        | TextEncoding::Utf8
                        | TextEncoding::Gb18030
                        | TextEncoding::Gbk
                ) =>
            {
                let mut bytes = [0; 4];
                for (slot, b) in bytes.iter_mut().zip(text.bytes(span)) {
                    *slot = *b;
                }
                self.found.note(text.span(span), bytes);
            }
            Token::End { .. } => {
                if let Some((span, bytes, more)) = self.found.take() {
                    let (escape, _) = lint_core::charset::parse_escape(&bytes);
                    let why = match text.scope.set.encoding() {
                        TextEncoding::SingleByte => {
                            "a single value allows no code extension; list the sets as ISO 2022 terms (e.g. `\\ISO 2022 IR 87`)"
                        }
                        _ => "this encoding has no escape sequences",
                    };
                    cx.report_text(
                        &ESCAPE_NOT_ALLOWED,
                        span,
                        text,
                        format_args!(
                            "{} in a value whose (0008,0005) is {}: {why}{more}",
                            EscapeText(escape, bytes.get(..span.len() as usize).unwrap_or(&bytes)),
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

    const YAMADA: &str = "1B 24 42 3B 33 45 44 1B 28 42";

    #[test]
    fn fires_under_a_single_value() {
        let (v, n) = hex(YAMADA);
        let found = text_case(Some(b"ISO_IR 100"), PATIENT_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/escape-not-allowed"), "{found:?}");
        let found = text_case(Some(b"ISO_IR 192"), PATIENT_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/escape-not-allowed"), "{found:?}");
    }

    #[test]
    fn passes_with_code_extensions() {
        let (v, n) = hex(YAMADA);
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::LO, &v[..n]);
        assert!(!found.has("charset/escape-not-allowed"), "{found:?}");
    }
}
