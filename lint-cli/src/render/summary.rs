//! The one-line summary that ends human output (and is all `--quiet` prints).

use std::io::{self, Write};

use lint_rules::Severity;

use crate::diagnostic::Report;

/// Writes `checked N files: E errors, W warnings, I info` and what was skipped or
/// unreadable, with a newline.
pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let files = report.files.len();
    let (e, w, i) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info),
    );
    write!(
        out,
        "checked {files} file{}: {e} error{}, {w} warning{}, {i} info",
        plural(files),
        plural(e),
        plural(w)
    )?;
    if report.skipped > 0 {
        write!(
            out,
            " ({} non-DICOM file{} skipped)",
            report.skipped,
            plural(report.skipped)
        )?;
    }
    if !report.io.is_empty() {
        write!(
            out,
            "; {} path{} could not be read",
            report.io.len(),
            plural(report.io.len())
        )?;
    }
    writeln!(out)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
