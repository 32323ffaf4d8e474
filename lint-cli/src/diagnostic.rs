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
