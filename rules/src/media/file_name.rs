//! `media/file-name`: a non-DICOM file of the file-set has a name that is not an
//! ISO 9660 Level 1 (8.3) name.

use super::{Entry, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// The name of every non-DICOM file of the file-set (README, viewer, web pages): at
    /// most 8 characters, optionally `.` and at most 3 more, all from `A–Z 0–9 _` (an
    /// ISO 9660 version suffix `;1` is allowed). Names of DICOM files are judged by the
    /// File ID rules.
    ///
    /// ## Why
    /// DICOM media profiles keep the whole medium compatible with ISO 9660 Level 1, and
    /// IHE PDI restricts all other files to 8.3 names: a long or lower-case name is
    /// mangled by Level 1 mastering and breaks the links of an `INDEX.HTM`. Media for
    /// USB or DVD that never meet ISO 9660 may ignore this warning.
    ///
    /// ## Standard
    /// PS3.12 F.1.2.1, J.1.3; IHE RAD TF-3 §4.47 (PDI) as summarised in dicom-rules.md
    /// §6.7 MEDIA-PDI-83.
    ///
    /// ## Example
    /// Failing: `ReadMe.txt`, `VIEWER/launcher.exe`, `INFORMATION.TXT`.
    /// Passing: `README.TXT`, `IHE_PDI/INDEX.HTM`.
    pub FILE_NAME, "media/file-name", Warning, "a non-DICOM file's name is not an ISO 9660 8.3 name"
}

/// The registry entry of [`FILE_NAME`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &FILE_NAME;
}

/// Whether `name` is an ISO 9660 Level 1 file name: 1–8 d-characters, optionally `.`
/// and 0–3 more, optionally `;1`.
pub fn is_level1(name: &str) -> bool {
    let name = name.strip_suffix(";1").unwrap_or(name);
    let d = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    };
    match name.split_once('.') {
        Some((stem, ext)) => (1..=8).contains(&stem.len()) && ext.len() <= 3 && d(stem) && d(ext),
        None => (1..=8).contains(&name.len()) && d(name),
    }
}

/// Judges the name of non-DICOM file `entry`.
pub(crate) fn check(set: &mut FileSet<'_, '_>, entry: &Entry<'_>) {
    if !is_level1(entry.name()) {
        set.report(
            &FILE_NAME,
            None,
            None,
            None,
            format_args!(
                "`{}` is not an 8.3 name of `A-Z 0-9 _` (ISO 9660 Level 1)",
                entry.path
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_level1;
    use crate::media::testing::Disk;

    #[test]
    fn names() {
        assert!(is_level1("README"));
        assert!(is_level1("README.TXT"));
        assert!(is_level1("INDEX.HTM;1"));
        assert!(!is_level1("ReadMe.txt"));
        assert!(!is_level1("INFORMATION.TXT"));
        assert!(!is_level1("A.HTML"));
        assert!(!is_level1(""));
    }

    #[test]
    fn fires_on_a_long_lower_case_name() {
        let mut disk = Disk::sample();
        disk.put("ReadMe.html", b"<p>images</p>\n");
        let found = disk.check();
        assert!(found.only(&["media/file-name"]), "{found:#?}");
    }

    #[test]
    fn passes_on_readme_txt() {
        let mut disk = Disk::sample();
        disk.put("README.TXT", b"images\n");
        assert!(disk.check().is_empty());
    }
}
