//! Text values as the rules see them: one string value, the (0008,0005) in force for it,
//! and the tokens of the character-set scanner.
//!
//! The runner scans every string value once ([`lint_core::charset::scan`]) and hands each
//! [`Token`] to every selected rule with the [`Text`] it belongs to, so thirty rules cost
//! one scan. Token spans are relative to the value; [`Text::span`] makes them absolute.

use core::fmt;

use lint_core::charset::{
    CodeState, CodedCharacterSet, Declared, DefinedTerm, Scope, SpecificCharacterSet, TextKind,
    Token,
};
use lint_core::{ByteSpan, Tag, Vr};

/// One string value being checked.
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    /// The element's tag.
    pub tag: Tag,
    /// The element's VR.
    pub vr: Vr,
    /// How the value is structured (delimiters, reset points).
    pub kind: TextKind,
    /// The Value Field, padding included.
    pub value: &'a [u8],
    /// Where the Value Field lies in the stream.
    pub value_span: ByteSpan,
    /// The (0008,0005) in force (the default repertoire for VRs it does not govern and
    /// for the File Meta group).
    pub scope: Scope,
    /// The value-1 state: G0/G1 at every reset point.
    pub initial: CodeState,
}

impl<'a> Text<'a> {
    /// The absolute span of a token span (relative to the value).
    pub fn span(&self, relative: ByteSpan) -> ByteSpan {
        ByteSpan::at(
            self.value_span.start.saturating_add(relative.start),
            relative.len(),
        )
    }

    /// The bytes of a token span.
    pub fn bytes(&self, relative: ByteSpan) -> &'a [u8] {
        let start = usize::try_from(relative.start).unwrap_or(usize::MAX);
        let end = usize::try_from(relative.end).unwrap_or(usize::MAX);
        self.value.get(start..end).unwrap_or(&[])
    }

    /// Whether (0008,0005) governs this value (SH, LO, ST, LT, UC, UT, PN in the data set).
    pub fn is_governed(&self) -> bool {
        self.kind != TextKind::NoExtensions
    }

    /// The character set as declared, for messages: `` `\ISO 2022 IR 87` ``.
    pub fn declared(&self) -> DeclaredSet {
        DeclaredSet(self.scope.set)
    }

    /// What a finding about this value needs to show it decoded.
    pub fn context(&self) -> TextContext {
        TextContext {
            value: self.value_span,
            set: if self.is_governed() {
                self.scope.set
            } else {
                SpecificCharacterSet::ABSENT
            },
            kind: self.kind,
        }
    }
}

/// Enough to decode and show a text value again (the CLI re-reads the bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextContext {
    /// The Value Field.
    pub value: ByteSpan,
    /// The character set it was checked with.
    pub set: SpecificCharacterSet,
    /// Its structure.
    pub kind: TextKind,
}

/// Displays a [`SpecificCharacterSet`] the way it is written: values joined by `\`
/// (canonical spellings), or `(absent)`.
#[derive(Clone, Copy, Debug)]
pub struct DeclaredSet(pub SpecificCharacterSet);

impl fmt::Display for DeclaredSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.0.is_present() {
            return f.write_str("(absent)");
        }
        f.write_str("`")?;
        for (i, value) in self.0.values().enumerate() {
            if i > 0 {
                f.write_str("\\")?;
            }
            match value {
                Declared::Empty => {}
                Declared::Term(term) => f.write_str(term.name())?,
                Declared::Unknown => f.write_str("?")?,
            }
        }
        f.write_str("`")
    }
}

/// A set's name for messages (`JIS X 0208`, `ISO-IR 6 (ASCII)`).
pub fn set_name(set: Option<CodedCharacterSet>) -> &'static str {
    set.map_or("nothing (G1 undefined)", CodedCharacterSet::name)
}

/// Whether any term the set lists could designate `set` into G1 (so that a GR byte
/// without a designation is a missing escape rather than an impossible byte).
pub fn lists_g1_set(cs: &SpecificCharacterSet) -> bool {
    cs.values()
        .skip(1)
        .any(|d| matches!(d, Declared::Term(t) if t.g1().is_some() && t != DefinedTerm::Default))
}

/// The first occurrence of something in a value and how many more there were: rules
/// report once per value, pointing at the first, so a long garbled value is one finding.
///
/// A rule that notes from tokens and [`take`](Self::take)s at [`Token::End`] needs no
/// reset in [`crate::Rule::text`]: the end takes what the value noted, and the end of a
/// plain value, which a rule may not be shown ([`crate::Rule::TOKENS`]), comes after
/// tokens of no kind such a rule notes from. (Sparing the 20 rules that collect this way
/// a call per value is a tenth of the dispatch cost of an image header.)
///
/// [`Token::End`]: lint_core::charset::Token::End
#[derive(Clone, Copy, Debug)]
pub struct FirstOf<T: Copy> {
    /// The first occurrence (absolute span, and what the rule wants to remember).
    pub first: Option<(ByteSpan, T)>,
    /// Occurrences after the first.
    pub more: usize,
}

impl<T: Copy> Default for FirstOf<T> {
    fn default() -> Self {
        FirstOf {
            first: None,
            more: 0,
        }
    }
}

impl<T: Copy> FirstOf<T> {
    /// Forgets everything (at the start of a value).
    pub fn clear(&mut self) {
        self.first = None;
        self.more = 0;
    }

    /// Notes one occurrence.
    pub fn note(&mut self, span: ByteSpan, what: T) {
        if self.first.is_some() {
            self.more += 1;
        } else {
            self.first = Some((span, what));
        }
    }

    /// Takes what was noted, leaving the value empty.
    pub fn take(&mut self) -> Option<(ByteSpan, T, More)> {
        let (span, what) = self.first.take()?;
        let more = More(self.more);
        self.more = 0;
        Some((span, what, more))
    }
}

/// Displays ` (and N more in this value)` when N > 0.
#[derive(Clone, Copy, Debug)]
pub struct More(pub usize);

impl fmt::Display for More {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0 => Ok(()),
            1 => f.write_str(" (and 1 more in this value)"),
            n => write!(f, " (and {n} more in this value)"),
        }
    }
}

/// Displays bytes as `1B 24 42`.
#[derive(Clone, Copy, Debug)]
pub struct Hex<'a>(pub &'a [u8]);

impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Long runs are cut: the listing shows them in full.
        for (i, b) in self.0.iter().take(12).enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{b:02X}")?;
        }
        if self.0.len() > 12 {
            f.write_str(" …")?;
        }
        Ok(())
    }
}

/// Whether a token ends the value.
pub fn is_end(token: &Token) -> bool {
    matches!(token, Token::End { .. })
}

/// Displays an escape sequence: the DICOM notation (`ESC $ B`) or, for any other, its
/// bytes after ESC as characters (`ESC $ @`).
#[derive(Clone, Copy, Debug)]
pub struct EscapeText<'a>(pub lint_core::charset::Escape, pub &'a [u8]);

impl fmt::Display for EscapeText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let lint_core::charset::Escape::Dicom(seq) = self.0 {
            return f.write_str(seq.notation());
        }
        f.write_str("ESC")?;
        for &b in self.1.iter().skip(1) {
            if b.is_ascii_graphic() {
                write!(f, " {}", char::from(b))?;
            } else {
                write!(f, " {b:02X}")?;
            }
        }
        Ok(())
    }
}

/// The escape that puts value 1's G0 set back into G0 (`ESC ( B`, or `ESC ( J` when value
/// 1 is `ISO 2022 IR 13`).
pub fn return_escape(initial: CodeState) -> &'static str {
    lint_core::charset::EscapeSequence::designating(initial.g0, lint_core::charset::CodeElement::G0)
        .map_or("ESC ( B", lint_core::charset::EscapeSequence::notation)
}

/// The ISO 2022 Defined Term that declares `seq` (`ESC $ B` → `ISO 2022 IR 87`).
pub fn term_declaring(seq: lint_core::charset::EscapeSequence) -> Option<DefinedTerm> {
    DefinedTerm::ALL
        .into_iter()
        .find(|t| t.is_iso2022_form() && (t.g0_escape() == Some(seq) || t.g1_escape() == Some(seq)))
}

/// Whether G0 holding `g0` counts as value 1's G0 at a reset point.
///
/// ASCII is accepted where value 1 is `ISO 2022 IR 13` (G0 = JIS X 0201 Romaji): the two
/// sets differ only at `5C` and `7E`, delimiters are found either way, and returning with
/// `ESC ( B` is what many Japanese writers do (pydicom's `chrSQEncoding1.dcm`). That
/// escape itself is reported, as a warning, by `charset/undeclared-ascii`.
pub fn is_value1_g0(initial: CodeState, g0: CodedCharacterSet) -> bool {
    g0 == initial.g0
        || (initial.g0 == CodedCharacterSet::JisX0201Roman && g0 == CodedCharacterSet::Ascii)
}
