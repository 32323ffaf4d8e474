//! Which positions of each coded character set hold a character: the validation tables.
//!
//! No Unicode mapping is needed to tell whether a byte or a pair is valid, only the set's
//! assigned positions (dicom-rules.md §3.1–§3.5, §2.3 "Unassigned GR positions"):
//!
//! * the 94×94 sets (JIS X 0208, JIS X 0212, KS X 1001, GB 2312) as a row-class table of
//!   94 bytes (empty row, full row, or the index of a 96-bit bitmap of assigned cells) plus
//!   the bitmaps of their partial rows;
//! * the 96-position right-hand halves of ISO 8859 and TIS 620 as one 96-bit bitmap each;
//! * JIS X 0201 as ranges.
//!
//! The data in `tables_data.rs` is generated, never typed: `lint-core/tests/charset_tables.rs`
//! derives it from encoding_rs's WHATWG indexes with the documented corrections that make
//! them the standards' sets (vendor rows removed from JIS X 0208, GBK additions removed
//! from GB 2312), checks it against the row/cell lists of dicom-rules.md §3.2–§3.3, and
//! fails if the committed file differs (`DCMLINT_BLESS=1` rewrites it).
//!
//! Positions that only a later edition of a set assigns than the one ISO-IR registered
//! (ISO 8859-7:2003 `A4 A5 AA`, TIS 620 `A0`, JIS X 0208-1990 `74 25`/`74 26`, KS X
//! 1001:1998 `22 66`/`22 67`) are [`Assignment::RevisionDependent`], so a rule can warn
//! rather than reject (dicom-rules.md §8 item 10).

use super::iso2022::{CodedCharacterSet, Iso8859Part};
use super::tables_data as data;

/// Whether a position holds a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Assignment {
    /// A character of the set.
    Assigned,
    /// No character.
    Unassigned,
    /// A character only in a later edition than the one DICOM's ISO-IR registration names.
    RevisionDependent,
}

/// How a row of a 94×94 set is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowClass {
    /// No cell assigned.
    Empty,
    /// All 94 cells assigned.
    Full,
    /// Some cells assigned (see [`DoubleByteTable::is_assigned`]).
    Partial,
}

/// The assigned positions of a 94×94 set.
#[derive(Debug)]
pub struct DoubleByteTable {
    /// Per row (1–94): 0 = empty, 1 = full, `k + 2` = partial with bitmap `k`.
    pub(super) rows: [u8; 94],
    /// Bit `c - 1` set when cell `c` (1–94) is assigned.
    pub(super) partial: &'static [[u8; 12]],
}

impl DoubleByteTable {
    /// Whether the pair `first second` (each `21`–`7E`, or the same in GR `A1`–`FE`: the
    /// high bit is ignored) is an assigned position.
    #[inline]
    #[must_use]
    pub fn is_assigned(&self, first: u8, second: u8) -> bool {
        let row = (first & 0x7F).wrapping_sub(0x21) as usize;
        let cell = (second & 0x7F).wrapping_sub(0x21) as usize;
        if cell >= 94 {
            return false;
        }
        match self.rows.get(row) {
            None | Some(0) => false,
            Some(1) => true,
            Some(&k) => self
                .partial
                .get(usize::from(k) - 2)
                .and_then(|bits| bits.get(cell / 8))
                .is_some_and(|b| b & (1 << (cell % 8)) != 0),
        }
    }

    /// The class of row `row` (1–94).
    #[must_use]
    pub fn row_class(&self, row: u8) -> RowClass {
        match self.rows.get(usize::from(row).wrapping_sub(1)) {
            None | Some(0) => RowClass::Empty,
            Some(1) => RowClass::Full,
            Some(_) => RowClass::Partial,
        }
    }

    /// Number of assigned positions.
    #[must_use]
    pub fn count(&self) -> usize {
        (0x21..=0x7E)
            .map(|r| (0x21..=0x7E).filter(|&c| self.is_assigned(r, c)).count())
            .sum()
    }

    /// Bytes of read-only data the table occupies.
    #[must_use]
    pub const fn size_in_bytes(&self) -> usize {
        self.rows.len() + self.partial.len() * 12
    }
}

/// JIS X 0208-1990 (ISO-IR 87): 6 879 positions.
pub static JIS_X_0208: DoubleByteTable = data::JIS_X_0208;
/// JIS X 0212-1990 (ISO-IR 159): 6 067 positions.
pub static JIS_X_0212: DoubleByteTable = data::JIS_X_0212;
/// KS X 1001 (ISO-IR 149): 8 226 positions (8 224 in the 1987 edition).
pub static KS_X_1001: DoubleByteTable = data::KS_X_1001;
/// GB 2312-80 (ISO-IR 58): 7 445 positions.
pub static GB_2312: DoubleByteTable = data::GB_2312;

/// For each row of a 94×94 set, `[first, count]`: a contiguous range of cells (0-based)
/// that are all [`Assignment::Assigned`], so that a text run checks most pairs with one
/// subtraction and one compare. Full rows are `[0, 94]`; rows whose plain cells are
/// contiguous (JIS X 0208 kana, row 8, row 47…) give their range; other rows `[0, 0]`,
/// left to the bitmap. Built at compile time from the same data as the tables, with the
/// revision-dependent positions of [`double_byte`] left out.
pub(super) type RowRanges = [[u8; 2]; 94];

// Indexing inside a const fn evaluated only at compile time: an out-of-range index fails
// the build, it cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const fn row_ranges(table: &DoubleByteTable, revision: &[(usize, usize)]) -> RowRanges {
    let mut out = [[0u8; 2]; 94];
    let mut row = 0;
    while row < 94 {
        let class = table.rows[row] as usize;
        let (mut first, mut last, mut count) = (94, 0, 0);
        let mut cell = 0;
        while cell < 94 {
            let mut plain = match class {
                0 => false,
                1 => true,
                k => table.partial[k - 2][cell / 8] & (1 << (cell % 8)) != 0,
            };
            let mut r = 0;
            while r < revision.len() {
                if revision[r].0 == row && revision[r].1 == cell {
                    plain = false;
                }
                r += 1;
            }
            if plain {
                if first == 94 {
                    first = cell;
                }
                last = cell;
                count += 1;
            }
            cell += 1;
        }
        if count > 0 && last - first + 1 == count {
            out[row] = [first as u8, count as u8];
        }
        row += 1;
    }
    out
}

// The revision-dependent positions of `double_byte`, as 0-based (row, cell).
static JIS_X_0208_RANGES: RowRanges = row_ranges(&data::JIS_X_0208, &[(0x53, 4), (0x53, 5)]);
static JIS_X_0212_RANGES: RowRanges = row_ranges(&data::JIS_X_0212, &[]);
static KS_X_1001_RANGES: RowRanges = row_ranges(&data::KS_X_1001, &[(1, 0x45), (1, 0x46)]);
static GB_2312_RANGES: RowRanges = row_ranges(&data::GB_2312, &[]);

/// The [`RowRanges`] of a 94×94 set.
pub(super) fn row_ranges_of(set: CodedCharacterSet) -> Option<&'static RowRanges> {
    match set {
        CodedCharacterSet::JisX0208 => Some(&JIS_X_0208_RANGES),
        CodedCharacterSet::JisX0212 => Some(&JIS_X_0212_RANGES),
        CodedCharacterSet::KsX1001 => Some(&KS_X_1001_RANGES),
        CodedCharacterSet::Gb2312 => Some(&GB_2312_RANGES),
        _ => None,
    }
}

/// The table of a 94×94 set.
#[must_use]
pub fn double_byte_table(set: CodedCharacterSet) -> Option<&'static DoubleByteTable> {
    match set {
        CodedCharacterSet::JisX0208 => Some(&JIS_X_0208),
        CodedCharacterSet::JisX0212 => Some(&JIS_X_0212),
        CodedCharacterSet::KsX1001 => Some(&KS_X_1001),
        CodedCharacterSet::Gb2312 => Some(&GB_2312),
        _ => None,
    }
}

fn gr_bitmap(set: CodedCharacterSet) -> Option<&'static [u8; 12]> {
    use Iso8859Part as P;
    Some(match set {
        CodedCharacterSet::Iso8859(p) => match p {
            P::Latin1 | P::Latin2 | P::Latin4 | P::Cyrillic | P::Latin5 | P::Latin9 => {
                return None;
            }
            P::Latin3 => &data::ISO_8859_3,
            P::Arabic => &data::ISO_8859_6,
            P::Greek => &data::ISO_8859_7,
            P::Hebrew => &data::ISO_8859_8,
        },
        CodedCharacterSet::Tis620 => &data::TIS_620,
        _ => return None,
    })
}

/// Whether the GR byte `byte` (`A0`–`FF`) is a character of the single-byte G1 set `set`
/// (an ISO 8859 part, TIS 620 or JIS X 0201 Katakana). Other sets and other bytes:
/// [`Assignment::Unassigned`].
#[inline]
#[must_use]
pub fn single_byte_gr(set: CodedCharacterSet, byte: u8) -> Assignment {
    if byte < 0xA0 {
        return Assignment::Unassigned;
    }
    match set {
        // 63 katakana at A1–DF (dicom-rules.md §3.1).
        CodedCharacterSet::JisX0201Katakana => {
            if (0xA1..=0xDF).contains(&byte) {
                Assignment::Assigned
            } else {
                Assignment::Unassigned
            }
        }
        CodedCharacterSet::Iso8859(Iso8859Part::Greek) if matches!(byte, 0xA4 | 0xA5 | 0xAA) => {
            Assignment::RevisionDependent
        }
        CodedCharacterSet::Tis620 if byte == 0xA0 => Assignment::RevisionDependent,
        CodedCharacterSet::Iso8859(_) | CodedCharacterSet::Tis620 => match gr_bitmap(set) {
            // Parts with all 96 positions assigned need no bitmap.
            None => Assignment::Assigned,
            Some(bits) => {
                let i = usize::from(byte - 0xA0);
                if bits.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0) {
                    Assignment::Assigned
                } else {
                    Assignment::Unassigned
                }
            }
        },
        _ => Assignment::Unassigned,
    }
}

/// Whether the pair `first second` (GL form `21`–`7E`, or GR) is a character of the 94×94
/// set `set`.
#[inline]
#[must_use]
pub fn double_byte(set: CodedCharacterSet, first: u8, second: u8) -> Assignment {
    let Some(table) = double_byte_table(set) else {
        return Assignment::Unassigned;
    };
    if !table.is_assigned(first, second) {
        return Assignment::Unassigned;
    }
    let pair = (first & 0x7F, second & 0x7F);
    match (set, pair) {
        (CodedCharacterSet::JisX0208, (0x74, 0x25 | 0x26))
        | (CodedCharacterSet::KsX1001, (0x22, 0x66 | 0x67)) => Assignment::RevisionDependent,
        _ => Assignment::Assigned,
    }
}

/// Total bytes of validation data (all 94×94 tables, their scanner row ranges and GR
/// bitmaps).
#[must_use]
pub const fn total_size_in_bytes() -> usize {
    JIS_X_0208.size_in_bytes()
        + JIS_X_0212.size_in_bytes()
        + KS_X_1001.size_in_bytes()
        + GB_2312.size_in_bytes()
        + 4 * size_of::<RowRanges>()
        + 5 * 12
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every cell inside a row's range is a plain assigned position.
    #[test]
    fn row_ranges_hold_only_assigned_positions() {
        for set in [
            CodedCharacterSet::JisX0208,
            CodedCharacterSet::JisX0212,
            CodedCharacterSet::KsX1001,
            CodedCharacterSet::Gb2312,
        ] {
            let ranges = row_ranges_of(set).unwrap();
            let mut covered = 0;
            for (row, &[first, count]) in ranges.iter().enumerate() {
                // The scanner's one-compare test relies on it: a cell ≥ 94 is in no range.
                assert!(usize::from(first) + usize::from(count) <= 94);
                for cell in first..first + count {
                    let (a, c) = (0x21 + row as u8, 0x21 + cell);
                    assert_eq!(
                        double_byte(set, a, c),
                        Assignment::Assigned,
                        "{set:?} {a:02X} {c:02X}"
                    );
                    covered += 1;
                }
            }
            // Most positions are in a range (the kanji rows and the kana).
            assert!(
                covered * 10 > double_byte_table(set).unwrap().count() * 9,
                "{set:?}: {covered}"
            );
        }
    }

    /// The scanner's fast path checks for revision-dependent positions only in partial
    /// rows 2 and 84; this holds it to that.
    #[test]
    fn revision_dependent_positions_lie_in_partial_rows_2_and_84() {
        let sets = [
            CodedCharacterSet::JisX0208,
            CodedCharacterSet::JisX0212,
            CodedCharacterSet::KsX1001,
            CodedCharacterSet::Gb2312,
        ];
        let mut seen = 0;
        for set in sets {
            let table = double_byte_table(set).unwrap();
            for row in 0x21..=0x7Eu8 {
                for cell in 0x21..=0x7Eu8 {
                    if double_byte(set, row, cell) == Assignment::RevisionDependent {
                        seen += 1;
                        assert!(matches!(row, 0x22 | 0x74), "{set:?} {row:02X} {cell:02X}");
                        assert_eq!(table.row_class(row - 0x20), RowClass::Partial);
                    }
                }
            }
        }
        assert_eq!(seen, 4);
    }

    #[test]
    fn counts_match_the_standards() {
        assert_eq!(JIS_X_0208.count(), 6879);
        assert_eq!(JIS_X_0212.count(), 6067);
        assert_eq!(GB_2312.count(), 7445);
        assert_eq!(KS_X_1001.count(), 8226);
    }

    #[test]
    fn jis_x_0208_rows_of_dicom_rules_3_2() {
        let t = &JIS_X_0208;
        assert!(t.is_assigned(0x21, 0x21));
        assert!(!t.is_assigned(0x22, 0x2F));
        assert!(t.is_assigned(0x22, 0x7E));
        assert!(!t.is_assigned(0x29, 0x21)); // row 9
        assert!(!t.is_assigned(0x2D, 0x21)); // NEC row 13
        assert!(t.is_assigned(0x4F, 0x53));
        assert!(!t.is_assigned(0x4F, 0x54));
        assert!(!t.is_assigned(0x74, 0x27));
        assert!(!t.is_assigned(0x79, 0x21)); // IBM rows 89–92
        assert!(!t.is_assigned(0x21, 0x7F));
        assert_eq!(t.row_class(16), RowClass::Full);
        assert_eq!(t.row_class(9), RowClass::Empty);
        assert_eq!(t.row_class(2), RowClass::Partial);
        assert_eq!(
            double_byte(CodedCharacterSet::JisX0208, 0x74, 0x26),
            Assignment::RevisionDependent
        );
    }

    #[test]
    fn iso_8859_holes() {
        use CodedCharacterSet::Iso8859;
        for b in [0xA5, 0xAE, 0xBE, 0xC3, 0xD0, 0xE3, 0xF0] {
            assert_eq!(
                single_byte_gr(Iso8859(Iso8859Part::Latin3), b),
                Assignment::Unassigned
            );
        }
        assert_eq!(
            single_byte_gr(Iso8859(Iso8859Part::Latin3), 0xA6),
            Assignment::Assigned
        );
        assert_eq!(
            single_byte_gr(Iso8859(Iso8859Part::Latin1), 0xA0),
            Assignment::Assigned
        );
        assert_eq!(
            single_byte_gr(Iso8859(Iso8859Part::Greek), 0xD2),
            Assignment::Unassigned
        );
        assert_eq!(
            single_byte_gr(Iso8859(Iso8859Part::Greek), 0xA4),
            Assignment::RevisionDependent
        );
        assert_eq!(
            single_byte_gr(Iso8859(Iso8859Part::Hebrew), 0xE0),
            Assignment::Assigned
        );
        assert_eq!(
            single_byte_gr(Iso8859(Iso8859Part::Hebrew), 0xFB),
            Assignment::Unassigned
        );
        assert_eq!(
            single_byte_gr(CodedCharacterSet::Tis620, 0xDB),
            Assignment::Unassigned
        );
        assert_eq!(
            single_byte_gr(CodedCharacterSet::JisX0201Katakana, 0xE0),
            Assignment::Unassigned
        );
        assert_eq!(
            single_byte_gr(CodedCharacterSet::JisX0201Katakana, 0xDF),
            Assignment::Assigned
        );
    }
}
