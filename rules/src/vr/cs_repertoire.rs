//! `vr/cs-repertoire`: a Code String with characters CS does not allow.

use lint_core::Vr;
use lint_core::tag::tags;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// A CS value containing anything but upper-case `A`–`Z`, digits, SPACE, `_` and the
    /// value delimiter `\`: lower case, `-`, `.`, an ESC, a byte ≥ `80` (a trailing NUL pad
    /// is left to `vr/nul-padding`). (0008,0005) is judged by the `charset/*` rules instead.
    ///
    /// ## Why
    /// CS values are compared literally: `ct` is not the modality `CT`, and a
    /// `DERIVED\SECONDARY` with a lower-case letter or an escape sequence matches no
    /// Defined Term. CS allows no code extension at all.
    ///
    /// ## Standard
    /// PS3.5 §6.2, Table 6.2-1 (CS).
    ///
    /// ## Example
    /// Failing: (0008,0060) `ct`; (0008,0060) `1B 28 42 43 54`.
    /// Passing: (0008,0060) `CT`.
    pub CS_REPERTOIRE, "vr/cs-repertoire", Error, "a CS value has characters CS does not allow"
}

/// The check of [`CS_REPERTOIRE`].
#[derive(Debug, Default)]
pub struct Check;

/// Whether `byte` may appear in a CS value.
fn allowed(byte: u8) -> bool {
    byte.is_ascii_uppercase() || byte.is_ascii_digit() || matches!(byte, b' ' | b'_' | b'\\')
}

impl Rule for Check {
    const META: &'static RuleMeta = &CS_REPERTOIRE;

    fn text(&mut self, cx: &mut Context<'_>, text: &Text<'_>) {
        if text.vr != Vr::CS || text.tag == tags::SPECIFIC_CHARACTER_SET {
            return;
        }
        let body = trim_nul(text.value);
        let bad = body.iter().filter(|&&b| !allowed(b)).count();
        let Some(at) = body.iter().position(|&b| !allowed(b)) else {
            return;
        };
        let span = text.value_span.sub(at, at + 1);
        let more = crate::text::More(bad - 1);
        cx.report_text(
            &CS_REPERTOIRE,
            span,
            text,
            format_args!(
                "CS `{}` has `{}`: only A–Z, 0–9, SPACE and _ are allowed{more}",
                Printable(body),
                Printable(body.get(at..=at).unwrap_or(&[]))
            ),
        );
    }
}

/// The value without trailing NUL bytes.
pub(crate) fn trim_nul(value: &[u8]) -> &[u8] {
    let end = value.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
    value.get(..end).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::MODALITY;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_lower_case_and_escapes() {
        let found = text_case(None, MODALITY, Vr::CS, b"ct");
        assert!(found.has("vr/cs-repertoire"), "{found:?}");
        let (v, n) = hex("1B 28 42 43 54");
        let found = text_case(None, MODALITY, Vr::CS, &v[..n]);
        assert!(found.has("vr/cs-repertoire"), "{found:?}");
    }

    #[test]
    fn passes_on_codes() {
        let found = text_case(None, MODALITY, Vr::CS, b"CT");
        assert!(!found.has("vr/cs-repertoire"), "{found:?}");
        let found = text_case(None, MODALITY, Vr::CS, b"ORIGINAL\\PRIMARY\\AXIAL");
        assert!(!found.has("vr/cs-repertoire"), "{found:?}");
    }
}
