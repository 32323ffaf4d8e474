//! The committed corpus equals a fresh build of the recipes, and the sample DICOMDIR's
//! offsets and keys hold together.
//!
//! The DICOMDIR checks read the bytes with a small explicit VR little endian walker of
//! their own rather than with `lint-core`, so a parser bug cannot hide a builder bug.

use std::collections::BTreeMap;

use dcmlint_corpus::dicomdir::DicomDir;
use dcmlint_corpus::recipes::sample_patients;

#[test]
fn committed_corpus_is_fresh() {
    let stale = dcmlint_corpus::stale(&dcmlint_corpus::root());
    assert!(
        stale.is_empty(),
        "stale corpus files; run `cargo run -p dcmlint-corpus --bin build-corpus` and commit:\n  {}",
        stale.join("\n  ")
    );
}

#[test]
fn corpus_files_are_small() {
    for recipe in dcmlint_corpus::recipes() {
        assert!(
            recipe.bytes.len() <= 8192,
            "{} is {} bytes",
            recipe.path,
            recipe.bytes.len()
        );
    }
}

const UNDEFINED: u32 = u32::MAX;
const ITEM: u32 = 0xFFFE_E000;
const ITEM_END: u32 = 0xFFFE_E00D;
const SEQUENCE_END: u32 = 0xFFFE_E0DD;

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn tag_at(b: &[u8], at: usize) -> u32 {
    (u32::from(u16_at(b, at)) << 16) | u32::from(u16_at(b, at + 2))
}

/// One element header: tag, VR, where the value starts, its length.
fn header(b: &[u8], at: usize) -> (u32, [u8; 2], usize, u32) {
    let tag = tag_at(b, at);
    if tag >> 16 == 0xFFFE {
        return (tag, *b"na", at + 8, u32_at(b, at + 4));
    }
    let vr = [b[at + 4], b[at + 5]];
    if matches!(
        &vr,
        b"OB"
            | b"OD"
            | b"OF"
            | b"OL"
            | b"OV"
            | b"OW"
            | b"SQ"
            | b"SV"
            | b"UC"
            | b"UN"
            | b"UR"
            | b"UT"
            | b"UV"
    ) {
        (tag, vr, at + 12, u32_at(b, at + 8))
    } else {
        (tag, vr, at + 8, u32::from(u16_at(b, at + 6)))
    }
}

/// The end of the item starting at `at` (after its delimiter, if any).
fn item_end(b: &[u8], at: usize) -> usize {
    let (tag, _, start, len) = header(b, at);
    assert_eq!(tag, ITEM, "item tag expected at {at}");
    if len != UNDEFINED {
        return start + len as usize;
    }
    let mut pos = start;
    while tag_at(b, pos) != ITEM_END {
        pos = element_end(b, pos);
    }
    pos + 8
}

/// The end of the element starting at `at`.
fn element_end(b: &[u8], at: usize) -> usize {
    let (_, _, start, len) = header(b, at);
    if len != UNDEFINED {
        return start + len as usize;
    }
    let mut pos = start;
    while tag_at(b, pos) != SEQUENCE_END {
        pos = item_end(b, pos);
    }
    pos + 8
}

/// The elements of the data set in `b[from..to]` (sequence values left empty).
fn elements(b: &[u8], from: usize, to: usize) -> BTreeMap<u32, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pos = from;
    while pos < to {
        let (tag, vr, start, len) = header(b, pos);
        let end = element_end(b, pos);
        let value = if &vr == b"SQ" || len == UNDEFINED {
            Vec::new()
        } else {
            b[start..end].to_vec()
        };
        assert!(out.insert(tag, value).is_none(), "duplicate {tag:08X}");
        pos = end;
    }
    out
}

/// The item positions (offset of each `FE FF 00 E0`) of the Directory Record Sequence
/// and the top-level elements.
fn directory(b: &[u8]) -> (Vec<usize>, BTreeMap<u32, Vec<u8>>) {
    assert_eq!(&b[128..132], b"DICM");
    let mut pos = 132;
    let mut items = Vec::new();
    let mut top = BTreeMap::new();
    while pos < b.len() {
        let (tag, _, start, len) = header(b, pos);
        let end = element_end(b, pos);
        if tag == 0x0004_1220 {
            let mut at = start;
            while at < b.len() && tag_at(b, at) == ITEM {
                items.push(at);
                at = item_end(b, at);
            }
            if len == UNDEFINED {
                assert_eq!(tag_at(b, at), SEQUENCE_END);
            } else {
                assert_eq!(at, end, "items fill the sequence");
            }
        } else {
            top.insert(tag, b[start..end].to_vec());
        }
        pos = end;
    }
    (items, top)
}

fn ul(value: &[u8]) -> usize {
    u32::from_le_bytes(value.try_into().unwrap()) as usize
}

fn text(value: &[u8]) -> String {
    String::from_utf8_lossy(value)
        .trim_end_matches(['\0', ' '])
        .to_owned()
}

/// A record: its item position and elements.
struct Record {
    at: usize,
    el: BTreeMap<u32, Vec<u8>>,
}

/// Checks that every offset points at an item tag of the sequence and that the tree they
/// describe reaches each record exactly once; returns the records in tree order with
/// their ancestors.
fn check_offsets(b: &[u8]) -> Vec<(Vec<usize>, Record)> {
    let (items, top) = directory(b);
    assert!(!items.is_empty());
    let records: BTreeMap<usize, Record> = items
        .iter()
        .map(|&at| {
            let (_, _, start, _) = header(b, at);
            let end = item_end(b, at);
            let (_, _, _, len) = header(b, at);
            let body_end = if len == UNDEFINED { end - 8 } else { end };
            (
                at,
                Record {
                    at,
                    el: elements(b, start, body_end),
                },
            )
        })
        .collect();
    let target = |offset: usize, what: &str| {
        assert_eq!(
            &b[offset..offset + 4],
            &[0xFE, 0xFF, 0x00, 0xE0],
            "{what} = {offset} is not an item tag"
        );
        assert!(
            records.contains_key(&offset),
            "{what} = {offset} is not a record"
        );
    };
    let first = ul(&top[&0x0004_1200]);
    let last = ul(&top[&0x0004_1202]);
    target(first, "(0004,1200)");
    target(last, "(0004,1202)");
    assert_eq!(top[&0x0004_1212], [0, 0], "file-set consistency flag");
    assert_eq!(text(&top[&0x0004_1130]), "DCMLINT_SAMPLE");
    for record in records.values() {
        for tag in [0x0004_1400, 0x0004_1420] {
            let offset = ul(&record.el[&tag]);
            if offset != 0 {
                target(
                    offset,
                    &format!("({:04X},{:04X}) of {}", tag >> 16, tag & 0xFFFF, record.at),
                );
            }
        }
        assert_eq!(record.el[&0x0004_1410], [0xFF, 0xFF], "in-use flag");
    }
    // Walk the tree from the root.
    let mut seen = Vec::new();
    let mut out = Vec::new();
    let mut stack = vec![(first, Vec::new())];
    while let Some((mut at, ancestors)) = stack.pop() {
        let mut chain = Vec::new();
        while at != 0 {
            assert!(!seen.contains(&at), "record {at} reached twice");
            seen.push(at);
            chain.push(at);
            at = ul(&records[&at].el[&0x0004_1400]);
        }
        if ancestors.is_empty() {
            assert_eq!(chain.last(), Some(&last), "(0004,1202) ends the root chain");
        }
        for &at in chain.iter().rev() {
            let lower = ul(&records[&at].el[&0x0004_1420]);
            let mut below = ancestors.clone();
            below.push(at);
            if lower != 0 {
                stack.push((lower, below));
            }
        }
        for at in chain {
            let r = &records[&at];
            out.push((
                ancestors.clone(),
                Record {
                    at,
                    el: r.el.clone(),
                },
            ));
        }
    }
    assert_eq!(seen.len(), items.len(), "every record is reachable");
    out
}

#[test]
fn sample_dicomdir_offsets_point_at_items() {
    let root = dcmlint_corpus::root().join("media/sample");
    let b = std::fs::read(root.join("DICOMDIR")).unwrap();
    let tree = check_offsets(&b);
    let by_at: BTreeMap<usize, &Record> = tree.iter().map(|(_, r)| (r.at, r)).collect();
    let mut images = 0;
    for (ancestors, record) in &tree {
        let kind = text(&record.el[&0x0004_1430]);
        let expected_parent = match kind.as_str() {
            "PATIENT" => None,
            "STUDY" => Some("PATIENT"),
            "SERIES" => Some("STUDY"),
            "IMAGE" => Some("SERIES"),
            other => panic!("record type {other}"),
        };
        let parent = ancestors.last().map(|at| text(&by_at[at].el[&0x0004_1430]));
        assert_eq!(parent.as_deref(), expected_parent);
        if kind != "IMAGE" {
            assert_ne!(ul(&record.el[&0x0004_1420]), 0, "{kind} without children");
            continue;
        }
        images += 1;
        // The referenced file agrees with the record and its ancestors.
        let file_id = text(&record.el[&0x0004_1500]);
        let file = std::fs::read(root.join(file_id.replace('\\', "/"))).unwrap();
        let (meta_end, meta) = {
            let group = elements(&file, 132, 144);
            let end = 144 + ul(&group[&0x0002_0000]);
            (end, elements(&file, 144, end))
        };
        assert_eq!(meta[&0x0002_0002], record.el[&0x0004_1510]);
        assert_eq!(meta[&0x0002_0003], record.el[&0x0004_1511]);
        assert_eq!(meta[&0x0002_0010], record.el[&0x0004_1512]);
        let ds = elements(&file, meta_end, file.len());
        assert_eq!(ds[&0x0008_0016], record.el[&0x0004_1510]);
        assert_eq!(ds[&0x0008_0018], record.el[&0x0004_1511]);
        for at in ancestors.iter().chain([&record.at]) {
            for (tag, value) in &by_at[at].el {
                if tag >> 16 != 0x0004 {
                    assert_eq!(&ds[tag], value, "{file_id}: key {tag:08X}");
                }
            }
        }
    }
    assert_eq!(images, 9);
}

#[test]
fn undefined_length_dicomdir_offsets_point_at_items() {
    let patients = sample_patients();
    let defined = DicomDir::new("DCMLINT_SAMPLE", "1.2.3.4", &patients).build();
    let undefined = DicomDir::new("DCMLINT_SAMPLE", "1.2.3.4", &patients)
        .undefined_lengths(true)
        .build();
    // 21 records, each with an item delimiter, plus the sequence delimiter.
    assert_eq!(undefined.len(), defined.len() + 21 * 8 + 8);
    let a = check_offsets(&defined);
    let b = check_offsets(&undefined);
    assert_eq!(a.len(), b.len());
}

#[test]
fn a_shifted_offset_is_caught() {
    // Guards the checker itself: moving (0004,1200) by one item header must fail it.
    let patients = sample_patients();
    let mut bytes = DicomDir::new("DCMLINT_SAMPLE", "1.2.3.4", &patients).build();
    let (_, top) = directory(&bytes);
    let first = ul(&top[&0x0004_1200]);
    let at = bytes
        .windows(8)
        .position(|w| w[..4] == [0x04, 0x00, 0x00, 0x12] && &w[4..6] == b"UL")
        .unwrap()
        + 8;
    bytes[at..at + 4].copy_from_slice(&(first as u32 + 8).to_le_bytes());
    let result = std::panic::catch_unwind(|| check_offsets(&bytes));
    assert!(result.is_err());
}
