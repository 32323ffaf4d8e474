//! `media/name-variant`: a referenced file exists only under another case, with a
//! trailing `.` or with a `;1` version suffix.

use lint_core::Tag;

use super::{FileId, FileSet, NameVariant};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A Referenced File ID (0004,1500) that does not name its file exactly: the file was
    /// found only by ignoring case (`dicom/p0000001/im000001`), by adding a trailing `.`
    /// or an ISO 9660 version suffix `;1` to a component.
    ///
    /// ## Why
    /// File IDs are upper case without extension (PS3.10 §8.5) and an ISO 9660 Level 1
    /// name `IM000001.;1` shows as `IM000001` through a conforming driver. Joliet and
    /// Rock Ridge images, copy tools and case-folding file systems change names; readers
    /// on case-insensitive systems still open the file, readers on case-sensitive ones
    /// (Linux, most PACS import tools) do not. DCMTK tries the same variants, so this is
    /// a warning, not an error.
    ///
    /// ## Standard
    /// PS3.12 F.1.2.1 (ISO 9660 names, version 1); PS3.10 §8.2, §8.5.
    /// dicom-rules.md §6.6 MEDIA-RESOLVE, MEDIA-LOWERCASE-ONDISK.
    ///
    /// ## Example
    /// Failing: File ID `DICOM\IM000001`, file on disk `dicom/im000001`.
    /// Passing: file on disk `DICOM/IM000001`.
    pub NAME_VARIANT, "media/name-variant", Warning, "a referenced file exists only under another case or with a `.`/`;1` suffix"
}

/// The registry entry of [`NAME_VARIANT`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &NAME_VARIANT;
}

/// Reports how `file_id` (element `tag` of `record`, or of the top level) was found.
pub(crate) fn report(
    set: &mut FileSet<'_, '_>,
    record: Option<u32>,
    tag: Tag,
    file_id: &FileId<'_>,
    variant: NameVariant,
) {
    set.report(
        &NAME_VARIANT,
        Some(file_id.span),
        Some(tag),
        record,
        format_args!(
            "referenced file {file_id} exists only {variant}: readers on case-sensitive systems will not find it"
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, FIRST};

    #[test]
    fn fires_on_lower_case() {
        let mut disk = Disk::sample();
        disk.rename(FIRST, "DICOM/P0000001/ST000001/SE000001/im000001");
        let found = disk.check();
        assert!(found.only(&["media/name-variant"]), "{found:#?}");
        assert!(found.says("in another case"), "{found:#?}");
    }

    #[test]
    fn fires_on_a_version_suffix() {
        let mut disk = Disk::sample();
        disk.rename(FIRST, "DICOM/P0000001/ST000001/SE000001/IM000001.;1");
        let found = disk.check();
        assert!(found.only(&["media/name-variant"]), "{found:#?}");
        assert!(found.says("trailing `.` and with a `;1`"), "{found:#?}");
    }

    #[test]
    fn passes_on_exact_names() {
        assert!(!Disk::sample().check().has("media/name-variant"));
    }
}
