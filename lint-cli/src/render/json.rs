//! `--format json`: one object on stdout, schema version 1 (stable; extend, never change).
//!
//! ```json
//! {"version":1,"files_checked":N,"summary":{"error":n,"warning":n,"info":n},
//!  "diagnostics":[{"rule":"…","severity":"error","path":"…","tag":"(0010,0010)",
//!  "tag_path":"(0040,0275)[0]/(0010,0010)","offset":1234,"length":8,"message":"…"}]}
//! ```

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::Report;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files_checked: usize,
    summary: Summary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct Summary {
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    path: String,
    tag: Option<String>,
    tag_path: Option<String>,
    offset: Option<u64>,
    length: Option<u64>,
    message: String,
}

/// Writes the report as one JSON object and a newline.
pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let all = super::all(report);
    let mut summary = Summary {
        error: 0,
        warning: 0,
        info: 0,
    };
    let diagnostics = all
        .iter()
        .map(|(path, d)| {
            match d.severity {
                lint_rules::Severity::Error => summary.error += 1,
                lint_rules::Severity::Warning => summary.warning += 1,
                lint_rules::Severity::Info => summary.info += 1,
            }
            let message = if d.inflated {
                format!("{} (offset in the inflated data set)", d.message)
            } else {
                d.message.clone()
            };
            JsonDiagnostic {
                rule: d.rule.id,
                severity: d.severity.as_str(),
                path: path.to_string_lossy().into_owned(),
                tag: d.tag.map(|tag| tag.to_string()),
                tag_path: d.tag_path.clone(),
                offset: d.span.map(|span| span.start),
                length: d.span.map(|span| span.len()),
                message,
            }
        })
        .collect();
    let output = Output {
        version: 1,
        files_checked: report.files.len(),
        summary,
        diagnostics,
    };
    serde_json::to_writer(&mut *out, &output)?;
    writeln!(out)
}
