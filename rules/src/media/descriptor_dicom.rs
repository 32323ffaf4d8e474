//! `media/descriptor-dicom`: the File-set Descriptor File is a DICOM file.

use lint_core::tag::tags;

use super::{Facts, FileId, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// The file the File-set Descriptor File ID (0004,1141) names parses as DICOM (a
    /// PS3.10 file or a bare data set).
    ///
    /// ## Why
    /// The descriptor file is a text file in the character set (0004,1142) names, for
    /// people (PS3.12 A.1.2 recommends `README`), not a DICOM object: a reader that shows
    /// it shows binary, and a File-set Reader may take it for an unreferenced instance.
    /// Usually the wrong element was filled in (a File ID of an image, or of the DICOMDIR
    /// itself).
    ///
    /// ## Standard
    /// PS3.3 Table F.3-2 ((0004,1141), (0004,1142)); PS3.12 A.1.2.
    /// dicom-rules.md §6.3 DIR-DESC-FILE (DICOM-formatted: warning).
    ///
    /// ## Example
    /// Failing: (0004,1141) `DICOM\P0000001\ST000001\SE000001\IM000001`.
    /// Passing: (0004,1141) `README`, a text file.
    pub DESCRIPTOR_DICOM, "media/descriptor-dicom", Warning, "the File-set Descriptor File is a DICOM file, not text"
}

/// The registry entry of [`DESCRIPTOR_DICOM`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DESCRIPTOR_DICOM;
}

/// Judges what the descriptor file `file_id` is; `true` when it is DICOM.
pub(crate) fn check(set: &mut FileSet<'_, '_>, file_id: &FileId<'_>, facts: Facts<'_>) -> bool {
    let dicom = matches!(facts, Facts::Instance(_));
    if dicom {
        set.report(
            &DESCRIPTOR_DICOM,
            Some(file_id.span),
            Some(tags::FILE_SET_DESCRIPTOR_FILE_ID),
            None,
            format_args!(
                "File-set Descriptor File {file_id} is a DICOM file; it should be text for people (a README)"
            ),
        );
    }
    dicom
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{FIRST, with_descriptor};

    #[test]
    fn fires_on_an_image_as_readme() {
        let mut disk = with_descriptor();
        disk.put("README", disk.bytes_of(FIRST));
        let found = disk.check();
        assert!(found.only(&["media/descriptor-dicom"]), "{found:#?}");
    }

    #[test]
    fn passes_on_text() {
        let mut disk = with_descriptor();
        disk.put("README", b"text\n");
        assert!(!disk.check().has("media/descriptor-dicom"));
    }
}
