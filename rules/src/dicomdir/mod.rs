//! `dicomdir/*`: the structure of a DICOMDIR (Basic Directory IOD, PS3.3 Annex F; PS3.10
//! §8.6): its File Meta, its root-level elements, the tree its offsets build, and the
//! keys of each record.
//!
//! A DICOMDIR's tree lives in byte offsets, so these rules do not fit the per-stream
//! [`crate::Rule`] model: they need the whole record index. They are declared and
//! registered like every rule (ids, severities, docs, `--select`), with no stream hooks,
//! and judged once per DICOMDIR by [`check_directory`] (or [`check_index`] for a caller
//! that already indexed the file), which
//!
//! 1. reads the File Meta and each record's keys in one pass over the parser's events
//!    (`scan.rs`),
//! 2. judges each record's bookkeeping elements from the [`RecordIndex`],
//! 3. walks the tree ([`Walk`]) and turns every [`WalkIssue`] and every misplaced record
//!    into a finding,
//! 4. sorts the uniqueness keys in the caller's scratch to find duplicates.
//!
//! All memory is the caller's: one [`RecordSlot`], one `u32` and one [`KeyEntry`] per
//! record. Scratch that is too small gives a `dicomdir/incomplete` finding and a partial
//! check, never a panic. What is per element and needs no tree (the text of the keys,
//! their (0008,0005)) stays with the stream rules, which see record items like any
//! other item: `charset/missing` reports a record with non-ASCII keys and no (0008,0005)
//! of its own.

pub mod consistency_flag;
pub mod cycle;
pub mod descriptor_file_id;
pub mod duplicate_instance_uid;
pub mod duplicate_patient_id;
pub mod duplicate_series_uid;
pub mod duplicate_study_uid;
pub mod empty_entity;
pub mod file_id;
pub mod file_set_id;
pub mod icon_image;
pub mod in_use_flag;
pub mod in_use_reserved;
pub mod incomplete;
pub mod missing_attribute;
pub mod missing_key;
pub mod missing_reference;
pub mod no_directory_information;
pub mod offset_target;
pub mod orphan;
pub mod placement;
pub mod private_record_uid;
pub mod reference_group;
pub mod retired_record_type;
pub mod root_last;
pub mod root_pair;
pub mod shared_record;
pub mod sop_class;
pub mod transfer_syntax;
pub mod unexpected_reference;
pub mod unknown_record_type;

mod scan;
mod unique;

#[cfg(test)]
mod tests;

use core::fmt;

use lint_core::dicomdir::{DEFAULT_DEPTH, RecordIndex, RecordSlot, Walk, WalkEvent, WalkIssue};
use lint_core::parser::{PathStep, TagPath};
use lint_core::tag::tags;
use lint_core::{ByteSpan, Tag};

use crate::finding::{Finding, Sink};
use crate::registry::{RuleMeta, Selection};

pub use scan::KeyKind;

/// One uniqueness key of a record (Patient ID of a PATIENT, Study or Series Instance UID,
/// Referenced SOP Instance UID in File): scratch for [`check_directory`], one per record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyEntry {
    kind: KeyKind,
    hash: u64,
    value: ByteSpan,
    record: u32,
}

impl KeyEntry {
    /// An unused entry, to fill scratch arrays with (`[KeyEntry::EMPTY; N]`).
    pub const EMPTY: KeyEntry = KeyEntry {
        kind: KeyKind::PatientId,
        hash: 0,
        value: ByteSpan::new(0, 0),
        record: 0,
    };
}

impl Default for KeyEntry {
    fn default() -> Self {
        KeyEntry::EMPTY
    }
}

/// The DICOMDIR under judgement: its bytes and its index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Directory<'d> {
    pub(crate) bytes: &'d [u8],
    pub(crate) index: RecordIndex<'d>,
}

impl<'d> Directory<'d> {
    /// The bytes of `span` (empty when out of range).
    pub(crate) fn value(&self, span: ByteSpan) -> &'d [u8] {
        let from = usize::try_from(span.start).unwrap_or(usize::MAX);
        let to = usize::try_from(span.end).unwrap_or(usize::MAX);
        self.bytes.get(from..to).unwrap_or(&[])
    }

    /// Record `index`.
    pub(crate) fn record(&self, index: u32) -> Option<&'d RecordSlot> {
        self.index.get(index)
    }
}

/// Where the directory rules report: the caller's sink, filtered by the selection, with
/// each finding placed in its record item.
pub(crate) struct Reporter<'r> {
    selection: &'r Selection,
    sink: &'r mut dyn Sink,
}

impl Reporter<'_> {
    /// Whether `rule` is selected (a rule that is not need not compute its message).
    pub(crate) fn wants(&self, rule: &'static RuleMeta) -> bool {
        self.selection.contains(rule)
    }

    /// Reports a finding of `rule` about `span`, on element `tag` of record `record`
    /// (`None`: the top level).
    pub(crate) fn report(
        &mut self,
        rule: &'static RuleMeta,
        span: ByteSpan,
        tag: Option<Tag>,
        record: Option<u32>,
        message: fmt::Arguments<'_>,
    ) {
        if !self.wants(rule) {
            return;
        }
        let step = record.map(|item| PathStep {
            sequence: tags::DIRECTORY_RECORD_SEQUENCE,
            item: Some(item),
        });
        let steps = step.as_slice();
        self.sink.report(&Finding {
            rule,
            span: Some(span),
            tag,
            path: TagPath::new(steps),
            message,
            text: None,
        });
    }
}

/// Indexes the DICOMDIR in `bytes` into `slots` and checks it: see [`check_index`].
///
/// `slots`, `marks` and `keys` need one entry per directory record; fewer give a
/// `dicomdir/incomplete` finding and a partial check.
pub fn check_directory(
    bytes: &[u8],
    slots: &mut [RecordSlot],
    marks: &mut [u32],
    keys: &mut [KeyEntry],
    selection: &Selection,
    sink: &mut dyn Sink,
) {
    let index = RecordIndex::read(bytes, slots);
    check_index(bytes, index, marks, keys, selection, sink);
}

/// Checks the DICOMDIR in `bytes`, already indexed as `index`, with every selected
/// `dicomdir/*` rule. Findings go to `sink` as they are made: meta and root-level ones,
/// then per record, then the tree, then duplicates.
pub fn check_index(
    bytes: &[u8],
    index: RecordIndex<'_>,
    marks: &mut [u32],
    keys: &mut [KeyEntry],
    selection: &Selection,
    sink: &mut dyn Sink,
) {
    let dir = Directory { bytes, index };
    let mut out = Reporter { selection, sink };

    // One pass over the events: File Meta, and each record's keys as its item closes.
    let mut stored = 0usize;
    let mut overflow = 0u32;
    // Asked once, not per record: a selection answers by searching the rule list.
    let keys_checked = selection.contains(&missing_key::MISSING_KEY);
    let meta = scan::scan(bytes, |record| {
        if keys_checked {
            missing_key::check(&dir, &mut out, record);
        }
        icon_image::check(&dir, &mut out, record);
        if let Some(entry) = record.unique_key(bytes) {
            match keys.get_mut(stored) {
                Some(slot) => {
                    *slot = entry;
                    stored += 1;
                }
                None => overflow = overflow.saturating_add(1),
            }
        }
    });
    sop_class::check(&dir, &mut out, &meta);
    transfer_syntax::check(&dir, &mut out, &meta);

    // The top level.
    no_directory_information::check(&dir, &mut out);
    missing_attribute::check_root(&dir, &mut out);
    file_set_id::check(&dir, &mut out);
    descriptor_file_id::check(&dir, &mut out);
    consistency_flag::check(&dir, &mut out);

    // Each record on its own.
    for (i, record) in dir.index.records().iter().enumerate() {
        let i = i as u32;
        missing_attribute::check_record(&dir, &mut out, i, record);
        in_use_flag::check(&dir, &mut out, i, record);
        in_use_reserved::check(&dir, &mut out, i, record);
        unknown_record_type::check(&dir, &mut out, i, record);
        retired_record_type::check(&dir, &mut out, i, record);
        private_record_uid::check(&dir, &mut out, i, record);
        reference_group::check(&dir, &mut out, i, record);
        missing_reference::check(&dir, &mut out, i, record);
        unexpected_reference::check(&dir, &mut out, i, record);
        file_id::check(&dir, &mut out, i, record);
        empty_entity::check(&dir, &mut out, i, record);
    }

    // The tree. Below a level too deep to walk, records go unreached through no fault
    // of the offsets: `dicomdir/incomplete` says so, and no orphan is blamed.
    let mut too_deep = false;
    for event in Walk::<DEFAULT_DEPTH>::new(index, marks) {
        match event {
            WalkEvent::EnterRecord { index, parent, .. } => {
                placement::check(&dir, &mut out, index, parent);
            }
            WalkEvent::LeaveRecord { .. } => {}
            WalkEvent::Issue(WalkIssue::Unreachable { .. }) if too_deep => {}
            WalkEvent::Issue(issue) => {
                too_deep |= matches!(issue, WalkIssue::TooDeep { .. });
                walk_issue(&dir, &mut out, &issue);
            }
        }
    }

    // Uniqueness.
    if overflow > 0 {
        incomplete::keys_overflow(&mut out, &dir, keys.len(), overflow);
    }
    let keys = keys.get_mut(..stored).unwrap_or(&mut []);
    unique::duplicates(&dir, keys, |kind, entry, first| {
        duplicate(&dir, &mut out, kind, entry, first);
    });
}

/// `entry` repeats the value of `first`, an earlier record: one rule per kind of key.
fn duplicate(
    dir: &Directory<'_>,
    out: &mut Reporter<'_>,
    kind: KeyKind,
    entry: &KeyEntry,
    first: &KeyEntry,
) {
    let (rule, tag, name) = match kind {
        KeyKind::PatientId => (
            &duplicate_patient_id::DUPLICATE_PATIENT_ID,
            tags::PATIENT_ID,
            "Patient ID (0010,0020)",
        ),
        KeyKind::StudyUid => (
            &duplicate_study_uid::DUPLICATE_STUDY_UID,
            tags::STUDY_INSTANCE_UID,
            "Study Instance UID (0020,000D)",
        ),
        KeyKind::SeriesUid => (
            &duplicate_series_uid::DUPLICATE_SERIES_UID,
            tags::SERIES_INSTANCE_UID,
            "Series Instance UID (0020,000E)",
        ),
        KeyKind::InstanceUid => (
            &duplicate_instance_uid::DUPLICATE_INSTANCE_UID,
            tags::REFERENCED_SOP_INSTANCE_UID_IN_FILE,
            "Referenced SOP Instance UID in File (0004,1511)",
        ),
    };
    out.report(
        rule,
        entry.value,
        Some(tag),
        Some(entry.record),
        format_args!(
            "{name} `{}` is also that of the record at offset {}",
            Shown(trim(dir.value(entry.value))),
            offset_of(dir, first.record)
        ),
    );
}

/// Routes one defect of the walk to its rule.
fn walk_issue(dir: &Directory<'_>, out: &mut Reporter<'_>, issue: &WalkIssue) {
    match issue {
        WalkIssue::UnreadableOffset { .. }
        | WalkIssue::OffsetNotOnItem { .. }
        | WalkIssue::OffsetPastEnd { .. } => offset_target::report(dir, out, issue),
        WalkIssue::RootPair { .. } => root_pair::report(out, issue),
        WalkIssue::LastRecordMismatch { .. } => root_last::report(dir, out, issue),
        WalkIssue::Cycle { .. } => cycle::report(dir, out, issue),
        WalkIssue::SharedChild { .. } => shared_record::report(dir, out, issue),
        WalkIssue::Unreachable { .. } => orphan::report(dir, out, issue),
        WalkIssue::ScratchTooSmall { .. }
        | WalkIssue::IndexIncomplete { .. }
        | WalkIssue::NotIndexed { .. }
        | WalkIssue::TooDeep { .. } => incomplete::report(dir, out, issue),
    }
}

/// The absolute offset of record `index` (for messages), or 0.
pub(crate) fn offset_of(dir: &Directory<'_>, index: u32) -> u64 {
    dir.record(index).map_or(0, RecordSlot::offset)
}

/// The indefinite article for a record type's Defined Term (`an IMAGE`, `a STUDY`).
pub(crate) fn article(term: &str) -> &'static str {
    match term.bytes().next() {
        Some(b'A' | b'E' | b'I' | b'O' | b'U') => "an",
        _ => "a",
    }
}

/// Trims CS/UI/LO padding: spaces at both ends, NULs at the end.
pub(crate) fn trim(mut value: &[u8]) -> &[u8] {
    while let [rest @ .., b' ' | 0] = value {
        value = rest;
    }
    while let [b' ', rest @ ..] = value {
        value = rest;
    }
    value
}

/// Displays bytes as text, non-printable bytes as `⟨XX⟩`.
pub(crate) struct Shown<'a>(pub(crate) &'a [u8]);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &b in self.0 {
            if (0x20..0x7F).contains(&b) {
                write!(f, "{}", b as char)?;
            } else {
                write!(f, "⟨{b:02X}⟩")?;
            }
        }
        Ok(())
    }
}
