//! `pn/groups-max`: more than three component groups in a person name.

use lint_core::pn::PersonName;

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A PN value with more than two `=`, that is more than three component groups
    /// (alphabetic, ideographic, phonetic). Only `=` found by the character-set state
    /// machine count: the `3D` inside a JIS X 0208 kanji is not a delimiter.
    ///
    /// ## Why
    /// The standard allows three groups, no more, and gives each a meaning by position.
    /// A fourth group is usually a name written with `=` as an ordinary character, or
    /// two names glued together; readers drop everything after the third `=` or reject
    /// the value.
    ///
    /// ## Standard
    /// PS3.5 §6.2 Table 6.2-1 (PN), §6.2.1.
    ///
    /// ## Example
    /// Failing: PN `41 3D 42 3D 43 3D 44` (`A=B=C=D`).
    /// Passing: PN `59 61 6D 61 64 61 3D 3D` (`Yamada==`, two empty groups).
    pub GROUPS_MAX, "pn/groups-max", Error,
        "a person name has more than three component groups"
}

/// The check of [`GROUPS_MAX`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<u16>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &GROUPS_MAX;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = name
            .excess_groups()
            .map(|span| (text.span(span), name.group_count));
        if let Some((span, n, more)) = self.found.see(name, hit) {
            cx.report_text(
                &GROUPS_MAX,
                span,
                text,
                format_args!(
                    "{n} component groups separated by `=`: a name has at most 3 \
                     (alphabetic=ideographic=phonetic), readers drop what follows the third `=`{more}"
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
    fn fires_on_four_groups() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"A=B=C=D");
        assert!(found.has("pn/groups-max"), "{found:?}");
        // The span starts at the third `=`.
        assert_eq!(
            found.at("pn/groups-max"),
            found.value_start().map(|s| s + 5)
        );
    }

    #[test]
    fn passes_on_three_groups() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"Yamada==");
        assert!(!found.has("pn/groups-max"), "{found:?}");
        // 3D as the second byte of a kanji (JIS 3B 3D) is not a delimiter.
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"A=\x1b$B;=;=;=\x1b(B=C",
        );
        assert!(!found.has("pn/groups-max"), "{found:?}");
    }
}
