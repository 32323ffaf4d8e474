//! `meta/missing-prefix`: a File Meta group without the 128-byte preamble and `DICM`.

use lint_core::ByteSpan;
use lint_core::parser::{Event, Preamble};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// The File Meta group is present but not preceded by the 128-byte preamble followed
    /// by the four bytes `DICM`.
    ///
    /// ## Why
    /// Readers recognise a DICOM file by `DICM` at offset 128; without it many of them
    /// (and file-type sniffers) treat the file as not DICOM at all.
    ///
    /// ## Standard
    /// PS3.10 §7.1 (File Preamble and DICOM Prefix).
    ///
    /// ## Example
    /// Failing: 128 zero bytes, then `02 00 00 00 55 4C …` (no `DICM`).
    /// Passing: 128 zero bytes, `DICM`, then the group.
    pub MISSING_PREFIX, "meta/missing-prefix", Error, "the preamble or the DICM prefix is missing"
}

/// The check of [`MISSING_PREFIX`].
#[derive(Debug, Default)]
pub struct MissingPrefix;

impl Rule for MissingPrefix {
    const META: &'static RuleMeta = &MISSING_PREFIX;
    const EVENTS: u8 = events::STREAM;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        let Event::StreamStart(start) = event else {
            return;
        };
        let (span, message) = match start.preamble {
            Preamble::Standard { .. } => return,
            Preamble::MissingPrefix { preamble } => (
                ByteSpan::point(preamble.end),
                "the 128-byte preamble is not followed by \"DICM\"",
            ),
            Preamble::PrefixOnly { prefix } => (
                prefix,
                "\"DICM\" at offset 0: the 128-byte preamble is missing",
            ),
            Preamble::Absent if start.file_meta => (
                ByteSpan::point(0),
                "the File Meta group starts at offset 0, without preamble and \"DICM\"",
            ),
            Preamble::Absent => return,
        };
        cx.report(&MISSING_PREFIX, Some(span), None, format_args!("{message}"));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::fires_only_on;

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        fires_only_on(
            "meta/missing-prefix",
            include_bytes!("../../../corpus/files/meta/missing-dicm.dcm"),
        );
    }
}
