//! The ISO 2022 model DICOM uses: graphic character sets, the code elements G0 and G1,
//! the 18 escape sequences of PS3.3 C.12.1.1.2 (Tables C.12-3 and C.12-4) and the small
//! state that says which set each code element holds (PS3.5 §6.1.2.5).
//!
//! DICOM fixes the invocation (G0 in GL, G1 in GR; PS3.5 §6.1.2.5.1) and forbids G2, G3,
//! locking and single shifts (§6.1.2.5.2), so the whole ISO 2022 state is two designations.
//! Anything after ESC that is not one of the 18 sequences is described as
//! [`Escape::Unknown`], never guessed at: ISO-2022-JP writers' `ESC $ @` or `ESC ( I` are
//! exactly what a linter must point at.

use core::fmt;

/// A part of ISO/IEC 8859 (Table C.12-2), the G1 sets of the single-byte Defined Terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Iso8859Part {
    /// ISO 8859-1 Latin alphabet No. 1 (ISO-IR 100).
    Latin1,
    /// ISO 8859-2 Latin alphabet No. 2 (ISO-IR 101).
    Latin2,
    /// ISO 8859-3 Latin alphabet No. 3 (ISO-IR 109).
    Latin3,
    /// ISO 8859-4 Latin alphabet No. 4 (ISO-IR 110).
    Latin4,
    /// ISO 8859-5 Latin/Cyrillic (ISO-IR 144).
    Cyrillic,
    /// ISO 8859-6 Latin/Arabic (ISO-IR 127).
    Arabic,
    /// ISO 8859-7 Latin/Greek (ISO-IR 126).
    Greek,
    /// ISO 8859-8 Latin/Hebrew (ISO-IR 138).
    Hebrew,
    /// ISO 8859-9 Latin alphabet No. 5 (ISO-IR 148).
    Latin5,
    /// ISO 8859-15 Latin alphabet No. 9 (ISO-IR 203).
    Latin9,
}

impl Iso8859Part {
    /// The part number `n` of ISO/IEC 8859-n.
    #[must_use]
    pub const fn number(self) -> u8 {
        match self {
            Iso8859Part::Latin1 => 1,
            Iso8859Part::Latin2 => 2,
            Iso8859Part::Latin3 => 3,
            Iso8859Part::Latin4 => 4,
            Iso8859Part::Cyrillic => 5,
            Iso8859Part::Arabic => 6,
            Iso8859Part::Greek => 7,
            Iso8859Part::Hebrew => 8,
            Iso8859Part::Latin5 => 9,
            Iso8859Part::Latin9 => 15,
        }
    }
}

/// A coded character set: what a code element holds, or the whole encoding for the
/// Defined Terms that are not ISO 2022 (Table C.12-5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodedCharacterSet {
    /// ISO-IR 6, ISO 646 IRV (ASCII): the default repertoire, 94 characters in G0.
    Ascii,
    /// ISO-IR 14, JIS X 0201 Romaji: ASCII with `5C` = YEN SIGN and `7E` = OVERLINE.
    JisX0201Roman,
    /// ISO-IR 13, JIS X 0201 Katakana: 63 half-width katakana at `A1`–`DF` in G1.
    JisX0201Katakana,
    /// The right-hand part of ISO/IEC 8859 (96 positions in G1).
    Iso8859(Iso8859Part),
    /// ISO-IR 166, TIS 620-2533 Thai (G1).
    Tis620,
    /// ISO-IR 87, JIS X 0208 (94×94, G0 only in DICOM).
    JisX0208,
    /// ISO-IR 159, JIS X 0212 supplementary kanji (94×94, G0 only in DICOM).
    JisX0212,
    /// ISO-IR 149, KS X 1001 Hangul and Hanja (94×94, G1 only in DICOM).
    KsX1001,
    /// ISO-IR 58, GB 2312 simplified Chinese (94×94, G1 only in DICOM).
    Gb2312,
    /// Unicode in UTF-8 (`ISO_IR 192`; not ISO 2022).
    Utf8,
    /// GB 18030 (1-, 2- and 4-byte forms; not ISO 2022).
    Gb18030,
    /// GBK (1- and 2-byte forms of GB 18030; not ISO 2022).
    Gbk,
    /// The set named by an unknown Specific Character Set term: bytes cannot be judged.
    Unknown,
}

impl CodedCharacterSet {
    /// A 94×94 set whose characters are two bytes in ISO 2022 (JIS X 0208/0212, KS X 1001,
    /// GB 2312).
    #[inline]
    #[must_use]
    pub const fn is_double_byte(self) -> bool {
        matches!(
            self,
            CodedCharacterSet::JisX0208
                | CodedCharacterSet::JisX0212
                | CodedCharacterSet::KsX1001
                | CodedCharacterSet::Gb2312
        )
    }

    /// A variable-length encoding that is not ISO 2022 (UTF-8, GB 18030, GBK).
    #[must_use]
    pub const fn is_variable_length(self) -> bool {
        matches!(
            self,
            CodedCharacterSet::Utf8 | CodedCharacterSet::Gb18030 | CodedCharacterSet::Gbk
        )
    }

    /// A short English name for messages ("JIS X 0208").
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            CodedCharacterSet::Ascii => "ASCII (ISO-IR 6)",
            CodedCharacterSet::JisX0201Roman => "JIS X 0201 Romaji (ISO-IR 14)",
            CodedCharacterSet::JisX0201Katakana => "JIS X 0201 Katakana (ISO-IR 13)",
            CodedCharacterSet::Iso8859(p) => match p {
                Iso8859Part::Latin1 => "ISO 8859-1 (ISO-IR 100)",
                Iso8859Part::Latin2 => "ISO 8859-2 (ISO-IR 101)",
                Iso8859Part::Latin3 => "ISO 8859-3 (ISO-IR 109)",
                Iso8859Part::Latin4 => "ISO 8859-4 (ISO-IR 110)",
                Iso8859Part::Cyrillic => "ISO 8859-5 (ISO-IR 144)",
                Iso8859Part::Arabic => "ISO 8859-6 (ISO-IR 127)",
                Iso8859Part::Greek => "ISO 8859-7 (ISO-IR 126)",
                Iso8859Part::Hebrew => "ISO 8859-8 (ISO-IR 138)",
                Iso8859Part::Latin5 => "ISO 8859-9 (ISO-IR 148)",
                Iso8859Part::Latin9 => "ISO 8859-15 (ISO-IR 203)",
            },
            CodedCharacterSet::Tis620 => "TIS 620 (ISO-IR 166)",
            CodedCharacterSet::JisX0208 => "JIS X 0208 (ISO-IR 87)",
            CodedCharacterSet::JisX0212 => "JIS X 0212 (ISO-IR 159)",
            CodedCharacterSet::KsX1001 => "KS X 1001 (ISO-IR 149)",
            CodedCharacterSet::Gb2312 => "GB 2312 (ISO-IR 58)",
            CodedCharacterSet::Utf8 => "UTF-8 (ISO_IR 192)",
            CodedCharacterSet::Gb18030 => "GB 18030",
            CodedCharacterSet::Gbk => "GBK",
            CodedCharacterSet::Unknown => "unknown character set",
        }
    }
}

impl fmt::Display for CodedCharacterSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A code element of ISO 2022 that DICOM uses (PS3.5 §6.1.2.5.1): G0 is invoked in GL
/// (`21`–`7E`), G1 in GR (`A1`–`FE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeElement {
    /// G0, invoked in GL.
    G0,
    /// G1, invoked in GR.
    G1,
}

/// One of the 18 escape sequences a DICOM value may contain (PS3.3 Tables C.12-3, C.12-4;
/// dicom-rules.md §1.2), named after the ISO-IR registration of the set it designates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EscapeSequence {
    /// `ESC ( B`: ISO-IR 6 (ASCII) → G0.
    Ir6,
    /// `ESC ( J`: ISO-IR 14 (JIS X 0201 Romaji) → G0.
    Ir14,
    /// `ESC ) I`: ISO-IR 13 (JIS X 0201 Katakana) → G1.
    Ir13,
    /// `ESC - A`: ISO-IR 100 (Latin-1) → G1.
    Ir100,
    /// `ESC - B`: ISO-IR 101 (Latin-2) → G1.
    Ir101,
    /// `ESC - C`: ISO-IR 109 (Latin-3) → G1.
    Ir109,
    /// `ESC - D`: ISO-IR 110 (Latin-4) → G1.
    Ir110,
    /// `ESC - F`: ISO-IR 126 (Greek) → G1.
    Ir126,
    /// `ESC - G`: ISO-IR 127 (Arabic) → G1.
    Ir127,
    /// `ESC - H`: ISO-IR 138 (Hebrew) → G1.
    Ir138,
    /// `ESC - L`: ISO-IR 144 (Cyrillic) → G1.
    Ir144,
    /// `ESC - M`: ISO-IR 148 (Latin-5) → G1.
    Ir148,
    /// `ESC - T`: ISO-IR 166 (Thai) → G1.
    Ir166,
    /// `ESC - b`: ISO-IR 203 (Latin-9) → G1 (lower-case final byte `62`).
    Ir203,
    /// `ESC $ B`: ISO-IR 87 (JIS X 0208) → G0.
    Ir87,
    /// `ESC $ ( D`: ISO-IR 159 (JIS X 0212) → G0.
    Ir159,
    /// `ESC $ ) C`: ISO-IR 149 (KS X 1001) → G1.
    Ir149,
    /// `ESC $ ) A`: ISO-IR 58 (GB 2312) → G1.
    Ir58,
}

impl EscapeSequence {
    /// A bit of its own, for sets of sequences ([`crate::charset::SpecificCharacterSet::declares`]).
    #[inline]
    #[must_use]
    pub const fn bit(self) -> u32 {
        1 << (self as u32)
    }

    /// All 18, in the order of dicom-rules.md §1.2's complete list.
    pub const ALL: [EscapeSequence; 18] = [
        EscapeSequence::Ir6,
        EscapeSequence::Ir14,
        EscapeSequence::Ir13,
        EscapeSequence::Ir100,
        EscapeSequence::Ir101,
        EscapeSequence::Ir109,
        EscapeSequence::Ir110,
        EscapeSequence::Ir126,
        EscapeSequence::Ir127,
        EscapeSequence::Ir138,
        EscapeSequence::Ir144,
        EscapeSequence::Ir148,
        EscapeSequence::Ir166,
        EscapeSequence::Ir203,
        EscapeSequence::Ir87,
        EscapeSequence::Ir159,
        EscapeSequence::Ir149,
        EscapeSequence::Ir58,
    ];

    /// The exact bytes, ESC included.
    #[inline]
    #[must_use]
    pub const fn bytes(self) -> &'static [u8] {
        match self {
            EscapeSequence::Ir6 => b"\x1b(B",
            EscapeSequence::Ir14 => b"\x1b(J",
            EscapeSequence::Ir13 => b"\x1b)I",
            EscapeSequence::Ir100 => b"\x1b-A",
            EscapeSequence::Ir101 => b"\x1b-B",
            EscapeSequence::Ir109 => b"\x1b-C",
            EscapeSequence::Ir110 => b"\x1b-D",
            EscapeSequence::Ir126 => b"\x1b-F",
            EscapeSequence::Ir127 => b"\x1b-G",
            EscapeSequence::Ir138 => b"\x1b-H",
            EscapeSequence::Ir144 => b"\x1b-L",
            EscapeSequence::Ir148 => b"\x1b-M",
            EscapeSequence::Ir166 => b"\x1b-T",
            EscapeSequence::Ir203 => b"\x1b-b",
            EscapeSequence::Ir87 => b"\x1b$B",
            EscapeSequence::Ir159 => b"\x1b$(D",
            EscapeSequence::Ir149 => b"\x1b$)C",
            EscapeSequence::Ir58 => b"\x1b$)A",
        }
    }

    /// The code element it designates.
    #[inline]
    #[must_use]
    pub const fn element(self) -> CodeElement {
        match self {
            EscapeSequence::Ir6
            | EscapeSequence::Ir14
            | EscapeSequence::Ir87
            | EscapeSequence::Ir159 => CodeElement::G0,
            _ => CodeElement::G1,
        }
    }

    /// The set it designates.
    #[inline]
    #[must_use]
    pub const fn set(self) -> CodedCharacterSet {
        use CodedCharacterSet as C;
        use Iso8859Part as P;
        match self {
            EscapeSequence::Ir6 => C::Ascii,
            EscapeSequence::Ir14 => C::JisX0201Roman,
            EscapeSequence::Ir13 => C::JisX0201Katakana,
            EscapeSequence::Ir100 => C::Iso8859(P::Latin1),
            EscapeSequence::Ir101 => C::Iso8859(P::Latin2),
            EscapeSequence::Ir109 => C::Iso8859(P::Latin3),
            EscapeSequence::Ir110 => C::Iso8859(P::Latin4),
            EscapeSequence::Ir126 => C::Iso8859(P::Greek),
            EscapeSequence::Ir127 => C::Iso8859(P::Arabic),
            EscapeSequence::Ir138 => C::Iso8859(P::Hebrew),
            EscapeSequence::Ir144 => C::Iso8859(P::Cyrillic),
            EscapeSequence::Ir148 => C::Iso8859(P::Latin5),
            EscapeSequence::Ir166 => C::Tis620,
            EscapeSequence::Ir203 => C::Iso8859(P::Latin9),
            EscapeSequence::Ir87 => C::JisX0208,
            EscapeSequence::Ir159 => C::JisX0212,
            EscapeSequence::Ir149 => C::KsX1001,
            EscapeSequence::Ir58 => C::Gb2312,
        }
    }

    /// The escape sequence that designates `set` into `element`, if DICOM has one.
    #[must_use]
    pub fn designating(set: CodedCharacterSet, element: CodeElement) -> Option<EscapeSequence> {
        EscapeSequence::ALL
            .into_iter()
            .find(|e| e.set() == set && e.element() == element)
    }

    /// Human-readable spelling, e.g. `ESC $ ( D`.
    #[must_use]
    pub const fn notation(self) -> &'static str {
        match self {
            EscapeSequence::Ir6 => "ESC ( B",
            EscapeSequence::Ir14 => "ESC ( J",
            EscapeSequence::Ir13 => "ESC ) I",
            EscapeSequence::Ir100 => "ESC - A",
            EscapeSequence::Ir101 => "ESC - B",
            EscapeSequence::Ir109 => "ESC - C",
            EscapeSequence::Ir110 => "ESC - D",
            EscapeSequence::Ir126 => "ESC - F",
            EscapeSequence::Ir127 => "ESC - G",
            EscapeSequence::Ir138 => "ESC - H",
            EscapeSequence::Ir144 => "ESC - L",
            EscapeSequence::Ir148 => "ESC - M",
            EscapeSequence::Ir166 => "ESC - T",
            EscapeSequence::Ir203 => "ESC - b",
            EscapeSequence::Ir87 => "ESC $ B",
            EscapeSequence::Ir159 => "ESC $ ( D",
            EscapeSequence::Ir149 => "ESC $ ) C",
            EscapeSequence::Ir58 => "ESC $ ) A",
        }
    }
}

impl fmt::Display for EscapeSequence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.notation())
    }
}

/// What follows an ESC byte, parsed with the ISO 2022 syntax (ISO/IEC 2022 §13.1:
/// ESC, intermediate bytes `20`–`2F`, one final byte `30`–`7E`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Escape {
    /// One of the 18 DICOM escape sequences.
    Dicom(EscapeSequence),
    /// A syntactically complete escape sequence that DICOM does not allow (`ESC $ @`,
    /// `ESC ( I`, G2/G3 designations, shifts…; CS-ESC-UNKNOWN).
    Unknown,
    /// ESC not followed by a complete sequence before a byte outside `20`–`7E` or the end
    /// of the value (CS-ESC-TRUNCATED).
    Truncated,
}

/// Parses the escape sequence at the start of `bytes` (whose first byte is ESC) and
/// returns it with its length in bytes (at least 1).
#[inline]
#[must_use]
pub fn parse_escape(bytes: &[u8]) -> (Escape, usize) {
    // A match rather than a search of ALL: escapes sit on the hot path of Japanese text.
    use EscapeSequence as E;
    // The pair that brackets every kanji run (`ESC $ B` … `ESC ( B`) first, as one
    // compare each: the general match below is a jump table that Japanese text, which
    // alternates the two, sends to a different target every time.
    if let [_, b1, b2, ..] = *bytes {
        let pair = u16::from_le_bytes([b1, b2]);
        if pair == u16::from_le_bytes(*b"$B") {
            return (Escape::Dicom(E::Ir87), 3);
        }
        if pair == u16::from_le_bytes(*b"(B") {
            return (Escape::Dicom(E::Ir6), 3);
        }
    }
    let known = match bytes {
        [_, b'(', b'B', ..] => Some(E::Ir6),
        [_, b'(', b'J', ..] => Some(E::Ir14),
        [_, b')', b'I', ..] => Some(E::Ir13),
        [_, b'-', b'A', ..] => Some(E::Ir100),
        [_, b'-', b'B', ..] => Some(E::Ir101),
        [_, b'-', b'C', ..] => Some(E::Ir109),
        [_, b'-', b'D', ..] => Some(E::Ir110),
        [_, b'-', b'F', ..] => Some(E::Ir126),
        [_, b'-', b'G', ..] => Some(E::Ir127),
        [_, b'-', b'H', ..] => Some(E::Ir138),
        [_, b'-', b'L', ..] => Some(E::Ir144),
        [_, b'-', b'M', ..] => Some(E::Ir148),
        [_, b'-', b'T', ..] => Some(E::Ir166),
        [_, b'-', b'b', ..] => Some(E::Ir203),
        [_, b'$', b'B', ..] => Some(E::Ir87),
        [_, b'$', b'(', b'D', ..] => Some(E::Ir159),
        [_, b'$', b')', b'C', ..] => Some(E::Ir149),
        [_, b'$', b')', b'A', ..] => Some(E::Ir58),
        _ => None,
    };
    if let Some(seq) = known {
        return (Escape::Dicom(seq), seq.bytes().len());
    }
    let mut len = 1;
    let rest = bytes.get(1..).unwrap_or(&[]);
    for &b in rest {
        len += 1;
        match b {
            0x20..=0x2F => {}
            0x30..=0x7E => return (Escape::Unknown, len),
            // The sequence stops before a byte that cannot belong to it.
            _ => return (Escape::Truncated, len - 1),
        }
    }
    (Escape::Truncated, len)
}

/// The designations in force: which set G0 and G1 hold (PS3.5 §6.1.2.5). A `None` G1 means
/// "undefined": no GR byte is a character (§6.1.2.5.4 (c)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CodeState {
    /// The set invoked in GL.
    pub g0: CodedCharacterSet,
    /// The set invoked in GR, if any.
    pub g1: Option<CodedCharacterSet>,
}

impl CodeState {
    /// The 7-bit default: G0 = ISO-IR 6, no G1 (PS3.5 §6.1.2.5.4 (a)).
    pub const DEFAULT: CodeState = CodeState {
        g0: CodedCharacterSet::Ascii,
        g1: None,
    };

    /// The state after designating `seq`.
    #[inline]
    #[must_use]
    pub const fn designate(self, seq: EscapeSequence) -> CodeState {
        match seq.element() {
            CodeElement::G0 => CodeState {
                g0: seq.set(),
                g1: self.g1,
            },
            CodeElement::G1 => CodeState {
                g0: self.g0,
                g1: Some(seq.set()),
            },
        }
    }

    /// The set held by `element`.
    #[must_use]
    pub const fn get(self, element: CodeElement) -> Option<CodedCharacterSet> {
        match element {
            CodeElement::G0 => Some(self.g0),
            CodeElement::G1 => self.g1,
        }
    }
}

impl Default for CodeState {
    fn default() -> Self {
        CodeState::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eighteen_sequences_are_distinct_and_round_trip() {
        for (i, a) in EscapeSequence::ALL.iter().enumerate() {
            for b in EscapeSequence::ALL.iter().skip(i + 1) {
                assert_ne!(a.bytes(), b.bytes());
            }
            assert_eq!(
                parse_escape(a.bytes()),
                (Escape::Dicom(*a), a.bytes().len())
            );
            assert_eq!(EscapeSequence::designating(a.set(), a.element()), Some(*a));
        }
    }

    #[test]
    fn other_escapes_are_unknown_or_truncated() {
        assert_eq!(parse_escape(b"\x1b$@;3"), (Escape::Unknown, 3));
        assert_eq!(parse_escape(b"\x1b(I"), (Escape::Unknown, 3));
        assert_eq!(parse_escape(b"\x1b$(B"), (Escape::Unknown, 4));
        assert_eq!(parse_escape(b"\x1bN"), (Escape::Unknown, 2));
        assert_eq!(parse_escape(b"\x1b$"), (Escape::Truncated, 2));
        assert_eq!(parse_escape(b"\x1b$\r\n"), (Escape::Truncated, 2));
        assert_eq!(parse_escape(b"\x1b"), (Escape::Truncated, 1));
    }
}
