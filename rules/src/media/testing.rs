//! Test support for the media rules, without allocation: a fake medium over a fixed
//! table of files (the corpus's sample file-set, `corpus/media/sample`, included at
//! compile time), a DICOMDIR held in a fixed buffer that a test edits in place, and the
//! findings of [`check_file_set`] in fixed arrays. Built only for tests (`#[cfg(test)]`
//! on `mod testing` in `media/mod.rs`), so its assertions abort a test, never firmware.

use core::fmt::{self, Write};

use lint_core::dicomdir::{RecordIndex, RecordSlot};
use lint_core::{ByteSpan, Tag};

use super::{
    Entry, EntryKind, Facts, FactsProvider, FileHandle, FileId, InstanceFacts, Lookup, Medium,
    NameVariant, check_file_set,
};
use crate::finding::Finding;
use crate::registry::Selection;

/// One file of the fake medium: its path (`/`-separated; empty: no file) and bytes.
pub(crate) type File = (&'static str, &'static [u8]);

/// The most files a test's medium holds (the DICOMDIR aside).
const FILES: usize = 16;
/// The DICOMDIR's handle: the slot after the files'.
const DICOMDIR: usize = FILES;
/// The largest DICOMDIR a test uses.
const DICOMDIR_MAX: usize = 8192;

macro_rules! sample {
    ($path:literal) => {
        (
            $path,
            include_bytes!(concat!("../../../corpus/media/sample/", $path)) as &[u8],
        )
    };
}

/// The sample's DICOMDIR.
pub(crate) const SAMPLE_DICOMDIR: &[u8] = include_bytes!("../../../corpus/media/sample/DICOMDIR");

/// The sample's images (3 patients, 9 images).
pub(crate) const SAMPLE: [File; 9] = [
    sample!("DICOM/P0000001/ST000001/SE000001/IM000001"),
    sample!("DICOM/P0000001/ST000001/SE000001/IM000002"),
    sample!("DICOM/P0000001/ST000001/SE000002/IM000001"),
    sample!("DICOM/P0000002/ST000001/SE000001/IM000001"),
    sample!("DICOM/P0000002/ST000002/SE000001/IM000001"),
    sample!("DICOM/P0000002/ST000002/SE000001/IM000002"),
    sample!("DICOM/P0000003/ST000001/SE000001/IM000001"),
    sample!("DICOM/P0000003/ST000001/SE000001/IM000002"),
    sample!("DICOM/P0000003/ST000001/SE000001/IM000003"),
];

/// The path of the sample's first image.
pub(crate) const FIRST: &str = "DICOM/P0000001/ST000001/SE000001/IM000001";

/// A file-set in memory.
pub(crate) struct Disk {
    /// The DICOMDIR (first `len` bytes).
    pub(crate) dicomdir: [u8; DICOMDIR_MAX],
    pub(crate) len: usize,
    files: [File; FILES],
    /// What the fake provider answers when asked whether two texts in different
    /// character sets read the same (`None`: it cannot decode).
    pub(crate) same_text: Option<bool>,
}

impl Disk {
    /// The sample file-set: 3 patients, 9 images, a DICOMDIR that agrees.
    pub(crate) fn sample() -> Disk {
        Disk::of(SAMPLE_DICOMDIR, &SAMPLE)
    }

    /// The file-set of `dicomdir` and `files`.
    pub(crate) fn of(dicomdir: &[u8], files: &[File]) -> Disk {
        let mut disk = Disk {
            dicomdir: [0; DICOMDIR_MAX],
            len: dicomdir.len(),
            files: [("", &[]); FILES],
            same_text: None,
        };
        disk.dicomdir[..dicomdir.len()].copy_from_slice(dicomdir);
        disk.files[..files.len()].copy_from_slice(files);
        disk
    }

    /// The DICOMDIR's bytes, to edit.
    pub(crate) fn dicomdir(&mut self) -> &mut [u8] {
        &mut self.dicomdir[..self.len]
    }

    /// The bytes of the file at `path`.
    pub(crate) fn bytes_of(&self, path: &str) -> &'static [u8] {
        self.files.iter().find(|f| f.0 == path).unwrap().1
    }

    /// Writes (or replaces) the file at `path`.
    pub(crate) fn put(&mut self, path: &'static str, bytes: &'static [u8]) {
        let slot = match self.files.iter().position(|f| f.0 == path) {
            Some(i) => i,
            None => self.files.iter().position(|f| f.0.is_empty()).unwrap(),
        };
        self.files[slot] = (path, bytes);
    }

    /// Removes the file at `path`.
    pub(crate) fn take(&mut self, path: &str) {
        let at = self.files.iter().position(|f| f.0 == path).unwrap();
        self.files[at] = ("", &[]);
    }

    /// Moves a file.
    pub(crate) fn rename(&mut self, from: &str, to: &'static str) {
        let bytes = self.bytes_of(from);
        self.take(from);
        self.put(to, bytes);
    }

    /// The findings of every media rule on this file-set.
    pub(crate) fn check(&self) -> Found {
        self.check_with_slots(64)
    }

    /// [`Self::check`] with room for `slots` records in the index.
    pub(crate) fn check_with_slots(&self, slots: usize) -> Found {
        let mut scratch = [RecordSlot::EMPTY; 64];
        let bytes = &self.dicomdir[..self.len];
        let index = RecordIndex::read(bytes, &mut scratch[..slots]);
        let mut marks = [0u32; 64];
        let mut referrers = [0u32; FILES + 1];
        let mut facts = [None; FILES + 1];
        for (fact, file) in facts.iter_mut().zip(&self.files) {
            if looks_dicom(file.1) {
                *fact = Some(InstanceFacts::read(file.1));
            }
        }
        if looks_dicom(bytes) {
            facts[DICOMDIR] = Some(InstanceFacts::read(bytes));
        }
        let mut medium = Fake {
            disk: self,
            facts: &facts,
        };
        let mut provider = Fake {
            disk: self,
            facts: &facts,
        };
        let mut found = Found::default();
        let mut sink = |f: &Finding<'_>| found.push(f);
        check_file_set(
            bytes,
            index,
            &mut marks,
            &mut referrers,
            &mut medium,
            &mut provider,
            &Selection::all(),
            &mut sink,
        );
        found
    }
}

/// `DICM` at 128, or a bare data set (a group 0008 tag first).
fn looks_dicom(bytes: &[u8]) -> bool {
    bytes.get(128..132) == Some(b"DICM") || bytes.starts_with(&[0x08, 0x00])
}

/// One finding, held.
#[derive(Clone, Copy)]
pub(crate) struct Seen {
    pub(crate) id: &'static str,
    pub(crate) span: Option<ByteSpan>,
    pub(crate) tag: Option<Tag>,
    message: [u8; 256],
    message_len: usize,
}

impl Seen {
    /// The message (cut at 256 bytes).
    pub(crate) fn message(&self) -> &str {
        core::str::from_utf8(&self.message[..self.message_len]).unwrap_or("(not UTF-8)")
    }
}

impl fmt::Debug for Seen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{}] {:?} {:?}: {}",
            self.id,
            self.tag,
            self.span,
            self.message()
        )
    }
}

/// The findings of one check, in order (the first 32).
#[derive(Default)]
pub(crate) struct Found {
    seen: [Option<Seen>; 32],
    len: usize,
}

impl Found {
    fn push(&mut self, finding: &Finding<'_>) {
        let mut message = [0u8; 256];
        let mut writer = Buf {
            buf: &mut message,
            len: 0,
        };
        let _ = write!(writer, "{}", finding.message);
        let message_len = writer.len;
        if let Some(slot) = self.seen.get_mut(self.len) {
            *slot = Some(Seen {
                id: finding.rule.id,
                span: finding.span,
                tag: finding.tag,
                message,
                message_len,
            });
        }
        self.len += 1;
    }

    /// The findings.
    pub(crate) fn all(&self) -> impl Iterator<Item = &Seen> {
        self.seen.iter().flatten()
    }

    /// Finding `i`.
    pub(crate) fn get(&self, i: usize) -> &Seen {
        self.seen[i].as_ref().unwrap()
    }

    /// How many findings.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether `id` fired.
    pub(crate) fn has(&self, id: &str) -> bool {
        self.all().any(|s| s.id == id)
    }

    /// Whether exactly the rules `ids` fired (each at least once, no other).
    pub(crate) fn only(&self, ids: &[&str]) -> bool {
        !self.is_empty()
            && self.all().all(|s| ids.contains(&s.id))
            && ids.iter().all(|id| self.has(id))
    }

    /// Whether a message contains `text`.
    pub(crate) fn says(&self, text: &str) -> bool {
        self.all().any(|s| s.message().contains(text))
    }
}

impl fmt::Debug for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.all()).finish()
    }
}

/// A `fmt::Write` over a fixed buffer that drops what does not fit.
pub(crate) struct Buf<'b> {
    pub(crate) buf: &'b mut [u8],
    pub(crate) len: usize,
}

impl Buf<'_> {
    /// What was written.
    pub(crate) fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("(cut)")
    }
}

impl Write for Buf<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let room = self.buf.len() - self.len;
        let take = s.len().min(room);
        self.buf[self.len..self.len + take].copy_from_slice(&s.as_bytes()[..take]);
        self.len += take;
        Ok(())
    }
}

/// The fake medium and facts provider over a [`Disk`]: handles are file slots, and
/// [`DICOMDIR`] the DICOMDIR's, in the root.
struct Fake<'d> {
    disk: &'d Disk,
    facts: &'d [Option<InstanceFacts>; FILES + 1],
}

impl Fake<'_> {
    /// The files of the medium, the DICOMDIR included: (handle, path).
    fn files(&self) -> impl Iterator<Item = (usize, &'static str)> + '_ {
        let files = self.disk.files.iter().map(|f| f.0).enumerate();
        files
            .chain([(DICOMDIR, "DICOMDIR")])
            .filter(|(_, path)| !path.is_empty())
    }
}

/// How `on_disk` matches File ID component `name`: `None` if it does not; else the
/// variant and its cost (another case 4, a trailing `.` 2, `;1` 1).
fn matches(on_disk: &str, name: &[u8]) -> Option<(NameVariant, u8)> {
    let version = on_disk.ends_with(";1");
    let rest = on_disk.strip_suffix(";1").unwrap_or(on_disk);
    let trailing_dot = rest.ends_with('.');
    let stem = rest.strip_suffix('.').unwrap_or(rest);
    if !stem.as_bytes().eq_ignore_ascii_case(name) {
        return None;
    }
    let other_case = stem.as_bytes() != name;
    let cost = u8::from(other_case) * 4 + u8::from(trailing_dot) * 2 + u8::from(version);
    Some((
        NameVariant {
            other_case,
            trailing_dot,
            version,
        },
        cost,
    ))
}

impl Medium for Fake<'_> {
    fn locate(&mut self, file_id: &FileId<'_>) -> Lookup {
        let count = file_id.len();
        let mut best: Option<(usize, NameVariant, u8)> = None;
        let mut directory = false;
        for (i, path) in self.files() {
            let mut variant = NameVariant::default();
            let mut cost = 0u8;
            let mut segments = path.split('/');
            let mut all = true;
            for component in file_id.components() {
                match segments.next().and_then(|s| matches(s, component)) {
                    Some((v, c)) => {
                        variant.other_case |= v.other_case;
                        variant.trailing_dot |= v.trailing_dot;
                        variant.version |= v.version;
                        cost += c;
                    }
                    None => {
                        all = false;
                        break;
                    }
                }
            }
            if !all {
                continue;
            }
            if segments.next().is_some() {
                // The File ID names a directory on the way to this file.
                directory = true;
                continue;
            }
            if path.split('/').count() == count && best.as_ref().is_none_or(|b| cost < b.2) {
                best = Some((i, variant, cost));
            }
        }
        match best {
            Some((i, variant, _)) => Lookup::Found {
                file: FileHandle(i as u32),
                variant,
            },
            None if directory => Lookup::NotRegularFile,
            None => Lookup::Missing,
        }
    }

    fn list(&mut self, visit: &mut dyn FnMut(&Entry<'_>)) {
        // In path order, which is depth first: everything under `A/` sorts together.
        let mut order = [(0, ""); FILES + 1];
        let mut count = 0;
        for file in self.files() {
            order[count] = file;
            count += 1;
        }
        let order = &mut order[..count];
        order.sort_unstable_by_key(|(_, path)| *path);
        for (k, &(i, path)) in order.iter().enumerate() {
            // Each directory once: when the first file below it comes.
            for (at, _) in path.match_indices('/') {
                let dir = &path[..at];
                let seen = order[..k]
                    .iter()
                    .any(|(_, p)| p.len() > at && p.starts_with(dir) && p.as_bytes()[at] == b'/');
                if !seen {
                    visit(&Entry {
                        path: dir,
                        kind: EntryKind::Directory,
                    });
                }
            }
            visit(&Entry {
                path,
                kind: EntryKind::File(FileHandle(i as u32)),
            });
        }
    }
}

impl FactsProvider for Fake<'_> {
    fn facts(&mut self, file: FileHandle) -> Facts<'_> {
        match self.facts.get(file.0 as usize).and_then(Option::as_ref) {
            Some(facts) => Facts::Instance(facts),
            None => Facts::NotDicom,
        }
    }

    fn same_text(&mut self, _: &[u8], _: &[u8], _: &[u8], _: &[u8]) -> Option<bool> {
        self.disk.same_text
    }
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

/// The sample's first IMAGE record's File ID, naming [`FIRST`].
const FIRST_ID: &[u8] = b"DICOM\\P0000001\\ST000001\\SE000001\\IM000001";

/// Replaces the first IMAGE record's File ID in `disk`'s DICOMDIR with `name`, padded
/// with spaces to the same length (so no offset moves).
pub(crate) fn refer_first_record_to(disk: &mut Disk, name: &[u8]) {
    let mut to = [b' '; FIRST_ID.len()];
    to[..name.len()].copy_from_slice(name);
    patch(disk.dicomdir(), FIRST_ID, &to, 0);
}

/// What the sample's first image says about itself.
pub(crate) fn first_facts() -> InstanceFacts {
    InstanceFacts::read(SAMPLE[0].1)
}

/// The sample's first patient (3 images) with a DICOMDIR whose File-set Descriptor File
/// ID (0004,1141) is `README` (the `descriptor-missing` defect set's DICOMDIR).
pub(crate) fn with_descriptor() -> Disk {
    Disk::of(
        include_bytes!("../../../corpus/media/defects/descriptor-missing/DICOMDIR"),
        &SAMPLE[..3],
    )
}

#[test]
fn the_sample_file_set_is_clean() {
    let found = Disk::sample().check();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_fake_medium_lists_each_directory_once() {
    let disk = Disk::sample();
    let facts = [None; FILES + 1];
    let mut fake = Fake {
        disk: &disk,
        facts: &facts,
    };
    let (mut dirs, mut files) = (0, 0);
    fake.list(&mut |entry| match entry.kind {
        EntryKind::Directory => dirs += 1,
        EntryKind::File(_) => files += 1,
    });
    // DICOM, 3 patients, 4 studies, 5 series; the DICOMDIR and 9 images.
    assert_eq!((dirs, files), (13, 10));
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
            let len = disk.len;
            for (at, byte) in edits {
                // Past the preamble: the File Meta and the records.
                let at = 128 + at.index(len - 128);
                disk.dicomdir()[at] = byte;
            }
            if truncate {
                disk.len = cut.index(len);
            }
            let end = disk.len as u64;
            for seen in disk.check().all() {
                if let Some(span) = seen.span {
                    prop_assert!(span.end <= end, "{seen:?} past {end}");
                }
            }
        }
    }
}
