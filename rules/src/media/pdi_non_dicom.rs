//! `media/pdi-non-dicom`: on an IHE PDI medium, a directory that holds referenced DICOM
//! files also holds non-DICOM files.

use core::fmt;

use super::depth::MAX_LEVELS;
use super::{Entry, FileSet, pdi_layout};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Only on a medium that shows it follows IHE Portable Data for Imaging (an
    /// `IHE_PDI` directory or an `INDEX.HTM` in the root, as for `media/pdi-layout`):
    /// each directory that holds a DICOM file a record of the DICOMDIR references
    /// (its own files, not those of its subdirectories) holds no file that is not DICOM.
    /// Reported once per directory, with how many non-DICOM files it holds and the first
    /// one's name.
    ///
    /// Not counted as non-DICOM files: the DICOMDIR, the File-set Descriptor File, a
    /// referenced file that is not DICOM (`media/not-dicom`), DICOM files nobody
    /// references (`media/unreferenced-file`), files of a nested file-set
    /// (`media/nested-file-set`), and `README.TXT` and `INDEX.HTM` in the root, where the
    /// profile puts them. Directories more than 8 levels deep are `media/depth`'s.
    ///
    /// ## Why
    /// PDI keeps the DICOM content apart: non-DICOM content is not placed in the DICOM
    /// directories (web pages go to `IHE_PDI`, viewers and other content elsewhere), so a
    /// receiving site can import the DICOM part of the tree as it is. JPEG exports,
    /// thumbnails or `Thumbs.db` files beside the images are copied into archives as
    /// junk, or break importers that take every file of a DICOM directory as an instance.
    /// A warning: it concerns the profile, not DICOM itself.
    ///
    /// ## Standard
    /// IHE Radiology Technical Framework Vol. 3 §4.47 (Distribute Imaging Information on
    /// Media), as summarised in dicom-rules.md §6.7 (MEDIA-PDI-NONDICOM; the summary
    /// comes from IHE presentation material, the TF text itself was not consulted).
    ///
    /// ## Example
    /// Failing: `INDEX.HTM` in the root, and `DICOM/P0000001/IM000001.JPG` beside
    /// `DICOM/P0000001/IM000001`, which a record references.
    /// Passing: the JPEG in `IHE_PDI/IM000001.JPG`; or a medium without PDI content.
    pub PDI_NON_DICOM, "media/pdi-non-dicom", Warning, "on an IHE PDI medium, a directory of referenced DICOM files holds non-DICOM files"
}

/// The registry entry of [`PDI_NON_DICOM`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &PDI_NON_DICOM;
}

/// What an entry of the listing is, as far as this rule cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Listed {
    /// A directory.
    Directory,
    /// A DICOM file a record references.
    Referenced,
    /// A file that is not DICOM, which no record references.
    NonDicom,
    /// Any other file (the DICOMDIR, the descriptor file, an unreferenced DICOM file…).
    Other,
}

/// The longest path of a first non-DICOM file kept for the message; a longer one is cut.
const PATH_MAX: usize = 128;

/// One directory open in the listing.
#[derive(Clone, Copy, Debug)]
struct Frame {
    /// Whether it holds a DICOM file a record references.
    referenced: bool,
    /// How many non-DICOM files it holds.
    non_dicom: u32,
    /// The path of the first of them (its first `first_len` bytes).
    first: [u8; PATH_MAX],
    first_len: usize,
    /// Whether that path was cut.
    cut: bool,
    /// How many bytes of that path are the directory's (0: the root).
    directory_len: usize,
}

impl Frame {
    const EMPTY: Frame = Frame {
        referenced: false,
        non_dicom: 0,
        first: [0; PATH_MAX],
        first_len: 0,
        cut: false,
        directory_len: 0,
    };

    /// Counts non-DICOM file `path`, keeping the path of the first.
    fn count(&mut self, path: &str) {
        self.non_dicom = self.non_dicom.saturating_add(1);
        if self.non_dicom > 1 {
            return;
        }
        let mut len = path.len().min(PATH_MAX);
        while !path.is_char_boundary(len) {
            len -= 1;
        }
        let (Some(to), Some(from)) = (self.first.get_mut(..len), path.as_bytes().get(..len)) else {
            return;
        };
        to.copy_from_slice(from);
        self.first_len = len;
        self.cut = len < path.len();
        self.directory_len = path.rfind('/').unwrap_or(0);
    }

    /// The first non-DICOM file's path as kept.
    fn kept(&self) -> &str {
        let bytes = self.first.get(..self.first_len).unwrap_or(&[]);
        core::str::from_utf8(bytes).unwrap_or("")
    }
}

/// The directory of a frame, for messages.
struct Directory<'f>(&'f Frame);

impl fmt::Display for Directory<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let frame = self.0;
        let kept = frame.kept();
        match kept.get(..frame.directory_len) {
            Some("") => f.write_str("the root"),
            Some(directory) => write!(f, "`{directory}`"),
            // Cut inside the directory's path.
            None => write!(f, "`{kept}…`"),
        }
    }
}

/// The first non-DICOM file's name, for messages.
struct FirstName<'f>(&'f Frame);

impl fmt::Display for FirstName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let frame = self.0;
        let kept = frame.kept();
        let from = if frame.directory_len == 0 {
            0
        } else {
            frame.directory_len + 1
        };
        let name = kept.get(from..).unwrap_or("");
        let more = if frame.cut { "…" } else { "" };
        write!(f, "`{name}{more}`")
    }
}

/// The directories open in a depth-first listing (see [`super::Medium::list`]), from
/// the root (level 0) to the directory of the last entry; no heap: a frame per level up
/// to the media depth limit.
#[derive(Debug)]
pub(crate) struct Directories {
    frames: [Frame; MAX_LEVELS],
    /// Frames `0..open` are open.
    open: usize,
}

impl Directories {
    /// Before the first entry: the root is open.
    pub(crate) fn new() -> Self {
        Directories {
            frames: [Frame::EMPTY; MAX_LEVELS],
            open: 1,
        }
    }

    /// Notes the next entry of the listing. Every directory listed before it at its
    /// level or deeper is done (the listing is depth first) and judged.
    pub(crate) fn note(&mut self, set: &mut FileSet<'_, '_>, entry: &Entry<'_>, listed: Listed) {
        let level = entry.depth();
        self.close_to(set, level);
        if listed == Listed::Directory {
            if let Some(frame) = self.frames.get_mut(level) {
                *frame = Frame::EMPTY;
                self.open = level + 1;
            }
            return;
        }
        let name = entry.name().trim_end_matches(";1");
        if level == 1 && pdi_layout::is_root_file(name) {
            return;
        }
        // The file's directory is open unless it lies deeper than the media allow.
        let Some(parent) = level.checked_sub(1).filter(|&parent| parent < self.open) else {
            return;
        };
        let Some(frame) = self.frames.get_mut(parent) else {
            return;
        };
        match listed {
            Listed::Referenced => frame.referenced = true,
            Listed::NonDicom => frame.count(entry.path),
            Listed::Directory | Listed::Other => {}
        }
    }

    /// Judges the directories still open, once the listing is done.
    pub(crate) fn finish(&mut self, set: &mut FileSet<'_, '_>) {
        self.close_to(set, 0);
    }

    /// Closes and judges the frames at `level` and deeper.
    fn close_to(&mut self, set: &mut FileSet<'_, '_>, level: usize) {
        while self.open > level {
            self.open -= 1;
            if let Some(frame) = self.frames.get(self.open) {
                judge(set, frame);
            }
        }
    }
}

/// Reports the directory of `frame` if it mixes referenced DICOM and non-DICOM files.
fn judge(set: &mut FileSet<'_, '_>, frame: &Frame) {
    if !frame.referenced || frame.non_dicom == 0 {
        return;
    }
    let count = frame.non_dicom;
    let files = if count == 1 { "file" } else { "files" };
    set.report(
        &PDI_NON_DICOM,
        None,
        None,
        None,
        format_args!(
            "{} holds DICOM files the DICOMDIR references and {count} non-DICOM {files}, the first {}; an IHE PDI medium keeps other content out of its DICOM directories",
            Directory(frame),
            FirstName(frame)
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::media::testing::{Disk, FIRST, refer_first_record_to};

    /// The sample as a PDI medium: `INDEX.HTM` and `README.TXT` in the root.
    fn pdi() -> Disk {
        let mut disk = Disk::sample();
        disk.put("INDEX.HTM", b"<a href=IHE_PDI/PAGE1.HTM>1</a>\n");
        disk.put("README.TXT", b"images\n");
        disk
    }

    #[test]
    fn fires_once_per_directory() {
        let mut disk = pdi();
        disk.put(
            "DICOM/P0000001/ST000001/SE000001/IM000001.JPG",
            b"\xFF\xD8\xFF\xE0",
        );
        disk.put("DICOM/P0000001/ST000001/SE000001/THUMBS.DB", b"\0\0\0\0");
        let found = disk.check();
        assert!(found.only(&["media/pdi-non-dicom"]), "{found:#?}");
        assert_eq!(found.len(), 1, "{found:#?}");
        let message = found.get(0).message();
        assert!(
            message.starts_with("`DICOM/P0000001/ST000001/SE000001` holds"),
            "{message}"
        );
        assert!(message.contains("2 non-DICOM files"), "{message}");
        assert!(message.contains("the first `IM000001.JPG`"), "{message}");
    }

    #[test]
    fn each_directory_is_judged_by_its_own_files() {
        // A non-DICOM file in a directory whose referenced images lie only in its
        // subdirectories, and one in a directory of referenced images listed after a
        // subdirectory of its own.
        let mut disk = pdi();
        disk.put("DICOM/P0000001/NOTES.TXT", b"notes\n");
        disk.put("DICOM/P0000001/ST000001/SE000001/ZZ.TXT", b"late\n");
        disk.put("DICOM/P0000001/ST000001/SE000001/A/X.TXT", b"sub\n");
        let found = disk.check();
        assert!(found.only(&["media/pdi-non-dicom"]), "{found:#?}");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found.says("`DICOM/P0000001/ST000001/SE000001` holds"),
            "{found:#?}"
        );
        assert!(
            found.says("1 non-DICOM file, the first `ZZ.TXT`"),
            "{found:#?}"
        );
    }

    #[test]
    fn judges_the_root_without_the_pdi_files() {
        // An image referenced from the root: README.TXT and INDEX.HTM belong there,
        // another file does not.
        let mut disk = pdi();
        disk.rename(FIRST, "IM000001");
        refer_first_record_to(&mut disk, b"IM000001");
        assert!(!disk.check().has("media/pdi-non-dicom"));
        disk.put("AUTORUN.INF", b"[autorun]\n");
        let found = disk.check();
        assert!(found.only(&["media/pdi-non-dicom"]), "{found:#?}");
        assert!(found.says("the root holds"), "{found:#?}");
        assert!(found.says("`AUTORUN.INF`"), "{found:#?}");
    }

    #[test]
    fn passes_with_non_dicom_content_elsewhere() {
        let mut disk = pdi();
        disk.put("IHE_PDI/IM000001.JPG", b"\xFF\xD8\xFF\xE0");
        disk.put("DICOM/README.TXT", b"no images here\n");
        assert!(disk.check().is_empty(), "{:#?}", disk.check());
    }

    #[test]
    fn media_without_pdi_content_are_not_judged() {
        let mut disk = Disk::sample();
        disk.put("DICOM/P0000001/ST000001/SE000001/THUMBS.DB", b"\0\0\0\0");
        assert!(!disk.check().has("media/pdi-non-dicom"));
    }
}
