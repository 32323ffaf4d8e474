//! `vr/default-repertoire`: non-ASCII bytes or escapes in a VR limited to the default
//! repertoire.

use lint_core::Vr;
use lint_core::charset::TextKind;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::{Hex, More, Text};

declare_rule! {
    /// ## What it checks
    /// A byte ≥ `80` or an ESC in a value of AS, DA, DS, DT, IS, TM, UI or UR, or in a
    /// text element of the File Meta group (0002,xxxx). (CS and AE have their own rules,
    /// `vr/cs-repertoire` and `vr/ae-repertoire`.)
    ///
    /// ## Why
    /// (0008,0005) governs only SH, LO, ST, LT, UC, UT and PN; every other string VR is
    /// limited to the default repertoire and allows no code extension (UR explicitly
    /// none), and the File Meta group is never governed. Non-ASCII bytes there are
    /// usually a localised date or time written by a careless conversion (`2024年`), or
    /// Shift_JIS in a UID.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2; PS3.5 §6.1.2.3 note, §6.2 (Table 6.2-1), §6.2.3 (UR);
    /// PS3.10 §7.1.
    ///
    /// ## Example
    /// Failing: (0008,0020) DA `32 30 32 34 8E 52`.
    /// Passing: (0008,0020) DA `20240131`.
    pub DEFAULT_REPERTOIRE, "vr/default-repertoire", Error,
        "non-ASCII bytes or escapes in a VR limited to ASCII"
}

/// The check of [`DEFAULT_REPERTOIRE`].
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DEFAULT_REPERTOIRE;

    fn text(&mut self, cx: &mut Context<'_>, text: &Text<'_>) {
        if text.kind != TextKind::NoExtensions || matches!(text.vr, Vr::CS | Vr::AE) {
            return;
        }
        let bad = |b: &u8| *b >= 0x80 || *b == 0x1B;
        let Some(at) = text.value.iter().position(bad) else {
            return;
        };
        let end = text
            .value
            .iter()
            .skip(at)
            .position(|b| !bad(b))
            .map_or(text.value.len(), |n| at + n);
        // Runs of offending bytes: the first is shown, the rest counted.
        let runs = text
            .value
            .iter()
            .enumerate()
            .filter(|&(i, b)| bad(b) && (i == 0 || !text.value.get(i - 1).is_some_and(bad)))
            .count();
        cx.report_text(
            &DEFAULT_REPERTOIRE,
            text.value_span.sub(at, end),
            text,
            format_args!(
                "{} allows only ASCII and no escape sequence, but has `{}`{}",
                text.vr,
                Hex(text.value.get(at..end).unwrap_or(&[])),
                More(runs.saturating_sub(1))
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::STUDY_DATE;

    use crate::testing::{hex, text_case};

    #[test]
    fn fires_on_shift_jis_in_a_date() {
        let (v, n) = hex("32 30 32 34 8E 52");
        let found = text_case(Some(b"ISO_IR 13"), STUDY_DATE, Vr::DA, &v[..n]);
        assert!(found.has("vr/default-repertoire"), "{found:?}");
    }

    #[test]
    fn passes_on_a_date() {
        let found = text_case(None, STUDY_DATE, Vr::DA, b"20240131");
        assert!(!found.has("vr/default-repertoire"), "{found:?}");
    }
}
