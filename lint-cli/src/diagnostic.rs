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
}

impl DecodedText {
    /// Decodes `value` as the linter read it.
    pub fn new(value: &[u8], context: &lint_rules::text::TextContext) -> Self {
        use lint_core::charset::decode::{Piece, decode};
        use std::fmt::Write;
        let mut decoded = String::new();
        let hex = |out: &mut String, bytes: &[u8]| {
            out.push('⟨');
            for (i, b) in bytes.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{b:02X}");
            }
            out.push('⟩');
        };
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
        }
    }
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
    /// Findings in stream order.
    pub diagnostics: Vec<Diagnostic>,
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
