//! Output formats, one module each, like ruff's renderers: [`human`] (ariadne, for
//! people), [`json`] (schema version 1), [`sarif`] (SARIF 2.1.0, for code-scanning
//! dashboards), [`github`] (GitHub Actions workflow commands) and [`junit`] (JUnit XML,
//! for CI test reports). All take findings in the order of [`all`].

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod summary;

use crate::diagnostic::{Diagnostic, Report};
use lint_rules::io::{SYMLINK_LOOP, UNREADABLE};
use std::path::PathBuf;

/// Every diagnostic of a run in output order: per file in path order, in stream order,
/// then problems reading paths.
pub fn all(report: &Report) -> Vec<(PathBuf, Diagnostic)> {
    let mut out = Vec::new();
    for file in &report.files {
        for d in &file.diagnostics {
            out.push((file.path.clone(), d.clone()));
        }
    }
    for (path, error) in &report.io {
        out.push((path.clone(), Diagnostic::note(&UNREADABLE, error.clone())));
    }
    for path in &report.loops {
        out.push((
            path.clone(),
            Diagnostic::note(
                &SYMLINK_LOOP,
                "symbolic link back to a directory being walked; not followed".to_owned(),
            ),
        ));
    }
    let files: usize = report.files.iter().map(|f| f.diagnostics.len()).sum();
    for (_, d) in out.iter_mut().skip(files) {
        d.severity = report.severity.of(d.rule);
    }
    out
}

/// Where a finding is, in words: the tag path with the keyword, and the byte offset
/// (`(0010,1000) OtherPatientIDs, offset 476 (0x1DC)`); empty for a finding about the
/// whole file. For the one-line formats (GitHub, JUnit).
pub fn place(d: &Diagnostic) -> String {
    let mut place = String::new();
    if let Some(path) = &d.tag_path {
        place.push_str(path);
        if let Some(keyword) = d.tag.and_then(lint_core::dictionary::keyword) {
            place.push(' ');
            place.push_str(keyword);
        }
    }
    if let Some(span) = d.span {
        if !place.is_empty() {
            place.push_str(", ");
        }
        place.push_str(&format!("offset {} (0x{:X})", span.start, span.start));
        if d.inflated {
            place.push_str(" in the inflated data set");
        }
    }
    place
}
