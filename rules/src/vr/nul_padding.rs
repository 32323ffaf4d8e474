//! `vr/nul-padding`: a text value padded with NUL instead of SPACE.

use lint_core::Vr;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A string value other than UI that ends with one or more NUL bytes (`00`).
    ///
    /// ## Why
    /// String values are padded to even length with SPACE; only UI is padded with NUL.
    /// A NUL pad is common (C strings written with their terminator) and most readers
    /// strip it, hence a warning — but readers that compare values byte for byte (Patient
    /// ID, AE titles, Defined Terms) see `ABC\0` ≠ `ABC`. A NUL inside a value is an
    /// error reported by `vr/control-character`.
    ///
    /// ## Standard
    /// PS3.5 §6.2 (padding), Table 6.2-1.
    ///
    /// ## Example
    /// Failing: (0010,0020) LO `41 42 43 00`.
    /// Passing: (0010,0020) LO `41 42 43 20`.
    pub NUL_PADDING, "vr/nul-padding", Warning, "a text value is padded with NUL"
}

/// The check of [`NUL_PADDING`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &NUL_PADDING;

    fn text(&mut self, cx: &mut Context<'_>, text: &Text<'_>) {
        if text.vr == Vr::UI || text.value.last() != Some(&0) {
            return;
        }
        let body = super::cs_repertoire::trim_nul(text.value).len();
        cx.report_text(
            &NUL_PADDING,
            text.value_span.sub(body, text.value.len()),
            text,
            format_args!(
                "{} value padded with NUL: pad string values with SPACE (only UI takes NUL)",
                text.vr
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_ID;

    use crate::testing::text_case;

    #[test]
    fn fires_on_a_nul_pad() {
        let found = text_case(None, PATIENT_ID, Vr::LO, b"ABC\0");
        assert!(found.has("vr/nul-padding"), "{found:?}");
    }

    #[test]
    fn passes_on_a_space_pad() {
        let found = text_case(None, PATIENT_ID, Vr::LO, b"ABC ");
        assert!(!found.has("vr/nul-padding"), "{found:?}");
    }
}
