//! `charset/unused-extension`: a declared extension set that no value uses.

use lint_core::ByteSpan;
use lint_core::Tag;
use lint_core::charset::{Declared, Escape, SpecificCharacterSet, Token};
use lint_core::parser::Event;

use super::charset_element;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events, tokens};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A multi-valued (0008,0005) of the top-level data set that lists a set (value 2 or
    /// later) which no escape sequence in any text value of the data set designates,
    /// e.g. `\ISO 2022 IR 87` on a file whose names are all ASCII.
    ///
    /// ## Why
    /// Harmless — the declaration is a promise the data does not need — so it is only
    /// information. It can point at a writer that declares a fixed list whatever the
    /// data, or at text that should have been Japanese and lost its kanji on the way.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2.
    ///
    /// ## Example
    /// Flagged: (0008,0005) `\ISO 2022 IR 87`, PN `Yamada^Tarou`.
    /// Not flagged: the same with an ideographic group `=ESC $ B 3B 33 45 44 ESC ( B`.
    pub UNUSED_EXTENSION, "charset/unused-extension", Info,
        "(0008,0005) declares a set that no value uses"
}

/// The check of [`UNUSED_EXTENSION`].
#[derive(Debug, Default)]
pub struct Check {
    /// The top-level declaration: its element and set.
    declared: Option<(Tag, ByteSpan, SpecificCharacterSet)>,
    /// Bits of the escape sequences designated in text governed by it.
    used: u32,
}

impl Rule for Check {
    const META: &'static RuleMeta = &UNUSED_EXTENSION;
    const EVENTS: u8 = events::CHARSET;
    const TOKENS: u8 = tokens::ESCAPE;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        if let Some(element) = charset_element(event) {
            if cx.parent_scope().is_none() && cx.scope().set.len() > 1 {
                self.declared = Some((element.header.tag, element.value_span, cx.scope().set));
            }
        }
    }

    fn token(&mut self, _cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if let Token::Escape {
            escape: Escape::Dicom(seq),
            ..
        } = token
        {
            if self
                .declared
                .is_some_and(|(_, span, _)| text.scope.declared_at == Some(span))
            {
                self.used |= seq.bit();
            }
        }
    }

    fn finish(&mut self, cx: &mut Context<'_>) {
        let Some((tag, span, set)) = self.declared.take() else {
            return;
        };
        for (index, value) in set.values().enumerate().skip(1) {
            let Declared::Term(term) = value else {
                continue;
            };
            let bits =
                term.g0_escape().map_or(0, |e| e.bit()) | term.g1_escape().map_or(0, |e| e.bit());
            // ESC ( B alone (ISO 2022 IR 6) proves nothing about use: skip value terms
            // whose only escape is the return to ASCII.
            if bits == lint_core::charset::EscapeSequence::Ir6.bit() || bits & self.used != 0 {
                continue;
            }
            cx.report(
                &UNUSED_EXTENSION,
                Some(span),
                Some(tag),
                format_args!(
                    "value {} `{}` is declared but no text in the data set designates it",
                    index + 1,
                    term.name()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_when_no_kanji_is_written() {
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Yamada^Tarou",
        );
        assert!(found.has("charset/unused-extension"), "{found:?}");
    }

    #[test]
    fn passes_when_used() {
        let (v, n) = hex("59 61 6D 61 64 61 3D 1B 24 42 3B 33 45 44 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/unused-extension"), "{found:?}");
    }
}
