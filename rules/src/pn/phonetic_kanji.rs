//! `pn/phonetic-kanji`: ideographs in the phonetic component group.

use lint_core::pn::{GroupKind, PersonName, Scripts};

use crate::pn::{PerElement, decodes};
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// The third (phonetic) component group of a PN value holds ideographs: JIS X 0208
    /// kanji (rows 16–84), JIS X 0212 kanji, KS X 1001 hanja, GB 2312 hanzi, Unicode Han.
    ///
    /// ## Why
    /// The phonetic group is the reading of the name: kana in Japan (PS3.5 Annex H),
    /// Hangul in Korea (Annex I). Kanji there cannot be a reading; usually the ideographic
    /// and phonetic groups were swapped (then `pn/group-order` fires too) or the kanji were
    /// copied into both. Sorting and searching by reading (the common use of the phonetic
    /// group in Japanese systems) then fails. A heuristic over the script of the bytes,
    /// not a "shall" of the standard: a **warning**.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1.2 (the three groups and their order), Annexes H and I.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN `… 3D 1B 24 42 25 64 25 5E 25 62 25 48
    /// 1B 28 42 3D 1B 24 42 3B 33 4B 5C 1B 28 42` (…=ヤマモト=山本).
    /// Passing: PS3.5 Example H.3-1, `Yamada^Tarou=山田^太郎=やまだ^たろう`.
    pub PHONETIC_KANJI, "pn/phonetic-kanji", Warning,
        "the phonetic component group of a person name holds kanji or other ideographs"
}

/// The check of [`PHONETIC_KANJI`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<Scripts>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &PHONETIC_KANJI;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = name
            .group(GroupKind::Phonetic)
            .filter(|g| g.scripts.intersects(Scripts::IDEOGRAPHS))
            .map(|g| (text.span(g.content()), g.scripts));
        if let Some((span, scripts, more)) = self.found.see(name, hit.filter(|_| decodes(name))) {
            cx.report_text(
                &PHONETIC_KANJI,
                span,
                text,
                format_args!(
                    "the phonetic group holds {scripts}: it should hold the reading (kana, \
                     Hangul), and the kanji belong in the ideographic group{more}"
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
    fn fires_on_kanji_in_group_3() {
        let (v, n) = hex("59 61 6D 61 64 61 3D 3D 1B 24 42 3B 33 45 44 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("pn/phonetic-kanji"), "{found:?}");
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Yamada=やまだ=山田".as_bytes(),
        );
        assert!(found.has("pn/phonetic-kanji"), "{found:?}");
    }

    #[test]
    fn passes_on_kana_and_hangul_in_group_3() {
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            crate::testing::YAMADA,
        );
        assert!(!found.has("pn/phonetic-kanji"), "{found:?}");
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Hong^Gildong=洪^吉洞=홍^길동".as_bytes(),
        );
        assert!(!found.has("pn/phonetic-kanji"), "{found:?}");
    }
}
