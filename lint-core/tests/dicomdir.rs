//! DICOMDIR record index and walk: the sample media set's DICOMDIR, pydicom's DICOMDIR
//! variants (explicit/implicit/big endian, reordered items, missing zero offsets, an empty
//! one, one with unknown record types), hand-made offset defects, and random mutations that
//! must never panic, loop or outgrow the scratch.
//!
//! The pydicom files need `pip install pydicom` (CI installs it); with
//! DCMLINT_SKIP_PYDICOM=1 those tests are skipped with a note, without it a missing
//! pydicom fails them.

use std::process::Command;

use lint_core::dicomdir::{
    OffsetKind, Parent, Placement, RecordIndex, RecordSlot, RecordType, Target, Walk, WalkEvent,
    WalkIssue, placement,
};
use lint_core::span::ByteSpan;
use lint_core::tag::{Tag, tags};
use proptest::prelude::*;

const SAMPLE: &[u8] = include_bytes!("../../corpus/media/sample/DICOMDIR");

fn text(bytes: &[u8], span: ByteSpan) -> String {
    let raw = &bytes[span.start as usize..span.end as usize];
    String::from_utf8_lossy(raw)
        .trim_end_matches([' ', '\0'])
        .to_owned()
}

/// The walk of a DICOMDIR as lines `depth TYPE FILE-ID` (pre-order), and its issues.
/// Checks on the way that enter/leave nest, that parents are the enclosing record, and
/// that no record is entered twice.
fn walk_lines(bytes: &[u8]) -> (Vec<String>, Vec<WalkIssue>) {
    let mut slots = vec![RecordSlot::EMPTY; 4096];
    let index = RecordIndex::read(bytes, &mut slots);
    let mut marks = vec![0u32; index.records().len()];
    let mut lines = Vec::new();
    let mut issues = Vec::new();
    let mut stack: Vec<u32> = Vec::new();
    let mut entered = vec![false; index.records().len()];
    for event in Walk::<16>::new(index, &mut marks) {
        match event {
            WalkEvent::EnterRecord {
                index: i,
                depth,
                parent,
            } => {
                assert_eq!(parent, stack.last().copied());
                assert_eq!(depth as usize, stack.len());
                assert!(!std::mem::replace(&mut entered[i as usize], true));
                stack.push(i);
                let record = index.get(i).unwrap();
                let kind = record
                    .directory_record_type()
                    .map(|t| text(bytes, t.span))
                    .unwrap_or_default();
                let file = record
                    .referenced_file_id()
                    .map(|s| text(bytes, s))
                    .unwrap_or_default();
                lines.push(format!("{depth} {kind} {file}").trim_end().to_owned());
            }
            WalkEvent::LeaveRecord { index: i, depth } => {
                assert_eq!(stack.pop(), Some(i));
                assert_eq!(depth as usize, stack.len());
            }
            WalkEvent::Issue(issue) => issues.push(issue),
        }
    }
    assert!(stack.is_empty());
    (lines, issues)
}

/// pydicom's data directory, or `None` (with a note) when DCMLINT_SKIP_PYDICOM is set.
fn pydicom_dicomdirs() -> Option<String> {
    if std::env::var_os("DCMLINT_SKIP_PYDICOM").is_some() {
        eprintln!("note: DCMLINT_SKIP_PYDICOM is set; skipping the pydicom DICOMDIR tests");
        return None;
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import pydicom, os; print(os.path.join(os.path.dirname(pydicom.__file__), 'data', 'test_files', 'dicomdirtests'))",
        ])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "pydicom is not installed: pip install pydicom (or set DCMLINT_SKIP_PYDICOM=1)"
    );
    Some(String::from_utf8(out.stdout).unwrap().trim().to_owned())
}

/// pydicom's reading of the same tree: its own parse, our offsets-only traversal rules
/// (0 or missing = none), stopping at an offset it has seen.
const PYDICOM_TREE: &str = r#"
import sys, pydicom
from pydicom.multival import MultiValue
ds = pydicom.dcmread(sys.argv[1], force=True)
recs = {r.seq_item_tell: r for r in ds.get("DirectoryRecordSequence", [])}
seen = set()
def chain(off, depth):
    while off and off in recs and off not in seen:
        seen.add(off)
        r = recs[off]
        fid = r.get("ReferencedFileID", "")
        fid = "\\".join(fid) if isinstance(fid, MultiValue) else str(fid)
        print(f"{depth} {r.get('DirectoryRecordType', '')} {fid}".rstrip())
        chain(r.get("OffsetOfReferencedLowerLevelDirectoryEntity", 0), depth + 1)
        off = r.get("OffsetOfTheNextDirectoryRecord", 0)
chain(ds.get("OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity", 0), 0)
"#;

fn pydicom_tree(path: &str) -> Vec<String> {
    let out = Command::new("python3")
        .args(["-c", PYDICOM_TREE, path])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn sample_dicomdir_tree() {
    let (lines, issues) = walk_lines(SAMPLE);
    assert_eq!(issues, []);
    let expected = [
        "0 PATIENT",
        "1 STUDY",
        "2 SERIES",
        "3 IMAGE DICOM\\P0000001\\ST000001\\SE000001\\IM000001",
        "3 IMAGE DICOM\\P0000001\\ST000001\\SE000001\\IM000002",
        "2 SERIES",
        "3 IMAGE DICOM\\P0000001\\ST000001\\SE000002\\IM000001",
        "0 PATIENT",
        "1 STUDY",
        "2 SERIES",
        "3 IMAGE DICOM\\P0000002\\ST000001\\SE000001\\IM000001",
        "1 STUDY",
        "2 SERIES",
        "3 IMAGE DICOM\\P0000002\\ST000002\\SE000001\\IM000001",
        "3 IMAGE DICOM\\P0000002\\ST000002\\SE000001\\IM000002",
        "0 PATIENT",
        "1 STUDY",
        "2 SERIES",
        "3 IMAGE DICOM\\P0000003\\ST000001\\SE000001\\IM000001",
        "3 IMAGE DICOM\\P0000003\\ST000001\\SE000001\\IM000002",
        "3 IMAGE DICOM\\P0000003\\ST000001\\SE000001\\IM000003",
    ];
    assert_eq!(lines, expected);
}

#[test]
fn sample_dicomdir_index() {
    let mut slots = [RecordSlot::EMPTY; 64];
    let index = RecordIndex::read(SAMPLE, &mut slots);
    assert!(index.is_complete());
    assert_eq!((index.seen(), index.kept()), (21, 21));
    assert_eq!(index.parse_error(), None);
    let info = index.info();
    assert_eq!(info.first.unwrap().value, Some(382));
    assert_eq!(info.last.unwrap().value, Some(2952));
    assert_eq!(info.consistency_flag.unwrap().value, Some(0));
    assert_eq!(info.record_sequences, 1);
    assert!(info.file_set_id.is_some());
    let first = &index.records()[0];
    assert_eq!(first.offset(), 382);
    assert_eq!(&SAMPLE[382..386], &[0xFE, 0xFF, 0x00, 0xE0]);
    assert_eq!(first.record_type(), RecordType::Patient);
    assert_eq!(first.next_offset().unwrap().value, Some(1552));
    assert_eq!(first.lower_offset().unwrap().value, Some(472));
    assert_eq!(first.record_in_use_flag().unwrap().value, Some(0xFFFF));
    assert_eq!(first.referenced_file_id(), None);
    // The next record starts where this item ends.
    assert_eq!(first.span().end, index.records()[1].offset());
    let image = &index.records()[3];
    assert_eq!(image.record_type(), RecordType::Image);
    assert_eq!(
        text(SAMPLE, image.referenced_sop_class_uid().unwrap()),
        "1.2.840.10008.5.1.4.1.1.2"
    );
    assert_eq!(
        text(SAMPLE, image.referenced_transfer_syntax_uid().unwrap()),
        "1.2.840.10008.1.2.1"
    );
    assert!(image.referenced_sop_instance_uid().is_some());
    assert_eq!(index.resolve(0), Target::Nothing);
    assert_eq!(index.resolve(382), Target::Record(0));
    assert_eq!(index.resolve(390), Target::Inside(0));
    assert_eq!(index.resolve(10), Target::NotOnItem);
    assert_eq!(index.resolve(SAMPLE.len() as u32), Target::PastEnd);
}

#[test]
fn pydicom_dicomdirs_walk_like_pydicom_reads_them() {
    let Some(dir) = pydicom_dicomdirs() else {
        return;
    };
    let read = |name: &str| std::fs::read(format!("{dir}/{name}")).unwrap();
    let (normal, issues) = walk_lines(&read("DICOMDIR"));
    assert_eq!(issues, [], "DICOMDIR");
    assert_eq!(normal.len(), 52);
    assert_eq!(normal.iter().filter(|l| l.starts_with("0 ")).count(), 2);
    assert_eq!(normal, pydicom_tree(&format!("{dir}/DICOMDIR")));
    // Same tree whatever the encoding, and whatever the item order.
    for name in [
        "DICOMDIR-bigEnd",
        "DICOMDIR-implicit",
        "DICOMDIR-reordered",
        "DICOMDIR-nooffset",
    ] {
        let (lines, issues) = walk_lines(&read(name));
        assert_eq!(issues, [], "{name}");
        assert_eq!(lines, normal, "{name}");
        assert_eq!(lines, pydicom_tree(&format!("{dir}/{name}")), "{name}");
    }
    // The reordered file's first items are IMAGE, SERIES, STUDY, PATIENT: the walk
    // follows offsets, not item order.
    let bytes = read("DICOMDIR-reordered");
    let mut slots = vec![RecordSlot::EMPTY; 64];
    let index = RecordIndex::read(&bytes, &mut slots);
    let order: Vec<_> = index.records()[..4]
        .iter()
        .map(RecordSlot::record_type)
        .collect();
    assert_eq!(
        order,
        [
            RecordType::Image,
            RecordType::Series,
            RecordType::Study,
            RecordType::Patient
        ]
    );
    // Missing zero offsets read as "none".
    let bytes = read("DICOMDIR-nooffset");
    let index = RecordIndex::read(&bytes, &mut slots);
    let last = index.records().last().unwrap();
    assert_eq!((last.next_offset(), last.lower_offset()), (None, None));
}

#[test]
fn pydicom_empty_and_unknown_type_dicomdirs() {
    let Some(dir) = pydicom_dicomdirs() else {
        return;
    };
    let bytes = std::fs::read(format!("{dir}/DICOMDIR-empty.dcm")).unwrap();
    let (lines, issues) = walk_lines(&bytes);
    assert_eq!((lines.len(), issues), (0, vec![]));
    let mut slots = vec![RecordSlot::EMPTY; 8];
    let index = RecordIndex::read(&bytes, &mut slots);
    assert_eq!(index.info().first.unwrap().value, Some(0));
    assert_eq!(index.info().record_sequences, 1);

    // Built from the reordered file with the patients' type made invalid and (0004,1200)
    // left at 396, which is now the IMAGE record: the root chain is that one image.
    let path = format!("{dir}/DICOMDIR-nopatient");
    let bytes = std::fs::read(&path).unwrap();
    let (lines, issues) = walk_lines(&bytes);
    assert_eq!(lines, pydicom_tree(&path));
    assert_eq!(lines, ["0 IMAGE 77654033\\CR1\\6154"]);
    let mut slots = vec![RecordSlot::EMPTY; 64];
    let index = RecordIndex::read(&bytes, &mut slots);
    let unknown = index
        .records()
        .iter()
        .filter(|r| r.record_type() == RecordType::Unknown)
        .count();
    assert_eq!(unknown, 2);
    assert_eq!(
        issues[0],
        WalkIssue::LastRecordMismatch {
            last: 3126,
            actual: Some(0),
            at: index.info().last.unwrap().span,
        }
    );
    let orphans = issues
        .iter()
        .filter(|i| matches!(i, WalkIssue::Unreachable { .. }))
        .count();
    // The changed type broke the offsets: one head, the 50 records behind it its group.
    assert_eq!((orphans, issues.len()), (1, 2));
    assert!(matches!(
        issues[1],
        WalkIssue::Unreachable { below: 50, .. }
    ));
}

// ---------------------------------------------------------------------------------------
// Hand-made DICOMDIRs. lint-core cannot use the corpus crate's builder (the corpus crate
// depends on lint-core), so this writes the bytes itself.

/// Where an offset points.
#[derive(Clone, Copy, Debug)]
enum Link {
    /// 0.
    Zero,
    /// The item tag of record `n`.
    To(usize),
    /// `delta` bytes after the item tag of record `n`.
    Inside(usize, u32),
    /// A literal value.
    Raw(u32),
    /// A 2-byte UL value (unreadable as an offset).
    Short,
    /// The element is left out.
    Absent,
}

#[derive(Clone, Copy, Debug)]
struct Rec {
    kind: &'static str,
    next: Link,
    lower: Link,
}

const fn rec(kind: &'static str, next: Link, lower: Link) -> Rec {
    Rec { kind, next, lower }
}

fn el(out: &mut Vec<u8>, tag: Tag, vr: &str, value: &[u8]) {
    out.extend_from_slice(&tag.group.to_le_bytes());
    out.extend_from_slice(&tag.element.to_le_bytes());
    out.extend_from_slice(vr.as_bytes());
    if vr == "SQ" || vr == "OB" {
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&(value.len() as u32).to_le_bytes());
    } else {
        out.extend_from_slice(&(value.len() as u16).to_le_bytes());
    }
    out.extend_from_slice(value);
}

fn padded(s: &str, pad: u8) -> Vec<u8> {
    let mut v = s.as_bytes().to_vec();
    if v.len() % 2 == 1 {
        v.push(pad);
    }
    v
}

fn offset_el(out: &mut Vec<u8>, tag: Tag, link: Link, offsets: &[u32]) {
    let value = match link {
        Absent => return,
        Short => return el(out, tag, "UL", &[1, 0]),
        Zero => 0,
        To(n) => offsets[n],
        Inside(n, delta) => offsets[n] + delta,
        Raw(v) => v,
    };
    el(out, tag, "UL", &value.to_le_bytes());
}

fn item(record: &Rec, offsets: &[u32]) -> Vec<u8> {
    let mut body = Vec::new();
    offset_el(
        &mut body,
        tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
        record.next,
        offsets,
    );
    el(&mut body, tags::RECORD_IN_USE_FLAG, "US", &[0xFF, 0xFF]);
    offset_el(
        &mut body,
        tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY,
        record.lower,
        offsets,
    );
    el(
        &mut body,
        tags::DIRECTORY_RECORD_TYPE,
        "CS",
        &padded(record.kind, b' '),
    );
    let mut out = vec![0xFE, 0xFF, 0x00, 0xE0];
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// A Part 10 DICOMDIR (explicit VR little endian) with these records, in this item order.
fn dicomdir(records: &[Rec], first: Link, last: Link) -> Vec<u8> {
    let mut group = Vec::new();
    el(
        &mut group,
        tags::FILE_META_INFORMATION_VERSION,
        "OB",
        &[0, 1],
    );
    el(
        &mut group,
        tags::MEDIA_STORAGE_SOP_CLASS_UID,
        "UI",
        &padded("1.2.840.10008.1.3.10", 0),
    );
    el(
        &mut group,
        tags::MEDIA_STORAGE_SOP_INSTANCE_UID,
        "UI",
        &padded("1.2.3.4", 0),
    );
    el(
        &mut group,
        tags::TRANSFER_SYNTAX_UID,
        "UI",
        &padded("1.2.840.10008.1.2.1", 0),
    );
    let mut out = vec![0u8; 128];
    out.extend_from_slice(b"DICM");
    el(
        &mut out,
        tags::FILE_META_INFORMATION_GROUP_LENGTH,
        "UL",
        &(group.len() as u32).to_le_bytes(),
    );
    out.extend_from_slice(&group);
    let build = |offsets: &[u32]| {
        let mut ds = out.clone();
        el(&mut ds, tags::FILE_SET_ID, "CS", b"TEST");
        offset_el(
            &mut ds,
            tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
            first,
            offsets,
        );
        offset_el(
            &mut ds,
            tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
            last,
            offsets,
        );
        el(&mut ds, tags::FILE_SET_CONSISTENCY_FLAG, "US", &[0, 0]);
        let items: Vec<Vec<u8>> = records.iter().map(|r| item(r, offsets)).collect();
        let body: Vec<u8> = items.concat();
        el(&mut ds, tags::DIRECTORY_RECORD_SEQUENCE, "SQ", &body);
        let start = (ds.len() - body.len()) as u32;
        let starts: Vec<u32> = items
            .iter()
            .scan(start, |at, item| {
                let here = *at;
                *at += item.len() as u32;
                Some(here)
            })
            .collect();
        (ds, starts)
    };
    // Offsets do not change sizes: one pass to learn them, one to write them.
    let (_, offsets) = build(&vec![0; records.len()]);
    build(&offsets).0
}

fn issues_of(bytes: &[u8]) -> Vec<WalkIssue> {
    walk_lines(bytes).1
}

/// Each issue's kind; an orphan group as `orphan R+N` (head record R, N records below).
fn kinds(issues: &[WalkIssue]) -> Vec<String> {
    issues
        .iter()
        .map(|i| match i {
            WalkIssue::ScratchTooSmall { .. } => "scratch".to_owned(),
            WalkIssue::IndexIncomplete { .. } => "incomplete".to_owned(),
            WalkIssue::UnreadableOffset { .. } => "unreadable".to_owned(),
            WalkIssue::OffsetNotOnItem { .. } => "not-on-item".to_owned(),
            WalkIssue::OffsetPastEnd { .. } => "past-end".to_owned(),
            WalkIssue::NotIndexed { .. } => "not-indexed".to_owned(),
            WalkIssue::RootPair { .. } => "root-pair".to_owned(),
            WalkIssue::Cycle { .. } => "cycle".to_owned(),
            WalkIssue::SharedChild { .. } => "shared".to_owned(),
            WalkIssue::TooDeep { .. } => "too-deep".to_owned(),
            WalkIssue::LastRecordMismatch { .. } => "last".to_owned(),
            WalkIssue::Unreachable { record, below, .. } => format!("orphan {record}+{below}"),
        })
        .collect()
}

use Link::{Absent, Inside, Raw, Short, To, Zero};

/// PATIENT(STUDY(SERIES(IMAGE, IMAGE))), PATIENT(STUDY(SERIES(IMAGE))): items 0..=8.
fn good() -> Vec<Rec> {
    vec![
        rec("PATIENT", To(5), To(1)),
        rec("STUDY", Zero, To(2)),
        rec("SERIES", Zero, To(3)),
        rec("IMAGE", To(4), Zero),
        rec("IMAGE", Zero, Zero),
        rec("PATIENT", Zero, To(6)),
        rec("STUDY", Zero, To(7)),
        rec("SERIES", Zero, To(8)),
        rec("IMAGE", Zero, Zero),
    ]
}

#[test]
fn hand_made_valid_tree() {
    let bytes = dicomdir(&good(), To(0), To(5));
    let (lines, issues) = walk_lines(&bytes);
    assert_eq!(issues, []);
    assert_eq!(
        lines,
        [
            "0 PATIENT",
            "1 STUDY",
            "2 SERIES",
            "3 IMAGE",
            "3 IMAGE",
            "0 PATIENT",
            "1 STUDY",
            "2 SERIES",
            "3 IMAGE"
        ]
    );
}

#[test]
fn items_in_reverse_order_give_the_same_tree() {
    // Item i of the reversed file is record 8 - i of `good()`.
    let reversed: Vec<Rec> = good()
        .iter()
        .rev()
        .map(|r| {
            let flip = |l: Link| match l {
                To(n) => To(8 - n),
                other => other,
            };
            rec(r.kind, flip(r.next), flip(r.lower))
        })
        .collect();
    let a = walk_lines(&dicomdir(&good(), To(0), To(5)));
    let b = walk_lines(&dicomdir(&reversed, To(8), To(3)));
    assert_eq!(a, b);
}

#[test]
fn cycle_in_siblings() {
    let mut records = good();
    records[4].next = To(3); // IMAGE 4 → IMAGE 3 → IMAGE 4 …
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    assert_eq!(kinds(&issues), ["cycle"]);
    let WalkIssue::Cycle {
        field,
        record,
        target,
        ..
    } = issues[0]
    else {
        unreachable!()
    };
    assert_eq!((field, record, target), (OffsetKind::Next, 4, 3));

    // A record that is its own next sibling.
    let mut records = good();
    records[5].next = To(5);
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    assert!(matches!(
        issues[..],
        [WalkIssue::Cycle {
            field: OffsetKind::Next,
            record: 5,
            target: 5,
            ..
        }]
    ));
}

#[test]
fn self_reference_child_and_child_pointing_up() {
    let mut records = good();
    records[2].lower = To(2);
    let bytes = dicomdir(&records, To(0), To(5));
    let issues = issues_of(&bytes);
    // The series' images are then reached by nothing.
    assert_eq!(kinds(&issues), ["cycle", "orphan 3+1"]);
    assert!(matches!(
        issues[0],
        WalkIssue::Cycle {
            field: OffsetKind::Lower,
            record: 2,
            target: 2,
            ..
        }
    ));

    let mut records = good();
    records[4].next = To(1); // the last image's next sibling is its grandparent
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    assert!(matches!(
        issues[..],
        [WalkIssue::Cycle {
            field: OffsetKind::Next,
            record: 4,
            target: 1,
            ..
        }]
    ));

    // A child whose lower-level entity is an earlier sibling of its parent: that sibling
    // leads back here by next offsets, so this is a loop too.
    let mut records = good();
    records[6].lower = To(0);
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    assert_eq!(kinds(&issues), ["cycle", "orphan 7+1"]);
}

#[test]
fn offset_into_the_middle_of_an_item() {
    let mut records = good();
    records[0].next = Inside(5, 12);
    let bytes = dicomdir(&records, To(0), To(5));
    let issues = issues_of(&bytes);
    assert_eq!(kinds(&issues), ["not-on-item", "last", "orphan 5+3"]);
    let mut slots = vec![RecordSlot::EMPTY; 16];
    let index = RecordIndex::read(&bytes, &mut slots);
    let five = index.records()[5].offset() as u32;
    assert!(matches!(
        issues[0],
        WalkIssue::OffsetNotOnItem {
            field: OffsetKind::Next,
            record: Some(0),
            inside: Some(5),
            offset,
            at,
        } if offset == five + 12 && at == index.records()[0].next_offset().unwrap().span
    ));
    assert_eq!(
        issues[1],
        WalkIssue::LastRecordMismatch {
            last: five,
            actual: Some(0),
            at: index.info().last.unwrap().span
        }
    );

    // Into the File Meta group: on no item at all.
    let mut records = good();
    records[3].next = Raw(140);
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    assert!(matches!(
        issues[..],
        [
            WalkIssue::OffsetNotOnItem {
                field: OffsetKind::Next,
                record: Some(3),
                offset: 140,
                inside: None,
                ..
            },
            WalkIssue::Unreachable { record: 4, .. }
        ]
    ));
}

#[test]
fn offset_past_the_end() {
    let mut records = good();
    records[2].lower = Raw(0xFFFF_FFF0);
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    assert_eq!(kinds(&issues), ["past-end", "orphan 3+1"]);
    // A root that leads nowhere: every record is an orphan.
    let issues = issues_of(&dicomdir(&good(), Raw(1_000_000), To(5)));
    assert_eq!(kinds(&issues[..2]), ["past-end", "last"]);
    assert_eq!(kinds(&issues[2..]), ["orphan 0+8"]);
}

#[test]
fn shared_child() {
    let mut records = good();
    records[5].lower = To(1); // both patients claim the first study
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    assert_eq!(kinds(&issues), ["shared", "orphan 6+2"]);
    assert!(matches!(
        issues[0],
        WalkIssue::SharedChild {
            field: OffsetKind::Lower,
            record: 5,
            target: 1,
            ..
        }
    ));
    // A chain that joins another entity's chain.
    let mut records = good();
    records[8].next = To(4);
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    assert!(matches!(
        issues[..],
        [WalkIssue::SharedChild {
            field: OffsetKind::Next,
            record: 8,
            target: 4,
            ..
        }]
    ));
}

#[test]
fn orphan_records() {
    let mut records = good();
    records.push(rec("PATIENT", Zero, Zero)); // in the sequence, in no chain
    let bytes = dicomdir(&records, To(0), To(5));
    let issues = issues_of(&bytes);
    let mut slots = vec![RecordSlot::EMPTY; 16];
    let index = RecordIndex::read(&bytes, &mut slots);
    assert_eq!(
        issues,
        [WalkIssue::Unreachable {
            record: 9,
            below: 0,
            at: index.records()[9].header()
        }]
    );
    // An empty root with records: all of them are orphans.
    let issues = issues_of(&dicomdir(&good(), Zero, Zero));
    assert_eq!(kinds(&issues), ["orphan 0+8"]);
}

#[test]
fn root_offsets() {
    let issues = issues_of(&dicomdir(&good(), To(0), Zero));
    assert!(matches!(issues[..], [WalkIssue::RootPair { last: 0, .. }]));
    let issues = issues_of(&dicomdir(&good(), To(0), To(0)));
    assert!(matches!(
        issues[..],
        [WalkIssue::LastRecordMismatch {
            actual: Some(5),
            ..
        }]
    ));
    let issues = issues_of(&dicomdir(&good(), To(0), Inside(5, 2)));
    assert_eq!(kinds(&issues), ["not-on-item"]);
    let issues = issues_of(&dicomdir(&good(), Absent, Absent));
    assert_eq!(kinds(&issues), ["orphan 0+8"]);
}

#[test]
fn unreadable_and_missing_offsets() {
    let mut records = good();
    records[0].next = Short;
    records[3].next = Absent;
    let bytes = dicomdir(&records, To(0), To(5));
    let issues = issues_of(&bytes);
    assert_eq!(
        kinds(&issues),
        ["unreadable", "last", "orphan 4+0", "orphan 5+3"]
    );
    let mut slots = vec![RecordSlot::EMPTY; 16];
    let index = RecordIndex::read(&bytes, &mut slots);
    let next = index.records()[0].next_offset().unwrap();
    assert_eq!((next.value, next.span.len()), (None, 2));
    assert_eq!(index.records()[3].next_offset(), None);
}

#[test]
fn depth_bound() {
    // A chain of 20 PRIVATE records, each the lower-level entity of the one before.
    let records: Vec<Rec> = (0..20)
        .map(|i| rec("PRIVATE", Zero, if i < 19 { To(i + 1) } else { Zero }))
        .collect();
    let bytes = dicomdir(&records, To(0), To(0));
    let (lines, issues) = walk_lines(&bytes);
    assert_eq!(lines.len(), 16);
    assert_eq!(lines[15], "15 PRIVATE");
    assert!(matches!(
        issues[0],
        WalkIssue::TooDeep {
            record: 15,
            limit: 16,
            ..
        }
    ));
    assert_eq!(kinds(&issues[1..]), ["orphan 16+3"]);
}

#[test]
fn scratch_too_small() {
    let bytes = dicomdir(&good(), To(0), To(5));
    let mut slots = [RecordSlot::EMPTY; 3];
    let index = RecordIndex::read(&bytes, &mut slots);
    assert_eq!(
        (index.seen(), index.kept(), index.is_complete()),
        (9, 3, false)
    );
    let beyond = index.records()[2].span().end as u32 + 4;
    assert_eq!(
        index.resolve(beyond),
        Target::NotIndexed,
        "{:?}",
        index.records()[2].span()
    );
    let mut marks = [0u32; 3];
    let events: Vec<_> = Walk::<16>::new(index, &mut marks).collect();
    let issues: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            WalkEvent::Issue(i) => Some(*i),
            _ => None,
        })
        .collect();
    // (0004,1202), the series' lower-level entity and the first patient's next sibling
    // all lie beyond the three records kept.
    assert_eq!(
        kinds(&issues),
        ["incomplete", "not-indexed", "not-indexed", "not-indexed"]
    );
    assert_eq!(issues[0], WalkIssue::IndexIncomplete { seen: 9, kept: 3 });
    let entered = events
        .iter()
        .filter(|e| matches!(e, WalkEvent::EnterRecord { .. }))
        .count();
    assert_eq!(entered, 3);

    // A walk scratch smaller than the index: nothing walked, said once.
    let mut slots = [RecordSlot::EMPTY; 16];
    let index = RecordIndex::read(&bytes, &mut slots);
    let mut marks = [0u32; 4];
    let events: Vec<_> = Walk::<16>::new(index, &mut marks).collect();
    assert_eq!(
        events,
        [WalkEvent::Issue(WalkIssue::ScratchTooSmall {
            needed: 9,
            given: 4
        })]
    );

    // No scratch at all.
    let index = RecordIndex::read(&bytes, &mut []);
    assert_eq!((index.seen(), index.kept()), (9, 0));
    let events: Vec<_> = Walk::<16>::new(index, &mut []).collect();
    let issues: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            WalkEvent::Issue(i) => Some(*i),
            _ => None,
        })
        .collect();
    // (0004,1202) and (0004,1200) both lie beyond the (zero) records kept.
    assert_eq!(kinds(&issues), ["incomplete", "not-indexed", "not-indexed"]);
}

#[test]
fn truncated_stream() {
    // Cut inside the item header of record 7: the parser stops there, and the study's
    // lower-level offset (to record 7, still within the input) cannot be judged, so it is
    // "not indexed" rather than "not on an item".
    let bytes = dicomdir(&good(), To(0), To(5));
    let mut slots = vec![RecordSlot::EMPTY; 16];
    let cut = RecordIndex::read(&bytes, &mut slots).records()[7].offset() as usize + 4;
    let bytes = &bytes[..cut];
    let mut slots = vec![RecordSlot::EMPTY; 16];
    let index = RecordIndex::read(bytes, &mut slots);
    assert!(index.parse_error().is_some_and(|e| e.fatal));
    assert_eq!(
        (index.seen(), index.kept(), index.is_complete()),
        (7, 7, true)
    );
    let (lines, issues) = walk_lines(bytes);
    assert_eq!(lines.len(), 7);
    assert!(matches!(
        issues[..],
        [WalkIssue::NotIndexed {
            field: OffsetKind::Lower,
            record: Some(6),
            ..
        }]
    ));
}

#[test]
fn hierarchy_of_the_sample() {
    // What a DIR-HIERARCHY rule will do: judge each parent/child pair the walk yields.
    let mut slots = [RecordSlot::EMPTY; 64];
    let index = RecordIndex::read(SAMPLE, &mut slots);
    let mut marks = [0u32; 64];
    for event in Walk::<16>::new(index, &mut marks) {
        if let WalkEvent::EnterRecord {
            index: i, parent, ..
        } = event
        {
            let parent = match parent {
                Some(p) => Parent::Record(index.get(p).unwrap().record_type()),
                None => Parent::Root,
            };
            let child = index.get(i).unwrap().record_type();
            assert_eq!(placement(parent, child), Placement::Allowed);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Random mutations: never a panic, always an end, never more than the scratch.

/// Walks `bytes` with `slots` index slots and `marks` walk words, checking the invariants.
fn walk_checked(bytes: &[u8], slots: usize, marks: usize) -> Result<(), TestCaseError> {
    let mut slot_buf = vec![RecordSlot::EMPTY; slots];
    let index = RecordIndex::read(bytes, &mut slot_buf);
    let kept = index.records().len();
    prop_assert!(kept <= slots);
    prop_assert!(kept as u32 <= index.seen());
    for record in index.records() {
        prop_assert!(record.span().end <= bytes.len() as u64);
    }
    let mut mark_buf = vec![0u32; marks];
    let mut entered = vec![false; kept];
    let mut depth = 0usize;
    let mut n = 0usize;
    for event in Walk::<8>::new(index, &mut mark_buf) {
        n += 1;
        // Enter + leave + three issues per record, and a few at the start and end.
        prop_assert!(n <= 5 * kept + 8, "too many events");
        match event {
            WalkEvent::EnterRecord {
                index: i,
                depth: d,
                parent,
            } => {
                prop_assert!((i as usize) < kept);
                prop_assert!(!std::mem::replace(&mut entered[i as usize], true));
                prop_assert_eq!(d as usize, depth);
                prop_assert!(d < 8);
                prop_assert!(parent.is_none_or(|p| (p as usize) < kept));
                depth += 1;
            }
            WalkEvent::LeaveRecord { depth: d, .. } => {
                depth -= 1;
                prop_assert_eq!(d as usize, depth);
            }
            WalkEvent::Issue(issue) => {
                let _ = issue.to_string();
            }
        }
    }
    prop_assert_eq!(depth, 0);
    Ok(())
}

/// Where the sample's offset values lie, and the offsets of its records.
fn sample_offsets() -> (Vec<ByteSpan>, Vec<u32>) {
    let mut slots = vec![RecordSlot::EMPTY; 64];
    let index = RecordIndex::read(SAMPLE, &mut slots);
    let mut fields: Vec<ByteSpan> = index
        .records()
        .iter()
        .flat_map(|r| [r.next_offset(), r.lower_offset()])
        .flatten()
        .map(|f| f.span)
        .collect();
    fields.extend(
        [index.info().first, index.info().last]
            .into_iter()
            .flatten()
            .map(|f| f.span),
    );
    let records = index.records().iter().map(|r| r.offset() as u32).collect();
    (fields, records)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Offsets rewired at random to other records, into items or anywhere: cycles, shared
    /// children, orphans, all at once.
    #[test]
    fn rewired_offsets_never_panic(
        rewires in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0u32..3, any::<u32>()), 0..12),
        slots in 0usize..40,
        marks in 0usize..40,
    ) {
        let (fields, records) = sample_offsets();
        let mut bytes = SAMPLE.to_vec();
        for (field, target, how, raw) in rewires {
            let at = fields[field.index(fields.len())];
            let value = match how {
                0 => records[target.index(records.len())],
                1 => records[target.index(records.len())] + raw % 64,
                _ => raw,
            };
            bytes[at.start as usize..at.end as usize].copy_from_slice(&value.to_le_bytes());
        }
        walk_checked(&bytes, slots, marks)?;
        walk_checked(&bytes, 64, 64)?;
    }

    /// Random bytes written anywhere, and random truncation.
    #[test]
    fn mutated_bytes_never_panic(
        writes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..24),
        cut in any::<prop::sample::Index>(),
        slots in 0usize..40,
    ) {
        let mut bytes = SAMPLE.to_vec();
        for (at, byte) in writes {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let keep = bytes.len() - cut.index(bytes.len() / 4 + 1);
        bytes.truncate(keep);
        walk_checked(&bytes, slots, 64)?;
    }
}

#[test]
fn orphan_groups_cycles_and_the_pass_budget() {
    // Two lost patients: one with a study below it, one alone; and two IMAGE records
    // whose next offsets lead to each other (no head: reported at the first).
    let mut records = good();
    records.push(rec("PATIENT", Zero, To(10))); // 9
    records.push(rec("STUDY", Zero, Zero)); // 10
    records.push(rec("PATIENT", Zero, Zero)); // 11
    records.push(rec("IMAGE", To(13), Zero)); // 12
    records.push(rec("IMAGE", To(12), Zero)); // 13
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    assert_eq!(kinds(&issues), ["orphan 9+1", "orphan 11+0", "orphan 12+1"]);

    // A chain of 200 orphans whose next offsets run backwards through the sequence:
    // each pass carries the head one record further, so after the pass budget (64) the
    // rest are reported one by one. Bounded work, every orphan still reported.
    let mut records = good();
    for i in 0..200 {
        let next = if i == 0 { Zero } else { To(9 + i - 1) };
        records.push(rec("IMAGE", next, Zero));
    }
    let issues = issues_of(&dicomdir(&records, To(0), To(5)));
    let kinds = kinds(&issues);
    assert_eq!(kinds.len(), 1 + (200 - 1 - 64));
    assert!(kinds.contains(&"orphan 208+64".to_owned()), "{kinds:?}");
    let covered: u32 = issues
        .iter()
        .map(|i| match i {
            WalkIssue::Unreachable { below, .. } => below + 1,
            _ => 0,
        })
        .sum();
    assert_eq!(covered, 200);
}
