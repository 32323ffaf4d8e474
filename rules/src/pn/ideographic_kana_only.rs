//! `pn/ideographic-kana-only`: a kana reading in the ideographic group.

use lint_core::pn::{GroupKind, PersonName, Scripts};

use crate::pn::{PerElement, decodes};
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// The second (ideographic) component group of a PN value holds only kana (spaces and
    /// the prolonged sound mark aside), and there is no phonetic group or it is empty:
    /// `Yamada^Tarou=やまだ^たろう`.
    ///
    /// ## Why
    /// Often the reading was meant, and written one group too early: the phonetic group is
    /// where Japanese systems look for it (sorting, searching, reception lists), and they
    /// find nothing. But some names really are written in kana, and then the ideographic
    /// group is the right place: so **info**, for a person to judge.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1.2, Annex H (ideographic group: kanji; phonetic group: kana).
    ///
    /// ## Example
    /// Flagged: (0008,0005) `\ISO 2022 IR 87`, PN `59 61 6D 61 64 61 5E 54 61 72 6F 75 3D
    /// 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42`.
    /// Not flagged: `Yamada^Tarou==やまだ^たろう` (the reading in the phonetic group, the
    /// ideographic group empty).
    pub IDEOGRAPHIC_KANA_ONLY, "pn/ideographic-kana-only", Info,
        "the ideographic group of a person name holds only kana and there is no phonetic group"
}

/// The check of [`IDEOGRAPHIC_KANA_ONLY`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<Scripts>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &IDEOGRAPHIC_KANA_ONLY;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = name
            .group(GroupKind::Ideographic)
            .filter(|g| g.scripts.is_kana_only())
            .filter(|_| name.filled(GroupKind::Phonetic).is_none())
            .map(|g| (text.span(g.content()), g.scripts));
        if let Some((span, scripts, more)) = self.found.see(name, hit.filter(|_| decodes(name))) {
            cx.report_text(
                &IDEOGRAPHIC_KANA_ONLY,
                span,
                text,
                format_args!(
                    "the ideographic group holds only {scripts} and there is no phonetic \
                     group: if this is the reading, it belongs in the phonetic group (after a \
                     second `=`); a name written in kana is fine as it is{more}"
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
    fn fires_on_kana_in_group_2_alone() {
        let (v, n) = hex(
            "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42",
        );
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("pn/ideographic-kana-only"), "{found:?}");
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Sato=サトー=".as_bytes(),
        );
        assert!(found.has("pn/ideographic-kana-only"), "{found:?}");
    }

    #[test]
    fn passes_with_kanji_or_a_phonetic_group() {
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            crate::testing::YAMADA,
        );
        assert!(!found.has("pn/ideographic-kana-only"), "{found:?}");
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Yamada=やまだ=ヤマダ".as_bytes(),
        );
        assert!(!found.has("pn/ideographic-kana-only"), "{found:?}");
    }
}
