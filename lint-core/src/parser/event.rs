//! What the parser reports: one [`Event`] per structural fact, each with its byte spans.
//!
//! Events are small `Copy` values that borrow value bytes from the caller's window, so a
//! rule can look at a text value without the core ever copying it. Where an event says
//! nothing about a value (`value: None`), the value was bulk data (pixel data, OB/OW…)
//! that lay outside the window: the parser skipped it without reading it.

use crate::span::ByteSpan;
use crate::tag::Tag;
use crate::transfer_syntax::{Encoding, TransferSyntax};
use crate::vr::Vr;

/// The Value Length field meaning "undefined length" (PS3.5 §7.1.1).
pub const UNDEFINED_LENGTH: u32 = 0xFFFF_FFFF;

/// Where the VR of an element came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VrOrigin {
    /// Read from the header (explicit VR transfer syntaxes).
    Explicit,
    /// Implicit VR: taken from the data dictionary.
    Dictionary,
    /// Implicit VR and not in the dictionary (private or unknown): treated as UN.
    Unknown,
    /// Explicit VR syntax, but the two bytes are not a VR of PS3.5 Table 6.2-1. The
    /// element was read as [`ElementHeader::vr`] (from the dictionary, or UN) with the
    /// length form that fitted the bytes that follow.
    Invalid([u8; 2]),
}

/// The part of the stream an element belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// The File Meta Information group (PS3.10 §7.1): always explicit VR little endian.
    FileMeta,
    /// The data set proper.
    DataSet,
}

/// A data element header as found in the stream (PS3.5 §7.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElementHeader {
    /// The element's tag.
    pub tag: Tag,
    /// The VR the element is read with (see [`VrOrigin`]).
    pub vr: Vr,
    /// Where [`Self::vr`] came from.
    pub vr_origin: VrOrigin,
    /// The Value Length field ([`UNDEFINED_LENGTH`] for undefined length).
    pub length: u32,
    /// The header bytes: tag, VR (when explicit), reserved bytes and length.
    pub span: ByteSpan,
}

impl ElementHeader {
    /// Whether the length is undefined (0xFFFFFFFF).
    pub const fn is_undefined_length(&self) -> bool {
        self.length == UNDEFINED_LENGTH
    }
}

/// A data element with a value (anything but a sequence or encapsulated pixel data).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Element<'a> {
    /// The header.
    pub header: ElementHeader,
    /// Where the value lies (empty for a zero-length value).
    pub value_span: ByteSpan,
    /// The value bytes, unless the value is bulk data outside the caller's window.
    pub value: Option<&'a [u8]>,
    /// The tag of the element before this one in the same data set (or File Meta group),
    /// so that order and duplicates can be judged (PS3.5 §7.1).
    pub previous: Option<Tag>,
    /// File Meta group or data set.
    pub section: Section,
    /// The encoding the element was read with.
    pub encoding: Encoding,
}

/// The start of a sequence of items (VR SQ, or UN of undefined length, PS3.5 §7.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SequenceStart {
    /// The header (length may be undefined).
    pub header: ElementHeader,
    /// The tag before this one in the same data set.
    pub previous: Option<Tag>,
    /// The encoding of the sequence's items: implicit VR little endian for UN of
    /// undefined length (PS3.5 §6.2.2), else the enclosing encoding.
    pub item_encoding: Encoding,
}

/// The start of an item (FFFE,E000) inside a sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemStart {
    /// The sequence's tag.
    pub sequence: Tag,
    /// The item's index in its sequence, from 0.
    pub index: u32,
    /// The Item Length field.
    pub length: u32,
    /// The item tag and length.
    pub span: ByteSpan,
}

/// The end of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemEnd {
    /// The sequence's tag.
    pub sequence: Tag,
    /// The item's index.
    pub index: u32,
    /// The Item Delimitation Item (FFFE,E00D), or an empty span where a defined-length
    /// item ended.
    pub span: ByteSpan,
    /// Whether an Item Delimitation Item ended the item.
    pub delimited: bool,
}

/// The end of a sequence (or of encapsulated pixel data).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SequenceEnd {
    /// The sequence's tag.
    pub sequence: Tag,
    /// The number of items the sequence held.
    pub items: u32,
    /// The Sequence Delimitation Item, or an empty span where a defined length ended.
    pub span: ByteSpan,
    /// Whether a Sequence Delimitation Item ended it.
    pub delimited: bool,
}

/// One fragment of encapsulated pixel data (PS3.5 §A.4); item 0 is the Basic Offset Table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fragment {
    /// The index of the item, from 0.
    pub index: u32,
    /// The item tag and length.
    pub header: ByteSpan,
    /// The fragment's bytes (never read by the core).
    pub value_span: ByteSpan,
}

/// How the stream begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preamble {
    /// 128-byte preamble followed by `DICM` (PS3.10 §7.1).
    Standard {
        /// The preamble bytes.
        preamble: ByteSpan,
        /// The `DICM` prefix.
        prefix: ByteSpan,
    },
    /// 128 bytes, then the File Meta group without the `DICM` prefix.
    MissingPrefix {
        /// The 128 bytes taken for a preamble.
        preamble: ByteSpan,
    },
    /// `DICM` at offset 0, no preamble.
    PrefixOnly {
        /// The `DICM` prefix.
        prefix: ByteSpan,
    },
    /// No preamble and no prefix: a File Meta group or a bare data set at offset 0.
    Absent,
}

/// The first event of a stream parsed by [`super::Parser::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreamStart {
    /// The preamble and prefix found.
    pub preamble: Preamble,
    /// Whether a File Meta group (group 0002 elements) follows.
    pub file_meta: bool,
}

/// The end of the File Meta group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileMetaEnd {
    /// The whole group as found (all group 0002 elements read as File Meta).
    pub span: ByteSpan,
    /// The value of (0002,0000) and the span of that element, when present and 4 bytes.
    pub group_length: Option<(u32, ByteSpan)>,
    /// The bytes that (0002,0000) counts: from the end of that element to the end of the
    /// group as found.
    pub counted: ByteSpan,
    /// The transfer syntax (0002,0010) names, when present and known.
    pub transfer_syntax: Option<&'static TransferSyntax>,
    /// Whether (0002,0010) was present (known or not).
    pub transfer_syntax_present: bool,
}

/// How the data set after the File Meta group (or the bare data set) was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataSetStart {
    /// Where the data set begins.
    pub at: ByteSpan,
    /// The encoding the transfer syntax declares, if one was declared and known.
    pub declared: Option<Encoding>,
    /// The encoding the parser uses: the declared one, unless the first element's header
    /// clearly says otherwise, in which case the one the bytes show (as DCMTK and pydicom
    /// do, so a mislabelled file can still be checked).
    pub used: Encoding,
    /// Whether the data set is deflated: a [`Event::Deflated`] follows and nothing more.
    pub deflated: bool,
}

/// One thing the parser found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// The stream begins (first event of [`super::Parser::new`]).
    StreamStart(StreamStart),
    /// A data element with a value.
    Element(Element<'a>),
    /// A sequence begins.
    SequenceStart(SequenceStart),
    /// An item begins.
    ItemStart(ItemStart),
    /// An item ends.
    ItemEnd(ItemEnd),
    /// A sequence ends.
    SequenceEnd(SequenceEnd),
    /// Encapsulated pixel data (undefined length, PS3.5 §A.4) begins; fragments follow.
    FragmentsStart(SequenceStart),
    /// One fragment.
    Fragment(Fragment),
    /// Encapsulated pixel data ends.
    FragmentsEnd(SequenceEnd),
    /// The File Meta group ended.
    FileMetaEnd(FileMetaEnd),
    /// The data set begins.
    DataSetStart(DataSetStart),
    /// The rest of the stream is a deflated data set (PS3.5 §A.5): the core cannot look
    /// inside. Inflate it and parse the result with [`super::Parser::data_set`].
    Deflated(ByteSpan),
}
