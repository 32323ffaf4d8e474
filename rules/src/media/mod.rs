//! `media/*`: the files a DICOMDIR references, on the medium (PS3.3 F.2.1, Table F.3-3;
//! PS3.10 §8; PS3.12 Annexes A, F, J; IHE PDI).
//!
//! The `dicomdir/*` rules judge a DICOMDIR by itself; these judge it against the file-set
//! around it: does each Referenced File ID (0004,1500) lead to a file, safely and under
//! its exact name, and to an instance rather than the DICOMDIR or the descriptor file;
//! is that file a PS3.10 file whose File Meta repeats the record's
//! (0004,1510)/(0004,1511)/(0004,1512); do the keys of the record and of its PATIENT,
//! STUDY and SERIES records agree with the instance; is each file referenced once and
//! every DICOM file referenced; does the File-set Descriptor File (0004,1141) exist as
//! text; does another file-set's DICOMDIR lie below the root; and are the other files'
//! names, depths and places fit for ISO 9660 media and the IHE PDI layout.
//!
//! Like the directory rules they need a whole file-set, not one stream, so they are
//! declared and registered like every rule (ids, docs, `--select`) with no stream hooks,
//! and judged once per DICOMDIR by [`check_file_set`]. The caller provides the medium
//! ([`Medium`]: name lookup and listing) and what each file says about itself
//! ([`FactsProvider`], [`InstanceFacts`]), so the rules run over the host file system in the CLI
//! and over a firmware's own file system alike, without allocating: the memory is the
//! caller's walk scratch (one `u32` per record) and one `u32` per file of the medium,
//! besides fixed buffers on the stack (the nested file-sets' directories, a frame per
//! directory level of the listing). The medium is listed twice: first for what its root
//! holds and where nested file-sets lie, then to judge every file.
//!
//! A File ID that could lead outside the file-set ([`FileId::hazard`]) is reported and
//! never handed to the medium; a medium must itself refuse names that leave the root
//! through a symbolic link ([`Lookup::OutsideRoot`]).

pub mod facts;
pub mod medium;

pub mod depth;
pub mod descriptor_dicom;
pub mod descriptor_missing;
pub mod extension;
pub mod file_name;
pub mod key_differs;
pub mod key_mismatch;
pub mod missing_file;
pub mod name_variant;
pub mod nested_file_set;
pub mod not_dicom;
pub mod pdi_layout;
pub mod pdi_non_dicom;
pub mod record_type_class;
pub mod referenced_twice;
pub mod related_class_mismatch;
pub mod self_reference;
pub mod sop_class_mismatch;
pub mod sop_instance_mismatch;
pub mod transfer_syntax_mismatch;
pub mod unreferenced_file;
pub mod unsafe_file_id;

#[cfg(test)]
mod testing;

use core::fmt;

use lint_core::dicomdir::{DEFAULT_DEPTH, RecordIndex, RecordSlot, Walk, WalkEvent, WalkIssue};
use lint_core::parser::{Event, Events, PathStep, TagPath};
use lint_core::tag::tags;
use lint_core::transfer_syntax::Encoding;
use lint_core::{ByteSpan, Tag, Vr};

use crate::finding::{Finding, Sink};
use crate::registry::{RuleMeta, Selection};
use pdi_non_dicom::Listed;

pub use facts::{InstanceFacts, KEYS, Strength};
pub use medium::{Entry, EntryKind, FileHandle, FileId, Hazard, Lookup, Medium, NameVariant};

/// What a file of the medium is, as far as the media rules care.
#[derive(Clone, Copy, Debug)]
pub enum Facts<'a> {
    /// It parsed as DICOM (a PS3.10 file when [`InstanceFacts::part10`]).
    Instance(&'a InstanceFacts),
    /// It is not DICOM (a README, a viewer, an HTML page).
    NotDicom,
    /// It could not be read.
    Unreadable,
}

/// Reads files of the medium (or remembers what an earlier pass read).
pub trait FactsProvider {
    /// What `file` says about itself.
    fn facts(&mut self, file: FileHandle) -> Facts<'_>;

    /// Whether `file` is a Part 10 file (preamble, `DICM`, File Meta group): all the
    /// listing of the medium asks of each file. A provider that holds facts in another
    /// form can answer without rebuilding them.
    fn is_part10(&mut self, file: FileHandle) -> bool {
        matches!(self.facts(file), Facts::Instance(f) if f.part10)
    }

    /// Whether text `a` in character set `a_charset` (a (0008,0005) value, empty for the
    /// default) reads the same as `b` in `b_charset`; `None` when the provider cannot
    /// decode (the rules then say nothing). Called only for values that differ in
    /// bytes or charset and are not both ASCII.
    fn same_text(
        &mut self,
        a: &[u8],
        a_charset: &[u8],
        b: &[u8],
        b_charset: &[u8],
    ) -> Option<bool> {
        let _ = (a, a_charset, b, b_charset);
        None
    }
}

/// The DICOMDIR under judgement, its index, and where findings go.
pub(crate) struct FileSet<'d, 'r> {
    pub(crate) bytes: &'d [u8],
    pub(crate) index: RecordIndex<'d>,
    selection: &'r Selection,
    sink: &'r mut dyn Sink,
    /// Whether `media/key-mismatch` or `media/key-differs` is selected: asked once per
    /// reference, so decided once (a selection answers by searching the rule list).
    compares_keys: bool,
}

impl<'d> FileSet<'d, '_> {
    /// The bytes of `span` (empty when out of range).
    pub(crate) fn value(&self, span: ByteSpan) -> &'d [u8] {
        let from = usize::try_from(span.start).unwrap_or(usize::MAX);
        let to = usize::try_from(span.end).unwrap_or(usize::MAX);
        self.bytes.get(from..to).unwrap_or(&[])
    }

    /// Whether `rule` is selected.
    pub(crate) fn wants(&self, rule: &'static RuleMeta) -> bool {
        self.selection.contains(rule)
    }

    /// Reports a finding of `rule` on element `tag` of record `record` (`None`: the top
    /// level of the DICOMDIR).
    pub(crate) fn report(
        &mut self,
        rule: &'static RuleMeta,
        span: Option<ByteSpan>,
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
        self.sink.report(&Finding {
            rule,
            span,
            tag,
            path: TagPath::new(step.as_slice()),
            message,
            text: None,
        });
    }
}

/// The keys of one directory record: where the value of each of [`KEYS`] and of its
/// (0008,0005) lies in the DICOMDIR.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RecordKeys {
    pub(crate) record: u32,
    pub(crate) charset: Option<ByteSpan>,
    pub(crate) keys: [Option<ByteSpan>; KEYS.len()],
    /// Keys already reported (bit `i`: `KEYS[i]`), so a PATIENT record's wrong key is
    /// reported once, not once per instance below it.
    pub(crate) reported: u16,
}

impl RecordKeys {
    /// Reads the top-level elements of record `index`'s item (nested sequences, such as
    /// an Icon Image Sequence, are skipped).
    fn read(bytes: &[u8], encoding: Encoding, record: &RecordSlot, index: u32) -> RecordKeys {
        let keys = RecordKeys {
            record: index,
            ..RecordKeys::default()
        };
        let item = record.span();
        // The item's content: after the 8-byte item header, up to the end of the item
        // (an item delimiter, if any, ends the parse as a stray delimiter would).
        let from = item.start.saturating_add(8);
        let (Ok(start), Ok(end)) = (usize::try_from(from), usize::try_from(item.end)) else {
            return keys;
        };
        let Some(content) = bytes.get(start..end.min(bytes.len())) else {
            return keys;
        };
        if encoding == Encoding::ExplicitVrLittleEndian {
            if let Some(read) = Self::read_plain(content, from, index) {
                return read;
            }
        }
        Self::read_parsed(content, from, encoding, keys)
    }

    /// [`Self::read`] by the parser, of any record.
    fn read_parsed(
        content: &[u8],
        from: u64,
        encoding: Encoding,
        mut keys: RecordKeys,
    ) -> RecordKeys {
        let mut depth = 0u32;
        for event in Events::<{ lint_core::parser::DEFAULT_DEPTH }>::data_set(content, encoding) {
            match event {
                Ok(Event::SequenceStart(_)) => depth += 1,
                Ok(Event::SequenceEnd(_)) => depth = depth.saturating_sub(1),
                Ok(Event::Element(element)) if depth == 0 => {
                    let span = ByteSpan::at(
                        from.saturating_add(element.value_span.start),
                        element.value_span.len(),
                    );
                    keys.note(element.header.tag, span);
                }
                Ok(_) => {}
                Err(error) if error.fatal => break,
                Err(_) => {}
            }
        }
        keys
    }
}

impl RecordKeys {
    /// Notes the value of `tag` at `span`, if it is (0008,0005) or a key (the first
    /// occurrence wins).
    fn note(&mut self, tag: Tag, span: ByteSpan) {
        if tag == tags::SPECIFIC_CHARACTER_SET {
            self.charset = self.charset.or(Some(span));
        } else if let Some(slot) = facts::key_index(tag).and_then(|i| self.keys.get_mut(i)) {
            *slot = slot.or(Some(span));
        }
    }

    /// [`Self::read`] of the common record without the parser: explicit VR little endian
    /// elements of defined length and no sequence, `content` lying at `from`. `None` on
    /// anything else (a sequence, an item tag, a VR not in the table, an undefined
    /// length, a value past the end), which the parser then reads as it handles all of
    /// those. Each DICOMDIR record is read for its keys once per file-set check: on a
    /// large one the parser's events cost most of that.
    fn read_plain(content: &[u8], from: u64, index: u32) -> Option<RecordKeys> {
        let mut keys = RecordKeys {
            record: index,
            ..RecordKeys::default()
        };
        let u16_at = |at: usize| {
            Some(u16::from_le_bytes(
                content.get(at..at + 2)?.try_into().ok()?,
            ))
        };
        let mut at = 0usize;
        while at < content.len() {
            let (group, element) = (u16_at(at)?, u16_at(at + 2)?);
            let code = content.get(at + 4..at + 6)?;
            let vr = Vr::from_code([*code.first()?, *code.get(1)?])?;
            if group == 0xFFFE || vr == Vr::SQ {
                return None;
            }
            let (length, header) = if vr.has_long_length() {
                let length = content.get(at + 8..at + 12)?;
                (u32::from_le_bytes(length.try_into().ok()?), 12)
            } else {
                (u32::from(u16_at(at + 6)?), 8)
            };
            let start = at.checked_add(header)?;
            let end = start.checked_add(usize::try_from(length).ok()?)?;
            if length == u32::MAX || end > content.len() {
                return None;
            }
            keys.note(
                Tag::new(group, element),
                ByteSpan::new(from + start as u64, from + end as u64),
            );
            at = end;
        }
        Some(keys)
    }
}

/// How the DICOMDIR's data set is encoded (records are read the same way).
fn encoding_of(bytes: &[u8]) -> Encoding {
    for event in Events::<4>::new(bytes) {
        match event {
            Ok(Event::DataSetStart(start)) => return start.used,
            Ok(Event::Element(element)) if element.header.tag.group > 2 => break,
            Err(error) if error.fatal => break,
            _ => {}
        }
    }
    Encoding::ExplicitVrLittleEndian
}

/// Trims CS/UI/LO/PN padding: spaces at both ends, NULs at the end.
pub(crate) fn trim(mut value: &[u8]) -> &[u8] {
    while let [rest @ .., b' ' | 0] = value {
        value = rest;
    }
    while let [b' ', rest @ ..] = value {
        value = rest;
    }
    value
}

/// Checks the file-set of the DICOMDIR in `bytes` (indexed as `index`) with every
/// selected `media/*` rule.
///
/// `marks` is the walk's scratch (one `u32` per record); `referrers` one `u32` per file
/// of the medium, indexed by [`FileHandle`]: files with a handle past its end are neither
/// checked for a second reference nor reported unreferenced. Findings go to `sink`, each
/// placed on the DICOMDIR element it concerns (the record's (0004,1500) or key), with the
/// referenced file named in the message.
#[allow(clippy::too_many_arguments)]
pub fn check_file_set(
    bytes: &[u8],
    index: RecordIndex<'_>,
    marks: &mut [u32],
    referrers: &mut [u32],
    medium: &mut dyn Medium,
    facts: &mut dyn FactsProvider,
    selection: &Selection,
    sink: &mut dyn Sink,
) {
    let mut set = FileSet {
        bytes,
        index,
        selection,
        sink,
        compares_keys: selection.contains(&key_mismatch::KEY_MISMATCH)
            || selection.contains(&key_differs::KEY_DIFFERS),
    };
    referrers.fill(0);
    let encoding = encoding_of(bytes);

    // A first listing, before any file is judged: what the root holds for IHE PDI, and
    // the DICOMDIRs of other file-sets below it, whose files the second leaves to them.
    let mut root = pdi_layout::Root::default();
    let mut nested = nested_file_set::Nested::default();
    medium.list(&mut |entry| {
        root.note(entry);
        nested.note(&mut set, entry);
    });
    // The descriptor file and the DICOMDIR: no record may lead to them.
    let descriptor = descriptor_missing::check(&mut set, medium);
    let not_instances = self_reference::NotInstances::find(medium, descriptor);

    // The records, from the root down: keys of the enclosing records kept by depth.
    let mut path = [RecordKeys::default(); DEFAULT_DEPTH];
    // Whether every record was walked: if not, a file may be referenced by a record the
    // walk never reached, and no file is called unreferenced.
    let mut walked_all = index.is_complete()
        && index.parse_error().is_none()
        && index.info().record_sequence.is_some();
    for event in Walk::<DEFAULT_DEPTH>::new(index, marks) {
        let (i, depth) = match event {
            WalkEvent::EnterRecord { index, depth, .. } => (index, depth),
            WalkEvent::Issue(
                WalkIssue::ScratchTooSmall { .. }
                | WalkIssue::IndexIncomplete { .. }
                | WalkIssue::NotIndexed { .. }
                | WalkIssue::TooDeep { .. },
            ) => {
                walked_all = false;
                continue;
            }
            _ => continue,
        };
        let Some(record) = index.get(i) else {
            continue;
        };
        let depth = depth as usize;
        let keys = RecordKeys::read(bytes, encoding, record, i);
        if let Some(slot) = path.get_mut(depth) {
            *slot = keys;
        }
        let Some(span) = record.referenced_file_id() else {
            continue;
        };
        let file_id = FileId::new(set.value(span), span);
        let lineage = path.get_mut(..=depth).unwrap_or(&mut []);
        check_reference(
            &mut set,
            i,
            record,
            &file_id,
            lineage,
            referrers,
            medium,
            facts,
            not_instances,
        );
    }

    // What the descriptor file is, then every file of the medium.
    if let Some(found) = descriptor {
        descriptor_missing::judge(&mut set, found, facts);
    }
    let descriptor = descriptor.map(|d| d.file);
    let mut directories = (root.claims_pdi() && set.wants(&pdi_non_dicom::PDI_NON_DICOM))
        .then(pdi_non_dicom::Directories::new);
    let pdi = directories.is_some();
    medium.list(&mut |entry| {
        if nested.holds(entry.path) {
            // Another file-set's: only its depth on this medium is this one's business.
            if let EntryKind::File(_) = entry.kind {
                depth::check(&mut set, entry);
            }
            return;
        }
        let listed = match entry.kind {
            EntryKind::Directory => Listed::Directory,
            EntryKind::File(file) if Some(file) == descriptor || is_dicomdir(entry) => {
                Listed::Other
            }
            EntryKind::File(file) => {
                let referenced = usize::try_from(file.0)
                    .ok()
                    .and_then(|i| referrers.get(i))
                    .copied();
                check_listed_file(&mut set, entry, file, referenced, walked_all, facts, pdi)
            }
        };
        if let Some(directories) = directories.as_mut() {
            directories.note(&mut set, entry, listed);
        }
    });
    if let Some(directories) = directories.as_mut() {
        directories.finish(&mut set);
    }
    pdi_layout::check(&mut set, root);
}

/// Judges file `file` of the listing, which `referenced` records reference (`None`: its
/// handle is past the referrers' end), and says what it is for `media/pdi-non-dicom`
/// (whether it is a non-DICOM file is asked only when `pdi`).
fn check_listed_file(
    set: &mut FileSet<'_, '_>,
    entry: &Entry<'_>,
    file: FileHandle,
    referenced: Option<u32>,
    walked_all: bool,
    facts: &mut dyn FactsProvider,
    pdi: bool,
) -> Listed {
    let part10 = facts.is_part10(file);
    depth::check(set, entry);
    if part10 && referenced == Some(0) && is_directory_class(facts, file) {
        // A DICOMDIR under another name (pydicom's dicomdirtests keep their variants
        // beside the file-set's): the root of a file-set, not an instance of this one,
        // so neither unreferenced nor named like an instance.
        return Listed::Other;
    }
    if part10 {
        extension::check(set, entry);
        if referenced == Some(0) && walked_all {
            unreferenced_file::report(set, entry);
        }
    } else if referenced == Some(0) {
        file_name::check(set, entry);
    }
    match (part10, referenced) {
        (true, Some(1..)) => Listed::Referenced,
        (false, Some(0)) if pdi && matches!(facts.facts(file), Facts::NotDicom) => Listed::NonDicom,
        _ => Listed::Other,
    }
}

/// Whether `file` says it is a DICOMDIR: its (0002,0002) is Media Storage Directory
/// Storage.
fn is_directory_class(facts: &mut dyn FactsProvider, file: FileHandle) -> bool {
    match facts.facts(file) {
        Facts::Instance(instance) => instance.sop_class.as_ref().is_some_and(|class| {
            trim(class.as_bytes()) == crate::dicomdir::sop_class::MEDIA_STORAGE_DIRECTORY
        }),
        _ => false,
    }
}

/// Whether a listed file is a DICOMDIR: the file-set's own (in the root; PS3.10 §8.6) or
/// that of another file-set below it (`media/nested-file-set`), which no record
/// references either.
fn is_dicomdir(entry: &Entry<'_>) -> bool {
    let name = entry.name().trim_end_matches(";1").trim_end_matches('.');
    name.eq_ignore_ascii_case("DICOMDIR")
}

/// Checks one record's Referenced File ID and the file it leads to.
#[allow(clippy::too_many_arguments)]
fn check_reference(
    set: &mut FileSet<'_, '_>,
    record_index: u32,
    record: &RecordSlot,
    file_id: &FileId<'_>,
    lineage: &mut [RecordKeys],
    referrers: &mut [u32],
    medium: &mut dyn Medium,
    facts: &mut dyn FactsProvider,
    not_instances: self_reference::NotInstances,
) {
    if let Some(hazard) = file_id.hazard() {
        unsafe_file_id::report(
            set,
            Some(record_index),
            tags::REFERENCED_FILE_ID,
            file_id,
            hazard,
        );
        return;
    }
    let file = match medium.locate(file_id) {
        Lookup::Found { file, variant } => {
            // The DICOMDIR or the descriptor file under any spelling: that is the whole
            // mistake, and the file is no instance to compare with the record.
            if self_reference::check(set, record_index, file_id, file, not_instances, facts) {
                return;
            }
            if !variant.is_exact() {
                name_variant::report(
                    set,
                    Some(record_index),
                    tags::REFERENCED_FILE_ID,
                    file_id,
                    variant,
                );
            }
            file
        }
        Lookup::OutsideRoot => {
            unsafe_file_id::report_outside(
                set,
                Some(record_index),
                tags::REFERENCED_FILE_ID,
                file_id,
            );
            return;
        }
        Lookup::Missing => {
            missing_file::report(set, record_index, file_id, false);
            return;
        }
        Lookup::NotRegularFile => {
            missing_file::report(set, record_index, file_id, true);
            return;
        }
        Lookup::Unreadable => return,
    };
    if let Some(slot) = usize::try_from(file.0)
        .ok()
        .and_then(|i| referrers.get_mut(i))
    {
        if *slot != 0 {
            referenced_twice::report(set, record_index, file_id, *slot - 1);
            return;
        }
        *slot = record_index.saturating_add(1);
    }
    let instance = match facts.facts(file) {
        Facts::Instance(instance) if instance.part10 => *instance,
        Facts::Instance(_) => {
            not_dicom::report(set, record_index, file_id, true);
            return;
        }
        Facts::NotDicom => {
            not_dicom::report(set, record_index, file_id, false);
            return;
        }
        Facts::Unreadable => return,
    };
    sop_class_mismatch::check(set, record_index, record, file_id, &instance);
    sop_instance_mismatch::check(set, record_index, record, file_id, &instance);
    transfer_syntax_mismatch::check(set, record_index, record, file_id, &instance);
    related_class_mismatch::check(set, record_index, record, file_id, &instance);
    record_type_class::check(set, record_index, record, file_id, &instance);
    if set.compares_keys {
        for keys in lineage {
            compare_keys(set, keys, file_id, &instance, facts);
        }
    }
}

/// Whether a record key and the instance's value agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    Same,
    Differs,
    /// The values differ in bytes and character set and the provider cannot decode.
    Unknown,
}

/// Compares the keys one record holds with the instance.
fn compare_keys(
    set: &mut FileSet<'_, '_>,
    keys: &mut RecordKeys,
    file_id: &FileId<'_>,
    instance: &InstanceFacts,
    facts: &mut dyn FactsProvider,
) {
    let record_charset = keys.charset.map_or(&[][..], |s| trim(set.value(s)));
    let file_charset = instance
        .charset
        .as_ref()
        .map_or(&[][..], |h| trim(h.as_bytes()));
    for (i, ((tag, strength), span)) in KEYS.iter().zip(keys.keys).enumerate() {
        let Some(span) = span else {
            continue;
        };
        if keys.reported & (1 << i) != 0 {
            continue;
        }
        let ours = trim(set.value(span));
        let theirs = instance.key(*tag);
        let verdict = match theirs {
            // Type 2 keys may be empty in the record and absent from the instance.
            None if ours.is_empty() => Verdict::Same,
            None => Verdict::Differs,
            Some(value) => {
                let theirs = trim(value.bytes);
                if value.truncated {
                    // Only the first bytes were kept: compare those.
                    if ours.starts_with(theirs) {
                        Verdict::Same
                    } else {
                        Verdict::Differs
                    }
                } else if (ours.is_ascii() && theirs.is_ascii()) || record_charset == file_charset {
                    // ASCII reads the same in every set; equal sets read bytes alike.
                    if ours == theirs {
                        Verdict::Same
                    } else {
                        Verdict::Differs
                    }
                } else {
                    match facts.same_text(ours, record_charset, theirs, file_charset) {
                        Some(true) => Verdict::Same,
                        Some(false) => Verdict::Differs,
                        None => Verdict::Unknown,
                    }
                }
            }
        };
        if verdict != Verdict::Differs {
            continue;
        }
        keys.reported |= 1 << i;
        let theirs = theirs.map(|v| (trim(v.bytes), v.span));
        match strength {
            Strength::Identifier => {
                key_mismatch::report(set, keys.record, *tag, span, file_id, theirs);
            }
            Strength::Descriptive => {
                let charsets =
                    (record_charset != file_charset).then_some((record_charset, file_charset));
                key_differs::report(set, keys.record, *tag, span, file_id, theirs, charsets);
            }
        }
    }
}

/// Compares a record's File Meta copy ((0004,1510), (0004,1511) or (0004,1512), value
/// at `ours`) with the file's (0002,xxxx) element and reports `rule` when they differ. A
/// record without the element is `dicomdir/*`'s business.
#[allow(clippy::too_many_arguments)]
pub(crate) fn meta_mismatch(
    set: &mut FileSet<'_, '_>,
    rule: &'static RuleMeta,
    record: u32,
    tag: Tag,
    ours: Option<ByteSpan>,
    theirs: Option<&facts::Held<{ facts::SHORT }>>,
    file_tag: Tag,
    file_id: &FileId<'_>,
) {
    let Some(ours) = ours else {
        return;
    };
    // Not asked whether `rule` is selected before comparing: asking costs more than the
    // comparison, and `report` asks.
    let mine = trim(set.value(ours));
    let shown = crate::value::Printable(mine);
    match theirs {
        Some(held) if trim(held.as_bytes()) == mine && !held.truncated => {}
        Some(held) => set.report(
            rule,
            Some(ours),
            Some(tag),
            Some(record),
            format_args!(
                "`{shown}` here, but {file_id} has {file_tag} `{}` (offset {})",
                crate::value::Printable(trim(held.as_bytes())),
                held.span.start
            ),
        ),
        None => set.report(
            rule,
            Some(ours),
            Some(tag),
            Some(record),
            format_args!("`{shown}` here, but {file_id} has no {file_tag}"),
        ),
    }
}

#[cfg(test)]
mod read_tests {
    use super::*;
    use lint_core::dicomdir::RecordSlot;

    /// Every record of every corpus DICOMDIR reads the same keys without the parser as
    /// with it (where the plain reader takes the record at all).
    #[test]
    fn plain_and_parsed_record_keys_agree() {
        let dicomdirs: &[&[u8]] = &[
            include_bytes!("../../../corpus/files/dicomdir/consistency-flag/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/cycle/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/descriptor-file-id/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/duplicate-instance-uid/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/duplicate-patient-id/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/duplicate-series-uid/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/duplicate-study-uid/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/empty-entity/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/file-id/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/file-set-id/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/icon-image/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/in-use-flag/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/in-use-reserved/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/incomplete/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/missing-attribute/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/missing-key/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/missing-reference/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/no-directory-information/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/offset-target/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/orphan/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/placement/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/private-record-uid/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/reference-group/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/retired-record-type/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/root-last/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/root-pair/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/shared-record/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/sop-class/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/transfer-syntax/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/unexpected-reference/DICOMDIR"),
            include_bytes!("../../../corpus/files/dicomdir/unknown-record-type/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/depth/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/descriptor-dicom/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/descriptor-missing/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/extension/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/file-name/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/key-differs/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/key-mismatch/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/missing-file/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/name-variant/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/nested-file-set/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/nested-file-set/OLD/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/not-dicom/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/pdi-layout/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/pdi-non-dicom/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/record-type-class/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/referenced-twice/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/related-class-mismatch/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/self-reference/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/sop-class-mismatch/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/sop-instance-mismatch/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/transfer-syntax-mismatch/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/unreferenced-file/DICOMDIR"),
            include_bytes!("../../../corpus/media/defects/unsafe-file-id/DICOMDIR"),
            include_bytes!("../../../corpus/media/japanese/DICOMDIR"),
            include_bytes!("../../../corpus/media/sample/DICOMDIR"),
        ];
        let mut plain = 0;
        for bytes in dicomdirs {
            let mut slots = [RecordSlot::EMPTY; 256];
            let index = RecordIndex::read(bytes, &mut slots);
            for (i, record) in index.records().iter().enumerate() {
                let from = record.span().start + 8;
                let end = (record.span().end as usize).min(bytes.len());
                let content = &bytes[from as usize..end];
                let blank = RecordKeys {
                    record: i as u32,
                    ..RecordKeys::default()
                };
                let parsed =
                    RecordKeys::read_parsed(content, from, Encoding::ExplicitVrLittleEndian, blank);
                if let Some(read) = RecordKeys::read_plain(content, from, i as u32) {
                    assert_eq!(read, parsed, "record {i}");
                    plain += 1;
                }
            }
        }
        assert!(plain > 100, "{plain} records read plainly");
    }
}
