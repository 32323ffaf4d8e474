//! `pn/component-mismatch`: the groups of one name split into different components.

use lint_core::pn::{GroupKind, PersonName};

use crate::pn::{PerElement, decodes};
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// Two non-empty component groups of one PN value that use a different number of
    /// components (trailing empty components aside), as in `Yamada^Tarou=山田太郎`:
    /// two components in the alphabetic group, one in the ideographic group.
    ///
    /// ## Why
    /// The groups are three writings of the same name, component by component: family name
    /// in the first, given name in the second. When one group lacks the `^`, systems that
    /// pair the family names of the groups (sorting by reading, matching romaji to kanji)
    /// pair the wrong parts. Often the writer typed a space instead of `^`
    /// (`pn/fullwidth-space`). But a name may legitimately have a middle name in one
    /// script only: **info**.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1 (components), §6.2.1.2 and Annex H (the groups as representations of
    /// one name).
    ///
    /// ## Example
    /// Flagged: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 42 40 4F 3A 1B 28 42`
    /// (`Yamada^Tarou=山田太郎`).
    /// Not flagged: PS3.5 Example H.3-1; `Wang^XiaoDong=王^小東=`.
    pub COMPONENT_MISMATCH, "pn/component-mismatch", Info,
        "the component groups of a person name have different numbers of components"
}

/// The check of [`COMPONENT_MISMATCH`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<(GroupKind, u32, GroupKind, u32)>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &COMPONENT_MISMATCH;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let mut filled = name.groups().filter(|(_, g)| !g.is_blank());
        let hit = filled.next().and_then(|(first, g1)| {
            let n1 = g1.used_components();
            filled
                .find(|(_, g)| g.used_components() != n1)
                .map(|(kind, g)| {
                    (
                        text.span(g.content()),
                        (first, n1, kind, g.used_components()),
                    )
                })
        });
        if let Some((span, (a, na, b, nb), more)) =
            self.found.see(name, hit.filter(|_| decodes(name)))
        {
            cx.report_text(
                &COMPONENT_MISMATCH,
                span,
                text,
                format_args!(
                    "the {a} group has {na} component{} but the {b} group {nb}: the groups \
                     of a name normally split the same way (family^given in each){more}",
                    if na == 1 { "" } else { "s" }
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
    fn fires_on_a_missing_caret_in_one_group() {
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Yamada^Tarou=山田太郎".as_bytes(),
        );
        assert!(found.has("pn/component-mismatch"), "{found:?}");
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@$?$m$&\x1b(B",
        );
        assert!(found.has("pn/component-mismatch"), "{found:?}");
    }

    #[test]
    fn passes_on_matching_groups() {
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            crate::testing::YAMADA,
        );
        assert!(!found.has("pn/component-mismatch"), "{found:?}");
        for v in [
            "Wang^XiaoDong=王^小東=",
            "Doe^John^^^=ドウ^ジョン",
            "=山田^太郎",
        ] {
            let found = text_case(Some(b"ISO_IR 192"), PATIENT_NAME, Vr::PN, v.as_bytes());
            assert!(!found.has("pn/component-mismatch"), "{v}: {found:?}");
        }
        // A `^` lost to a missing return is charset/no-return-delimiter's, not a mismatch.
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Yamada^Tarou=\x1b$B;3ED^\x1b$BB@O:\x1b(B",
        );
        assert!(found.has("charset/no-return-delimiter"), "{found:?}");
        assert!(!found.has("pn/component-mismatch"), "{found:?}");
    }
}
