//! `charset/revision-dependent`: a character only a later edition of the set assigns.

use lint_core::charset::{CodedCharacterSet, InvalidReason, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text};

declare_rule! {
    /// ## What it checks
    /// A position that only a later edition of the declared set assigns: `A4`, `A5`, `AA`
    /// (€, ₯, ͺ) of ISO 8859-7:2003, which ISO-IR 126 (1987) lacks; `A0` of TIS 620;
    /// the few JIS X 0208 positions added in 1983/1990 (row 2 symbols, row 84 `74 25`,
    /// `74 26`).
    ///
    /// ## Why
    /// (0008,0005) names a registration, not an edition (PS3.3 C.12.1.1.2 note), so a
    /// reader may implement the older table and lose these characters. They are usually
    /// decodable, hence a warning.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2 (note added by CP-2354); ISO-IR 126, ISO 8859-7:2003; JIS X 0208.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 126`, LO `41 A4` (€).
    /// Passing: LO `41 C1` (Α).
    pub REVISION_DEPENDENT, "charset/revision-dependent", Warning,
        "a character that only a later edition of the set assigns"
}

/// The check of [`REVISION_DEPENDENT`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<Option<CodedCharacterSet>>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &REVISION_DEPENDENT;
    const TOKENS: u8 = tokens::END | tokens::INVALID;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        match *token {
            Token::Invalid {
                reason: InvalidReason::RevisionDependent,
                set,
                span,
            } => self.found.note(text.span(span), set),
            Token::End { .. } => {
                let Some((span, set, more)) = self.found.take() else {
                    return;
                };
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                cx.report_text(
                    &REVISION_DEPENDENT,
                    span,
                    text,
                    format_args!(
                        "`{}` is assigned only by a later edition of {}: older readers lose it{more}",
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
    use lint_core::tag::tags::INSTITUTION_NAME;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_the_euro_in_greek() {
        let (v, n) = hex("41 A4");
        let found = text_case(Some(b"ISO_IR 126"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/revision-dependent"), "{found:?}");
    }

    #[test]
    fn passes_on_greek_letters() {
        let (v, n) = hex("41 C1");
        let found = text_case(Some(b"ISO_IR 126"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(!found.has("charset/revision-dependent"), "{found:?}");
    }
}
