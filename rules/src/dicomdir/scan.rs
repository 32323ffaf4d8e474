//! One pass over a DICOMDIR's events for what the record index does not keep: the File
//! Meta elements that say what the file is, and, per record, which keys are present and
//! which have a value (PS3.3 F.5), and the value of its uniqueness key.
//!
//! Keys are noted whatever order they come in and judged when the record's item closes,
//! against the record type read in the same item, so an unsorted record is judged the
//! same as a sorted one (the parser reports the order).

use lint_core::ByteSpan;
use lint_core::Tag;
use lint_core::dicomdir::RecordType;
use lint_core::parser::{Element, Event, Events, Section};
use lint_core::tag::tags;

use super::KeyEntry;

/// What a uniqueness key is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyKind {
    /// Patient ID (0010,0020) of a PATIENT record (PS3.3 F.5.1).
    PatientId,
    /// Study Instance UID (0020,000D) of a STUDY record (F.5.2).
    StudyUid,
    /// Series Instance UID (0020,000E) of a SERIES record (F.5.3).
    SeriesUid,
    /// Referenced SOP Instance UID in File (0004,1511) of a record that references an
    /// instance (F.2.1: each file is referenced by one record).
    InstanceUid,
}

/// The File Meta elements the directory rules judge.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct MetaInfo {
    /// (0002,0002) Media Storage SOP Class UID: its value span.
    pub(crate) sop_class: Option<ByteSpan>,
    /// (0002,0010) Transfer Syntax UID: its value span.
    pub(crate) transfer_syntax: Option<ByteSpan>,
    /// Whether the stream had a File Meta group at all.
    pub(crate) file_meta: bool,
}

/// The record keys a `dicomdir/missing-key` check may ask for: bit `i` of
/// [`RecordKeys::present`] stands for `KEY_TAGS[i]`. At most 64.
pub(crate) const KEY_TAGS: [Tag; 59] = [
    Tag::new(0x0008, 0x0008), // Image Type
    Tag::new(0x0008, 0x0012), // Instance Creation Date
    Tag::new(0x0008, 0x0013), // Instance Creation Time
    tags::STUDY_DATE,
    Tag::new(0x0008, 0x0023), // Content Date
    tags::STUDY_TIME,
    Tag::new(0x0008, 0x0033), // Content Time
    tags::ACCESSION_NUMBER,
    tags::MODALITY,
    Tag::new(0x0008, 0x0070), // Manufacturer
    Tag::new(0x0008, 0x0401), // Inventory Purpose
    Tag::new(0x0008, 0x0403), // Inventory Level
    Tag::new(0x0008, 0x0426), // Inventory Completion Status
    Tag::new(0x0008, 0x0428), // Total Number of Study Records
    tags::STUDY_DESCRIPTION,
    tags::PATIENT_NAME,
    tags::PATIENT_ID,
    tags::STUDY_INSTANCE_UID,
    tags::SERIES_INSTANCE_UID,
    tags::STUDY_ID,
    tags::SERIES_NUMBER,
    tags::INSTANCE_NUMBER,
    Tag::new(0x0022, 0x1095), // Implant Name
    Tag::new(0x0022, 0x1097), // Implant Part Number
    Tag::new(0x0028, 0x0008), // Number of Frames
    Tag::new(0x0028, 0x0010), // Rows
    Tag::new(0x0028, 0x0011), // Columns
    Tag::new(0x0028, 0x9001), // Data Point Rows
    Tag::new(0x0028, 0x9002), // Data Point Columns
    Tag::new(0x0040, 0xA030), // Verification DateTime
    Tag::new(0x0040, 0xA043), // Concept Name Code Sequence
    Tag::new(0x0040, 0xA491), // Completion Flag
    Tag::new(0x0040, 0xA493), // Verification Flag
    Tag::new(0x0042, 0x0010), // Document Title
    Tag::new(0x0042, 0x0012), // MIME Type of Encapsulated Document
    Tag::new(0x0070, 0x0080), // Content Label
    Tag::new(0x0070, 0x0081), // Content Description
    Tag::new(0x0070, 0x0082), // Presentation Creation Date
    Tag::new(0x0070, 0x0083), // Presentation Creation Time
    Tag::new(0x0070, 0x0084), // Content Creator's Name
    Tag::new(0x0072, 0x0002), // Hanging Protocol Name
    Tag::new(0x0072, 0x0004), // Hanging Protocol Description
    Tag::new(0x0072, 0x0006), // Hanging Protocol Level
    Tag::new(0x0072, 0x0008), // Hanging Protocol Creator
    Tag::new(0x0072, 0x000A), // Hanging Protocol Creation DateTime
    Tag::new(0x0072, 0x000C), // Hanging Protocol Definition Sequence
    Tag::new(0x0072, 0x000E), // Hanging Protocol User Identification Code Sequence
    Tag::new(0x0072, 0x0014), // Number of Priors Referenced
    Tag::new(0x0076, 0x0001), // Implant Assembly Template Name
    Tag::new(0x0076, 0x0020), // Procedure Type Code Sequence
    Tag::new(0x0078, 0x0001), // Implant Template Group Name
    Tag::new(0x0078, 0x0020), // Implant Template Group Issuer
    Tag::new(0x3004, 0x000A), // Dose Summation Type
    Tag::new(0x3006, 0x0002), // Structure Set Label
    Tag::new(0x3006, 0x0008), // Structure Set Date
    Tag::new(0x3006, 0x0009), // Structure Set Time
    Tag::new(0x3008, 0x0250), // Treatment Date
    Tag::new(0x3008, 0x0251), // Treatment Time
    Tag::new(0x300A, 0x0002), // RT Plan Label
];

/// Verification Flag (0040,A493).
const VERIFICATION_FLAG: Tag = Tag::new(0x0040, 0xA493);

/// The bit of `tag` in [`KEY_TAGS`].
pub(crate) fn key_bit(tag: Tag) -> Option<u64> {
    KEY_TAGS
        .iter()
        .position(|&t| t == tag)
        .map(|i| 1u64 << (i as u32 & 63))
}

/// One record's keys, as its item closes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RecordKeys {
    /// The record's index in the sequence (its slot in the record index).
    pub(crate) record: u32,
    /// The item header.
    pub(crate) header: ByteSpan,
    /// Its (0004,1430), read here.
    pub(crate) kind: RecordType,
    /// Whether (0004,1430) was present (an absent one is another rule's finding).
    pub(crate) typed: bool,
    /// Keys present (bits of [`KEY_TAGS`]).
    pub(crate) present: u64,
    /// Keys with a value: a string that is not all padding, a number, a sequence with
    /// an item.
    pub(crate) filled: u64,
    /// Value spans of Patient ID, Study and Series Instance UID and (0004,1511).
    unique: [Option<ByteSpan>; 4],
    /// The first defect of its Icon Image Sequence (0088,0200), if any.
    pub(crate) icon: Option<IconDefect>,
    /// Whether its Verification Flag (0040,A493) is `VERIFIED` (Verification DateTime
    /// (0040,A030) is then required: F.5.25).
    pub(crate) verified: bool,
}

/// What is wrong with a record's icon image (PS3.3 F.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IconProblem {
    /// A second item: the sequence holds one.
    SecondItem,
    /// An element's value is not the one F.7 allows (its tag and value, `None` when
    /// absent or not one US).
    Value(Tag, Option<u16>),
    /// Photometric Interpretation other than MONOCHROME1, MONOCHROME2 or PALETTE COLOR.
    Photometric,
    /// Planar Configuration present.
    PlanarConfiguration,
}

/// An icon defect and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct IconDefect {
    pub(crate) problem: IconProblem,
    pub(crate) span: ByteSpan,
}

/// The icon item's image pixel description, as read.
#[derive(Clone, Copy, Debug, Default)]
struct Icon {
    items: u32,
    /// (0028,0002), (0028,0100), (0028,0101), (0028,0102), (0028,0103): value and span.
    values: [Option<(Option<u16>, ByteSpan)>; 5],
    photometric: Option<(bool, bool, ByteSpan)>,
    planar: Option<ByteSpan>,
    item: ByteSpan,
}

const ICON_TAGS: [Tag; 5] = [
    Tag::new(0x0028, 0x0002), // Samples per Pixel
    Tag::new(0x0028, 0x0100), // Bits Allocated
    Tag::new(0x0028, 0x0101), // Bits Stored
    Tag::new(0x0028, 0x0102), // High Bit
    Tag::new(0x0028, 0x0103), // Pixel Representation
];

impl Icon {
    fn note(&mut self, element: &Element<'_>) {
        let tag = element.header.tag;
        let value = element.value.unwrap_or(&[]);
        if let Some(i) = ICON_TAGS.iter().position(|&t| t == tag) {
            let number = <[u8; 2]>::try_from(value).ok().map(|b| {
                if element.encoding.is_big_endian() {
                    u16::from_be_bytes(b)
                } else {
                    u16::from_le_bytes(b)
                }
            });
            if let Some(slot) = self.values.get_mut(i) {
                *slot = slot.or(Some((number, element.value_span)));
            }
        } else if tag == Tag::new(0x0028, 0x0004) {
            let term = super::trim(value);
            let palette = term == b"PALETTE COLOR";
            let allowed = palette || term == b"MONOCHROME1" || term == b"MONOCHROME2";
            self.photometric = self
                .photometric
                .or(Some((allowed, palette, element.value_span)));
        } else if tag == Tag::new(0x0028, 0x0006) {
            self.planar = self.planar.or(Some(element.value_span));
        }
    }

    /// The first defect of the item just read (PS3.3 F.7).
    fn judge(&self) -> Option<IconDefect> {
        let at = |i: usize| self.values.get(i).copied().flatten();
        let value = |i: usize| at(i).and_then(|(v, _)| v);
        let defect = |problem, span| Some(IconDefect { problem, span });
        let tag = |i: usize| ICON_TAGS.get(i).copied().unwrap_or_default();
        let bits = value(1);
        let wants = [
            (0, value(0) == Some(1)),
            (1, matches!(bits, Some(1 | 8))),
            (2, value(2).is_some() && value(2) == bits),
            (
                3,
                value(3).is_some()
                    && value(3).map(u32::from) == value(2).map(|b| u32::from(b).wrapping_sub(1)),
            ),
            (4, value(4) == Some(0)),
        ];
        for (i, ok) in wants {
            if !ok {
                let span = at(i).map_or(self.item, |(_, span)| span);
                return defect(IconProblem::Value(tag(i), value(i)), span);
            }
        }
        match self.photometric {
            None => return defect(IconProblem::Photometric, self.item),
            Some((false, _, span)) => return defect(IconProblem::Photometric, span),
            Some((true, true, span)) if bits != Some(8) => {
                return defect(
                    IconProblem::Value(tag(1), bits),
                    at(1).map_or(span, |(_, s)| s),
                );
            }
            Some(_) => {}
        }
        self.planar
            .and_then(|span| defect(IconProblem::PlanarConfiguration, span))
    }
}

impl RecordKeys {
    fn new(record: u32, header: ByteSpan) -> Self {
        RecordKeys {
            record,
            header,
            kind: RecordType::Unknown,
            typed: false,
            present: 0,
            filled: 0,
            unique: [None; 4],
            icon: None,
            verified: false,
        }
    }

    fn note(&mut self, element: &Element<'_>) {
        let tag = element.header.tag;
        let value = element.value.unwrap_or(&[]);
        if tag == tags::DIRECTORY_RECORD_TYPE && !self.typed {
            self.typed = true;
            self.kind = RecordType::from_value(value);
        }
        let unique = match tag {
            tags::PATIENT_ID => Some(0),
            tags::STUDY_INSTANCE_UID => Some(1),
            tags::SERIES_INSTANCE_UID => Some(2),
            tags::REFERENCED_SOP_INSTANCE_UID_IN_FILE => Some(3),
            _ => None,
        };
        if let Some(slot) = unique.and_then(|i| self.unique.get_mut(i)) {
            if slot.is_none() {
                *slot = Some(element.value_span);
            }
        }
        if tag == VERIFICATION_FLAG {
            self.verified = super::trim(value) == b"VERIFIED";
        }
        if let Some(bit) = key_bit(tag) {
            self.present |= bit;
            let has_value = if element.header.vr.is_string() {
                !super::trim(value).is_empty()
            } else {
                !value.is_empty()
            };
            if has_value {
                self.filled |= bit;
            }
        }
    }

    /// The uniqueness key of this record, if its type has one and it is present with a
    /// value.
    pub(crate) fn unique_key(&self, bytes: &[u8]) -> Option<KeyEntry> {
        let (kind, slot) = match self.kind {
            RecordType::Patient => (KeyKind::PatientId, 0),
            RecordType::Study => (KeyKind::StudyUid, 1),
            RecordType::Series => (KeyKind::SeriesUid, 2),
            kind if kind.references_instance() => (KeyKind::InstanceUid, 3),
            _ => return None,
        };
        let span = (*self.unique.get(slot)?)?;
        let from = usize::try_from(span.start).ok()?;
        let to = usize::try_from(span.end).ok()?;
        let value = super::trim(bytes.get(from..to)?);
        if value.is_empty() {
            return None;
        }
        Some(KeyEntry {
            kind,
            hash: hash(value),
            value: span,
            record: self.record,
        })
    }
}

/// FNV-1a: a cheap hash to sort keys by, collisions settled by comparing the bytes.
pub(crate) fn hash(value: &[u8]) -> u64 {
    value.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Reads the File Meta and calls `on_record` for each direct item of the root-level
/// (0004,1220) as it closes (or as the stream ends inside it).
pub(crate) fn scan(bytes: &[u8], mut on_record: impl FnMut(&RecordKeys)) -> MetaInfo {
    let mut meta = MetaInfo::default();
    // Sequence nesting: 0 in the root data set, 1 in (0004,1220)'s items.
    let mut depth = 0u32;
    let mut in_records = false;
    let mut items = 0u32;
    let mut open: Option<RecordKeys> = None;
    // The key bit of a record-level sequence being read (its items fill it).
    let mut key_sequence: Option<u64> = None;
    // The record's Icon Image Sequence, while it is being read.
    let mut icon: Option<Icon> = None;
    for step in Events::<{ lint_core::parser::DEFAULT_DEPTH }>::new(bytes) {
        let Ok(event) = step else { continue };
        match event {
            Event::Element(element) => {
                if element.section == Section::FileMeta {
                    meta.file_meta = true;
                    match element.header.tag {
                        tags::MEDIA_STORAGE_SOP_CLASS_UID => {
                            meta.sop_class = meta.sop_class.or(Some(element.value_span));
                        }
                        tags::TRANSFER_SYNTAX_UID => {
                            meta.transfer_syntax =
                                meta.transfer_syntax.or(Some(element.value_span));
                        }
                        _ => {}
                    }
                } else if depth == 1 {
                    if let Some(record) = open.as_mut() {
                        record.note(&element);
                    }
                } else if depth == 2 {
                    if let Some(icon) = icon.as_mut().filter(|i| i.items == 1) {
                        icon.note(&element);
                    }
                }
            }
            Event::SequenceStart(start) => {
                if depth == 0 && start.header.tag == tags::DIRECTORY_RECORD_SEQUENCE {
                    in_records = true;
                }
                if depth == 1 {
                    if let Some(record) = open.as_mut() {
                        key_sequence = key_bit(start.header.tag);
                        if let Some(bit) = key_sequence {
                            record.present |= bit;
                        }
                        if start.header.tag == tags::ICON_IMAGE_SEQUENCE {
                            icon = Some(Icon::default());
                        }
                    }
                }
                depth = depth.saturating_add(1);
            }
            Event::FragmentsStart(_) => depth = depth.saturating_add(1),
            Event::ItemStart(item) => {
                if depth == 1 && in_records {
                    if let Some(record) = open.take() {
                        on_record(&record);
                    }
                    open = Some(RecordKeys::new(items, ByteSpan::at(item.span.start, 8)));
                    items = items.saturating_add(1);
                } else if depth == 2 {
                    if let (Some(record), Some(bit)) = (open.as_mut(), key_sequence) {
                        record.filled |= bit;
                    }
                    if let Some(icon) = icon.as_mut() {
                        icon.items = icon.items.saturating_add(1);
                        icon.item = ByteSpan::at(item.span.start, 8);
                        if icon.items == 2 {
                            if let Some(record) = open.as_mut() {
                                record.icon = record.icon.or(Some(IconDefect {
                                    problem: IconProblem::SecondItem,
                                    span: icon.item,
                                }));
                            }
                        }
                    }
                }
            }
            Event::ItemEnd(_) if depth == 2 => {
                if let (Some(record), Some(read)) = (open.as_mut(), icon.filter(|i| i.items == 1)) {
                    record.icon = record.icon.or(read.judge());
                }
            }
            Event::ItemEnd(_) if depth == 1 && in_records => {
                if let Some(record) = open.take() {
                    on_record(&record);
                }
            }
            Event::SequenceEnd(_) | Event::FragmentsEnd(_) => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    key_sequence = None;
                    icon = None;
                }
                if depth == 0 {
                    in_records = false;
                }
            }
            _ => {}
        }
    }
    if let Some(record) = open.take() {
        on_record(&record);
    }
    meta
}
