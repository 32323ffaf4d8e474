//! `pn/fullwidth-space`: family and given name in kanji separated by a space, not `^`.

use lint_core::pn::{GroupKind, PersonName};

use crate::pn::{PerElement, decodes};
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// Inside one component of the second (ideographic) group of a PN value, a space
    /// between two ideographs: the ideographic space (JIS `21 21`, KS X 1001 / GB 2312
    /// `A1 A1`, U+3000) or SPACE `20`, with or without escape sequences around it, as in
    /// `山田　太郎` where `山田^太郎` is meant.
    ///
    /// ## Why
    /// Japanese (and Korean, Chinese) writing separates family and given name with a
    /// space, so names typed by hand arrive that way. In DICOM the separator is `^`: with a
    /// space the whole name is one family name, the given name is lost to every system
    /// that reads components, and the groups no longer line up
    /// (`pn/component-mismatch`). A heuristic (a space might be part of a name): a
    /// **warning**.
    ///
    /// A SPACE while JIS X 0208 is designated is also `charset/space-in-double-byte`.
    ///
    /// ## Standard
    /// PS3.5 §6.2 Table 6.2-1, §6.2.1 (components separated by `^`).
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `3D 1B 24 42 3B 33 45 44 21 21 42 40 4F 3A 1B 28 42` (`=山田　太郎`).
    /// Passing: `3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42`
    /// (`=山田^太郎`).
    pub FULLWIDTH_SPACE, "pn/fullwidth-space", Warning,
        "a space separates kanji inside one component of the ideographic group"
}

/// The check of [`FULLWIDTH_SPACE`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &FULLWIDTH_SPACE;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = name
            .group(GroupKind::Ideographic)
            .and_then(|g| g.spaced_ideographs)
            .map(|space| (text.span(space), ()));
        if let Some((span, (), more)) = self.found.see(name, hit.filter(|_| decodes(name))) {
            cx.report_text(
                &FULLWIDTH_SPACE,
                span,
                text,
                format_args!(
                    "a space separates kanji inside one component of the ideographic group: \
                     family and given name are separated by `^` (山田^太郎, not 山田　太郎){more}"
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
    fn fires_on_an_ideographic_space() {
        let (v, n) = hex("3D 1B 24 42 3B 33 45 44 21 21 42 40 4F 3A 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(found.has("pn/fullwidth-space"), "{found:?}");
        assert_eq!(
            found.at("pn/fullwidth-space"),
            found.value_start().map(|s| s + 8)
        );
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Yamada^Tarou=山田 太郎".as_bytes(),
        );
        assert!(found.has("pn/fullwidth-space"), "{found:?}");
    }

    #[test]
    fn passes_on_a_caret() {
        let (v, n) = hex("3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42");
        let found = text_case(Some(b"\\ISO 2022 IR 87"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("pn/fullwidth-space"), "{found:?}");
        // A space after the last kanji is padding, not a separator.
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "=山田^太郎\u{3000}".as_bytes(),
        );
        assert!(!found.has("pn/fullwidth-space"), "{found:?}");
    }
}
