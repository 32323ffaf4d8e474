//! `vr/ui-padding`: a UID padded with SPACE or with more than one NUL.

use lint_core::Vr;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A UI value with a SPACE in it (as padding or anywhere else), or with more than one
    /// trailing NUL.
    ///
    /// ## Why
    /// A UID is padded to even length with a single NUL and contains only digits and
    /// dots. Readers compare UIDs byte for byte: `1.2.3 ` with a space pad does not match
    /// `1.2.3` in a DICOMDIR, a worklist or a reference, so instances go missing from
    /// studies.
    ///
    /// ## Standard
    /// PS3.5 §6.2 (UI), §9.1.
    ///
    /// ## Example
    /// Failing: (0008,0018) `31 2E 32 20`.
    /// Passing: (0008,0018) `31 2E 32 00`.
    pub UI_PADDING, "vr/ui-padding", Error, "a UID is padded with SPACE or several NULs"
}

/// The check of [`UI_PADDING`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &UI_PADDING;

    fn text(&mut self, cx: &mut Context<'_>, text: &Text<'_>) {
        if text.vr != Vr::UI {
            return;
        }
        if let Some(at) = text.value.iter().position(|&b| b == b' ') {
            cx.report_text(
                &UI_PADDING,
                text.value_span.sub(at, at + 1),
                text,
                format_args!("UID has a SPACE: pad a UID with a single NUL, never with SPACE"),
            );
            return;
        }
        let body = super::cs_repertoire::trim_nul(text.value).len();
        if text.value.len() - body > 1 {
            cx.report_text(
                &UI_PADDING,
                text.value_span.sub(body, text.value.len()),
                text,
                format_args!(
                    "UID ends with {} NUL bytes: exactly one pads it to even length",
                    text.value.len() - body
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::SOP_INSTANCE_UID;

    use crate::testing::text_case;

    #[test]
    fn fires_on_a_space_pad_and_double_nul() {
        let found = text_case(None, SOP_INSTANCE_UID, Vr::UI, b"1.2 ");
        assert!(found.has("vr/ui-padding"), "{found:?}");
        let found = text_case(None, SOP_INSTANCE_UID, Vr::UI, b"1.23\0\0");
        assert!(found.has("vr/ui-padding"), "{found:?}");
    }

    #[test]
    fn passes_on_a_nul_pad() {
        let found = text_case(None, SOP_INSTANCE_UID, Vr::UI, b"1.2\0");
        assert!(!found.has("vr/ui-padding"), "{found:?}");
    }
}
