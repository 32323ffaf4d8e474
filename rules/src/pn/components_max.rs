//! `pn/components-max`: more than five components in a component group.

use lint_core::pn::{GroupKind, PersonName};

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A component group of a PN value with more than four `^`, that is more than five
    /// components (family name complex, given name complex, middle name, name prefix,
    /// name suffix). Only `^` found by the character-set state machine count: the `5E`
    /// inside a JIS X 0208 kanji is not a delimiter.
    ///
    /// ## Why
    /// The standard defines five components, by position. A sixth one has no meaning:
    /// readers drop it or reject the value. It usually comes from a converter that maps
    /// an HL7 XPN field (which has more components) one to one.
    ///
    /// ## Standard
    /// PS3.5 §6.2 Table 6.2-1 (PN), §6.2.1.
    ///
    /// ## Example
    /// Failing: PN `41 5E 42 5E 43 5E 44 5E 45 5E 46` (`A^B^C^D^E^F`).
    /// Passing: PN `41 5E 42 5E 43 5E 44 5E 45` (`A^B^C^D^E`).
    pub COMPONENTS_MAX, "pn/components-max", Error,
        "a component group of a person name has more than five components"
}

/// The check of [`COMPONENTS_MAX`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<(GroupKind, u16)>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &COMPONENTS_MAX;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = name.groups().find_map(|(kind, g)| {
            g.excess_components()
                .map(|span| (text.span(span), (kind, g.component_count)))
        });
        if let Some((span, (kind, n), more)) = self.found.see(name, hit) {
            cx.report_text(
                &COMPONENTS_MAX,
                span,
                text,
                format_args!(
                    "{n} components in the {kind} group: at most 5 \
                     (family^given^middle^prefix^suffix), readers drop what follows the fifth `^`{more}"
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
    fn fires_on_six_components() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"A^B^C^D^E^F");
        assert!(found.has("pn/components-max"), "{found:?}");
        assert_eq!(
            found.at("pn/components-max"),
            found.value_start().map(|s| s + 9)
        );
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"Doe^John=A^B^C^D^E^F^G");
        assert!(found.has("pn/components-max"), "{found:?}");
    }

    #[test]
    fn passes_on_five_components() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"A^B^C^D^E");
        assert!(!found.has("pn/components-max"), "{found:?}");
        // 5E as the second byte of a kanji (JIS 45 5E) is not a delimiter.
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"=\x1b$BE^E^E^E^E^E^\x1b(B",
        );
        assert!(!found.has("pn/components-max"), "{found:?}");
    }
}
