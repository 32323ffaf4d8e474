//! Property tests of the Person Name split: any bytes under any (0008,0005) give one name
//! per value, in order, whose groups and components lie inside it, tile it between the
//! delimiters, and whose counts never exceed what the bytes can hold.

use lint_core::charset::{SpecificCharacterSet, TextKind, value_count};
use lint_core::pn::{MAX_COMPONENTS, MAX_GROUPS, names};
use proptest::prelude::*;

const SETS: [&[u8]; 8] = [
    b"",
    b"ISO_IR 100",
    b"ISO_IR 13",
    b"\\ISO 2022 IR 87",
    b"ISO 2022 IR 13\\ISO 2022 IR 87\\ISO 2022 IR 159",
    b"\\ISO 2022 IR 149",
    b"ISO_IR 192",
    b"GB18030",
];

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            any::<u8>(),
            Just(0x1B),
            Just(b'\\'),
            Just(b'^'),
            Just(b'='),
            Just(b' '),
            Just(b'$'),
            Just(b'B'),
            Just(b'('),
            0x21u8..0x7F,
            0xA1u8..0xFF,
        ],
        0..200,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn names_tile_the_value(value in bytes(), set in 0..SETS.len()) {
        let cs = SpecificCharacterSet::from_value(SETS[set]);
        let len = value.len() as u64;
        let mut expected_start = 0;
        let mut count = 0;
        let mut last = false;
        for name in names(&value, &cs) {
            prop_assert!(!last, "a name after the last");
            prop_assert_eq!(usize::from(name.index), count);
            prop_assert_eq!(name.span.start, expected_start);
            prop_assert!(name.span.end <= len);
            prop_assert!(name.content_end <= name.span.end);
            let mut at = name.span.start;
            for (i, (_, g)) in name.groups().enumerate() {
                // Groups follow each other, one `=` apart.
                prop_assert_eq!(g.span.start, if i == 0 { at } else { at + 1 });
                prop_assert!(name.span.contains(g.span));
                prop_assert!(g.content().end >= g.span.start);
                prop_assert!(u64::from(g.chars) <= g.span.len());
                prop_assert!(g.letters <= g.chars);
                for c in g.components.iter().take(usize::from(g.component_count).min(MAX_COMPONENTS)) {
                    prop_assert!(g.span.contains(*c));
                }
                for s in [g.first_escape, g.inner_space, g.spaced_ideographs, g.outside_alphabetic]
                    .into_iter()
                    .flatten()
                {
                    prop_assert!(g.span.contains(s));
                }
                at = g.span.end;
            }
            if usize::from(name.group_count) <= MAX_GROUPS {
                prop_assert_eq!(at, name.span.end);
            }
            if let Some(t) = name.trailing {
                prop_assert!(name.span.contains(t));
            }
            expected_start = name.span.end + 1;
            count += 1;
            last = name.last;
        }
        prop_assert!(last);
        prop_assert_eq!(count, value_count(&value, &cs, TextKind::PersonName).max(1));
    }
}
