//! `vr/odd-length`: a value of odd length.

use lint_core::parser::Event;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// A data element (or a sequence of defined length) whose Value Length is odd.
    ///
    /// ## Why
    /// Every value is padded to an even length (this is a rule of the value's encoding,
    /// not of the stream's structure: readers find the next element either way, which
    /// is why it is a `vr/` rule and not a `parse/` one). Odd lengths break readers that work in
    /// 16-bit words and usually mean the writer forgot the padding byte (space for text,
    /// NUL for UI and binary values).
    ///
    /// ## Standard
    /// PS3.5 §7.1.1 ("Value Length … shall be an even number of bytes"), §6.2.
    ///
    /// ## Example
    /// Failing: `(0010,0020) LO` of length 7, `PAT0001`.
    /// Passing: length 8, `PAT0001 ` (padded with a space).
    pub ODD_LENGTH, "vr/odd-length", Error, "a value has odd length"
}

/// The check of [`ODD_LENGTH`].
#[derive(Debug, Default)]
pub struct OddLength;

impl Rule for OddLength {
    const META: &'static RuleMeta = &ODD_LENGTH;
    const EVENTS: u8 = events::ELEMENTS | events::STRUCTURE;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let (header, undefined) = match event {
            Event::Element(element) => (element.header, false),
            Event::SequenceStart(start) => (start.header, start.header.is_undefined_length()),
            _ => return,
        };
        if !undefined && header.length % 2 == 1 {
            cx.report(
                &ODD_LENGTH,
                Some(header.span),
                Some(header.tag),
                format_args!(
                    "{} value length {} is odd; pad the value to {} bytes",
                    header.vr,
                    header.length,
                    u64::from(header.length) + 1
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::fires_only_on;

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        fires_only_on(
            "vr/odd-length",
            include_bytes!("../../../corpus/files/vr/odd-length.dcm"),
        );
    }
}
