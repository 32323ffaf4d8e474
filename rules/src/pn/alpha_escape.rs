//! `pn/alpha-escape`: an escape sequence in the alphabetic component group.

use lint_core::ByteSpan;
use lint_core::charset::{TextEncoding, parse_escape};
use lint_core::pn::{GroupKind, PersonName};

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::{EscapeText, Text};

declare_rule! {
    /// ## What it checks
    /// An escape sequence (`ESC` …) anywhere in the first (alphabetic) component group of
    /// a PN value: a designation of kanji (`ESC $ B`), of Hangul (`ESC $ ) C`), even a
    /// redundant one such as `ESC ) I` when value 1 is `ISO 2022 IR 13`, or the return
    /// `ESC ( B` after them.
    ///
    /// ## Why
    /// The alphabetic group is the one every reader can show: it is written in value 1's
    /// character set only, and the standard says it shall not contain escape sequences.
    /// Kanji, kana and Hangul go in the ideographic and phonetic groups after `=`.
    /// A name whose only group holds kanji (`山田^太郎` with escapes, no `=`) is shown as
    /// garbage or nothing by readers that only handle the first group, and cannot be
    /// matched against worklist entries written the standard way.
    ///
    /// The escapes themselves may be declared and well formed: the missing designation or
    /// return, if any, is reported by `charset/missing-designation`,
    /// `charset/no-return-delimiter` and `charset/no-return-end`. Where (0008,0005) allows
    /// no escape at all (absent, single-valued, `ISO_IR 192`, `GB18030`, `GBK`), the
    /// escape is `charset/escape-not-allowed`'s, and this rule stays silent.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1.2 ("the first component group shall be encoded … without escape
    /// sequences"), Annexes H and I.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42` (山田^太郎 as group 1).
    /// Passing: `3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42`
    /// (`=山田^太郎`: the same kanji in the ideographic group).
    pub ALPHA_ESCAPE, "pn/alpha-escape", Error,
        "an escape sequence in the alphabetic (first) component group of a person name"
}

/// The check of [`ALPHA_ESCAPE`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<(ByteSpan, u16)>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &ALPHA_ESCAPE;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let code_extensions = text.scope.set.encoding() == TextEncoding::Iso2022;
        let hit = name
            .group(GroupKind::Alphabetic)
            .filter(|_| code_extensions)
            .and_then(|g| {
                g.first_escape
                    .map(|escape| (text.span(escape), (escape, g.escapes)))
            });
        if let Some((span, (relative, n), more)) = self.found.see(name, hit) {
            let bytes = text.bytes(relative);
            let (escape, _) = parse_escape(bytes);
            let others = n.saturating_sub(1);
            cx.report_text(
                &ALPHA_ESCAPE,
                span,
                text,
                format_args!(
                    "escape sequence {}{} in the alphabetic group: the first group must be \
                     written in value 1's character set without escapes; put kanji, kana and \
                     Hangul in the ideographic and phonetic groups after `=`{more}",
                    EscapeText(escape, bytes),
                    Others(others),
                ),
            );
        }
    }
}

/// Displays ` (and N other escapes)` when N > 0.
#[derive(Clone, Copy, Debug)]
struct Others(u16);

impl core::fmt::Display for Others {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            0 => Ok(()),
            1 => f.write_str(" (and 1 other)"),
            n => write!(f, " (and {n} others)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_kanji_in_the_first_group() {
        let (v, n) = hex("1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("pn/alpha-escape"), "{found:?}");
        assert_eq!(found.at("pn/alpha-escape"), found.value_start());
        // Korean: Hangul designated in group 1 (pydicom's chrKoreanMulti.dcm).
        let found = text_case(
            Some(b"\\ISO 2022 IR 149"),
            PATIENT_NAME,
            Vr::PN,
            b"\x1b$)C\xb1\xe8\xc8\xf1\xc1\xdf",
        );
        assert!(found.has("pn/alpha-escape"), "{found:?}");
        // Even a redundant designation of value 1's own G1.
        let found = text_case(
            Some(b"ISO 2022 IR 13\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"\x1b)I\xd4\xcf\xc0\xde",
        );
        assert!(found.has("pn/alpha-escape"), "{found:?}");
    }

    #[test]
    fn passes_on_escapes_in_later_groups() {
        let (v, n) = hex("3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("pn/alpha-escape"), "{found:?}");
        // Half-width katakana through value 1's G1: no escape needed.
        let found = text_case(
            Some(b"ISO 2022 IR 13\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"\xd4\xcf\xc0\xde^\xc0\xdb\xb3",
        );
        assert!(!found.has("pn/alpha-escape"), "{found:?}");
        // No code extension at all: charset/escape-not-allowed's finding alone.
        let found = text_case(
            Some(b"ISO_IR 100"),
            PATIENT_NAME,
            Vr::PN,
            b"\x1b$B;3ED\x1b(B",
        );
        assert!(found.has("charset/escape-not-allowed"), "{found:?}");
        assert!(!found.has("pn/alpha-escape"), "{found:?}");
    }
}
