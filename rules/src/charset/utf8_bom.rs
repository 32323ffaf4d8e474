//! `charset/utf8-bom`: a byte order mark at the start of a UTF-8 value.

use lint_core::ByteSpan;
use lint_core::charset::TextEncoding;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A text value under `ISO_IR 192` that starts with U+FEFF (`EF BB BF`).
    ///
    /// ## Why
    /// The standard does not address it, but a BOM is not part of a name: it breaks
    /// matching (Patient ID, names in worklists) and shows as a stray character in
    /// viewers that do not strip it. Usually left by a Windows text API.
    ///
    /// ## Standard
    /// Not addressed by DICOM (interoperability); Unicode §23.8.
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 192`, LO `EF BB BF 41`.
    /// Passing: LO `41`.
    pub UTF8_BOM, "charset/utf8-bom", Warning, "a UTF-8 value starts with a byte order mark"
}

/// The check of [`UTF8_BOM`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &UTF8_BOM;

    fn text(&mut self, cx: &mut Context<'_>, text: &Text<'_>) {
        if text.is_governed()
            && text.scope.set.encoding() == TextEncoding::Utf8
            && text.value.starts_with(&[0xEF, 0xBB, 0xBF])
        {
            cx.report_text(
                &UTF8_BOM,
                text.span(ByteSpan::at(0, 3)),
                text,
                format_args!("the value starts with a byte order mark (EF BB BF); remove it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::INSTITUTION_NAME;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_a_bom() {
        let (v, n) = hex("EF BB BF 41");
        let found = text_case(Some(b"ISO_IR 192"), INSTITUTION_NAME, Vr::LO, &v[..n]);
        assert!(found.has("charset/utf8-bom"), "{found:?}");
    }

    #[test]
    fn passes_without() {
        let found = text_case(Some(b"ISO_IR 192"), INSTITUTION_NAME, Vr::LO, b"A");
        assert!(!found.has("charset/utf8-bom"), "{found:?}");
    }
}
