//! Person Name (PN) structure: values, component groups and components (PS3.5 §6.2,
//! Table 6.2-1 "PN", §6.2.1), as the character-set state machine finds them.
//!
//! A PN value is up to three component groups separated by `=` (alphabetic, ideographic,
//! phonetic), each up to five components separated by `^` (family name complex, given
//! name complex, middle name, prefix, suffix). The split is driven by the [`Token`]s of
//! [`crate::charset::scan`], never by a byte search: inside a JIS X 0208 pair a `5E` or a
//! `3D` is half of a kanji, not a delimiter (dicom-rules.md §2.2).
//!
//! [`Builder`] takes the tokens of one element's value one at a time (O(1) work per token
//! plus one step per character of a text run) and hands back a [`PersonName`] at the end
//! of each value: a small `Copy` record of fixed size, with spans **relative to the
//! value** like the tokens'. [`names`] does the scan and the building in one iterator.
//!
//! For each [`Group`] it records what the `pn/*` rules and the display need: its bytes,
//! its components (the count may exceed five; the first five spans are kept), its
//! character count as PS3.5 Table 6.2-1 counts it (escape sequences count nothing, a
//! double-byte character counts one), its escape sequences, the [`Scripts`] present
//! (romaji, kana, kanji… from row and cell, see [`crate::charset::script`]), and a few
//! positions (a space between two words of one component, a character outside the
//! repertoire §6.2.1.2 allows in the alphabetic group). Like the rest of the core it
//! describes: whether a fact is wrong is for `lint-rules` to say.

use core::fmt;

use crate::ByteSpan;
use crate::charset::{
    CodedCharacterSet, DelimiterKind, Scanner, Script, SpecificCharacterSet, TextKind, Token,
    characters, scan, script_of,
};

/// Most component groups a PN value may have (PS3.5 Table 6.2-1).
pub const MAX_GROUPS: usize = 3;

/// Most components a component group may have (PS3.5 Table 6.2-1).
pub const MAX_COMPONENTS: usize = 5;

/// Which component group (PS3.5 §6.2.1.2), by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    /// Group 1: alphabetic (single-byte) representation, value 1's character set only.
    Alphabetic,
    /// Group 2: ideographic representation (kanji, hanzi, hanja).
    Ideographic,
    /// Group 3: phonetic representation (kana, hangul).
    Phonetic,
}

impl GroupKind {
    /// The three kinds, in order.
    pub const ALL: [GroupKind; MAX_GROUPS] = [
        GroupKind::Alphabetic,
        GroupKind::Ideographic,
        GroupKind::Phonetic,
    ];

    /// The lower-case English name: `alphabetic`, `ideographic`, `phonetic`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            GroupKind::Alphabetic => "alphabetic",
            GroupKind::Ideographic => "ideographic",
            GroupKind::Phonetic => "phonetic",
        }
    }

    /// The kind of group `index` (0-based); `None` past the third.
    #[must_use]
    pub const fn of_index(index: usize) -> Option<GroupKind> {
        match index {
            0 => Some(GroupKind::Alphabetic),
            1 => Some(GroupKind::Ideographic),
            2 => Some(GroupKind::Phonetic),
            _ => None,
        }
    }
}

impl fmt::Display for GroupKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of [`Script`] classes (a bitset, one bit per class).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Scripts(u32);

const fn bit(script: Script) -> u32 {
    1 << script as u32
}

impl Scripts {
    /// No class.
    pub const EMPTY: Scripts = Scripts(0);

    /// Ideographs of any set: JIS X 0208/0212 kanji, GB 2312 hanzi, KS X 1001 hanja,
    /// Unicode Han.
    pub const IDEOGRAPHS: Scripts = Scripts(
        bit(Script::KanjiLevel1)
            | bit(Script::KanjiLevel2)
            | bit(Script::KanjiSupplementary)
            | bit(Script::HanziLevel1)
            | bit(Script::HanziLevel2)
            | bit(Script::Han)
            | bit(Script::Hanja),
    );

    /// Kana: hiragana, full-width and half-width katakana.
    pub const KANA: Scripts =
        Scripts(bit(Script::Hiragana) | bit(Script::Katakana) | bit(Script::HalfwidthKatakana));

    /// SPACE and IDEOGRAPHIC SPACE.
    pub const SPACES: Scripts = Scripts(bit(Script::Space) | bit(Script::IdeographicSpace));

    /// The set holding only `script`.
    #[must_use]
    pub const fn of(script: Script) -> Scripts {
        Scripts(bit(script))
    }

    /// This set with `script` added.
    #[must_use]
    pub const fn with(self, script: Script) -> Scripts {
        Scripts(self.0 | bit(script))
    }

    /// Both sets together.
    #[must_use]
    pub const fn union(self, other: Scripts) -> Scripts {
        Scripts(self.0 | other.0)
    }

    /// Whether `script` is in the set.
    #[must_use]
    pub const fn contains(self, script: Script) -> bool {
        self.0 & bit(script) != 0
    }

    /// Whether the sets share a class.
    #[must_use]
    pub const fn intersects(self, other: Scripts) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether every class of `self` is in `other`.
    #[must_use]
    pub const fn is_subset(self, other: Scripts) -> bool {
        self.0 & !other.0 == 0
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether there is kana and, spaces and symbols (such as the prolonged sound mark ー)
    /// aside, nothing but kana.
    #[must_use]
    pub const fn is_kana_only(self) -> bool {
        self.intersects(Scripts::KANA)
            && self.is_subset(
                Scripts::KANA
                    .union(Scripts::SPACES)
                    .union(Scripts::of(Script::Symbol)),
            )
    }

    /// The classes in the set, in [`Script::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Script> {
        Script::ALL.into_iter().filter(move |s| self.contains(*s))
    }

    /// Coarse names for display, in a fixed order, each once: the kanji levels are
    /// "kanji", ASCII letters, digits and punctuation are "ASCII"; spaces are left out.
    pub fn labels(self) -> impl Iterator<Item = &'static str> {
        LABELS
            .iter()
            .filter(move |(set, _)| self.intersects(*set))
            .map(|(_, name)| *name)
    }
}

impl FromIterator<Script> for Scripts {
    fn from_iter<I: IntoIterator<Item = Script>>(iter: I) -> Self {
        iter.into_iter().fold(Scripts::EMPTY, Scripts::with)
    }
}

/// Displays the [`Scripts::labels`] joined by `, `.
impl fmt::Display for Scripts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, label) in self.labels().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(label)?;
        }
        Ok(())
    }
}

static LABELS: [(Scripts, &str); 19] = [
    (
        Scripts(bit(Script::AsciiLetter) | bit(Script::AsciiDigit) | bit(Script::AsciiOther)),
        "ASCII",
    ),
    (Scripts(bit(Script::LatinExtended)), "Latin"),
    (Scripts(bit(Script::Greek)), "Greek"),
    (Scripts(bit(Script::Cyrillic)), "Cyrillic"),
    (Scripts(bit(Script::Arabic)), "Arabic"),
    (Scripts(bit(Script::Hebrew)), "Hebrew"),
    (Scripts(bit(Script::Thai)), "Thai"),
    (
        Scripts(bit(Script::HalfwidthKatakana)),
        "half-width katakana",
    ),
    (Scripts(bit(Script::Hiragana)), "hiragana"),
    (Scripts(bit(Script::Katakana)), "katakana"),
    (
        Scripts(bit(Script::FullwidthLetter) | bit(Script::FullwidthDigit)),
        "full-width Latin",
    ),
    (
        Scripts(
            bit(Script::KanjiLevel1) | bit(Script::KanjiLevel2) | bit(Script::KanjiSupplementary),
        ),
        "kanji",
    ),
    (
        Scripts(bit(Script::HanziLevel1) | bit(Script::HanziLevel2)),
        "hanzi",
    ),
    (Scripts(bit(Script::Han)), "Han ideographs"),
    (Scripts(bit(Script::Hangul)), "Hangul"),
    (Scripts(bit(Script::Hanja)), "hanja"),
    (Scripts(bit(Script::Bopomofo)), "bopomofo"),
    (Scripts(bit(Script::Symbol)), "symbols"),
    (Scripts(bit(Script::Other)), "other"),
];

/// One component group of a PN value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Group {
    /// The bytes between the group's delimiters (`=`, `\`, start or end of the value),
    /// trailing padding included.
    pub span: ByteSpan,
    /// Trailing SPACE (or NUL) bytes at the end of [`Self::span`]: padding, not significant.
    pub padding: u64,
    /// The first [`MAX_COMPONENTS`] components (bytes between `^`); see
    /// [`Self::component_count`].
    pub components: [ByteSpan; MAX_COMPONENTS],
    /// Number of components (number of `^` plus one); may exceed [`MAX_COMPONENTS`].
    pub component_count: u16,
    /// Bit `i` is set when component `i` (of the first eight) holds a character other
    /// than a space.
    pub filled: u8,
    /// Characters as PS3.5 Table 6.2-1 counts them: escape sequences count nothing, a
    /// double-byte or multi-byte character counts one, `^` counts one; trailing padding
    /// is left out, and so is the group's own `=`.
    pub chars: u32,
    /// Characters other than SPACE and IDEOGRAPHIC SPACE.
    pub letters: u32,
    /// Number of escape sequences.
    pub escapes: u16,
    /// The first escape sequence.
    pub first_escape: Option<ByteSpan>,
    /// The script classes of the characters present.
    pub scripts: Scripts,
    /// The first run of spaces (SPACE or IDEOGRAPHIC SPACE) between two characters of one
    /// component, as in `YAMADA TAROU`.
    pub inner_space: Option<ByteSpan>,
    /// The first run of spaces between two ideographs of one component, as in 山田　太郎.
    pub spaced_ideographs: Option<ByteSpan>,
    /// Alphabetic group of a UTF-8, GB 18030 or GBK value only: the first character
    /// outside the repertoire PS3.5 §6.2.1.2 allows there (see [`alphabetic_allowed`]).
    pub outside_alphabetic: Option<ByteSpan>,
}

impl Group {
    /// The group's bytes without trailing padding.
    #[must_use]
    pub const fn content(&self) -> ByteSpan {
        ByteSpan::new(self.span.start, self.span.end.saturating_sub(self.padding))
    }

    /// Whether the group holds no character but spaces (it may hold `^` and escapes).
    #[must_use]
    pub const fn is_blank(&self) -> bool {
        self.letters == 0
    }

    /// Number of components up to the last one holding a character: trailing empty
    /// components (`Doe^John^^`) do not count.
    #[must_use]
    pub const fn used_components(&self) -> u32 {
        8 - self.filled.leading_zeros()
    }

    /// The components beyond the fifth, from the fifth `^` to the end of the content.
    #[must_use]
    pub fn excess_components(&self) -> Option<ByteSpan> {
        if (self.component_count as usize) <= MAX_COMPONENTS {
            return None;
        }
        let fifth = self.components.last()?;
        Some(ByteSpan::new(fifth.end, self.content().end))
    }
}

/// One value of a PN element, split into component groups and components.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PersonName {
    /// Which value of the element (0-based; values are separated by `\`).
    pub index: u16,
    /// Whether this is the element's last value.
    pub last: bool,
    /// The value's bytes (between `\`), padding included.
    pub span: ByteSpan,
    /// The first [`MAX_GROUPS`] groups; see [`Self::group_count`].
    pub groups: [Group; MAX_GROUPS],
    /// Number of groups (number of `=` plus one); may exceed [`MAX_GROUPS`].
    pub group_count: u16,
    /// Where the value's content ends (before trailing padding).
    pub content_end: u64,
    /// Whether any group, those beyond the third included, holds a character other than
    /// SPACE and IDEOGRAPHIC SPACE.
    pub has_letters: bool,
    /// The delimiters (with any spaces between them) after the value's last character,
    /// as in `Doe^John^^` or `Wang^XiaoDong=`; `None` when the value ends in a character.
    pub trailing: Option<ByteSpan>,
}

impl PersonName {
    /// The groups present, with their kind.
    pub fn groups(&self) -> impl Iterator<Item = (GroupKind, &Group)> {
        GroupKind::ALL
            .into_iter()
            .zip(self.groups.iter())
            .take(self.group_count as usize)
    }

    /// Group `kind`, if the value has it (it may be blank).
    #[must_use]
    pub fn group(&self, kind: GroupKind) -> Option<&Group> {
        self.groups
            .get(kind as usize)
            .filter(|_| (kind as usize) < self.group_count as usize)
    }

    /// Group `kind` if present and not blank.
    #[must_use]
    pub fn filled(&self, kind: GroupKind) -> Option<&Group> {
        self.group(kind).filter(|g| !g.is_blank())
    }

    /// Whether the value holds no character but spaces (only delimiters, escapes or
    /// nothing at all).
    #[must_use]
    pub const fn is_blank(&self) -> bool {
        !self.has_letters
    }

    /// Whether any group has a `^`.
    #[must_use]
    pub fn has_component_delimiter(&self) -> bool {
        self.groups().any(|(_, g)| g.component_count > 1)
    }

    /// The groups beyond the third, from the third `=` to the end of the content.
    #[must_use]
    pub fn excess_groups(&self) -> Option<ByteSpan> {
        if (self.group_count as usize) <= MAX_GROUPS {
            return None;
        }
        let third = self.groups.last()?;
        Some(ByteSpan::new(third.span.end, self.content_end))
    }
}

/// Whether a character may appear in the alphabetic group when value 1 of (0008,0005) is
/// `ISO_IR 192`, `GB18030` or `GBK` (PS3.5 §6.2.1.2): U+0020–U+1FFF, U+3001, U+3002,
/// U+300C, U+300D, U+3099–U+309C and U+30A0–U+30FF.
///
/// Exact for UTF-8. GB 18030 and GBK are judged without a mapping table, from the GB 2312
/// row where there is one: hanzi, hiragana, bopomofo, full-width Latin and the
/// ideographic space are outside, as are the 4-byte forms of the supplementary planes;
/// symbols and the other 4-byte forms are given the benefit of the doubt (`true`).
/// Characters of other sets are `true`: the restriction is only defined for these three.
#[must_use]
pub fn alphabetic_allowed(set: CodedCharacterSet, bytes: &[u8]) -> bool {
    match set {
        CodedCharacterSet::Utf8 => core::str::from_utf8(bytes)
            .ok()
            .and_then(|s| s.chars().next())
            .is_none_or(|c| {
                matches!(
                    u32::from(c),
                    0x20..=0x1FFF
                        | 0x3001
                        | 0x3002
                        | 0x300C
                        | 0x300D
                        | 0x3099..=0x309C
                        | 0x30A0..=0x30FF
                )
            }),
        CodedCharacterSet::Gb18030 | CodedCharacterSet::Gbk => match bytes {
            // Four-byte forms from 90 30 81 30 on are U+10000 and above.
            [0x90..=0xFF, _, _, _] => false,
            [_, _] => !matches!(
                script_of(set, bytes),
                Script::Hiragana
                    | Script::HanziLevel1
                    | Script::HanziLevel2
                    | Script::Han
                    | Script::FullwidthLetter
                    | Script::FullwidthDigit
                    | Script::IdeographicSpace
                    | Script::Bopomofo
                    | Script::HalfwidthKatakana
                    | Script::Hangul
            ),
            _ => true,
        },
        _ => true,
    }
}

/// Builds [`PersonName`]s from the tokens of one PN element's value; see the module docs.
///
/// Feed every token of the value, in order, to [`Builder::push`]; it returns a name at
/// each `\` and at [`Token::End`].
#[derive(Clone, Debug, Default)]
pub struct Builder {
    name: PersonName,
    /// A name was handed out: the next token starts the next value.
    handed_out: bool,
    /// Where the next value starts.
    next_start: u64,
    component_start: u64,
    /// Spaces since the last non-space character of the component.
    pending_space: Option<ByteSpan>,
    /// Whether the last non-space character of the component was an ideograph (`None`
    /// when the component has none yet).
    last_ideograph: Option<bool>,
    /// Where the current run of padding (SPACE, NUL) at the end of the group started.
    pad_start: Option<u64>,
    /// Characters in that run.
    pad_chars: u32,
}

impl Builder {
    /// A builder at the start of an element's value.
    #[must_use]
    pub fn new() -> Self {
        Builder {
            name: PersonName {
                group_count: 1,
                groups: [Group {
                    component_count: 1,
                    ..Group::default()
                }; MAX_GROUPS],
                ..PersonName::default()
            },
            ..Builder::default()
        }
    }

    /// Takes the next token of the value (`value` is the whole Value Field the token
    /// spans refer to). Returns the finished name at a value delimiter and at the end.
    pub fn push(&mut self, value: &[u8], token: &Token) -> Option<&PersonName> {
        if self.handed_out {
            self.start_value();
        }
        match *token {
            Token::Escape { span, .. } => {
                self.pad_start = None;
                self.pad_chars = 0;
                if let Some(g) = self.group_mut() {
                    g.escapes = g.escapes.saturating_add(1);
                    g.first_escape.get_or_insert(span);
                }
            }
            Token::Text { set, span, .. } => self.text(set, span, value),
            Token::Space { span } => self.character(Script::Space, span),
            Token::Control { byte: 0, span, .. } => self.pad(span),
            Token::Control { span, .. } | Token::Invalid { span, .. } => {
                self.character(Script::Other, span);
            }
            Token::Delimiter { kind, span, .. } => match kind {
                DelimiterKind::Component => self.component(span),
                DelimiterKind::Group => {
                    self.close_group(span.start);
                    self.name.trailing = Some(self.name.trailing.map_or(span, |t| t.cover(span)));
                    self.name.group_count = self.name.group_count.saturating_add(1);
                    self.component_start = span.end;
                    if let Some(g) = self.group_mut() {
                        g.span = ByteSpan::point(span.end);
                    }
                }
                DelimiterKind::Value => {
                    self.close_group(span.start);
                    self.name.span.end = span.start;
                    self.next_start = span.end;
                    self.handed_out = true;
                    return Some(&self.name);
                }
            },
            Token::End { span, .. } => {
                self.close_group(span.start);
                self.name.span.end = span.start;
                self.name.last = true;
                self.next_start = span.end;
                self.handed_out = true;
                return Some(&self.name);
            }
        }
        None
    }

    fn start_value(&mut self) {
        let index = self.name.index.saturating_add(1);
        let start = self.next_start;
        *self = Builder::new();
        self.name.index = index;
        self.name.span = ByteSpan::point(start);
        self.name.groups[0].span = ByteSpan::point(start);
        self.component_start = start;
    }

    fn group_mut(&mut self) -> Option<&mut Group> {
        self.name
            .groups
            .get_mut(usize::from(self.name.group_count).saturating_sub(1))
    }

    fn group_index(&self) -> usize {
        usize::from(self.name.group_count).saturating_sub(1)
    }

    fn text(&mut self, set: CodedCharacterSet, span: ByteSpan, value: &[u8]) {
        let start = usize::try_from(span.start).unwrap_or(usize::MAX);
        let end = usize::try_from(span.end).unwrap_or(usize::MAX);
        let bytes = value.get(start..end).unwrap_or(&[]);
        let check_alphabetic = self.group_index() == 0 && set.is_variable_length();
        match set {
            // One byte, one character: no need to split.
            CodedCharacterSet::Ascii | CodedCharacterSet::JisX0201Roman => {
                if !bytes.contains(&b' ') {
                    // The common case, a run of letters: one update for the run.
                    let scripts = bytes
                        .iter()
                        .fold(Scripts::EMPTY, |s, &b| s.with(ascii_script(b)));
                    let n = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
                    self.letters(scripts, n, (false, false));
                    return;
                }
                let mut at = span.start;
                for &b in bytes {
                    let here = ByteSpan::at(at, 1);
                    at = here.end;
                    self.character(ascii_script(b), here);
                }
            }
            _ => {
                // First pass: the scripts; a run without spaces is one update.
                let mut scripts = Scripts::EMPTY;
                let mut n = 0u32;
                let mut ideographs = (false, false);
                let mut at = span.start;
                for ch in characters(set, bytes) {
                    let here = ByteSpan::at(at, ch.len() as u64);
                    at = here.end;
                    let script = script_of(set, ch);
                    let ideograph = Scripts::IDEOGRAPHS.contains(script);
                    if n == 0 {
                        ideographs.0 = ideograph;
                    }
                    ideographs.1 = ideograph;
                    scripts = scripts.with(script);
                    n = n.saturating_add(1);
                    if check_alphabetic && !alphabetic_allowed(set, ch) {
                        if let Some(g) = self.group_mut() {
                            g.outside_alphabetic.get_or_insert(here);
                        }
                    }
                }
                if !scripts.intersects(Scripts::SPACES) {
                    self.letters(scripts, n, ideographs);
                    return;
                }
                let mut at = span.start;
                for ch in characters(set, bytes) {
                    let here = ByteSpan::at(at, ch.len() as u64);
                    at = here.end;
                    self.character(script_of(set, ch), here);
                }
            }
        }
    }

    /// `n` characters none of which is a space, as [`Self::character`] would take them
    /// one by one; `ideographs` says whether the first and the last are ideographs.
    fn letters(&mut self, scripts: Scripts, n: u32, ideographs: (bool, bool)) {
        if n == 0 {
            return;
        }
        self.pad_start = None;
        self.pad_chars = 0;
        let pending = self.pending_space.take();
        let last = self.last_ideograph.replace(ideographs.1);
        self.name.trailing = None;
        self.name.has_letters = true;
        let Some(g) = self.group_mut() else { return };
        g.scripts = g.scripts.union(scripts);
        g.chars = g.chars.saturating_add(n);
        g.letters = g.letters.saturating_add(n);
        let component = usize::from(g.component_count).saturating_sub(1);
        if component < 8 {
            g.filled |= 1 << component;
        }
        if let (Some(space), Some(last)) = (pending, last) {
            g.inner_space.get_or_insert(space);
            if last && ideographs.0 {
                g.spaced_ideographs.get_or_insert(space);
            }
        }
    }

    /// SPACE and NUL: counted, and remembered as possible padding.
    fn pad(&mut self, span: ByteSpan) {
        if self.pad_start.is_none() {
            self.pad_start = Some(span.start);
        }
        self.pad_chars = self.pad_chars.saturating_add(1);
        if let Some(g) = self.group_mut() {
            g.chars = g.chars.saturating_add(1);
        }
    }

    fn character(&mut self, script: Script, span: ByteSpan) {
        if script == Script::Space {
            self.pad(span);
        } else {
            self.pad_start = None;
            self.pad_chars = 0;
        }
        let space = matches!(script, Script::Space | Script::IdeographicSpace);
        if !space {
            self.name.trailing = None;
            self.name.has_letters = true;
        }
        let component = self
            .group_mut()
            .map_or(0, |g| usize::from(g.component_count).saturating_sub(1));
        let pending = self.pending_space;
        let last = self.last_ideograph;
        let Some(g) = self
            .name
            .groups
            .get_mut(usize::from(self.name.group_count).saturating_sub(1))
        else {
            return;
        };
        g.scripts = g.scripts.with(script);
        if script != Script::Space {
            g.chars = g.chars.saturating_add(1);
        }
        if space {
            self.pending_space = Some(pending.map_or(span, |p| p.cover(span)));
            return;
        }
        g.letters = g.letters.saturating_add(1);
        if component < 8 {
            g.filled |= 1 << component;
        }
        let ideograph = Scripts::IDEOGRAPHS.contains(script);
        if let (Some(space), Some(last)) = (pending, last) {
            g.inner_space.get_or_insert(space);
            if last && ideograph {
                g.spaced_ideographs.get_or_insert(space);
            }
        }
        self.pending_space = None;
        self.last_ideograph = Some(ideograph);
    }

    fn component(&mut self, span: ByteSpan) {
        self.pad_start = None;
        self.pad_chars = 0;
        self.pending_space = None;
        self.last_ideograph = None;
        self.name.trailing = Some(self.name.trailing.map_or(span, |t| t.cover(span)));
        let start = self.component_start;
        self.component_start = span.end;
        let Some(g) = self.group_mut() else { return };
        g.chars = g.chars.saturating_add(1);
        if let Some(slot) = g
            .components
            .get_mut(usize::from(g.component_count).saturating_sub(1))
        {
            *slot = ByteSpan::new(start, span.start);
        }
        g.component_count = g.component_count.saturating_add(1);
    }

    fn close_group(&mut self, end: u64) {
        let content_end = self.pad_start.unwrap_or(end);
        let pad_chars = self.pad_chars;
        let start = self.component_start;
        self.name.content_end = content_end;
        self.pad_start = None;
        self.pad_chars = 0;
        self.pending_space = None;
        self.last_ideograph = None;
        let Some(g) = self.group_mut() else { return };
        g.span.end = end;
        g.padding = end.saturating_sub(content_end);
        g.chars = g.chars.saturating_sub(pad_chars);
        if let Some(slot) = g
            .components
            .get_mut(usize::from(g.component_count).saturating_sub(1))
        {
            *slot = ByteSpan::new(start, end);
        }
    }
}

fn ascii_script(b: u8) -> Script {
    match b {
        b'A'..=b'Z' | b'a'..=b'z' => Script::AsciiLetter,
        b'0'..=b'9' => Script::AsciiDigit,
        b' ' => Script::Space,
        0x21..=0x7E => Script::AsciiOther,
        _ => Script::Other,
    }
}

/// The names of a PN element's value, scanned under `cs`.
#[must_use]
pub fn names<'a>(value: &'a [u8], cs: &SpecificCharacterSet) -> Names<'a> {
    Names {
        value,
        scanner: scan(value, cs, TextKind::PersonName),
        builder: Builder::new(),
    }
}

/// Iterator over the [`PersonName`]s of one value field; see [`names`].
#[derive(Clone, Debug)]
pub struct Names<'a> {
    value: &'a [u8],
    scanner: Scanner<'a>,
    builder: Builder,
}

impl Iterator for Names<'_> {
    type Item = PersonName;

    fn next(&mut self) -> Option<PersonName> {
        loop {
            let token = self.scanner.next()?;
            if let Some(name) = self.builder.push(self.value, &token) {
                return Some(*name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(cs: &[u8], value: &[u8]) -> PersonName {
        let cs = SpecificCharacterSet::from_value(cs);
        let mut it = names(value, &cs);
        let name = it.next().unwrap();
        assert!(name.last);
        assert!(it.next().is_none());
        name
    }

    /// `Display` of `x` in a fixed buffer: the crate has no allocator, even in tests.
    fn shown(x: impl fmt::Display) -> ([u8; 64], usize) {
        struct Buf([u8; 64], usize);
        impl fmt::Write for Buf {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                let end = self.1 + s.len();
                self.0
                    .get_mut(self.1..end)
                    .ok_or(fmt::Error)?
                    .copy_from_slice(s.as_bytes());
                self.1 = end;
                Ok(())
            }
        }
        let mut buf = Buf([0; 64], 0);
        fmt::write(&mut buf, format_args!("{x}")).unwrap();
        (buf.0, buf.1)
    }

    fn is_shown(x: impl fmt::Display, text: &str) -> bool {
        let (buf, n) = shown(x);
        &buf[..n] == text.as_bytes()
    }

    fn bytes(value: &[u8], span: ByteSpan) -> &[u8] {
        &value[span.start as usize..span.end as usize]
    }

    const H31: &[u8] =
        b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B";

    #[test]
    fn annex_h_example_1() {
        let name = one(b"\\ISO 2022 IR 87", H31);
        assert_eq!(name.group_count, 3);
        assert_eq!(name.trailing, None);
        let [a, i, p] = name.groups;
        assert_eq!(bytes(H31, a.span), b"Yamada^Tarou");
        assert_eq!(bytes(H31, a.components[0]), b"Yamada");
        assert_eq!(bytes(H31, a.components[1]), b"Tarou");
        assert_eq!((a.component_count, a.chars, a.escapes), (2, 12, 0));
        assert_eq!(a.scripts, Scripts::of(Script::AsciiLetter));
        assert_eq!(bytes(H31, i.components[0]), b"\x1b$B;3ED\x1b(B");
        // 山田^太郎: 5 characters, 4 escapes that count nothing.
        assert_eq!((i.component_count, i.chars, i.escapes), (2, 5, 4));
        assert_eq!(i.first_escape, Some(ByteSpan::at(13, 3)));
        assert_eq!(i.scripts, Scripts::of(Script::KanjiLevel1));
        assert_eq!((p.chars, p.escapes), (7, 4));
        assert_eq!(p.scripts, Scripts::of(Script::Hiragana));
        assert!(p.scripts.is_kana_only());
        assert_eq!(p.span.end, H31.len() as u64);
        assert_eq!(a.used_components(), 2);
        assert_eq!(i.used_components(), 2);
        assert_eq!(name.groups().count(), 3);
        assert!(is_shown(i.scripts, "kanji"));
    }

    #[test]
    fn annex_h_example_2_half_width_kana() {
        let v = b"\xd4\xcf\xc0\xde^\xc0\xdb\xb3=\x1b$B;3ED\x1b(J^\x1b$BB@O:\x1b(J=\x1b$B$d$^$@\x1b(J^\x1b$B$?$m$&\x1b(J";
        let name = one(b"ISO 2022 IR 13\\ISO 2022 IR 87", v);
        let a = name.groups[0];
        assert_eq!(a.scripts, Scripts::of(Script::HalfwidthKatakana));
        assert_eq!((a.chars, a.escapes), (8, 0));
        assert!(a.scripts.is_kana_only());
        assert_eq!(name.groups[1].scripts, Scripts::of(Script::KanjiLevel1));
    }

    #[test]
    fn annex_i_korean() {
        let v = b"Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7=\x1b$)C\xc8\xab^\x1b$)C\xb1\xe6\xb5\xbf";
        let name = one(b"\\ISO 2022 IR 149", v);
        assert_eq!(name.group_count, 3);
        assert_eq!(name.groups[1].scripts, Scripts::of(Script::Hanja));
        assert_eq!(name.groups[1].chars, 4);
        assert_eq!(name.groups[2].scripts, Scripts::of(Script::Hangul));
        assert!(is_shown(name.groups[2].scripts, "Hangul"));
    }

    #[test]
    fn annex_j_and_k_trailing_group_delimiter() {
        let utf8 = "Wang^XiaoDong=王^小東=".as_bytes();
        let name = one(b"ISO_IR 192", utf8);
        assert_eq!(name.group_count, 3);
        assert!(name.groups[2].is_blank());
        assert_eq!(name.trailing, Some(ByteSpan::at(utf8.len() as u64 - 1, 1)));
        assert_eq!(name.groups[1].scripts, Scripts::of(Script::Han));
        assert_eq!(name.groups[1].chars, 4);
        assert_eq!(name.groups[0].outside_alphabetic, None);

        let gb = b"Wang^XiaoDong=\xcd\xf5^\xd0\xa1\xb6\xab=";
        let name = one(b"GB18030", gb);
        assert_eq!(name.groups[1].scripts, Scripts::of(Script::HanziLevel1));
        assert!(name.trailing.is_some());

        // K.2: the final byte is the pad SPACE.
        let k = b"Zhang^XiaoDong=\x1b$)A\xd5\xc5^\x1b$)A\xd0\xa1\xb6\xab= ";
        let name = one(b"\\ISO 2022 IR 58", k);
        assert_eq!(name.group_count, 3);
        assert_eq!(name.groups[2].padding, 1);
        assert_eq!(name.groups[2].chars, 0);
        assert_eq!(name.trailing, Some(ByteSpan::at(k.len() as u64 - 2, 1)));
        assert_eq!(name.content_end, k.len() as u64 - 1);
    }

    #[test]
    fn jis_x_0212_is_supplementary_kanji() {
        let v = b"Mori^Ogai=\x1b$B?9\x1b(B^\x1b$(Dl?\x1b$B30\x1b(B=\x1b$B$b$j\x1b(B^\x1b$B$*$&$,$$\x1b(B";
        let name = one(b"ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159", v);
        let i = name.groups[1];
        assert!(i.scripts.contains(Script::KanjiSupplementary));
        assert!(i.scripts.contains(Script::KanjiLevel1));
        assert_eq!(i.chars, 4);
        assert!(is_shown(i.scripts, "kanji"));
    }

    #[test]
    fn delimiters_inside_a_kanji_do_not_split() {
        // 宮本 = 35 5C 4B 5C; 3D and 5E as second bytes: JIS `3B 3D` and `45 5E`.
        let v = b"=\x1b$B5\\K\\;=E^\x1b(B";
        let name = one(b"\\ISO 2022 IR 87", v);
        assert_eq!(name.group_count, 2);
        assert_eq!(name.groups[1].component_count, 1);
        assert_eq!(name.groups[1].chars, 4);
    }

    #[test]
    fn counts_beyond_the_limits_are_kept() {
        let v = b"A^B^C^D^E^F^G=X=Y=Z ";
        let name = one(b"", v);
        assert_eq!(name.group_count, 4);
        assert_eq!(name.groups[0].component_count, 7);
        assert_eq!(
            bytes(v, name.groups[0].excess_components().unwrap()),
            b"^F^G"
        );
        assert_eq!(bytes(v, name.excess_groups().unwrap()), b"=Z");
        assert_eq!(name.content_end, v.len() as u64 - 1);
        // What lies beyond the third group still counts as content.
        assert_eq!(name.trailing, None);
        let name = one(b"", b"===Z");
        assert!(!name.is_blank());
        assert_eq!(name.trailing, None);
    }

    #[test]
    fn several_values() {
        let cs = SpecificCharacterSet::from_value(b"ISO_IR 100");
        let v = b"Buc^J\xe9r\xf4me\\Doe^John^^";
        let mut it = names(v, &cs);
        let first = it.next().unwrap();
        assert_eq!((first.index, first.last), (0, false));
        assert_eq!(bytes(v, first.span), b"Buc^J\xe9r\xf4me");
        assert!(first.groups[0].scripts.contains(Script::LatinExtended));
        let second = it.next().unwrap();
        assert_eq!((second.index, second.last), (1, true));
        assert_eq!(bytes(v, second.span), b"Doe^John^^");
        assert_eq!(bytes(v, second.groups[0].span), b"Doe^John^^");
        assert_eq!(second.groups[0].used_components(), 2);
        assert_eq!(second.groups[0].component_count, 4);
        assert_eq!(bytes(v, second.trailing.unwrap()), b"^^");
        assert!(it.next().is_none());
    }

    #[test]
    fn blank_values() {
        let name = one(b"", b"^^^^ ");
        assert!(name.is_blank());
        assert_eq!(name.groups[0].chars, 4);
        assert_eq!(name.groups[0].padding, 1);
        let name = one(b"", b"");
        assert!(name.is_blank());
        assert_eq!(name.group_count, 1);
        assert_eq!(name.trailing, None);
        let name = one(b"", b"==");
        assert!(name.is_blank());
        assert_eq!(name.group_count, 3);
    }

    #[test]
    fn spaces_between_words() {
        let name = one(b"", b"YAMADA TAROU");
        assert_eq!(name.groups[0].inner_space, Some(ByteSpan::at(6, 1)));
        assert_eq!(name.groups[0].spaced_ideographs, None);
        let name = one(b"", b" Doe ^ John  ");
        assert_eq!(name.groups[0].inner_space, None);
        assert_eq!(name.groups[0].chars, 11);
        assert_eq!(name.groups[0].padding, 2);

        // 山田　太郎 (ideographic space 21 21) and 山田 太郎 (SPACE in JIS mode).
        let v = b"=\x1b$B;3ED!!B@O:\x1b(B";
        let name = one(b"\\ISO 2022 IR 87", v);
        assert_eq!(name.groups[1].spaced_ideographs, Some(ByteSpan::at(8, 2)));
        let v = b"=\x1b$B;3ED B@O:\x1b(B";
        let name = one(b"\\ISO 2022 IR 87", v);
        assert_eq!(name.groups[1].spaced_ideographs, Some(ByteSpan::at(8, 1)));
        // Returned to ASCII for the SPACE.
        let v = b"=\x1b$B;3ED\x1b(B \x1b$BB@O:\x1b(B";
        let name = one(b"\\ISO 2022 IR 87", v);
        assert_eq!(name.groups[1].spaced_ideographs, Some(ByteSpan::at(11, 1)));
        // UTF-8 U+3000.
        let v = "=山田\u{3000}太郎".as_bytes();
        let name = one(b"ISO_IR 192", v);
        assert_eq!(name.groups[1].spaced_ideographs, Some(ByteSpan::at(7, 3)));
        // Kana around the space are not ideographs.
        let v = "=やまだ\u{3000}たろう".as_bytes();
        let name = one(b"ISO_IR 192", v);
        assert_eq!(name.groups[1].spaced_ideographs, None);
        assert!(name.groups[1].inner_space.is_some());
    }

    #[test]
    fn alphabetic_repertoire_of_utf8_and_gb() {
        let v = "山田^太郎".as_bytes();
        let name = one(b"ISO_IR 192", v);
        assert_eq!(name.groups[0].outside_alphabetic, Some(ByteSpan::at(0, 3)));
        // Full-width katakana is allowed, half-width is not.
        let name = one(b"ISO_IR 192", "ヤマダ^タロウ".as_bytes());
        assert_eq!(name.groups[0].outside_alphabetic, None);
        let name = one(b"ISO_IR 192", "ﾔﾏﾀﾞ".as_bytes());
        assert_eq!(name.groups[0].outside_alphabetic, Some(ByteSpan::at(0, 3)));
        // Only the alphabetic group is looked at.
        let name = one(b"ISO_IR 192", "Yamada=山田".as_bytes());
        assert_eq!(name.groups[0].outside_alphabetic, None);
        assert_eq!(name.groups[1].outside_alphabetic, None);
        let name = one(b"GB18030", b"\xcd\xf5^\xd0\xa1");
        assert_eq!(name.groups[0].outside_alphabetic, Some(ByteSpan::at(0, 2)));
        assert!(alphabetic_allowed(CodedCharacterSet::Utf8, "é".as_bytes()));
        assert!(alphabetic_allowed(CodedCharacterSet::Utf8, "、".as_bytes()));
        assert!(!alphabetic_allowed(
            CodedCharacterSet::Utf8,
            "〃".as_bytes()
        ));
        assert!(!alphabetic_allowed(
            CodedCharacterSet::Utf8,
            "가".as_bytes()
        ));
        assert!(!alphabetic_allowed(
            CodedCharacterSet::Gb18030,
            b"\x95\x32\x82\x36"
        ));
        assert!(alphabetic_allowed(CodedCharacterSet::Gb18030, b"\xa8\xa6")); // pinyin é
    }

    #[test]
    fn escapes_in_the_alphabetic_group() {
        let v = b"\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B";
        let name = one(b"\\ISO 2022 IR 87", v);
        assert_eq!(name.groups[0].escapes, 4);
        assert_eq!(name.groups[0].first_escape, Some(ByteSpan::at(0, 3)));
        assert_eq!(name.groups[0].chars, 5);
    }

    #[test]
    fn builder_returns_each_value_once() {
        let cs = SpecificCharacterSet::from_value(b"");
        let v = b"A\\B\\";
        let mut b = Builder::new();
        let mut seen = 0;
        for t in scan(v, &cs, TextKind::PersonName) {
            if let Some(n) = b.push(v, &t) {
                assert_eq!(n.index, seen);
                seen += 1;
            }
        }
        assert_eq!(seen, 3);
    }
}
