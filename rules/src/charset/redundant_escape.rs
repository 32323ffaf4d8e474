//! `charset/redundant-escape`: an escape that designates the set already designated.

use lint_core::charset::{Escape, EscapeSequence, EscapeStatus, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Text};

declare_rule! {
    /// ## What it checks
    /// A declared escape sequence that designates into G0 or G1 the set already there,
    /// such as `ESC ( B` at the start of a value (where ASCII is in force anyway) or two
    /// `ESC $ B` in a row.
    ///
    /// ## Why
    /// Harmless: every reader copes. It is reported as information because it often
    /// shows a writer that emits escapes without tracking state, which is where the
    /// missing returns reported by other rules come from.
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5 (no requirement; style).
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, LO `1B 28 42 41 42`.
    /// Passing: LO `41 42`.
    pub REDUNDANT_ESCAPE, "charset/redundant-escape", Info,
        "an escape sequence designates the set already in force"
}

/// The check of [`REDUNDANT_ESCAPE`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<EscapeSequence>,
    /// The value already broke: an escape after a missing return is not "redundant" but
    /// the writer's attempt to go on, and the other rules say what is wrong.
    broken: bool,
}

impl Rule for Check {
    const META: &'static RuleMeta = &REDUNDANT_ESCAPE;
    const TOKENS: u8 = tokens::END | tokens::ESCAPE | tokens::INVALID;

    fn text(&mut self, _cx: &mut Context<'_>, _text: &Text<'_>) {
        self.found.clear();
        self.broken = false;
    }

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Escape {
                escape: Escape::Dicom(seq),
                status: EscapeStatus::Declared,
                span,
                before,
            } if before.get(seq.element()) == Some(seq.set()) && !self.broken => {
                self.found.note(text.span(span), seq);
            }
            Token::Invalid { .. } => self.broken = true,
            Token::End { .. } => {
                if let Some((span, seq, more)) = self.found.take() {
                    cx.report_text(
                        &REDUNDANT_ESCAPE,
                        span,
                        text,
                        format_args!(
                            "{seq} designates {}, which is already in force{more}",
                            seq.set()
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
    use lint_core::tag::tags::INSTITUTION_NAME;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_esc_b_at_the_start() {
        let (v, n) = hex("1B 28 42 41 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/redundant-escape"), "{found:?}");
    }

    #[test]
    fn passes_without() {
        let (v, n) = hex("41 42 1B 24 42 3B 33 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(!found.has("charset/redundant-escape"), "{found:?}");
    }
}
