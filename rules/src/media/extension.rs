//! `media/extension`: a DICOM file of the file-set has a file name extension.

use super::{Entry, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A PS3.10 file of the file-set whose name has an extension (`IM000001.DCM`); the
    /// ISO 9660 forms `IM000001.` and `IM000001.;1` of a name without extension are not
    /// extensions.
    ///
    /// ## Why
    /// File IDs have no extension, so a file named with one cannot be referenced by a
    /// DICOMDIR record: on media, file name extensions are not used in DICOM File ID
    /// components. Media written by tools that add `.dcm` are either unreadable through
    /// the DICOMDIR or hold a DICOMDIR with invalid File IDs.
    ///
    /// ## Standard
    /// PS3.12 F.1.2.1, A.1.3, J.1.3.1; PS3.10 §8.2 (an alternate name with extension is
    /// allowed only beside the File ID). dicom-rules.md §6.6 MEDIA-EXTENSION.
    ///
    /// ## Example
    /// Failing: `DICOM/IM000001.DCM`.
    /// Passing: `DICOM/IM000001`.
    pub EXTENSION, "media/extension", Error, "a DICOM file of the file-set has a file name extension"
}

/// The registry entry of [`EXTENSION`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &EXTENSION;
}

/// Judges the name of DICOM file `entry`.
pub(crate) fn check(set: &mut FileSet<'_, '_>, entry: &Entry<'_>) {
    let bare = entry.name().trim_end_matches(";1").trim_end_matches('.');
    if bare.contains('.') {
        set.report(
            &EXTENSION,
            None,
            None,
            None,
            format_args!(
                "DICOM file `{}` has a file name extension; File IDs have none",
                entry.path
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, FIRST};

    #[test]
    fn fires_on_dot_dcm() {
        let mut disk = Disk::sample();
        disk.put("DICOM/EXTRA.DCM", disk.bytes_of(FIRST));
        let found = disk.check();
        assert!(found.has("media/extension"), "{found:#?}");
    }

    #[test]
    fn passes_on_iso9660_forms() {
        let mut disk = Disk::sample();
        disk.rename(FIRST, "DICOM/P0000001/ST000001/SE000001/IM000001.;1");
        assert!(!disk.check().has("media/extension"));
    }
}
