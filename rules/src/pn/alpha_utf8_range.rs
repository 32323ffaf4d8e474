//! `pn/alpha-utf8-range`: a character the alphabetic group may not hold under UTF-8,
//! GB 18030 or GBK.

use core::fmt;

use lint_core::ByteSpan;
use lint_core::charset::{CodedCharacterSet, TextEncoding, script_of};
use lint_core::pn::{GroupKind, PersonName};

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::{Hex, Text};

declare_rule! {
    /// ## What it checks
    /// Value 1 of (0008,0005) is `ISO_IR 192`, `GB18030` or `GBK`, and the first
    /// (alphabetic) component group of a PN value holds a character outside U+0020–U+1FFF,
    /// U+3001, U+3002, U+300C, U+300D, U+3099–U+309C and U+30A0–U+30FF: kanji or hanzi,
    /// hiragana, half-width katakana, Hangul syllables, full-width Latin, the ideographic
    /// space.
    ///
    /// UTF-8 is judged by code point. GB 18030 and GBK are judged without a mapping table,
    /// from the GB 2312 row where there is one (hanzi, hiragana, bopomofo, full-width Latin,
    /// ideographic space) and for the 4-byte forms of the supplementary planes; other
    /// symbols are given the benefit of the doubt.
    ///
    /// ## Why
    /// With these character sets there are no escape sequences to mark the groups'
    /// repertoires, so the standard restricts the alphabetic group to Latin and other
    /// alphabets plus full-width katakana and its punctuation. A name written in kanji in
    /// the first group is what a reader that only shows the first group (or a system that
    /// only accepts alphabets there, such as an HL7 v2 interface) cannot handle; the
    /// kanji belong in the ideographic group, the reading in the phonetic group.
    ///
    /// ## Standard
    /// PS3.5 §6.2.1.2 (repertoire of the first component group for `ISO_IR 192`,
    /// `GB18030`, `GBK`).
    ///
    /// ## Example
    /// Failing: (0008,0005) `ISO_IR 192`, PN `E5 B1 B1 E7 94 B0 5E E5 A4 AA E9 83 8E`
    /// (山田^太郎 as group 1); also half-width katakana `EF BE 94 …`.
    /// Passing: `3D E5 B1 B1 E7 94 B0 5E E5 A4 AA E9 83 8E` (`=山田^太郎`), or full-width
    /// katakana `E3 83 A4 E3 83 9E E3 83 80` (ヤマダ) in group 1.
    pub ALPHA_UTF8_RANGE, "pn/alpha-utf8-range", Error,
        "the alphabetic group holds a character it may not hold under UTF-8, GB 18030 or GBK"
}

/// The check of [`ALPHA_UTF8_RANGE`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<ByteSpan>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &ALPHA_UTF8_RANGE;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        let hit = name
            .group(GroupKind::Alphabetic)
            .and_then(|g| g.outside_alphabetic)
            .map(|at| (text.span(at), at));
        if let Some((span, at, more)) = self.found.see(name, hit) {
            let set = match text.scope.set.encoding() {
                TextEncoding::Gb18030 => CodedCharacterSet::Gb18030,
                TextEncoding::Gbk => CodedCharacterSet::Gbk,
                _ => CodedCharacterSet::Utf8,
            };
            cx.report_text(
                &ALPHA_UTF8_RANGE,
                span,
                text,
                format_args!(
                    "{} in the alphabetic group: with {} the first group may only hold \
                     alphabets (U+0020–U+1FFF), full-width katakana and 、。「」; put kanji, \
                     hiragana, half-width katakana and Hangul in the ideographic or phonetic \
                     group after `=`{more}",
                    Character(set, text.bytes(at)),
                    text.declared(),
                ),
            );
        }
    }
}

/// Shows one character: `山` (U+5C71, Han ideograph) for UTF-8, its bytes and class
/// otherwise.
#[derive(Clone, Copy, Debug)]
struct Character<'a>(CodedCharacterSet, &'a [u8]);

impl fmt::Display for Character<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let script = script_of(self.0, self.1).name();
        match core::str::from_utf8(self.1)
            .ok()
            .and_then(|s| s.chars().next())
        {
            Some(c) if self.0 == CodedCharacterSet::Utf8 => {
                write!(f, "`{c}` (U+{:04X}, {script})", u32::from(c))
            }
            _ => write!(f, "`{}` ({script})", Hex(self.1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::text_case;

    #[test]
    fn fires_on_kanji_and_half_width_kana_in_group_1() {
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "山田^太郎".as_bytes(),
        );
        assert!(found.has("pn/alpha-utf8-range"), "{found:?}");
        assert_eq!(found.at("pn/alpha-utf8-range"), found.value_start());
        let found = text_case(
            Some(b"ISO_IR 192"),
            PATIENT_NAME,
            Vr::PN,
            "ﾔﾏﾀﾞ^ﾀﾛｳ".as_bytes(),
        );
        assert!(found.has("pn/alpha-utf8-range"), "{found:?}");
        let found = text_case(Some(b"GB18030"), PATIENT_NAME, Vr::PN, b"\xcd\xf5^\xd0\xa1");
        assert!(found.has("pn/alpha-utf8-range"), "{found:?}");
    }

    #[test]
    fn passes_on_alphabets_and_full_width_katakana() {
        for v in [
            "Wang^XiaoDong=王^小東=",
            "ヤマダ^タロウ=山田^太郎",
            "Müller^Jürgen",
            "Διονυσιος",
        ] {
            let found = text_case(Some(b"ISO_IR 192"), PATIENT_NAME, Vr::PN, v.as_bytes());
            assert!(!found.has("pn/alpha-utf8-range"), "{v}: {found:?}");
        }
        let found = text_case(
            Some(b"GB18030"),
            PATIENT_NAME,
            Vr::PN,
            b"Wang^XiaoDong=\xcd\xf5^\xd0\xa1\xb6\xab=",
        );
        assert!(!found.has("pn/alpha-utf8-range"), "{found:?}");
    }
}
