//! DICOMDIR record index and walk over arbitrary input: no panic, no hang, the index never
//! outgrows its scratch, the walk enters each record at most once with balanced
//! enter/leave, and an indexer fed by the windowed parser keeps the same records as
//! `RecordIndex::read`.
//!
//! The first byte picks the input: odd = the bytes as they are; even = the sample media
//! set's DICOMDIR with its offset values rewired by the rest (4-byte field choice and
//! value pairs), which reaches cycles, shared children and orphans far sooner than random
//! bytes do. Bits 1–6 of the first byte size the index scratch, so overflow is exercised.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lint_core::dicomdir::{RecordIndex, RecordIndexer, RecordSlot, Walk, WalkEvent};
use lint_core::parser::{Parser, Step};

const SAMPLE: &[u8] = include_bytes!("../../corpus/media/sample/DICOMDIR");

/// The sample with offset values overwritten: each 5 bytes of `edits` pick an offset
/// element (1 byte) and its new value (4 bytes, little endian).
fn rewired(edits: &[u8]) -> Vec<u8> {
    let mut slots = [RecordSlot::EMPTY; 64];
    let index = RecordIndex::read(SAMPLE, &mut slots);
    let mut fields: Vec<_> = index
        .records()
        .iter()
        .flat_map(|r| [r.next_offset(), r.lower_offset()])
        .flatten()
        .chain(
            [index.info().first, index.info().last]
                .into_iter()
                .flatten(),
        )
        .map(|f| f.span)
        .collect();
    fields.retain(|span| span.len() == 4);
    let mut bytes = SAMPLE.to_vec();
    for edit in edits.chunks_exact(5) {
        let span = fields[usize::from(edit[0]) % fields.len()];
        bytes[span.start as usize..span.end as usize].copy_from_slice(&edit[1..5]);
    }
    bytes
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let owned;
    let bytes: &[u8] = if mode & 1 == 1 {
        rest
    } else {
        owned = rewired(rest);
        &owned
    };
    let scratch = usize::from((mode >> 1) & 0x3F);

    let mut slots = vec![RecordSlot::EMPTY; scratch];
    let index = RecordIndex::read(bytes, &mut slots);
    let kept = index.records().len();
    assert!(kept <= scratch && kept as u32 <= index.seen());
    for record in index.records() {
        assert!(record.span().end <= bytes.len() as u64);
    }

    // The same index from the windowed parser, as a caller with a small buffer drives it.
    let mut window_slots = vec![RecordSlot::EMPTY; scratch];
    let mut indexer = RecordIndexer::new(&mut window_slots, bytes.len() as u64);
    let mut parser = Parser::<32>::new(bytes.len() as u64);
    let (mut offset, mut size, mut steps) = (0usize, 24usize, 0usize);
    loop {
        steps += 1;
        assert!(steps < bytes.len() * 8 + 64, "no progress");
        let end = (offset + size).min(bytes.len());
        match parser.next(&bytes[offset..end], offset as u64) {
            Step::Event(event) => indexer.feed(&event),
            Step::Error(error) => indexer.note_error(&error),
            Step::Need { offset: at, len } => {
                offset = at as usize;
                size = size.max(len as usize);
            }
            Step::End => break,
        }
    }
    let windowed = indexer.finish();
    assert_eq!(windowed.seen(), index.seen());
    let spans = |i: &RecordIndex<'_>| i.records().iter().map(|r| r.span()).collect::<Vec<_>>();
    assert_eq!(spans(&windowed), spans(&index));

    let mut marks = vec![0u32; kept];
    let mut entered = vec![false; kept];
    let (mut depth, mut events) = (0usize, 0usize);
    for event in Walk::<8>::new(index, &mut marks) {
        events += 1;
        // Enter, leave and three offset issues per record, an orphan report per record
        // not entered, and a handful at the start and the end.
        assert!(events <= 5 * kept + 8, "too many events");
        match event {
            WalkEvent::EnterRecord {
                index: i,
                depth: d,
                parent,
            } => {
                assert!(!std::mem::replace(&mut entered[i as usize], true));
                assert_eq!(d as usize, depth);
                assert!(parent.is_none_or(|p| (p as usize) < kept));
                depth += 1;
                assert!(depth <= 8);
            }
            WalkEvent::LeaveRecord { depth: d, .. } => {
                depth -= 1;
                assert_eq!(d as usize, depth);
            }
            WalkEvent::Issue(issue) => {
                let _ = issue.to_string();
            }
        }
    }
    assert_eq!(depth, 0);
});
