//! `media/referenced-twice`: two records lead to the same file.

use lint_core::tag::tags;

use super::{FileId, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Two records whose Referenced File IDs (0004,1500) resolve to the same file of the
    /// medium: the same File ID twice, or two spellings that the medium resolves to one
    /// file (`IM1` and `im1`, a symbolic link). The second record is reported; its
    /// file is not judged again.
    ///
    /// ## Why
    /// Each file of a File-set is referenced by at most one Directory Record. A second
    /// reference lists the instance twice (often under two series, after a merge) and a
    /// File-set Updater that deletes one record deletes the file the other still names.
    ///
    /// ## Standard
    /// PS3.3 F.2.1, Table F.3-3. dicom-rules.md §6.3 DIR-REF-ONCE.
    ///
    /// ## Example
    /// Failing: two IMAGE records both with `DICOM\IM000001`.
    /// Passing: `DICOM\IM000001` and `DICOM\IM000002`.
    pub REFERENCED_TWICE, "media/referenced-twice", Error, "two records reference the same file"
}

/// The registry entry of [`REFERENCED_TWICE`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &REFERENCED_TWICE;
}

/// Reports record `record`, whose `file_id` leads to the file record `first` already
/// references.
pub(crate) fn report(set: &mut FileSet<'_, '_>, record: u32, file_id: &FileId<'_>, first: u32) {
    let offset = set.index.get(first).map_or(0, |r| r.offset());
    set.report(
        &REFERENCED_TWICE,
        Some(file_id.span),
        Some(tags::REFERENCED_FILE_ID),
        Some(record),
        format_args!(
            "referenced file {file_id} is already referenced by record {first} (item at offset {offset}); a file is referenced by one record"
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, patch};

    #[test]
    fn fires_on_the_second_reference() {
        let mut disk = Disk::sample();
        disk.take("DICOM/P0000001/ST000001/SE000001/IM000002");
        patch(disk.dicomdir(), b"IM000002", b"IM000001", 0);
        let found = disk.check();
        assert!(found.only(&["media/referenced-twice"]), "{found:#?}");
    }

    #[test]
    fn passes_when_each_file_is_referenced_once() {
        assert!(!Disk::sample().check().has("media/referenced-twice"));
    }
}
