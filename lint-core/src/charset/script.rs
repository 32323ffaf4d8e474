//! Script classes of characters, for the Person Name heuristics of dicom-rules.md §4.3
//! (which component group holds romaji, kanji or kana).
//!
//! For the ISO 2022 sets the class follows from the row and cell alone (JIS X 0208 row 4 is
//! hiragana, rows 16–47 are level-1 kanji…; PS3.5 Annex H, JIS X 0208 §6), so no Unicode
//! table is needed. For UTF-8 the code point's block decides; for GB 18030 and GBK the GB
//! 2312 rows decide inside the GB 2312 area.

use super::iso2022::{CodedCharacterSet, Iso8859Part};

/// What kind of character a character is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    /// ASCII (or JIS X 0201 Romaji) letter.
    AsciiLetter,
    /// ASCII digit.
    AsciiDigit,
    /// ASCII SPACE.
    Space,
    /// Other ASCII graphic character (punctuation, symbols).
    AsciiOther,
    /// Letter beyond ASCII in a Latin script (ISO 8859 Latin parts, JIS X 0212 rows 9–11,
    /// pinyin).
    LatinExtended,
    /// Greek letter.
    Greek,
    /// Cyrillic letter.
    Cyrillic,
    /// Arabic letter.
    Arabic,
    /// Hebrew letter.
    Hebrew,
    /// Thai character.
    Thai,
    /// Half-width katakana (JIS X 0201, ISO-IR 13).
    HalfwidthKatakana,
    /// Hiragana.
    Hiragana,
    /// Full-width katakana.
    Katakana,
    /// Full-width Latin letter (JIS X 0208 row 3, GB 2312 / KS X 1001 row 3).
    FullwidthLetter,
    /// Full-width digit.
    FullwidthDigit,
    /// IDEOGRAPHIC SPACE (JIS `21 21`, GB/KS `A1 A1`, U+3000).
    IdeographicSpace,
    /// JIS X 0208 level-1 kanji (rows 16–47).
    KanjiLevel1,
    /// JIS X 0208 level-2 kanji (rows 48–84).
    KanjiLevel2,
    /// JIS X 0212 kanji (rows 16–77).
    KanjiSupplementary,
    /// GB 2312 level-1 hanzi (rows 16–55).
    HanziLevel1,
    /// GB 2312 level-2 hanzi (rows 56–87).
    HanziLevel2,
    /// Han ideograph from UTF-8 or GB 18030 outside GB 2312 (no level known).
    Han,
    /// Hangul syllable or jamo.
    Hangul,
    /// Hanja (KS X 1001 rows 42–93).
    Hanja,
    /// Bopomofo.
    Bopomofo,
    /// Symbol, punctuation, box drawing, other characters of a multi-byte set.
    Symbol,
    /// Anything else (unknown set, unmapped position, C0/C1 control).
    Other,
}

impl Script {
    /// Every script class, in declaration order.
    pub const ALL: [Script; 27] = [
        Script::AsciiLetter,
        Script::AsciiDigit,
        Script::Space,
        Script::AsciiOther,
        Script::LatinExtended,
        Script::Greek,
        Script::Cyrillic,
        Script::Arabic,
        Script::Hebrew,
        Script::Thai,
        Script::HalfwidthKatakana,
        Script::Hiragana,
        Script::Katakana,
        Script::FullwidthLetter,
        Script::FullwidthDigit,
        Script::IdeographicSpace,
        Script::KanjiLevel1,
        Script::KanjiLevel2,
        Script::KanjiSupplementary,
        Script::HanziLevel1,
        Script::HanziLevel2,
        Script::Han,
        Script::Hangul,
        Script::Hanja,
        Script::Bopomofo,
        Script::Symbol,
        Script::Other,
    ];

    /// A short English name for messages ("hiragana", "JIS X 0208 level-1 kanji").
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Script::AsciiLetter => "ASCII letter",
            Script::AsciiDigit => "ASCII digit",
            Script::Space => "space",
            Script::AsciiOther => "ASCII punctuation",
            Script::LatinExtended => "accented Latin letter",
            Script::Greek => "Greek",
            Script::Cyrillic => "Cyrillic",
            Script::Arabic => "Arabic",
            Script::Hebrew => "Hebrew",
            Script::Thai => "Thai",
            Script::HalfwidthKatakana => "half-width katakana",
            Script::Hiragana => "hiragana",
            Script::Katakana => "katakana",
            Script::FullwidthLetter => "full-width Latin letter",
            Script::FullwidthDigit => "full-width digit",
            Script::IdeographicSpace => "ideographic space",
            Script::KanjiLevel1 => "JIS X 0208 level-1 kanji",
            Script::KanjiLevel2 => "JIS X 0208 level-2 kanji",
            Script::KanjiSupplementary => "JIS X 0212 kanji",
            Script::HanziLevel1 => "GB 2312 level-1 hanzi",
            Script::HanziLevel2 => "GB 2312 level-2 hanzi",
            Script::Han => "Han ideograph",
            Script::Hangul => "Hangul",
            Script::Hanja => "hanja",
            Script::Bopomofo => "bopomofo",
            Script::Symbol => "symbol",
            Script::Other => "other character",
        }
    }
}

/// The script of one character given as its bytes in `set` (as split by
/// [`super::characters`]; a 94×94 character in GL or GR form).
#[must_use]
pub fn script_of(set: CodedCharacterSet, bytes: &[u8]) -> Script {
    use CodedCharacterSet as C;
    match (set, bytes) {
        (C::Ascii | C::JisX0201Roman, [b]) | (C::Utf8 | C::Gb18030 | C::Gbk, [b @ 0..=0x7F]) => {
            ascii(*b)
        }
        (C::JisX0201Katakana, [0xA1..=0xDF]) => Script::HalfwidthKatakana,
        (C::Iso8859(part), [b]) => iso8859(part, *b),
        (C::Tis620, [0xA1..=0xFB]) => Script::Thai,
        (C::JisX0208, [r, c]) => jis_x_0208(*r & 0x7F, *c & 0x7F),
        (C::JisX0212, [r, _]) => match (*r & 0x7F).wrapping_sub(0x20) {
            6 => Script::Greek,
            7 => Script::Cyrillic,
            9..=11 => Script::LatinExtended,
            16..=77 => Script::KanjiSupplementary,
            _ => Script::Symbol,
        },
        (C::KsX1001, [r, c]) => ks_x_1001(*r & 0x7F, *c & 0x7F),
        (C::Gb2312, [r, c]) => gb_2312(*r & 0x7F, *c & 0x7F),
        (C::Gb18030 | C::Gbk, [r @ 0xA1..=0xF7, c @ 0xA1..=0xFE]) => gb_2312(*r & 0x7F, *c & 0x7F),
        (C::Gb18030 | C::Gbk, [0x81..=0xA0, 0x40..=0xFE] | [0xAA..=0xFE, 0x40..=0xA0]) => {
            // GBK/3 and GBK/4: the CJK ideographs outside GB 2312.
            Script::Han
        }
        (C::Utf8, _) => core::str::from_utf8(bytes)
            .ok()
            .and_then(|s| s.chars().next())
            .map_or(Script::Other, unicode),
        _ => Script::Other,
    }
}

fn ascii(b: u8) -> Script {
    match b {
        b'A'..=b'Z' | b'a'..=b'z' => Script::AsciiLetter,
        b'0'..=b'9' => Script::AsciiDigit,
        b' ' => Script::Space,
        0x21..=0x7E => Script::AsciiOther,
        _ => Script::Other,
    }
}

fn iso8859(part: Iso8859Part, b: u8) -> Script {
    use Iso8859Part as P;
    match (part, b) {
        (P::Cyrillic, 0xA1..=0xAC | 0xAE..=0xEF | 0xF1..=0xFC | 0xFE..=0xFF) => Script::Cyrillic,
        (P::Arabic, 0xC1..=0xDA | 0xE0..=0xF2) => Script::Arabic,
        (P::Greek, 0xB6 | 0xB8..=0xBA | 0xBC | 0xBE..=0xFE) => Script::Greek,
        (P::Hebrew, 0xE0..=0xFA) => Script::Hebrew,
        (P::Cyrillic | P::Arabic | P::Greek | P::Hebrew, _) => Script::Symbol,
        // Latin parts: C0–FF are letters but for × and ÷ (D7, F7).
        (_, 0xD7 | 0xF7) => Script::Symbol,
        (_, 0xC0..=0xFF) => Script::LatinExtended,
        _ => Script::Symbol,
    }
}

fn jis_x_0208(r: u8, c: u8) -> Script {
    match (r.wrapping_sub(0x20), c) {
        (1, 0x21) => Script::IdeographicSpace,
        (3, 0x30..=0x39) => Script::FullwidthDigit,
        (3, _) => Script::FullwidthLetter,
        (4, _) => Script::Hiragana,
        (5, _) => Script::Katakana,
        (6, _) => Script::Greek,
        (7, _) => Script::Cyrillic,
        (16..=47, _) => Script::KanjiLevel1,
        (48..=84, _) => Script::KanjiLevel2,
        (1..=8, _) => Script::Symbol,
        _ => Script::Other,
    }
}

fn ks_x_1001(r: u8, c: u8) -> Script {
    match (r.wrapping_sub(0x20), c) {
        (1, 0x21) => Script::IdeographicSpace,
        (3, 0x30..=0x39) => Script::FullwidthDigit,
        (3, 0x41..=0x5A | 0x61..=0x7A) => Script::FullwidthLetter,
        (4, _) | (16..=40, _) => Script::Hangul,
        (5, 0x41..=0x58 | 0x61..=0x78) => Script::Greek,
        (10, _) => Script::Hiragana,
        (11, _) => Script::Katakana,
        (12, _) => Script::Cyrillic,
        (42..=93, _) => Script::Hanja,
        (1..=12, _) => Script::Symbol,
        _ => Script::Other,
    }
}

fn gb_2312(r: u8, c: u8) -> Script {
    match (r.wrapping_sub(0x20), c) {
        (1, 0x21) => Script::IdeographicSpace,
        (3, 0x30..=0x39) => Script::FullwidthDigit,
        (3, 0x41..=0x5A | 0x61..=0x7A) => Script::FullwidthLetter,
        (4, _) => Script::Hiragana,
        (5, _) => Script::Katakana,
        (6, _) => Script::Greek,
        (7, _) => Script::Cyrillic,
        (8, 0x21..=0x3A) => Script::LatinExtended,
        (8, _) => Script::Bopomofo,
        (16..=55, _) => Script::HanziLevel1,
        (56..=87, _) => Script::HanziLevel2,
        (1..=9, _) => Script::Symbol,
        _ => Script::Other,
    }
}

fn unicode(ch: char) -> Script {
    match ch {
        '\u{80}'..='\u{9F}' => Script::Other,
        '\u{C0}'..='\u{24F}' if ch != '\u{D7}' && ch != '\u{F7}' => Script::LatinExtended,
        '\u{370}'..='\u{3FF}' => Script::Greek,
        '\u{400}'..='\u{52F}' => Script::Cyrillic,
        '\u{590}'..='\u{5FF}' => Script::Hebrew,
        '\u{600}'..='\u{6FF}' => Script::Arabic,
        '\u{E00}'..='\u{E7F}' => Script::Thai,
        '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => {
            Script::Hangul
        }
        '\u{3000}' => Script::IdeographicSpace,
        '\u{3041}'..='\u{309F}' => Script::Hiragana,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => Script::Katakana,
        '\u{3100}'..='\u{312F}' => Script::Bopomofo,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}' => Script::Han,
        '\u{FF10}'..='\u{FF19}' => Script::FullwidthDigit,
        '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => Script::FullwidthLetter,
        '\u{FF61}'..='\u{FF9F}' => Script::HalfwidthKatakana,
        _ => Script::Symbol,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_class_once_in_order() {
        for (i, s) in Script::ALL.iter().enumerate() {
            assert_eq!(*s as usize, i, "{s:?}");
        }
        assert_eq!(Script::ALL.len(), Script::Other as usize + 1);
    }

    #[test]
    fn classes_from_rows() {
        use CodedCharacterSet as C;
        assert_eq!(script_of(C::JisX0208, b";3"), Script::KanjiLevel1); // 山
        assert_eq!(script_of(C::JisX0208, b"$d"), Script::Hiragana); // や
        assert_eq!(script_of(C::JisX0208, b"%d"), Script::Katakana);
        assert_eq!(script_of(C::JisX0208, b"!!"), Script::IdeographicSpace);
        assert_eq!(script_of(C::JisX0208, b"P!"), Script::KanjiLevel2);
        assert_eq!(script_of(C::JisX0212, b"l?"), Script::KanjiSupplementary); // 鷗
        assert_eq!(
            script_of(C::JisX0201Katakana, &[0xD4]),
            Script::HalfwidthKatakana
        );
        assert_eq!(script_of(C::KsX1001, &[0xC8, 0xAB]), Script::Hangul); // 홍
        assert_eq!(script_of(C::KsX1001, &[0xFB, 0xF3]), Script::Hanja); // 洪
        assert_eq!(script_of(C::Gb2312, &[0xD5, 0xC5]), Script::HanziLevel1); // 张
        assert_eq!(script_of(C::Utf8, "山".as_bytes()), Script::Han);
        assert_eq!(
            script_of(C::Utf8, "ﾔ".as_bytes()),
            Script::HalfwidthKatakana
        );
        assert_eq!(script_of(C::Utf8, b"a"), Script::AsciiLetter);
        assert_eq!(
            script_of(C::Iso8859(Iso8859Part::Latin1), &[0xE9]),
            Script::LatinExtended
        );
        assert_eq!(
            script_of(C::Iso8859(Iso8859Part::Greek), &[0xC4]),
            Script::Greek
        );
    }
}
