//! `media/sop-instance-mismatch`: a record's Referenced SOP Instance UID in File disagrees with the referenced file's Media Storage SOP Instance UID.

use lint_core::tag::tags;

use super::{FileId, FileSet, InstanceFacts, meta_mismatch};
use crate::registry::RuleMeta;
use crate::runner::Rule;
use lint_core::dicomdir::RecordSlot;

declare_rule! {
    /// ## What it checks
    /// A record's Referenced SOP Instance UID in File (0004,1511) differs from the Media Storage SOP Instance UID (0002,0003) of the file its
    /// Referenced File ID (0004,1500) leads to (or the file has none).
    ///
    /// ## Why
    /// The record's UID is how a reader matches the directory entry with the instance (and with references from other instances, such as presentation states or key objects); a different UID means the DICOMDIR describes another instance than the one stored, typically after a file was replaced or re-anonymised without rebuilding the DICOMDIR.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3 ("… in File": the value of the file's File Meta element);
    /// PS3.10 §7.1. dicom-rules.md §6.3 DIR-REF-META.
    ///
    /// ## Example
    /// Failing: (0004,1511) `1.2.3.4.1`, the file's (0002,0003) `1.2.3.4.2`.
    /// Passing: both `1.2.3.4.1`.
    pub SOP_INSTANCE_MISMATCH, "media/sop-instance-mismatch", Error, "Referenced SOP Instance UID in File (0004,1511) differs from the referenced file's (0002,0003)"
}

/// The registry entry of [`SOP_INSTANCE_MISMATCH`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &SOP_INSTANCE_MISMATCH;
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
        &SOP_INSTANCE_MISMATCH,
        index,
        tags::REFERENCED_SOP_INSTANCE_UID_IN_FILE,
        record.referenced_sop_instance_uid(),
        facts.sop_instance.as_ref(),
        tags::MEDIA_STORAGE_SOP_INSTANCE_UID,
        file_id,
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, first_facts, patch};

    #[test]
    fn fires_when_the_uids_differ() {
        let mut disk = Disk::sample();
        let facts = first_facts();
        let uid = crate::media::trim(facts.sop_instance.as_ref().unwrap().as_bytes());
        let mut other = [0u8; 64];
        other[..uid.len()].copy_from_slice(uid);
        other[uid.len() - 1] = b'9';
        patch(disk.dicomdir(), uid, &other[..uid.len()], 0);
        let found = disk.check();
        assert!(found.only(&["media/sop-instance-mismatch"]), "{found:#?}");
    }

    #[test]
    fn passes_when_they_agree() {
        assert!(!Disk::sample().check().has("media/sop-instance-mismatch"));
    }
}
