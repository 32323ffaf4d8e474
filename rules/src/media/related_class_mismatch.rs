//! `media/related-class-mismatch`: the record's (0004,151A) does not repeat the referenced
//! instance's Related General SOP Class UID (0008,001A).

use lint_core::dicomdir::RecordSlot;
use lint_core::tag::tags;

use super::{FileId, FileSet, InstanceFacts, meta_mismatch};
use crate::registry::RuleMeta;
use crate::runner::Rule;
use crate::value::Printable;

declare_rule! {
    /// ## What it checks
    /// When the referenced instance has a Related General SOP Class UID (0008,001A), the
    /// record has a Referenced Related General SOP Class UID in File (0004,151A) with
    /// the same value; and a record with (0004,151A) references an instance that has it.
    ///
    /// ## Why
    /// (0004,151A) is Type 1C: required when the instance has (0008,001A), so that a
    /// reader that does not know a specialised SOP Class (a vendor's enhanced image, a new
    /// SR class) can still offer the instance under the general class it specialises.
    /// Without it such a reader skips the instance. Readers still open the file itself,
    /// so this is a warning.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3 ((0004,151A), Type 1C); PS3.4 B.3.1.3 (Related General SOP
    /// Classes). dicom-rules.md §6.3 DIR-REF-RELATED.
    ///
    /// ## Example
    /// Failing: the image has (0008,001A) `1.2.840.10008.5.1.4.1.1.2`, its IMAGE record
    /// no (0004,151A).
    /// Passing: the record has (0004,151A) `1.2.840.10008.5.1.4.1.1.2`; or neither has one.
    pub RELATED_CLASS_MISMATCH, "media/related-class-mismatch", Warning, "(0004,151A) does not repeat the referenced instance's Related General SOP Class UID (0008,001A)"
}

/// The registry entry of [`RELATED_CLASS_MISMATCH`] (judged by
/// [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &RELATED_CLASS_MISMATCH;
}

/// Compares record `index` with the file's facts.
pub(crate) fn check(
    set: &mut FileSet<'_, '_>,
    index: u32,
    record: &RecordSlot,
    file_id: &FileId<'_>,
    facts: &InstanceFacts,
) {
    let ours = record.referenced_related_general_sop_class_uid();
    match (ours, facts.related_class.as_ref()) {
        (None, None) => {}
        (None, Some(theirs)) => set.report(
            &RELATED_CLASS_MISMATCH,
            Some(file_id.span),
            Some(tags::REFERENCED_FILE_ID),
            Some(index),
            format_args!(
                "{file_id} has Related General SOP Class UID (0008,001A) `{}` (offset {}), but the record has no (0004,151A)",
                Printable(super::trim(theirs.as_bytes())),
                theirs.span.start
            ),
        ),
        (Some(_), theirs) => meta_mismatch(
            set,
            &RELATED_CLASS_MISMATCH,
            index,
            tags::REFERENCED_RELATED_GENERAL_SOP_CLASS_UID_IN_FILE,
            ours,
            theirs,
            tags::RELATED_GENERAL_SOP_CLASS_UID,
            file_id,
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, FIRST};

    /// The first image of the `related-class-mismatch` defect set: the sample's, with
    /// (0008,001A) CT Image Storage added.
    const RELATED: &[u8] = include_bytes!(
        "../../../corpus/media/defects/related-class-mismatch/DICOM/P0000001/ST000001/SE000001/IM000001"
    );

    #[test]
    fn fires_when_the_record_lacks_the_related_class() {
        let mut disk = Disk::sample();
        disk.put(FIRST, RELATED);
        let found = disk.check();
        assert!(found.only(&["media/related-class-mismatch"]), "{found:#?}");
        assert!(found.says("has no (0004,151A)"), "{found:#?}");
    }

    #[test]
    fn passes_when_neither_has_one() {
        assert!(!Disk::sample().check().has("media/related-class-mismatch"));
    }
}
