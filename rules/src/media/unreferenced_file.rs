//! `media/unreferenced-file`: a DICOM file of the file-set that no record references.

use super::{Entry, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Every PS3.10 file under the directory that holds the DICOMDIR is referenced by a
    /// record reached from the root. DICOMDIRs are excepted (this one, another
    /// file-set's below it, or a file of any name whose (0002,0002) is Media Storage
    /// Directory Storage, such as a copy kept beside the DICOMDIR), and so are the files in the directory of another file-set's
    /// DICOMDIR and below, which belong to that file-set (`media/nested-file-set`).
    /// Non-DICOM files (a README, a viewer, web pages) may stay unreferenced. Judged only
    /// when the DICOMDIR has a Directory Record Sequence and every record was indexed and
    /// walked (a truncated DICOMDIR or one deeper than the walk's bound says nothing
    /// here).
    ///
    /// ## Why
    /// With a Directory Information Module, every DICOM file of the File-set shall be
    /// referenced; readers import what the DICOMDIR lists, so an unreferenced image never
    /// reaches the receiving system, silently. Typical causes: files added after the
    /// DICOMDIR was written, or a record lost in an edit (an orphan record, reported by
    /// `dicomdir/orphan`, references nothing a reader can find either).
    ///
    /// ## Standard
    /// PS3.3 F.2.1; PS3.11 D.3.3 (all DICOM files referenced). dicom-rules.md §6.3
    /// DIR-UNREFERENCED.
    ///
    /// ## Example
    /// Failing: `DICOM/P0000001/IM000099` is a DICOM file and no record names it.
    /// Passing: an IMAGE record references it; or `README` is a text file.
    pub UNREFERENCED_FILE, "media/unreferenced-file", Error, "a DICOM file of the file-set is not referenced by the DICOMDIR"
}

/// The registry entry of [`UNREFERENCED_FILE`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &UNREFERENCED_FILE;
}

/// Reports the unreferenced DICOM file `entry`.
pub(crate) fn report(set: &mut FileSet<'_, '_>, entry: &Entry<'_>) {
    set.report(
        &UNREFERENCED_FILE,
        None,
        None,
        None,
        format_args!(
            "DICOM file `{}` of the file-set is not referenced by any directory record reached from the root",
            entry.path
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, FIRST};

    #[test]
    fn fires_on_an_extra_dicom_file() {
        let mut disk = Disk::sample();
        disk.put("DICOM/P0000001/IM000099", disk.bytes_of(FIRST));
        let found = disk.check();
        assert!(found.only(&["media/unreferenced-file"]), "{found:#?}");
        assert!(found.says("DICOM/P0000001/IM000099"), "{found:#?}");
    }

    #[test]
    fn says_nothing_when_the_records_were_not_all_indexed() {
        let mut disk = Disk::sample();
        disk.put("DICOM/P0000001/IM000099", disk.bytes_of(FIRST));
        // Room for 3 of the sample's 21 records: the walk cannot vouch for the others.
        let found = disk.check_with_slots(3);
        assert!(!found.has("media/unreferenced-file"), "{found:#?}");
    }

    #[test]
    fn a_dicomdir_below_the_root_is_no_unreferenced_instance() {
        let mut disk = Disk::sample();
        disk.put("OTHER/DICOMDIR", crate::media::testing::SAMPLE_DICOMDIR);
        let found = disk.check();
        assert!(!found.has("media/unreferenced-file"), "{found:#?}");
    }

    #[test]
    fn a_dicomdir_under_another_name_is_no_unreferenced_instance() {
        let mut disk = Disk::sample();
        disk.put("DICOMDIR-OLD", crate::media::testing::SAMPLE_DICOMDIR);
        disk.put("OLDDIR.DCM", crate::media::testing::SAMPLE_DICOMDIR);
        let found = disk.check();
        assert!(!found.has("media/unreferenced-file"), "{found:#?}");
        assert!(!found.has("media/extension"), "{found:#?}");
        // An instance beside them still is.
        disk.put("DICOM/P0000001/IM000099", disk.bytes_of(FIRST));
        assert!(disk.check().only(&["media/unreferenced-file"]));
    }

    #[test]
    fn passes_on_a_readme() {
        let mut disk = Disk::sample();
        disk.put("README", b"This disc holds images.\n");
        assert!(disk.check().is_empty());
    }
}
