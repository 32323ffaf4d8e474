//! DICOMDIRs: the tree checks and the file-set summary.
//!
//! A file is a DICOMDIR when its name is `DICOMDIR` (any case, as media file systems
//! show it) or its (0002,0002) is Media Storage Directory Storage. After the stream rules
//! have run over it like over any file, it is read whole, indexed once
//! ([`RecordIndex`]), and
//!
//! - checked with the `dicomdir/*` rules ([`lint_rules::dicomdir::check_index`]), whose
//!   findings join the file's report with their tag paths and byte offsets;
//! - handed to [`media_checks`], the hook for checks of the file-set on disk (referenced
//!   files, file names);
//! - summarised as a tree (patients → studies → series → instance counts) for the human
//!   output, names decoded with each record's own (0008,0005).
//!
//! Scratch is sized from the file: a first indexing pass with no slots counts the
//! records, so memory is one slot, mark and key per record, never a guess.

use std::fmt::Write as _;
use std::path::Path;

use lint_core::ByteSpan;
use lint_core::charset::decode::{Piece, decode};
use lint_core::charset::{SpecificCharacterSet, TextKind};
use lint_core::dicomdir::{RecordIndex, RecordSlot, RecordType, Walk, WalkEvent};
use lint_core::parser::{Event, Events, Section, TagPath};
use lint_core::tag::{Tag, tags};
use lint_rules::dicomdir::{KeyEntry, check_index};
use lint_rules::{Finding, Selection};

use crate::diagnostic::Diagnostic;

/// The SOP Class of a DICOMDIR (PS3.10 §8.6).
const MEDIA_STORAGE_DIRECTORY: &[u8] = b"1.2.840.10008.1.3.10";

/// At most this many lines of tree are shown; a 100,000-record file-set would bury the
/// findings.
const MAX_TREE_LINES: usize = 200;

/// Whether a file is a DICOMDIR by its name.
pub fn named_dicomdir(path: &Path) -> bool {
    // On the path's bytes: asked of every file of a run, so no component parsing.
    let mut name = path.as_os_str().as_encoded_bytes();
    // ISO 9660 shows `DICOMDIR.;1`, some copies `DICOMDIR.`.
    name = name.strip_suffix(b";1").unwrap_or(name);
    while let Some(rest) = name.strip_suffix(b".") {
        name = rest;
    }
    let Some(split) = name.len().checked_sub(8) else {
        return false;
    };
    let (parent, last) = name.split_at(split);
    last.eq_ignore_ascii_case(b"DICOMDIR")
        && parent
            .last()
            .is_none_or(|&b| b == b'/' || (cfg!(windows) && b == b'\\'))
}

/// Whether a File Meta element says the file is a DICOMDIR.
pub fn is_directory_class(event: &Event<'_>) -> bool {
    match event {
        Event::Element(element)
            if element.section == Section::FileMeta
                && element.header.tag == tags::MEDIA_STORAGE_SOP_CLASS_UID =>
        {
            element
                .value
                .is_some_and(|v| lint_core::transfer_syntax::trim_uid(v) == MEDIA_STORAGE_DIRECTORY)
        }
        _ => false,
    }
}

/// Whether an event starts a directory record: an item of the root-level (0004,1220).
pub fn is_record_start(event: &Event<'_>, path: TagPath<'_>) -> bool {
    matches!(event, Event::ItemStart(item) if item.sequence == tags::DIRECTORY_RECORD_SEQUENCE)
        && path.depth() == 1
}

/// Checks of the file-set on disk (referenced files exist, are DICOM and match their
/// records; file names): the `media/*` rules over `std::fs` ([`crate::medium`]).
/// `dicomdir_path` is the DICOMDIR, `bytes` its content and `index` its records.
pub fn media_checks(
    dicomdir_path: &Path,
    bytes: &[u8],
    index: &RecordIndex<'_>,
    selection: &Selection,
) -> Vec<Diagnostic> {
    crate::medium::check_file_set(dicomdir_path, bytes, index, selection)
}

/// What a DICOMDIR adds to its file's report.
#[derive(Debug, Default)]
pub struct Checked {
    /// The `dicomdir/*` findings and the media checks', in offset order.
    pub diagnostics: Vec<Diagnostic>,
    /// The file-set summary, one line per entry, for the human output.
    pub tree: Vec<String>,
}

/// Runs the tree checks, the media checks and the summary over a DICOMDIR's bytes.
/// `records` is how many directory records the stream pass saw ([`is_record_start`]).
pub fn check(path: &Path, bytes: &[u8], selection: Selection, records: usize) -> Checked {
    let mut slots = vec![RecordSlot::EMPTY; records];
    let mut index = RecordIndex::read(bytes, &mut slots);
    let records = index.seen() as usize;
    if !index.is_complete() {
        // The stream pass counted otherwise (it cannot have, but the index knows best).
        slots = vec![RecordSlot::EMPTY; records];
        index = RecordIndex::read(bytes, &mut slots);
    }
    let mut marks = vec![0u32; records];
    let mut keys = vec![KeyEntry::EMPTY; records];
    let mut diagnostics = Vec::new();
    let mut sink = |finding: &Finding<'_>| {
        diagnostics.push(crate::check::to_diagnostic(finding, bytes, 0, false));
    };
    // The file-set checks wait for the other files' facts and end the run; with more
    // than one worker they run on a thread of their own, beside the tree checks and the
    // summary, so the DICOMDIR's share of the run is not one long chain on one core.
    let media = |index: &RecordIndex<'_>| media_checks(path, bytes, index, &selection);
    let (tree, media) = if rayon::current_num_threads() > 1 {
        let waits = crate::medium::waits_on_this_thread();
        std::thread::scope(|scope| {
            let media = scope.spawn(|| {
                if waits {
                    crate::medium::wait_on_this_thread();
                }
                media(&index)
            });
            check_index(bytes, index, &mut marks, &mut keys, &selection, &mut sink);
            let tree = summary(bytes, index, &mut marks);
            match media.join() {
                Ok(media) => (tree, media),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    } else {
        check_index(bytes, index, &mut marks, &mut keys, &selection, &mut sink);
        (summary(bytes, index, &mut marks), media(&index))
    };
    diagnostics.extend(media);
    diagnostics.sort_by_key(|d| d.span.map_or(0, |s| s.start));
    Checked { diagnostics, tree }
}

/// The keys of one record that the summary shows (value spans).
#[derive(Clone, Copy, Debug, Default)]
struct Keys {
    charset: Option<ByteSpan>,
    patient_name: Option<ByteSpan>,
    patient_id: Option<ByteSpan>,
    study_date: Option<ByteSpan>,
    study_description: Option<ByteSpan>,
    modality: Option<ByteSpan>,
    series_number: Option<ByteSpan>,
    series_description: Option<ByteSpan>,
}

impl Keys {
    fn note(&mut self, tag: Tag, span: ByteSpan) {
        let slot = match tag {
            tags::SPECIFIC_CHARACTER_SET => &mut self.charset,
            tags::PATIENT_NAME => &mut self.patient_name,
            tags::PATIENT_ID => &mut self.patient_id,
            tags::STUDY_DATE => &mut self.study_date,
            tags::STUDY_DESCRIPTION => &mut self.study_description,
            tags::MODALITY => &mut self.modality,
            tags::SERIES_NUMBER => &mut self.series_number,
            tags::SERIES_DESCRIPTION => &mut self.series_description,
            _ => return,
        };
        *slot = slot.or(Some(span));
    }
}

/// The summary keys of the entity-level records (one pass over the events). Instance
/// records, most of a large DICOMDIR, are only counted, so they get no entry: `slot[i]`
/// is record `i`'s entry in the returned keys, or `u32::MAX`.
fn record_keys(bytes: &[u8], records: &[RecordSlot]) -> (Vec<u32>, Vec<Keys>) {
    let mut slot = vec![u32::MAX; records.len()];
    let mut keys = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if !record.record_type().references_instance() {
            slot[i] = keys.len() as u32;
            keys.push(Keys::default());
        }
    }
    let mut depth = 0u32;
    let mut in_records = false;
    let mut item: Option<usize> = None;
    let mut items = 0usize;
    for event in Events::<{ lint_core::parser::DEFAULT_DEPTH }>::new(bytes).flatten() {
        match event {
            Event::SequenceStart(start) => {
                in_records |= depth == 0 && start.header.tag == tags::DIRECTORY_RECORD_SEQUENCE;
                depth += 1;
            }
            Event::FragmentsStart(_) => depth += 1,
            Event::SequenceEnd(_) | Event::FragmentsEnd(_) => {
                depth = depth.saturating_sub(1);
                in_records &= depth > 0;
            }
            Event::ItemStart(_) if depth == 1 && in_records => {
                item = slot.get(items).and_then(|&k| usize::try_from(k).ok());
                items += 1;
            }
            Event::ItemEnd(_) if depth == 1 && in_records => item = None,
            Event::Element(element) if depth == 1 => {
                if let Some(k) = item.and_then(|i| keys.get_mut(i)) {
                    k.note(element.header.tag, element.value_span);
                }
            }
            _ => {}
        }
    }
    (slot, keys)
}

/// A value decoded with the record's (0008,0005): escape sequences left out, bytes that
/// are no character shown as `⟨8E⟩`, padding trimmed.
fn text(bytes: &[u8], span: Option<ByteSpan>, charset: Option<ByteSpan>, kind: TextKind) -> String {
    let value = |span: ByteSpan| {
        bytes
            .get(span.start as usize..span.end as usize)
            .unwrap_or(&[])
    };
    let Some(span) = span else {
        return String::new();
    };
    let set = charset.map_or(SpecificCharacterSet::ABSENT, |c| {
        SpecificCharacterSet::from_value(value(c))
    });
    let mut out = String::new();
    let _ = decode(value(span), &set, kind, |piece, _| {
        match piece {
            Piece::Char(c) if c.is_control() => {}
            Piece::Char(c) => out.push(c),
            Piece::Escape { .. } => {}
            Piece::Invalid { bytes, .. } | Piece::Unmapped { bytes } => {
                out.push('⟨');
                for (i, b) in bytes.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    let _ = write!(out, "{b:02X}");
                }
                out.push('⟩');
            }
        }
        Ok(())
    });
    out.trim_matches([' ', '\0']).to_owned()
}

/// The file-set as a tree: one line per patient, study and series (with its instance
/// count), in the order the offsets give; other root-level records by type.
fn summary(bytes: &[u8], index: RecordIndex<'_>, marks: &mut [u32]) -> Vec<String> {
    let records = index.records();
    let (slot, keys) = record_keys(bytes, records);
    let show = |i: u32, span: fn(&Keys) -> Option<ByteSpan>, kind: TextKind| {
        let k = slot
            .get(i as usize)
            .and_then(|&s| keys.get(s as usize))
            .copied()
            .unwrap_or_default();
        text(bytes, span(&k), k.charset, kind)
    };
    // Instances below each record, added to its parent's when it is left.
    let mut below = vec![0usize; records.len()];
    let mut path: Vec<u32> = Vec::new();
    let mut entered: Vec<(u32, u32)> = Vec::new();
    let mut counts = [0usize; 4];
    for event in Walk::<{ lint_core::dicomdir::DEFAULT_DEPTH }>::new(index, marks) {
        match event {
            WalkEvent::EnterRecord {
                index: i, depth, ..
            } => {
                entered.push((i, depth));
                path.push(i);
                match records.get(i as usize).map(RecordSlot::record_type) {
                    Some(RecordType::Patient) => counts[0] += 1,
                    Some(RecordType::Study) => counts[1] += 1,
                    Some(RecordType::Series) => counts[2] += 1,
                    Some(kind) if kind.references_instance() => counts[3] += 1,
                    _ => {}
                }
            }
            WalkEvent::LeaveRecord { index: i, .. } => {
                path.pop();
                let kind = records.get(i as usize).map(RecordSlot::record_type);
                let own = usize::from(kind.is_some_and(RecordType::references_instance));
                let total = below.get(i as usize).copied().unwrap_or(0) + own;
                if let Some(b) = below.get_mut(i as usize) {
                    *b = total;
                }
                if let Some(b) = path.last().and_then(|&p| below.get_mut(p as usize)) {
                    *b += total;
                }
            }
            WalkEvent::Issue(_) => {}
        }
    }
    let file_set_id = index
        .info()
        .file_set_id
        .map(|s| text(bytes, Some(s), None, TextKind::NoExtensions))
        .unwrap_or_default();
    let mut lines = vec![format!(
        "file-set {}: {} patient{}, {} stud{}, {} series, {} instance{}",
        if file_set_id.is_empty() {
            "(no File-set ID)".to_owned()
        } else {
            format!("`{file_set_id}`")
        },
        counts[0],
        if counts[0] == 1 { "" } else { "s" },
        counts[1],
        if counts[1] == 1 { "y" } else { "ies" },
        counts[2],
        counts[3],
        if counts[3] == 1 { "" } else { "s" },
    )];
    let mut shown = 0usize;
    for &(i, depth) in &entered {
        let Some(record) = records.get(i as usize) else {
            continue;
        };
        let indent = "  ".repeat(depth as usize + 1);
        let n = below.get(i as usize).copied().unwrap_or(0);
        let instances = format!("{n} instance{}", if n == 1 { "" } else { "s" });
        let words: Vec<String> = match record.record_type() {
            RecordType::Patient => vec![
                "PATIENT".to_owned(),
                show(i, |k| k.patient_name, TextKind::PersonName),
                format!(
                    "[{}]",
                    show(i, |k| k.patient_id, TextKind::for_vr(lint_core::Vr::LO))
                ),
            ],
            RecordType::Study => vec![
                "STUDY".to_owned(),
                show(i, |k| k.study_date, TextKind::NoExtensions),
                show(
                    i,
                    |k| k.study_description,
                    TextKind::for_vr(lint_core::Vr::LO),
                ),
            ],
            RecordType::Series => vec![
                "SERIES".to_owned(),
                show(i, |k| k.modality, TextKind::NoExtensions),
                format!("#{}", show(i, |k| k.series_number, TextKind::NoExtensions)),
                show(
                    i,
                    |k| k.series_description,
                    TextKind::for_vr(lint_core::Vr::LO),
                ),
            ],
            // Instances are counted, not listed; other levels (PRIVATE, HANGING
            // PROTOCOL at the root…) are named by type.
            kind if kind.references_instance() => continue,
            kind => vec![kind.defined_term().unwrap_or("(unknown type)").to_owned()],
        };
        let words: Vec<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let line = format!("{indent}{}: {instances}", words.join(" "));
        shown += 1;
        if shown > MAX_TREE_LINES {
            let listed = entered
                .iter()
                .filter(|(r, _)| {
                    records
                        .get(*r as usize)
                        .is_some_and(|r| !r.record_type().references_instance())
                })
                .count();
            lines.push(format!(
                "  … ({} more entries not shown)",
                listed.saturating_sub(shown - 1)
            ));
            break;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(named_dicomdir(Path::new("media/DICOMDIR")));
        assert!(named_dicomdir(Path::new("dicomdir")));
        assert!(named_dicomdir(Path::new("CD/DICOMDIR.;1")));
        assert!(!named_dicomdir(Path::new("DICOMDIR.bak")));
        assert!(!named_dicomdir(Path::new("IM0001")));
    }

    #[test]
    fn sample_tree() {
        // The real path: the media hook checks the file-set beside it.
        let path = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../corpus/media/sample/DICOMDIR"
        ));
        let bytes = std::fs::read(path).unwrap();
        let checked = check(path, &bytes, Selection::all(), 0);
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        assert!(
            checked.tree[0].starts_with("file-set"),
            "{:?}",
            checked.tree
        );
        assert!(
            checked
                .tree
                .iter()
                .any(|l| l.trim_start().starts_with("PATIENT")),
            "{:?}",
            checked.tree
        );
    }

    #[test]
    fn dicomdir_by_name() {
        for yes in [
            "DICOMDIR",
            "disc/DICOMDIR",
            "disc/dicomdir",
            "disc/DICOMDIR.",
            "disc/DICOMDIR.;1",
            "/media/cd/DicomDir",
        ] {
            assert!(named_dicomdir(Path::new(yes)), "{yes}");
        }
        for no in [
            "disc/XDICOMDIR",
            "disc/DICOMDIR.BAK",
            "disc/DICOMDIR/IM1",
            "DICOMDI",
            "",
            "disc/DICOMDIR2",
        ] {
            assert!(!named_dicomdir(Path::new(no)), "{no}");
        }
    }
}
