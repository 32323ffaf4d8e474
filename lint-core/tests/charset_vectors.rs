//! The character-set test vectors of dicom-rules.md §9 (TV-01 … TV-84, those about
//! (0008,0005), escape sequences and byte validity), checked as the facts the scanner
//! reports: the verdicts themselves belong to the rules crate. TV-01 … TV-07 are the
//! standard's PS3.5 Annex H, I, J, K examples and pydicom's JIS X 0212 example.

use lint_core::ByteSpan;
use lint_core::charset::*;

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .map(|h| u8::from_str_radix(h, 16).unwrap())
        .collect()
}

fn tokens(cs: &str, kind: TextKind, bytes: &[u8]) -> Vec<Token> {
    let cs = if cs == "(absent)" {
        SpecificCharacterSet::ABSENT
    } else {
        SpecificCharacterSet::from_value(cs.as_bytes())
    };
    let t: Vec<Token> = scan(bytes, &cs, kind).collect();
    // Tokens tile the value exactly and End comes last.
    let mut at = 0;
    for tok in &t {
        assert_eq!(tok.span().start, at, "{t:?}");
        at = tok.span().end;
    }
    assert_eq!(at, bytes.len() as u64);
    assert!(matches!(t.last(), Some(Token::End { .. })));
    t
}

/// The facts every "valid" vector must show: no invalid byte, every escape declared,
/// value-1 G0 at every delimiter/control and at the end (trailing pad excluded: the pad
/// follows a reset or the return).
fn assert_valid(cs: &str, kind: TextKind, bytes: &[u8]) -> Vec<Token> {
    let set = SpecificCharacterSet::from_value(cs.as_bytes());
    let initial = set.initial_state();
    let t = tokens(cs, kind, bytes);
    for tok in &t {
        match *tok {
            Token::Invalid { .. } | Token::Space { .. } => panic!("{cs} {tok:?}"),
            Token::Escape { status, .. } => assert_eq!(status, EscapeStatus::Declared, "{tok:?}"),
            Token::Delimiter { before, .. } | Token::Control { before, .. } => {
                assert_eq!(before.g0, initial.g0, "{tok:?}");
            }
            Token::End { state, .. } => assert_eq!(state.g0, initial.g0),
            Token::Text { .. } => {}
        }
    }
    t
}

fn invalid(t: &[Token]) -> Vec<(InvalidReason, ByteSpan)> {
    t.iter()
        .filter_map(|t| match *t {
            Token::Invalid { reason, span, .. } => Some((reason, span)),
            _ => None,
        })
        .collect()
}

fn escapes(t: &[Token]) -> Vec<(Escape, EscapeStatus)> {
    t.iter()
        .filter_map(|t| match *t {
            Token::Escape { escape, status, .. } => Some((escape, status)),
            _ => None,
        })
        .collect()
}

fn end_state(t: &[Token]) -> CodeState {
    match t.last() {
        Some(Token::End { state, .. }) => *state,
        _ => panic!("no end"),
    }
}

fn delimiters(t: &[Token], kind: DelimiterKind) -> usize {
    t.iter()
        .filter(|t| matches!(t, Token::Delimiter { kind: k, .. } if *k == kind))
        .count()
}

fn chars(t: &[Token]) -> usize {
    t.iter()
        .map(|t| match t {
            Token::Text { chars, .. } => *chars,
            Token::Delimiter { .. } | Token::Space { .. } => 1,
            _ => 0,
        })
        .sum()
}

const PN: TextKind = TextKind::PersonName;
const LO: TextKind = TextKind::MultiValued;
const LT: TextKind = TextKind::FreeText;

const TV01: &str = "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42 3D 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42";
const TV02: &str = "D4 CF C0 DE 5E C0 DB B3 3D 1B 24 42 3B 33 45 44 1B 28 4A 5E 1B 24 42 42 40 4F 3A 1B 28 4A 3D 1B 24 42 24 64 24 5E 24 40 1B 28 4A 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 4A";
const TV03: &str = "48 6F 6E 67 5E 47 69 6C 64 6F 6E 67 3D 1B 24 29 43 FB F3 5E 1B 24 29 43 D1 CE D4 D7 3D 1B 24 29 43 C8 AB 5E 1B 24 29 43 B1 E6 B5 BF";
const TV04: &str = "57 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D E7 8E 8B 5E E5 B0 8F E6 9D B1 3D";
const TV05: &str = "57 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D CD F5 5E D0 A1 B6 AB 3D";
const TV06: &str = "5A 68 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D 1B 24 29 41 D5 C5 5E 1B 24 29 41 D0 A1 B6 AB 3D 20";
const TV07: &str = "4D 6F 72 69 5E 4F 67 61 69 3D 1B 24 42 3F 39 1B 28 42 5E 1B 24 28 44 6C 3F 1B 24 42 33 30 1B 28 42 3D 1B 24 42 24 62 24 6A 1B 28 42 5E 1B 24 42 24 2A 24 26 24 2C 24 24 1B 28 42";

#[test]
fn tv01_to_tv07_annex_examples_are_valid() {
    for (cs, v) in [
        ("\\ISO 2022 IR 87", TV01),
        ("ISO 2022 IR 13\\ISO 2022 IR 87", TV02),
        ("\\ISO 2022 IR 149", TV03),
        ("ISO_IR 192", TV04),
        ("GB18030", TV05),
        ("\\ISO 2022 IR 58", TV06),
        ("ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159", TV07),
    ] {
        let t = assert_valid(cs, PN, &hex(v));
        assert!(delimiters(&t, DelimiterKind::Group) >= 2, "{cs}");
    }
    // TV-07 uses JIS X 0212 (JP-X0212-USED is a fact: a JisX0212 run).
    let t = tokens(
        "ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159",
        PN,
        &hex(TV07),
    );
    assert!(t.iter().any(|t| matches!(
        t,
        Token::Text {
            set: CodedCharacterSet::JisX0212,
            chars: 1,
            ..
        }
    )));
}

#[test]
fn tv08_to_tv24_valid_vectors() {
    assert_valid("ISO_IR 13", PN, &hex("D4 CF C0 DE 5E C0 DB B3"));
    assert_valid("ISO_IR 100", PN, &hex("42 75 63 5E 4A E9 72 F4 6D 65"));
    assert_valid(
        "ISO_IR 192",
        PN,
        &hex(
            "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D E5 B1 B1 E7 94 B0 5E E5 A4 AA E9 83 8E 3D E3 82 84 E3 81 BE E3 81 A0 5E E3 81 9F E3 82 8D E3 81 86",
        ),
    );
    let t = assert_valid(
        "ISO_IR 192",
        PN,
        &hex(
            "E3 83 A4 E3 83 9E E3 83 80 5E E3 82 BF E3 83 AD E3 82 A6 3D E5 B1 B1 E7 94 B0 5E E5 A4 AA E9 83 8E 3D E3 82 84 E3 81 BE E3 81 A0 5E E3 81 9F E3 82 8D E3 81 86",
        ),
    );
    assert_eq!(chars(&t), 21); // TV-11: 16 characters and 5 delimiters
    // TV-12: re-designation after CR LF.
    let t = assert_valid(
        "\\ISO 2022 IR 87",
        LT,
        &hex(
            "1B 24 42 38 21 3A 3A 1B 28 42 20 4F 4B 0D 0A 1B 24 42 3D 6A 38 2B 24 4A 24 37 1B 28 42",
        ),
    );
    assert_eq!(
        t.iter()
            .filter(|t| matches!(t, Token::Control { .. }))
            .count(),
        2
    );
    assert_valid(
        "\\ISO 2022 IR 87",
        PN,
        &hex(
            "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 3D 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42",
        ),
    );
    assert_valid(
        "\\ISO 2022 IR 87",
        PN,
        &hex("3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42"),
    );
    // TV-15: 宮本, both kanji contain 5C; one value.
    let cs = SpecificCharacterSet::from_value(b"\\ISO 2022 IR 87");
    let miyamoto = hex("1B 24 42 35 5C 4B 5C 1B 28 42");
    assert_valid("\\ISO 2022 IR 87", LO, &miyamoto);
    assert_eq!(value_count(&miyamoto, &cs, LO), 1);
    let t = assert_valid(
        "\\ISO 2022 IR 87",
        PN,
        &hex(
            "4D 69 79 61 6D 6F 74 6F 5E 48 61 6E 61 6B 6F 3D 1B 24 42 35 5C 4B 5C 1B 28 42 5E 1B 24 42 32 56 3B 52 1B 28 42 3D 1B 24 42 24 5F 24 64 24 62 24 48 1B 28 42 5E 1B 24 42 24 4F 24 4A 24 33 1B 28 42",
        ),
    );
    assert_eq!(delimiters(&t, DelimiterKind::Value), 0);
    // TV-17: GBK trail byte 5C.
    let gbk = SpecificCharacterSet::from_value(b"GBK");
    assert_valid("GBK", LO, &hex("81 5C"));
    assert_eq!(value_count(&hex("81 5C"), &gbk, LO), 1);
    assert_valid(
        "\\ISO 2022 IR 149",
        LT,
        &hex(
            "1B 24 29 43 54 68 65 20 66 69 72 73 74 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73 20 C7 D1 B1 DB 2E 0D 0A 1B 24 29 43 54 68 65 20 73 65 63 6F 6E 64 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73 20 C7 D1 B1 DB 2C 20 74 6F 6F 2E 0D 0A 54 68 65 20 74 68 69 72 64 20 6C 69 6E 65",
        ),
    );
    // TV-19: G1 restored to Latin-1 at the end.
    let t = assert_valid(
        "ISO 2022 IR 100\\ISO 2022 IR 126",
        PN,
        &hex("44 69 6F 6E 79 73 69 6F 73 3D 1B 2D 46 C4 E9 EF ED F5 F3 E9 EF F2 1B 2D 41"),
    );
    assert_eq!(
        end_state(&t).g1,
        Some(CodedCharacterSet::Iso8859(Iso8859Part::Latin1))
    );
    assert_valid(
        "\\ISO 2022 IR 13",
        PN,
        &hex("3D 1B 29 49 D4 CF C0 DE 5E 1B 29 49 C0 DB B3"),
    );
    // TV-21: in LO `^` is a character and G1 persists.
    let t = assert_valid(
        "\\ISO 2022 IR 13",
        LO,
        &hex("41 53 43 49 49 2B 1B 29 49 D4 CF C0 DE 5E C0 DB B3"),
    );
    assert_eq!(delimiters(&t, DelimiterKind::Component), 0);
    assert_valid(
        "ISO 2022 IR 13\\ISO 2022 IR 87",
        PN,
        &hex(
            "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 1B 28 4A 5E 1B 24 42 42 40 4F 3A 1B 28 4A 3D D4 CF C0 DE 5E C0 DB B3",
        ),
    );
    assert_valid(
        "\\ISO 2022 IR 87",
        PN,
        &hex(
            "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42",
        ),
    );
    // TV-24: 33 characters in 66 bytes + escapes.
    let mut v = hex("3D 1B 24 42");
    for _ in 0..33 {
        v.extend([0x3B, 0x33]);
    }
    v.extend(hex("1B 28 42"));
    let t = assert_valid("\\ISO 2022 IR 87", PN, &v);
    assert!(t.iter().any(|t| matches!(
        t,
        Token::Text {
            set: CodedCharacterSet::JisX0208,
            chars: 33,
            ..
        }
    )));
}

#[test]
fn tv30_to_tv46_iso2022_faults() {
    // TV-30: G1 not restored.
    let t = tokens(
        "ISO 2022 IR 100\\ISO 2022 IR 126",
        PN,
        &hex("44 69 6F 6E 79 73 69 6F 73 3D 1B 2D 46 C4 E9 EF ED F5 F3 E9 EF F2"),
    );
    assert_eq!(
        end_state(&t).g1,
        Some(CodedCharacterSet::Iso8859(Iso8859Part::Greek))
    );
    assert!(invalid(&t).is_empty());
    // TV-31: an escape before the first `=` (kanji in the alphabetic group).
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex("1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42"),
    );
    assert!(matches!(t[0], Token::Escape { .. }));
    assert_eq!(delimiters(&t, DelimiterKind::Group), 0);
    // TV-32: no return before `^`: the 5E pairs with ESC, so it is an odd byte, no delimiter.
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex("3D 1B 24 42 3B 33 45 44 5E 1B 24 42 42 40 4F 3A 1B 28 42"),
    );
    assert_eq!(invalid(&t), [(InvalidReason::OddByte, ByteSpan::new(8, 9))]);
    assert_eq!(delimiters(&t, DelimiterKind::Component), 0);
    // TV-33: ends in JIS X 0208.
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex("59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44"),
    );
    assert_eq!(end_state(&t).g0, CodedCharacterSet::JisX0208);
    // TV-34: escape under a single-valued term.
    let t = tokens("ISO_IR 100", LO, &hex("1B 24 42 3B 33 45 44 1B 28 42"));
    assert!(escapes(&t).iter().all(|e| e.1 == EscapeStatus::NotAllowed));
    // TV-35: ESC $ ( D undeclared; 鷗 still read as JIS X 0212.
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex(
            "4D 6F 72 69 5E 4F 67 61 69 3D 1B 24 42 3F 39 1B 28 42 5E 1B 24 28 44 6C 3F 1B 24 42 33 30 1B 28 42",
        ),
    );
    assert!(escapes(&t).contains(&(
        Escape::Dicom(EscapeSequence::Ir159),
        EscapeStatus::Undeclared
    )));
    assert!(invalid(&t).is_empty());
    // TV-36: returns with ESC ( J although value 1 is IR 6.
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex(
            "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 1B 28 4A 5E 1B 24 42 42 40 4F 3A 1B 28 4A",
        ),
    );
    assert!(escapes(&t).contains(&(
        Escape::Dicom(EscapeSequence::Ir14),
        EscapeStatus::Undeclared
    )));
    assert!(t.iter().any(|t| matches!(t, Token::Delimiter { kind: DelimiterKind::Component, before, .. } if before.g0 == CodedCharacterSet::JisX0201Roman)));
    // TV-37: returns with ESC ( B although value 1 is IR 13.
    let t = tokens(
        "ISO 2022 IR 13\\ISO 2022 IR 87",
        PN,
        &hex(
            "D4 CF C0 DE 5E C0 DB B3 3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42",
        ),
    );
    assert!(escapes(&t).contains(&(Escape::Dicom(EscapeSequence::Ir6), EscapeStatus::Undeclared)));
    // TV-38: Shift_JIS: C1 bytes and GR bytes with G1 undefined.
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex("59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 8E 52 93 63 5E 91 BE 98 59"),
    );
    let r: Vec<_> = invalid(&t).into_iter().map(|i| i.0).collect();
    assert!(r.contains(&InvalidReason::C1) && r.contains(&InvalidReason::GrUndefined));
    // TV-39: EUC-JP: GR with G1 undefined.
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex("59 61 6D 61 64 61 5E 54 61 72 6F 75 3D BB B3 C5 C4 5E C2 C0 CF BA"),
    );
    assert_eq!(
        invalid(&t),
        [
            (InvalidReason::GrUndefined, ByteSpan::new(13, 17)),
            (InvalidReason::GrUndefined, ByteSpan::new(18, 22))
        ]
    );
    // TV-40: JIS X 0208 written in GR (G0 = JIS X 0208, G1 undefined).
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex("59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 BB B3 C5 C4 1B 28 42"),
    );
    assert_eq!(
        invalid(&t),
        [(InvalidReason::GrUndefined, ByteSpan::new(16, 20))]
    );
    // TV-41: odd byte count.
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex("3D 1B 24 42 3B 33 45 1B 28 42"),
    );
    assert_eq!(invalid(&t), [(InvalidReason::OddByte, ByteSpan::new(6, 7))]);
    // TV-42: row 9; TV-43: NEC row 13.
    for v in ["3D 1B 24 42 29 21 1B 28 42", "3D 1B 24 42 2D 21 1B 28 42"] {
        let t = tokens("\\ISO 2022 IR 87", PN, &hex(v));
        assert_eq!(
            invalid(&t),
            [(InvalidReason::Unassigned, ByteSpan::new(4, 6))]
        );
    }
    // TV-44, TV-45: CR LF / TAB in double-byte mode; afterwards ASCII "=j8+".
    for (v, ctrl) in [
        ("1B 24 42 38 21 3A 3A 0D 0A 3D 6A 38 2B 1B 28 42", 0x0D),
        ("1B 24 42 38 21 3A 3A 09 3D 6A 38 2B 1B 28 42", 0x09),
    ] {
        let t = tokens("\\ISO 2022 IR 87", LT, &hex(v));
        assert!(t.iter().any(|t| matches!(t, Token::Control { byte, before, .. } if *byte == ctrl && before.g0 == CodedCharacterSet::JisX0208)));
        assert!(t.iter().any(|t| matches!(
            t,
            Token::Text {
                set: CodedCharacterSet::Ascii,
                chars: 4,
                ..
            }
        )));
    }
    // TV-46: SPACE in double-byte mode.
    let t = tokens(
        "\\ISO 2022 IR 87",
        PN,
        &hex("3D 1B 24 42 3B 33 20 45 44 1B 28 42"),
    );
    assert!(
        t.iter()
            .any(|t| matches!(t, Token::Space { span } if *span == ByteSpan::new(6, 7)))
    );
    assert!(invalid(&t).is_empty());
}

#[test]
fn tv47_to_tv59_byte_faults() {
    // TV-47 / TV-49: UTF-8 kanji / half-width katakana in the alphabetic group (script facts).
    let v = hex("E5 B1 B1 E7 94 B0 5E E5 A4 AA E9 83 8E");
    let t = assert_valid("ISO_IR 192", PN, &v);
    let Token::Text { set, span, .. } = t[0] else {
        panic!()
    };
    let first = characters(set, &v[span.start as usize..span.end as usize])
        .next()
        .unwrap();
    assert_eq!(script_of(set, first), Script::Han);
    let v = hex("EF BE 94 EF BE 8F EF BE 80 EF BE 9E 5E EF BE 80 EF BE 9B EF BD B3");
    assert_valid("ISO_IR 192", PN, &v);
    assert_eq!(
        script_of(CodedCharacterSet::Utf8, &v[..3]),
        Script::HalfwidthKatakana
    );
    // TV-48: overlong; TV-50: surrogate.
    let t = tokens("ISO_IR 192", PN, &hex("42 75 63 5E 4A C1 A9 72 6F 6D 65"));
    assert_eq!(
        invalid(&t),
        [(InvalidReason::Utf8Overlong, ByteSpan::new(5, 7))]
    );
    let t = tokens("ISO_IR 192", LO, &hex("41 ED A0 80 42"));
    assert_eq!(
        invalid(&t),
        [(InvalidReason::Utf8Surrogate, ByteSpan::new(1, 4))]
    );
    // TV-51: no ESC ) I after `^`: GR with G1 undefined.
    let t = tokens(
        "\\ISO 2022 IR 13",
        PN,
        &hex("3D 1B 29 49 D4 CF C0 DE 5E C0 DB B3"),
    );
    assert_eq!(
        invalid(&t),
        [(InvalidReason::GrUndefined, ByteSpan::new(9, 12))]
    );
    // TV-52: same bytes as TV-21 but PN.
    let t = tokens(
        "\\ISO 2022 IR 13",
        PN,
        &hex("41 53 43 49 49 2B 1B 29 49 D4 CF C0 DE 5E C0 DB B3"),
    );
    assert_eq!(
        invalid(&t),
        [(InvalidReason::GrUndefined, ByteSpan::new(14, 17))]
    );
    // TV-53: no (0008,0005), 8-bit bytes.
    let t = tokens("(absent)", PN, &hex("42 75 63 5E 4A E9 72 F4 6D 65"));
    assert_eq!(
        invalid(&t),
        [
            (InvalidReason::EightBitIn7Bit, ByteSpan::new(5, 6)),
            (InvalidReason::EightBitIn7Bit, ByteSpan::new(7, 8))
        ]
    );
    // TV-54: C1.
    let t = tokens("ISO_IR 100", LO, &hex("41 42 43 85 44 45 46"));
    assert_eq!(invalid(&t), [(InvalidReason::C1, ByteSpan::new(3, 4))]);
    // TV-55: JIS X 0201 E0.
    let t = tokens("ISO_IR 13", PN, &hex("D4 CF E0 DE"));
    assert_eq!(
        invalid(&t),
        [(InvalidReason::Unassigned, ByteSpan::new(2, 3))]
    );
    // TV-56, TV-57: not DICOM escapes.
    for (v, span) in [
        ("3D 1B 28 49 54 44 1B 28 42", ByteSpan::new(1, 4)),
        ("3D 1B 24 40 3B 33 45 44 1B 28 42", ByteSpan::new(1, 4)),
    ] {
        let cs = if v.contains("28 49") {
            "\\ISO 2022 IR 13"
        } else {
            "\\ISO 2022 IR 87"
        };
        let t = tokens(cs, PN, &hex(v));
        assert!(
            matches!(t[1], Token::Escape { escape: Escape::Unknown, span: s, .. } if s == span)
        );
    }
    // TV-58: SO / SI.
    let t = tokens("\\ISO 2022 IR 87", LO, &hex("41 42 0E 43 44 0F"));
    let ctrl: Vec<u8> = t
        .iter()
        .filter_map(|t| match t {
            Token::Control { byte, .. } => Some(*byte),
            _ => None,
        })
        .collect();
    assert_eq!(ctrl, [0x0E, 0x0F]);
    // TV-59: second line without ESC $ ) C.
    let t = tokens(
        "\\ISO 2022 IR 149",
        LT,
        &hex(
            "1B 24 29 43 54 68 65 20 66 69 72 73 74 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73 20 C7 D1 B1 DB 2E 0D 0A 54 68 65 20 73 65 63 6F 6E 64 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73 20 C7 D1 B1 DB 2C 20 74 6F 6F 2E",
        ),
    );
    assert_eq!(
        invalid(&t),
        [(InvalidReason::GrUndefined, ByteSpan::new(60, 64))]
    );
}

#[test]
fn tv60_to_tv69_structure_and_vr_facts() {
    let t = assert_valid("", PN, &hex("41 5E 42 5E 43 5E 44 5E 45 5E 46"));
    assert_eq!(delimiters(&t, DelimiterKind::Component), 5);
    let t = assert_valid("", PN, &hex("41 3D 42 3D 43 3D 44"));
    assert_eq!(delimiters(&t, DelimiterKind::Group), 3);
    let t = assert_valid("", PN, &[0x41; 65]);
    assert_eq!(chars(&t), 65);
    let t = assert_valid("", PN, &hex("41 5E 42 5C 43 5E 44"));
    assert_eq!(delimiters(&t, DelimiterKind::Value), 1);
    // TV-64: ideographic space inside the kanji run.
    assert_eq!(
        script_of(CodedCharacterSet::JisX0208, &[0x21, 0x21]),
        Script::IdeographicSpace
    );
    // TV-65: katakana in group 2, kanji in group 3.
    assert_eq!(
        script_of(CodedCharacterSet::JisX0208, &hex("25 64")),
        Script::Katakana
    );
    assert_eq!(
        script_of(CodedCharacterSet::JisX0208, &hex("4B 5C")),
        Script::KanjiLevel1
    );
    // TV-66: ESC in CS.
    let t = tokens(
        "\\ISO 2022 IR 87",
        TextKind::NoExtensions,
        &hex("1B 28 42 43 54"),
    );
    assert!(matches!(
        t[0],
        Token::Escape {
            status: EscapeStatus::NotAllowed,
            ..
        }
    ));
    // TV-68: lone LF; TV-69: NUL.
    let t = tokens("", LT, &hex("41 0A 42"));
    assert!(matches!(t[1], Token::Control { byte: 0x0A, .. }));
    let t = tokens("", LO, &hex("41 42 43 00"));
    assert!(matches!(t[1], Token::Control { byte: 0x00, .. }));
    // A byte ≥ 80 in a VR without code extensions.
    let t = tokens(
        "ISO_IR 100",
        TextKind::NoExtensions,
        &hex("32 30 32 34 8E 52"),
    );
    assert_eq!(
        invalid(&t),
        [(InvalidReason::NotDefaultRepertoire, ByteSpan::new(4, 5))]
    );
}

fn set_issues(v: &str) -> Vec<SetIssue> {
    SpecificCharacterSet::from_value(&hex(v)).check().collect()
}

fn term_issues(v: &str) -> Vec<TermIssue> {
    let bytes = hex(v);
    parse_values(&bytes).flat_map(|t| t.issues.iter()).collect()
}

#[test]
fn tv70_to_tv84_specific_character_set_values() {
    let tv70 = "5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37 20";
    assert!(set_issues(tv70).is_empty());
    assert_eq!(term_issues(tv70), [TermIssue::Empty]); // value 1 empty: allowed
    let tv71 = "49 53 4F 20 32 30 32 32 20 49 52 20 36 5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37 5C 49 53 4F 20 32 30 32 32 20 49 52 20 31 35 39";
    assert!(set_issues(tv71).is_empty() && term_issues(tv71).is_empty());
    assert_eq!(
        set_issues("49 53 4F 20 32 30 32 32 20 49 52 20 38 37"),
        [SetIssue::MultiByteValue1]
    );
    assert_eq!(
        set_issues("49 53 4F 5F 49 52 20 31 39 32 5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37 20"),
        [SetIssue::SingleValueOnlyInMulti { index: 0 }]
    );
    assert_eq!(
        set_issues("49 53 4F 5F 49 52 20 31 33 5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37"),
        [SetIssue::NonIso2022InMulti { index: 0 }]
    );
    assert_eq!(
        set_issues(
            "49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30 5C 49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30 20"
        ),
        [SetIssue::Duplicate { index: 1, first: 0 }]
    );
    let tv76 =
        set_issues("49 53 4F 5F 49 52 20 31 30 30 5C 49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30");
    assert!(
        tv76.contains(&SetIssue::Duplicate { index: 1, first: 0 })
            && tv76.contains(&SetIssue::NonIso2022InMulti { index: 0 })
    );
    assert_eq!(
        term_issues("69 73 6F 5F 69 72 20 31 30 30"),
        [TermIssue::LowerCase]
    );
    assert_eq!(
        term_issues("49 53 4F 2D 49 52 20 31 30 30"),
        [TermIssue::Misspelled]
    );
    assert_eq!(term_issues("49 53 4F 5F 49 52 20 36"), [TermIssue::IsoIr6]);
    assert_eq!(
        set_issues("49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30 20"),
        [SetIssue::Iso2022FormSingle]
    );
    assert_eq!(
        term_issues("20 49 53 4F 5F 49 52 20 31 30 30 20"),
        [TermIssue::LeadingSpace]
    );
    assert_eq!(set_issues("5C 20"), [SetIssue::AllEmpty]);
    let tv83 = hex("55 54 46 2D 38 20");
    let tv83 = parse_values(&tv83).next().unwrap();
    assert_eq!(tv83.term, Some(DefinedTerm::IsoIr192));
    assert!(tv83.issues.contains(TermIssue::Misspelled));
    assert_eq!(
        set_issues(
            "49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30 5C 5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37 20"
        ),
        [SetIssue::EmptyNotFirst { index: 1 }]
    );
    // A misspelled term is used: UTF-8 text is then validated as UTF-8.
    assert_eq!(
        SpecificCharacterSet::from_value(b"UTF-8").encoding(),
        TextEncoding::Utf8
    );
}

#[cfg(feature = "decode")]
#[test]
fn annex_examples_decode() {
    use lint_core::charset::decode::{self, write_text};
    let d = |cs: &str, v: &str| {
        let mut s = String::new();
        write_text(
            &hex(v),
            &SpecificCharacterSet::from_value(cs.as_bytes()),
            PN,
            &mut s,
        )
        .unwrap();
        s
    };
    assert_eq!(
        d("\\ISO 2022 IR 87", TV01),
        "Yamada^Tarou=山田^太郎=やまだ^たろう"
    );
    assert_eq!(
        d("ISO 2022 IR 13\\ISO 2022 IR 87", TV02),
        "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"
    );
    assert_eq!(d("\\ISO 2022 IR 149", TV03), "Hong^Gildong=洪^吉洞=홍^길동");
    assert_eq!(d("ISO_IR 192", TV04), "Wang^XiaoDong=王^小東=");
    assert_eq!(d("GB18030", TV05), "Wang^XiaoDong=王^小东=");
    assert_eq!(d("\\ISO 2022 IR 58", TV06), "Zhang^XiaoDong=张^小东= ");
    assert_eq!(
        d("ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159", TV07),
        "Mori^Ogai=森^鷗外=もり^おうがい"
    );
    assert_eq!(
        d("ISO_IR 100", "42 75 63 5E 4A E9 72 F4 6D 65"),
        "Buc^Jérôme"
    );
    assert_eq!(
        d(
            "ISO 2022 IR 100\\ISO 2022 IR 126",
            "44 69 6F 6E 79 73 69 6F 73 3D 1B 2D 46 C4 E9 EF ED F5 F3 E9 EF F2 1B 2D 41"
        ),
        "Dionysios=Διονυσιος"
    );
    assert_eq!(d("ISO_IR 144", "EB 4E 4A 43 4F 4A 41"), "ыNJCOJA");
    // Invalid bytes are visible.
    assert_eq!(
        d("\\ISO 2022 IR 87", "3D 1B 24 42 29 21 1B 28 42"),
        "=\u{FFFD}"
    );
    // Escapes and invalid bytes arrive as distinct pieces.
    let mut pieces = Vec::new();
    decode::decode(
        &hex("3D 1B 24 42 29 21 1B 28 42"),
        &SpecificCharacterSet::from_value(b"\\ISO 2022 IR 87"),
        PN,
        |p, s| {
            pieces.push((format!("{p:?}"), s));
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(pieces.len(), 4);
    assert!(pieces[1].0.starts_with("Escape"));
    assert!(pieces[2].0.starts_with("Invalid"));
}
