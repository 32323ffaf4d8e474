//! `meta/missing-file-meta`: a stream with no File Meta Information.

use lint_core::ByteSpan;
use lint_core::parser::Event;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// The stream has no File Meta Information group (group 0002): it is a bare data set.
    ///
    /// ## Why
    /// A DICOM file on media is a Part 10 file: preamble, `DICM`, then the File Meta group
    /// that names the transfer syntax. Without it a reader must guess the encoding (DCMTK
    /// and pydicom do, other readers refuse the file), and a DICOMDIR cannot reference it
    /// with a transfer syntax. dcmlint guesses too, so the data set is still checked.
    ///
    /// ## Standard
    /// PS3.10 §7.1 (DICOM File Meta Information), §7.
    ///
    /// ## Example
    /// Failing: a file that starts directly with `08 00 05 00 43 53 …` (`(0008,0005) CS`).
    /// Passing: the same data set after a preamble, `DICM` and a File Meta group.
    pub MISSING_FILE_META, "meta/missing-file-meta", Error, "the file has no File Meta Information"
}

/// The check of [`MISSING_FILE_META`].
#[derive(Debug, Default)]
pub struct MissingFileMeta;

impl Rule for MissingFileMeta {
    const META: &'static RuleMeta = &MISSING_FILE_META;
    const EVENTS: u8 = events::STREAM;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        if let Event::StreamStart(start) = event {
            if !start.file_meta {
                cx.report(
                    &MISSING_FILE_META,
                    Some(ByteSpan::point(0)),
                    None,
                    format_args!(
                        "no preamble, DICM prefix or File Meta group: a bare data set (its transfer syntax is guessed)"
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{CLEAN, findings_of};

    #[test]
    fn fires_on_a_bare_data_set_only() {
        let found = findings_of(include_bytes!(
            "../../../corpus/files/clean/raw-dataset-implicit.dcm"
        ));
        assert_eq!(found.at("meta/missing-file-meta"), Some(0), "{found:?}");
        for clean in CLEAN {
            assert!(!findings_of(clean).has("meta/missing-file-meta"));
        }
    }
}
