//! The record index: every direct item of the Directory Record Sequence (0004,1220) in a
//! caller-provided slice, in offset order (PS3.3 F.3, Table F.3-3).
//!
//! [`RecordIndexer`] takes the parser's events one at a time, so it works over a window
//! as well as over a whole file ([`RecordIndex::read`] does the latter). It keeps, per
//! record, where the item starts and ends and where each bookkeeping element's value lies
//! ([`RecordSlot`]), plus the root-level facts ([`DirectoryInfo`]). It never allocates:
//! when the slice is full it goes on counting, and the index says how many records it saw
//! and how many it kept. Item offsets grow with the stream, so the slots come out sorted
//! and [`RecordIndex::resolve`] finds the record an offset names by binary search.

use crate::parser::{Element, Event, Events, ParseError, Section};
use crate::span::ByteSpan;
use crate::tag::{Tag, tags};

use super::record_type::RecordType;

/// Which offset element of PS3.3 Table F.3-3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OffsetKind {
    /// (0004,1200) Offset of the First Directory Record of the Root Directory Entity.
    First,
    /// (0004,1202) Offset of the Last Directory Record of the Root Directory Entity.
    Last,
    /// (0004,1400) Offset of the Next Directory Record.
    Next,
    /// (0004,1420) Offset of Referenced Lower-Level Directory Entity.
    Lower,
    /// (0004,1504) MRDR Directory Record Offset (retired).
    Mrdr,
}

impl OffsetKind {
    /// The element's tag.
    pub const fn tag(self) -> Tag {
        match self {
            OffsetKind::First => {
                tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY
            }
            OffsetKind::Last => {
                tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY
            }
            OffsetKind::Next => tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
            OffsetKind::Lower => tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY,
            OffsetKind::Mrdr => MRDR_DIRECTORY_RECORD_OFFSET,
        }
    }
}

/// (0004,1504) MRDR Directory Record Offset (retired; not among the linter's named tags).
const MRDR_DIRECTORY_RECORD_OFFSET: Tag = Tag::new(0x0004, 0x1504);

/// An offset element (UL) as found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OffsetField {
    /// The offset, or `None` when the value is not exactly 4 bytes (VM 1).
    pub value: Option<u32>,
    /// The value bytes.
    pub span: ByteSpan,
}

/// A flag element (US) as found: (0004,1410) or (0004,1212).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlagField {
    /// The flag, or `None` when the value is not exactly 2 bytes.
    pub value: Option<u16>,
    /// The value bytes.
    pub span: ByteSpan,
}

/// Directory Record Type (0004,1430) as found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordTypeField {
    /// The type its value names.
    pub record_type: RecordType,
    /// The value bytes.
    pub span: ByteSpan,
}

/// Where a value lies, relative to the start of its record's item, so a slot stays small
/// (a 100,000-record DICOMDIR needs 100,000 of them). A value more than 4 GiB into its
/// item is not recorded: no DICOMDIR can address records that large, its offsets are
/// 32-bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rel {
    from: u32,
    len: u32,
}

impl Rel {
    const ABSENT: Rel = Rel {
        from: u32::MAX,
        len: 0,
    };

    fn of(item: u64, value: ByteSpan) -> Rel {
        let from = value.start.checked_sub(item).map(u32::try_from);
        match (from, u32::try_from(value.len())) {
            (Some(Ok(from)), Ok(len)) if from != u32::MAX => Rel { from, len },
            _ => Rel::ABSENT,
        }
    }

    const fn is_present(self) -> bool {
        self.from != u32::MAX
    }

    fn span(self, item: u64) -> Option<ByteSpan> {
        self.is_present().then(|| {
            let start = item.saturating_add(u64::from(self.from));
            ByteSpan::at(start, u64::from(self.len))
        })
    }
}

/// Bits of [`RecordSlot::decoded`]: which numeric values decoded.
const NEXT_OK: u8 = 1;
const LOWER_OK: u8 = 2;
const MRDR_OK: u8 = 4;
const IN_USE_OK: u8 = 8;

/// One directory record (one direct item of (0004,1220)) as indexed.
///
/// The accessors give each element's value span (and decoded value); `None` means the
/// element is absent from the item. When an element occurs twice in an item, the first is
/// kept (the parser reports the duplicate). A slot is 128 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordSlot {
    start: u64,
    end: u64,
    next: Rel,
    lower: Rel,
    mrdr: Rel,
    in_use: Rel,
    record_type: Rel,
    file_id: Rel,
    sop_class: Rel,
    sop_instance: Rel,
    transfer_syntax: Rel,
    related_class: Rel,
    private_uid: Rel,
    charset: Rel,
    next_value: u32,
    lower_value: u32,
    mrdr_value: u32,
    in_use_value: u16,
    kind: RecordType,
    decoded: u8,
}

impl Default for RecordSlot {
    fn default() -> Self {
        RecordSlot::EMPTY
    }
}

impl RecordSlot {
    /// An unused slot, to fill scratch arrays with (`[RecordSlot::EMPTY; N]`).
    pub const EMPTY: RecordSlot = RecordSlot {
        start: 0,
        end: 0,
        next: Rel::ABSENT,
        lower: Rel::ABSENT,
        mrdr: Rel::ABSENT,
        in_use: Rel::ABSENT,
        record_type: Rel::ABSENT,
        file_id: Rel::ABSENT,
        sop_class: Rel::ABSENT,
        sop_instance: Rel::ABSENT,
        transfer_syntax: Rel::ABSENT,
        related_class: Rel::ABSENT,
        private_uid: Rel::ABSENT,
        charset: Rel::ABSENT,
        next_value: 0,
        lower_value: 0,
        mrdr_value: 0,
        in_use_value: 0,
        kind: RecordType::Unknown,
        decoded: 0,
    };

    const fn new(start: u64) -> RecordSlot {
        RecordSlot {
            start,
            end: start.saturating_add(8),
            ..RecordSlot::EMPTY
        }
    }

    /// The absolute offset of the item tag: the value an offset element must hold to name
    /// this record (PS3.3 Table F.3-3 notes).
    pub const fn offset(&self) -> u64 {
        self.start
    }

    /// The Item tag and length (8 bytes).
    pub const fn header(&self) -> ByteSpan {
        ByteSpan::at(self.start, 8)
    }

    /// The whole item, delimiter included. If the stream ended inside the item, up to
    /// the last byte read.
    pub const fn span(&self) -> ByteSpan {
        ByteSpan::new(self.start, self.end)
    }

    /// Whether `offset` falls inside the item.
    pub const fn contains(&self, offset: u64) -> bool {
        offset >= self.start && offset < self.end
    }

    fn offset_field(&self, rel: Rel, value: u32, ok: u8) -> Option<OffsetField> {
        rel.span(self.start).map(|span| OffsetField {
            value: (self.decoded & ok != 0).then_some(value),
            span,
        })
    }

    /// One of the record's offset elements; `None` for the root-level kinds.
    pub fn offset_of(&self, kind: OffsetKind) -> Option<OffsetField> {
        match kind {
            OffsetKind::Next => self.next_offset(),
            OffsetKind::Lower => self.lower_offset(),
            OffsetKind::Mrdr => self.mrdr_offset(),
            OffsetKind::First | OffsetKind::Last => None,
        }
    }

    /// (0004,1400) Offset of the Next Directory Record.
    pub fn next_offset(&self) -> Option<OffsetField> {
        self.offset_field(self.next, self.next_value, NEXT_OK)
    }

    /// (0004,1420) Offset of Referenced Lower-Level Directory Entity.
    pub fn lower_offset(&self) -> Option<OffsetField> {
        self.offset_field(self.lower, self.lower_value, LOWER_OK)
    }

    /// (0004,1504) MRDR Directory Record Offset (retired).
    pub fn mrdr_offset(&self) -> Option<OffsetField> {
        self.offset_field(self.mrdr, self.mrdr_value, MRDR_OK)
    }

    /// (0004,1410) Record In-use Flag.
    pub fn record_in_use_flag(&self) -> Option<FlagField> {
        self.in_use.span(self.start).map(|span| FlagField {
            value: (self.decoded & IN_USE_OK != 0).then_some(self.in_use_value),
            span,
        })
    }

    /// (0004,1430) Directory Record Type.
    pub fn directory_record_type(&self) -> Option<RecordTypeField> {
        self.record_type
            .span(self.start)
            .map(|span| RecordTypeField {
                record_type: self.kind,
                span,
            })
    }

    /// The record's type: [`RecordType::Unknown`] when (0004,1430) is absent or names no
    /// Defined Term.
    pub const fn record_type(&self) -> RecordType {
        self.kind
    }

    /// (0004,1500) Referenced File ID.
    pub fn referenced_file_id(&self) -> Option<ByteSpan> {
        self.file_id.span(self.start)
    }

    /// (0004,1510) Referenced SOP Class UID in File.
    pub fn referenced_sop_class_uid(&self) -> Option<ByteSpan> {
        self.sop_class.span(self.start)
    }

    /// (0004,1511) Referenced SOP Instance UID in File.
    pub fn referenced_sop_instance_uid(&self) -> Option<ByteSpan> {
        self.sop_instance.span(self.start)
    }

    /// (0004,1512) Referenced Transfer Syntax UID in File.
    pub fn referenced_transfer_syntax_uid(&self) -> Option<ByteSpan> {
        self.transfer_syntax.span(self.start)
    }

    /// (0004,151A) Referenced Related General SOP Class UID in File.
    pub fn referenced_related_general_sop_class_uid(&self) -> Option<ByteSpan> {
        self.related_class.span(self.start)
    }

    /// (0004,1432) Private Record UID.
    pub fn private_record_uid(&self) -> Option<ByteSpan> {
        self.private_uid.span(self.start)
    }

    /// (0008,0005) Specific Character Set of the record's own keys.
    pub fn specific_character_set(&self) -> Option<ByteSpan> {
        self.charset.span(self.start)
    }

    /// Records one element of the item (first occurrence wins).
    fn note(&mut self, element: &Element<'_>) {
        let tag = element.header.tag;
        let rel = Rel::of(self.start, element.value_span);
        let big = element.encoding.is_big_endian();
        let slot = match tag {
            tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD => &mut self.next,
            tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY => &mut self.lower,
            MRDR_DIRECTORY_RECORD_OFFSET => &mut self.mrdr,
            tags::RECORD_IN_USE_FLAG => &mut self.in_use,
            tags::DIRECTORY_RECORD_TYPE => &mut self.record_type,
            tags::REFERENCED_FILE_ID => &mut self.file_id,
            tags::REFERENCED_SOP_CLASS_UID_IN_FILE => &mut self.sop_class,
            tags::REFERENCED_SOP_INSTANCE_UID_IN_FILE => &mut self.sop_instance,
            tags::REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE => &mut self.transfer_syntax,
            tags::REFERENCED_RELATED_GENERAL_SOP_CLASS_UID_IN_FILE => &mut self.related_class,
            tags::PRIVATE_RECORD_UID => &mut self.private_uid,
            tags::SPECIFIC_CHARACTER_SET => &mut self.charset,
            _ => return,
        };
        if slot.is_present() {
            return;
        }
        *slot = rel;
        let value = element.value;
        match tag {
            tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD => {
                if let Some(v) = value.and_then(|v| read_u32(v, big)) {
                    self.next_value = v;
                    self.decoded |= NEXT_OK;
                }
            }
            tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY => {
                if let Some(v) = value.and_then(|v| read_u32(v, big)) {
                    self.lower_value = v;
                    self.decoded |= LOWER_OK;
                }
            }
            MRDR_DIRECTORY_RECORD_OFFSET => {
                if let Some(v) = value.and_then(|v| read_u32(v, big)) {
                    self.mrdr_value = v;
                    self.decoded |= MRDR_OK;
                }
            }
            tags::RECORD_IN_USE_FLAG => {
                if let Some(v) = value.and_then(|v| read_u16(v, big)) {
                    self.in_use_value = v;
                    self.decoded |= IN_USE_OK;
                }
            }
            tags::DIRECTORY_RECORD_TYPE => {
                self.kind = value.map_or(RecordType::Unknown, RecordType::from_value);
            }
            _ => {}
        }
    }
}

fn read_u32(value: &[u8], big: bool) -> Option<u32> {
    let bytes = <[u8; 4]>::try_from(value).ok()?;
    Some(if big {
        u32::from_be_bytes(bytes)
    } else {
        u32::from_le_bytes(bytes)
    })
}

fn read_u16(value: &[u8], big: bool) -> Option<u16> {
    let bytes = <[u8; 2]>::try_from(value).ok()?;
    Some(if big {
        u16::from_be_bytes(bytes)
    } else {
        u16::from_le_bytes(bytes)
    })
}

fn offset_field(element: &Element<'_>) -> OffsetField {
    let big = element.encoding.is_big_endian();
    OffsetField {
        value: element.value.and_then(|v| read_u32(v, big)),
        span: element.value_span,
    }
}

fn flag_field(element: &Element<'_>) -> FlagField {
    let big = element.encoding.is_big_endian();
    FlagField {
        value: element.value.and_then(|v| read_u16(v, big)),
        span: element.value_span,
    }
}

/// The root-level facts of a Basic Directory (PS3.3 Tables F.3-2 and F.3-3): value spans
/// (or decoded values) of the File-set Identification and Directory Information elements.
/// `None` means the element is absent; the first occurrence of each is kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DirectoryInfo {
    /// (0004,1130) File-set ID.
    pub file_set_id: Option<ByteSpan>,
    /// (0004,1141) File-set Descriptor File ID.
    pub file_set_descriptor_file_id: Option<ByteSpan>,
    /// (0004,1142) Specific Character Set of File-set Descriptor File.
    pub descriptor_file_character_set: Option<ByteSpan>,
    /// (0004,1200) Offset of the First Directory Record of the Root Directory Entity.
    pub first: Option<OffsetField>,
    /// (0004,1202) Offset of the Last Directory Record of the Root Directory Entity.
    pub last: Option<OffsetField>,
    /// (0004,1212) File-set Consistency Flag.
    pub consistency_flag: Option<FlagField>,
    /// The header of the (first) root-level Directory Record Sequence (0004,1220).
    pub record_sequence: Option<ByteSpan>,
    /// How many root-level (0004,1220) sequences there are; the items of all are indexed.
    pub record_sequences: u32,
}

impl DirectoryInfo {
    fn note(&mut self, element: &Element<'_>) {
        let span = Some(element.value_span);
        match element.header.tag {
            tags::FILE_SET_ID => {
                self.file_set_id = self.file_set_id.or(span);
            }
            tags::FILE_SET_DESCRIPTOR_FILE_ID => {
                self.file_set_descriptor_file_id = self.file_set_descriptor_file_id.or(span);
            }
            tags::SPECIFIC_CHARACTER_SET_OF_FILE_SET_DESCRIPTOR_FILE => {
                self.descriptor_file_character_set = self.descriptor_file_character_set.or(span);
            }
            tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY => {
                self.first = self.first.or(Some(offset_field(element)));
            }
            tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY => {
                self.last = self.last.or(Some(offset_field(element)));
            }
            tags::FILE_SET_CONSISTENCY_FLAG => {
                self.consistency_flag = self.consistency_flag.or(Some(flag_field(element)));
            }
            _ => {}
        }
    }
}

/// Where an offset leads (see [`RecordIndex::resolve`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The offset is 0: no record (PS3.3 Table F.3-3).
    Nothing,
    /// Exactly the item tag of this record.
    Record(u32),
    /// Inside this record's item, not at its start.
    Inside(u32),
    /// Within the input, but on no directory record (before the first, between items, or
    /// after the sequence).
    NotOnItem,
    /// Beyond the last record kept, in an index whose scratch filled up or whose stream
    /// ended in a fatal parse error: the index cannot tell.
    NotIndexed,
    /// At or past the end of the input.
    PastEnd,
}

/// The records of one DICOMDIR, in offset order, and its root-level facts.
///
/// It borrows the scratch slice the [`RecordIndexer`] filled and is `Copy`, so a walk
/// and the rules can share it.
#[derive(Clone, Copy, Debug)]
pub struct RecordIndex<'s> {
    records: &'s [RecordSlot],
    info: DirectoryInfo,
    seen: u32,
    end: u64,
    parse_error: Option<ParseError>,
}

impl<'s> RecordIndex<'s> {
    /// Indexes a DICOMDIR held wholly in memory (a Part 10 file or a bare data set) into
    /// `scratch`.
    pub fn read(bytes: &[u8], scratch: &'s mut [RecordSlot]) -> RecordIndex<'s> {
        let mut indexer = RecordIndexer::new(scratch, bytes.len() as u64);
        for step in Events::<{ crate::parser::DEFAULT_DEPTH }>::new(bytes) {
            match step {
                Ok(event) => indexer.feed(&event),
                Err(error) => indexer.note_error(&error),
            }
        }
        indexer.finish()
    }

    /// The kept records, in offset order.
    pub const fn records(&self) -> &'s [RecordSlot] {
        self.records
    }

    /// Record `index`, if kept.
    pub fn get(&self, index: u32) -> Option<&'s RecordSlot> {
        usize::try_from(index)
            .ok()
            .and_then(|i| self.records.get(i))
    }

    /// The root-level facts.
    pub const fn info(&self) -> &DirectoryInfo {
        &self.info
    }

    /// How many direct items of (0004,1220) the stream held (saturating at `u32::MAX`).
    pub const fn seen(&self) -> u32 {
        self.seen
    }

    /// How many records the scratch kept.
    pub const fn kept(&self) -> u32 {
        // The indexer never keeps more than u32::MAX slots.
        self.records.len() as u32
    }

    /// Whether every record was kept.
    pub const fn is_complete(&self) -> bool {
        self.kept() == self.seen
    }

    /// The length of the input: offsets at or past it lead nowhere.
    pub const fn end(&self) -> u64 {
        self.end
    }

    /// The fatal parse error that ended the stream early, if any: records after it are
    /// missing from the index.
    pub const fn parse_error(&self) -> Option<ParseError> {
        self.parse_error
    }

    /// Where `offset` leads: a binary search over the records (O(log n)).
    pub fn resolve(&self, offset: u32) -> Target {
        if offset == 0 {
            return Target::Nothing;
        }
        let offset = u64::from(offset);
        if offset >= self.end {
            return Target::PastEnd;
        }
        let after = self.records.partition_point(|r| r.start <= offset);
        let candidate = after
            .checked_sub(1)
            .and_then(|i| self.records.get(i).map(|r| (i, r)));
        match candidate {
            Some((i, record)) if record.start == offset => Target::Record(i as u32),
            Some((i, record)) if record.contains(offset) => Target::Inside(i as u32),
            _ if after == self.records.len()
                && (!self.is_complete() || self.parse_error.is_some()) =>
            {
                Target::NotIndexed
            }
            _ => Target::NotOnItem,
        }
    }
}

/// Builds a [`RecordIndex`] from parser events, into a caller-provided slice.
///
/// Feed it every event of the stream in order ([`RecordIndexer::feed`]), and the parse
/// errors too ([`RecordIndexer::note_error`]), then call [`RecordIndexer::finish`].
#[derive(Debug)]
pub struct RecordIndexer<'s> {
    slots: &'s mut [RecordSlot],
    kept: usize,
    seen: u32,
    end: u64,
    info: DirectoryInfo,
    /// Sequence nesting: 0 in the root data set.
    depth: u32,
    /// Whether the open root-level sequence is (0004,1220).
    in_records: bool,
    /// Whether a record item is open, and whether its slot was kept.
    open: Option<bool>,
    parse_error: Option<ParseError>,
}

impl<'s> RecordIndexer<'s> {
    /// An indexer writing into `scratch`, for an input of `end` bytes. Slots past
    /// `u32::MAX` are never used.
    pub fn new(scratch: &'s mut [RecordSlot], end: u64) -> RecordIndexer<'s> {
        RecordIndexer {
            slots: scratch,
            kept: 0,
            seen: 0,
            end,
            info: DirectoryInfo::default(),
            depth: 0,
            in_records: false,
            open: None,
            parse_error: None,
        }
    }

    /// Takes the next event of the stream.
    pub fn feed(&mut self, event: &Event<'_>) {
        match event {
            Event::Element(element) => match (self.depth, self.open) {
                (0, _) if element.section == Section::DataSet => self.info.note(element),
                (1, Some(true)) => {
                    if let Some(slot) = self.current() {
                        slot.note(element);
                    }
                }
                _ => {}
            },
            Event::SequenceStart(start) => {
                if self.depth == 0 && start.header.tag == tags::DIRECTORY_RECORD_SEQUENCE {
                    self.in_records = true;
                    self.info.record_sequences = self.info.record_sequences.saturating_add(1);
                    self.info.record_sequence =
                        self.info.record_sequence.or(Some(start.header.span));
                }
                self.depth = self.depth.saturating_add(1);
            }
            Event::FragmentsStart(_) => self.depth = self.depth.saturating_add(1),
            Event::SequenceEnd(_) | Event::FragmentsEnd(_) => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.in_records = false;
                }
            }
            Event::ItemStart(item) if self.depth == 1 && self.in_records => {
                self.seen = self.seen.saturating_add(1);
                self.open = Some(self.keep(item.span.start));
            }
            Event::ItemEnd(_) if self.depth == 1 && self.in_records => {
                if self.open == Some(true) {
                    self.extend(event);
                }
                self.open = None;
                return;
            }
            _ => {}
        }
        if self.open == Some(true) {
            self.extend(event);
        }
    }

    /// Takes a parse error: a fatal one ends the stream, and is kept for the index.
    pub fn note_error(&mut self, error: &ParseError) {
        if error.fatal && self.parse_error.is_none() {
            self.parse_error = Some(*error);
        }
    }

    /// The index.
    pub fn finish(self) -> RecordIndex<'s> {
        let RecordIndexer {
            slots,
            kept,
            seen,
            end,
            info,
            parse_error,
            ..
        } = self;
        let records: &'s [RecordSlot] = slots;
        RecordIndex {
            records: records.get(..kept).unwrap_or(&[]),
            info,
            seen,
            end,
            parse_error,
        }
    }

    /// Starts a slot for an item at `start`; whether there was room.
    fn keep(&mut self, start: u64) -> bool {
        // Offsets strictly grow in one stream; a caller feeding events out of order
        // would break the binary search, so such an item is counted, not kept.
        let ordered = self
            .kept
            .checked_sub(1)
            .and_then(|i| self.slots.get(i))
            .is_none_or(|last| last.start < start);
        let room = self.kept < u32::MAX as usize;
        match self.slots.get_mut(self.kept) {
            Some(slot) if ordered && room => {
                *slot = RecordSlot::new(start);
                self.kept += 1;
                true
            }
            _ => false,
        }
    }

    fn current(&mut self) -> Option<&mut RecordSlot> {
        self.kept.checked_sub(1).and_then(|i| self.slots.get_mut(i))
    }

    /// Moves the open record's end to cover `event`.
    fn extend(&mut self, event: &Event<'_>) {
        let end = match event {
            Event::Element(e) => e.value_span.end,
            Event::SequenceStart(s) | Event::FragmentsStart(s) => s.header.span.end,
            Event::ItemStart(i) => i.span.end,
            Event::ItemEnd(i) => i.span.end,
            Event::SequenceEnd(s) | Event::FragmentsEnd(s) => s.span.end,
            Event::Fragment(f) => f.value_span.end,
            _ => return,
        };
        if let Some(slot) = self.current() {
            slot.end = slot.end.max(end);
        }
    }
}
