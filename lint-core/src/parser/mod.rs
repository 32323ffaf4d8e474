//! A resumable pull parser for DICOM streams (PS3.10 files and bare PS3.5 data sets).
//!
//! [`Parser::next`] takes a *window*, a slice of the input that starts at a known offset,
//! and returns one [`Step`]: an [`Event`], a [`ParseError`], the end, or a request for
//! bytes the window lacks ([`Step::Need`]). The parser never stores a borrow of the
//! input, so a caller with the whole input in memory passes it every time (or uses the
//! [`Events`] iterator), while the CLI passes a small buffer over a file and refills it on
//! `Need`. Bulk values (pixel data and other OB/OW/UN values) outside the window are
//! skipped by offset and never read: checking a 500 MB multi-frame file reads only its
//! headers.
//!
//! The parser follows PS3.5 §7: explicit and implicit VR, little and big endian (§7.1),
//! defined and undefined lengths (§7.5), UN of undefined length read as implicit VR
//! little endian (§6.2.2), encapsulated pixel data fragments (§A.4). Nesting is bounded
//! by the const parameter `DEPTH` so the stack is fixed at compile time. Anything
//! malformed becomes a [`ParseError`] with a byte span; nothing panics.

mod error;
mod event;
mod path;

pub use error::{ParseError, ParseErrorKind};
pub use event::{
    DataSetStart, Element, ElementHeader, Event, FileMetaEnd, Fragment, ItemEnd, ItemStart,
    Preamble, Section, SequenceEnd, SequenceStart, StreamStart, UNDEFINED_LENGTH, VrOrigin,
};
pub use path::{PathStep, TagPath};

use crate::dictionary;
use crate::span::ByteSpan;
use crate::tag::{Tag, tags};
use crate::transfer_syntax::{self, Encoding, TransferSyntax};
use crate::vr::Vr;

/// The default bound on sequence nesting. Real data rarely nests beyond 6.
pub const DEFAULT_DEPTH: usize = 32;

/// One result of [`Parser::next`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    /// Something was found.
    Event(Event<'a>),
    /// Something is wrong. After a fatal error the next step is [`Step::End`].
    Error(ParseError),
    /// Call again with a window that holds `len` bytes from `offset` (within the input's
    /// total length).
    Need {
        /// Absolute offset the window must start at or before.
        offset: u64,
        /// Bytes needed from `offset`.
        len: u64,
    },
    /// The stream has ended.
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Start,
    FileMeta,
    DataSetStart,
    Body,
    Deflated,
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct OpenItem {
    end: Option<u64>,
    last: Option<Tag>,
}

/// One open sequence (or encapsulated pixel data) and its open item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Level {
    end: Option<u64>,
    outer: Encoding,
    items: u32,
    fragments: bool,
    item: Option<OpenItem>,
}

const NO_LEVEL: Level = Level {
    end: None,
    outer: Encoding::ExplicitVrLittleEndian,
    items: 0,
    fragments: false,
    item: None,
};
const NO_STEP: PathStep = PathStep {
    sequence: Tag::new(0, 0),
    item: None,
};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct FileMetaState {
    start: u64,
    group_length: Option<(u32, ByteSpan)>,
    counted_from: Option<u64>,
    transfer_syntax: Option<&'static TransferSyntax>,
    transfer_syntax_present: bool,
    last: Option<Tag>,
}

/// A header read from the stream, before the parser commits to it.
#[derive(Clone, Copy, Debug)]
struct RawHeader {
    tag: Tag,
    vr: Vr,
    origin: VrOrigin,
    length: u32,
    len: u64,
}

/// Why bytes could not be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Short {
    /// Within the input, outside the window.
    Need,
    /// Past the end of the input.
    Eof,
}

/// The pull parser; `DEPTH` bounds sequence nesting (see [`DEFAULT_DEPTH`]).
#[derive(Clone, Debug)]
pub struct Parser<const DEPTH: usize = DEFAULT_DEPTH> {
    total: u64,
    pos: u64,
    phase: Phase,
    encoding: Encoding,
    declared: Option<Encoding>,
    depth: usize,
    steps: [PathStep; DEPTH],
    levels: [Level; DEPTH],
    root_last: Option<Tag>,
    meta: FileMetaState,
    /// A structural event to return after an error reported first.
    pending: Option<Event<'static>>,
}

impl<const DEPTH: usize> Parser<DEPTH> {
    /// A parser for a stream of `total` bytes that may begin with a preamble and File Meta
    /// group (PS3.10) or be a bare data set (whose encoding is then sniffed).
    pub fn new(total: u64) -> Self {
        Parser {
            total,
            pos: 0,
            phase: Phase::Start,
            encoding: Encoding::ExplicitVrLittleEndian,
            declared: None,
            depth: 0,
            steps: [NO_STEP; DEPTH],
            levels: [NO_LEVEL; DEPTH],
            root_last: None,
            meta: FileMetaState::default(),
            pending: None,
        }
    }

    /// A parser for a bare data set of `total` bytes in a known encoding, such as an
    /// inflated deflated data set.
    pub fn data_set(total: u64, encoding: Encoding) -> Self {
        let mut parser = Self::new(total);
        parser.phase = Phase::DataSetStart;
        parser.declared = Some(encoding);
        parser
    }

    /// The nesting of sequences and items at the current position (after the last event:
    /// after a [`Event::SequenceStart`] it ends with that sequence).
    pub fn path(&self) -> TagPath<'_> {
        TagPath::new(self.steps.get(..self.depth).unwrap_or(&[]))
    }

    /// The absolute offset of the next byte to read.
    pub const fn position(&self) -> u64 {
        self.pos
    }

    /// The total length of the input.
    pub const fn total(&self) -> u64 {
        self.total
    }

    /// The encoding now in use.
    pub const fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Reads the next step. `window` holds input bytes from absolute offset `offset`.
    pub fn next<'a>(&mut self, window: &'a [u8], offset: u64) -> Step<'a> {
        let win = Window {
            bytes: window,
            offset,
            total: self.total,
        };
        if let Some(pending) = self.pending.take() {
            return Step::Event(pending);
        }
        let step = match self.phase {
            Phase::Start => self.start(win),
            Phase::FileMeta => self.file_meta(win),
            Phase::DataSetStart => self.data_set_start(win),
            Phase::Body => self.body(win),
            Phase::Deflated => {
                self.phase = Phase::Done;
                Step::Event(Event::Deflated(ByteSpan::new(self.pos, self.total)))
            }
            Phase::Done => Step::End,
        };
        match step {
            // Never ask for bytes past the end: the reader could not supply them.
            Step::Need { offset, len } => Step::Need {
                offset,
                len: len.min(self.total.saturating_sub(offset)),
            },
            step => step,
        }
    }

    fn fatal(&mut self, kind: ParseErrorKind, at: ByteSpan) -> Step<'static> {
        self.phase = Phase::Done;
        Step::Error(ParseError {
            kind,
            at,
            fatal: true,
        })
    }

    fn start<'a>(&mut self, win: Window<'a>) -> Step<'a> {
        let head_len = self.total.min(136);
        let Ok(head) = win.get(0, head_len) else {
            return Step::Need {
                offset: 0,
                len: head_len,
            };
        };
        let at = |from: usize, to: usize| head.get(from..to);
        let (preamble, meta_at) = if at(128, 132) == Some(b"DICM") {
            let preamble = Preamble::Standard {
                preamble: ByteSpan::new(0, 128),
                prefix: ByteSpan::new(128, 132),
            };
            (preamble, Some(132))
        } else if at(0, 4) == Some(b"DICM") {
            let prefix = ByteSpan::new(0, 4);
            (Preamble::PrefixOnly { prefix }, Some(4))
        } else if at(128, 130) == Some(&[0x02, 0x00]) && at(131, 132) == Some(&[0x00]) {
            // Group 0002 with a small element number right after 128 bytes: a File Meta
            // group whose writer forgot the "DICM" prefix.
            let preamble = ByteSpan::new(0, 128);
            (Preamble::MissingPrefix { preamble }, Some(128))
        } else if at(0, 2) == Some(&[0x02, 0x00]) {
            (Preamble::Absent, Some(0))
        } else {
            (Preamble::Absent, None)
        };
        let file_meta = match meta_at {
            Some(pos) => {
                self.pos = pos;
                self.meta.start = pos;
                self.phase = Phase::FileMeta;
                true
            }
            None => {
                self.phase = Phase::DataSetStart;
                false
            }
        };
        Step::Event(Event::StreamStart(StreamStart {
            preamble,
            file_meta,
        }))
    }

    fn file_meta<'a>(&mut self, win: Window<'a>) -> Step<'a> {
        let pos = self.pos;
        let in_group = match win.get(pos, 2) {
            Ok(group) => group == [0x02, 0x00],
            Err(Short::Need) => {
                return Step::Need {
                    offset: pos,
                    len: 12,
                };
            }
            Err(Short::Eof) => false,
        };
        if !in_group {
            return self.end_file_meta();
        }
        let header = match self.read_header(win, pos, Encoding::ExplicitVrLittleEndian) {
            Ok(header) => header,
            Err(Short::Need) => {
                return Step::Need {
                    offset: pos,
                    len: 12,
                };
            }
            Err(Short::Eof) => {
                return self.fatal(
                    ParseErrorKind::TruncatedHeader,
                    ByteSpan::new(pos, self.total),
                );
            }
        };
        let header_span = ByteSpan::at(pos, header.len);
        if header.length == UNDEFINED_LENGTH {
            return self.fatal(
                ParseErrorKind::ValuePastEnd {
                    tag: header.tag,
                    length: header.length,
                    available: self.total.saturating_sub(header_span.end),
                },
                header_span,
            );
        }
        let value_span = ByteSpan::at(header_span.end, u64::from(header.length));
        if value_span.end > self.total {
            return self.fatal(
                ParseErrorKind::ValuePastEnd {
                    tag: header.tag,
                    length: header.length,
                    available: self.total - value_span.start,
                },
                header_span,
            );
        }
        let Ok(value) = win.get(value_span.start, value_span.len()) else {
            return Step::Need {
                offset: pos,
                len: header.len + value_span.len(),
            };
        };
        if header.tag == tags::FILE_META_INFORMATION_GROUP_LENGTH {
            if let Ok(bytes) = <[u8; 4]>::try_from(value) {
                self.meta.group_length = Some((u32::from_le_bytes(bytes), header_span));
            }
            self.meta.counted_from = Some(value_span.end);
        } else if header.tag == tags::TRANSFER_SYNTAX_UID {
            self.meta.transfer_syntax_present = true;
            self.meta.transfer_syntax = transfer_syntax::lookup(value);
        }
        self.pos = value_span.end;
        let previous = self.meta.last.replace(header.tag);
        Step::Event(Event::Element(Element {
            header: header.to_public(header_span),
            value_span,
            value: Some(value),
            previous,
            section: Section::FileMeta,
            encoding: Encoding::ExplicitVrLittleEndian,
        }))
    }

    fn end_file_meta<'a>(&mut self) -> Step<'a> {
        let span = ByteSpan::new(self.meta.start, self.pos);
        // Without (0002,0000), report the whole group's size.
        let counted = ByteSpan::new(self.meta.counted_from.unwrap_or(self.meta.start), self.pos);
        self.declared = self.meta.transfer_syntax.map(|ts| ts.encoding);
        self.phase = Phase::DataSetStart;
        Step::Event(Event::FileMetaEnd(FileMetaEnd {
            span,
            group_length: self.meta.group_length,
            counted,
            transfer_syntax: self.meta.transfer_syntax,
            transfer_syntax_present: self.meta.transfer_syntax_present,
        }))
    }

    fn data_set_start<'a>(&mut self, win: Window<'a>) -> Step<'a> {
        let deflated = self.meta.transfer_syntax.is_some_and(|ts| ts.deflated);
        let used = if deflated {
            Encoding::ExplicitVrLittleEndian
        } else {
            if self.declared.is_none() && !self.meta_seen() {
                if let Some(step) = self.find_bare_data_set(win) {
                    return step;
                }
            }
            let sniff_len = self.total.saturating_sub(self.pos).min(8);
            let Ok(head) = win.get(self.pos, sniff_len) else {
                return Step::Need {
                    offset: self.pos,
                    len: sniff_len,
                };
            };
            match (self.declared, sniff(head)) {
                (Some(declared), Some(seen)) if declared != seen => seen,
                (Some(declared), _) => declared,
                (None, Some(seen)) => seen,
                (None, None) => Encoding::ImplicitVrLittleEndian,
            }
        };
        self.encoding = used;
        self.phase = if deflated {
            Phase::Deflated
        } else {
            Phase::Body
        };
        Step::Event(Event::DataSetStart(DataSetStart {
            at: ByteSpan::point(self.pos),
            declared: self.declared,
            used,
            deflated,
        }))
    }

    fn meta_seen(&self) -> bool {
        self.meta.start > 0 || self.meta.last.is_some()
    }

    /// A bare data set must start with an element header. When the first bytes are not
    /// one in any encoding, look a little further: a few stray bytes before the first
    /// element are reported and skipped, anything else is not DICOM. Returns a step to
    /// return now, or `None` to go on at `self.pos`.
    fn find_bare_data_set<'a>(&mut self, win: Window<'a>) -> Option<Step<'a>> {
        const SEARCH: u64 = 16;
        let start = self.pos;
        let span = self.total.saturating_sub(start).min(SEARCH + 12);
        if win.get(start, span).is_err() {
            return Some(Step::Need {
                offset: start,
                len: span,
            });
        }
        let found = (0..SEARCH.min(self.total.saturating_sub(start)))
            .find(|skip| self.plausible_header(win, start + skip));
        match found {
            Some(0) => None,
            Some(skip) => {
                self.pos = start + skip;
                Some(Step::Error(ParseError {
                    kind: ParseErrorKind::LeadingBytes { count: skip },
                    at: ByteSpan::new(start, start + skip),
                    fatal: false,
                }))
            }
            None if self.total == start => None,
            None => Some(self.fatal(ParseErrorKind::NotDicom, ByteSpan::new(start, self.total))),
        }
    }

    /// Whether a data element header that fits the input starts at `at`.
    fn plausible_header(&self, win: Window<'_>, at: u64) -> bool {
        let Ok(head) = win.get(at, self.total.saturating_sub(at).min(8)) else {
            return false;
        };
        let Some(encoding) = sniff(head) else {
            return false;
        };
        let Ok(header) = self.read_header(win, at, encoding) else {
            return false;
        };
        let group = header.tag.group;
        let group_ok = group != 0xFFFE && (group <= 0x7FE0 || group == 0xFFFC);
        let fits = header.length == UNDEFINED_LENGTH
            || at + header.len + u64::from(header.length) <= self.total;
        group_ok && fits && !matches!(header.origin, VrOrigin::Invalid(_))
    }

    /// Where the innermost container of defined length ends (or the input does).
    fn limit(&self) -> u64 {
        let mut limit = self.total;
        for level in self.levels.iter().take(self.depth) {
            if let Some(end) = level.end {
                limit = limit.min(end);
            }
            if let Some(end) = level.item.and_then(|item| item.end) {
                limit = limit.min(end);
            }
        }
        limit
    }

    fn top(&self) -> Option<Level> {
        self.depth
            .checked_sub(1)
            .and_then(|i| self.levels.get(i))
            .copied()
    }

    fn set_top(&mut self, level: Level) {
        if let Some(slot) = self
            .depth
            .checked_sub(1)
            .and_then(|i| self.levels.get_mut(i))
        {
            *slot = level;
        }
        let item = level.item.map(|_| level.items.saturating_sub(1));
        if let Some(step) = self
            .depth
            .checked_sub(1)
            .and_then(|i| self.steps.get_mut(i))
        {
            step.item = item;
        }
    }

    fn top_sequence(&self) -> Tag {
        self.depth
            .checked_sub(1)
            .and_then(|i| self.steps.get(i))
            .map_or(Tag::new(0, 0), |step| step.sequence)
    }

    fn pop(&mut self) -> Option<Level> {
        let level = self.top()?;
        self.depth -= 1;
        self.encoding = level.outer;
        Some(level)
    }

    fn push(&mut self, tag: Tag, level: Level) -> bool {
        match (
            self.levels.get_mut(self.depth),
            self.steps.get_mut(self.depth),
        ) {
            (Some(slot), Some(step)) => {
                *slot = level;
                *step = PathStep {
                    sequence: tag,
                    item: None,
                };
                self.depth += 1;
                true
            }
            _ => false,
        }
    }

    /// Records `tag` as the last element of the current data set; returns the previous.
    fn note_tag(&mut self, tag: Tag) -> Option<Tag> {
        match self.top() {
            Some(mut level) => {
                let previous = level.item.as_mut().and_then(|item| item.last.replace(tag));
                self.set_top(level);
                previous
            }
            None => self.root_last.replace(tag),
        }
    }

    fn body<'a>(&mut self, win: Window<'a>) -> Step<'a> {
        let pos = self.pos;
        // Containers of defined length end where their length says, not at a delimiter.
        if let Some(mut level) = self.top() {
            match level.item {
                Some(item) if item.end.is_some_and(|end| pos >= end) => {
                    level.item = None;
                    self.set_top(level);
                    return Step::Event(Event::ItemEnd(ItemEnd {
                        sequence: self.top_sequence(),
                        index: level.items.saturating_sub(1),
                        span: ByteSpan::point(pos),
                        delimited: false,
                    }));
                }
                None if level.end.is_some_and(|end| pos >= end) => {
                    return self.end_sequence(ByteSpan::point(pos), false);
                }
                _ => {}
            }
        }
        if pos >= self.total {
            return match self.top() {
                Some(level) => {
                    let kind = ParseErrorKind::MissingDelimiter {
                        sequence: self.top_sequence(),
                        in_item: level.item.is_some(),
                    };
                    self.fatal(kind, ByteSpan::point(self.total))
                }
                None => {
                    self.phase = Phase::Done;
                    Step::End
                }
            };
        }
        let header = match self.read_header(win, pos, self.encoding) {
            Ok(header) => header,
            Err(Short::Need) => {
                return Step::Need {
                    offset: pos,
                    len: 12,
                };
            }
            Err(Short::Eof) => {
                return self.fatal(
                    ParseErrorKind::TruncatedHeader,
                    ByteSpan::new(pos, self.total),
                );
            }
        };
        if header.tag.group == 0xFFFE {
            return self.delimiter(header);
        }
        if self.top().is_some_and(|level| level.item.is_none()) {
            let at = ByteSpan::at(pos, header.len);
            return self.fatal(ParseErrorKind::ExpectedItem { found: header.tag }, at);
        }
        self.element(win, header)
    }

    fn end_sequence<'a>(&mut self, span: ByteSpan, delimited: bool) -> Step<'a> {
        let sequence = self.top_sequence();
        let Some(level) = self.pop() else {
            return Step::End;
        };
        let end = SequenceEnd {
            sequence,
            items: level.items,
            span,
            delimited,
        };
        Step::Event(if level.fragments {
            Event::FragmentsEnd(end)
        } else {
            Event::SequenceEnd(end)
        })
    }

    fn delimiter<'a>(&mut self, header: RawHeader) -> Step<'a> {
        let pos = self.pos;
        let span = ByteSpan::at(pos, 8);
        let top = self.top();
        let length_error = |tag| ParseError {
            kind: ParseErrorKind::DelimiterLength {
                tag,
                length: header.length,
            },
            at: span,
            fatal: false,
        };
        match (header.tag, top) {
            (tags::ITEM, Some(mut level)) if level.item.is_none() => {
                let defined = header.length != UNDEFINED_LENGTH;
                let mut end = pos + 8 + u64::from(header.length);
                let mut overrun = None;
                if defined && end > self.limit() {
                    if level.fragments {
                        return self.overrun(header.tag, header.length, span);
                    }
                    // An item whose length overshoots: report it, then read the item up
                    // to where its container ends, so its contents are still checked.
                    overrun = Some(self.overrun_error(header.tag, header.length, span, false));
                    end = self.limit();
                }
                let index = level.items;
                level.items = level.items.saturating_add(1);
                self.pos = pos + 8;
                if level.fragments {
                    if !defined {
                        return self.fatal(ParseErrorKind::UndefinedFragmentLength, span);
                    }
                    self.pos = end;
                    self.set_top(level);
                    return Step::Event(Event::Fragment(Fragment {
                        index,
                        header: span,
                        value_span: ByteSpan::new(pos + 8, end),
                    }));
                }
                level.item = Some(OpenItem {
                    end: defined.then_some(end),
                    last: None,
                });
                self.set_top(level);
                let start = Event::ItemStart(ItemStart {
                    sequence: self.top_sequence(),
                    index,
                    length: header.length,
                    span,
                });
                match overrun {
                    Some(error) => {
                        self.pending = Some(start);
                        Step::Error(error)
                    }
                    None => Step::Event(start),
                }
            }
            (tags::ITEM_DELIMITATION_ITEM, Some(mut level))
                if level.item.is_some_and(|item| item.end.is_none()) =>
            {
                level.item = None;
                self.set_top(level);
                self.pos = pos + 8;
                let end = ItemEnd {
                    sequence: self.top_sequence(),
                    index: level.items.saturating_sub(1),
                    span,
                    delimited: true,
                };
                if header.length != 0 {
                    self.pending = Some(Event::ItemEnd(end));
                    return Step::Error(length_error(header.tag));
                }
                Step::Event(Event::ItemEnd(end))
            }
            (tags::SEQUENCE_DELIMITATION_ITEM, Some(level))
                if level.item.is_none() && level.end.is_none() =>
            {
                self.pos = pos + 8;
                if header.length != 0 {
                    // Report first; the sequence still ends here.
                    let end: Step<'static> = self.end_sequence(span, true);
                    if let Step::Event(event) = end {
                        self.pending = Some(event);
                    }
                    return Step::Error(length_error(header.tag));
                }
                self.end_sequence(span, true)
            }
            (tags::SEQUENCE_DELIMITATION_ITEM, Some(mut level))
                if level.end.is_none() && level.item.is_some_and(|item| item.end.is_none()) =>
            {
                // The sequence ends while its item of undefined length is still open: the
                // Item Delimitation Item is missing. Close the item here (without
                // consuming the delimiter) so the sequence then ends normally.
                level.item = None;
                self.set_top(level);
                self.pending = Some(Event::ItemEnd(ItemEnd {
                    sequence: self.top_sequence(),
                    index: level.items.saturating_sub(1),
                    span: ByteSpan::point(pos),
                    delimited: false,
                }));
                Step::Error(ParseError {
                    kind: ParseErrorKind::MissingDelimiter {
                        sequence: self.top_sequence(),
                        in_item: true,
                    },
                    at: span,
                    fatal: false,
                })
            }
            (tags::ITEM, _) => self.fatal(
                ParseErrorKind::UnexpectedDelimiter { tag: header.tag },
                span,
            ),
            _ => {
                // A stray delimiter carries no value: skipping its 8 bytes resynchronises.
                self.pos = pos + 8;
                Step::Error(ParseError {
                    kind: ParseErrorKind::UnexpectedDelimiter { tag: header.tag },
                    at: span,
                    fatal: false,
                })
            }
        }
    }

    /// A defined length that runs past the input or past its container: fatal for a
    /// value (the next header cannot be found).
    fn overrun<'a>(&mut self, tag: Tag, length: u32, header: ByteSpan) -> Step<'a> {
        let error = self.overrun_error(tag, length, header, true);
        self.phase = Phase::Done;
        Step::Error(error)
    }

    fn overrun_error(&self, tag: Tag, length: u32, header: ByteSpan, fatal: bool) -> ParseError {
        let limit = self.limit();
        let kind = if limit >= self.total {
            ParseErrorKind::ValuePastEnd {
                tag,
                length,
                available: self.total.saturating_sub(header.end),
            }
        } else {
            ParseErrorKind::CrossesParent {
                tag,
                parent_end: limit,
            }
        };
        ParseError {
            kind,
            at: header,
            fatal,
        }
    }

    fn element<'a>(&mut self, win: Window<'a>, header: RawHeader) -> Step<'a> {
        let pos = self.pos;
        let header_span = ByteSpan::at(pos, header.len);
        let value_start = header_span.end;
        let public = header.to_public(header_span);
        if header.length == UNDEFINED_LENGTH {
            // Pixel data (and other binary VRs) of undefined length are encapsulated
            // fragments (§A.4); anything else of undefined length is a sequence, whose
            // items are implicit VR little endian when its VR is UN (§6.2.2).
            let fragments = header.tag == tags::PIXEL_DATA
                || matches!(
                    header.vr,
                    Vr::OB | Vr::OW | Vr::OD | Vr::OF | Vr::OL | Vr::OV
                );
            let item_encoding = if matches!(header.vr, Vr::UN) {
                Encoding::ImplicitVrLittleEndian
            } else {
                self.encoding
            };
            return self.open(
                header.tag,
                header_span,
                public,
                None,
                fragments,
                item_encoding,
            );
        }
        let value_span = ByteSpan::at(value_start, u64::from(header.length));
        let overrun = value_span.end > self.limit();
        if header.vr == Vr::SQ {
            let encoding = self.encoding;
            if overrun {
                // As for items: report, then read the sequence up to its container's end.
                let error = self.overrun_error(header.tag, header.length, header_span, false);
                let end = Some(self.limit());
                let step = self.open(header.tag, header_span, public, end, false, encoding);
                return match step {
                    Step::Event(event) => {
                        self.pending = Some(event);
                        Step::Error(error)
                    }
                    other => other,
                };
            }
            return self.open(
                header.tag,
                header_span,
                public,
                Some(value_span.end),
                false,
                encoding,
            );
        }
        if overrun {
            return self.overrun(header.tag, header.length, header_span);
        }
        let value = match win.get(value_start, value_span.len()) {
            Ok(value) => Some(value),
            // Bulk data is skipped by offset: the caller need not read it.
            Err(_) if header.vr.is_bulk() => None,
            Err(_) => {
                return Step::Need {
                    offset: pos,
                    len: header.len + value_span.len(),
                };
            }
        };
        self.pos = value_span.end;
        let previous = self.note_tag(header.tag);
        Step::Event(Event::Element(Element {
            header: public,
            value_span,
            value,
            previous,
            section: Section::DataSet,
            encoding: self.encoding,
        }))
    }

    fn open(
        &mut self,
        tag: Tag,
        header_span: ByteSpan,
        header: ElementHeader,
        end: Option<u64>,
        fragments: bool,
        item_encoding: Encoding,
    ) -> Step<'static> {
        if self.depth >= DEPTH {
            return self.fatal(ParseErrorKind::NestingTooDeep { limit: DEPTH }, header_span);
        }
        let previous = self.note_tag(tag);
        let level = Level {
            end,
            outer: self.encoding,
            items: 0,
            fragments,
            item: None,
        };
        if !self.push(tag, level) {
            return self.fatal(ParseErrorKind::NestingTooDeep { limit: DEPTH }, header_span);
        }
        self.pos = header_span.end;
        self.encoding = item_encoding;
        let start = SequenceStart {
            header,
            previous,
            item_encoding,
        };
        Step::Event(if fragments {
            Event::FragmentsStart(start)
        } else {
            Event::SequenceStart(start)
        })
    }

    /// Reads a header at `at` without committing to it.
    fn read_header(
        &self,
        win: Window<'_>,
        at: u64,
        encoding: Encoding,
    ) -> Result<RawHeader, Short> {
        let head = win.get(at, 8)?;
        let word = |i: usize| [byte(head, i), byte(head, i + 1)];
        let big = encoding.is_big_endian();
        let u16_at = |i: usize| {
            if big {
                u16::from_be_bytes(word(i))
            } else {
                u16::from_le_bytes(word(i))
            }
        };
        let u32_of = |b: [u8; 4]| {
            if big {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        let tag = Tag::new(u16_at(0), u16_at(2));
        let short_length = u32_of([byte(head, 4), byte(head, 5), byte(head, 6), byte(head, 7)]);
        let implicit = |origin_if_known: VrOrigin| {
            let (vr, origin) = match dictionary_vr(tag) {
                Some(vr) => (vr, origin_if_known),
                None => (Vr::UN, VrOrigin::Unknown),
            };
            RawHeader {
                tag,
                vr,
                origin,
                length: short_length,
                len: 8,
            }
        };
        // Delimitation items have no VR in any transfer syntax (§7.5).
        if tag.group == 0xFFFE {
            return Ok(RawHeader {
                tag,
                vr: Vr::UN,
                origin: VrOrigin::Explicit,
                length: short_length,
                len: 8,
            });
        }
        if !encoding.is_explicit() {
            let mut header = implicit(VrOrigin::Dictionary);
            // In implicit VR, an undefined length on an element the dictionary calls
            // anything but pixel data can only be a sequence.
            if header.length == UNDEFINED_LENGTH && tag != tags::PIXEL_DATA {
                header.vr = Vr::SQ;
            }
            return Ok(header);
        }
        let code = word(4);
        let long = |vr: Vr, origin: VrOrigin| -> Result<RawHeader, Short> {
            let head = win.get(at, 12)?;
            let length = u32_of([byte(head, 8), byte(head, 9), byte(head, 10), byte(head, 11)]);
            Ok(RawHeader {
                tag,
                vr,
                origin,
                length,
                len: 12,
            })
        };
        let short = |vr: Vr, origin: VrOrigin| RawHeader {
            tag,
            vr,
            origin,
            length: u32::from(u16_at(6)),
            len: 8,
        };
        match Vr::from_code(code) {
            Some(vr) if vr.has_long_length() => long(vr, VrOrigin::Explicit),
            Some(vr) => Ok(short(vr, VrOrigin::Explicit)),
            None => {
                // Not a VR of Table 6.2-1. Writers that put an implicit VR element in an
                // explicit stream are the common cause: if the four bytes as a length fit
                // the input, read it that way; else take the short explicit form.
                let vr = dictionary_vr(tag).unwrap_or(Vr::UN);
                let origin = VrOrigin::Invalid(code);
                let fits = |length: u32, len: u64| {
                    length != UNDEFINED_LENGTH && at + len + u64::from(length) <= self.total
                };
                let as_short = short(vr, origin);
                let letters = code.iter().all(u8::is_ascii_uppercase);
                if !letters && fits(short_length, 8) {
                    Ok(RawHeader {
                        tag,
                        vr,
                        origin,
                        length: short_length,
                        len: 8,
                    })
                } else if fits(as_short.length, 8) {
                    Ok(as_short)
                } else {
                    long(vr, origin)
                }
            }
        }
    }
}

impl RawHeader {
    fn to_public(self, span: ByteSpan) -> ElementHeader {
        ElementHeader {
            tag: self.tag,
            vr: self.vr,
            vr_origin: self.origin,
            length: self.length,
            span,
        }
    }
}

fn byte(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).copied().unwrap_or(0)
}

/// The VR implicit VR data sets use for `tag`: the dictionary's, or none.
fn dictionary_vr(tag: Tag) -> Option<Vr> {
    dictionary::lookup(tag).map(|entry| entry.vr)
}

/// Guesses the encoding of a data set from its first element header, if the bytes say
/// clearly. Explicit VR shows two upper-case letters of a known VR at offset 4; big endian
/// shows a group number whose high byte comes first.
pub fn sniff(head: &[u8]) -> Option<Encoding> {
    let [g0, g1, _, _, v0, v1, ..] = *head else {
        return None;
    };
    if Vr::from_code([v0, v1]).is_some() {
        if g0 == 0 && g1 != 0 {
            Some(Encoding::ExplicitVrBigEndian)
        } else {
            Some(Encoding::ExplicitVrLittleEndian)
        }
    } else {
        Some(Encoding::ImplicitVrLittleEndian)
    }
}

/// A caller's slice of the input at a known offset.
#[derive(Clone, Copy, Debug)]
struct Window<'a> {
    bytes: &'a [u8],
    offset: u64,
    total: u64,
}

impl<'a> Window<'a> {
    /// `len` bytes from absolute offset `at`.
    fn get(&self, at: u64, len: u64) -> Result<&'a [u8], Short> {
        let end = at.checked_add(len).ok_or(Short::Eof)?;
        if end > self.total {
            return Err(Short::Eof);
        }
        let from = at.checked_sub(self.offset).ok_or(Short::Need)?;
        let to = end.checked_sub(self.offset).ok_or(Short::Need)?;
        let (Ok(from), Ok(to)) = (usize::try_from(from), usize::try_from(to)) else {
            return Err(Short::Need);
        };
        self.bytes.get(from..to).ok_or(Short::Need)
    }
}

/// Iterates the events of an input held wholly in memory.
///
/// Yields `Ok(event)` and `Err(error)` in stream order and ends after the last event or
/// the first fatal error. The parser is reachable through [`Events::parser`] for the tag
/// path of the last event.
#[derive(Clone, Debug)]
pub struct Events<'a, const DEPTH: usize = DEFAULT_DEPTH> {
    bytes: &'a [u8],
    parser: Parser<DEPTH>,
}

impl<'a, const DEPTH: usize> Events<'a, DEPTH> {
    /// Events of a Part 10 file or bare data set.
    pub fn new(bytes: &'a [u8]) -> Self {
        Events {
            bytes,
            parser: Parser::new(bytes.len() as u64),
        }
    }

    /// Events of a bare data set in a known encoding.
    pub fn data_set(bytes: &'a [u8], encoding: Encoding) -> Self {
        Events {
            bytes,
            parser: Parser::data_set(bytes.len() as u64, encoding),
        }
    }

    /// The parser, for [`Parser::path`] after an event.
    pub fn parser(&self) -> &Parser<DEPTH> {
        &self.parser
    }
}

impl<'a, const DEPTH: usize> Iterator for Events<'a, DEPTH> {
    type Item = Result<Event<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.parser.next(self.bytes, 0) {
            Step::Event(event) => Some(Ok(event)),
            Step::Error(error) => Some(Err(error)),
            // The whole input is in the window, so `Need` cannot happen; end rather
            // than loop if it ever did.
            Step::Need { .. } | Step::End => None,
        }
    }
}

impl<const DEPTH: usize> core::iter::FusedIterator for Events<'_, DEPTH> {}
