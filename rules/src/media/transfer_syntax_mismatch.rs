//! `media/transfer-syntax-mismatch`: a record's Referenced Transfer Syntax UID in File disagrees with the referenced file's Transfer Syntax UID.

use lint_core::tag::tags;

use super::{FileId, FileSet, InstanceFacts, meta_mismatch};
use crate::registry::RuleMeta;
use crate::runner::Rule;
use lint_core::dicomdir::RecordSlot;

declare_rule! {
    /// ## What it checks
    /// A record's Referenced Transfer Syntax UID in File (0004,1512) differs from the Transfer Syntax UID (0002,0010) of the file its
    /// Referenced File ID (0004,1500) leads to (or the file has none).
    ///
    /// ## Why
    /// A reader decides from the record whether it can decode the instance (a viewer without JPEG 2000 skips such images); a wrong value makes it skip images it could show or open ones it cannot. A file recompressed after the DICOMDIR was written is the usual cause.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3 ("… in File": the value of the file's File Meta element);
    /// PS3.10 §7.1. dicom-rules.md §6.3 DIR-REF-META.
    ///
    /// ## Example
    /// Failing: (0004,1512) `1.2.840.10008.1.2.4.70` (JPEG lossless), the file's (0002,0010) `1.2.840.10008.1.2.1`.
    /// Passing: both `1.2.840.10008.1.2.1`.
    pub TRANSFER_SYNTAX_MISMATCH, "media/transfer-syntax-mismatch", Error, "Referenced Transfer Syntax UID in File (0004,1512) differs from the referenced file's (0002,0010)"
}

/// The registry entry of [`TRANSFER_SYNTAX_MISMATCH`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &TRANSFER_SYNTAX_MISMATCH;
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
        &TRANSFER_SYNTAX_MISMATCH,
        index,
        tags::REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE,
        record.referenced_transfer_syntax_uid(),
        facts.transfer_syntax.as_ref(),
        tags::TRANSFER_SYNTAX_UID,
        file_id,
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, patch};

    #[test]
    fn fires_when_the_record_names_another_syntax() {
        let mut disk = Disk::sample();
        // Occurrence 0 is the DICOMDIR's own (0002,0010); 1 is the first record's.
        patch(
            disk.dicomdir(),
            b"1.2.840.10008.1.2.1\0",
            b"1.2.840.10008.1.2.2\0",
            1,
        );
        let found = disk.check();
        assert!(
            found.only(&["media/transfer-syntax-mismatch"]),
            "{found:#?}"
        );
    }

    #[test]
    fn passes_when_they_agree() {
        assert!(!Disk::sample().check().has("media/transfer-syntax-mismatch"));
    }
}
