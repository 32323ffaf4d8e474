//! The text scanner: one text value in, a stream of [`Token`]s out, found by the ISO 2022
//! state machine of PS3.5 §6.1.2.5 (dicom-rules.md §2.1).
//!
//! Delimiters are found by the state machine, never by searching for `5C`: while G0 holds
//! JIS X 0208, `35 5C 4B 5C` is 宮本, one value (dicom-rules.md §2.2). For GB 18030 and GBK
//! a trail byte `5C` is likewise part of its character.
//!
//! The scanner describes; it does not judge. Escapes carry whether (0008,0005) declares
//! them, delimiters and controls carry the state just before them (so a rule can say "JIS
//! X 0208 still active at `^`"), invalid bytes carry why, text runs count characters
//! (a double-byte character is one; escapes count nothing) for the length rules of
//! PS3.5 Table 6.2-1. Spans are **relative to the first byte of the value**: add the value's
//! absolute start (e.g. with [`crate::ByteSpan::sub`] on the value's span) to locate them.
//!
//! Every call to `next` consumes at least one byte or ends the iteration, so any input
//! terminates in at most `len + 1` tokens.
//!
//! Speed. Text runs are found in chunks of 16 bytes written as branch-free byte loops the
//! compiler turns into vector compares (`run_until` for ASCII; for UTF-8 a quick test,
//! `utf8_chunk_quick`, and the full `utf8_chunk_breaks` only for the chunks it flags on
//! something other than a stop at a character boundary, see `first_break`),
//! with the delimiters of each [`TextKind`] compiled in as constants; 94×94 pairs inside a
//! row's contiguous range of plain positions (`tables::RowRanges`) cost one compare. Only
//! the chunk that ends a run, and whatever must be reported, go through the byte-by-byte
//! code. The token sequence is the one the scanner had before these fast paths: the
//! test-only `reference` module keeps that scanner and the `differential`
//! tests compare the two on random, fragment-built and exhaustive inputs.

use super::iso2022::{CodeState, CodedCharacterSet, Escape, parse_escape};
use super::tables::{self, Assignment};
use super::term::{SpecificCharacterSet, TextEncoding};
use crate::{ByteSpan, Vr};

#[cfg(test)]
mod differential;
#[cfg(test)]
mod reference;

/// How a VR's value is structured, which decides its delimiters and reset points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextKind {
    /// SH, LO, UC: values separated by `5C` (PS3.5 §6.4).
    MultiValued,
    /// ST, LT, UT: one value; `5C` is a character; TAB, LF, FF, CR allowed (§6.1.3).
    FreeText,
    /// PN: values separated by `5C`, components by `^`, groups by `=` (§6.2.1); `^` and
    /// `=` are reset points too (§6.1.2.5.3).
    PersonName,
    /// AE, AS, CS, DA, DS, DT, IS, TM, UI, UR: default repertoire only, no code extension
    /// (PS3.3 C.12.1.1.2); (0008,0005) does not apply.
    NoExtensions,
}

impl TextKind {
    /// The kind of a string VR's value (`NoExtensions` for every VR that (0008,0005) does
    /// not govern).
    #[must_use]
    pub const fn for_vr(vr: Vr) -> TextKind {
        match vr {
            Vr::PN => TextKind::PersonName,
            Vr::ST | Vr::LT | Vr::UT => TextKind::FreeText,
            Vr::SH | Vr::LO | Vr::UC => TextKind::MultiValued,
            _ => TextKind::NoExtensions,
        }
    }
}

/// Which structural delimiter a [`Token::Delimiter`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DelimiterKind {
    /// `5C` between values (PS3.5 §6.4).
    Value,
    /// `^` between PN components (§6.2.1).
    Component,
    /// `=` between PN component groups (§6.2.1).
    Group,
}

/// Whether an escape sequence may appear where it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EscapeStatus {
    /// A DICOM escape of a set that (0008,0005) lists, in a value that allows code
    /// extensions.
    Declared,
    /// Code extensions are allowed, but (0008,0005) does not list the set
    /// (CS-ESC-UNDECLARED), or the sequence is not a DICOM one (CS-ESC-UNKNOWN).
    Undeclared,
    /// No code extension is allowed here: (0008,0005) absent or single-valued, UTF-8/GB
    /// 18030/GBK, or a VR without code extensions (CS-ESC-IN-NON2022, VR-NO-SCS-VR).
    NotAllowed,
}

/// Why bytes are not a character of the active set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvalidReason {
    /// A position the set does not assign (ISO 8859 hole, JIS X 0201 `E0`–`FF`, JIS X 0208
    /// row 9…): CS-BYTE-UNASSIGNED, JP-X0208-UNASSIGNED.
    Unassigned,
    /// A position only a later edition of the set assigns (see [`tables`]).
    RevisionDependent,
    /// The first byte of a double-byte character with no valid second byte (followed by
    /// ESC, a control, SPACE, a byte out of range or the end): JP-X0208-ODD.
    OddByte,
    /// A C1 control byte `80`–`9F` (CS-BYTE-C1).
    C1,
    /// A GR byte `A0`–`FF` while G1 is undefined (CS-BYTE-GR-UNDEFINED).
    GrUndefined,
    /// A byte ≥ `80` while (0008,0005) is absent: 7-bit code (CS-BYTE-HIGH-7BIT).
    EightBitIn7Bit,
    /// A byte ≥ `80` in a VR limited to the default repertoire (VR-NO-SCS-VR).
    NotDefaultRepertoire,
    /// UTF-8: a byte that cannot start a character (`80`–`BF` alone, `F8`–`FF`).
    Utf8BadByte,
    /// UTF-8: a sequence cut short by another lead byte, an ASCII byte or the end.
    Utf8Truncated,
    /// UTF-8: a longer form than needed (`C0`, `C1`, `E0 80`–`9F`, `F0 80`–`8F`).
    Utf8Overlong,
    /// UTF-8: an encoded surrogate (`ED A0`–`BF`).
    Utf8Surrogate,
    /// UTF-8: a code point above U+10FFFF.
    Utf8TooLarge,
    /// UTF-8: a C1 control code point U+0080–U+009F (U8-C1).
    Utf8C1,
    /// GB 18030 / GBK: not a 1-, 2- or 4-byte form (ZH-GB18030-MALFORMED).
    GbMalformed,
    /// GB 18030: a 4-byte form outside the ranges that map to Unicode.
    GbUnassigned,
    /// GBK: a GB 18030 4-byte form, which GBK does not have (ZH-GBK-MALFORMED).
    GbkFourByte,
}

/// One piece of a text value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// An escape sequence (ESC and what follows it).
    Escape {
        /// Which one.
        escape: Escape,
        /// Whether it is allowed and declared here.
        status: EscapeStatus,
        /// Where.
        span: ByteSpan,
        /// The designations just before it (a redesignation of the same set is redundant).
        before: CodeState,
    },
    /// A run of valid characters of one set.
    Text {
        /// The set.
        set: CodedCharacterSet,
        /// Where.
        span: ByteSpan,
        /// Number of characters (a double-byte or multi-byte character counts 1).
        chars: usize,
    },
    /// SPACE `20` while G0 holds a 94×94 set (PS3.5 H.2 allows it; JP-SPACE-IN-2BYTE).
    Space {
        /// Where.
        span: ByteSpan,
    },
    /// A value, component or group delimiter found by the state machine; the value-1 state
    /// is in force after it.
    Delimiter {
        /// Which.
        kind: DelimiterKind,
        /// Where.
        span: ByteSpan,
        /// The designations just before it (must be the value-1 state, §6.1.2.5.3).
        before: CodeState,
    },
    /// A C0 control or DEL. After TAB, LF, FF and CR the value-1 state is in force.
    Control {
        /// The byte.
        byte: u8,
        /// Where.
        span: ByteSpan,
        /// The designations just before it.
        before: CodeState,
    },
    /// Bytes that are not a character of the active set.
    Invalid {
        /// Why.
        reason: InvalidReason,
        /// The set that was active, if one was.
        set: Option<CodedCharacterSet>,
        /// Where.
        span: ByteSpan,
    },
    /// The end of the value (an empty span at its length), with the designations in force
    /// there: a value must end in the value-1 state (§6.1.2.5.3).
    End {
        /// Where (empty).
        span: ByteSpan,
        /// The designations at the end.
        state: CodeState,
    },
}

impl Token {
    /// The token's span (relative to the value).
    #[must_use]
    pub const fn span(&self) -> ByteSpan {
        match self {
            Token::Escape { span, .. }
            | Token::Text { span, .. }
            | Token::Space { span }
            | Token::Delimiter { span, .. }
            | Token::Control { span, .. }
            | Token::Invalid { span, .. }
            | Token::End { span, .. } => *span,
        }
    }
}

// Byte classes: one 256-byte table.
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
/// arithmetic operations. Used where a run-time class mask is needed (the extent of
/// ill-formed UTF-8); the text runs use [`run_until`] with constant delimiters.
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

// The delimiters of a text kind as a const parameter, so that each run search is compiled
// with its delimiters as constants (vector compares against constants; a run-time
// delimiter set defeated the vectoriser).
/// ST, LT, UT: no delimiter.
const FREE: u8 = 0;
/// SH, LO, UC and the VRs without code extensions: `\`.
const MULTI: u8 = 1;
/// PN: `\`, `^`, `=`.
const PN: u8 = 2;

#[inline(always)]
fn is_delimiter<const K: u8>(b: u8) -> bool {
    match K {
        MULTI => b == b'\\',
        PN => (b == b'\\') | (b == b'^') | (b == b'='),
        _ => false,
    }
}

/// The length of the leading run of `bytes` in which `stop` holds for no byte.
///
/// Sixteen bytes at a time: `fold` with `|` (no early exit) over a whole chunk lets the
/// compiler test the chunk with a few vector compares; only the chunk that stops the run is
/// searched byte by byte.
#[inline(always)]
fn run_until(bytes: &[u8], stop: impl Fn(u8) -> bool) -> usize {
    let mut i = 0;
    for chunk in bytes.chunks_exact(16) {
        if chunk.iter().fold(false, |acc, &b| acc | stop(b)) {
            break;
        }
        i += 16;
    }
    let tail = bytes.get(i..).unwrap_or(&[]);
    i + tail.iter().position(|&b| stop(b)).unwrap_or(tail.len())
}

/// A byte that ends a single-byte G0 run: a control, DEL, a byte ≥ `80` or a delimiter.
#[inline(always)]
fn ends_single_byte_run<const K: u8>(b: u8) -> bool {
    // One compare for the first three: `00`–`1F` wrap to `E0`–`FF`, `7F`–`FF` give ≥ `5F`.
    (b.wrapping_sub(0x20) >= 0x5F) | is_delimiter::<K>(b)
}

/// Whether the byte `b` may not continue a UTF-8 run after the bytes `p3 p2 p1`.
///
/// It may when it is a continuation byte exactly where the bytes before it call for one,
/// is no byte that cannot occur (`C0`, `C1`, `F5`–`FF`), breaks none of the second-byte
/// rules of RFC 3629 Table 3-7 (overlong forms, surrogates, above U+10FFFF), is not the
/// second byte of a C1 code point (`C2 80`–`C2 9F`), and is no control, DEL or
/// delimiter. Without branches, so that a loop over a chunk becomes vector compares.
#[inline(always)]
fn utf8_breaks<const K: u8>(p3: u8, p2: u8, p1: u8, b: u8) -> bool {
    let cont = (b as i8) < -0x40;
    // Saturating subtractions: non-zero exactly where a lead byte calls for one more.
    let want_cont =
        (p1.saturating_sub(0xBF) | p2.saturating_sub(0xDF) | p3.saturating_sub(0xEF)) != 0;
    let mut no = cont != want_cont;
    // `00`–`1F` and `F5`–`FF` in one compare: moved up by 11 they are `00`–`2A`.
    no |= (b.wrapping_add(0x0B) < 0x2B) | (b == 0x7F) | (b & 0xFE == 0xC0);
    // The second-byte rules, where `b` is a continuation byte `80`–`BF` (else `no` is
    // set already): its bits 5 and 4 tell `80`–`8F`, `90`–`9F`, `A0`–`AF`, `B0`–`BF`.
    // After `E0` (no overlong form) and `C2` (no C1 control): `A0`–`BF`; after `ED` (no
    // surrogate): `80`–`9F`; after `F0` (no overlong form): `90`–`BF`; after `F4` (not
    // above U+10FFFF): `80`–`8F`.
    let low_half = b & 0x20 == 0;
    let lowest = b & 0x30 == 0;
    no |= ((p1 == 0xE0) | (p1 == 0xC2)) & low_half;
    no |= ((p1 == 0xED) & !low_half) | ((p1 == 0xF0) & lowest);
    no |= (p1 == 0xF4) & !lowest;
    no | is_delimiter::<K>(b)
}

/// Which of the 16 bytes `w[3..]` may not continue a UTF-8 run (`w[..3]` are the three
/// bytes before them): byte `k` of the result (little-endian) is 1 for `w[3 + k]`, else 0.
/// One vectorised test of the whole chunk; a clean chunk gives 0.
#[inline(always)]
fn utf8_chunk_breaks<const K: u8>(w: &[u8; 19]) -> u128 {
    let mut breaks = [0u8; 16];
    for (f, q) in breaks.iter_mut().zip(w.windows(4)) {
        if let &[p3, p2, p1, b] = q {
            *f = u8::from(utf8_breaks::<K>(p3, p2, p1, b));
        }
    }
    u128::from_le_bytes(breaks)
}

/// A quick test of the 16 bytes `w[3..]` (after the three bytes `w[..3]`): `(suspect,
/// conts)`. `suspect` is 0 for most chunks that [`utf8_chunk_breaks`] finds clean and
/// never for one it does not: it flags what `utf8_breaks` flags except the second-byte
/// rules and the wish of a 4-byte lead, and flags instead every byte that follows a lead
/// with a second-byte rule (`C2`, `E0`, `ED`) or a 4-byte lead (`F0`–`FF`, which covers
/// the second-byte rules of `F0` and `F4`); the caller adds the 4-byte leads `w[0]` and
/// `w[1]`, whose bytes follow only in this chunk. It takes about two thirds of the vector
/// operations, and Japanese and Chinese leads are `E3`–`E9`, Latin letters `C3`–`C5`, so
/// most text passes it. `conts` has byte `k` 1 where `w[3 + k]` is a continuation byte.
#[inline(always)]
fn utf8_chunk_quick<const K: u8>(w: &[u8; 19]) -> (u128, u128) {
    let mut suspect = [0u8; 16];
    let mut conts = [0u8; 16];
    for ((f, c), q) in suspect.iter_mut().zip(&mut conts).zip(w.windows(4)) {
        if let &[_, p2, p1, b] = q {
            let cont = (b as i8) < -0x40;
            // `p1 - BF`: 1 for `C0` … `31` for `F0`, `40` for `FF`; 0 below `C0`.
            let lead = p1.saturating_sub(0xBF);
            let want_cont = (lead | p2.saturating_sub(0xDF)) != 0;
            let mut no = cont != want_cont;
            no |= (b.wrapping_add(0x0B) < 0x2B) | (b == 0x7F) | (b & 0xFE == 0xC0);
            no |= (lead == 0xC2 - 0xBF) | (lead == 0xE0 - 0xBF) | (lead == 0xED - 0xBF);
            no |= lead >= 0xF0 - 0xBF;
            *f = u8::from(no | is_delimiter::<K>(b));
            *c = u8::from(cont);
        }
    }
    (u128::from_le_bytes(suspect), u128::from_le_bytes(conts))
}

/// The sum of the byte lanes of `x` (each at most 255): pairs of lanes added, then the
/// four 16-bit sums by one multiplication.
#[inline(always)]
fn sum_lanes(x: u64) -> usize {
    const PAIRS: u64 = 0x00FF_00FF_00FF_00FF;
    let pairs = (x & PAIRS) + ((x >> 8) & PAIRS);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

/// The run of UTF-8 characters at `value[start..]` that [`utf8_run`] finds (its length in
/// bytes and in characters), sixteen bytes at a time.
///
/// A chunk in which [`utf8_chunk_breaks`] finds no break is one `utf8_run` would walk
/// through character by character, and so are the bytes before the first break of the
/// chunk that has one. A break that is a control, DEL or delimiter at a character boundary
/// ends the run there (as `utf8_run` would stop); otherwise the rest, and the last bytes of
/// the value, are left to `utf8_run` from the character boundary before them, so the
/// result is the same by construction.
///
/// A chunk is read with the three bytes before it. For the first, those belong to other
/// tokens (a control, a delimiter, invalid bytes): in free text, whose runs are long, they
/// are used when they call for no continuation byte, as ASCII would. Otherwise (names and
/// multi-valued strings, whose runs are mostly short) `utf8_run` takes the first 16 bytes
/// itself and the chunks start after them.
#[inline(always)]
fn utf8_text<const K: u8>(value: &[u8], start: usize) -> (usize, usize) {
    let rest = value.get(start..).unwrap_or(&[]);
    let neutral = K == FREE
        && matches!(
            value.get(start.wrapping_sub(3)..start),
            Some(&[p3, p2, p1]) if p1 < 0xC0 && p2 < 0xE0 && p3 < 0xF0
        );
    let (mut i, mut chars) = (start, 0);
    if !neutral {
        let Some(head) = rest.get(..16) else {
            return utf8_run::<K>(rest);
        };
        // A character cut by the end of `head` stops this run at its lead, 13 or more
        // bytes in; before that, `utf8_run` stopped where it stops on the whole value.
        let (n, c) = utf8_run::<K>(head);
        if n < 13 {
            return (n, c);
        }
        i += n;
        chars = c;
    }
    utf8_chunks::<K>(value, start, i, chars)
}

/// The rest of [`utf8_text`]'s run from `i` (`chars` characters in `value[start..i]`):
/// the chunks, then the last bytes. Kept out of line: inlined, its vector registers
/// crowded the scanner's token loop and cost the short runs of names more than the call.
#[inline(never)]
fn utf8_chunks<const K: u8>(
    value: &[u8],
    start: usize,
    mut i: usize,
    mut chars: usize,
) -> (usize, usize) {
    // The continuation bytes of the clean chunks, added lane by lane in two words (a
    // lane holds at most 255) and summed every 255 chunks and at the end: the characters
    // are the bytes less these.
    let (mut conts, mut clean) = (0u128, 0);
    let lanes = |x: u128| sum_lanes(x as u64) + sum_lanes((x >> 64) as u64);
    let sum = |conts: u128, clean: usize| 16 * clean - lanes(conts);
    let body = value.get(i.wrapping_sub(3)..).unwrap_or(&[]);
    let mut k = 0;
    while let Some(Ok(window)) = body.get(k..k + 19).map(<&[u8; 19]>::try_from) {
        // Borrowed, not copied: a copy on the stack read back with overlapping loads
        // stalls store forwarding.
        let (suspect, c) = utf8_chunk_quick::<K>(window);
        let far_lead = window[0].max(window[1]) >= 0xF0;
        if let Some((j, ends)) = first_break::<K>(window, suspect, far_lead) {
            // The bytes before the break continue the run as a clean chunk's do: `j`
            // bytes less the continuation bytes among them, added to the clean chunks'
            // lanes (at most 254 + 1 each).
            let before = if j == 0 {
                0
            } else {
                c & (u128::MAX >> (128 - 8 * j))
            };
            chars += j + 16 * clean - lanes(conts + before);
            i += k + j;
            if ends {
                return (i - start, chars);
            }
            return utf8_finish::<K>(value, start, i, chars);
        }
        conts += c;
        clean += 1;
        if clean == 255 {
            chars += sum(conts, clean);
            (conts, clean) = (0, 0);
        }
        k += 16;
    }
    utf8_finish::<K>(value, start, i + k, chars + sum(conts, clean))
}

/// Where [`utf8_chunks`]'s run breaks in the chunk `window[3..]` that the quick test
/// flagged (`suspect`, `far_lead`): the lane of the first break, and whether the run
/// ends there (a control, DEL or delimiter where no continuation byte is due, as
/// `utf8_run` would stop) or must be left to `utf8_run`. `None` if the chunk is clean.
///
/// Without a 4-byte lead before the chunk (`far_lead`), the full test finds no break
/// before the quick test's first flag (see the tests): a flag on a byte that ends the run
/// is its first break, and the full test is not needed. Runs of free text mostly end so,
/// at a CR.
#[inline(always)]
fn first_break<const K: u8>(
    window: &[u8; 19],
    suspect: u128,
    far_lead: bool,
) -> Option<(usize, bool)> {
    let ends_at = |j: usize| {
        window.get(j..j + 4).is_some_and(|q| {
            let &[p3, p2, p1, b] = q else { return false };
            let want_cont = (p1 >= 0xC0) | (p2 >= 0xE0) | (p3 >= 0xF0);
            !want_cont && b < 0x80 && ends_single_byte_run::<K>(b)
        })
    };
    if (suspect == 0) & !far_lead {
        return None;
    }
    let quick = (suspect.trailing_zeros() / 8) as usize;
    if !far_lead && ends_at(quick) {
        return Some((quick, true));
    }
    let breaks = utf8_chunk_breaks::<K>(window);
    if breaks == 0 {
        return None;
    }
    let j = (breaks.trailing_zeros() / 8) as usize;
    Some((j, ends_at(j)))
}

/// The end of [`utf8_chunks`]'s run from `i`, where its chunks stopped (`chars`
/// characters in `value[start..i]`): the bytes `utf8_run` must walk.
#[inline(always)]
fn utf8_finish<const K: u8>(
    value: &[u8],
    start: usize,
    mut i: usize,
    mut chars: usize,
) -> (usize, usize) {
    // A character that the end of the last clean chunk cuts goes back to `utf8_run` whole
    // (its lead byte was counted): look for a lead byte in the last three bytes of the run.
    for k in 1..=(i - start).min(3) {
        match value.get(i - k) {
            Some(&b) if b >= 0xC0 => {
                let len = if b >= 0xF0 {
                    4
                } else if b >= 0xE0 {
                    3
                } else {
                    2
                };
                if len > k {
                    i -= k;
                    chars -= 1;
                }
                break;
            }
            Some(&b) if b >= 0x80 => {}
            _ => break,
        }
    }
    let (len, n) = utf8_run::<K>(value.get(i..).unwrap_or(&[]));
    (i - start + len, chars + n)
}

/// Scans `value` (the bytes of one element's Value Field, padding included) under `cs`.
#[must_use]
pub fn scan<'a>(value: &'a [u8], cs: &SpecificCharacterSet, kind: TextKind) -> Scanner<'a> {
    let (encoding, initial) = if kind == TextKind::NoExtensions {
        (TextEncoding::SevenBit, CodeState::DEFAULT)
    } else {
        (cs.encoding(), cs.initial_state())
    };
    Scanner {
        bytes: value,
        pos: 0,
        kind,
        encoding,
        declared: cs.declared_bits(),
        initial,
        state: initial,
        done: false,
    }
}

/// Iterator of [`Token`]s over one value; see [`scan`].
#[derive(Clone, Debug)]
pub struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    kind: TextKind,
    encoding: TextEncoding,
    /// [`SpecificCharacterSet::declares`] as bits (the scanner needs nothing else of it).
    declared: u32,
    initial: CodeState,
    state: CodeState,
    done: bool,
}

impl Scanner<'_> {
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
                Escape::Dicom(seq) if self.declared & seq.bit() != 0 => EscapeStatus::Declared,
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
        let (Some(table), Some(ranges)) =
            (tables::double_byte_table(set), tables::row_ranges_of(set))
        else {
            return self.invalid(InvalidReason::Unassigned, Some(set), 1);
        };
        let len = double_byte_run(set, table, ranges, rest, lo, hi);
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
        let (value, at) = (self.bytes, self.pos);
        let (len, chars) = match self.kind {
            TextKind::FreeText => utf8_text::<FREE>(value, at),
            TextKind::PersonName => utf8_text::<PN>(value, at),
            TextKind::MultiValued | TextKind::NoExtensions => utf8_text::<MULTI>(value, at),
        };
        if len > 0 {
            return self.text(CodedCharacterSet::Utf8, len, chars);
        }
        // Not a character here: say why, over the ill-formed sequence up to the next stop.
        if let [0xC2, 0x80..=0x9F, ..] = rest {
            // A C1 code point: well-formed UTF-8 but not DICOM text (U8-C1).
            return self.invalid(InvalidReason::Utf8C1, Some(CodedCharacterSet::Utf8), 2);
        }
        let end = find_stop(rest, CTRL | delimiter_mask(self.kind));
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
        if b < 0x80 && self.state.g0.is_double_byte() {
            // Only ISO 2022 designates (UTF-8, GB 18030 and GBK honour no escape), and
            // no delimiter is one while G0 holds a 94×94 set: straight to the pairs.
            if b == b' ' {
                self.pos += 1;
                return Token::Space {
                    span: self.span(start, 1),
                };
            }
            return self.double_byte(self.state.g0, rest, 0x21, 0x7E);
        }
        // G0 is single-byte here when `b` < 80 (a 94×94 G0 went to its pairs above).
        if b < 0x80 && class(b) & delimiter_mask(self.kind) != 0 {
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
        // Single-byte G0 (ASCII or JIS X 0201 Romaji): every graphic byte is assigned.
        let n = match self.kind {
            TextKind::FreeText => run_until(rest, ends_single_byte_run::<FREE>),
            TextKind::PersonName => run_until(rest, ends_single_byte_run::<PN>),
            TextKind::MultiValued | TextKind::NoExtensions => {
                run_until(rest, ends_single_byte_run::<MULTI>)
            }
        };
        self.text(g0, n, n)
    }
}

impl Scanner<'_> {
    /// Calls `f` with each token, in order: the fast way to walk a value. The scanner is
    /// compiled into the caller's loop, its state kept in registers; called through
    /// [`Iterator::next`] from a large function (the compiler will not copy the scanner
    /// into every caller) it costs about a third more per byte of Japanese text.
    #[inline]
    pub fn for_each_token(mut self, mut f: impl FnMut(Token)) {
        while let Some(token) = self.next_token() {
            f(token);
        }
    }

    /// The next token ([`Iterator::next`]'s body): inlined into `next` and into each
    /// [`Self::for_each_token`], so there are two copies of it, not one per caller.
    #[inline(always)]
    fn next_token(&mut self) -> Option<Token> {
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

impl Iterator for Scanner<'_> {
    type Item = Token;

    #[inline]
    fn next(&mut self) -> Option<Token> {
        self.next_token()
    }
}

/// The length in bytes of the longest run of assigned pairs of a 94×94 set at the start of
/// `bytes`, each byte in `lo..=hi`.
///
/// A pair inside its row's contiguous range of plain positions ([`tables::RowRanges`]:
/// full rows, the kana…) costs one load and one compare. Other pairs take the row-class
/// table: only partial rows read their bitmap, and only rows 2 and 84 (where later
/// editions added the positions [`tables::double_byte`] calls revision-dependent, all in
/// partial rows: see its tests) take the slow check.
#[inline(always)]
fn double_byte_run(
    set: CodedCharacterSet,
    table: &tables::DoubleByteTable,
    ranges: &tables::RowRanges,
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
        // Most pairs: inside the row's contiguous range of plain positions. Tested before
        // the bounds: a row out of range has no range, and a cell out of range is in none
        // (`first + count` ≤ 94), so one compare decides them.
        let [first, count] = ranges.get(usize::from(row)).copied().unwrap_or([0, 0]);
        if cell.wrapping_sub(first) < count {
            len += 2;
            continue;
        }
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
/// control, DEL, delimiter of `K` or C1 code point: its length in bytes and in characters.
///
/// One pass validates, counts and finds the stop, character by character. ASCII stretches
/// are found with [`run_until`]; the multi-byte forms are checked as RFC 3629 Table 3-7
/// lists them (no overlong form, no surrogate, nothing above U+10FFFF). [`utf8_text`]
/// calls it for the first bytes and the end of a run.
#[inline(always)]
fn utf8_run<const K: u8>(bytes: &[u8]) -> (usize, usize) {
    let mut i = 0;
    let mut chars = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // ASCII up to the next control, DEL, delimiter or byte ≥ 80; only the last
            // continues the run.
            let n = run_until(bytes.get(i..).unwrap_or(&[]), ends_single_byte_run::<K>);
            i += n;
            chars += n;
            match bytes.get(i) {
                Some(&b) if b >= 0x80 => continue,
                _ => break,
            }
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

/// Splits the bytes of a [`Token::Text`] run of `set` into characters.
#[must_use]
pub fn characters(set: CodedCharacterSet, run: &[u8]) -> Characters<'_> {
    Characters { set, rest: run }
}

/// Iterator over the characters (as byte slices) of a text run; see [`characters`].
#[derive(Clone, Debug)]
pub struct Characters<'a> {
    set: CodedCharacterSet,
    rest: &'a [u8],
}

impl<'a> Iterator for Characters<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let first = *self.rest.first()?;
        let len = match self.set {
            s if s.is_double_byte() => 2,
            CodedCharacterSet::Utf8 => match first {
                0xF0..=0xFF => 4,
                0xE0..=0xEF => 3,
                0xC0..=0xDF => 2,
                _ => 1,
            },
            CodedCharacterSet::Gb18030 | CodedCharacterSet::Gbk => {
                gb_char(self.rest, self.set).unwrap_or(1)
            }
            _ => 1,
        };
        let (ch, rest) = self.rest.split_at_checked(len).unwrap_or((self.rest, &[]));
        self.rest = rest;
        Some(ch)
    }
}

/// The number of values of a multi-valued string (its VM), counting only the delimiters
/// the state machine finds (dicom-rules.md §2.2). An empty value field has VM 0.
#[must_use]
pub fn value_count(value: &[u8], cs: &SpecificCharacterSet, kind: TextKind) -> usize {
    if value.is_empty() {
        return 0;
    }
    1 + scan(value, cs, kind)
        .filter(|t| {
            matches!(
                t,
                Token::Delimiter {
                    kind: DelimiterKind::Value,
                    ..
                }
            )
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charset::{EscapeSequence, Iso8859Part};

    fn toks(cs: &[u8], kind: TextKind, v: &[u8]) -> [Option<Token>; 24] {
        let cs = SpecificCharacterSet::from_value(cs);
        let mut out = [None; 24];
        for (o, t) in out.iter_mut().zip(scan(v, &cs, kind)) {
            *o = Some(t);
        }
        out
    }

    #[test]
    fn miyamoto_is_one_value() {
        let cs = SpecificCharacterSet::from_value(b"\\ISO 2022 IR 87");
        let v = b"\x1b$B5\\K\\\x1b(B";
        assert_eq!(value_count(v, &cs, TextKind::MultiValued), 1);
        let t = toks(b"\\ISO 2022 IR 87", TextKind::MultiValued, v);
        assert!(matches!(
            t[0],
            Some(Token::Escape {
                escape: Escape::Dicom(EscapeSequence::Ir87),
                status: EscapeStatus::Declared,
                ..
            })
        ));
        assert_eq!(
            t[1],
            Some(Token::Text {
                set: CodedCharacterSet::JisX0208,
                span: ByteSpan::new(3, 7),
                chars: 2
            })
        );
        assert!(matches!(
            t[3],
            Some(Token::End {
                state: CodeState::DEFAULT,
                ..
            })
        ));
        assert_eq!(value_count(b"A\\B", &cs, TextKind::MultiValued), 2);
        assert_eq!(value_count(b"A\\B", &cs, TextKind::FreeText), 1);
    }

    #[test]
    fn latin1_runs_and_holes() {
        let t = toks(b"ISO_IR 100", TextKind::PersonName, b"Buc^J\xe9r\xf4me");
        assert_eq!(
            t[0],
            Some(Token::Text {
                set: CodedCharacterSet::Ascii,
                span: ByteSpan::new(0, 3),
                chars: 3
            })
        );
        assert!(matches!(
            t[1],
            Some(Token::Delimiter {
                kind: DelimiterKind::Component,
                ..
            })
        ));
        assert_eq!(
            t[3],
            Some(Token::Text {
                set: CodedCharacterSet::Iso8859(Iso8859Part::Latin1),
                span: ByteSpan::new(5, 6),
                chars: 1
            })
        );
        let t = toks(b"ISO_IR 109", TextKind::MultiValued, b"A\xa5");
        assert!(matches!(
            t[1],
            Some(Token::Invalid {
                reason: InvalidReason::Unassigned,
                ..
            })
        ));
        let t = toks(b"ISO_IR 100", TextKind::MultiValued, b"ABC\x85DEF");
        assert!(matches!(
            t[1],
            Some(Token::Invalid {
                reason: InvalidReason::C1,
                ..
            })
        ));
    }

    #[test]
    fn utf8_errors() {
        let r = |v: &[u8]| {
            toks(b"ISO_IR 192", TextKind::MultiValued, v)
                .into_iter()
                .flatten()
                .find_map(|t| match t {
                    Token::Invalid { reason, span, .. } => Some((reason, span)),
                    _ => None,
                })
        };
        assert_eq!(
            r(b"Buc^J\xc1\xa9rome"),
            Some((InvalidReason::Utf8Overlong, ByteSpan::new(5, 7)))
        );
        assert_eq!(
            r(b"A\xed\xa0\x80B"),
            Some((InvalidReason::Utf8Surrogate, ByteSpan::new(1, 4)))
        );
        assert_eq!(
            r(b"\xc2\x85"),
            Some((InvalidReason::Utf8C1, ByteSpan::new(0, 2)))
        );
        assert_eq!(
            r(b"\xe5\xb1"),
            Some((InvalidReason::Utf8Truncated, ByteSpan::new(0, 2)))
        );
        assert_eq!(
            r(b"\xf4\x90\x80\x80"),
            Some((InvalidReason::Utf8TooLarge, ByteSpan::new(0, 4)))
        );
        assert_eq!(
            r(b"\x80"),
            Some((InvalidReason::Utf8BadByte, ByteSpan::new(0, 1)))
        );
        assert_eq!(r("山田".as_bytes()), None);
    }

    #[test]
    fn gb_forms() {
        let cs = SpecificCharacterSet::from_value(b"GBK");
        assert_eq!(value_count(b"\x81\x5c", &cs, TextKind::MultiValued), 1);
        let t = toks(b"GBK", TextKind::MultiValued, b"\x81\x30\x81\x30");
        assert!(matches!(
            t[0],
            Some(Token::Invalid {
                reason: InvalidReason::GbkFourByte,
                ..
            })
        ));
        let t = toks(b"GB18030", TextKind::MultiValued, b"\x81\x30\x81\x30");
        assert!(matches!(t[0], Some(Token::Text { chars: 1, .. })));
        let t = toks(b"GB18030", TextKind::MultiValued, b"\x80");
        assert!(matches!(
            t[0],
            Some(Token::Invalid {
                reason: InvalidReason::GbMalformed,
                ..
            })
        ));
    }
}
