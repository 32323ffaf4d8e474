//! Specific Character Set (0008,0005): its Defined Terms (PS3.3 C.12.1.1.2, Tables C.12-2
//! to C.12-5), the parse of its raw value into [`TermValue`]s, and the bounded
//! [`SpecificCharacterSet`] built from them with the set-level facts of dicom-rules.md §1.3.
//!
//! Known misspellings (`ISO-IR 100`, `ISO_IR 87`, `UTF-8`, `GB2312`, lower case…) are
//! recognised, reported as a [`TermIssue`] and then used as the canonical term, so the rest
//! of a file can still be checked (dicom-rules.md §1.3 CS-SCS-MISSPELLED, §7 "tolerant
//! canonicalisation"). Nothing here judges: rules turn these facts into findings.

use super::iso2022::{CodeState, CodedCharacterSet, EscapeSequence, Iso8859Part};
use crate::ByteSpan;

/// A Defined Term of Specific Character Set, or the default repertoire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DefinedTerm {
    /// The default repertoire ISO-IR 6 (attribute absent, or value 1 empty). It has no
    /// Defined Term of its own; `ISO_IR 6` is parsed to it with [`TermIssue::IsoIr6`].
    Default,
    /// `ISO_IR 100`, Latin-1.
    IsoIr100,
    /// `ISO_IR 101`, Latin-2.
    IsoIr101,
    /// `ISO_IR 109`, Latin-3.
    IsoIr109,
    /// `ISO_IR 110`, Latin-4.
    IsoIr110,
    /// `ISO_IR 144`, Cyrillic.
    IsoIr144,
    /// `ISO_IR 127`, Arabic.
    IsoIr127,
    /// `ISO_IR 126`, Greek.
    IsoIr126,
    /// `ISO_IR 138`, Hebrew.
    IsoIr138,
    /// `ISO_IR 148`, Latin-5.
    IsoIr148,
    /// `ISO_IR 203`, Latin-9.
    IsoIr203,
    /// `ISO_IR 13`, JIS X 0201 (Romaji in G0, Katakana in G1).
    IsoIr13,
    /// `ISO_IR 166`, Thai.
    IsoIr166,
    /// `ISO 2022 IR 6`.
    Iso2022Ir6,
    /// `ISO 2022 IR 100`.
    Iso2022Ir100,
    /// `ISO 2022 IR 101`.
    Iso2022Ir101,
    /// `ISO 2022 IR 109`.
    Iso2022Ir109,
    /// `ISO 2022 IR 110`.
    Iso2022Ir110,
    /// `ISO 2022 IR 144`.
    Iso2022Ir144,
    /// `ISO 2022 IR 127`.
    Iso2022Ir127,
    /// `ISO 2022 IR 126`.
    Iso2022Ir126,
    /// `ISO 2022 IR 138`.
    Iso2022Ir138,
    /// `ISO 2022 IR 148`.
    Iso2022Ir148,
    /// `ISO 2022 IR 203`.
    Iso2022Ir203,
    /// `ISO 2022 IR 13`.
    Iso2022Ir13,
    /// `ISO 2022 IR 166`.
    Iso2022Ir166,
    /// `ISO 2022 IR 87`, JIS X 0208 (multi-byte, G0).
    Iso2022Ir87,
    /// `ISO 2022 IR 159`, JIS X 0212 (multi-byte, G0).
    Iso2022Ir159,
    /// `ISO 2022 IR 149`, KS X 1001 (multi-byte, G1).
    Iso2022Ir149,
    /// `ISO 2022 IR 58`, GB 2312 (multi-byte, G1).
    Iso2022Ir58,
    /// `ISO_IR 192`, UTF-8.
    IsoIr192,
    /// `GB18030`.
    Gb18030,
    /// `GBK`.
    Gbk,
}

/// Which table of PS3.3 C.12.1.1.2 a term comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermTable {
    /// Table C.12-2: single-byte, no code extensions (and the default repertoire).
    SingleByteNoExtensions,
    /// Table C.12-3: single-byte, with code extensions.
    SingleByteExtensions,
    /// Table C.12-4: multi-byte, with code extensions (values 2…n only).
    MultiByteExtensions,
    /// Table C.12-5: multi-byte, no code extensions (single value only).
    MultiByteNoExtensions,
}

impl DefinedTerm {
    /// Every term, default repertoire first, in the order of Tables C.12-2 to C.12-5.
    pub const ALL: [DefinedTerm; 33] = [
        DefinedTerm::Default,
        DefinedTerm::IsoIr100,
        DefinedTerm::IsoIr101,
        DefinedTerm::IsoIr109,
        DefinedTerm::IsoIr110,
        DefinedTerm::IsoIr144,
        DefinedTerm::IsoIr127,
        DefinedTerm::IsoIr126,
        DefinedTerm::IsoIr138,
        DefinedTerm::IsoIr148,
        DefinedTerm::IsoIr203,
        DefinedTerm::IsoIr13,
        DefinedTerm::IsoIr166,
        DefinedTerm::Iso2022Ir6,
        DefinedTerm::Iso2022Ir100,
        DefinedTerm::Iso2022Ir101,
        DefinedTerm::Iso2022Ir109,
        DefinedTerm::Iso2022Ir110,
        DefinedTerm::Iso2022Ir144,
        DefinedTerm::Iso2022Ir127,
        DefinedTerm::Iso2022Ir126,
        DefinedTerm::Iso2022Ir138,
        DefinedTerm::Iso2022Ir148,
        DefinedTerm::Iso2022Ir203,
        DefinedTerm::Iso2022Ir13,
        DefinedTerm::Iso2022Ir166,
        DefinedTerm::Iso2022Ir87,
        DefinedTerm::Iso2022Ir159,
        DefinedTerm::Iso2022Ir149,
        DefinedTerm::Iso2022Ir58,
        DefinedTerm::IsoIr192,
        DefinedTerm::Gb18030,
        DefinedTerm::Gbk,
    ];

    /// The term exactly as the standard spells it (`""` for the default repertoire).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            DefinedTerm::Default => "",
            DefinedTerm::IsoIr100 => "ISO_IR 100",
            DefinedTerm::IsoIr101 => "ISO_IR 101",
            DefinedTerm::IsoIr109 => "ISO_IR 109",
            DefinedTerm::IsoIr110 => "ISO_IR 110",
            DefinedTerm::IsoIr144 => "ISO_IR 144",
            DefinedTerm::IsoIr127 => "ISO_IR 127",
            DefinedTerm::IsoIr126 => "ISO_IR 126",
            DefinedTerm::IsoIr138 => "ISO_IR 138",
            DefinedTerm::IsoIr148 => "ISO_IR 148",
            DefinedTerm::IsoIr203 => "ISO_IR 203",
            DefinedTerm::IsoIr13 => "ISO_IR 13",
            DefinedTerm::IsoIr166 => "ISO_IR 166",
            DefinedTerm::Iso2022Ir6 => "ISO 2022 IR 6",
            DefinedTerm::Iso2022Ir100 => "ISO 2022 IR 100",
            DefinedTerm::Iso2022Ir101 => "ISO 2022 IR 101",
            DefinedTerm::Iso2022Ir109 => "ISO 2022 IR 109",
            DefinedTerm::Iso2022Ir110 => "ISO 2022 IR 110",
            DefinedTerm::Iso2022Ir144 => "ISO 2022 IR 144",
            DefinedTerm::Iso2022Ir127 => "ISO 2022 IR 127",
            DefinedTerm::Iso2022Ir126 => "ISO 2022 IR 126",
            DefinedTerm::Iso2022Ir138 => "ISO 2022 IR 138",
            DefinedTerm::Iso2022Ir148 => "ISO 2022 IR 148",
            DefinedTerm::Iso2022Ir203 => "ISO 2022 IR 203",
            DefinedTerm::Iso2022Ir13 => "ISO 2022 IR 13",
            DefinedTerm::Iso2022Ir166 => "ISO 2022 IR 166",
            DefinedTerm::Iso2022Ir87 => "ISO 2022 IR 87",
            DefinedTerm::Iso2022Ir159 => "ISO 2022 IR 159",
            DefinedTerm::Iso2022Ir149 => "ISO 2022 IR 149",
            DefinedTerm::Iso2022Ir58 => "ISO 2022 IR 58",
            DefinedTerm::IsoIr192 => "ISO_IR 192",
            DefinedTerm::Gb18030 => "GB18030",
            DefinedTerm::Gbk => "GBK",
        }
    }

    /// The table of PS3.3 C.12.1.1.2 that defines the term.
    #[must_use]
    pub const fn table(self) -> TermTable {
        use DefinedTerm as T;
        match self {
            T::Default
            | T::IsoIr100
            | T::IsoIr101
            | T::IsoIr109
            | T::IsoIr110
            | T::IsoIr144
            | T::IsoIr127
            | T::IsoIr126
            | T::IsoIr138
            | T::IsoIr148
            | T::IsoIr203
            | T::IsoIr13
            | T::IsoIr166 => TermTable::SingleByteNoExtensions,
            T::Iso2022Ir87 | T::Iso2022Ir159 | T::Iso2022Ir149 | T::Iso2022Ir58 => {
                TermTable::MultiByteExtensions
            }
            T::IsoIr192 | T::Gb18030 | T::Gbk => TermTable::MultiByteNoExtensions,
            _ => TermTable::SingleByteExtensions,
        }
    }

    /// An `ISO 2022 …` term of Tables C.12-3/C.12-4 (code extensions allowed).
    #[must_use]
    pub const fn is_iso2022_form(self) -> bool {
        matches!(
            self.table(),
            TermTable::SingleByteExtensions | TermTable::MultiByteExtensions
        )
    }

    /// `ISO_IR 192`, `GB18030`, `GBK`: must be the only value (PS3.3 C.12.1.1.2 after
    /// Table C.12-4).
    #[must_use]
    pub const fn is_single_value_only(self) -> bool {
        matches!(self.table(), TermTable::MultiByteNoExtensions)
    }

    /// A multi-byte set (Tables C.12-4 and C.12-5).
    #[must_use]
    pub const fn is_multi_byte(self) -> bool {
        matches!(
            self.table(),
            TermTable::MultiByteExtensions | TermTable::MultiByteNoExtensions
        )
    }

    /// The ISO-IR registration number of the term's main set (6 for the default, 13 for the
    /// JIS X 0201 terms, 192 for UTF-8), `None` for GB18030 and GBK.
    #[must_use]
    pub const fn iso_ir(self) -> Option<u16> {
        use DefinedTerm as T;
        Some(match self {
            T::Default | T::Iso2022Ir6 => 6,
            T::IsoIr100 | T::Iso2022Ir100 => 100,
            T::IsoIr101 | T::Iso2022Ir101 => 101,
            T::IsoIr109 | T::Iso2022Ir109 => 109,
            T::IsoIr110 | T::Iso2022Ir110 => 110,
            T::IsoIr144 | T::Iso2022Ir144 => 144,
            T::IsoIr127 | T::Iso2022Ir127 => 127,
            T::IsoIr126 | T::Iso2022Ir126 => 126,
            T::IsoIr138 | T::Iso2022Ir138 => 138,
            T::IsoIr148 | T::Iso2022Ir148 => 148,
            T::IsoIr203 | T::Iso2022Ir203 => 203,
            T::IsoIr13 | T::Iso2022Ir13 => 13,
            T::IsoIr166 | T::Iso2022Ir166 => 166,
            T::Iso2022Ir87 => 87,
            T::Iso2022Ir159 => 159,
            T::Iso2022Ir149 => 149,
            T::Iso2022Ir58 => 58,
            T::IsoIr192 => 192,
            T::Gb18030 | T::Gbk => return None,
        })
    }

    /// The `ISO 2022 …` form of a single-byte term (Table C.12-2 → C.12-3); other terms
    /// are returned unchanged.
    #[must_use]
    pub const fn iso2022_form(self) -> DefinedTerm {
        use DefinedTerm as T;
        match self {
            T::Default => T::Iso2022Ir6,
            T::IsoIr100 => T::Iso2022Ir100,
            T::IsoIr101 => T::Iso2022Ir101,
            T::IsoIr109 => T::Iso2022Ir109,
            T::IsoIr110 => T::Iso2022Ir110,
            T::IsoIr144 => T::Iso2022Ir144,
            T::IsoIr127 => T::Iso2022Ir127,
            T::IsoIr126 => T::Iso2022Ir126,
            T::IsoIr138 => T::Iso2022Ir138,
            T::IsoIr148 => T::Iso2022Ir148,
            T::IsoIr203 => T::Iso2022Ir203,
            T::IsoIr13 => T::Iso2022Ir13,
            T::IsoIr166 => T::Iso2022Ir166,
            other => other,
        }
    }

    /// The no-extension form of a single-byte `ISO 2022` term (Table C.12-3 → C.12-2);
    /// other terms are returned unchanged.
    #[must_use]
    pub const fn single_form(self) -> DefinedTerm {
        use DefinedTerm as T;
        match self {
            T::Iso2022Ir6 => T::Default,
            T::Iso2022Ir100 => T::IsoIr100,
            T::Iso2022Ir101 => T::IsoIr101,
            T::Iso2022Ir109 => T::IsoIr109,
            T::Iso2022Ir110 => T::IsoIr110,
            T::Iso2022Ir144 => T::IsoIr144,
            T::Iso2022Ir127 => T::IsoIr127,
            T::Iso2022Ir126 => T::IsoIr126,
            T::Iso2022Ir138 => T::IsoIr138,
            T::Iso2022Ir148 => T::IsoIr148,
            T::Iso2022Ir203 => T::IsoIr203,
            T::Iso2022Ir13 => T::IsoIr13,
            T::Iso2022Ir166 => T::IsoIr166,
            other => other,
        }
    }

    /// The set the term puts in G0 (PS3.3 Tables C.12-2 to C.12-4): `None` for the G1-only
    /// multi-byte terms (IR 149, IR 58). For the non-ISO 2022 terms, the whole encoding.
    #[must_use]
    pub const fn g0(self) -> Option<CodedCharacterSet> {
        use CodedCharacterSet as C;
        match self.iso2022_form() {
            DefinedTerm::Iso2022Ir13 => Some(C::JisX0201Roman),
            DefinedTerm::Iso2022Ir87 => Some(C::JisX0208),
            DefinedTerm::Iso2022Ir159 => Some(C::JisX0212),
            DefinedTerm::Iso2022Ir149 | DefinedTerm::Iso2022Ir58 => None,
            DefinedTerm::IsoIr192 => Some(C::Utf8),
            DefinedTerm::Gb18030 => Some(C::Gb18030),
            DefinedTerm::Gbk => Some(C::Gbk),
            _ => Some(C::Ascii),
        }
    }

    /// The set the term puts in G1, if any.
    #[must_use]
    pub const fn g1(self) -> Option<CodedCharacterSet> {
        use CodedCharacterSet as C;
        use Iso8859Part as P;
        match self.iso2022_form() {
            DefinedTerm::Iso2022Ir100 => Some(C::Iso8859(P::Latin1)),
            DefinedTerm::Iso2022Ir101 => Some(C::Iso8859(P::Latin2)),
            DefinedTerm::Iso2022Ir109 => Some(C::Iso8859(P::Latin3)),
            DefinedTerm::Iso2022Ir110 => Some(C::Iso8859(P::Latin4)),
            DefinedTerm::Iso2022Ir144 => Some(C::Iso8859(P::Cyrillic)),
            DefinedTerm::Iso2022Ir127 => Some(C::Iso8859(P::Arabic)),
            DefinedTerm::Iso2022Ir126 => Some(C::Iso8859(P::Greek)),
            DefinedTerm::Iso2022Ir138 => Some(C::Iso8859(P::Hebrew)),
            DefinedTerm::Iso2022Ir148 => Some(C::Iso8859(P::Latin5)),
            DefinedTerm::Iso2022Ir203 => Some(C::Iso8859(P::Latin9)),
            DefinedTerm::Iso2022Ir13 => Some(C::JisX0201Katakana),
            DefinedTerm::Iso2022Ir166 => Some(C::Tis620),
            DefinedTerm::Iso2022Ir149 => Some(C::KsX1001),
            DefinedTerm::Iso2022Ir58 => Some(C::Gb2312),
            _ => None,
        }
    }

    /// The escape sequence designating the term's G0 set (Tables C.12-3, C.12-4), if any.
    #[must_use]
    pub const fn g0_escape(self) -> Option<EscapeSequence> {
        match self.iso2022_form() {
            DefinedTerm::Iso2022Ir13 => Some(EscapeSequence::Ir14),
            DefinedTerm::Iso2022Ir87 => Some(EscapeSequence::Ir87),
            DefinedTerm::Iso2022Ir159 => Some(EscapeSequence::Ir159),
            DefinedTerm::Iso2022Ir149
            | DefinedTerm::Iso2022Ir58
            | DefinedTerm::IsoIr192
            | DefinedTerm::Gb18030
            | DefinedTerm::Gbk => None,
            _ => Some(EscapeSequence::Ir6),
        }
    }

    /// The escape sequence designating the term's G1 set, if any.
    #[must_use]
    pub const fn g1_escape(self) -> Option<EscapeSequence> {
        match self.iso2022_form() {
            DefinedTerm::Iso2022Ir100 => Some(EscapeSequence::Ir100),
            DefinedTerm::Iso2022Ir101 => Some(EscapeSequence::Ir101),
            DefinedTerm::Iso2022Ir109 => Some(EscapeSequence::Ir109),
            DefinedTerm::Iso2022Ir110 => Some(EscapeSequence::Ir110),
            DefinedTerm::Iso2022Ir144 => Some(EscapeSequence::Ir144),
            DefinedTerm::Iso2022Ir127 => Some(EscapeSequence::Ir127),
            DefinedTerm::Iso2022Ir126 => Some(EscapeSequence::Ir126),
            DefinedTerm::Iso2022Ir138 => Some(EscapeSequence::Ir138),
            DefinedTerm::Iso2022Ir148 => Some(EscapeSequence::Ir148),
            DefinedTerm::Iso2022Ir203 => Some(EscapeSequence::Ir203),
            DefinedTerm::Iso2022Ir13 => Some(EscapeSequence::Ir13),
            DefinedTerm::Iso2022Ir166 => Some(EscapeSequence::Ir166),
            DefinedTerm::Iso2022Ir149 => Some(EscapeSequence::Ir149),
            DefinedTerm::Iso2022Ir58 => Some(EscapeSequence::Ir58),
            _ => None,
        }
    }

    /// The term spelled exactly as the standard does, if `text` is one.
    #[must_use]
    pub fn from_name(text: &[u8]) -> Option<DefinedTerm> {
        DefinedTerm::ALL
            .into_iter()
            .find(|t| *t != DefinedTerm::Default && t.name().as_bytes() == text)
    }
}

/// Something about one value of (0008,0005) a rule may want to report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermIssue {
    /// The value is empty. Allowed (and usual) as value 1 of a multi-valued attribute,
    /// where it means ISO-IR 6 (PS3.3 C.12.1.1.2); an error elsewhere (CS-SCS-EMPTY-NOT-FIRST).
    Empty,
    /// Leading SPACE (CS-SCS-PADDING).
    LeadingSpace,
    /// NUL used as padding or inside the value (CS-SCS-PADDING, error).
    Nul,
    /// Longer than the 16 bytes of CS (CS-SCS-LENGTH).
    TooLong,
    /// Only the letter case differs from the term (CS-SCS-CASE): the term is used.
    LowerCase,
    /// A recognised spelling variant (CS-SCS-MISSPELLED): the canonical term is in
    /// [`TermValue::term`] and is used.
    Misspelled,
    /// `ISO_IR 6`: not a Defined Term; the default repertoire is used (CS-SCS-IR6-SINGLE).
    IsoIr6,
    /// Neither a term nor a recognised variant (CS-SCS-UNKNOWN-TERM).
    Unknown,
}

impl TermIssue {
    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The set of [`TermIssue`]s of one value (a value can be both lower case and padded).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TermIssues(u8);

impl TermIssues {
    const ORDER: [TermIssue; 8] = [
        TermIssue::Unknown,
        TermIssue::Misspelled,
        TermIssue::LowerCase,
        TermIssue::IsoIr6,
        TermIssue::Nul,
        TermIssue::TooLong,
        TermIssue::LeadingSpace,
        TermIssue::Empty,
    ];

    /// Whether `issue` is in the set.
    #[must_use]
    pub const fn contains(self, issue: TermIssue) -> bool {
        self.0 & issue.bit() != 0
    }

    /// No issue at all.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn insert(&mut self, issue: TermIssue) {
        self.0 |= issue.bit();
    }

    /// The issues, most important first (unknown, misspelled, case, …).
    pub fn iter(self) -> impl Iterator<Item = TermIssue> {
        TermIssues::ORDER
            .into_iter()
            .filter(move |i| self.contains(*i))
    }
}

/// One value of (0008,0005) as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermValue<'a> {
    /// 0-based position: value 1 has index 0.
    pub index: usize,
    /// The value's bytes between delimiters, padding included, as offsets **relative to
    /// the first byte of the (0008,0005) Value Field**.
    pub span: ByteSpan,
    /// The same bytes.
    pub raw: &'a [u8],
    /// The term the value stands for, after canonicalising a recognised misspelling;
    /// `Some(DefinedTerm::Default)` for an empty value; `None` if unknown.
    pub term: Option<DefinedTerm>,
    /// What is wrong with the spelling or padding.
    pub issues: TermIssues,
}

impl<'a> TermValue<'a> {
    /// The value without leading and trailing SPACE and trailing NUL.
    #[must_use]
    pub fn trimmed(&self) -> &'a [u8] {
        trim(self.raw)
    }
}

fn trim(raw: &[u8]) -> &[u8] {
    let start = raw.iter().position(|&b| b != b' ').unwrap_or(raw.len());
    let end = raw
        .iter()
        .rposition(|&b| b != b' ' && b != 0)
        .map_or(start, |e| e + 1);
    raw.get(start..end.max(start)).unwrap_or(&[])
}

/// Iterator over the values of a raw (0008,0005) Value Field (see [`parse_values`]).
#[derive(Clone, Debug)]
pub struct TermValues<'a> {
    bytes: &'a [u8],
    pos: usize,
    index: usize,
    done: bool,
}

/// Splits the raw (0008,0005) value on `\` (CS allows no code extension, so a byte scan is
/// right here) and recognises each value. A zero-length field yields no value.
#[must_use]
pub fn parse_values(bytes: &[u8]) -> TermValues<'_> {
    TermValues {
        bytes,
        pos: 0,
        index: 0,
        done: bytes.is_empty(),
    }
}

impl<'a> Iterator for TermValues<'a> {
    type Item = TermValue<'a>;

    fn next(&mut self) -> Option<TermValue<'a>> {
        if self.done {
            return None;
        }
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        let len = rest.iter().position(|&b| b == b'\\').unwrap_or_else(|| {
            self.done = true;
            rest.len()
        });
        let raw = rest.get(..len).unwrap_or(&[]);
        let start = self.pos;
        self.pos = self.pos.saturating_add(len + 1);
        let index = self.index;
        self.index += 1;
        let (term, issues) = recognise(raw);
        Some(TermValue {
            index,
            span: ByteSpan::new(start as u64, (start + len) as u64),
            raw,
            term,
            issues,
        })
    }
}

/// Recognises one raw value: the term and the issues of its spelling.
fn recognise(raw: &[u8]) -> (Option<DefinedTerm>, TermIssues) {
    let mut issues = TermIssues::default();
    if raw.first() == Some(&b' ') && raw.iter().any(|&b| b != b' ') {
        issues.insert(TermIssue::LeadingSpace);
    }
    if raw.contains(&0) {
        issues.insert(TermIssue::Nul);
    }
    let text = trim(raw);
    // CS limit (Table 6.2-1): 16 bytes, trailing padding not counted.
    if text.len() > 16 {
        issues.insert(TermIssue::TooLong);
    }
    if text.is_empty() {
        issues.insert(TermIssue::Empty);
        return (Some(DefinedTerm::Default), issues);
    }
    if let Some(t) = DefinedTerm::from_name(text) {
        return (Some(t), issues);
    }
    if text == b"ISO_IR 6" {
        issues.insert(TermIssue::IsoIr6);
        return (Some(DefinedTerm::Default), issues);
    }
    // Upper-case copy in a fixed buffer: no allocation; a value too long for it is no term.
    let mut upper = [0u8; 32];
    let n = text.len().min(upper.len());
    for (u, &b) in upper.iter_mut().zip(text) {
        *u = b.to_ascii_uppercase();
    }
    let upper = upper.get(..n).unwrap_or(&[]);
    if text.len() <= 32 {
        if let Some(t) = DefinedTerm::from_name(upper) {
            issues.insert(TermIssue::LowerCase);
            return (Some(t), issues);
        }
        if upper == b"ISO_IR 6" {
            issues.insert(TermIssue::LowerCase);
            issues.insert(TermIssue::IsoIr6);
            return (Some(DefinedTerm::Default), issues);
        }
    }
    if text.iter().any(u8::is_ascii_lowercase) {
        issues.insert(TermIssue::LowerCase);
    }
    match variant(upper) {
        Some(Variant::Term(t)) => {
            issues.insert(TermIssue::Misspelled);
            (Some(t), issues)
        }
        Some(Variant::IsoIr6) => {
            issues.insert(TermIssue::Misspelled);
            issues.insert(TermIssue::IsoIr6);
            (Some(DefinedTerm::Default), issues)
        }
        None => {
            issues.insert(TermIssue::Unknown);
            (None, issues)
        }
    }
}

enum Variant {
    Term(DefinedTerm),
    IsoIr6,
}

/// Recognises the spelling variants of dicom-rules.md §1.3 CS-SCS-MISSPELLED and §7 from
/// the upper-cased value with every separator (SPACE `_` `-` `.` `+`) removed:
/// `ISO-IR 100` → `ISO_IR 100`, `ISO2022 IR 87` → `ISO 2022 IR 87`, `ISO_IR 87` →
/// `ISO 2022 IR 87` (there is no single-value JIS X 0208 term), `UTF-8` → `ISO_IR 192`,
/// `GB2312` → `ISO 2022 IR 58`, `ISO 2022 GBK` → `GBK`, `ISO 8859-1` → `ISO_IR 100`.
fn variant(upper: &[u8]) -> Option<Variant> {
    let mut key = [0u8; 32];
    let mut n = 0;
    for &b in upper {
        if matches!(b, b' ' | b'_' | b'-' | b'.' | b'+') {
            continue;
        }
        *key.get_mut(n)? = b;
        n += 1;
    }
    let key = key.get(..n)?;
    use DefinedTerm as T;
    let named = match key {
        b"UTF8" | b"ISO10646" | b"UNICODE" => Some(T::IsoIr192),
        b"GB2312" | b"EUCCN" | b"ISO2022GB2312" => Some(T::Iso2022Ir58),
        b"GBK" | b"ISO2022GBK" | b"CP936" => Some(T::Gbk),
        b"GB18030" | b"ISO2022GB18030" => Some(T::Gb18030),
        _ => None,
    };
    if let Some(t) = named {
        return Some(Variant::Term(t));
    }
    let (iso2022, number) = if let Some(n) = key.strip_prefix(b"ISO2022IR") {
        (true, n)
    } else if let Some(n) = key.strip_prefix(b"ISO2022") {
        (true, n)
    } else if let Some(n) = key.strip_prefix(b"ISOIR") {
        (false, n)
    } else if let Some(n) = key.strip_prefix(b"ISO8859") {
        let part = match n {
            b"1" => T::IsoIr100,
            b"2" => T::IsoIr101,
            b"3" => T::IsoIr109,
            b"4" => T::IsoIr110,
            b"5" => T::IsoIr144,
            b"6" => T::IsoIr127,
            b"7" => T::IsoIr126,
            b"8" => T::IsoIr138,
            b"9" => T::IsoIr148,
            b"15" => T::IsoIr203,
            _ => return None,
        };
        return Some(Variant::Term(part));
    } else {
        return None;
    };
    let single = match number {
        b"6" => {
            return Some(if iso2022 {
                Variant::Term(T::Iso2022Ir6)
            } else {
                Variant::IsoIr6
            });
        }
        b"100" => T::IsoIr100,
        b"101" => T::IsoIr101,
        b"109" => T::IsoIr109,
        b"110" => T::IsoIr110,
        b"144" => T::IsoIr144,
        b"127" => T::IsoIr127,
        b"126" => T::IsoIr126,
        b"138" => T::IsoIr138,
        b"148" => T::IsoIr148,
        b"203" => T::IsoIr203,
        // ISO-IR 14 (Romaji) only ever comes with ISO-IR 13 in DICOM.
        b"13" | b"14" => T::IsoIr13,
        b"166" => T::IsoIr166,
        // Multi-byte sets have only the ISO 2022 form (or only the other one).
        b"87" => return Some(Variant::Term(T::Iso2022Ir87)),
        b"159" => return Some(Variant::Term(T::Iso2022Ir159)),
        b"149" => return Some(Variant::Term(T::Iso2022Ir149)),
        b"58" => return Some(Variant::Term(T::Iso2022Ir58)),
        b"192" => return Some(Variant::Term(T::IsoIr192)),
        _ => return None,
    };
    Some(Variant::Term(if iso2022 {
        single.iso2022_form()
    } else {
        single
    }))
}

/// What one position of a [`SpecificCharacterSet`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Declared {
    /// An empty value (value 1: the default repertoire).
    Empty,
    /// A term (canonicalised if it was misspelled).
    Term(DefinedTerm),
    /// An unknown term.
    Unknown,
}

/// How text governed by a [`SpecificCharacterSet`] is encoded (PS3.5 §6.1.2.5.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextEncoding {
    /// Attribute absent or empty: 7-bit ISO-IR 6, no code extension (§6.1.2.5.4 (a)).
    SevenBit,
    /// One single-byte value: 8-bit, G0/G1 fixed, no code extension (§6.1.2.5.4 (b)).
    SingleByte,
    /// Several values: ISO 2022 with code extensions (§6.1.2.5.4 (c)).
    Iso2022,
    /// `ISO_IR 192` (§6.1.2.5.4 (d)).
    Utf8,
    /// `GB18030`.
    Gb18030,
    /// `GBK`.
    Gbk,
    /// Value 1 is not a recognised term: the bytes cannot be judged.
    Unknown,
}

/// Most values [`SpecificCharacterSet`] keeps: value 1 and up to 8 more. Real files list at
/// most 4; more is reported as [`SetIssue::TooManyValues`].
pub const MAX_VALUES: usize = 9;

/// The (0008,0005) in force for a data set or item: a small `Copy` value built from the
/// recognised [`TermValue`]s (or [`SpecificCharacterSet::ABSENT`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpecificCharacterSet {
    values: [Declared; MAX_VALUES],
    len: u8,
    /// Number of values beyond [`MAX_VALUES`] that were dropped.
    dropped: u8,
    present: bool,
    /// [`EscapeSequence::bit`]s of the sequences the listed terms declare, computed once
    /// because the scanner asks at every escape.
    declared: u32,
    /// [`Self::encoding`] and [`Self::initial_state`], computed once when the set is built
    /// (once per data set) because the scanner needs them for every value it scans.
    encoding: TextEncoding,
    initial: CodeState,
}

impl Default for SpecificCharacterSet {
    fn default() -> Self {
        SpecificCharacterSet::ABSENT
    }
}

impl SpecificCharacterSet {
    /// No (0008,0005): the default repertoire, 7-bit.
    pub const ABSENT: SpecificCharacterSet = SpecificCharacterSet {
        values: [Declared::Empty; MAX_VALUES],
        len: 0,
        dropped: 0,
        present: false,
        declared: 0,
        encoding: TextEncoding::SevenBit,
        initial: CodeState::DEFAULT,
    };

    /// Builds the set from the raw Value Field of (0008,0005).
    #[must_use]
    pub fn from_value(bytes: &[u8]) -> SpecificCharacterSet {
        let mut set = SpecificCharacterSet {
            present: true,
            ..SpecificCharacterSet::ABSENT
        };
        for v in parse_values(bytes) {
            set.push(match v.term {
                Some(DefinedTerm::Default) if v.issues.contains(TermIssue::Empty) => {
                    Declared::Empty
                }
                Some(t) => Declared::Term(t),
                None => Declared::Unknown,
            });
        }
        set.cache()
    }

    /// Builds the set from terms given in order (`None` for an empty value).
    #[must_use]
    pub fn from_terms(terms: &[Option<DefinedTerm>]) -> SpecificCharacterSet {
        let mut set = SpecificCharacterSet {
            present: true,
            ..SpecificCharacterSet::ABSENT
        };
        for t in terms {
            set.push(t.map_or(Declared::Empty, Declared::Term));
        }
        set.cache()
    }

    /// Stores what [`Self::encoding`] and [`Self::initial_state`] compute from the values.
    fn cache(mut self) -> SpecificCharacterSet {
        self.encoding = self.compute_encoding();
        self.initial = self.compute_initial_state();
        self
    }

    fn push(&mut self, d: Declared) {
        if let Some(slot) = self.values.get_mut(self.len as usize) {
            self.declared |= match d {
                Declared::Empty if self.len == 0 => EscapeSequence::Ir6.bit(),
                Declared::Term(t) => {
                    t.g0_escape().map_or(0, EscapeSequence::bit)
                        | t.g1_escape().map_or(0, EscapeSequence::bit)
                }
                _ => 0,
            };
            *slot = d;
            self.len += 1;
        } else {
            self.dropped = self.dropped.saturating_add(1);
        }
    }

    /// Whether (0008,0005) was present (even empty).
    #[must_use]
    pub const fn is_present(&self) -> bool {
        self.present
    }

    /// Number of values kept (at most [`MAX_VALUES`]).
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len as usize
    }

    /// No value: absent or zero length.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The values in order.
    pub fn values(&self) -> impl Iterator<Item = Declared> + '_ {
        self.values.iter().take(self.len as usize).copied()
    }

    /// Value `index` (0-based).
    #[must_use]
    pub fn value(&self, index: usize) -> Option<Declared> {
        self.values.get(..self.len as usize)?.get(index).copied()
    }

    /// The term of value 1 ([`DefinedTerm::Default`] when absent or empty).
    #[must_use]
    pub fn value1(&self) -> Declared {
        self.value(0).unwrap_or(Declared::Empty)
    }

    /// Whether the terms listed include `term` (in either its ISO 2022 or single form).
    #[must_use]
    pub fn lists(&self, term: DefinedTerm) -> bool {
        self.values()
            .any(|d| matches!(d, Declared::Term(t) if t.iso2022_form() == term.iso2022_form()))
    }

    /// How governed text is encoded. A stand-alone term (UTF-8, GB18030, GBK) as value 1
    /// wins over anything listed after it, as pydicom reads it (dicom-rules.md §1.3).
    /// Computed when the set is built.
    #[must_use]
    pub const fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// The designations at every reset point: the value-1 state (dicom-rules.md §2.1). An
    /// empty, unknown or multi-byte value 1 leaves G0 = ISO-IR 6 and G1 undefined.
    /// Computed when the set is built.
    #[must_use]
    pub const fn initial_state(&self) -> CodeState {
        self.initial
    }

    /// [`Self::encoding`] from the values.
    pub(crate) fn compute_encoding(&self) -> TextEncoding {
        match self.value1() {
            Declared::Term(DefinedTerm::IsoIr192) => return TextEncoding::Utf8,
            Declared::Term(DefinedTerm::Gb18030) => return TextEncoding::Gb18030,
            Declared::Term(DefinedTerm::Gbk) => return TextEncoding::Gbk,
            _ => {}
        }
        match (self.len, self.value1()) {
            (0, _) | (1, Declared::Empty) | (1, Declared::Term(DefinedTerm::Default)) => {
                TextEncoding::SevenBit
            }
            (1, Declared::Unknown) => TextEncoding::Unknown,
            (1, Declared::Term(t)) if t.is_multi_byte() => TextEncoding::Iso2022,
            (1, _) => TextEncoding::SingleByte,
            _ => TextEncoding::Iso2022,
        }
    }

    /// [`Self::initial_state`] from the values.
    pub(crate) fn compute_initial_state(&self) -> CodeState {
        match self.value1() {
            Declared::Term(t) if !t.is_multi_byte() || t.is_single_value_only() => CodeState {
                g0: t.g0().unwrap_or(CodedCharacterSet::Ascii),
                g1: t.g1(),
            },
            Declared::Unknown if self.len == 1 => CodeState {
                g0: CodedCharacterSet::Ascii,
                g1: Some(CodedCharacterSet::Unknown),
            },
            _ => CodeState::DEFAULT,
        }
    }

    /// Whether `seq` designates a set that a listed term provides (PS3.5 §6.1.2.4):
    /// `ESC ( B` for an empty value 1 or any term with ASCII in G0, `ESC ( J`/`ESC ) I`
    /// for the IR 13 terms, each other sequence for its own term.
    #[must_use]
    pub const fn declares(&self, seq: EscapeSequence) -> bool {
        self.declared & seq.bit() != 0
    }

    /// The [`EscapeSequence::bit`]s of the sequences [`Self::declares`] accepts (the
    /// scanner keeps these four bytes, not the whole set).
    #[must_use]
    pub(crate) const fn declared_bits(&self) -> u32 {
        self.declared
    }

    /// The set-level facts of dicom-rules.md §1.3 (the value-level ones are in
    /// [`TermValue::issues`]).
    pub fn check(&self) -> impl Iterator<Item = SetIssue> + '_ {
        let len = self.len as usize;
        let whole = [
            (self.present && len == 0).then_some(SetIssue::ZeroLength),
            (len > 1 && self.values().all(|d| d == Declared::Empty)).then_some(SetIssue::AllEmpty),
            (self.dropped > 0).then_some(SetIssue::TooManyValues),
            match (len, self.value1()) {
                (1, Declared::Term(t))
                    if t.is_iso2022_form() && t.table() == TermTable::SingleByteExtensions =>
                {
                    Some(SetIssue::Iso2022FormSingle)
                }
                _ => None,
            },
            match self.value1() {
                Declared::Term(t) if t.table() == TermTable::MultiByteExtensions => {
                    Some(SetIssue::MultiByteValue1)
                }
                _ => None,
            },
        ];
        let all_empty = len > 1 && self.values().all(|d| d == Declared::Empty);
        let per_value = self.values().enumerate().flat_map(move |(i, d)| {
            let empty_not_first = (i > 0 && d == Declared::Empty && !all_empty)
                .then_some(SetIssue::EmptyNotFirst { index: i });
            let (standalone, non2022, dup) = match d {
                Declared::Term(t) => (
                    (len > 1 && t.is_single_value_only())
                        .then_some(SetIssue::SingleValueOnlyInMulti { index: i }),
                    (len > 1 && t.table() == TermTable::SingleByteNoExtensions)
                        .then_some(SetIssue::NonIso2022InMulti { index: i }),
                    self.values()
                        .take(i)
                        .position(|e| {
                            matches!(e, Declared::Term(u) if u.iso2022_form() == t.iso2022_form())
                        })
                        .map(|first| SetIssue::Duplicate { index: i, first }),
                ),
                _ => (None, None, None),
            };
            [empty_not_first, standalone, non2022, dup]
                .into_iter()
                .flatten()
        });
        whole.into_iter().flatten().chain(per_value)
    }
}

/// A fact about the whole (0008,0005) value (dicom-rules.md §1.3). Indices are 0-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetIssue {
    /// Present with zero length (CS-SCS-EMPTY).
    ZeroLength,
    /// Several values, all empty (CS-SCS-ALL-EMPTY).
    AllEmpty,
    /// More than [`MAX_VALUES`] values; the rest were not kept.
    TooManyValues,
    /// An empty value other than value 1 (CS-SCS-EMPTY-NOT-FIRST).
    EmptyNotFirst {
        /// The empty value.
        index: usize,
    },
    /// `ISO_IR 192`, `GB18030` or `GBK` with other values (CS-SCS-STANDALONE-MULTI).
    SingleValueOnlyInMulti {
        /// The stand-alone term.
        index: usize,
    },
    /// A Table C.12-2 term in a multi-valued list: the `ISO 2022` form is required
    /// (CS-SCS-NON2022-IN-MULTI). The term is used as its ISO 2022 form.
    NonIso2022InMulti {
        /// The offending value.
        index: usize,
    },
    /// A single value in the code-extension form of a single-byte set
    /// (CS-SCS-2022-SINGLE); it is used as the Table C.12-2 term.
    Iso2022FormSingle,
    /// Value 1 is a Table C.12-4 multi-byte term (CS-SCS-MB-VALUE1); the value-1 state is
    /// then G0 = ISO-IR 6, G1 undefined.
    MultiByteValue1,
    /// The same character set twice, in either spelling (CS-SCS-DUPLICATE).
    Duplicate {
        /// The repeated value.
        index: usize,
        /// Its first occurrence.
        first: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(v: &[u8]) -> (Option<DefinedTerm>, TermIssues) {
        let mut it = parse_values(v);
        let t = it.next().unwrap();
        assert!(it.next().is_none());
        (t.term, t.issues)
    }

    #[test]
    fn every_term_parses_to_itself() {
        for t in DefinedTerm::ALL.into_iter().skip(1) {
            let (term, issues) = one(t.name().as_bytes());
            assert_eq!(term, Some(t));
            assert!(issues.is_empty(), "{t:?}");
        }
    }

    #[test]
    fn misspellings_are_canonicalised() {
        use DefinedTerm as T;
        for (text, term) in [
            (&b"ISO-IR 100"[..], T::IsoIr100),
            (b"ISO IR 100", T::IsoIr100),
            (b"ISO_IR100", T::IsoIr100),
            (b"ISO_IR 87", T::Iso2022Ir87),
            (b"ISO2022 IR 87", T::Iso2022Ir87),
            (b"ISO 2022-IR 100", T::Iso2022Ir100),
            (b"UTF-8", T::IsoIr192),
            (b"UTF8", T::IsoIr192),
            (b"ISO 2022 IR 192", T::IsoIr192),
            (b"GB2312", T::Iso2022Ir58),
            (b"ISO 2022 58", T::Iso2022Ir58),
            (b"ISO 2022 GBK", T::Gbk),
            (b"ISO_IR 14", T::IsoIr13),
            (b"ISO 2022 IR 14", T::Iso2022Ir13),
        ] {
            let (t, i) = one(text);
            assert_eq!(t, Some(term), "{}", core::str::from_utf8(text).unwrap());
            assert!(i.contains(TermIssue::Misspelled));
        }
        let (t, i) = one(b"iso_ir 100");
        assert_eq!(t, Some(T::IsoIr100));
        assert!(i.contains(TermIssue::LowerCase) && !i.contains(TermIssue::Misspelled));
        let (t, i) = one(b"utf-8");
        assert_eq!(t, Some(T::IsoIr192));
        assert!(i.contains(TermIssue::LowerCase) && i.contains(TermIssue::Misspelled));
        let (t, i) = one(b"ISO_IR 157");
        assert_eq!(t, None);
        assert!(i.contains(TermIssue::Unknown));
        let (t, i) = one(b"ISO_IR 6");
        assert_eq!(t, Some(T::Default));
        assert!(i.contains(TermIssue::IsoIr6));
        let (_, i) = one(b" ISO_IR 100 ");
        assert!(i.contains(TermIssue::LeadingSpace));
        let (_, i) = one(b"ISO_IR 100\0");
        assert!(i.contains(TermIssue::Nul));
        let (t, i) = one(b"WINDOWS-31J-EXTRA-LONG");
        assert!(t.is_none() && i.contains(TermIssue::TooLong));
    }

    #[test]
    fn spans_are_relative_to_the_value_field() {
        let v: [TermValue<'_>; 3] = {
            let mut it = parse_values(b"\\ISO 2022 IR 87\\ISO 2022 IR 159 ");
            [it.next().unwrap(), it.next().unwrap(), it.next().unwrap()]
        };
        assert_eq!(v[0].span, ByteSpan::new(0, 0));
        assert!(v[0].issues.contains(TermIssue::Empty));
        assert_eq!(v[1].span, ByteSpan::new(1, 15));
        assert_eq!(v[2].span, ByteSpan::new(16, 32));
        assert_eq!(v[2].trimmed(), b"ISO 2022 IR 159");
    }

    #[test]
    fn states_and_declarations() {
        let s = SpecificCharacterSet::from_value(b"ISO 2022 IR 13\\ISO 2022 IR 87");
        assert_eq!(s.encoding(), TextEncoding::Iso2022);
        assert_eq!(
            s.initial_state(),
            CodeState {
                g0: CodedCharacterSet::JisX0201Roman,
                g1: Some(CodedCharacterSet::JisX0201Katakana)
            }
        );
        assert!(s.declares(EscapeSequence::Ir14));
        assert!(s.declares(EscapeSequence::Ir87));
        assert!(!s.declares(EscapeSequence::Ir6));
        let s = SpecificCharacterSet::from_value(b"\\ISO 2022 IR 87");
        assert!(s.declares(EscapeSequence::Ir6));
        assert!(!s.declares(EscapeSequence::Ir14));
        assert!(!s.declares(EscapeSequence::Ir159));
        assert_eq!(
            SpecificCharacterSet::ABSENT.encoding(),
            TextEncoding::SevenBit
        );
        assert_eq!(
            SpecificCharacterSet::from_value(b"ISO_IR 192").encoding(),
            TextEncoding::Utf8
        );
        assert_eq!(
            SpecificCharacterSet::from_value(b"ISO_IR 100").encoding(),
            TextEncoding::SingleByte
        );
    }

    #[test]
    fn set_issues() {
        let c = |v: &[u8]| {
            let s = SpecificCharacterSet::from_value(v);
            let mut out = [None; 8];
            for (o, i) in out.iter_mut().zip(s.check()) {
                *o = Some(i);
            }
            out
        };
        assert_eq!(c(b"ISO 2022 IR 87")[0], Some(SetIssue::MultiByteValue1));
        assert_eq!(
            c(b"ISO_IR 192\\ISO 2022 IR 87 ")[0],
            Some(SetIssue::SingleValueOnlyInMulti { index: 0 })
        );
        assert_eq!(
            c(b"ISO_IR 13\\ISO 2022 IR 87")[0],
            Some(SetIssue::NonIso2022InMulti { index: 0 })
        );
        assert_eq!(
            c(b"ISO 2022 IR 100\\ISO 2022 IR 100 ")[0],
            Some(SetIssue::Duplicate { index: 1, first: 0 })
        );
        let r = c(b"ISO_IR 100\\ISO 2022 IR 100");
        assert!(r.contains(&Some(SetIssue::Duplicate { index: 1, first: 0 })));
        assert!(r.contains(&Some(SetIssue::NonIso2022InMulti { index: 0 })));
        assert_eq!(c(b"ISO 2022 IR 100 ")[0], Some(SetIssue::Iso2022FormSingle));
        assert_eq!(c(b"\\ ")[0], Some(SetIssue::AllEmpty));
        assert_eq!(c(b"\\ ")[1], None);
        assert_eq!(
            c(b"ISO 2022 IR 100\\\\ISO 2022 IR 87 ")[0],
            Some(SetIssue::EmptyNotFirst { index: 1 })
        );
        assert_eq!(c(b"\\ISO 2022 IR 87 ")[0], None);
        assert_eq!(
            c(b"ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159")[0],
            None
        );
        let s = SpecificCharacterSet::from_value(b"");
        assert_eq!(s.check().next(), Some(SetIssue::ZeroLength));
        let many = SpecificCharacterSet::from_value(b"\\A\\B\\C\\D\\E\\F\\G\\H\\I\\J");
        assert!(many.check().any(|i| i == SetIssue::TooManyValues));
    }
}
