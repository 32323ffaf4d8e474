//! `pn/no-caret`: family and given name separated by a space instead of `^`.

use lint_core::pn::{GroupKind, PersonName};

use crate::pn::{PerElement, decodes};
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A PN value with no `^` at all whose alphabetic group has a space between two words
    /// (`YAMADA TAROU`, `John Doe`): the whole text is one family-name component, while it
    /// probably holds a family and a given name.
    ///
    /// A name without `^` is not reported by itself. dicom-rules.md §4.2 proposes to flag
    /// every such name (as dicom3tools does, calling it a "retired" form, which the
    /// standard does not), but on Western data that is noise: single-word names such as
    /// `ANONYMOUS`, `PHANTOM`, `QA` or a Greek or Russian family name (pydicom's samples)
    /// are legitimately one component, and anonymisers produce them by the thousand. Only
    /// the space makes a missing `^` likely, so only the space draws the finding. Spaces
    /// between kanji in the ideographic group are `pn/fullwidth-space`.
    ///
    /// ## Why
    /// Without `^` the standard reads everything as the family name complex (it keeps the
    /// form for backward compatibility). Worklist matching, sorting by family name and
    /// conversion to HL7 XPN then see "YAMADA TAROU" as a family name and no given name.
    /// Legal, hence info.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1.1 (components; a name without `^` is one family name complex).
    ///
    /// ## Example
    /// Flagged: PN `59 41 4D 41 44 41 20 54 41 52 4F 55` (`YAMADA TAROU`).
    /// Not flagged: `YAMADA^TAROU`, `ANONYMOUS`, `van der Berg^Anna`.
    pub NO_CARET, "pn/no-caret", Info,
        "a person name without `^` has a space between words"
}

/// The check of [`NO_CARET`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &NO_CARET;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = name
            .filled(GroupKind::Alphabetic)
            .filter(|g| g.inner_space.is_some() && !name.has_component_delimiter())
            .map(|g| (text.span(g.content()), ()));
        if let Some((span, (), more)) = self.found.see(name, hit.filter(|_| decodes(name))) {
            cx.report_text(
                &NO_CARET,
                span,
                text,
                format_args!(
                    "no `^` in the name but a space between words: the whole text is read as \
                     the family name; separate family and given name with `^` (YAMADA^TAROU, \
                     not YAMADA TAROU){more}"
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
    fn fires_on_a_space_instead_of_a_caret() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"YAMADA TAROU");
        assert!(found.has("pn/no-caret"), "{found:?}");
    }

    #[test]
    fn passes_on_single_words_and_carets() {
        for v in [
            &b"YAMADA^TAROU"[..],
            b"ANONYMOUS",
            b"van der Berg^Anna",
            b" PHANTOM ",
        ] {
            let found = text_case(None, PATIENT_NAME, Vr::PN, v);
            assert!(!found.has("pn/no-caret"), "{found:?}");
        }
    }
}
