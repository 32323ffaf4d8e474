//! `pn/only-delimiters`: a person name of delimiters and no character.

use lint_core::ByteSpan;
use lint_core::pn::PersonName;

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A PN value made only of `^` and `=` (and spaces): `^`, `^^^^`, `==`. An empty value
    /// (zero length, or padding only) is not reported.
    ///
    /// ## Why
    /// Such a value holds no name: readers show it as empty. For a Type 2 or 3 attribute
    /// that is legal (an unknown name), and several writers put `^^^^` in Referring
    /// Physician's Name for exactly that (David Clunie's character-set samples do); for a
    /// Type 1 attribute it is an empty value in disguise. dcmlint does not know the Type of
    /// an attribute in a given IOD, so this is **info**, not the warning dicom-rules.md
    /// §4.2 proposes: a warning would fire on valid files. A zero-length value says
    /// "unknown" more plainly.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1, §7.4 (Types 1 and 2).
    ///
    /// ## Example
    /// Flagged: PN `5E 5E 5E 5E` (`^^^^`).
    /// Not flagged: an empty value; `Doe^John`.
    pub ONLY_DELIMITERS, "pn/only-delimiters", Info,
        "a person name holds only delimiters, no character"
}

/// The check of [`ONLY_DELIMITERS`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &ONLY_DELIMITERS;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = (name.is_blank() && name.trailing.is_some()).then(|| {
            (
                text.span(ByteSpan::new(name.span.start, name.content_end)),
                (),
            )
        });
        if let Some((span, (), more)) = self.found.see(name, hit) {
            cx.report_text(
                &ONLY_DELIMITERS,
                span,
                text,
                format_args!(
                    "the name has delimiters but no character, so readers show it empty; \
                     a zero-length value says \"unknown\" more plainly, and a Type 1 \
                     attribute needs a real name{more}"
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
    fn fires_on_delimiters_only() {
        for v in [&b"^^^^"[..], b"^", b"==", b" ^ "] {
            let found = text_case(None, PATIENT_NAME, Vr::PN, v);
            assert!(found.has("pn/only-delimiters"), "{found:?}");
        }
    }

    #[test]
    fn passes_on_empty_values_and_names() {
        for v in [&b""[..], b"  ", b"Doe^John", b"Doe^"] {
            let found = text_case(None, PATIENT_NAME, Vr::PN, v);
            assert!(!found.has("pn/only-delimiters"), "{found:?}");
        }
    }
}
