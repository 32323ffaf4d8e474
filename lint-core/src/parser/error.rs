//! Structural problems the parser finds, as data.
//!
//! A [`ParseError`] says what is wrong and where. A *fatal* error ends the stream: the
//! parser can no longer tell where the next element starts (a truncated header, a length
//! that runs past the end). A non-fatal one is reported and parsing goes on from a
//! well-defined point (a stray delimiter is skipped, for example).

use core::fmt;

use crate::span::ByteSpan;
use crate::tag::Tag;

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The input ends inside a data element, item or delimiter header.
    TruncatedHeader,
    /// A value length runs past the end of the input.
    ValuePastEnd {
        /// The element whose value it is.
        tag: Tag,
        /// Its Value Length.
        length: u32,
        /// The bytes actually left.
        available: u64,
    },
    /// An element, item or sequence of defined length runs past the end of the item or
    /// sequence that contains it.
    CrossesParent {
        /// The element, item or sequence tag.
        tag: Tag,
        /// Where the containing item or sequence ends.
        parent_end: u64,
    },
    /// Sequences nest deeper than the parser's bound.
    NestingTooDeep {
        /// The bound.
        limit: usize,
    },
    /// The input ends inside a sequence or item of undefined length.
    MissingDelimiter {
        /// The innermost open sequence.
        sequence: Tag,
        /// Whether an item was open too (its Item Delimitation Item is missing).
        in_item: bool,
    },
    /// Inside a sequence, something other than an Item or Sequence Delimitation Item.
    ExpectedItem {
        /// What was found.
        found: Tag,
    },
    /// A delimitation item where none can be: at the top level, in a defined-length item
    /// or sequence, or an Item tag inside a data set. It is skipped.
    UnexpectedDelimiter {
        /// The delimiter tag found.
        tag: Tag,
    },
    /// An Item or Sequence Delimitation Item whose length is not zero (PS3.5 §7.5.2).
    DelimiterLength {
        /// The delimiter tag.
        tag: Tag,
        /// Its length field.
        length: u32,
    },
    /// An item of encapsulated pixel data with undefined length (PS3.5 §A.4 forbids it).
    UndefinedFragmentLength,
    /// Bytes before the first element of a bare data set that belong to no element.
    LeadingBytes {
        /// How many bytes were skipped.
        count: u64,
    },
    /// The first bytes are not a data element header in any encoding.
    NotDicom,
}

/// A structural problem at a byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// What went wrong.
    pub kind: ParseErrorKind,
    /// The bytes concerned (a header, or the point where input ended).
    pub at: ByteSpan,
    /// Whether parsing stopped here.
    pub fatal: bool,
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ParseErrorKind::TruncatedHeader => f.write_str("the input ends inside a header"),
            ParseErrorKind::ValuePastEnd {
                tag,
                length,
                available,
            } => write!(
                f,
                "{tag} has value length {length} but only {available} bytes are left"
            ),
            ParseErrorKind::CrossesParent { tag, parent_end } => write!(
                f,
                "{tag} runs past the end of its enclosing item or sequence at offset {parent_end}"
            ),
            ParseErrorKind::NestingTooDeep { limit } => {
                write!(f, "sequences nest deeper than {limit} levels")
            }
            ParseErrorKind::MissingDelimiter { sequence, in_item } => write!(
                f,
                "the input ends inside {} of undefined length (sequence {sequence}): its delimitation item is missing",
                if in_item { "an item" } else { "a sequence" }
            ),
            ParseErrorKind::ExpectedItem { found } => {
                write!(
                    f,
                    "expected an item (FFFE,E000) in the sequence, found {found}"
                )
            }
            ParseErrorKind::UnexpectedDelimiter { tag } => {
                write!(
                    f,
                    "{tag} where no item or sequence of undefined length is open"
                )
            }
            ParseErrorKind::DelimiterLength { tag, length } => {
                write!(
                    f,
                    "{tag} has length {length}; a delimitation item has length 0"
                )
            }
            ParseErrorKind::UndefinedFragmentLength => {
                f.write_str("a pixel data fragment has undefined length")
            }
            ParseErrorKind::LeadingBytes { count } => write!(
                f,
                "{count} stray byte(s) before the first data element; skipped"
            ),
            ParseErrorKind::NotDicom => f.write_str("not a DICOM data set in any encoding"),
        }
    }
}
