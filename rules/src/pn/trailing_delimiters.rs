//! `pn/trailing-delimiters`: a person name that ends in delimiters.

use lint_core::pn::PersonName;

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A PN value with characters that ends in `^` or `=` (padding aside): `Doe^John^^^`,
    /// `Wang^XiaoDong=`. A value of delimiters only is `pn/only-delimiters`.
    ///
    /// ## Why
    /// Legal: trailing empty components and groups may be written or left out, and the
    /// standard's own examples J.1, J.3 and K.2 end with `=`. Shown as information because
    /// two writers of the same name then produce different bytes (`Doe^John` and
    /// `Doe^John^^^`), which matters to systems that match names byte for byte
    /// (worklists, de-duplication); pydicom and most viewers drop the delimiters.
    ///
    /// ## Standard
    /// PS3.5 §6.2 Table 6.2-1 (PN), §6.2.1.
    ///
    /// ## Example
    /// Flagged: (0008,0005) `ISO_IR 192`, PN `57 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D
    /// E7 8E 8B 5E E5 B0 8F E6 9D B1 3D` (`Wang^XiaoDong=王^小東=`).
    /// Not flagged: `Doe^John`, `Yamada==やまだ` (the empty group keeps its delimiter).
    pub TRAILING_DELIMITERS, "pn/trailing-delimiters", Info,
        "a person name ends in empty components or groups"
}

/// The check of [`TRAILING_DELIMITERS`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &TRAILING_DELIMITERS;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = name
            .trailing
            .filter(|_| !name.is_blank())
            .map(|span| (text.span(span), ()));
        if let Some((span, (), more)) = self.found.see(name, hit) {
            cx.report_text(
                &TRAILING_DELIMITERS,
                span,
                text,
                format_args!(
                    "the name ends in empty components or groups: legal, but `Doe^John^^` and \
                     `Doe^John` then differ byte for byte{more}"
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
    fn fires_on_trailing_delimiters() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"Doe^John^^^");
        assert!(found.has("pn/trailing-delimiters"), "{found:?}");
        assert_eq!(
            found.at("pn/trailing-delimiters"),
            found.value_start().map(|s| s + 8)
        );
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "Wang^XiaoDong=王^小東=".as_bytes(),
        );
        assert!(found.has("pn/trailing-delimiters"), "{found:?}");
    }

    #[test]
    fn passes_on_inner_and_absent_delimiters() {
        for v in [&b"Doe^John"[..], b"Yamada==Yamada", b"^^^^", b"Doe^John "] {
            let found = text_case(None, PATIENT_NAME, Vr::PN, v);
            assert!(!found.has("pn/trailing-delimiters"), "{found:?}");
        }
    }
}
