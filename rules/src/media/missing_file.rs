//! `media/missing-file`: a Referenced File ID (0004,1500) names no file of the file-set.

use lint_core::tag::tags;

use super::{FileId, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Each Referenced File ID (0004,1500) of a record reached from the root, resolved
    /// relative to the directory holding the DICOMDIR: no file answers to it under its
    /// exact name or any tolerated variant (another case, a trailing `.`, `;1`), or what
    /// answers is a directory or another non-regular file.
    ///
    /// ## Why
    /// A reader that lists the DICOMDIR shows the instance and then fails to open it: the
    /// image is lost to the person who was given the medium. The usual causes are a copy
    /// that dropped files or a DICOMDIR built for a different folder.
    ///
    /// ## Standard
    /// PS3.3 F.2.1 and Table F.3-3 ((0004,1500) references a file of the File-set);
    /// PS3.10 §8.6. dicom-rules.md §6.3 DIR-REF-EXISTS.
    ///
    /// ## Example
    /// Failing: a record with `DICOM\P0000001\ST000001\SE000001\IM000001` and no such file.
    /// Passing: the file exists at `DICOM/P0000001/ST000001/SE000001/IM000001`.
    pub MISSING_FILE, "media/missing-file", Error, "a referenced file does not exist in the file-set"
}

/// The registry entry of [`MISSING_FILE`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &MISSING_FILE;
}

/// Reports that `file_id` of `record` leads to nothing (or, `not_regular`, to something
/// that is not a regular file).
pub(crate) fn report(
    set: &mut FileSet<'_, '_>,
    record: u32,
    file_id: &FileId<'_>,
    not_regular: bool,
) {
    let what = if not_regular {
        "is not a regular file (a directory?)"
    } else {
        "does not exist in the file-set (resolved relative to the DICOMDIR's directory)"
    };
    set.report(
        &MISSING_FILE,
        Some(file_id.span),
        Some(tags::REFERENCED_FILE_ID),
        Some(record),
        format_args!("referenced file {file_id} {what}"),
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, FIRST};

    #[test]
    fn fires_when_the_file_is_gone() {
        let mut disk = Disk::sample();
        disk.take(FIRST);
        let found = disk.check();
        assert!(found.only(&["media/missing-file"]), "{found:#?}");
        assert!(found.says("IM000001 does not exist"), "{found:#?}");
    }

    #[test]
    fn fires_on_a_directory() {
        let mut disk = Disk::sample();
        disk.rename(FIRST, "DICOM/P0000001/ST000001/SE000001/IM000001/X");
        let found = disk.check();
        assert!(found.has("media/missing-file"), "{found:#?}");
        assert!(found.says("not a regular file"), "{found:#?}");
    }

    #[test]
    fn passes_when_present() {
        assert!(!Disk::sample().check().has("media/missing-file"));
    }
}
