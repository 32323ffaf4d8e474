//! `charset/missing-designation`: GR bytes in a segment that did not designate its G1 set.

use lint_core::charset::{Declared, InvalidReason, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::{FirstOf, Hex, Text, lists_g1_set};

declare_rule! {
    /// ## What it checks
    /// Bytes `A0`–`FF` while G1 is undefined, in a value whose (0008,0005) lists a set
    /// for G1 (`ISO 2022 IR 13`, `ISO 2022 IR 149`, `ISO 2022 IR 58`, an ISO 8859 part…)
    /// that value 1 does not provide: the set was not designated in this value, line, PN
    /// component or component group.
    ///
    /// ## Why
    /// Designations do not survive a reset point: after `\`, CR LF, and in a PN after `^`
    /// and `=`, G1 is undefined again (value 1 is usually empty) and each segment that
    /// uses Hangul, Hanzi or half-width katakana must start it with its escape sequence.
    /// A reader that decodes segments independently — the standard allows it — sees GR
    /// bytes with no set and shows garbage. Real Korean files often omit every escape
    /// (EUC-KR written raw); `charset/foreign-encoding` names that case.
    ///
    /// ## Standard
    /// PS3.5 §6.1.2.5.3 (second list), §6.1.2.5.4 (c), Annexes I.2, K.2.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 13`, PN `3D 1B 29 49 D4 CF C0 DE 5E C0 DB B3`
    /// (no `ESC ) I` after `^`).
    /// Passing: `3D 1B 29 49 D4 CF C0 DE 5E 1B 29 49 C0 DB B3`.
    pub MISSING_DESIGNATION, "charset/missing-designation", Error,
        "GR bytes where the segment did not designate their set"
}

/// The check of [`MISSING_DESIGNATION`].
#[derive(Debug, Default)]
pub struct Check {
    found: FirstOf<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &MISSING_DESIGNATION;
    const TOKENS: u8 = tokens::END | tokens::INVALID;

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() || !lists_g1_set(&text.scope.set) {
            return;
        }
        match *token {
            Token::Invalid {
                reason: InvalidReason::GrUndefined,
                span,
                ..
            } => self.found.note(text.span(span), ()),
            Token::End { .. } => {
                let Some((span, (), more)) = self.found.take() else {
                    return;
                };
                let escape = text
                    .scope
                    .set
                    .values()
                    .skip(1)
                    .find_map(|d| match d {
                        Declared::Term(t) => t.g1_escape(),
                        _ => None,
                    })
                    .map_or(
                        "its escape sequence",
                        lint_core::charset::EscapeSequence::notation,
                    );
                let rel = lint_core::ByteSpan::at(span.start - text.value_span.start, span.len());
                cx.report_text(
                    &MISSING_DESIGNATION,
                    span,
                    text,
                    format_args!(
                        "`{}` with G1 undefined: designate the set with {escape} at the start of each value, line and name component that uses it{more}",
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
    use lint_core::tag::tags::{PATIENT_COMMENTS, PATIENT_NAME};

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_after_a_component_delimiter() {
        let (v, n) = hex("3D 1B 29 49 D4 CF C0 DE 5E C0 DB B3");
        let found = text_case(Some(b"\\ISO 2022 IR 13"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("charset/missing-designation"), "{found:?}");
    }

    #[test]
    fn fires_on_a_korean_line_without_its_escape() {
        let (v, n) =
            hex("1B 24 29 43 C7 D1 B1 DB 2E 0D 0A 54 68 65 20 C7 D1 B1 DB 2C 20 74 6F 6F 2E");
        let found = text_case(
            Some(b"\\ISO 2022 IR 149"),
            PATIENT_COMMENTS,
            Vr::LT,
            &v[..n],
        );
        assert!(found.has("charset/missing-designation"), "{found:?}");
    }

    #[test]
    fn passes_when_each_component_designates() {
        let (v, n) = hex("3D 1B 29 49 D4 CF C0 DE 5E 1B 29 49 C0 DB B3");
        let found = text_case(Some(b"\\ISO 2022 IR 13"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/missing-designation"), "{found:?}");
        // In an LO, `^` is an ordinary character: G1 persists.
        let (v, n) = hex("41 53 43 49 49 2B 1B 29 49 D4 CF C0 DE 5E C0 DB B3");
        let found = text_case(Some(b"\\ISO 2022 IR 13"), PATIENT_NAME, Vr::LO, &v[..n]);
        assert!(!found.has("charset/missing-designation"), "{found:?}");
    }
}
