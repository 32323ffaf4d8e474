//! `charset/foreign-encoding`: a value whose bytes are another encoding than declared.

use lint_core::ByteSpan;
use lint_core::charset::{Declared, DefinedTerm, InvalidReason, TextEncoding, Token};

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, tokens};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A text value that is not valid under its (0008,0005) and whose bytes, taken as a
    /// whole, are well-formed text of a common other encoding:
    /// * UTF-8 under a Japanese, Korean, Chinese or ISO 8859 declaration;
    /// * Shift_JIS (lead `81`–`9F`/`E0`–`EF`, trail `40`–`FC`) or EUC-JP (pairs
    ///   `A1`–`FE`) under `ISO_IR 13` or an ISO 2022 Japanese declaration;
    /// * EUC-KR / EUC-CN (GR pairs with no escape sequence) under `\ISO 2022 IR 149` /
    ///   `\ISO 2022 IR 58`;
    /// * Windows-1252 (C1 bytes) under ISO 8859-1/-15;
    /// * Shift_JIS or an 8-bit set under `ISO_IR 192`.
    ///
    /// ## Why
    /// The byte rules (`charset/c1-control`, `charset/gr-undefined`,
    /// `charset/missing-designation`, `charset/malformed-utf8`…) say where the bytes
    /// break; this rule says why, in one line a field engineer can act on: the writer
    /// used the platform's encoding (Shift_JIS on Windows, EUC on Unix, UTF-8 on anything
    /// recent) and labelled it with a DICOM term. It runs only on values that already
    /// failed validation, so valid text is never "detected" as something else.
    ///
    /// ## Standard
    /// PS3.3 C.12.1.1.2; PS3.5 §6.1.2.5.
    ///
    /// ## Example
    /// Failing: (0008,0005) `\ISO 2022 IR 87`, PN
    /// `59 61 6D 61 64 61 3D 8E 52 93 63 5E 91 BE 98 59` (山田^太郎 in Shift_JIS).
    /// Passing: PN `59 61 6D 61 64 61 3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42`.
    pub FOREIGN_ENCODING, "charset/foreign-encoding", Error,
        "the text is in another encoding than (0008,0005) declares"
}

/// The check of [`FOREIGN_ENCODING`].
#[derive(Debug, Default)]
pub struct Check {
    failed: Option<ByteSpan>,
}

/// Well-formed UTF-8 with at least one multi-byte character.
fn is_utf8(v: &[u8]) -> bool {
    v.iter().any(|&b| b >= 0x80) && core::str::from_utf8(v).is_ok()
}

/// Every byte ≥ 80 is part of an EUC pair (`A1`–`FE A1`–`FE`, or `8E A1`–`DF` kana when
/// `kana`), and there is at least one.
fn is_euc(v: &[u8], kana: bool) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while let Some(&b) = v.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        let Some(&c) = v.get(i + 1) else { return false };
        let ok = (0xA1..=0xFE).contains(&b) && (0xA1..=0xFE).contains(&c)
            || kana && b == 0x8E && (0xA1..=0xDF).contains(&c);
        if !ok {
            return false;
        }
        pairs += 1;
        i += 2;
    }
    pairs > 0
}

/// Every byte ≥ 80 belongs to a Shift_JIS character, and at least one is a two-byte
/// character with a lead byte that EUC and Latin text never use (`81`–`9F`).
fn is_shift_jis(v: &[u8]) -> bool {
    let mut i = 0;
    let mut tell = false;
    while let Some(&b) = v.get(i) {
        match b {
            0x00..=0x7F | 0xA1..=0xDF => i += 1,
            0x81..=0x9F | 0xE0..=0xEF => {
                let Some(&c) = v.get(i + 1) else { return false };
                if !matches!(c, 0x40..=0x7E | 0x80..=0xFC) {
                    return false;
                }
                tell |= b <= 0x9F;
                i += 2;
            }
            _ => return false,
        }
    }
    tell
}

/// What the bytes of `text` look like instead, if anything recognisable.
fn diagnose(text: &Text<'_>) -> Option<&'static str> {
    let v = text.value;
    let set = &text.scope.set;
    let lists = |t: DefinedTerm| set.lists(t);
    let japanese = lists(DefinedTerm::Iso2022Ir87)
        || lists(DefinedTerm::Iso2022Ir159)
        || lists(DefinedTerm::Iso2022Ir13);
    match set.encoding() {
        TextEncoding::Utf8 => {
            if is_shift_jis(v) {
                Some("Shift_JIS labelled `ISO_IR 192`")
            } else {
                Some("an 8-bit encoding (ISO 8859-1 or a Windows code page) labelled `ISO_IR 192`")
            }
        }
        TextEncoding::Gb18030 | TextEncoding::Gbk => {
            is_utf8(v).then_some("UTF-8 labelled as GB 18030/GBK: declare `ISO_IR 192`")
        }
        _ if is_utf8(v) => Some("UTF-8: declare `ISO_IR 192`"),
        _ if japanese && !v.contains(&0x1B) && is_euc(v, true) => {
            Some("EUC-JP: write JIS X 0208 with ESC $ B … ESC ( B (bytes 21–7E), not EUC")
        }
        _ if japanese && is_shift_jis(v) => Some(
            "Shift_JIS: convert to ISO 2022 (ESC $ B … ESC ( B) or declare `ISO_IR 192` with UTF-8",
        ),
        _ if lists(DefinedTerm::Iso2022Ir149) && !v.contains(&0x1B) && is_euc(v, false) => Some(
            "EUC-KR without ISO 2022 escapes: start each value, line and name component with ESC $ ) C",
        ),
        _ if lists(DefinedTerm::Iso2022Ir58) && !v.contains(&0x1B) && is_euc(v, false) => Some(
            "EUC-CN (GB 2312) without ISO 2022 escapes: start each value, line and name component with ESC $ ) A",
        ),
        _ if matches!(
            set.value1(),
            Declared::Term(
                DefinedTerm::IsoIr100
                    | DefinedTerm::IsoIr203
                    | DefinedTerm::Iso2022Ir100
                    | DefinedTerm::Iso2022Ir203
            )
        ) && v.iter().any(|b| (0x80..0xA0).contains(b)) =>
        {
            Some("Windows-1252 (curly quotes, dashes, € in 80–9F) labelled ISO 8859")
        }
        _ => None,
    }
}

impl Rule for Check {
    const META: &'static RuleMeta = &FOREIGN_ENCODING;
    const TOKENS: u8 = tokens::END | tokens::INVALID;

    fn text(&mut self, _cx: &mut Context<'_>, _text: &Text<'_>) {
        self.failed = None;
    }

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if !text.is_governed() || !text.scope.set.is_present() {
            return;
        }
        match *token {
            Token::Invalid { reason, span, .. }
                if self.failed.is_none()
                    && !matches!(
                        reason,
                        InvalidReason::EightBitIn7Bit
                            | InvalidReason::NotDefaultRepertoire
                            | InvalidReason::RevisionDependent
                    ) =>
            {
                self.failed = Some(text.span(span));
            }
            Token::End { .. } => {
                let Some(span) = self.failed.take() else {
                    return;
                };
                if let Some(what) = diagnose(text) {
                    cx.report_text(
                        &FOREIGN_ENCODING,
                        span,
                        text,
                        format_args!(
                            "(0008,0005) is {} but the value's bytes are {what}",
                            text.declared()
                        ),
                    );
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::PATIENT_NAME;

    use crate::testing::{hex, text_case};

    const IR87: &[u8] = b"\\ISO 2022 IR 87";

    #[test]
    fn names_shift_jis_euc_and_utf8() {
        for bytes in [
            "59 61 6D 61 64 61 3D 8E 52 93 63 5E 91 BE 98 59",
            "59 61 6D 61 64 61 3D BB B3 C5 C4 5E C2 C0 CF BA",
            "E5 B1 B1 E7 94 B0",
        ] {
            let (v, n) = hex(bytes);
            let found = text_case(Some(IR87), PATIENT_NAME, Vr::PN, &v[..n]);
            assert!(found.has("charset/foreign-encoding"), "{bytes}: {found:?}");
        }
    }

    #[test]
    fn passes_on_valid_text() {
        let (v, n) = hex(
            "59 61 6D 61 64 61 3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42",
        );
        let found = text_case(Some(IR87), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/foreign-encoding"), "{found:?}");
        // Valid Latin-1 that happens to be valid UTF-8 too is not "detected".
        let (v, n) = hex("C3 A9");
        let found = text_case(Some(b"ISO_IR 100"), PATIENT_NAME, Vr::PN, &v[..n]);
        assert!(!found.has("charset/foreign-encoding"), "{found:?}");
    }
}
