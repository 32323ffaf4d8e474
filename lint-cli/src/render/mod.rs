//! Output formats: [`human`] (ariadne, for people) and [`json`] (schema version 1).

pub mod human;
pub mod json;

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
    out
}
