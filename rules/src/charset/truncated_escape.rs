//! `charset/truncated-escape`: an escape sequence cut off.

use lint_core::charset::{Escape, EscapeStatus, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text};

declare_rule! {
    /// ## What it checks
    /// An ESC byte in a text value not followed by a complete escape sequence before the
    /// end of the value or a byte that cannot belong to one (a delimiter, a control,
    /// a GR byte), as in `41 1B 24`.
    ///
    /// ## Why
    /// A cut-off sequence designates nothing; readers either drop the ESC or swallow the
    /// bytes after it. It usually means a value was truncated to a byte limit by a writer
    /// that did not know the text was ISO 2022 (cutting `ESC $ B` in half).
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5 (escape sequences per ISO/IEC 2022).
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, LO `41 1B 24`.
    /// Passing: LO `41 1B 24 42 3B 33 1B 28 42`.
    pub TRUNCATED_ESCAPE, "charset/truncated-escape", Error, "an escape sequence is cut off"
}

/// The check of [`TRUNCATED_ESCAPE`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &TRUNCATED_ESCAPE;
    const TOKENS: u8 = tokens::END | tokens::ESCAPE;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Escape {
                escape: Escape::Truncated,
                status: EscapeStatus::Undeclared | EscapeStatus::Declared,
                span,
                ..
            } => self.found.note(text.span(span), ()),
            Token::End { .. } => {
                if let Some((span, (), more)) = self.found.take() {
                    let at = span.start.saturating_sub(text.value_span.start);
                    let rel = lint_core::ByteSpan::at(at, span.len());
                    cx.report_text(
                        &TRUNCATED_ESCAPE,
                        span,
                        text,
                        format_args!(
                            "escape sequence `{}` is incomplete: it designates nothing{more}",
                            Hex(text.bytes(rel))
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
    fn fires_on_a_cut_escape() {
        let (v, n) = hex("41 1B 24");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/truncated-escape"), "{found:?}");
    }

    #[test]
    fn passes_on_a_whole_escape() {
        let (v, n) = hex("41 1B 24 42 3B 33 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::LO, &v[..n]);
        assert!(!found.has("charset/truncated-escape"), "{found:?}");
    }
}
