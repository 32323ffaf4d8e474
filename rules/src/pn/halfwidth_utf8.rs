//! `pn/halfwidth-utf8`: half-width katakana in a UTF-8 person name.

use lint_core::charset::{Script, TextEncoding};
use lint_core::pn::{GroupKind, PersonName};

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// Value 1 of (0008,0005) is `ISO_IR 192`, and the ideographic or phonetic group of a
    /// PN value holds half-width katakana (U+FF61–U+FF9F). In the alphabetic group they
    /// are an error, reported by `pn/alpha-utf8-range`.
    ///
    /// ## Why
    /// Legal outside the first group, but half-width katakana is a legacy of 8-bit JIS X
    /// 0201; in Unicode the usual form of a kana reading is full-width katakana or
    /// hiragana, which is what converters from ISO 2022 produce and what searches look for.
    /// A name stored half-width in one system and full-width in another does not match.
    /// A convention, hence **info**.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1.2, Annex H.
    ///
    /// ## Example
    /// Flagged: (0008,0005) `ISO_IR 192`, PN `Yamada^Tarou=山田^太郎=ﾔﾏﾀﾞ^ﾀﾛｳ`.
    /// Not flagged: `Yamada^Tarou=山田^太郎=ヤマダ^タロウ`.
    pub HALFWIDTH_UTF8, "pn/halfwidth-utf8", Info,
        "a UTF-8 person name uses half-width katakana"
}

/// The check of [`HALFWIDTH_UTF8`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<GroupKind>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &HALFWIDTH_UTF8;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        if text.scope.set.encoding() != TextEncoding::Utf8 {
            return;
        }
        let hit = name
            .groups()
            .skip(1)
            .find(|(_, g)| g.scripts.contains(Script::HalfwidthKatakana))
            .map(|(kind, g)| (text.span(g.content()), kind));
        if let Some((span, kind, more)) = self.found.see(name, hit) {
            cx.report_text(
                &HALFWIDTH_UTF8,
                span,
                text,
                format_args!(
                    "half-width katakana (U+FF61–U+FF9F) in the {kind} group: legal, but the \
                     usual Unicode form is full-width katakana, and the two do not match in \
                     searches{more}"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::text_case;

    #[test]
    fn fires_on_half_width_kana_in_the_phonetic_group() {
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Yamada^Tarou=山田^太郎=ﾔﾏﾀﾞ^ﾀﾛｳ".as_bytes(),
        );
        assert!(found.has("pn/halfwidth-utf8"), "{found:?}");
    }

    #[test]
    fn passes_on_full_width_kana_and_on_group_1() {
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Yamada^Tarou=山田^太郎=ヤマダ^タロウ".as_bytes(),
        );
        assert!(!found.has("pn/halfwidth-utf8"), "{found:?}");
        // Group 1 is pn/alpha-utf8-range's.
        let found = text_case(Some(b"ISO_IR 192"), PATIENT_NAME, Vr::PN, "ﾔﾏﾀﾞ".as_bytes());
        assert!(!found.has("pn/halfwidth-utf8"), "{found:?}");
        assert!(found.has("pn/alpha-utf8-range"), "{found:?}");
        // JIS X 0201 katakana under ISO 2022 IR 13 is not UTF-8.
        let found = text_case(
            Some(b"ISO 2022 IR 13\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Yamada=\x1b$B;3ED\x1b(J=\xd4\xcf\xc0\xde",
        );
        assert!(!found.has("pn/halfwidth-utf8"), "{found:?}");
    }
}
