//! `pn/group-order`: ideographic and phonetic groups swapped.

use lint_core::ByteSpan;
use lint_core::pn::{GroupKind, PersonName, Scripts};

use crate::pn::{PerElement, decodes};
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// The second (ideographic) component group of a PN value holds only kana while the
    /// third (phonetic) group holds kanji or other ideographs: the two groups look swapped,
    /// as in `YAMAMOTO^TARO=ヤマモト^タロウ=山本^太郎`.
    ///
    /// ## Why
    /// The groups are identified by position only: alphabetic, ideographic, phonetic.
    /// Swapped, the kanji are taken for the reading and the kana for the written name:
    /// readers show the kana as the name, sort by kanji, and do not match the same patient
    /// written the right way. Reported by Japanese field engineers (medicalware.org wiki).
    /// A heuristic over the script of the bytes: a **warning**. `pn/phonetic-kanji` fires
    /// on the same value.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1.2 (order alphabetic, ideographic, phonetic), Annex H.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `59 41 4D 41 4D 4F 54 4F 5E 54 41 52 4F 3D 1B 24 42 25 64 25 5E 25 62 25 48 1B 28 42
    /// 5E 1B 24 42 25 3F 25 6D 25 26 1B 28 42 3D 1B 24 42 3B 33 4B 5C 1B 28 42 5E 1B 24 42
    /// 42 40 4F 3A 1B 28 42`.
    /// Passing: the same groups in the order `…=山本^太郎=ヤマモト^タロウ`.
    pub GROUP_ORDER, "pn/group-order", Warning,
        "the ideographic and phonetic groups of a person name look swapped"
}

/// The check of [`GROUP_ORDER`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &GROUP_ORDER;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = match (
            name.group(GroupKind::Ideographic),
            name.group(GroupKind::Phonetic),
        ) {
            (Some(i), Some(p))
                if i.scripts.is_kana_only() && p.scripts.intersects(Scripts::IDEOGRAPHS) =>
            {
                Some((text.span(ByteSpan::new(i.span.start, p.content().end)), ()))
            }
            _ => None,
        };
        if let Some((span, (), more)) = self.found.see(name, hit.filter(|_| decodes(name))) {
            cx.report_text(
                &GROUP_ORDER,
                span,
                text,
                format_args!(
                    "kana in the ideographic group and kanji in the phonetic group: the two \
                     look swapped; the order is alphabetic=ideographic(kanji)=phonetic(kana){more}"
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
    fn fires_on_swapped_groups() {
        let (v, n) = hex(
            "59 41 4D 41 4D 4F 54 4F 5E 54 41 52 4F 3D 1B 24 42 25 64 25 5E 25 62 25 48 1B 28 42 5E 1B 24 42 25 3F 25 6D 25 26 1B 28 42 3D 1B 24 42 3B 33 4B 5C 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42",
        );
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("pn/group-order"), "{found:?}");
        assert!(found.has("pn/phonetic-kanji"), "{found:?}");
        assert_eq!(
            found.at("pn/group-order"),
            found.value_start().map(|s| s + 14)
        );
    }

    #[test]
    fn passes_in_the_right_order() {
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            crate::testing::YAMADA,
        );
        assert!(!found.has("pn/group-order"), "{found:?}");
        // Kana in both groups: nothing to say about the order.
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Yamada=ヤマダ=やまだ".as_bytes(),
        );
        assert!(!found.has("pn/group-order"), "{found:?}");
    }
}
