//! `pn/alpha-kana`: half-width katakana in the alphabetic group.

use lint_core::charset::{Script, TextEncoding};
use lint_core::pn::{GroupKind, PersonName};

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// The first (alphabetic) component group of a PN value holds half-width katakana
    /// (JIS X 0201, ISO-IR 13), as value 1 `ISO_IR 13` or `ISO 2022 IR 13` allows:
    /// `ﾔﾏﾀﾞ^ﾀﾛｳ`. Under `ISO_IR 192` half-width katakana in the first group is an error,
    /// reported by `pn/alpha-utf8-range` instead.
    ///
    /// ## Why
    /// Legal: it is the standard's own Example H.3-2. But IHE Japan guidance asks for romaji
    /// (ISO-IR 6) in the alphabetic group, many systems outside Japan cannot show JIS X
    /// 0201 katakana at all, and a conversion to `ISO_IR 192` has to turn them into
    /// full-width katakana, since half-width ones are not allowed there: the name changes
    /// bytes on the way. Profile-dependent, hence **info**.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1.2, Annex H.3 (Example H.3-2); IHE-J DICOM extension.
    ///
    /// ## Example
    /// Flagged: (0008,0005) `ISO_IR 13`, PN `D4 CF C0 DE 5E C0 DB B3` (`ﾔﾏﾀﾞ^ﾀﾛｳ`).
    /// Not flagged: `Yamada^Tarou` under the same declaration.
    pub ALPHA_KANA, "pn/alpha-kana", Info,
        "the alphabetic group of a person name is half-width katakana, not romaji"
}

/// The check of [`ALPHA_KANA`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &ALPHA_KANA;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        if matches!(
            text.scope.set.encoding(),
            TextEncoding::Utf8 | TextEncoding::Gb18030 | TextEncoding::Gbk
        ) {
            return;
        }
        let hit = name
            .group(GroupKind::Alphabetic)
            .filter(|g| g.scripts.contains(Script::HalfwidthKatakana))
            .map(|g| (text.span(g.content()), ()));
        if let Some((span, (), more)) = self.found.see(name, hit) {
            cx.report_text(
                &ALPHA_KANA,
                span,
                text,
                format_args!(
                    "half-width katakana in the alphabetic group: legal (PS3.5 Example \
                     H.3-2), but Japanese guidance asks for romaji there and a conversion to \
                     UTF-8 has to change them to full-width{more}"
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
    fn fires_on_half_width_kana_in_group_1() {
        let found = text_case(
            Some(b"ISO_IR 13"),
            PATIENT_NAME,
            Vr::PN,
            b"\xd4\xcf\xc0\xde^\xc0\xdb\xb3",
        );
        assert!(found.has("pn/alpha-kana"), "{found:?}");
    }

    #[test]
    fn passes_on_romaji_and_on_kana_in_later_groups() {
        let found = text_case(Some(b"ISO_IR 13"), PATIENT_NAME, Vr::PN, b"Yamada^Tarou");
        assert!(!found.has("pn/alpha-kana"), "{found:?}");
        let found = text_case(
            Some(b"ISO 2022 IR 13\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Yamada^Tarou=\x1b$B;3ED\x1b(J^\x1b$BB@O:\x1b(J=\xd4\xcf\xc0\xde^\xc0\xdb\xb3",
        );
        assert!(!found.has("pn/alpha-kana"), "{found:?}");
        // UTF-8: an error of pn/alpha-utf8-range instead.
        let found = text_case(Some(b"ISO_IR 192"), PATIENT_NAME, Vr::PN, "ﾔﾏﾀﾞ".as_bytes());
        assert!(!found.has("pn/alpha-kana"), "{found:?}");
    }
}
