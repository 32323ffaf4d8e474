//! `vr/newline`: a line break that is not CR LF.

use lint_core::charset::TextKind;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::{More, Text};

declare_rule! {
    /// ## What it checks
    /// In ST, LT and UT, a lone LF (`0A` not preceded by CR) or a lone CR (`0D` not
    /// followed by LF).
    ///
    /// ## Why
    /// DICOM writes a new line as CR LF. Unix-style LF-only reports are everywhere and
    /// most viewers cope, hence a warning; but a viewer that breaks lines on CR LF shows
    /// one long line, and ISO 2022 reset points are defined at line starts, so the rules
    /// that need a return before a line break depend on where the line breaks are.
    ///
    /// ## Standard
    /// PS3.5 §6.1.3 (Table 6.1-1 and its note).
    ///
    /// ## Example
    /// Failing: LT `41 0A 42`.
    /// Passing: LT `41 0D 0A 42`.
    pub NEWLINE, "vr/newline", Warning, "a line break is not CR LF"
}

/// The check of [`NEWLINE`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &NEWLINE;

    fn text(&mut self, cx: &mut Context<'_>, text: &Text<'_>) {
        if text.kind != TextKind::FreeText {
            return;
        }
        // CR and LF never occur inside a multi-byte character of any DICOM encoding, so a
        // byte search is exact here.
        let v = text.value;
        let lone = |i: usize| match v.get(i) {
            Some(0x0A) => i == 0 || v.get(i - 1) != Some(&0x0D),
            Some(0x0D) => v.get(i + 1) != Some(&0x0A),
            _ => false,
        };
        let mut hits = (0..v.len()).filter(|&i| lone(i));
        let Some(at) = hits.next() else { return };
        let more = hits.count();
        let what = if v.get(at) == Some(&0x0A) { "LF" } else { "CR" };
        cx.report_text(
            &NEWLINE,
            text.value_span.sub(at, at + 1),
            text,
            format_args!("lone {what}: write new lines as CR LF{}", More(more)),
        );
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_COMMENTS;

    use crate::testing::text_case;

    #[test]
    fn fires_on_a_lone_lf() {
        let found = text_case(None, PATIENT_COMMENTS, Vr::LT, b"A\nB");
        assert!(found.has("vr/newline"), "{found:?}");
    }

    #[test]
    fn passes_on_cr_lf() {
        let found = text_case(None, PATIENT_COMMENTS, Vr::LT, b"A\r\nB");
        assert!(!found.has("vr/newline"), "{found:?}");
    }
}
