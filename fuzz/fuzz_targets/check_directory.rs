//! `lint_rules::dicomdir::check_directory` over arbitrary input: no panic, no hang, every
//! finding's span within the input (or a point at its end), and with scratch smaller than
//! the records a `dicomdir/incomplete` finding rather than silence.
//!
//! The first byte picks the input: odd = the bytes as they are; even = the sample media
//! set's DICOMDIR with the rest XORed over it from a position the second byte chooses
//! (keeps the structure mostly intact, so the record rules are reached). Bits 1–6 of the
//! first byte size the scratch.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lint_core::dicomdir::{RecordIndex, RecordSlot};
use lint_rules::dicomdir::{KeyEntry, check_directory};
use lint_rules::{Finding, Selection};

const SAMPLE: &[u8] = include_bytes!("../../corpus/media/sample/DICOMDIR");

fn mutated(edits: &[u8]) -> Vec<u8> {
    let mut bytes = SAMPLE.to_vec();
    let Some((&at, xor)) = edits.split_first() else {
        return bytes;
    };
    let start = usize::from(at) * bytes.len() / 256;
    for (b, x) in bytes.iter_mut().skip(start).zip(xor) {
        *b ^= x;
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
        owned = mutated(rest);
        &owned
    };
    let scratch = usize::from((mode >> 1) & 0x3F);
    let mut slots = vec![RecordSlot::EMPTY; scratch];
    let mut marks = vec![0u32; scratch];
    let mut keys = vec![KeyEntry::EMPTY; scratch];
    let (mut findings, mut incomplete) = (0usize, false);
    let end = bytes.len() as u64;
    let mut sink = |f: &Finding<'_>| {
        findings += 1;
        incomplete |= f.rule.id == "dicomdir/incomplete";
        if let Some(span) = f.span {
            assert!(span.start <= span.end && span.end <= end, "{} {span:?}", f.rule.id);
        }
        let _ = f.message.to_string();
    };
    check_directory(
        bytes,
        &mut slots,
        &mut marks,
        &mut keys,
        &Selection::all(),
        &mut sink,
    );
    // Findings are bounded by the records (a few per record, a few per directory).
    let mut counting = [];
    let seen = RecordIndex::read(bytes, &mut counting).seen() as usize;
    assert!(findings <= 64 * (seen + 1), "{findings} findings for {seen} records");
    if seen > scratch {
        assert!(incomplete, "{seen} records, scratch for {scratch}, no dicomdir/incomplete");
    }
});
