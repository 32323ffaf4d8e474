//! Test support for the media rules: an in-memory medium holding the corpus's sample
//! file-set (built by the same model as `corpus/media/sample`), which a test bends into
//! one defect, then the findings of [`check_file_set`] on it.

extern crate alloc;

use alloc::borrow::ToOwned;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use dcmlint_corpus::dicomdir::{self, Patient};
use lint_core::dicomdir::{RecordIndex, RecordSlot};
use lint_core::{ByteSpan, Tag};

use super::{
    Entry, EntryKind, Facts, FactsProvider, FileHandle, FileId, InstanceFacts, Lookup, Medium,
    NameVariant, check_file_set,
};
use crate::finding::Finding;
use crate::registry::Selection;

/// One file or directory of the fake medium.
pub(crate) struct Node {
    pub(crate) path: String,
    /// `None`: a directory.
    pub(crate) bytes: Option<Vec<u8>>,
    facts: Option<InstanceFacts>,
}

/// A file-set in memory: its DICOMDIR (not among the nodes) and its files.
pub(crate) struct Disk {
    pub(crate) dicomdir: Vec<u8>,
    pub(crate) nodes: Vec<Node>,
    /// What the fake provider answers when asked whether two texts in different
    /// character sets read the same (`None`: it cannot decode).
    pub(crate) same_text: Option<bool>,
}

impl Disk {
    /// The sample file-set: 3 patients, 10 images, a DICOMDIR that agrees.
    pub(crate) fn sample() -> Disk {
        Disk::of(&dcmlint_corpus::recipes::sample_patients())
    }

    /// The file-set of `patients`.
    pub(crate) fn of(patients: &[Patient]) -> Disk {
        let mut disk = Disk {
            dicomdir: dicomdir::dicomdir("TEST", "1.2.3.4", patients),
            nodes: Vec::new(),
            same_text: None,
        };
        for patient in patients {
            for study in &patient.studies {
                for series in &study.series {
                    for image in &series.images {
                        let bytes = dicomdir::image_file(patient, study, series, image);
                        disk.put(&image.file_id.join("/"), bytes);
                    }
                }
            }
        }
        disk
    }

    /// Writes (or replaces) the file at `path`, creating its directories.
    pub(crate) fn put(&mut self, path: &str, bytes: Vec<u8>) {
        self.nodes.retain(|n| n.path != path);
        let mut prefix = String::new();
        for component in path
            .split('/')
            .rev()
            .skip(1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(component);
            if !self.nodes.iter().any(|n| n.path == prefix) {
                self.nodes.push(Node {
                    path: prefix.clone(),
                    bytes: None,
                    facts: None,
                });
            }
        }
        let facts = looks_dicom(&bytes).then(|| InstanceFacts::read(&bytes));
        self.nodes.push(Node {
            path: path.to_owned(),
            bytes: Some(bytes),
            facts,
        });
        self.nodes.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// Removes the file at `path`, returning its bytes.
    pub(crate) fn take(&mut self, path: &str) -> Vec<u8> {
        let at = self.nodes.iter().position(|n| n.path == path).unwrap();
        self.nodes.remove(at).bytes.unwrap()
    }

    /// Moves a file.
    pub(crate) fn rename(&mut self, from: &str, to: &str) {
        let bytes = self.take(from);
        self.put(to, bytes);
    }

    /// The findings of every media rule on this file-set.
    pub(crate) fn check(&self) -> Vec<Seen> {
        self.check_with_slots(64)
    }

    /// [`Self::check`] with room for `slots` records in the index.
    pub(crate) fn check_with_slots(&self, slots: usize) -> Vec<Seen> {
        let mut slots = alloc::vec![RecordSlot::EMPTY; slots];
        let index = RecordIndex::read(&self.dicomdir, &mut slots);
        let mut marks = [0u32; 64];
        let mut referrers = [0u32; 64];
        let mut medium = Fake(self);
        let mut facts = Fake(self);
        let mut seen = Vec::new();
        let mut sink = |f: &Finding<'_>| seen.push(Seen::of(f));
        check_file_set(
            &self.dicomdir,
            index,
            &mut marks,
            &mut referrers,
            &mut medium,
            &mut facts,
            &Selection::all(),
            &mut sink,
        );
        seen
    }
}

/// `DICM` at 128, or a bare data set (a group 0008 tag first).
fn looks_dicom(bytes: &[u8]) -> bool {
    bytes.get(128..132) == Some(b"DICM") || bytes.starts_with(&[0x08, 0x00])
}

/// One finding, owned.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub(crate) id: &'static str,
    pub(crate) span: Option<ByteSpan>,
    pub(crate) tag: Option<Tag>,
    pub(crate) message: String,
}

impl Seen {
    fn of(f: &Finding<'_>) -> Seen {
        Seen {
            id: f.rule.id,
            span: f.span,
            tag: f.tag,
            message: f.message.to_string(),
        }
    }
}

/// The rules that fired, sorted and deduplicated.
pub(crate) fn ids(seen: &[Seen]) -> Vec<&'static str> {
    let mut ids: Vec<_> = seen.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The fake medium and facts provider over a [`Disk`]: handles are node indices.
struct Fake<'d>(&'d Disk);

impl Fake<'_> {
    fn find(&self, path: &str, dir: bool) -> Option<usize> {
        self.0
            .nodes
            .iter()
            .position(|n| n.path == path && n.bytes.is_none() == dir)
    }
}

impl Medium for Fake<'_> {
    fn locate(&mut self, file_id: &FileId<'_>) -> Lookup {
        let mut variant = NameVariant::default();
        let mut prefix = String::new();
        let count = file_id.len();
        for (i, component) in file_id.components().enumerate() {
            let last = i + 1 == count;
            let name = core::str::from_utf8(component).unwrap_or("\u{FFFD}");
            let join = |n: &str| {
                if prefix.is_empty() {
                    n.to_owned()
                } else {
                    alloc::format!("{prefix}/{n}")
                }
            };
            let mut found = None;
            'search: for (suffix, dot, version) in [
                ("", false, false),
                (".", true, false),
                (";1", false, true),
                (".;1", true, true),
            ] {
                let wanted = join(&alloc::format!("{name}{suffix}"));
                for (exact, node) in self
                    .0
                    .nodes
                    .iter()
                    .map(|n| (n.path == wanted, n))
                    .filter(|(exact, n)| *exact || n.path.eq_ignore_ascii_case(&wanted))
                {
                    found = Some((node.path.clone(), !exact, dot, version));
                    if exact {
                        break 'search;
                    }
                }
                if found.is_some() {
                    break;
                }
            }
            let Some((path, case, dot, version)) = found else {
                return Lookup::Missing;
            };
            variant.other_case |= case;
            variant.trailing_dot |= dot;
            variant.version |= version;
            prefix = path;
            if last {
                return match self.find(&prefix, false) {
                    Some(i) => Lookup::Found {
                        file: FileHandle(i as u32),
                        variant,
                    },
                    None => Lookup::NotRegularFile,
                };
            }
        }
        Lookup::Missing
    }

    fn list(&mut self, visit: &mut dyn FnMut(&Entry<'_>)) {
        for (i, node) in self.0.nodes.iter().enumerate() {
            let kind = match node.bytes {
                Some(_) => EntryKind::File(FileHandle(i as u32)),
                None => EntryKind::Directory,
            };
            visit(&Entry {
                path: &node.path,
                kind,
            });
        }
    }
}

impl FactsProvider for Fake<'_> {
    fn facts(&mut self, file: FileHandle) -> Facts<'_> {
        match self
            .0
            .nodes
            .get(file.0 as usize)
            .and_then(|n| n.facts.as_ref())
        {
            Some(facts) => Facts::Instance(facts),
            None => Facts::NotDicom,
        }
    }

    fn same_text(&mut self, _: &[u8], _: &[u8], _: &[u8], _: &[u8]) -> Option<bool> {
        self.0.same_text
    }
}

/// The path of the sample's first image.
pub(crate) const FIRST: &str = "DICOM/P0000001/ST000001/SE000001/IM000001";

#[test]
fn the_sample_file_set_is_clean() {
    let seen = Disk::sample().check();
    assert!(seen.is_empty(), "{seen:#?}");
}

/// Replaces the `nth` occurrence (from 0) of `from` in `bytes` with `to` (same length).
pub(crate) fn patch(bytes: &mut [u8], from: &[u8], to: &[u8], nth: usize) {
    assert_eq!(from.len(), to.len());
    let at = bytes
        .windows(from.len())
        .enumerate()
        .filter(|(_, w)| *w == from)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("pattern in bytes");
    bytes[at..at + to.len()].copy_from_slice(to);
}

/// The SOP Instance UID of the sample's first image.
pub(crate) fn first_uid() -> String {
    dcmlint_corpus::recipes::sample_patients()[0].studies[0].series[0].images[0]
        .uid
        .clone()
}

/// Gives the sample's DICOMDIR a File-set Descriptor File ID `README` without changing
/// a length: the DICOMDIR is rebuilt with File-set ID `README`, then the element's tag
/// (0004,1130) becomes (0004,1141). (The File-set ID is then absent: a `dicomdir/*`
/// matter, not judged here.)
pub(crate) fn with_descriptor(disk: &mut Disk) {
    disk.dicomdir = dicomdir::dicomdir(
        "README",
        "1.2.3.4",
        &dcmlint_corpus::recipes::sample_patients(),
    );
    patch(
        &mut disk.dicomdir,
        &[0x04, 0x00, 0x30, 0x11],
        &[0x04, 0x00, 0x41, 0x11],
        0,
    );
}

mod properties {
    //! Whatever a DICOMDIR's bytes say, the file-set check ends without panicking and
    //! places every finding inside the DICOMDIR.

    use proptest::prelude::*;

    use super::Disk;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_corruption_of_the_dicomdir_is_judged_to_the_end(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
            cut in any::<prop::sample::Index>(),
            truncate in any::<bool>(),
        ) {
            let mut disk = Disk::sample();
            let len = disk.dicomdir.len();
            for (at, byte) in edits {
                // Past the preamble: the File Meta and the records.
                let at = 128 + at.index(len - 128);
                disk.dicomdir[at] = byte;
            }
            if truncate {
                disk.dicomdir.truncate(cut.index(len));
            }
            let end = disk.dicomdir.len() as u64;
            for seen in disk.check() {
                if let Some(span) = seen.span {
                    prop_assert!(span.end <= end, "{seen:?} past {end}");
                }
            }
        }
    }
}
