//! What a referenced file says about itself: the File Meta UIDs a DICOMDIR record must
//! repeat (PS3.3 Table F.3-3) and the keys its records must agree with (PS3.3 F.2.1,
//! F.5), gathered from the parser's events in the pass that lints the file.
//!
//! The facts outlive the pass (the CLI lints files in parallel, then checks the
//! file-set), so the values are copied into small fixed buffers: UIDs fit (64 bytes,
//! PS3.5 §9.1); a longer text value keeps its first bytes and says it was cut, and the
//! comparison then looks at the prefix only.

use lint_core::parser::{Event, Preamble, Section, TagPath};
use lint_core::tag::tags;
use lint_core::{ByteSpan, Tag};

/// The record keys compared with the referenced instance, and how much a difference
/// matters: identifiers are errors, descriptive keys warnings (dicom-rules.md §6.3,
/// DIR-KEYS-CONSISTENT).
pub const KEYS: [(Tag, Strength); 13] = [
    (tags::STUDY_DATE, Strength::Descriptive),
    (tags::STUDY_TIME, Strength::Descriptive),
    (tags::ACCESSION_NUMBER, Strength::Descriptive),
    (tags::MODALITY, Strength::Descriptive),
    (tags::STUDY_DESCRIPTION, Strength::Descriptive),
    (tags::PATIENT_NAME, Strength::Descriptive),
    (tags::PATIENT_ID, Strength::Identifier),
    (tags::PATIENT_BIRTH_DATE, Strength::Descriptive),
    (tags::STUDY_INSTANCE_UID, Strength::Identifier),
    (tags::SERIES_INSTANCE_UID, Strength::Identifier),
    (tags::STUDY_ID, Strength::Descriptive),
    (tags::SERIES_NUMBER, Strength::Descriptive),
    (tags::INSTANCE_NUMBER, Strength::Descriptive),
];

/// How much a key disagreement matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Patient ID and the UIDs: readers file the instance under them.
    Identifier,
    /// Names, dates, numbers, descriptions: shown to a person.
    Descriptive,
}

/// The greatest tag the facts hold: [`KEYS`]' last (the tests check that none is
/// greater, nor any other tag [`InstanceFacts::feed`] keeps).
const LAST_KEY: Tag = tags::INSTANCE_NUMBER;

/// The position of `tag` in [`KEYS`].
pub fn key_index(tag: Tag) -> Option<usize> {
    // Asked of every top-level element of every file: a match the compiler makes a
    // search tree of, not a scan of the list (the tests check the two agree).
    let index = match tag {
        tags::STUDY_DATE => 0,
        tags::STUDY_TIME => 1,
        tags::ACCESSION_NUMBER => 2,
        tags::MODALITY => 3,
        tags::STUDY_DESCRIPTION => 4,
        tags::PATIENT_NAME => 5,
        tags::PATIENT_ID => 6,
        tags::PATIENT_BIRTH_DATE => 7,
        tags::STUDY_INSTANCE_UID => 8,
        tags::SERIES_INSTANCE_UID => 9,
        tags::STUDY_ID => 10,
        tags::SERIES_NUMBER => 11,
        tags::INSTANCE_NUMBER => 12,
        _ => return None,
    };
    Some(index)
}

/// Bytes held by the facts: the first `N` of a value, where it was, and whether it was cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held<const N: usize> {
    bytes: [u8; N],
    len: u16,
    /// Whether the value was longer than `N` bytes.
    pub truncated: bool,
    /// Where the value lies in its file.
    pub span: ByteSpan,
}

impl<const N: usize> Held<N> {
    /// Holds (the first `N` bytes of) `value`, found at `span`.
    pub fn new(value: &[u8], span: ByteSpan) -> Self {
        let mut bytes = [0u8; N];
        let len = value.len().min(N).min(usize::from(u16::MAX));
        if let (Some(to), Some(from)) = (bytes.get_mut(..len), value.get(..len)) {
            to.copy_from_slice(from);
        }
        Held {
            bytes,
            len: len as u16,
            truncated: value.len() > len,
            span,
        }
    }

    /// The bytes held.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
    }
}

/// Bytes kept of a UID or short key (a UI is at most 64 bytes).
pub const SHORT: usize = 64;
/// Bytes kept of Patient's Name (three component groups with escape sequences).
pub const NAME: usize = 192;

/// The slots of [`InstanceFacts::slots`]: five single values, Patient's Name, the keys.
const SLOTS: usize = 6 + KEYS.len();

/// What a file says about itself, for the checks of the records that reference it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstanceFacts {
    /// Whether it is a PS3.10 file: preamble, `DICM` and a File Meta group.
    pub part10: bool,
    /// (0002,0002) Media Storage SOP Class UID.
    pub sop_class: Option<Held<SHORT>>,
    /// (0002,0003) Media Storage SOP Instance UID.
    pub sop_instance: Option<Held<SHORT>>,
    /// (0002,0010) Transfer Syntax UID.
    pub transfer_syntax: Option<Held<SHORT>>,
    /// (0008,0005) Specific Character Set of the data set.
    pub charset: Option<Held<SHORT>>,
    /// (0008,001A) Related General SOP Class UID (VM 1-n; the first bytes if longer).
    pub related_class: Option<Held<SHORT>>,
    /// Patient's Name (0010,0010).
    pub patient_name: Option<Held<NAME>>,
    /// The other [`KEYS`] (Patient's Name excepted), by position.
    keys: [Option<Held<SHORT>>; KEYS.len()],
}

impl Default for InstanceFacts {
    fn default() -> Self {
        InstanceFacts {
            part10: false,
            sop_class: None,
            sop_instance: None,
            transfer_syntax: None,
            charset: None,
            related_class: None,
            patient_name: None,
            keys: [None; KEYS.len()],
        }
    }
}

/// A key's value as the file has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyValue<'f> {
    /// The bytes kept.
    pub bytes: &'f [u8],
    /// Whether the value was longer than what was kept.
    pub truncated: bool,
    /// Where it lies in the file.
    pub span: ByteSpan,
}

impl InstanceFacts {
    /// The file's value of key `tag` (one of [`KEYS`]), `None` if it has no such element.
    pub fn key(&self, tag: Tag) -> Option<KeyValue<'_>> {
        if tag == tags::PATIENT_NAME {
            return self.patient_name.as_ref().map(|h| KeyValue {
                bytes: h.as_bytes(),
                truncated: h.truncated,
                span: h.span,
            });
        }
        let held = self.keys.get(key_index(tag)?)?.as_ref()?;
        Some(KeyValue {
            bytes: held.as_bytes(),
            truncated: held.truncated,
            span: held.span,
        })
    }

    /// Takes one event of the file's stream and the parser's path after it (as
    /// [`crate::Linter::run`]'s observer gets them). Only top-level elements count; the
    /// first occurrence of each wins.
    pub fn feed(&mut self, event: &Event<'_>, path: TagPath<'_>) {
        match event {
            Event::StreamStart(start) => {
                self.part10 =
                    matches!(start.preamble, Preamble::Standard { .. }) && start.file_meta;
            }
            // Most of a file's elements come after the last key: they cost one comparison.
            Event::Element(element) if element.header.tag <= LAST_KEY && path.is_root() => {
                let Some(value) = element.value else {
                    return;
                };
                let span = element.value_span;
                let tag = element.header.tag;
                let slot = match (element.section, tag) {
                    (Section::FileMeta, tags::MEDIA_STORAGE_SOP_CLASS_UID) => &mut self.sop_class,
                    (Section::FileMeta, tags::MEDIA_STORAGE_SOP_INSTANCE_UID) => {
                        &mut self.sop_instance
                    }
                    (Section::FileMeta, tags::TRANSFER_SYNTAX_UID) => &mut self.transfer_syntax,
                    (Section::DataSet, tags::SPECIFIC_CHARACTER_SET) => &mut self.charset,
                    (Section::DataSet, tags::RELATED_GENERAL_SOP_CLASS_UID) => {
                        &mut self.related_class
                    }
                    (Section::DataSet, tags::PATIENT_NAME) => {
                        if self.patient_name.is_none() {
                            self.patient_name = Some(Held::new(value, span));
                        }
                        return;
                    }
                    (Section::DataSet, tag) => match key_index(tag) {
                        Some(i) => match self.keys.get_mut(i) {
                            Some(slot) => slot,
                            None => return,
                        },
                        None => return,
                    },
                    _ => return,
                };
                if slot.is_none() {
                    *slot = Some(Held::new(value, span));
                }
            }
            _ => {}
        }
    }

    /// The facts in a compact form, for a caller that keeps those of many files (a
    /// file-set of 10,000 images): present values only, each as
    /// `len u16, truncated u8, span start u64, span end u64, bytes` after a mask of the
    /// present ones, all little endian. About a quarter of the size in memory for a
    /// typical image (the fixed form holds every slot at its largest). Written into `out`,
    /// which must hold [`Self::COMPACT_MAX`] bytes; returns the length written.
    pub fn write_compact(&self, out: &mut [u8]) -> usize {
        let mut at = 5usize;
        let mut mask = 0u32;
        let mut put = |at: &mut usize, bytes: &[u8]| {
            if let Some(to) = out.get_mut(*at..*at + bytes.len()) {
                to.copy_from_slice(bytes);
            }
            *at += bytes.len();
        };
        for (i, held) in self.slots().enumerate() {
            let Some((bytes, truncated, span)) = held else {
                continue;
            };
            mask |= 1 << i;
            let len = bytes.len() as u16;
            put(&mut at, &len.to_le_bytes());
            put(&mut at, &[u8::from(truncated)]);
            put(&mut at, &span.start.to_le_bytes());
            put(&mut at, &span.end.to_le_bytes());
            put(&mut at, bytes);
        }
        let mut head = 0usize;
        put(&mut head, &[u8::from(self.part10)]);
        put(&mut head, &mask.to_le_bytes());
        at
    }

    /// The most bytes [`Self::write_compact`] writes.
    pub const COMPACT_MAX: usize = 5 + (SLOTS - 1) * (19 + SHORT) + (19 + NAME);

    /// Whether the facts written by [`Self::write_compact`] as `bytes` are of a Part 10
    /// file, without reading the rest.
    pub fn compact_part10(bytes: &[u8]) -> bool {
        bytes.first().is_some_and(|&b| b != 0)
    }

    /// Facts written by [`Self::write_compact`]; `None` if `bytes` are not such.
    pub fn read_compact(bytes: &[u8]) -> Option<InstanceFacts> {
        let mut facts = InstanceFacts {
            part10: *bytes.first()? != 0,
            ..InstanceFacts::default()
        };
        let mask = u32::from_le_bytes(bytes.get(1..5)?.try_into().ok()?);
        let mut at = 5usize;
        let mut take = |n: usize| {
            let taken = bytes.get(at..at + n);
            at += n;
            taken
        };
        for i in 0..SLOTS {
            if mask & (1 << i) == 0 {
                continue;
            }
            let len = usize::from(u16::from_le_bytes(take(2)?.try_into().ok()?));
            let truncated = *take(1)?.first()? != 0;
            let start = u64::from_le_bytes(take(8)?.try_into().ok()?);
            let end = u64::from_le_bytes(take(8)?.try_into().ok()?);
            let value = take(len)?;
            facts.set_slot(i, value, truncated, ByteSpan::new(start, end));
        }
        Some(facts)
    }

    /// Every slot in a fixed order (the compact form's): the File Meta and other single
    /// values, Patient's Name, then [`KEYS`]' (bytes, truncated, span) where present.
    fn slots(&self) -> impl Iterator<Item = Option<(&[u8], bool, ByteSpan)>> + '_ {
        fn short(h: &Option<Held<SHORT>>) -> Option<(&[u8], bool, ByteSpan)> {
            h.as_ref().map(|h| (h.as_bytes(), h.truncated, h.span))
        }
        [
            short(&self.sop_class),
            short(&self.sop_instance),
            short(&self.transfer_syntax),
            short(&self.charset),
            short(&self.related_class),
            self.patient_name
                .as_ref()
                .map(|h| (h.as_bytes(), h.truncated, h.span)),
        ]
        .into_iter()
        .chain(self.keys.iter().map(short))
    }

    /// Sets slot `i` of [`Self::slots`]' order.
    fn set_slot(&mut self, i: usize, value: &[u8], truncated: bool, span: ByteSpan) {
        let short = |value: &[u8]| {
            let mut held = Held::<SHORT>::new(value, span);
            held.truncated |= truncated;
            Some(held)
        };
        match i {
            0 => self.sop_class = short(value),
            1 => self.sop_instance = short(value),
            2 => self.transfer_syntax = short(value),
            3 => self.charset = short(value),
            4 => self.related_class = short(value),
            5 => {
                let mut held = Held::<NAME>::new(value, span);
                held.truncated |= truncated;
                self.patient_name = Some(held);
            }
            _ => {
                if let Some(slot) = self.keys.get_mut(i - 6) {
                    *slot = short(value);
                }
            }
        }
    }

    /// The facts of a file held wholly in memory.
    pub fn read(bytes: &[u8]) -> InstanceFacts {
        let mut facts = InstanceFacts::default();
        let mut events =
            lint_core::parser::Events::<{ lint_core::parser::DEFAULT_DEPTH }>::new(bytes);
        while let Some(step) = events.next() {
            if let Ok(event) = step {
                facts.feed(&event, events.parser().path());
            }
        }
        facts
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_compact_form_reads_back_the_same() {
        use super::*;
        let mut facts = InstanceFacts {
            part10: true,
            ..InstanceFacts::default()
        };
        let long = [b'9'; 100];
        facts.sop_class = Some(Held::new(
            b"1.2.840.10008.5.1.4.1.1.2",
            ByteSpan::new(10, 36),
        ));
        facts.transfer_syntax = Some(Held::new(&long, ByteSpan::new(40, 140)));
        facts.patient_name = Some(Held::new(
            "Yamada^Tarou=山田^太郎".as_bytes(),
            ByteSpan::new(300, 329),
        ));
        facts.keys[3] = Some(Held::new(b"CT", ByteSpan::new(500, 502)));
        facts.keys[KEYS.len() - 1] = Some(Held::new(b"", ByteSpan::new(600, 600)));
        let mut out = [0u8; InstanceFacts::COMPACT_MAX];
        let n = facts.write_compact(&mut out);
        assert!(n < 250, "{n} bytes");
        assert_eq!(InstanceFacts::read_compact(&out[..n]), Some(facts));
        assert!(facts.transfer_syntax.is_some_and(|h| h.truncated));
        // Every slot at its largest fits.
        let full = InstanceFacts {
            part10: true,
            sop_class: Some(Held::new(&long, ByteSpan::new(0, 100))),
            sop_instance: Some(Held::new(&long, ByteSpan::new(0, 100))),
            transfer_syntax: Some(Held::new(&long, ByteSpan::new(0, 100))),
            charset: Some(Held::new(&long, ByteSpan::new(0, 100))),
            related_class: Some(Held::new(&long, ByteSpan::new(0, 100))),
            patient_name: Some(Held::new(&[b'N'; 300], ByteSpan::new(0, 300))),
            keys: [Some(Held::new(&long, ByteSpan::new(0, 100))); KEYS.len()],
        };
        let n = full.write_compact(&mut out);
        assert_eq!(n, InstanceFacts::COMPACT_MAX);
        assert_eq!(InstanceFacts::read_compact(&out[..n]), Some(full));
        // Cut short, it is not read.
        assert_eq!(InstanceFacts::read_compact(&out[..n - 1]), None);
    }

    #[test]
    fn key_index_is_the_position_in_keys() {
        use super::*;
        for (i, (tag, _)) in KEYS.iter().enumerate() {
            assert_eq!(key_index(*tag), Some(i), "{tag}");
        }
        assert_eq!(key_index(tags::SPECIFIC_CHARACTER_SET), None);
        assert_eq!(key_index(Tag::new(0x0020, 0x0014)), None);
    }

    #[test]
    fn no_kept_tag_is_past_the_last_key() {
        use super::*;
        assert!(KEYS.iter().all(|(tag, _)| *tag <= LAST_KEY));
        for tag in [
            tags::MEDIA_STORAGE_SOP_CLASS_UID,
            tags::MEDIA_STORAGE_SOP_INSTANCE_UID,
            tags::TRANSFER_SYNTAX_UID,
            tags::SPECIFIC_CHARACTER_SET,
            tags::RELATED_GENERAL_SOP_CLASS_UID,
            tags::PATIENT_NAME,
        ] {
            assert!(tag <= LAST_KEY, "{tag}");
        }
    }

    use super::*;

    #[test]
    fn facts_of_a_corpus_image() {
        let facts = InstanceFacts::read(include_bytes!(
            "../../../corpus/media/sample/DICOM/P0000001/ST000001/SE000001/IM000001"
        ));
        assert!(facts.part10);
        assert_eq!(
            facts.sop_class.unwrap().as_bytes(),
            b"1.2.840.10008.5.1.4.1.1.2\0"
        );
        assert!(facts.key(tags::PATIENT_ID).is_some());
        assert!(facts.key(tags::STUDY_INSTANCE_UID).is_some());
        assert!(facts.key(tags::PATIENT_NAME).is_some());
    }

    #[test]
    fn a_long_value_is_cut_and_says_so() {
        let held = Held::<4>::new(b"ABCDEF", ByteSpan::at(10, 6));
        assert_eq!(held.as_bytes(), b"ABCD");
        assert!(held.truncated);
        assert!(!Held::<8>::new(b"ABCDEF", ByteSpan::at(10, 6)).truncated);
    }

    #[test]
    fn a_bare_data_set_is_not_part10() {
        let facts = InstanceFacts::read(b"not dicom at all, just text");
        assert!(!facts.part10);
        assert!(facts.sop_class.is_none());
    }
}
