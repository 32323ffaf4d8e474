//! Generator and cross-check of `lint-core/src/charset/tables_data.rs`.
//!
//! The assigned-position tables are derived here from encoding_rs (the WHATWG indexes for
//! jis0208, jis0212, euc-kr, gb18030 and the ISO 8859 single-byte encodings) with the
//! corrections that turn the WHATWG supersets into the sets DICOM names:
//!
//! * JIS X 0208: WHATWG's index is CP932's, so the NEC special characters (row 13) and
//!   NEC-selected IBM extensions (rows 89–92) are removed; JIS X 0208-1990 has no character
//!   in rows 9–15 and 85–94 (dicom-rules.md §3.2).
//! * GB 2312: WHATWG decodes GBK/GB 18030; its GBK additions in the GB 2312 rows are removed
//!   (small Roman numerals `22 21`–`22 2A`, the euro `22 63`, `26 59`–`26 75`, pinyin
//!   `28 3B`–`28 40`) as are the user-defined rows (private-use mappings).
//! * KS X 1001, JIS X 0212: WHATWG's GR×GR positions are the set as is.
//! * ISO 8859-1 and -9: WHATWG maps them to windows-1252/1254, which agree with ISO 8859 on
//!   `A0`–`FF` (all assigned); the other parts are true ISO 8859 in WHATWG. TIS 620 is
//!   windows-874 on `A0`–`FF`.
//!
//! `cargo test -p lint-core --test charset_tables` fails when the committed file differs
//! from what this generates; `DCMLINT_BLESS=1` rewrites it.

use encoding_rs::{DecoderResult, Encoding};
use lint_core::charset::tables::{self, Assignment};
use lint_core::charset::{CodedCharacterSet, Iso8859Part};
use std::fmt::Write as _;

fn decode_one(enc: &'static Encoding, bytes: &[u8]) -> Option<char> {
    let mut d = enc.new_decoder_without_bom_handling();
    let mut out = [0u8; 16];
    let (r, _, w) = d.decode_to_utf8_without_replacement(bytes, &mut out, true);
    if r != DecoderResult::InputEmpty {
        return None;
    }
    let s = std::str::from_utf8(&out[..w]).ok()?;
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

fn is_pua(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Assigned[row 0..94][cell 0..94] of a 94×94 set.
type Grid = Vec<[bool; 94]>;

fn grid(assigned: impl Fn(u8, u8) -> bool) -> Grid {
    (0x21u8..=0x7E)
        .map(|r| {
            let mut row = [false; 94];
            for (i, c) in (0x21u8..=0x7E).enumerate() {
                row[i] = assigned(r, c);
            }
            row
        })
        .collect()
}

fn jis_x_0208() -> Grid {
    grid(|r, c| {
        let row = r - 0x20;
        !(9..=15).contains(&row)
            && !(85..=94).contains(&row)
            && decode_one(encoding_rs::EUC_JP, &[r | 0x80, c | 0x80]).is_some_and(|ch| !is_pua(ch))
    })
}

fn jis_x_0212() -> Grid {
    grid(|r, c| {
        decode_one(encoding_rs::EUC_JP, &[0x8F, r | 0x80, c | 0x80]).is_some_and(|ch| !is_pua(ch))
    })
}

fn ks_x_1001() -> Grid {
    grid(|r, c| {
        decode_one(encoding_rs::EUC_KR, &[r | 0x80, c | 0x80]).is_some_and(|ch| !is_pua(ch))
    })
}

fn gb_2312() -> Grid {
    grid(|r, c| {
        let gbk_addition = matches!(
            (r, c),
            (0x22, 0x21..=0x2A) | (0x22, 0x63) | (0x26, 0x59..=0x75) | (0x28, 0x3B..=0x40)
        );
        !gbk_addition
            && decode_one(encoding_rs::GBK, &[r | 0x80, c | 0x80]).is_some_and(|ch| !is_pua(ch))
    })
}

fn gr_bits(enc: &'static Encoding) -> [u8; 12] {
    let mut bits = [0u8; 12];
    for b in 0xA0u8..=0xFF {
        if decode_one(enc, &[b]).is_some() {
            let i = usize::from(b - 0xA0);
            bits[i / 8] |= 1 << (i % 8);
        }
    }
    bits
}

fn cell_bits(row: &[bool; 94]) -> [u8; 12] {
    let mut bits = [0u8; 12];
    for (i, &a) in row.iter().enumerate() {
        if a {
            bits[i / 8] |= 1 << (i % 8);
        }
    }
    bits
}

fn bytes_list(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("0x{x:02X}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn render_table(out: &mut String, name: &str, what: &str, g: &Grid) {
    let mut rows = Vec::new();
    let mut partial = Vec::new();
    for row in g {
        let n = row.iter().filter(|&&a| a).count();
        rows.push(match n {
            0 => 0u8,
            94 => 1,
            _ => {
                partial.push(cell_bits(row));
                u8::try_from(partial.len() + 1).unwrap()
            }
        });
    }
    let count: usize = g.iter().map(|r| r.iter().filter(|&&a| a).count()).sum();
    writeln!(out, "/// {what}: {count} assigned positions.").unwrap();
    writeln!(
        out,
        "pub(super) const {name}: DoubleByteTable = DoubleByteTable {{"
    )
    .unwrap();
    writeln!(out, "    rows: [").unwrap();
    for chunk in rows.chunks(16) {
        writeln!(
            out,
            "        {},",
            chunk
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )
        .unwrap();
    }
    writeln!(out, "    ],").unwrap();
    writeln!(out, "    partial: &[").unwrap();
    for p in &partial {
        writeln!(out, "        [{}],", bytes_list(p)).unwrap();
    }
    writeln!(out, "    ],").unwrap();
    writeln!(out, "}};\n").unwrap();
}

fn generate() -> String {
    let mut out = String::new();
    out.push_str(
        "//! Assigned-position data for [`super::tables`]. GENERATED by\n\
         //! `lint-core/tests/charset_tables.rs` from encoding_rs 0.8 (WHATWG indexes) with the\n\
         //! corrections documented there; do not edit: run\n\
         //! `DCMLINT_BLESS=1 cargo test -p lint-core --test charset_tables`.\n\n\
         use super::tables::DoubleByteTable;\n\n",
    );
    render_table(&mut out, "JIS_X_0208", "JIS X 0208-1990", &jis_x_0208());
    render_table(&mut out, "JIS_X_0212", "JIS X 0212-1990", &jis_x_0212());
    render_table(&mut out, "KS_X_1001", "KS X 1001", &ks_x_1001());
    render_table(&mut out, "GB_2312", "GB 2312-80", &gb_2312());
    for (name, what, enc) in [
        ("ISO_8859_3", "ISO 8859-3", encoding_rs::ISO_8859_3),
        ("ISO_8859_6", "ISO 8859-6", encoding_rs::ISO_8859_6),
        (
            "ISO_8859_7",
            "ISO 8859-7 (2003 edition; see tables.rs for A4 A5 AA)",
            encoding_rs::ISO_8859_7,
        ),
        ("ISO_8859_8", "ISO 8859-8", encoding_rs::ISO_8859_8),
        (
            "TIS_620",
            "TIS 620 (windows-874 on A0-FF)",
            encoding_rs::WINDOWS_874,
        ),
    ] {
        writeln!(
            out,
            "/// {what}: bit `b - 0xA0` set when GR byte `b` is assigned."
        )
        .unwrap();
        writeln!(
            out,
            "pub(super) const {name}: [u8; 12] = [{}];\n",
            bytes_list(&gr_bits(enc))
        )
        .unwrap();
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn committed_tables_are_generated() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/charset/tables_data.rs");
    let want = generate();
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have != want {
        if std::env::var_os("DCMLINT_BLESS").is_some() {
            std::fs::write(path, &want).unwrap();
        } else {
            panic!("{path} is stale: rerun with DCMLINT_BLESS=1");
        }
    }
}

#[test]
fn library_agrees_with_encoding_rs_everywhere() {
    let sets: [(CodedCharacterSet, Grid); 4] = [
        (CodedCharacterSet::JisX0208, jis_x_0208()),
        (CodedCharacterSet::JisX0212, jis_x_0212()),
        (CodedCharacterSet::KsX1001, ks_x_1001()),
        (CodedCharacterSet::Gb2312, gb_2312()),
    ];
    for (set, g) in &sets {
        for (ri, r) in (0x21u8..=0x7E).enumerate() {
            for (ci, c) in (0x21u8..=0x7E).enumerate() {
                let lib = tables::double_byte(*set, r, c) != Assignment::Unassigned;
                assert_eq!(lib, g[ri][ci], "{set:?} {r:02X} {c:02X}");
                // The GR form answers the same.
                let lib_gr =
                    tables::double_byte(*set, r | 0x80, c | 0x80) != Assignment::Unassigned;
                assert_eq!(lib, lib_gr);
            }
        }
    }
    // Out of range never assigned.
    assert_eq!(
        tables::double_byte(CodedCharacterSet::JisX0208, 0x20, 0x21),
        Assignment::Unassigned
    );
    assert_eq!(
        tables::double_byte(CodedCharacterSet::JisX0208, 0x21, 0x7F),
        Assignment::Unassigned
    );
    use Iso8859Part as P;
    for (part, enc) in [
        (P::Latin1, encoding_rs::WINDOWS_1252),
        (P::Latin2, encoding_rs::ISO_8859_2),
        (P::Latin3, encoding_rs::ISO_8859_3),
        (P::Latin4, encoding_rs::ISO_8859_4),
        (P::Cyrillic, encoding_rs::ISO_8859_5),
        (P::Arabic, encoding_rs::ISO_8859_6),
        (P::Greek, encoding_rs::ISO_8859_7),
        (P::Hebrew, encoding_rs::ISO_8859_8),
        (P::Latin5, encoding_rs::WINDOWS_1254),
        (P::Latin9, encoding_rs::ISO_8859_15),
    ] {
        for b in 0xA0u8..=0xFF {
            let lib = tables::single_byte_gr(CodedCharacterSet::Iso8859(part), b)
                != Assignment::Unassigned;
            assert_eq!(lib, decode_one(enc, &[b]).is_some(), "{part:?} {b:02X}");
        }
    }
    // JIS X 0201 katakana: Shift_JIS single bytes A1–DF are U+FF61…U+FF9F.
    for b in 0xA0u8..=0xFF {
        let lib =
            tables::single_byte_gr(CodedCharacterSet::JisX0201Katakana, b) == Assignment::Assigned;
        let sjis = decode_one(encoding_rs::SHIFT_JIS, &[b])
            .is_some_and(|c| ('\u{FF61}'..='\u{FF9F}').contains(&c));
        assert_eq!(lib, sjis, "{b:02X}");
    }
}

/// The row/cell lists of dicom-rules.md §3.2 and §3.3 (derived there with Python's codecs,
/// an independent source).
#[test]
fn tables_match_dicom_rules_row_lists() {
    fn ranges(g: &Grid, row: usize) -> Vec<(u8, u8)> {
        let mut out: Vec<(u8, u8)> = Vec::new();
        for (i, &a) in g[row - 1].iter().enumerate() {
            let c = 0x21 + i as u8;
            if a {
                match out.last_mut() {
                    Some(last) if last.1 + 1 == c => last.1 = c,
                    _ => out.push((c, c)),
                }
            }
        }
        out
    }
    let j = jis_x_0208();
    assert_eq!(
        ranges(&j, 2),
        [
            (0x21, 0x2E),
            (0x3A, 0x41),
            (0x4A, 0x50),
            (0x5C, 0x6A),
            (0x72, 0x79),
            (0x7E, 0x7E)
        ]
    );
    assert_eq!(ranges(&j, 3), [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)]);
    assert_eq!(ranges(&j, 4), [(0x21, 0x73)]);
    assert_eq!(ranges(&j, 5), [(0x21, 0x76)]);
    assert_eq!(ranges(&j, 6), [(0x21, 0x38), (0x41, 0x58)]);
    assert_eq!(ranges(&j, 7), [(0x21, 0x41), (0x51, 0x71)]);
    assert_eq!(ranges(&j, 8), [(0x21, 0x40)]);
    assert_eq!(ranges(&j, 47), [(0x21, 0x53)]);
    assert_eq!(ranges(&j, 84), [(0x21, 0x26)]);
    for row in (9..=15).chain(85..=94) {
        assert!(ranges(&j, row).is_empty(), "row {row}");
    }
    for row in (16..=46).chain(48..=83) {
        assert_eq!(ranges(&j, row), [(0x21, 0x7E)], "row {row}");
    }
    let s = jis_x_0212();
    assert_eq!(ranges(&s, 2), [(0x2F, 0x39), (0x42, 0x44), (0x6B, 0x71)]);
    assert_eq!(
        ranges(&s, 6),
        [
            (0x61, 0x65),
            (0x67, 0x67),
            (0x69, 0x6A),
            (0x6C, 0x6C),
            (0x71, 0x7C)
        ]
    );
    assert_eq!(ranges(&s, 7), [(0x42, 0x4E), (0x72, 0x7E)]);
    assert_eq!(
        ranges(&s, 9),
        [
            (0x21, 0x22),
            (0x24, 0x24),
            (0x26, 0x26),
            (0x28, 0x29),
            (0x2B, 0x2D),
            (0x2F, 0x30),
            (0x41, 0x50)
        ]
    );
    assert_eq!(ranges(&s, 10), [(0x21, 0x38), (0x3A, 0x77)]);
    assert_eq!(ranges(&s, 11), [(0x21, 0x3B), (0x3D, 0x43), (0x45, 0x77)]);
    assert_eq!(ranges(&s, 77), [(0x21, 0x63)]);
    for row in 16..=76 {
        assert_eq!(ranges(&s, row), [(0x21, 0x7E)], "row {row}");
    }
    // GB 2312-80's layout (rows 1–9 symbols, 16–55 level 1 ending at 55-89, 56–87 level 2).
    let g = gb_2312();
    assert_eq!(ranges(&g, 2), [(0x31, 0x62), (0x65, 0x6E), (0x71, 0x7C)]);
    assert_eq!(ranges(&g, 8), [(0x21, 0x3A), (0x45, 0x69)]);
    assert_eq!(ranges(&g, 9), [(0x24, 0x6F)]);
    assert_eq!(ranges(&g, 55), [(0x21, 0x79)]);
    println!("validation tables: {} bytes", tables::total_size_in_bytes());
}
