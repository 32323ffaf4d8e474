//! `media/nested-file-set`: another DICOMDIR lies below the file-set's root.

use super::{Entry, EntryKind, FileSet, is_dicomdir};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A file named `DICOMDIR` (also `DICOMDIR.`, `DICOMDIR;1`, in any case) in a
    /// directory below the root of the file-set, that is below the DICOMDIR being
    /// checked: the directory of another file-set inside this one. Each such DICOMDIR is
    /// reported once, by its path.
    ///
    /// The files in that DICOMDIR's directory and below belong to the other file-set:
    /// this file-set's `media/unreferenced-file`, `media/extension`, `media/file-name`
    /// and `media/pdi-non-dicom` leave them to it (dcmlint checks that file-set by its
    /// own DICOMDIR when it walks the directory); `media/depth` still counts them, as the
    /// 8 levels of ISO 9660 count from the root of the medium. The directories of 8
    /// nested file-sets (512 bytes of paths) are remembered; a finding says when one more
    /// could not be, and the files under it are then judged as this file-set's.
    ///
    /// ## Why
    /// A File-set has one DICOMDIR, in its root. A CD-R holds one File-set, its DICOMDIR
    /// in the root of the volume; a PC file system (PS3.12 A.1.2) may hold several only
    /// where the medium is meant to support several File-sets. Readers open the DICOMDIR
    /// of the root and never see the files of the nested one, or import both and find
    /// the same instances twice. The usual cause is an earlier export copied whole into a
    /// new one. A warning, since media meant to hold several file-sets exist.
    ///
    /// ## Standard
    /// PS3.10 §8.1, §8.6; PS3.12 F.1.2.2 (one File-set per CD-R), A.1.2.
    /// dicom-rules.md §6.6 MEDIA-MULTI-DICOMDIR.
    ///
    /// ## Example
    /// Failing: `DICOMDIR`, `DICOM/…` and `OLD/DICOMDIR`, `OLD/DICOM/…` on one medium.
    /// Passing: one `DICOMDIR`, in the root.
    pub NESTED_FILE_SET, "media/nested-file-set", Warning, "another file-set's DICOMDIR lies below the file-set's root"
}

/// The registry entry of [`NESTED_FILE_SET`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &NESTED_FILE_SET;
}

/// How many nested file-sets' directories are remembered.
const DIRECTORIES: usize = 8;
/// Room for their paths, together.
const PATHS: usize = 512;

/// The directories of the nested file-sets found by the first listing of the medium, so
/// the second can leave their files to them: paths side by side in a fixed buffer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Nested {
    paths: [u8; PATHS],
    /// Where each directory's path ends in `paths` (the next starts there).
    ends: [usize; DIRECTORIES],
    count: usize,
}

impl Default for Nested {
    fn default() -> Self {
        Nested {
            paths: [0; PATHS],
            ends: [0; DIRECTORIES],
            count: 0,
        }
    }
}

impl Nested {
    /// Notes one entry of the first listing: a DICOMDIR below the root is reported and
    /// its directory remembered.
    pub(crate) fn note(&mut self, set: &mut FileSet<'_, '_>, entry: &Entry<'_>) {
        if !matches!(entry.kind, EntryKind::File(_)) || !is_dicomdir(entry) {
            return;
        }
        let Some((directory, _)) = entry.path.rsplit_once('/') else {
            // The file-set's own DICOMDIR, in the root.
            return;
        };
        let path = entry.path;
        if self.remember(directory) {
            set.report(
                &NESTED_FILE_SET,
                None,
                None,
                None,
                format_args!(
                    "`{path}` is the DICOMDIR of another file-set inside this one (a file-set's DICOMDIR lies in its root); the files under `{directory}` are left to that file-set"
                ),
            );
        } else {
            set.report(
                &NESTED_FILE_SET,
                None,
                None,
                None,
                format_args!(
                    "`{path}` is the DICOMDIR of another file-set inside this one (a file-set's DICOMDIR lies in its root); more nested file-sets than can be remembered ({DIRECTORIES}, {PATHS} bytes of paths): the files under `{directory}` are judged as this file-set's own"
                ),
            );
        }
    }

    /// Remembers `directory`; `false` when there is no room.
    fn remember(&mut self, directory: &str) -> bool {
        let start = self.start(self.count);
        let (Some(end), Some(slot)) = (
            start.checked_add(directory.len()),
            self.ends.get_mut(self.count),
        ) else {
            return false;
        };
        let Some(room) = self.paths.get_mut(start..end) else {
            return false;
        };
        room.copy_from_slice(directory.as_bytes());
        *slot = end;
        self.count += 1;
        true
    }

    /// Where directory `i`'s path starts in `paths`.
    fn start(&self, i: usize) -> usize {
        i.checked_sub(1)
            .and_then(|before| self.ends.get(before))
            .copied()
            .unwrap_or(0)
    }

    /// Whether `path` is a remembered directory or lies under one.
    pub(crate) fn holds(&self, path: &str) -> bool {
        let path = path.as_bytes();
        (0..self.count).any(|i| {
            let end = self.ends.get(i).copied().unwrap_or(0);
            let directory = self.paths.get(self.start(i)..end).unwrap_or(&[]);
            path.strip_prefix(directory)
                .is_some_and(|rest| rest.is_empty() || rest.first() == Some(&b'/'))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{DIRECTORIES, Nested};
    use crate::media::testing::{Disk, FIRST, SAMPLE_DICOMDIR};

    #[test]
    fn fires_once_per_nested_dicomdir() {
        let mut disk = Disk::sample();
        disk.put("OLD/DICOMDIR", SAMPLE_DICOMDIR);
        disk.put(
            "OLD/DICOM/P0000001/ST000001/SE000001/IM000001",
            disk.bytes_of(FIRST),
        );
        disk.put("OLD/B/DICOMDIR;1", SAMPLE_DICOMDIR);
        let found = disk.check();
        assert!(found.only(&["media/nested-file-set"]), "{found:#?}");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found.says("`OLD/DICOMDIR`"), "{found:#?}");
        assert!(found.says("`OLD/B/DICOMDIR;1`"), "{found:#?}");
    }

    #[test]
    fn the_files_of_the_nested_set_are_left_to_it() {
        // An unreferenced image, a long lower-case name and an extension under the nested
        // DICOMDIR's directory: none is this file-set's business.
        let mut disk = Disk::sample();
        disk.put("OLD/DICOMDIR", SAMPLE_DICOMDIR);
        disk.put("OLD/DICOM/IM000001", disk.bytes_of(FIRST));
        disk.put("OLD/DICOM/IM000002.DCM", disk.bytes_of(FIRST));
        disk.put("OLD/read me.html", b"<p>old</p>\n");
        let found = disk.check();
        assert!(found.only(&["media/nested-file-set"]), "{found:#?}");
        // A sibling directory whose name starts the same is this file-set's own.
        disk.put("OLDER/IM000001", disk.bytes_of(FIRST));
        let found = disk.check();
        assert!(found.has("media/unreferenced-file"), "{found:#?}");
        assert!(found.says("OLDER/IM000001"), "{found:#?}");
    }

    #[test]
    fn the_depth_of_nested_files_still_counts() {
        let mut disk = Disk::sample();
        disk.put("OLD/DICOMDIR", SAMPLE_DICOMDIR);
        disk.put("OLD/B/C/D/E/F/G/H/README", b"deep\n");
        let found = disk.check();
        assert!(
            found.only(&["media/nested-file-set", "media/depth"]),
            "{found:#?}"
        );
    }

    #[test]
    fn passes_with_one_dicomdir_in_the_root() {
        let found = Disk::sample().check();
        assert!(!found.has("media/nested-file-set"), "{found:#?}");
    }

    #[test]
    fn remembers_directories_until_full() {
        let mut nested = Nested::default();
        let names = ["A", "B", "C", "D", "E", "F", "G", "H"];
        assert_eq!(names.len(), DIRECTORIES);
        for name in names {
            assert!(nested.remember(name));
        }
        assert!(!nested.remember("I"));
        assert!(nested.holds("A"));
        assert!(nested.holds("H/X/Y"));
        assert!(!nested.holds("I/X"));
        assert!(!nested.holds("AB/X"));
        // A path longer than the room left is not remembered either.
        let mut nested = Nested::default();
        assert!(nested.remember("L"));
        let mut buf = [b'X'; 600];
        buf[0] = b'Y';
        let too_long = core::str::from_utf8(&buf).unwrap();
        assert!(!nested.remember(too_long));
        assert!(nested.holds("L/IM1"));
        assert!(!nested.holds("Y"));
    }
}
