//! `pn/alpha-missing`: ideographic or phonetic groups without an alphabetic one.

use lint_core::ByteSpan;
use lint_core::pn::{GroupKind, PersonName};

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A PN value whose first (alphabetic) component group is empty while the ideographic
    /// or phonetic group holds a name: the value starts with `=`, as in `=山田^太郎`.
    ///
    /// ## Why
    /// Legal: any group may be empty. But the alphabetic group is the one every system can
    /// show and the one HL7 interfaces, film printers and most non-Japanese workstations
    /// read; without it they show no name at all. IHE Japan guidance asks for the name in
    /// romaji there. Profile-dependent, hence **info**.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1.2; IHE-J DICOM extension.
    ///
    /// ## Example
    /// Flagged: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42` (`=山田^太郎`).
    /// Not flagged: PS3.5 Example H.3-1, `Yamada^Tarou=山田^太郎=やまだ^たろう`.
    pub ALPHA_MISSING, "pn/alpha-missing", Info,
        "a person name has ideographic or phonetic groups but no alphabetic group"
}

/// The check of [`ALPHA_MISSING`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &ALPHA_MISSING;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let later = name.filled(GroupKind::Ideographic).is_some()
            || name.filled(GroupKind::Phonetic).is_some();
        let hit = (later && name.filled(GroupKind::Alphabetic).is_none()).then(|| {
            (
                text.span(ByteSpan::new(name.span.start, name.content_end)),
                (),
            )
        });
        if let Some((span, (), more)) = self.found.see(name, hit) {
            cx.report_text(
                &ALPHA_MISSING,
                span,
                text,
                format_args!(
                    "the alphabetic group is empty: systems that show only the first group \
                     (HL7 interfaces, many workstations) show no name; Japanese guidance asks \
                     for the name in romaji there{more}"
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
    fn fires_when_the_value_starts_with_an_equals_sign() {
        let (v, n) = hex("3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("pn/alpha-missing"), "{found:?}");
        assert_eq!(found.at("pn/alpha-missing"), found.value_start());
    }

    #[test]
    fn passes_with_an_alphabetic_group_or_nothing_at_all() {
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            crate::testing::YAMADA,
        );
        assert!(!found.has("pn/alpha-missing"), "{found:?}");
        for v in [&b"=="[..], b"", b"Doe^John"] {
            let found = text_case(None, PATIENT_NAME, Vr::PN, v);
            assert!(!found.has("pn/alpha-missing"), "{found:?}");
        }
    }
}
