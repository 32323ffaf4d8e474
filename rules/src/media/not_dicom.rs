//! `media/not-dicom`: a referenced file is not a PS3.10 file.

use lint_core::tag::tags;

use super::{FileId, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// The file a Referenced File ID (0004,1500) leads to is not a DICOM PS3.10 file: no
    /// 128-byte preamble and `DICM` prefix followed by a File Meta group (a bare data
    /// set), or not DICOM at all.
    ///
    /// ## Why
    /// Every file of a File-set referenced by a DICOMDIR record is a DICOM File with File
    /// Meta Information; readers open it by its prefix and take its transfer syntax from
    /// (0002,0010). A bare data set or a JPEG export under a File ID fails to open.
    ///
    /// ## Standard
    /// PS3.10 §7.1, §8.6; PS3.3 F.2.1. dicom-rules.md §6.3 DIR-REF-IS-DICOM.
    ///
    /// ## Example
    /// Failing: a record references `DICOM\README`, a text file.
    /// Passing: it references a file starting with 128 bytes, `DICM`, then group 0002.
    pub NOT_DICOM, "media/not-dicom", Error, "a referenced file is not a DICOM PS3.10 file"
}

/// The registry entry of [`NOT_DICOM`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &NOT_DICOM;
}

/// Reports that `file_id` leads to a non-PS3.10 file (`bare`: a data set without File
/// Meta Information).
pub(crate) fn report(set: &mut FileSet<'_, '_>, record: u32, file_id: &FileId<'_>, bare: bool) {
    let what = if bare {
        "a bare data set (no preamble, `DICM` and File Meta Information)"
    } else {
        "not DICOM"
    };
    set.report(
        &NOT_DICOM,
        Some(file_id.span),
        Some(tags::REFERENCED_FILE_ID),
        Some(record),
        format_args!("referenced file {file_id} is {what}"),
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, FIRST};

    #[test]
    fn fires_on_text() {
        let mut disk = Disk::sample();
        disk.put(FIRST, b"just some text\n");
        let found = disk.check();
        assert!(found.only(&["media/not-dicom"]), "{found:#?}");
    }

    #[test]
    fn fires_on_a_bare_data_set() {
        let mut disk = Disk::sample();
        let bytes = disk.bytes_of(FIRST);
        // Skip preamble, prefix and the File Meta group: its length is at 140..144.
        let meta = u32::from_le_bytes([bytes[140], bytes[141], bytes[142], bytes[143]]);
        disk.put(FIRST, &bytes[144 + meta as usize..]);
        let found = disk.check();
        assert!(found.only(&["media/not-dicom"]), "{found:#?}");
        assert!(found.says("bare data set"), "{found:#?}");
    }

    #[test]
    fn passes_on_part10_files() {
        assert!(!Disk::sample().check().has("media/not-dicom"));
    }
}
