//! Test support for the `dicomdir/*` rules: run [`super::check_directory`] over DICOMDIRs
//! written by the corpus builder, and look at what fired. Also the whole-family tests:
//! clean DICOMDIRs draw nothing, scratch too small draws `dicomdir/incomplete` only.

extern crate alloc;

use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use dcmlint_corpus::dicomdir::{self, DicomDir, Record, edit};
use lint_core::ByteSpan;
use lint_core::dicomdir::RecordSlot;

use super::{KeyEntry, check_directory};
use crate::finding::Finding;
use crate::registry::Selection;

/// One finding: rule id, span, tag path, message.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub(crate) id: &'static str,
    pub(crate) span: ByteSpan,
    pub(crate) path: String,
    pub(crate) message: String,
}

/// Every finding of the directory rules on `bytes`, with scratch for `room` records.
pub(crate) fn hits_with(bytes: &[u8], room: usize) -> Vec<Hit> {
    let mut slots = vec![RecordSlot::EMPTY; room];
    let mut marks = vec![0u32; room];
    let mut keys = vec![KeyEntry::EMPTY; room];
    let mut hits = Vec::new();
    let mut sink = |f: &Finding<'_>| {
        hits.push(Hit {
            id: f.rule.id,
            span: f.span.unwrap_or_default(),
            path: f.tag_path().to_string(),
            message: f.message.to_string(),
        });
    };
    check_directory(
        bytes,
        &mut slots,
        &mut marks,
        &mut keys,
        &Selection::all(),
        &mut sink,
    );
    hits
}

/// Every finding on `bytes` (scratch for 1024 records).
pub(crate) fn hits(bytes: &[u8]) -> Vec<Hit> {
    hits_with(bytes, 1024)
}

/// Asserts that `id` and no other directory rule fires on `bytes` (at least once), and
/// returns its findings.
pub(crate) fn only(bytes: &[u8], id: &str) -> Vec<Hit> {
    let all = hits(bytes);
    assert!(!all.is_empty(), "{id} did not fire");
    assert!(
        all.iter().all(|h| h.id == id),
        "expected only {id}: {all:#?}"
    );
    all
}

/// The clean example DICOMDIR (2 patients, 10 records).
pub(crate) fn example() -> Vec<u8> {
    dicomdir::example()
}

/// The example's records, for edits the byte patches cannot make.
pub(crate) fn example_records() -> Vec<Record> {
    dicomdir::records(&dicomdir::example_patients())
}

/// A DICOMDIR of `records`.
pub(crate) fn build(records: Vec<Record>) -> Vec<u8> {
    DicomDir::from_records("EXAMPLE", "1.2.826.0.1.3680043.10.1234.9.5", records).build()
}

/// The offsets of the example's records, in file order.
pub(crate) fn record_offsets(bytes: &[u8]) -> Vec<u32> {
    let mut slots = vec![RecordSlot::EMPTY; 64];
    let index = lint_core::dicomdir::RecordIndex::read(bytes, &mut slots);
    index.records().iter().map(|r| r.offset() as u32).collect()
}

pub(crate) use edit::{replace, set_ul, set_us};

#[test]
fn clean_dicomdirs_draw_nothing() {
    assert!(hits(&example()).is_empty(), "{:#?}", hits(&example()));
    let sample = include_bytes!("../../../corpus/media/sample/DICOMDIR");
    assert!(hits(sample).is_empty(), "{:#?}", hits(sample));
    let undefined = DicomDir::new("EXAMPLE", "1.2.3", &dicomdir::example_patients())
        .undefined_lengths(true)
        .build();
    assert!(hits(&undefined).is_empty(), "{:#?}", hits(&undefined));
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
        let mut mutated = bytes.clone();
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
    let mut slots = vec![RecordSlot::EMPTY; 16];
    let mut marks = vec![0u32; 16];
    let mut keys = vec![KeyEntry::EMPTY; 16];
    let mut selection = Selection::all();
    selection.apply("dicomdir/in-use-flag", false);
    let mut count = 0;
    let mut sink = |_: &Finding<'_>| count += 1;
    check_directory(
        &bytes, &mut slots, &mut marks, &mut keys, &selection, &mut sink,
    );
    assert_eq!(count, 0);
}
