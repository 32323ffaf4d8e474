//! Decoding text values to Unicode (feature `decode`), for showing the text next to its
//! bytes. Validation never needs this module: it lives on the assigned-position tables.
//!
//! The token stream of [`super::scan`] drives it, so escape sequences, delimiters and
//! invalid bytes reach the caller as distinct [`Piece`]s and the caller decides how to show
//! them. The character mapping comes from encoding_rs without its `alloc` feature (every
//! decoder works on caller buffers): JIS X 0208 through its EUC-JP decoder (pair + `80`),
//! JIS X 0212 through EUC-JP's `8F` prefix, KS X 1001 through EUC-KR, GB 2312 and GB 18030
//! through gb18030, ISO 8859 through its single-byte decoders; ISO 8859-1 is the identity
//! (encoding_rs reads that label as windows-1252, which only differs in `80`–`9F`, never
//! decoded here) and JIS X 0201 katakana is U+FF61 + (byte − `A1`) (PS3.5 H.1).

use core::fmt;

use encoding_rs::{DecoderResult, Encoding};

use super::iso2022::{CodedCharacterSet, Escape, Iso8859Part};
use super::scan::{InvalidReason, TextKind, Token, characters, scan};
use super::term::SpecificCharacterSet;
use crate::ByteSpan;

/// One piece of decoded output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// A character (delimiters and controls included, as themselves).
    Char(char),
    /// An escape sequence, not a character.
    Escape {
        /// Which one.
        escape: Escape,
        /// Its bytes.
        bytes: &'a [u8],
    },
    /// Bytes that are no character of the active set.
    Invalid {
        /// Why.
        reason: InvalidReason,
        /// The bytes.
        bytes: &'a [u8],
    },
    /// Bytes of a set this crate cannot map (unknown Specific Character Set term, or a
    /// position encoding_rs does not map).
    Unmapped {
        /// The bytes.
        bytes: &'a [u8],
    },
}

/// Decodes `value`, calling `f` with each piece and its span relative to the value.
///
/// # Errors
///
/// Whatever `f` returns (decoding itself cannot fail).
pub fn decode<'a, F>(
    value: &'a [u8],
    cs: &SpecificCharacterSet,
    kind: TextKind,
    mut f: F,
) -> fmt::Result
where
    F: FnMut(Piece<'a>, ByteSpan) -> fmt::Result,
{
    for token in scan(value, cs, kind) {
        let span = token.span();
        let bytes = value
            .get(span.start as usize..span.end as usize)
            .unwrap_or(&[]);
        match token {
            Token::Escape { escape, .. } => f(Piece::Escape { escape, bytes }, span)?,
            Token::Invalid { reason, .. } => f(Piece::Invalid { reason, bytes }, span)?,
            Token::Delimiter { .. } | Token::Control { .. } | Token::Space { .. } => {
                for &b in bytes {
                    f(Piece::Char(char::from(b)), span)?;
                }
            }
            Token::Text { set, .. } => {
                let mut at = span.start;
                for ch in characters(set, bytes) {
                    let here = ByteSpan::at(at, ch.len() as u64);
                    at = here.end;
                    match char_of(set, ch) {
                        Some(c) => f(Piece::Char(c), here)?,
                        None => f(Piece::Unmapped { bytes: ch }, here)?,
                    }
                }
            }
            Token::End { .. } => {}
        }
    }
    Ok(())
}

/// Writes the decoded text of `value` to `out`: escape sequences are left out, invalid and
/// unmapped bytes become U+FFFD. For another presentation use [`decode`].
///
/// # Errors
///
/// Errors of `out`.
pub fn write_text<W: fmt::Write>(
    value: &[u8],
    cs: &SpecificCharacterSet,
    kind: TextKind,
    out: &mut W,
) -> fmt::Result {
    decode(value, cs, kind, |piece, _| match piece {
        Piece::Char(c) => out.write_char(c),
        Piece::Escape { .. } => Ok(()),
        Piece::Invalid { .. } | Piece::Unmapped { .. } => out.write_char('\u{FFFD}'),
    })
}

/// The Unicode character of one character's bytes in `set`.
#[must_use]
pub fn char_of(set: CodedCharacterSet, bytes: &[u8]) -> Option<char> {
    use CodedCharacterSet as C;
    match (set, bytes) {
        (C::Ascii, [b @ 0..=0x7F]) => Some(char::from(*b)),
        (C::JisX0201Roman, [0x5C]) => Some('\u{A5}'),
        (C::JisX0201Roman, [0x7E]) => Some('\u{203E}'),
        (C::JisX0201Roman, [b @ 0..=0x7F]) => Some(char::from(*b)),
        (C::JisX0201Katakana, [b @ 0xA1..=0xDF]) => char::from_u32(0xFF61 + u32::from(*b - 0xA1)),
        (C::Iso8859(Iso8859Part::Latin1), [b @ 0xA0..=0xFF]) => Some(char::from(*b)),
        (C::Iso8859(part), [b]) => one(single_byte(part), &[*b]),
        (C::Tis620, [b]) => one(encoding_rs::WINDOWS_874, &[*b]),
        (C::JisX0208, [r, c]) => one(encoding_rs::EUC_JP, &[*r | 0x80, *c | 0x80]),
        (C::JisX0212, [r, c]) => one(encoding_rs::EUC_JP, &[0x8F, *r | 0x80, *c | 0x80]),
        (C::KsX1001, [r, c]) => one(encoding_rs::EUC_KR, &[*r | 0x80, *c | 0x80]),
        (C::Gb2312, [r, c]) => one(encoding_rs::GB18030, &[*r | 0x80, *c | 0x80]),
        (C::Gb18030 | C::Gbk, _) => one(encoding_rs::GB18030, bytes),
        (C::Utf8, _) => core::str::from_utf8(bytes).ok()?.chars().next(),
        _ => None,
    }
}

fn single_byte(part: Iso8859Part) -> &'static Encoding {
    use Iso8859Part as P;
    match part {
        // WHATWG's labels for parts 1 and 9 are windows-1252/1254: equal on A0–FF.
        P::Latin1 => encoding_rs::WINDOWS_1252,
        P::Latin2 => encoding_rs::ISO_8859_2,
        P::Latin3 => encoding_rs::ISO_8859_3,
        P::Latin4 => encoding_rs::ISO_8859_4,
        P::Cyrillic => encoding_rs::ISO_8859_5,
        P::Arabic => encoding_rs::ISO_8859_6,
        P::Greek => encoding_rs::ISO_8859_7,
        P::Hebrew => encoding_rs::ISO_8859_8,
        P::Latin5 => encoding_rs::WINDOWS_1254,
        P::Latin9 => encoding_rs::ISO_8859_15,
    }
}

/// Decodes exactly one character with encoding_rs on a stack buffer.
fn one(encoding: &'static Encoding, bytes: &[u8]) -> Option<char> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut buf = [0u8; 8];
    let (result, _, written) = decoder.decode_to_utf8_without_replacement(bytes, &mut buf, true);
    if result != DecoderResult::InputEmpty {
        return None;
    }
    let s = core::str::from_utf8(buf.get(..written)?).ok()?;
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Buf {
        b: [u8; 256],
        n: usize,
    }
    impl fmt::Write for Buf {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let end = self.n + s.len();
            self.b
                .get_mut(self.n..end)
                .ok_or(fmt::Error)?
                .copy_from_slice(s.as_bytes());
            self.n = end;
            Ok(())
        }
    }

    fn text(cs: &[u8], kind: TextKind, v: &[u8]) -> Buf {
        let mut b = Buf { b: [0; 256], n: 0 };
        write_text(v, &SpecificCharacterSet::from_value(cs), kind, &mut b).unwrap();
        b
    }

    #[test]
    fn annex_h_example_1() {
        let v =
            b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B";
        let b = text(b"\\ISO 2022 IR 87", TextKind::PersonName, v);
        assert_eq!(
            core::str::from_utf8(&b.b[..b.n]).unwrap(),
            "Yamada^Tarou=山田^太郎=やまだ^たろう"
        );
    }
}
