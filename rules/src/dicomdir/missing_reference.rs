//! `dicomdir/missing-reference`: an instance-level record that references no file.

use lint_core::dicomdir::RecordSlot;
use lint_core::tag::tags;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A record of a type that "shall be used to reference" a SOP Instance (`IMAGE`,
    /// `RT DOSE`, `SR DOCUMENT`, `PRESENTATION`, `ENCAP DOC`, `HANGING PROTOCOL`,
    /// `PALETTE`, … every instance-level type of Table F.4-1) has no Referenced File ID
    /// (0004,1500).
    ///
    /// ## Why
    /// Such a record exists to point at a file; without the File ID the viewer lists an
    /// image it cannot open.
    ///
    /// ## Standard
    /// PS3.3 F.5.4 ff. (each record type's definition), Table F.3-3.
    ///
    /// ## Example
    /// Failing: an `IMAGE` record with Instance Number and no (0004,1500).
    /// Passing: the record with (0004,1500) `DICOM\P1\IM1` and its UIDs.
    pub MISSING_REFERENCE, "dicomdir/missing-reference", Error,
        "an instance-level record references no file"
}

/// [`MISSING_REFERENCE`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &MISSING_REFERENCE;
}

/// A record with some of the group but no File ID is `dicomdir/reference-group`'s.
pub(super) fn check(_dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    let kind = record.record_type();
    let any = record.referenced_file_id().is_some()
        || record.referenced_sop_class_uid().is_some()
        || record.referenced_sop_instance_uid().is_some()
        || record.referenced_transfer_syntax_uid().is_some();
    if !kind.references_instance() || any {
        return;
    }
    out.report(
        &MISSING_REFERENCE,
        record
            .directory_record_type()
            .map_or(record.header(), |t| t.span),
        Some(tags::REFERENCED_FILE_ID),
        Some(index),
        format_args!(
            "the {} record at offset {} references no file: (0004,1500) and its UIDs are absent",
            kind.defined_term().unwrap_or(""),
            record.offset()
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::super::tests::{build, example, example_records, hits, only};

    #[test]
    fn an_image_without_file_fires() {
        let mut records = example_records();
        records[3].image = None;
        let found = only(&build(records), "dicomdir/missing-reference");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("IMAGE"));
    }

    #[test]
    fn images_with_files_pass() {
        assert!(hits(&example()).is_empty());
    }
}
