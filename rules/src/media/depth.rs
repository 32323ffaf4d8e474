//! `media/depth`: a file lies more than 8 directory levels deep.

use super::{Entry, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;

/// The most levels a path may have, the root counting as level 1 (PS3.12 F.1.2.1).
pub const MAX_LEVELS: usize = 8;

declare_rule! {
    /// ## What it checks
    /// A file of the file-set whose path has more than 8 components (the file in the
    /// root has 1).
    ///
    /// ## Why
    /// ISO 9660 Level 1, which every DICOM CD and the later media profiles stay
    /// compatible with, allows 8 directory levels with the root as level 1; File IDs
    /// have at most 8 components for the same reason. Deeper files cannot be burned to a
    /// conforming CD and cannot be referenced.
    ///
    /// ## Standard
    /// PS3.12 F.1.2.1, J.1.3; PS3.10 §8.2. dicom-rules.md §6.6 MEDIA-DEPTH.
    ///
    /// ## Example
    /// Failing: `A/B/C/D/E/F/G/H/IM000001` (9 components).
    /// Passing: `DICOM/P0000001/ST000001/SE000001/IM000001` (5).
    pub DEPTH, "media/depth", Error, "a file lies more than 8 directory levels deep"
}

/// The registry entry of [`DEPTH`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DEPTH;
}

/// Judges the depth of file `entry`.
pub(crate) fn check(set: &mut FileSet<'_, '_>, entry: &Entry<'_>) {
    let depth = entry.depth();
    if depth > MAX_LEVELS {
        set.report(
            &DEPTH,
            None,
            None,
            None,
            format_args!(
                "`{}` has {depth} path components; media allow {MAX_LEVELS} levels (the root is level 1)",
                entry.path
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::media::testing::Disk;

    #[test]
    fn fires_nine_levels_down() {
        let mut disk = Disk::sample();
        disk.put("A/B/C/D/E/F/G/H/README", b"deep\n");
        let found = disk.check();
        assert!(found.only(&["media/depth"]), "{found:#?}");
    }

    #[test]
    fn passes_eight_levels_down() {
        let mut disk = Disk::sample();
        disk.put("A/B/C/D/E/F/G/README", b"deep\n");
        assert!(disk.check().is_empty());
    }
}
