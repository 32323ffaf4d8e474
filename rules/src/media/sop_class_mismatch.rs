//! `media/sop-class-mismatch`: a record's Referenced SOP Class UID in File disagrees with the referenced file's Media Storage SOP Class UID.

use lint_core::tag::tags;

use super::{FileId, FileSet, InstanceFacts, meta_mismatch};
use crate::registry::RuleMeta;
use crate::runner::Rule;
use lint_core::dicomdir::RecordSlot;

declare_rule! {
    /// ## What it checks
    /// A record's Referenced SOP Class UID in File (0004,1510) differs from the Media Storage SOP Class UID (0002,0002) of the file its
    /// Referenced File ID (0004,1500) leads to (or the file has none).
    ///
    /// ## Why
    /// Readers choose the viewer (image, SR, waveform) from the record's class; a record that names another class than the file's offers the instance to the wrong application or hides it.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3 ("… in File": the value of the file's File Meta element);
    /// PS3.10 §7.1. dicom-rules.md §6.3 DIR-REF-META.
    ///
    /// ## Example
    /// Failing: (0004,1510) `1.2.840.10008.5.1.4.1.1.4` (MR), the file's (0002,0002) `1.2.840.10008.5.1.4.1.1.2` (CT).
    /// Passing: both `1.2.840.10008.5.1.4.1.1.2`.
    pub SOP_CLASS_MISMATCH, "media/sop-class-mismatch", Error, "Referenced SOP Class UID in File (0004,1510) differs from the referenced file's (0002,0002)"
}

/// The registry entry of [`SOP_CLASS_MISMATCH`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &SOP_CLASS_MISMATCH;
}

/// Compares record `index` with the file's facts.
pub(crate) fn check(
    set: &mut FileSet<'_, '_>,
    index: u32,
    record: &RecordSlot,
    file_id: &FileId<'_>,
    facts: &InstanceFacts,
) {
    meta_mismatch(
        set,
        &SOP_CLASS_MISMATCH,
        index,
        tags::REFERENCED_SOP_CLASS_UID_IN_FILE,
        record.referenced_sop_class_uid(),
        facts.sop_class.as_ref(),
        tags::MEDIA_STORAGE_SOP_CLASS_UID,
        file_id,
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, patch};

    #[test]
    fn fires_when_the_record_names_another_class() {
        let mut disk = Disk::sample();
        // The first record's (0004,1510): CT Image Storage becomes MR Image Storage.
        patch(
            disk.dicomdir(),
            b"1.2.840.10008.5.1.4.1.1.2\0",
            b"1.2.840.10008.5.1.4.1.1.4\0",
            0,
        );
        let found = disk.check();
        assert!(found.only(&["media/sop-class-mismatch"]), "{found:#?}");
        assert!(found.says("(0002,0002)"), "{found:#?}");
    }

    #[test]
    fn passes_when_they_agree() {
        assert!(!Disk::sample().check().has("media/sop-class-mismatch"));
    }
}
