//! `vr/value-too-long`: a value longer than its VR allows, counted as the VR says.

use lint_core::Vr;
use lint_core::charset::{DelimiterKind, Token};
use lint_core::vr::MaxLength;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::{FirstOf, Text};

declare_rule! {
    /// ## What it checks
    /// A value longer than its VR's limit: **characters** for SH (16), LO (64), ST (1024)
    /// and LT (10240); bytes for AE (16), AS (4), CS (16), DA (8), DS (16), DT (26),
    /// IS (12), TM (14) and UI (64). Each value of a multi-valued element is measured on
    /// its own, trailing padding excluded. PN's limit of 64 characters per component
    /// group is `pn/group-length`.
    ///
    /// Characters are counted by the character-set state machine: escape sequences count
    /// nothing, a JIS X 0208, KS X 1001 or GB 2312 pair is one character, UTF-8 counts
    /// code points.
    ///
    /// ## Why
    /// Receivers size their buffers and database columns by these limits and truncate
    /// or reject longer values. Counting bytes instead of characters is the classic
    /// false alarm on Japanese data (33 kanji = 66 bytes plus escapes is a valid LO);
    /// dcmlint counts what the standard counts.
    ///
    /// ## Standard
    /// PS3.5 §6.2, Table 6.2-1 (and its note on characters vs bytes), §6.4.
    ///
    /// ## Example
    /// Failing: (0008,0060) CS of 17 bytes; SH of 17 ASCII characters.
    /// Passing: LO of 33 kanji in ISO 2022 IR 87 (66 bytes + 6 of escapes).
    pub VALUE_TOO_LONG, "vr/value-too-long", Error, "a value is longer than its VR allows"
}

/// The check of [`VALUE_TOO_LONG`].
#[derive(Debug, Default)]
pub struct Check {
    /// Characters of the current value so far.
    chars: usize,
    /// Trailing SPACE characters of the current value so far (padding is not counted).
    trailing: usize,
    /// Where the current value started (relative).
    start: u64,
    found: FirstOf<(usize, u16)>,
}

impl Check {
    fn end_value(&mut self, text: &Text<'_>, end: u64, limit: u16) {
        let n = self.chars - self.trailing.min(self.chars);
        if n > limit as usize {
            self.found.note(
                text.span(lint_core::ByteSpan::new(self.start, end)),
                (n, limit),
            );
        }
        self.chars = 0;
        self.trailing = 0;
    }
}

impl Rule for Check {
    const META: &'static RuleMeta = &VALUE_TOO_LONG;

    fn text(&mut self, cx: &mut Context<'_>, text: &Text<'_>) {
        self.chars = 0;
        self.trailing = 0;
        self.start = 0;
        self.found.clear();
        let Some(MaxLength::Bytes(limit)) = text.vr.max_length() else {
            return;
        };
        let mut offset = 0;
        for value in text.value.split(|&b| b == b'\\') {
            let end = value
                .iter()
                .rposition(|&b| b != b' ' && b != 0)
                .map_or(0, |p| p + 1);
            if end > limit as usize {
                self.found.note(
                    text.value_span.sub(offset, offset + value.len()),
                    (end, limit),
                );
            }
            offset += value.len() + 1;
        }
        if let Some((span, (n, limit), more)) = self.found.take() {
            cx.report_text(
                &VALUE_TOO_LONG,
                span,
                text,
                format_args!(
                    "{} value of {n} bytes: at most {limit} allowed{more}",
                    text.vr
                ),
            );
        }
    }

    fn token(&mut self, cx: &mut Context<'_>, text: &Text<'_>, token: &Token) {
        if text.vr == Vr::PN {
            return;
        }
        let Some(MaxLength::Chars(limit)) = text.vr.max_length() else {
            return;
        };
        match *token {
            Token::Text { set, span, chars } => {
                self.chars += chars;
                let bytes = text.bytes(span);
                let spaces = bytes.iter().rev().take_while(|&&b| b == b' ').count();
                if set.is_double_byte() || spaces < bytes.len() {
                    self.trailing = if set.is_double_byte() { 0 } else { spaces };
                } else {
                    self.trailing += spaces;
                }
            }
            Token::Space { .. } | Token::Control { .. } | Token::Invalid { .. } => {
                // An invalid run counts as one character: never more than it could be.
                self.chars += 1;
                self.trailing = 0;
            }
            Token::Escape { .. } => {}
            Token::Delimiter {
                kind: DelimiterKind::Value,
                span,
                ..
            } => {
                self.end_value(text, span.start, limit);
                self.start = span.end;
            }
            Token::Delimiter { .. } => {
                self.chars += 1;
                self.trailing = 0;
            }
            Token::End { span, .. } => {
                self.end_value(text, span.start, limit);
                if let Some((span, (n, limit), more)) = self.found.take() {
                    cx.report_text(
                        &VALUE_TOO_LONG,
                        span,
                        text,
                        format_args!(
                            "{} value of {n} characters: at most {limit} allowed{more}",
                            text.vr
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::{INSTITUTION_NAME, MODALITY, PATIENT_ID};

    use crate::testing::text_case;

    #[test]
    fn fires_on_long_values() {
        let found = text_case(None, MODALITY, Vr::CS, b"ABCDEFGHIJKLMNOPQ");
        assert!(found.has("vr/value-too-long"), "{found:?}");
        let found = text_case(None, PATIENT_ID, Vr::SH, b"ABCDEFGHIJKLMNOPQ");
        assert!(found.has("vr/value-too-long"), "{found:?}");
    }

    #[test]
    fn counts_kanji_as_characters() {
        // 33 kanji: 66 bytes plus 6 bytes of escapes, 33 characters.
        let mut v = [0u8; 80];
        v[..3].copy_from_slice(b"\x1b$B");
        for i in 0..33 {
            v[3 + 2 * i] = 0x3B;
            v[4 + 2 * i] = 0x33;
        }
        v[69..72].copy_from_slice(b"\x1b(B");
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            INSTITUTION_NAME,
            Vr::LO,
            &v[..72],
        );
        assert!(!found.has("vr/value-too-long"), "{found:?}");
        let found = text_case(None, MODALITY, Vr::CS, b"CT\\MR ");
        assert!(!found.has("vr/value-too-long"), "{found:?}");
        let found = text_case(None, PATIENT_ID, Vr::SH, b"ABCDEFGHIJKLMNOP");
        assert!(!found.has("vr/value-too-long"), "{found:?}");
    }
}
