//! Property tests: any bytes under any (0008,0005) and any text kind are scanned without
//! panic, in at most `len + 1` tokens that tile the value, and (0008,0005) parsing never
//! panics either.

use lint_core::charset::*;
use proptest::prelude::*;

const SETS: [&[u8]; 12] = [
    b"",
    b"ISO_IR 100",
    b"ISO_IR 13",
    b"\\ISO 2022 IR 87",
    b"ISO 2022 IR 13\\ISO 2022 IR 87\\ISO 2022 IR 159",
    b"\\ISO 2022 IR 149",
    b"\\ISO 2022 IR 58",
    b"ISO 2022 IR 100\\ISO 2022 IR 126\\ISO 2022 IR 166",
    b"ISO_IR 192",
    b"GB18030",
    b"GBK",
    b"WINDOWS-31J",
];

const KINDS: [TextKind; 4] = [
    TextKind::MultiValued,
    TextKind::FreeText,
    TextKind::PersonName,
    TextKind::NoExtensions,
];

/// Bytes biased towards the interesting ones: ESC, delimiters, GR, controls.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            any::<u8>(),
            Just(0x1B),
            Just(b'\\'),
            Just(b'^'),
            Just(b'='),
            Just(b'$'),
            Just(b'('),
            Just(b')'),
            Just(b'B'),
            0x21u8..0x7F,
            0xA1u8..0xFF,
        ],
        0..200,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn scanning_terminates_and_tiles(value in bytes(), set in 0..SETS.len(), kind in 0..KINDS.len()) {
        let cs = SpecificCharacterSet::from_value(SETS[set]);
        let mut at = 0u64;
        let mut n = 0;
        for tok in scan(&value, &cs, KINDS[kind]) {
            n += 1;
            prop_assert!(n <= value.len() + 1);
            prop_assert_eq!(tok.span().start, at);
            at = tok.span().end;
            if let Token::Text { set, span, chars } = tok {
                let run = &value[span.start as usize..span.end as usize];
                prop_assert_eq!(characters(set, run).count(), chars);
                for ch in characters(set, run) {
                    let _ = script_of(set, ch);
                }
            }
        }
        prop_assert_eq!(at, value.len() as u64);
        let _ = value_count(&value, &cs, KINDS[kind]);
        #[cfg(feature = "decode")]
        {
            let mut s = String::new();
            decode::write_text(&value, &cs, KINDS[kind], &mut s).unwrap();
        }
    }

    #[test]
    fn random_specific_character_sets(value in bytes()) {
        let cs = SpecificCharacterSet::from_value(&value);
        let _ = cs.check().count();
        let _ = cs.initial_state();
        for v in parse_values(&value) {
            prop_assert!(v.span.end as usize <= value.len());
        }
        let text = b"\x1b$B;3ED\x1b(B^\xa1\xa1\xe5\xb1\xb1";
        prop_assert!(scan(text, &cs, TextKind::PersonName).count() <= text.len() + 1);
    }
}
