//! Character sets: whether every text value is encoded exactly as Specific Character Set
//! (0008,0005) declares (PS3.3 C.12.1.1.2; PS3.5 §6.1, Annexes H, I, J, K).
//!
//! The pieces, in the order a reader meets them:
//!
//! * [`term`]: the Defined Terms, the parse of the raw (0008,0005) value into
//!   [`TermValue`]s (misspellings recognised and canonicalised) and the bounded
//!   [`SpecificCharacterSet`] with its set-level facts ([`SetIssue`]).
//! * [`iso2022`]: coded character sets, the 18 DICOM escape sequences and the G0/G1
//!   [`CodeState`].
//! * [`scan`](mod@scan): the state machine over one value, yielding [`Token`]s (escapes, text runs
//!   with character counts, delimiters found by the state machine, controls, invalid bytes
//!   with their reason, and the state at the end).
//! * [`scope`]: which (0008,0005) is in force in each data set, item and Directory
//!   Record (PS3.5 §7.5.3).
//! * [`tables`]: assigned positions of every set, without Unicode mapping tables.
//! * [`script`](mod@script): script classes (kana, kanji level, Hangul…) from row and cell.
//! * `decode` (feature `decode`): Unicode text for display.
//!
//! Like the rest of the core, this module describes: the `lint-rules` crate judges.

pub mod iso2022;
pub mod scan;
pub mod scope;
pub mod script;
pub mod tables;
#[rustfmt::skip]
mod tables_data;
pub mod term;

#[cfg(feature = "decode")]
pub mod decode;

pub use iso2022::{
    CodeElement, CodeState, CodedCharacterSet, Escape, EscapeSequence, Iso8859Part, parse_escape,
};
pub use scan::{
    Characters, DelimiterKind, EscapeStatus, InvalidReason, Scanner, TextKind, Token, characters,
    scan, value_count,
};
pub use scope::{Scope, Scopes, Source};
pub use script::{Script, script_of};
pub use tables::Assignment;
pub use term::{
    Declared, DefinedTerm, MAX_VALUES, SetIssue, SpecificCharacterSet, TermIssue, TermIssues,
    TermTable, TermValue, TermValues, TextEncoding, parse_values,
};
