//! Test support for the `dicomdir/*` rules: run [`super::check_directory`] over DICOMDIRs
//! written by the corpus builder, and look at what fired. Also the whole-family tests:
//! clean DICOMDIRs draw nothing, scratch too small draws `dicomdir/incomplete` only.
//! Built only for tests (`#[cfg(test)]` on `mod tests` in `dicomdir/mod.rs`), so its
//! assertions abort a test, never firmware.
//!
//! Like the rest of this crate the tests do without `alloc`: findings are kept in
//! fixed arrays with their messages in fixed buffers; the fixtures the corpus builder
//! returns are used without naming their types.

use core::fmt::{self, Write as _};
use core::ops::{Deref, Index};

use dcmlint_corpus::dicomdir::{self, DicomDir, Record};
use lint_core::ByteSpan;
use lint_core::dicomdir::RecordSlot;

use super::{KeyEntry, check_directory};
use crate::finding::Finding;
use crate::registry::Selection;

pub(crate) use dcmlint_corpus::dicomdir::edit::{replace, set_ul, set_us};
pub(crate) use dcmlint_corpus::dicomdir::example;

/// Text in a fixed buffer (longer text is cut).
#[derive(Clone, Copy)]
pub(crate) struct Buf {
    bytes: [u8; 320],
    len: usize,
}

impl Buf {
    const EMPTY: Buf = Buf {
        bytes: [0; 320],
        len: 0,
    };

    pub(crate) fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..self.len).unwrap_or(&[]);
        // Cut at a character boundary when the text was longer than the buffer.
        match core::str::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => core::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""),
        }
    }

    pub(crate) fn contains(&self, needle: &str) -> bool {
        self.as_str().contains(needle)
    }

    pub(crate) fn starts_with(&self, prefix: &str) -> bool {
        self.as_str().starts_with(prefix)
    }
}

impl fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &b in s.as_bytes() {
            if let Some(slot) = self.bytes.get_mut(self.len) {
                *slot = b;
                self.len += 1;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Buf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<&str> for Buf {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Formats into a [`Buf`] (for expected messages).
pub(crate) fn text(args: fmt::Arguments<'_>) -> Buf {
    let mut buf = Buf::EMPTY;
    let _ = buf.write_fmt(args);
    buf
}

/// One finding: rule id, span, tag path, message.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub(crate) id: &'static str,
    pub(crate) span: ByteSpan,
    pub(crate) path: Buf,
    pub(crate) message: Buf,
}

/// The findings of one check (the first 32).
pub(crate) struct Hits {
    hits: [Option<Hit>; 32],
    len: usize,
}

impl Hits {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Hit> {
        self.hits.iter().take(self.len).flatten()
    }
}

impl Index<usize> for Hits {
    type Output = Hit;

    fn index(&self, i: usize) -> &Hit {
        match self.hits.get(i).and_then(Option::as_ref) {
            Some(hit) => hit,
            None => panic!("no finding {i} of {}", self.len),
        }
    }
}

impl fmt::Debug for Hits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Every finding of the directory rules on `bytes`, with scratch for `room` (≤ 64)
/// records.
pub(crate) fn hits_with(bytes: &[u8], room: usize) -> Hits {
    let mut slots = [RecordSlot::EMPTY; 64];
    let mut marks = [0u32; 64];
    let mut keys = [KeyEntry::EMPTY; 64];
    let mut hits = Hits {
        hits: [None; 32],
        len: 0,
    };
    let mut sink = |f: &Finding<'_>| {
        if let Some(slot) = hits.hits.get_mut(hits.len) {
            *slot = Some(Hit {
                id: f.rule.id,
                span: f.span.unwrap_or_default(),
                path: text(format_args!("{}", f.tag_path())),
                message: text(format_args!("{}", f.message)),
            });
            hits.len += 1;
        }
    };
    check_directory(
        bytes,
        &mut slots[..room],
        &mut marks[..room],
        &mut keys[..room],
        &Selection::all(),
        &mut sink,
    );
    hits
}

/// Every finding on `bytes` (scratch for 64 records).
pub(crate) fn hits(bytes: &[u8]) -> Hits {
    hits_with(bytes, 64)
}

/// Asserts that `id` and no other directory rule fires on `bytes` (at least once), and
/// returns its findings.
pub(crate) fn only(bytes: &[u8], id: &str) -> Hits {
    let all = hits(bytes);
    assert!(!all.is_empty(), "{id} did not fire");
    assert!(
        all.iter().all(|h| h.id == id),
        "expected only {id}: {all:#?}"
    );
    all
}

/// The example's records (see [`example`]), for edits the byte patches cannot make.
pub(crate) fn example_records()
-> impl core::ops::DerefMut<Target = [Record]> + IntoIterator<Item = Record> + Extend<Record> {
    dicomdir::records(&dicomdir::example_patients())
}

/// A DICOMDIR of `records`.
pub(crate) fn build(records: impl IntoIterator<Item = Record>) -> impl Deref<Target = [u8]> {
    DicomDir::from_records(
        "EXAMPLE",
        "1.2.826.0.1.3680043.10.1234.9.5",
        records.into_iter().collect(),
    )
    .build()
}

/// The offsets of the first 64 records, in file order.
pub(crate) fn record_offsets(bytes: &[u8]) -> [u32; 64] {
    let mut slots = [RecordSlot::EMPTY; 64];
    let index = lint_core::dicomdir::RecordIndex::read(bytes, &mut slots);
    let mut out = [0u32; 64];
    for (o, r) in out.iter_mut().zip(index.records()) {
        *o = r.offset() as u32;
    }
    out
}

#[test]
fn clean_dicomdirs_draw_nothing() {
    assert!(hits(&example()).is_empty(), "{:#?}", hits(&example()));
    let sample = include_bytes!("../../../corpus/media/sample/DICOMDIR");
    assert!(hits(sample).is_empty(), "{:#?}", hits(sample));
    let undefined = DicomDir::new("EXAMPLE", "1.2.3", &dicomdir::example_patients())
        .undefined_lengths(true)
        .build();
    let undefined = &undefined[..];
    assert!(hits(undefined).is_empty(), "{:#?}", hits(undefined));
}

#[test]
fn record_findings_are_placed_in_their_item() {
    let mut bytes = example();
    set_us(
        &mut bytes,
        lint_core::tag::tags::RECORD_IN_USE_FLAG,
        3,
        0x0000,
    );
    let found = only(&bytes, "dicomdir/in-use-flag");
    assert_eq!(found[0].path, "(0004,1220)[3]/(0004,1410)");
}

#[test]
fn scratch_too_small_is_a_finding_not_a_panic() {
    let bytes = example();
    for room in [0, 1, 5, 9] {
        let found = hits_with(&bytes, room);
        assert!(
            found.iter().any(|h| h.id == "dicomdir/incomplete"),
            "{room}: {found:#?}"
        );
        // What the partial index cannot see is not blamed on the data.
        assert!(
            found.iter().all(|h| h.id == "dicomdir/incomplete"),
            "{room}: {found:#?}"
        );
    }
    assert!(hits_with(&bytes, 10).is_empty());
}

#[test]
fn garbage_never_panics() {
    let bytes = example();
    // Every byte flipped in turn, over the first records.
    for at in (0..bytes.len().min(1200)).step_by(3) {
        let mut mutated = example();
        mutated[at] ^= 0xA5;
        let _ = hits_with(&mutated, 16);
        let _ = hits_with(&mutated[..at], 4);
    }
}

#[test]
fn selection_filters() {
    let mut bytes = example();
    set_us(
        &mut bytes,
        lint_core::tag::tags::RECORD_IN_USE_FLAG,
        0,
        0x0000,
    );
    let mut slots = [RecordSlot::EMPTY; 16];
    let mut marks = [0u32; 16];
    let mut keys = [KeyEntry::EMPTY; 16];
    let mut selection = Selection::all();
    selection.apply("dicomdir/in-use-flag", false);
    let mut count = 0;
    let mut sink = |_: &Finding<'_>| count += 1;
    check_directory(
        &bytes, &mut slots, &mut marks, &mut keys, &selection, &mut sink,
    );
    assert_eq!(count, 0);
}

#[test]
fn articles() {
    assert_eq!(super::article("IMAGE"), "an");
    assert_eq!(super::article("ENCAP DOC"), "an");
    assert_eq!(super::article("STUDY"), "a");
    assert_eq!(super::article(""), "a");
}
