//! `media/unsafe-file-id`: a Referenced File ID that could lead outside the file-set.

use lint_core::Tag;

use super::{FileId, FileSet, Hazard};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A Referenced File ID (0004,1500) that is empty or absolute (starts with `\` or
    /// `/`), has a `.` or `..` component, a component with `:` (a drive letter), `/` or
    /// a control character; or one the medium found to lead outside the directory that
    /// holds the DICOMDIR through a symbolic link. dcmlint never opens such a file.
    ///
    /// ## Why
    /// A File ID is 1–8 components of `A–Z 0–9 _`, always relative to the file-set's
    /// root. A reader that joins a hostile File ID to its mount point reads (or a
    /// File-set Updater overwrites) files elsewhere on the machine: media arrive from
    /// outside, so this is a security finding, not a style one. The character rules of
    /// `dicomdir/*` report the syntax; this rule says the reference was not followed.
    ///
    /// ## Standard
    /// PS3.10 §8.2, §8.5 (File ID components); PS3.12 A.1.2, F.1.2 (File IDs are
    /// relative to the File-set's root).
    ///
    /// ## Example
    /// Failing: `DICOM\..\..\ETC\PASSWD`; `C:\WINDOWS\X`; `IMG` where `IMG` is a symbolic
    /// link to `/etc/passwd`.
    /// Passing: `DICOM\P0000001\IM000001`.
    pub UNSAFE_FILE_ID, "media/unsafe-file-id", Error, "a Referenced File ID leads outside the file-set; it was not opened"
}

/// The registry entry of [`UNSAFE_FILE_ID`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &UNSAFE_FILE_ID;
}

/// Reports a File ID (of record `record`, or of the DICOMDIR's top level: element
/// `tag`) that is unsafe in itself.
pub(crate) fn report(
    set: &mut FileSet<'_, '_>,
    record: Option<u32>,
    tag: Tag,
    file_id: &FileId<'_>,
    hazard: Hazard,
) {
    set.report(
        &UNSAFE_FILE_ID,
        Some(file_id.span),
        Some(tag),
        record,
        format_args!(
            "Referenced File ID `{file_id}` is not opened: {}",
            hazard.describe()
        ),
    );
}

/// Reports a File ID the medium refused because it leaves the root.
pub(crate) fn report_outside(
    set: &mut FileSet<'_, '_>,
    record: Option<u32>,
    tag: Tag,
    file_id: &FileId<'_>,
) {
    set.report(
        &UNSAFE_FILE_ID,
        Some(file_id.span),
        Some(tag),
        record,
        format_args!(
            "Referenced File ID `{file_id}` is not opened: it leads outside the file-set's root (through a symbolic link)"
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, patch};

    #[test]
    fn fires_on_a_parent_component() {
        let mut disk = Disk::sample();
        // Same length as `DICOM\P0000001`, so the DICOMDIR's lengths stay right.
        patch(
            disk.dicomdir(),
            b"DICOM\\P0000001",
            b"..\\..\\..\\ETC\\X",
            0,
        );
        let found = disk.check();
        assert!(found.has("media/unsafe-file-id"), "{found:#?}");
        assert!(!found.has("media/missing-file"), "{found:#?}");
        assert!(found.says("`..`"), "{found:#?}");
    }

    #[test]
    fn passes_on_relative_file_ids() {
        assert!(!Disk::sample().check().has("media/unsafe-file-id"));
    }
}
