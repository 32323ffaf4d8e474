//! `vr/ae-repertoire`: an Application Entity title with characters AE does not allow.

use lint_core::Vr;

use super::cs_repertoire::trim_nul;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// An AE value with a control character, a byte ≥ `80`, or nothing but spaces. (`\`
    /// separates the values of a multi-valued AE such as Retrieve AE Title; within a
    /// value it cannot occur.)
    ///
    /// ## Why
    /// AE titles are matched byte for byte during association negotiation; the standard
    /// allows the default repertoire without `\` and without control characters, and
    /// leading/trailing spaces are not significant, so an all-space title names nothing.
    ///
    /// ## Standard
    /// PS3.5 §6.2, Table 6.2-1 (AE).
    ///
    /// ## Example
    /// Failing: (0008,0054) `MY` TAB `AE`; (0008,0054) four spaces.
    /// Passing: (0002,0016) `MY_AE`.
    pub AE_REPERTOIRE, "vr/ae-repertoire", Error, "an AE value has characters AE does not allow"
}

/// The check of [`AE_REPERTOIRE`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &AE_REPERTOIRE;

    fn text(&mut self, cx: &mut Context<'_>, text: &Text<'_>) {
        if text.vr != Vr::AE {
            return;
        }
        let body = trim_nul(text.value);
        let bad = |b: &u8| *b < 0x20 || *b >= 0x7F;
        if let Some(at) = body.iter().position(bad) {
            cx.report_text(
                &AE_REPERTOIRE,
                text.value_span.sub(at, at + 1),
                text,
                format_args!(
                    "AE `{}` has `{}`: no control character or non-ASCII byte is allowed",
                    Printable(body),
                    Printable(body.get(at..=at).unwrap_or(&[]))
                ),
            );
        } else if body
            .split(|&b| b == b'\\')
            .any(|v| !v.is_empty() && v.iter().all(|&b| b == b' '))
        {
            cx.report_text(
                &AE_REPERTOIRE,
                text.value_span,
                text,
                format_args!("AE value is all spaces: it names no application entity"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::{Tag, Vr};

    use crate::testing::text_case;

    const RETRIEVE_AE_TITLE: Tag = Tag::new(0x0008, 0x0054);

    #[test]
    fn fires_on_a_control_and_on_spaces() {
        let found = text_case(None, RETRIEVE_AE_TITLE, Vr::AE, b"MY\tAE");
        assert!(found.has("vr/ae-repertoire"), "{found:?}");
        let found = text_case(None, RETRIEVE_AE_TITLE, Vr::AE, b"    ");
        assert!(found.has("vr/ae-repertoire"), "{found:?}");
    }

    #[test]
    fn passes_on_a_title() {
        let found = text_case(None, RETRIEVE_AE_TITLE, Vr::AE, b"MY_AE");
        assert!(!found.has("vr/ae-repertoire"), "{found:?}");
        let found = text_case(None, RETRIEVE_AE_TITLE, Vr::AE, b"AE1\\AE2");
        assert!(!found.has("vr/ae-repertoire"), "{found:?}");
    }
}
