//! Differential tests: the scanner and [`super::reference`] (the scanner before the
//! throughput work) must yield the same token sequence for every input, every character
//! set and every text kind. The fast paths only change how a run is found, never what is
//! reported, and these tests are what proves it.
//!
//! Inputs come from three sources:
//!
//! * random bytes, biased towards the bytes the state machine looks at;
//! * random concatenations of fragments: every escape sequence (DICOM, unknown,
//!   truncated), runs of 94×94 pairs in GL and GR (assigned or not), ASCII runs of every
//!   length around the 8/16/32-byte chunk sizes, delimiters, controls, UTF-8 characters of
//!   every length and every kind of ill-formed UTF-8, GB 18030 forms;
//! * exhaustive sweeps: every 94×94 pair of every double-byte set (in G0 and G1, inside a
//!   run), and every pair of bytes after the prefixes that change the state.
//!
//! The crate is `no_std` even under test, so nothing is collected: the two token streams
//! are compared as they are produced.

use super::reference::reference_scan;
use super::{TextKind, Token, scan};
use crate::charset::SpecificCharacterSet;
use proptest::prelude::*;
use proptest::std_facade::Vec;

/// (0008,0005) values covering every Defined Term, the ISO 2022 combinations, and invalid
/// mixtures (a stand-alone term with others, an unknown term).
const SETS: &[&[u8]] = &[
    b"",
    b"ISO_IR 6",
    b"ISO_IR 100",
    b"ISO_IR 101",
    b"ISO_IR 109",
    b"ISO_IR 110",
    b"ISO_IR 144",
    b"ISO_IR 127",
    b"ISO_IR 126",
    b"ISO_IR 138",
    b"ISO_IR 148",
    b"ISO_IR 203",
    b"ISO_IR 13",
    b"ISO_IR 166",
    b"ISO 2022 IR 6",
    b"ISO 2022 IR 100",
    b"ISO 2022 IR 101",
    b"ISO 2022 IR 109",
    b"ISO 2022 IR 110",
    b"ISO 2022 IR 144",
    b"ISO 2022 IR 127",
    b"ISO 2022 IR 126",
    b"ISO 2022 IR 138",
    b"ISO 2022 IR 148",
    b"ISO 2022 IR 203",
    b"ISO 2022 IR 13",
    b"ISO 2022 IR 166",
    b"\\ISO 2022 IR 87",
    b"ISO 2022 IR 87",
    b"\\ISO 2022 IR 159",
    b"\\ISO 2022 IR 149",
    b"\\ISO 2022 IR 58",
    b"ISO 2022 IR 13\\ISO 2022 IR 87",
    b"ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159",
    b"ISO 2022 IR 13\\ISO 2022 IR 87\\ISO 2022 IR 159",
    b"ISO 2022 IR 100\\ISO 2022 IR 126\\ISO 2022 IR 166",
    b"ISO 2022 IR 100\\ISO 2022 IR 87",
    b"\\ISO 2022 IR 149\\ISO 2022 IR 58",
    b"ISO_IR 192",
    b"GB18030",
    b"GBK",
    b"ISO_IR 192\\ISO 2022 IR 87",
    b"GB18030\\ISO 2022 IR 58",
    b"WINDOWS-31J",
    b"ISO_IR 100\\ISO_IR 192",
];

/// The scanner reads the encoding and value-1 state the set cached when it was built (the
/// reference scanner too): they must be what the values give, for every set used here,
/// the absent one and every list of one or two terms.
#[test]
fn cached_encoding_and_initial_state() {
    use crate::charset::DefinedTerm;
    let check = |cs: &SpecificCharacterSet| {
        assert_eq!(cs.encoding(), cs.compute_encoding(), "{cs:?}");
        assert_eq!(cs.initial_state(), cs.compute_initial_state(), "{cs:?}");
    };
    assert!(SETS.len() >= 45);
    for set in SETS {
        check(&SpecificCharacterSet::from_value(set));
    }
    check(&SpecificCharacterSet::ABSENT);
    check(&SpecificCharacterSet::default());
    let terms = DefinedTerm::ALL.map(Some);
    for a in terms.iter().chain([&None]) {
        check(&SpecificCharacterSet::from_terms(&[*a]));
        for b in terms.iter().chain([&None]) {
            check(&SpecificCharacterSet::from_terms(&[*a, *b]));
        }
    }
}

const KINDS: [TextKind; 4] = [
    TextKind::MultiValued,
    TextKind::FreeText,
    TextKind::PersonName,
    TextKind::NoExtensions,
];

/// Compares the two scanners on `value`, token by token, through `next` and through
/// `for_each_token` (which has a loop of its own for UTF-8 free text); the first
/// difference as an error.
fn same(value: &[u8], cs: &SpecificCharacterSet, kind: TextKind) -> Result<(), TestCaseError> {
    let mut old = reference_scan(value, cs, kind);
    let (mut i, mut first_difference) = (0usize, None);
    scan(value, cs, kind).for_each_token(|token| {
        let expected = old.next();
        if first_difference.is_none() && expected != Some(token) {
            first_difference = Some((i, token, expected));
        }
        i += 1;
    });
    let rest = old.next();
    prop_assert!(
        first_difference.is_none() && rest.is_none(),
        "for_each_token: {:?} (token, expected) differs, or the reference goes on with {:?}, for {:02X?} under {:?} ({:?})",
        first_difference,
        rest,
        value,
        cs,
        kind
    );
    let mut new = scan(value, cs, kind);
    let mut old = reference_scan(value, cs, kind);
    let mut i = 0usize;
    loop {
        let (a, b): (Option<Token>, Option<Token>) = (new.next(), old.next());
        prop_assert_eq!(
            a,
            b,
            "token {} differs for {:02X?} under {:?} ({:?})",
            i,
            value,
            cs,
            kind
        );
        if a.is_none() {
            return Ok(());
        }
        i += 1;
    }
}

/// [`same`] for plain tests: fails the test with the input when the scanners differ.
fn assert_same(value: &[u8], cs: &SpecificCharacterSet, kind: TextKind) {
    let result = same(value, cs, kind);
    assert!(
        result.is_ok(),
        "{result:?}: {value:02X?} under {cs:?} ({kind:?})"
    );
}

fn same_everywhere(value: &[u8]) -> Result<(), TestCaseError> {
    for set in SETS {
        let cs = SpecificCharacterSet::from_value(set);
        for kind in KINDS {
            same(value, &cs, kind)?;
        }
    }
    Ok(())
}

/// Bytes biased towards the ones the state machine looks at.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        4 => any::<u8>(),
        1 => Just(0x1Bu8),
        1 => prop::sample::select(&b"\\^=$()B \r\n\t\x0c\x7f"[..]),
        2 => 0x21u8..0x7F,
        2 => 0x80u8..0xC0,
        2 => 0xC0u8..0xFF,
    ]
}

/// One piece of text: a fragment a real or a broken value is made of.
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    let escapes: &[&[u8]] = &[
        b"\x1b(B",
        b"\x1b(J",
        b"\x1b)I",
        b"\x1b-A",
        b"\x1b-B",
        b"\x1b-C",
        b"\x1b-D",
        b"\x1b-F",
        b"\x1b-G",
        b"\x1b-H",
        b"\x1b-L",
        b"\x1b-M",
        b"\x1b-T",
        b"\x1b-b",
        b"\x1b$B",
        b"\x1b$(D",
        b"\x1b$)C",
        b"\x1b$)A",
        b"\x1b$@",
        b"\x1b(I",
        b"\x1bN",
        b"\x1b$",
        b"\x1b$(",
        b"\x1b",
        b"\x1b$\x80",
    ];
    let small: &[&[u8]] = &[
        b"\\",
        b"^",
        b"=",
        b" ",
        b"\r\n",
        b"\t",
        b"\x0c",
        b"\x00",
        b"\x7f",
        // Ill-formed UTF-8 of every kind, and C1 code points.
        b"\xc2\x80",
        b"\xc2\x9f",
        b"\xc2\xa0",
        b"\xc0\xaf",
        b"\xc1\xbf",
        b"\xe0\x80\x80",
        b"\xe0\x9f\xbf",
        b"\xed\xa0\x80",
        b"\xed\xbf\xbf",
        b"\xf0\x80\x80\x80",
        b"\xf4\x90\x80\x80",
        b"\xf5\x80\x80\x80",
        b"\xf8",
        b"\xff",
        b"\x80",
        b"\xbf",
        b"\xe5\xb1",
        b"\xf0\x9f\x98",
        b"\xe5",
        // GB 18030 four-byte forms, mapped and not.
        b"\x81\x30\x81\x30",
        b"\x84\x31\xa4\x39",
        b"\x90\x30\x81\x30",
        b"\xfe\x39\xfe\x39",
        b"\x81\x5c",
    ];
    prop_oneof![
        3 => prop::sample::select(escapes).prop_map(<[u8]>::to_vec),
        3 => prop::sample::select(small).prop_map(<[u8]>::to_vec),
        // ASCII runs around the chunk sizes.
        3 => prop::collection::vec(0x20u8..0x7F, 0..70),
        2 => prop::collection::vec(prop::sample::select(&b"abcXYZ 0129.,-/"[..]), 1..40),
        // 94×94 pairs in GL (mostly assigned: rows 16–47 of every set are full).
        3 => prop::collection::vec((0x30u8..0x50, 0x21u8..0x7F), 1..40)
            .prop_map(|v| v.into_iter().flat_map(|(a, b)| [a, b]).collect()),
        2 => prop::collection::vec((0x21u8..0x7F, 0x21u8..0x7F), 1..10)
            .prop_map(|v| v.into_iter().flat_map(|(a, b)| [a, b]).collect()),
        // The same in GR.
        2 => prop::collection::vec((0xB0u8..0xD0, 0xA1u8..0xFF), 1..40)
            .prop_map(|v| v.into_iter().flat_map(|(a, b)| [a, b]).collect()),
        1 => prop::collection::vec(0xA0u8..=0xFF, 1..10),
        // UTF-8: characters of every length, in runs.
        4 => prop::collection::vec(any::<char>(), 1..30).prop_map(|v| {
            let mut out = Vec::new();
            let mut buf = [0u8; 4];
            for c in v {
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            out
        }),
        3 => prop::collection::vec(
            prop::sample::select(&['a', 'é', 'ß', '山', '田', 'や', '€', '😀', '\u{a0}', '\u{7ff}', '\u{800}', '\u{ffff}', '\u{10000}', '\u{10ffff}'][..]),
            1..40
        )
        .prop_map(|v| {
            let mut out = Vec::new();
            let mut buf = [0u8; 4];
            for c in v {
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            out
        }),
    ]
}

/// More fragments (`prop_oneof!` takes ten arms without an allocator in scope).
fn fragment_more() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        // GB 18030 / GBK two-byte forms.
        2 => prop::collection::vec((0x81u8..0xFF, 0x40u8..0xFF), 1..20)
            .prop_map(|v| v.into_iter().flat_map(|(a, b)| [a, b]).collect()),
        // Anything.
        2 => prop::collection::vec(byte(), 1..8),
    ]
}

fn fragments() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop_oneof![4 => fragment(), 1 => fragment_more()], 0..24)
        .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(value in prop::collection::vec(byte(), 0..300)) {
        same_everywhere(&value)?;
    }

    #[test]
    fn random_fragments(value in fragments()) {
        same_everywhere(&value)?;
    }
}

/// Every 94×94 pair of every double-byte set, in G0 and in G1, alone and between two
/// assigned pairs (where a fast path would be inside a run).
#[test]
fn every_double_byte_pair() {
    let cases: [(&[u8], &[u8], &[u8]); 4] = [
        (b"\\ISO 2022 IR 87", b"\x1b$B", b"\x1b(B"),
        (b"\\ISO 2022 IR 159", b"\x1b$(D", b"\x1b(B"),
        (b"\\ISO 2022 IR 149", b"\x1b$)C", b""),
        (b"\\ISO 2022 IR 58", b"\x1b$)A", b""),
    ];
    for (term, esc, back) in cases {
        let cs = SpecificCharacterSet::from_value(term);
        let high = back.is_empty();
        let mut buf = [0u8; 32];
        for a in 0x20u8..=0x7F {
            for c in 0x20u8..=0x7F {
                let (a, c, fill) = if high {
                    (a | 0x80, c | 0x80, 0xB0)
                } else {
                    (a, c, 0x30)
                };
                for (before, after) in [(0usize, 0usize), (2, 2), (10, 6), (1, 0)] {
                    let mut n = 0;
                    for &x in esc {
                        buf[n] = x;
                        n += 1;
                    }
                    for _ in 0..before {
                        buf[n] = fill;
                        n += 1;
                    }
                    buf[n] = a;
                    buf[n + 1] = c;
                    n += 2;
                    for _ in 0..after {
                        buf[n] = fill;
                        n += 1;
                    }
                    for &x in back {
                        buf[n] = x;
                        n += 1;
                    }
                    for kind in [TextKind::FreeText, TextKind::PersonName] {
                        assert_same(&buf[..n], &cs, kind);
                    }
                }
            }
        }
    }
}

/// Every pair of bytes after each prefix that changes the state, at the end of the value
/// and followed by more text (the last bytes of a value take other paths than the middle).
#[test]
fn every_byte_pair_after_each_state() {
    let prefixes: &[&[u8]] = &[
        b"",
        b"\x1b$B",
        b"\x1b$)C",
        b"\x1b-A",
        b"abcdefg",
        "山田太郎".as_bytes(),
    ];
    let suffixes: &[&[u8]] = &[b"", "A\u{5c71}bcdefgh".as_bytes()];
    let sets: &[&[u8]] = &[
        b"",
        b"ISO_IR 100",
        b"ISO 2022 IR 13\\ISO 2022 IR 87",
        b"\\ISO 2022 IR 149",
        b"ISO_IR 192",
        b"GB18030",
    ];
    let mut buf = [0u8; 32];
    for set in sets {
        let cs = SpecificCharacterSet::from_value(set);
        for prefix in prefixes {
            let n = prefix.len();
            buf[..n].copy_from_slice(prefix);
            for suffix in suffixes {
                let end = n + 2 + suffix.len();
                buf[n + 2..end].copy_from_slice(suffix);
                for a in 0..=255u8 {
                    for c in 0..=255u8 {
                        buf[n] = a;
                        buf[n + 1] = c;
                        for kind in [TextKind::FreeText, TextKind::PersonName] {
                            assert_same(&buf[..end], &cs, kind);
                        }
                    }
                }
            }
        }
    }
}

/// Long UTF-8 runs after every byte ≥ `80` and a continuation or ASCII byte: the chunked
/// search reads the bytes before a run as context, which must never let a stray
/// continuation byte into it (`F8 80`, `E5 B1 80`…), and after every length of run so that
/// each chunk boundary cuts a character.
#[test]
fn utf8_runs_after_stray_bytes() {
    let utf8 = SpecificCharacterSet::from_value(b"ISO_IR 192");
    let text = "山田太郎é€😀 abc やまだ たろう\u{a0}ÿ".as_bytes();
    let mut buf = [0u8; 96];
    for x in 0x80..=0xFFu8 {
        for y in [0x80u8, 0x9F, 0xA0, 0xBF, b'A', b'\r'] {
            for z in [0x80u8, b'a'] {
                for cut in 20..text.len() {
                    let mut n = 0;
                    for &b in [b'a', x, y, z].iter().chain(&text[..cut]) {
                        buf[n] = b;
                        n += 1;
                    }
                    for tail in [&b""[..], b"\r\n", b"\xc2\x85", b"\xe5"] {
                        buf[n..n + tail.len()].copy_from_slice(tail);
                        let end = n + tail.len();
                        for kind in KINDS {
                            assert_same(&buf[..end], &utf8, kind);
                        }
                    }
                }
            }
        }
    }
}

/// Every pair of a byte ≥ `80` and any byte, with two continuation bytes after them,
/// inside a long UTF-8 run and at each of the 16 lanes of a chunk (the first three read
/// their context from the chunk before): the chunked test of the second-byte rules
/// (overlong forms, surrogates, above U+10FFFF, C1 controls) must stop the run where
/// character-by-character validation does.
#[test]
fn utf8_every_lead_and_second_byte_in_every_lane() {
    let utf8 = SpecificCharacterSet::from_value(b"ISO_IR 192");
    let text = "山田太郎やまだたろう".as_bytes();
    let mut buf = [0u8; 80];
    for x in 0x80..=0xFFu8 {
        for y in 0..=0xFFu8 {
            for lane in 0..16 {
                // 16 + `lane` ASCII letters (the first 16 are the head `utf8_run` takes, so
                // the chunks start after them), then six whole characters: `x` moves
                // lane by lane.
                let mut n = 0;
                for &b in LETTERS[..16 + lane]
                    .iter()
                    .chain(&text[..18])
                    .chain(&[x, y, 0x80, 0x80])
                {
                    buf[n] = b;
                    n += 1;
                }
                for &b in &text[..12] {
                    buf[n] = b;
                    n += 1;
                }
                for kind in [TextKind::FreeText, TextKind::PersonName] {
                    assert_same(&buf[..n], &utf8, kind);
                }
            }
        }
    }
}

/// ASCII letters that put what follows them at every lane of a chunk.
const LETTERS: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyzABCDEF";

/// Every lead byte with each number of continuation bytes (none to three), then a byte
/// that may or may not continue it, at each of the 16 lanes of a chunk: a character cut by
/// a chunk boundary must be judged with the bytes before the chunk, and a 4-byte lead two
/// or three bytes before a chunk still calls for continuation bytes in it, also when a
/// CR that would end the run follows in the same chunk.
#[test]
fn utf8_cut_characters_in_every_lane() {
    let utf8 = SpecificCharacterSet::from_value(b"ISO_IR 192");
    let text = "山田太郎やまだたろう".as_bytes();
    const AND_CR: &[u8] = "ab\r山田太郎やま".as_bytes();
    let mut buf = [0u8; 80];
    for x in 0xC0..=0xFFu8 {
        for second in [0x8Fu8, 0x90, 0xA0] {
            for conts in 0..=3 {
                for last in [b'a', 0x80, 0xBF, 0xE3, b'\r', b'^'] {
                    for (lane, after) in
                        (0..16).flat_map(|lane| [(lane, &text[..21]), (lane, AND_CR)])
                    {
                        // 16 + `lane` letters (see above) move `x` lane by lane.
                        let mut n = 0;
                        let tail = [second, 0x80, 0x80];
                        for &b in LETTERS[..16 + lane]
                            .iter()
                            .chain(&text[..18])
                            .chain(&[x])
                            .chain(&tail[..conts])
                            .chain(&[last])
                            .chain(after)
                        {
                            buf[n] = b;
                            n += 1;
                        }
                        for kind in [TextKind::FreeText, TextKind::PersonName] {
                            assert_same(&buf[..n], &utf8, kind);
                        }
                    }
                }
            }
        }
    }
}

/// The quick chunk test against the full one, window by window: wherever the full test
/// finds a break, the quick one (with the 4-byte leads before the chunk that the caller
/// adds) must flag the chunk, and, without such leads, at or before the first break; its
/// continuation flags must be the chunk's continuation bytes. Every pair of bytes, and every byte ≥ `C0` with each second byte class and a
/// third byte, at every position of the 19-byte window, on fillers of ASCII, continuation
/// bytes and 3-byte characters.
#[test]
fn utf8_quick_chunk_test_flags_every_break() {
    use super::{FREE, PN, utf8_chunk_breaks, utf8_chunk_quick};
    fn check<const K: u8>(w: &[u8; 19]) {
        let (suspect, conts) = utf8_chunk_quick::<K>(w);
        let far_lead = w[0].max(w[1]) >= 0xF0;
        let breaks = utf8_chunk_breaks::<K>(w);
        if breaks != 0 {
            assert!(suspect != 0 || far_lead, "{w:02x?}");
        }
        // `first_break` takes a flag on a byte that ends the run for the first break: no
        // break comes before the first flag.
        if !far_lead {
            assert!(
                breaks.trailing_zeros() >= suspect.trailing_zeros(),
                "{w:02x?}"
            );
        }
        for (k, &b) in w.iter().skip(3).enumerate() {
            let flag = (conts >> (8 * k)) as u8;
            assert_eq!(flag, u8::from((0x80..0xC0).contains(&b)), "{w:02x?}");
        }
    }
    // MULTI's delimiter is one of PN's.
    fn all(w: &[u8; 19]) {
        check::<FREE>(w);
        check::<PN>(w);
    }
    const STOPS: &[u8] = b"\x00\x09\x0d\x1b\x1f\x7f\\^= a";
    let fillers: [&[u8]; 4] = [b"a", &[0x80], "あ".as_bytes(), "é".as_bytes()];
    for filler in fillers {
        let mut base = [0u8; 19];
        for (k, b) in base.iter_mut().enumerate() {
            *b = filler[k % filler.len()];
        }
        for at in 0..19 {
            for x in 0..=0xFFu8 {
                // After an ASCII byte, the ASCII bytes that matter are the stops.
                let ys = (0..=0xFFu8).filter(|&y| x >= 0x80 || y >= 0x80 || STOPS.contains(&y));
                for y in ys {
                    let mut w = base;
                    w[at] = x;
                    if let Some(b) = w.get_mut(at + 1) {
                        *b = y;
                    }
                    all(&w);
                }
                if x < 0xC0 {
                    continue;
                }
                for y in [0x80u8, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, b'a', 0xE3] {
                    for z in [0x80u8, 0xBF, b'a', b'^', 0xE3] {
                        for t in [0x80u8, b'a'] {
                            let mut w = base;
                            for (k, b) in [x, y, z, t].into_iter().enumerate() {
                                if let Some(slot) = w.get_mut(at + k) {
                                    *slot = b;
                                }
                            }
                            all(&w);
                        }
                    }
                }
            }
        }
    }
}

/// Runs longer than 255 chunks (the continuation bytes of clean chunks are summed lane by
/// lane every 255 chunks): the character count of a 12,000-byte run of 1- to 4-byte
/// characters, whole and with one ill-formed byte at several places.
#[test]
fn utf8_runs_longer_than_255_chunks() {
    let utf8 = SpecificCharacterSet::from_value(b"ISO_IR 192");
    let piece = "ab山田é😀やまだ€z".as_bytes();
    let mut buf = [0u8; 12_000];
    for (b, &p) in buf.iter_mut().zip(piece.iter().cycle()) {
        *b = p;
    }
    // Whole characters only: cut after the last complete piece.
    let whole = buf.len() / piece.len() * piece.len();
    let text = core::str::from_utf8(&buf[..whole]);
    assert!(text.is_ok());
    let count = text.map_or(0, |t| t.chars().count());
    let mut chars = None;
    scan(&buf[..whole], &utf8, TextKind::FreeText).for_each_token(|t| {
        if let Token::Text { chars: n, span, .. } = t {
            chars = Some((n, span.len()));
        }
    });
    assert_eq!(chars, Some((count, whole as u64)));
    for kind in KINDS {
        assert_same(&buf[..whole], &utf8, kind);
    }
    for at in [4_079, 4_080, 4_096, 8_160, 8_161, 11_000] {
        let mut bad = buf;
        bad[at] = 0xFF;
        for kind in [TextKind::FreeText, TextKind::PersonName] {
            assert_same(&bad[..whole], &utf8, kind);
        }
    }
}
