//! `dicomdir/file-id`: a Referenced File ID (0004,1500) that is not a File ID.

use core::fmt;

use lint_core::dicomdir::RecordSlot;
use lint_core::tag::tags;

use super::{Directory, Reporter, Shown};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Referenced File ID (0004,1500) is not 1 to 8 components (the values of the
    /// multi-valued CS, separated by `\`), each of 1 to 8 characters from `A–Z`, `0–9`
    /// and `_`: lower case, a `.` extension, a space, an empty component, a component of
    /// 9 characters, 9 components.
    ///
    /// ## Why
    /// File IDs name files on ISO 9660 level 1 and FAT media, whose names are that
    /// restricted; a reader maps each component to a directory or file name and will not
    /// find `img1.dcm` when the disc holds `IMG1`. The File ID carries no extension even
    /// when the file system shows one.
    ///
    /// ## Standard
    /// PS3.10 §8.2, §8.5; PS3.3 Table F.3-3; PS3.12 Annex F.
    ///
    /// ## Example
    /// Failing: `DICOM\IMG0001.DCM` (a `.`, 12 characters); `IMAGES\IM000001X` (9).
    /// Passing: `DICOM\P0001\IM0001`.
    pub FILE_ID, "dicomdir/file-id", Error,
        "a Referenced File ID is not 1–8 components of 1–8 characters A–Z 0–9 _"
}

/// [`FILE_ID`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &FILE_ID;
}

/// What is wrong with a File ID (PS3.10 §8.2, §8.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileIdProblem {
    /// No component at all.
    Empty,
    /// More than 8 components.
    TooManyComponents(usize),
    /// Component `n` (from 1) is empty (`A\\B`).
    EmptyComponent(usize),
    /// Component `n` has more than 8 characters.
    LongComponent(usize, usize),
    /// Component `n` has a character outside `A–Z 0–9 _`.
    BadCharacter(usize, u8),
}

impl fmt::Display for FileIdProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FileIdProblem::Empty => f.write_str("it is empty"),
            FileIdProblem::TooManyComponents(n) => {
                write!(f, "it has {n} components; at most 8")
            }
            FileIdProblem::EmptyComponent(n) => write!(f, "component {n} is empty"),
            FileIdProblem::LongComponent(n, len) => {
                write!(f, "component {n} has {len} characters; at most 8")
            }
            FileIdProblem::BadCharacter(n, b) if (0x20..0x7F).contains(&b) => write!(
                f,
                "component {n} holds `{}`; only A–Z, 0–9 and _ are allowed",
                b as char
            ),
            FileIdProblem::BadCharacter(n, b) => write!(
                f,
                "component {n} holds byte {b:02X}; only A–Z, 0–9 and _ are allowed"
            ),
        }
    }
}

/// The first problem of a File ID value (trailing padding ignored), or `None`.
pub(crate) fn problem(value: &[u8]) -> Option<FileIdProblem> {
    let mut value = value;
    while let [rest @ .., b' ' | 0] = value {
        value = rest;
    }
    if value.is_empty() {
        return Some(FileIdProblem::Empty);
    }
    let count = value.split(|&b| b == b'\\').count();
    if count > 8 {
        return Some(FileIdProblem::TooManyComponents(count));
    }
    for (i, component) in value.split(|&b| b == b'\\').enumerate() {
        let n = i + 1;
        if component.is_empty() {
            return Some(FileIdProblem::EmptyComponent(n));
        }
        if let Some(&bad) = component
            .iter()
            .find(|&&b| !(b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'))
        {
            return Some(FileIdProblem::BadCharacter(n, bad));
        }
        if component.len() > 8 {
            return Some(FileIdProblem::LongComponent(n, component.len()));
        }
    }
    None
}

pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>, index: u32, record: &RecordSlot) {
    let Some(span) = record.referenced_file_id() else {
        return;
    };
    let value = dir.value(span);
    if let Some(problem) = problem(value) {
        out.report(
            &FILE_ID,
            span,
            Some(tags::REFERENCED_FILE_ID),
            Some(index),
            format_args!(
                "Referenced File ID `{}` is not a File ID: {problem}",
                Shown(super::trim(value))
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{example, hits, only, replace};
    use super::{FileIdProblem, problem};

    #[test]
    fn syntax() {
        assert_eq!(problem(b"DICOM\\P1\\IM1 "), None);
        assert_eq!(problem(b"A_9"), None);
        assert_eq!(problem(b""), Some(FileIdProblem::Empty));
        assert_eq!(problem(b"A\\\\B"), Some(FileIdProblem::EmptyComponent(2)));
        assert_eq!(
            problem(b"IM000001X"),
            Some(FileIdProblem::LongComponent(1, 9))
        );
        assert_eq!(
            problem(b"A\\B\\C\\D\\E\\F\\G\\H\\I\\"),
            Some(FileIdProblem::TooManyComponents(10))
        );
        assert_eq!(problem(b"im1"), Some(FileIdProblem::BadCharacter(1, b'i')));
        assert_eq!(
            problem(b"X\\IM1.DCM"),
            Some(FileIdProblem::BadCharacter(2, b'.'))
        );
    }

    #[test]
    fn lower_case_fires() {
        let mut bytes = example();
        replace(&mut bytes, b"DICOM\\P2\\IM2", b"DICOM\\P2\\im2", 0);
        let found = only(&bytes, "dicomdir/file-id");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("`i`"), "{found:?}");
        assert_eq!(found[0].path, "(0004,1220)[9]/(0004,1500)");
    }

    #[test]
    fn upper_case_passes() {
        assert!(hits(&example()).is_empty());
    }
}
