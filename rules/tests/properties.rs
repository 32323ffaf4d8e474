//! Property tests: whatever the bytes of a text value and of (0008,0005), every rule runs
//! to the end without panicking, and reports each finding inside the stream.

use lint_core::{ByteSpan, Vr};
use lint_rules::{Finding, Selection, lint_bytes};
use proptest::prelude::*;

const TERMS: &[&[u8]] = &[
    b"",
    b"ISO_IR 100",
    b"ISO_IR 13",
    b"\\ISO 2022 IR 87",
    b"ISO 2022 IR 13\\ISO 2022 IR 87",
    b"ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159",
    b"\\ISO 2022 IR 149",
    b"\\ISO 2022 IR 58",
    b"ISO 2022 IR 100\\ISO 2022 IR 126",
    b"ISO_IR 192",
    b"GB18030",
    b"GBK",
    b"ISO_IR 166",
    b"iso-ir 100",
    b"\\\\",
];

const VRS: &[Vr] = &[
    Vr::PN,
    Vr::LO,
    Vr::SH,
    Vr::LT,
    Vr::ST,
    Vr::UT,
    Vr::UC,
    Vr::CS,
    Vr::AE,
    Vr::DA,
    Vr::UI,
    Vr::UR,
];

fn element(out: &mut Vec<u8>, group: u16, elem: u16, vr: Vr, value: &[u8]) {
    let mut value = value.to_vec();
    if value.len() % 2 == 1 {
        value.push(vr.padding());
    }
    out.extend_from_slice(&group.to_le_bytes());
    out.extend_from_slice(&elem.to_le_bytes());
    out.extend_from_slice(&vr.code());
    if matches!(vr, Vr::UT | Vr::UC | Vr::UR) {
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&(value.len() as u32).to_le_bytes());
    } else {
        out.extend_from_slice(&(value.len() as u16).to_le_bytes());
    }
    out.extend_from_slice(&value);
}

fn stream(charset: &[u8], vr: Vr, value: &[u8], in_item: bool) -> Vec<u8> {
    let mut out = vec![0; 128];
    out.extend_from_slice(b"DICM");
    element(&mut out, 2, 0x10, Vr::UI, b"1.2.840.10008.1.2.1");
    element(&mut out, 8, 5, Vr::CS, charset);
    if in_item {
        let mut item = Vec::new();
        element(&mut item, 8, 5, Vr::CS, charset);
        element(&mut item, 0x10, 0x10, vr, value);
        out.extend_from_slice(&[0x08, 0, 0x15, 0x11, b'S', b'Q', 0, 0]);
        out.extend_from_slice(&(item.len() as u32 + 8).to_le_bytes());
        out.extend_from_slice(&[0xFE, 0xFF, 0x00, 0xE0]);
        out.extend_from_slice(&(item.len() as u32).to_le_bytes());
        out.extend_from_slice(&item);
    } else {
        element(&mut out, 0x10, 0x10, vr, value);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn any_text_value_is_linted_to_the_end(
        term in 0..TERMS.len(),
        vr in 0..VRS.len(),
        in_item: bool,
        // Bytes biased towards the interesting ones: ESC, delimiters, GR, controls.
        value in proptest::collection::vec(
            prop_oneof![
                any::<u8>(),
                Just(0x1Bu8), Just(b'$'), Just(b'('), Just(b')'), Just(b'B'), Just(b'J'),
                Just(b'\\'), Just(b'^'), Just(b'='), Just(0x0Du8), Just(0x0Au8),
                0xA1u8..=0xFE, 0x21u8..=0x7E,
            ],
            0..200,
        ),
    ) {
        let bytes = stream(TERMS[term], VRS[vr], &value, in_item);
        let whole = ByteSpan::new(0, bytes.len() as u64);
        let mut count = 0usize;
        let mut sink = |f: &Finding<'_>| {
            count += 1;
            if let Some(span) = f.span {
                assert!(whole.contains(span), "{} at {span}", f.rule.id);
            }
            // Messages render without panicking.
            let _ = f.message.to_string();
        };
        lint_bytes(&bytes, Selection::all(), &mut sink);
        // Each rule reports at most once per value: the count stays small.
        prop_assert!(count < 100, "{count} findings");
    }
}
