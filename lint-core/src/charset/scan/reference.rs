//! The scanner as it was before the throughput work (commit d4cd841), kept verbatim as
//! the reference the differential tests compare the current scanner with: for every input
//! both must yield the same sequence of [`Token`]s (kinds, spans, character counts,
//! invalid reasons, states). Only names changed (`scan` → `reference_scan`, `Scanner` →
//! `ReferenceScanner`) and what it needs is imported from the parent module.
//!
//! Built only for tests; never edit it to make a test pass.

#![allow(dead_code, clippy::all)]

use super::super::iso2022::{CodeState, CodedCharacterSet, Escape, parse_escape};
use super::super::tables::{self, Assignment};
use super::super::term::{SpecificCharacterSet, TextEncoding};
use super::{DelimiterKind, EscapeStatus, InvalidReason, TextKind, Token};
use crate::ByteSpan;

// Byte classes for the fast ASCII loop: one 256-byte table.
const STOP: u8 = 0x80; // not a graphic ASCII byte: control, DEL, ≥ 80
const CTRL: u8 = 0x40; // control or DEL (stops UTF-8/GB runs)
const BACKSLASH: u8 = 0x01;
const PN_DELIM: u8 = 0x02;

// Indexing inside a const initialiser: an out-of-range index fails the build, it cannot
// panic at run time.
#[allow(clippy::indexing_slicing)]
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b < 0x20 || b == 0x7F {
            t[i] = STOP | CTRL;
        } else if b >= 0x80 {
            t[i] = STOP;
        } else if b == b'\\' {
            t[i] = BACKSLASH | PN_DELIM;
        } else if b == b'^' || b == b'=' {
            t[i] = PN_DELIM;
        }
        i += 1;
    }
    t
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS.get(usize::from(b)).copied().unwrap_or(STOP)
}

const fn delimiter_mask(kind: TextKind) -> u8 {
    match kind {
        TextKind::MultiValued | TextKind::NoExtensions => BACKSLASH,
        TextKind::PersonName => PN_DELIM,
        TextKind::FreeText => 0,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any byte of `x` is below `n` (`n` ≤ 128): exact as a yes/no answer.
#[inline]
const fn has_less(x: u64, n: u8) -> bool {
    x.wrapping_sub(ONES * n as u64) & !x & HIGHS != 0
}

/// Whether any byte of `x` equals `b`.
#[inline]
const fn has_byte(x: u64, b: u8) -> bool {
    has_less(x ^ (ONES * b as u64), 1)
}

/// Index of the first byte whose class has a bit of `stop` (or `bytes.len()`).
///
/// Eight bytes at a time (SWAR): a word with no candidate byte is skipped with a few
/// arithmetic operations, which is what makes long ASCII and UTF-8 runs cheap.
#[inline]
fn find_stop(bytes: &[u8], stop: u8) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut i = 0;
    for chunk in chunks.by_ref() {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        // Controls and DEL stop every kind of run.
        let mut suspect = has_less(x, 0x20) || has_byte(x, 0x7F);
        if stop & STOP != 0 {
            suspect |= x & HIGHS != 0;
        }
        if stop & (BACKSLASH | PN_DELIM) != 0 {
            suspect |= has_byte(x, b'\\');
        }
        if stop & PN_DELIM != 0 {
            suspect |= has_byte(x, b'^') || has_byte(x, b'=');
        }
        if suspect {
            if let Some(p) = chunk.iter().position(|&b| class(b) & stop != 0) {
                return i + p;
            }
        }
        i += 8;
    }
    let tail = chunks.remainder();
    i + tail
        .iter()
        .position(|&b| class(b) & stop != 0)
        .unwrap_or(tail.len())
}

/// Scans `value` (the bytes of one element's Value Field, padding included) under `cs`.
#[must_use]
pub fn reference_scan<'a>(
    value: &'a [u8],
    cs: &SpecificCharacterSet,
    kind: TextKind,
) -> ReferenceScanner<'a> {
    let (encoding, initial) = if kind == TextKind::NoExtensions {
        (TextEncoding::SevenBit, CodeState::DEFAULT)
    } else {
        (cs.encoding(), cs.initial_state())
    };
    ReferenceScanner {
        bytes: value,
        pos: 0,
        kind,
        encoding,
        cs: *cs,
        initial,
        state: initial,
        done: false,
    }
}

/// Iterator of [`Token`]s over one value; see [`scan`].
#[derive(Clone, Debug)]
pub struct ReferenceScanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    kind: TextKind,
    encoding: TextEncoding,
    cs: SpecificCharacterSet,
    initial: CodeState,
    state: CodeState,
    done: bool,
}

impl ReferenceScanner<'_> {
    /// The designations in force at the current position.
    #[must_use]
    pub const fn state(&self) -> CodeState {
        self.state
    }

    /// The value-1 state this scan resets to.
    #[must_use]
    pub const fn initial_state(&self) -> CodeState {
        self.initial
    }

    /// How the value is encoded.
    #[must_use]
    pub const fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    fn span(&self, start: usize, len: usize) -> ByteSpan {
        ByteSpan::at(start as u64, len as u64)
    }

    #[inline(always)]
    // The helpers are inlined so that each token is built in place: returning it through
    // a stack temporary cost a store-forwarding stall per token.
    fn invalid(
        &mut self,
        reason: InvalidReason,
        set: Option<CodedCharacterSet>,
        len: usize,
    ) -> Token {
        let start = self.pos;
        let len = len.max(1);
        self.pos += len;
        Token::Invalid {
            reason,
            set,
            span: self.span(start, len),
        }
    }

    #[inline(always)]
    fn text(&mut self, set: CodedCharacterSet, len: usize, chars: usize) -> Token {
        let start = self.pos;
        self.pos += len;
        Token::Text {
            set,
            span: self.span(start, len),
            chars,
        }
    }

    #[inline(always)]
    fn escape(&mut self, rest: &[u8]) -> Token {
        let (escape, len) = parse_escape(rest);
        let before = self.state;
        let variable = matches!(
            self.encoding,
            TextEncoding::Utf8 | TextEncoding::Gb18030 | TextEncoding::Gbk
        );
        let status = if self.kind == TextKind::NoExtensions
            || variable
            || self.encoding != TextEncoding::Iso2022
        {
            EscapeStatus::NotAllowed
        } else {
            match escape {
                Escape::Dicom(seq) if self.cs.declares(seq) => EscapeStatus::Declared,
                _ => EscapeStatus::Undeclared,
            }
        };
        // The writer meant the designation even where it is not allowed: honouring it
        // describes the following bytes as they were written (one finding, not many).
        if let Escape::Dicom(seq) = escape {
            if !variable && self.kind != TextKind::NoExtensions {
                self.state = self.state.designate(seq);
            }
        }
        let start = self.pos;
        self.pos += len.max(1);
        Token::Escape {
            escape,
            status,
            span: self.span(start, len.max(1)),
            before,
        }
    }

    /// A run of 94×94 characters, both bytes in `lo..=hi` (`21`–`7E` in G0, `A1`–`FE` in G1).
    #[inline(always)]
    fn double_byte(&mut self, set: CodedCharacterSet, rest: &[u8], lo: u8, hi: u8) -> Token {
        let Some(table) = tables::double_byte_table(set) else {
            return self.invalid(InvalidReason::Unassigned, Some(set), 1);
        };
        let len = double_byte_run(set, table, rest, lo, hi);
        if len > 0 {
            return self.text(set, len, len / 2);
        }
        let second = rest.get(1).copied();
        match second {
            Some(c) if c >= lo && c <= hi => {
                let first = rest.first().copied().unwrap_or(0);
                let reason = match tables::double_byte(set, first, c) {
                    Assignment::RevisionDependent => InvalidReason::RevisionDependent,
                    _ => InvalidReason::Unassigned,
                };
                self.invalid(reason, Some(set), 2)
            }
            _ => self.invalid(InvalidReason::OddByte, Some(set), 1),
        }
    }

    #[inline(always)]
    fn gr(&mut self, b: u8, rest: &[u8]) -> Token {
        if self.kind == TextKind::NoExtensions {
            let n = rest.iter().take_while(|&&x| x >= 0x80).count();
            return self.invalid(InvalidReason::NotDefaultRepertoire, None, n);
        }
        let g1 = self.state.g1;
        if g1.is_none() && self.encoding == TextEncoding::SevenBit {
            let n = rest.iter().take_while(|&&x| x >= 0x80).count();
            return self.invalid(InvalidReason::EightBitIn7Bit, None, n);
        }
        if b < 0xA0 {
            let n = rest
                .iter()
                .take_while(|&&x| (0x80..0xA0).contains(&x))
                .count();
            return self.invalid(InvalidReason::C1, g1, n);
        }
        let Some(set) = g1 else {
            let n = rest.iter().take_while(|&&x| x >= 0xA0).count();
            return self.invalid(InvalidReason::GrUndefined, None, n);
        };
        if set == CodedCharacterSet::Unknown {
            let n = rest.iter().take_while(|&&x| x >= 0xA0).count();
            return self.text(set, n, n);
        }
        if set.is_double_byte() {
            return self.double_byte(set, rest, 0xA1, 0xFE);
        }
        let n = rest
            .iter()
            .take_while(|&&x| tables::single_byte_gr(set, x) == Assignment::Assigned)
            .count();
        if n > 0 {
            return self.text(set, n, n);
        }
        let reason = match tables::single_byte_gr(set, b) {
            Assignment::RevisionDependent => InvalidReason::RevisionDependent,
            _ => InvalidReason::Unassigned,
        };
        self.invalid(reason, Some(set), 1)
    }

    #[inline(always)]
    fn utf8(&mut self, rest: &[u8]) -> Token {
        let stop = CTRL | delimiter_mask(self.kind);
        let (len, chars) = utf8_run(rest, stop);
        if len > 0 {
            return self.text(CodedCharacterSet::Utf8, len, chars);
        }
        // Not a character here: say why, over the ill-formed sequence up to the next stop.
        if let [0xC2, 0x80..=0x9F, ..] = rest {
            // A C1 code point: well-formed UTF-8 but not DICOM text (U8-C1).
            return self.invalid(InvalidReason::Utf8C1, Some(CodedCharacterSet::Utf8), 2);
        }
        let end = find_stop(rest, stop);
        let seg = rest.get(..end).unwrap_or(rest);
        let (reason, len) = match core::str::from_utf8(seg) {
            Err(e) => utf8_error(seg, e.error_len()),
            Ok(_) => (InvalidReason::Utf8Truncated, seg.len()),
        };
        self.invalid(reason, Some(CodedCharacterSet::Utf8), len)
    }

    #[inline(always)]
    fn gb(&mut self, rest: &[u8], set: CodedCharacterSet) -> Token {
        let stop = CTRL | delimiter_mask(self.kind);
        let mut i = 0;
        let mut chars = 0;
        let mut error = None;
        while let Some(&x) = rest.get(i) {
            if class(x) & stop != 0 {
                break;
            }
            match gb_char(rest.get(i..).unwrap_or(&[]), set) {
                Ok(n) => {
                    i += n;
                    chars += 1;
                }
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        if i > 0 {
            return self.text(set, i, chars);
        }
        let (reason, len) = error.unwrap_or((InvalidReason::GbMalformed, 1));
        self.invalid(reason, Some(set), len)
    }

    #[inline(always)]
    fn step(&mut self, b: u8, rest: &[u8]) -> Token {
        let start = self.pos;
        if b == 0x1B {
            return self.escape(rest);
        }
        if b < 0x20 || b == 0x7F {
            let before = self.state;
            if matches!(b, 0x09 | 0x0A | 0x0C | 0x0D) {
                self.state = self.initial;
            }
            self.pos += 1;
            return Token::Control {
                byte: b,
                span: self.span(start, 1),
                before,
            };
        }
        let g0_double = self.state.g0.is_double_byte();
        if b < 0x80 && !g0_double && class(b) & delimiter_mask(self.kind) != 0 {
            let before = self.state;
            self.state = self.initial;
            self.pos += 1;
            let kind = match b {
                b'^' => DelimiterKind::Component,
                b'=' => DelimiterKind::Group,
                _ => DelimiterKind::Value,
            };
            return Token::Delimiter {
                kind,
                span: self.span(start, 1),
                before,
            };
        }
        match self.encoding {
            TextEncoding::Utf8 => return self.utf8(rest),
            TextEncoding::Gb18030 => return self.gb(rest, CodedCharacterSet::Gb18030),
            TextEncoding::Gbk => return self.gb(rest, CodedCharacterSet::Gbk),
            _ => {}
        }
        if b >= 0x80 {
            return self.gr(b, rest);
        }
        let g0 = self.state.g0;
        if g0_double {
            if b == b' ' {
                self.pos += 1;
                return Token::Space {
                    span: self.span(start, 1),
                };
            }
            return self.double_byte(g0, rest, 0x21, 0x7E);
        }
        // Single-byte G0 (ASCII or JIS X 0201 Romaji): every graphic byte is assigned.
        let n = find_stop(rest, STOP | delimiter_mask(self.kind));
        self.text(g0, n, n)
    }
}

impl Iterator for ReferenceScanner<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        let Some(&b) = rest.first() else {
            if self.done {
                return None;
            }
            self.done = true;
            return Some(Token::End {
                span: ByteSpan::point(self.pos as u64),
                state: self.state,
            });
        };
        let start = self.pos;
        let token = self.step(b, rest);
        // Progress guarantee (termination on any input).
        if self.pos <= start {
            self.pos = start + 1;
        }
        Some(token)
    }
}

/// The length in bytes of the longest run of assigned pairs of a 94×94 set at the start of
/// `bytes`, each byte in `lo..=hi`.
///
/// A pair in a full row costs one table load; only partial rows read their bitmap, and
/// only rows 2 and 84 (where later editions added the positions [`tables::double_byte`]
/// calls revision-dependent, all in partial rows: see its tests) take the slow check.
#[inline(always)]
fn double_byte_run(
    set: CodedCharacterSet,
    table: &tables::DoubleByteTable,
    bytes: &[u8],
    lo: u8,
    hi: u8,
) -> usize {
    let span = hi - lo;
    let mut len = 0;
    let mut pairs = bytes.chunks_exact(2);
    for pair in pairs.by_ref() {
        let [a, c] = *pair else { break };
        let (row, cell) = (a.wrapping_sub(lo), c.wrapping_sub(lo));
        if row > span || cell > span {
            break;
        }
        match table.rows.get(usize::from(row)) {
            Some(1) => {}
            Some(&k) if k >= 2 => {
                let assigned = table
                    .partial
                    .get(usize::from(k) - 2)
                    .and_then(|bits| bits.get(usize::from(cell / 8)))
                    .is_some_and(|b| b & (1 << (cell % 8)) != 0);
                if !assigned {
                    break;
                }
                // Rows 2 and 84 (row index 1 and 83) hold the revision-dependent
                // positions, which leave the run.
                if matches!(row, 1 | 83) && tables::double_byte(set, a, c) != Assignment::Assigned {
                    break;
                }
            }
            _ => break,
        }
        len += 2;
    }
    len
}

/// The longest run of well-formed UTF-8 characters at the start of `bytes` that holds no
/// byte of class `stop` and no C1 code point: its length in bytes and in characters.
///
/// One pass validates, counts and finds the stop, so a run costs one read of its bytes.
/// Eight ASCII bytes are taken at a time (SWAR) when none of them stops the run; the
/// multi-byte forms are checked as RFC 3629 Table 3-7 lists them (no overlong form, no
/// surrogate, nothing above U+10FFFF).
#[inline(always)]
fn utf8_run(bytes: &[u8], stop: u8) -> (usize, usize) {
    let delimiters = stop & (BACKSLASH | PN_DELIM) != 0;
    let pn = stop & PN_DELIM != 0;
    let mut i = 0;
    let mut chars = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // ASCII: eight at a time while no byte of the word stops the run.
            while let Some(Ok(word)) = bytes.get(i..i + 8).map(<[u8; 8]>::try_from) {
                let x = u64::from_le_bytes(word);
                let mut suspect = x & HIGHS != 0 || has_less(x, 0x20) || has_byte(x, 0x7F);
                if delimiters {
                    suspect |= has_byte(x, b'\\');
                }
                if pn {
                    suspect |= has_byte(x, b'^') || has_byte(x, b'=');
                }
                if suspect {
                    break;
                }
                i += 8;
                chars += 8;
            }
            match bytes.get(i) {
                Some(&b) if b < 0x80 => {
                    if class(b) & stop != 0 {
                        break;
                    }
                    i += 1;
                    chars += 1;
                }
                Some(_) => {}
                None => break,
            }
            continue;
        }
        let n = if let Some(Ok(word)) = bytes.get(i..i + 4).map(<[u8; 4]>::try_from) {
            // Four bytes at hand: the lead byte and its continuation bytes in one word.
            let w = u32::from_le_bytes(word);
            let second = word[1];
            if b & 0xF0 == 0xE0 {
                let ok = w & 0x00C0_C000 == 0x0080_8000
                    && !(b == 0xE0 && second < 0xA0)
                    && !(b == 0xED && second > 0x9F);
                if !ok {
                    break;
                }
                3
            } else if b & 0xE0 == 0xC0 {
                // C0, C1: overlong; C2 80–C2 9F: the C1 controls, which end the run.
                if b < 0xC2 || second & 0xC0 != 0x80 || (b == 0xC2 && second < 0xA0) {
                    break;
                }
                2
            } else if b & 0xF8 == 0xF0 {
                let ok = w & 0xC0C0_C000 == 0x8080_8000
                    && b <= 0xF4
                    && !(b == 0xF0 && second < 0x90)
                    && !(b == 0xF4 && second > 0x8F);
                if !ok {
                    break;
                }
                4
            } else {
                break;
            }
        } else {
            // The last bytes of the value.
            match *bytes.get(i..).unwrap_or(&[]) {
                [0xC2, 0xA0..=0xBF, ..] | [0xC3..=0xDF, 0x80..=0xBF, ..] => 2,
                [0xE0, 0xA0..=0xBF, 0x80..=0xBF, ..]
                | [0xE1..=0xEC | 0xEE | 0xEF, 0x80..=0xBF, 0x80..=0xBF, ..]
                | [0xED, 0x80..=0x9F, 0x80..=0xBF, ..] => 3,
                _ => break,
            }
        };
        i += n;
        chars += 1;
    }
    (i, chars)
}

/// Classifies a UTF-8 error at the start of `bad` (`error_len` from `Utf8Error`): why, and
/// how many bytes to cover (the whole ill-formed sequence where it can be seen).
fn utf8_error(bad: &[u8], error_len: Option<usize>) -> (InvalidReason, usize) {
    let Some(n) = error_len else {
        return (InvalidReason::Utf8Truncated, bad.len());
    };
    let lead = bad.first().copied().unwrap_or(0);
    let second = bad.get(1).copied().unwrap_or(0);
    let (reason, want) = match (lead, second) {
        (0x80..=0xBF, _) | (0xF8..=0xFF, _) => (InvalidReason::Utf8BadByte, 1),
        (0xC0 | 0xC1, _) => (InvalidReason::Utf8Overlong, 2),
        (0xE0, 0x80..=0x9F) => (InvalidReason::Utf8Overlong, 3),
        (0xED, 0xA0..=0xBF) => (InvalidReason::Utf8Surrogate, 3),
        (0xF0, 0x80..=0x8F) => (InvalidReason::Utf8Overlong, 4),
        (0xF4, 0x90..=0xBF) | (0xF5..=0xF7, _) => (InvalidReason::Utf8TooLarge, 4),
        _ => (InvalidReason::Utf8Truncated, n),
    };
    if want <= 1 || reason == InvalidReason::Utf8Truncated {
        return (reason, n.max(1));
    }
    // Cover the lead and the continuation bytes that belong to it.
    let cont = bad
        .iter()
        .skip(1)
        .take(want - 1)
        .take_while(|&&x| (0x80..=0xBF).contains(&x))
        .count();
    (reason, 1 + cont)
}

/// The length of the GB 18030/GBK character at the start of `bytes`, or why it is not one
/// (dicom-rules.md §3.5: 1 byte `00`–`7F`; 2 bytes lead `81`–`FE`, trail `40`–`7E`/`80`–`FE`;
/// 4 bytes `81`–`FE 30`–`39 81`–`FE 30`–`39`).
fn gb_char(bytes: &[u8], set: CodedCharacterSet) -> Result<usize, (InvalidReason, usize)> {
    match bytes {
        [] => Err((InvalidReason::GbMalformed, 1)),
        [0x00..=0x7F, ..] => Ok(1),
        [0x81..=0xFE, 0x40..=0x7E | 0x80..=0xFE, ..] => Ok(2),
        [
            b1 @ 0x81..=0xFE,
            b2 @ 0x30..=0x39,
            b3 @ 0x81..=0xFE,
            b4 @ 0x30..=0x39,
            ..,
        ] => {
            if set == CodedCharacterSet::Gbk {
                return Err((InvalidReason::GbkFourByte, 4));
            }
            // The WHATWG gb18030 ranges: pointers up to 39419 (BMP) and 189000–1237575
            // (supplementary planes) map to Unicode.
            let pointer = ((u32::from(b1 - 0x81) * 10 + u32::from(b2 - 0x30)) * 126
                + u32::from(b3 - 0x81))
                * 10
                + u32::from(b4 - 0x30);
            if pointer <= 39419 || (189_000..=1_237_575).contains(&pointer) {
                Ok(4)
            } else {
                Err((InvalidReason::GbUnassigned, 4))
            }
        }
        _ => Err((InvalidReason::GbMalformed, 1)),
    }
}
