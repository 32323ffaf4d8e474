//! `parse/invalid-vr`: an explicit VR header whose VR is not a VR of the standard.

use lint_core::parser::{Event, VrOrigin};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// In an explicit VR transfer syntax, the two bytes after the tag are not one of the VRs
    /// of PS3.5 Table 6.2-1.
    ///
    /// ## Why
    /// The VR decides the header's length form (2- or 4-byte length), so a reader that
    /// guesses wrong loses the rest of the data set. A common cause is an element written
    /// in implicit VR inside an explicit VR stream (for example a File Meta group written
    /// implicit). dcmlint reads the element with the length form that fits and goes on.
    ///
    /// ## Standard
    /// PS3.5 §7.1.2, Table 6.2-1.
    ///
    /// ## Example
    /// Failing: `10 00 10 00 5A 5A 08 00 …` (VR `ZZ`).
    /// Passing: `10 00 10 00 50 4E 08 00 …` (VR `PN`).
    pub INVALID_VR, "parse/invalid-vr", Error, "an explicit VR header names no known VR"
}

/// The check of [`INVALID_VR`].
#[derive(Debug, Default)]
pub struct InvalidVr;

impl Rule for InvalidVr {
    const META: &'static RuleMeta = &INVALID_VR;
    const EVENTS: u8 = events::ELEMENTS | events::STRUCTURE;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let header = match event {
            Event::Element(element) => element.header,
            Event::SequenceStart(start) | Event::FragmentsStart(start) => start.header,
            _ => return,
        };
        if let VrOrigin::Invalid(code) = header.vr_origin {
            cx.report(
                &INVALID_VR,
                Some(header.span),
                Some(header.tag),
                format_args!(
                    "VR bytes {:02X} {:02X} are not a VR of PS3.5 Table 6.2-1; read as {} with a {}-byte header",
                    code[0],
                    code[1],
                    header.vr,
                    header.span.len()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{CLEAN, findings_of};

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        let found = findings_of(include_bytes!("../../../corpus/files/parse/invalid-vr.dcm"));
        assert!(found.has("parse/invalid-vr"), "{found:?}");
        let found = findings_of(include_bytes!(
            "../../../corpus/files/meta/meta-implicit-vr.dcm"
        ));
        assert!(found.has("parse/invalid-vr"), "{found:?}");
        for clean in CLEAN {
            assert!(!findings_of(clean).has("parse/invalid-vr"));
        }
    }
}
