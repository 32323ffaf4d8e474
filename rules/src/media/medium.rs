//! The medium a file-set lives on, as the media rules see it: File IDs, how one was
//! resolved, and what lies in the file-set (PS3.10 §8.2–§8.5, PS3.12 Annexes A, F, J).
//!
//! The rules never touch a file system. A caller implements [`Medium`] over its own (the
//! CLI over the host file system, firmware over its FAT driver or an ISO 9660 image) and
//! [`crate::media::FactsProvider`] over whatever reads files, and the rules judge what
//! they answer. A File ID that could leave the file-set is judged unsafe by
//! [`FileId::hazard`] and never handed to the medium.

use core::fmt;

use lint_core::ByteSpan;

/// A file of the medium, as the medium numbers them: the handles of the files
/// [`Medium::list`] yields are `0..count`, so a caller's scratch can be indexed by them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileHandle(pub u32);

/// A Referenced File ID (0004,1500) or File-set Descriptor File ID (0004,1141): a CS value
/// of 1–8 components separated by `\` (PS3.10 §8.2), as found in the DICOMDIR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId<'a> {
    /// The value, without its trailing padding.
    pub value: &'a [u8],
    /// Where the value lies in the DICOMDIR.
    pub span: ByteSpan,
}

/// Why a File ID must not be opened: following it could read outside the file-set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hazard {
    /// It is empty, or starts with `\` or `/`: an absolute path on most systems.
    Absolute,
    /// A component is `.` or `..`: it climbs out of its directory.
    Parent,
    /// A component holds `:` (a drive letter or an NTFS stream), `/` (a path separator
    /// on POSIX systems) or a control character.
    Separator,
}

impl Hazard {
    /// What the hazard is, for messages.
    pub const fn describe(self) -> &'static str {
        match self {
            Hazard::Absolute => "it is empty or starts with a separator (an absolute path)",
            Hazard::Parent => "a component is `.` or `..` (it climbs out of its directory)",
            Hazard::Separator => {
                "a component holds `:`, `/` or a control character (a drive letter or path separator)"
            }
        }
    }
}

impl<'a> FileId<'a> {
    /// A File ID over `value` (padding is trimmed) at `span`.
    pub fn new(value: &'a [u8], span: ByteSpan) -> FileId<'a> {
        let mut value = value;
        while let [rest @ .., b' ' | 0] = value {
            value = rest;
        }
        FileId { value, span }
    }

    /// The components, in order (the values of the multi-valued CS).
    pub fn components(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.value.split(|&b| b == b'\\')
    }

    /// How many components.
    pub fn len(&self) -> usize {
        self.components().count()
    }

    /// Whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Whether opening the File ID could lead outside the file-set's root: checked before
    /// any medium sees it. Leading spaces of a component are kept: `" .."` is harmless
    /// on POSIX but Windows drops them, so it is judged as `..`.
    pub fn hazard(&self) -> Option<Hazard> {
        if matches!(self.value.first(), None | Some(b'\\' | b'/')) {
            return Some(Hazard::Absolute);
        }
        for component in self.components() {
            let trimmed = trim(component);
            if trimmed == b"." || trimmed == b".." {
                return Some(Hazard::Parent);
            }
            if component
                .iter()
                .any(|&b| b == b':' || b == b'/' || b < 0x20 || b == 0x7F)
            {
                return Some(Hazard::Separator);
            }
        }
        None
    }
}

impl fmt::Display for FileId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::value::Printable(self.value))
    }
}

/// Trims spaces at both ends.
fn trim(mut value: &[u8]) -> &[u8] {
    while let [b' ', rest @ ..] = value {
        value = rest;
    }
    while let [rest @ .., b' '] = value {
        value = rest;
    }
    value
}

/// How a file was found under a File ID whose components did not name it exactly: the
/// layers between a CD and a reader (Joliet or Rock Ridge, a copy tool, a case-folding
/// file system) change names, and DCMTK's reader tries the same variants (PS3.12 F.1.2.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameVariant {
    /// A component matched only ignoring case (`images/im0001` for `IMAGES\IM0001`).
    pub other_case: bool,
    /// A component matched only with a trailing `.` (an ISO 9660 name without extension).
    pub trailing_dot: bool,
    /// A component matched only with an ISO 9660 version suffix `;1`.
    pub version: bool,
}

impl NameVariant {
    /// Whether every component matched exactly.
    pub const fn is_exact(&self) -> bool {
        !(self.other_case || self.trailing_dot || self.version)
    }
}

impl fmt::Display for NameVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (on, what) in [
            (self.other_case, "in another case"),
            (self.trailing_dot, "with a trailing `.`"),
            (self.version, "with a `;1` version suffix"),
        ] {
            if on {
                if !first {
                    f.write_str(" and ")?;
                }
                f.write_str(what)?;
                first = false;
            }
        }
        Ok(())
    }
}

/// What the medium found under a File ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A regular file, under exactly the File ID or under a [`NameVariant`].
    Found {
        /// Which file.
        file: FileHandle,
        /// How its name differs from the File ID.
        variant: NameVariant,
    },
    /// Nothing under that name, in any variant.
    Missing,
    /// Something that is not a regular file (a directory, a device).
    NotRegularFile,
    /// The name leads outside the file-set's root (through a symbolic link): the medium
    /// did not open it.
    OutsideRoot,
    /// The medium could not look (an I/O error): nothing is concluded.
    Unreadable,
}

/// What kind of file an entry of the file-set is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A regular file.
    File(FileHandle),
    /// A directory.
    Directory,
}

/// One entry of the file-set, as [`Medium::list`] yields it.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// Its path relative to the file-set's root, components separated by `/`.
    pub path: &'a str,
    /// File or directory.
    pub kind: EntryKind,
}

impl Entry<'_> {
    /// Its last component.
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(self.path)
    }

    /// How many components its path has: a file in the root has 1 (ISO 9660 counts the
    /// root as level 1, so a file at depth 8 lies in the 8th level).
    pub fn depth(&self) -> usize {
        self.path.split('/').count()
    }
}

/// A medium: the file system of the file-set whose DICOMDIR is being checked, rooted at
/// the directory that holds the DICOMDIR (PS3.10 §8.6; PS3.12 A.1.2, F.1.2.2).
pub trait Medium {
    /// Finds the file a File ID names, relative to the root. `file_id` is never unsafe
    /// ([`FileId::hazard`] is checked first). Tries the exact name of each component
    /// first, then another case, a trailing `.` and a `;1` suffix, and says which matched.
    /// Must not follow a path out of the root.
    fn locate(&mut self, file_id: &FileId<'_>) -> Lookup;

    /// Calls `visit` with every file and directory under the root (the root itself
    /// excepted), depth first: each directory before the entries under it, and every
    /// entry under a directory before the next entry that is not (names sorted within a
    /// directory, or in path order, do this). Symbolic links are not followed. Called
    /// twice per check (first to find what the root and nested file-sets hold), in the
    /// same order each time. In another order only `media/pdi-non-dicom`, which judges
    /// each directory when the listing leaves it, goes wrong (a directory judged in
    /// pieces).
    fn list(&mut self, visit: &mut dyn FnMut(&Entry<'_>));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(value: &[u8]) -> FileId<'_> {
        FileId::new(value, ByteSpan::at(0, value.len() as u64))
    }

    #[test]
    fn a_standard_file_id_is_safe() {
        assert_eq!(id(b"DIR\\TDRI\\3856G3 ").hazard(), None);
        assert_eq!(id(b"DIR\\TDRI\\3856G3 ").len(), 3);
    }

    #[test]
    fn escapes_are_hazards() {
        assert_eq!(id(b"\\ETC\\PASSWD").hazard(), Some(Hazard::Absolute));
        assert_eq!(id(b"/etc/passwd").hazard(), Some(Hazard::Absolute));
        assert_eq!(id(b"").hazard(), Some(Hazard::Absolute));
        assert_eq!(id(b"DICOM\\..\\..\\X").hazard(), Some(Hazard::Parent));
        assert_eq!(id(b"C:\\X").hazard(), Some(Hazard::Separator));
        assert_eq!(id(b"A\\B/../../C").hazard(), Some(Hazard::Separator));
    }

    #[test]
    fn variants_describe_themselves() {
        let v = NameVariant {
            other_case: true,
            version: true,
            ..NameVariant::default()
        };
        assert!(!v.is_exact());
        let mut buf = [0u8; 64];
        let mut w = crate::media::testing::Buf {
            buf: &mut buf,
            len: 0,
        };
        fmt::write(&mut w, format_args!("{v}")).unwrap();
        assert_eq!(w.as_str(), "in another case and with a `;1` version suffix");
    }
}
