//! Owned findings: what the renderers need of each one, collected per file.

use std::path::PathBuf;

use lint_core::{ByteSpan, Tag};
use lint_rules::{RuleMeta, Severity};

use crate::config::SeverityOverrides;

/// One finding, owned, with the bytes around it for display.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The rule.
    pub rule: &'static RuleMeta,
    /// Its severity.
    pub severity: Severity,
    /// The element, if any.
    pub tag: Option<Tag>,
    /// The full tag path, e.g. `(0040,0275)[0]/(0010,0010)`.
    pub tag_path: Option<String>,
    /// The bytes concerned.
    pub span: Option<ByteSpan>,
    /// The message.
    pub message: String,
    /// Input bytes around the span (from `context.0`), for the hex listing.
    pub context: Option<(u64, Vec<u8>)>,
    /// Offsets refer to the inflated data set of a deflated file.
    pub inflated: bool,
    /// For findings about a text value: the value as declared and decoded.
    pub text: Option<DecodedText>,
}

/// A text value shown the way a field engineer needs it: what (0008,0005) declares and
/// what the bytes decode to, with every escape sequence and invalid byte visible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    /// (0008,0005) as declared, e.g. `` `\ISO 2022 IR 87` `` or `(absent)`.
    pub declared: String,
    /// The decoded value: escapes as `⟨ESC $ B⟩`, invalid bytes as `⟨8E 52⟩`.
    pub decoded: String,
    /// For a PN value: the component groups of the name the finding is in, decoded.
    pub person_name: Option<Vec<NameGroup>>,
}

/// One component group of a person name, decoded, with the scripts it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameGroup {
    /// Alphabetic, ideographic or phonetic.
    pub kind: lint_core::pn::GroupKind,
    /// The group's text: escape sequences left out, invalid bytes as `⟨8E 52⟩`.
    pub text: String,
    /// The script classes of its characters.
    pub scripts: lint_core::pn::Scripts,
    /// No character but spaces (it may hold `^`).
    pub blank: bool,
}

/// Writes bytes as `⟨8E 52⟩`.
fn hex(out: &mut String, bytes: &[u8]) {
    use std::fmt::Write;
    out.push('⟨');
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{b:02X}");
    }
    out.push('⟩');
}

impl DecodedText {
    /// Decodes `value` as the linter read it; `at` (relative to the value) says which
    /// name of a multi-valued PN the finding is about.
    pub fn new(value: &[u8], context: &lint_rules::text::TextContext, at: Option<u64>) -> Self {
        use lint_core::charset::decode::{Piece, decode};
        use std::fmt::Write;
        let mut decoded = String::new();
        let _ = decode(value, &context.set, context.kind, |piece, _| {
            match piece {
                Piece::Char(c) if c.is_control() => hex(&mut decoded, &[c as u8]),
                Piece::Char(c) => decoded.push(c),
                Piece::Escape { escape, bytes } => {
                    let _ = write!(decoded, "⟨{}⟩", lint_rules::text::EscapeText(escape, bytes));
                }
                Piece::Invalid { bytes, .. } | Piece::Unmapped { bytes } => {
                    hex(&mut decoded, bytes);
                }
            }
            Ok(())
        });
        let trimmed = decoded.trim_end_matches(' ').len();
        decoded.truncate(trimmed);
        DecodedText {
            declared: lint_rules::text::DeclaredSet(context.set).to_string(),
            decoded,
            person_name: (context.kind == lint_core::charset::TextKind::PersonName)
                .then(|| person_name(value, &context.set, at))
                .flatten(),
        }
    }

    /// The groups of a person name on one line, each labelled with its scripts:
    /// `alphabetic: Yamada^Tarou (ASCII) | ideographic: 山田^太郎 (kanji) | …`.
    pub fn groups_line(&self) -> Option<String> {
        let groups = self.person_name.as_ref()?;
        let parts: Vec<String> = groups
            .iter()
            .map(|g| {
                if g.text.trim().is_empty() {
                    format!("{}: (empty)", g.kind)
                } else if g.blank {
                    format!("{}: {} (delimiters only)", g.kind, g.text)
                } else if g.scripts.labels().next().is_none() {
                    format!("{}: {}", g.kind, g.text)
                } else {
                    format!("{}: {} ({})", g.kind, g.text, g.scripts)
                }
            })
            .collect();
        Some(parts.join(" | "))
    }
}

/// The component groups of the name at `at` (or the first) of a PN value, decoded.
fn person_name(
    value: &[u8],
    set: &lint_core::charset::SpecificCharacterSet,
    at: Option<u64>,
) -> Option<Vec<NameGroup>> {
    use lint_core::charset::TextKind;
    use lint_core::charset::decode::{Piece, decode};
    let names: Vec<_> = lint_core::pn::names(value, set).collect();
    let name = at
        .and_then(|at| {
            names
                .iter()
                .find(|n| n.span.start <= at && at <= n.span.end)
        })
        .or(names.first())?;
    let groups = name
        .groups()
        .map(|(kind, g)| {
            let span = g.content();
            let bytes = value
                .get(span.start as usize..span.end as usize)
                .unwrap_or(&[]);
            // Every group starts at a reset point (value 1's state), so it decodes alone.
            let mut text = String::new();
            let _ = decode(bytes, set, TextKind::PersonName, |piece, _| {
                match piece {
                    Piece::Char(c) if c.is_control() => hex(&mut text, &[c as u8]),
                    Piece::Char(c) => text.push(c),
                    Piece::Escape { .. } => {}
                    Piece::Invalid { bytes, .. } | Piece::Unmapped { bytes } => {
                        hex(&mut text, bytes);
                    }
                }
                Ok(())
            });
            NameGroup {
                kind,
                text,
                scripts: g.scripts,
                blank: g.is_blank(),
            }
        })
        .collect();
    Some(groups)
}

impl Diagnostic {
    /// A finding the CLI makes itself (about reading a file, not about its bytes).
    pub fn note(rule: &'static RuleMeta, message: String) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            tag: None,
            tag_path: None,
            span: None,
            message,
            context: None,
            inflated: false,
            text: None,
        }
    }
}

/// Everything found in one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as found.
    pub path: PathBuf,
    /// Findings in stream order (a DICOMDIR's tree findings after them, by offset).
    pub diagnostics: Vec<Diagnostic>,
    /// For a DICOMDIR: the file-set summary, one line per entry (human output only).
    pub directory: Option<Vec<String>>,
}

/// Everything found in one run.
#[derive(Debug, Default)]
pub struct Report {
    /// Files checked, in path order.
    pub files: Vec<FileReport>,
    /// Problems reading paths (not findings about DICOM data).
    pub io: Vec<(PathBuf, String)>,
    /// Directories reached again through a symbolic link (walking stopped there).
    pub loops: Vec<PathBuf>,
    /// Files passed over because their content is not DICOM.
    pub skipped: usize,
    /// Severities set by the configuration, for the findings made while rendering
    /// (unreadable paths, symbolic-link loops).
    pub severity: SeverityOverrides,
}

impl Report {
    /// Count of findings at `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.files
            .iter()
            .flat_map(|file| &file.diagnostics)
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The worst severity found.
    pub fn worst(&self) -> Option<Severity> {
        self.files
            .iter()
            .flat_map(|file| &file.diagnostics)
            .map(|d| d.severity)
            .max()
    }

    /// I/O problems.
    pub fn io_errors(&self) -> usize {
        self.io.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lint_core::ByteSpan;
    use lint_core::charset::{SpecificCharacterSet, TextKind};
    use lint_rules::text::TextContext;

    fn decoded(cs: &[u8], value: &[u8], at: Option<u64>) -> DecodedText {
        let context = TextContext {
            value: ByteSpan::at(0, value.len() as u64),
            set: SpecificCharacterSet::from_value(cs),
            kind: TextKind::PersonName,
        };
        DecodedText::new(value, &context, at)
    }

    #[test]
    fn person_name_groups_are_shown_with_their_scripts() {
        let h31 =
            b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B";
        let text = decoded(b"\\ISO 2022 IR 87", h31, None);
        assert_eq!(
            text.groups_line().unwrap(),
            "alphabetic: Yamada^Tarou (ASCII) | ideographic: 山田^太郎 (kanji) | phonetic: やまだ^たろう (hiragana)"
        );
        let text = decoded(b"", b"^^^^", None);
        assert_eq!(
            text.groups_line().unwrap(),
            "alphabetic: ^^^^ (delimiters only)"
        );
        let text = decoded(b"ISO_IR 192", "Wang^XiaoDong=王^小東= ".as_bytes(), None);
        assert_eq!(
            text.groups_line().unwrap(),
            "alphabetic: Wang^XiaoDong (ASCII) | ideographic: 王^小東 (Han ideographs) | phonetic: (empty)"
        );
    }

    #[test]
    fn the_name_holding_the_finding_is_shown() {
        let text = decoded(b"ISO_IR 100", b"Doe^John\\M\xfcller^J\xfcrgen", Some(12));
        assert_eq!(
            text.groups_line().unwrap(),
            "alphabetic: Müller^Jürgen (ASCII, Latin)"
        );
        let context = TextContext {
            value: ByteSpan::at(0, 3),
            set: SpecificCharacterSet::ABSENT,
            kind: TextKind::MultiValued,
        };
        assert_eq!(DecodedText::new(b"Doe", &context, None).groups_line(), None);
    }
}
