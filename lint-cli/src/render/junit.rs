//! `--format junit`: JUnit XML, the test-report format every CI server shows.
//!
//! One `<testsuite>` per checked file (named by its path). A clean file holds one passing
//! `<testcase name="dcmlint">`; otherwise each finding is a `<testcase>` named by rule and
//! place. A finding that reaches `--fail-on` carries a `<failure>`; one below it passes
//! with the message in `<system-out>`, so the report fails exactly when the exit status
//! does. A path that could not be read is a suite with an `<error>`. No timestamps or
//! durations: the same input gives the same bytes.

use std::io::{self, Write};
use std::path::PathBuf;

use lint_rules::Severity;

use crate::diagnostic::{Diagnostic, Report};

/// One suite: a path and its findings.
struct Suite {
    path: PathBuf,
    findings: Vec<Diagnostic>,
}

/// Writes the report; `fail_on` decides which findings are failures.
pub fn write(out: &mut dyn Write, report: &Report, fail_on: Severity) -> io::Result<()> {
    let all = super::all(report);
    let in_files: usize = report.files.iter().map(|f| f.diagnostics.len()).sum();
    let mut suites: Vec<Suite> = report
        .files
        .iter()
        .map(|file| Suite {
            path: file.path.clone(),
            findings: file.diagnostics.clone(),
        })
        .collect();
    // Unreadable paths and link loops come after the files' findings in `all`.
    for (path, d) in all.into_iter().skip(in_files) {
        suites.push(Suite {
            path,
            findings: vec![d],
        });
    }
    let is_error = |d: &Diagnostic| std::ptr::eq(d.rule, &lint_rules::io::UNREADABLE);
    let is_failure = |d: &Diagnostic| !is_error(d) && d.severity >= fail_on;
    let count = |suite: &Suite, f: &dyn Fn(&Diagnostic) -> bool| {
        suite.findings.iter().filter(|d| f(d)).count()
    };
    let tests = |suite: &Suite| suite.findings.len().max(1);
    let total: usize = suites.iter().map(tests).sum();
    let failures: usize = suites.iter().map(|s| count(s, &is_failure)).sum();
    let errors: usize = suites.iter().map(|s| count(s, &is_error)).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="dcmlint" tests="{total}" failures="{failures}" errors="{errors}">"#
    )?;
    for suite in &suites {
        let path = escape(&suite.path.to_string_lossy());
        writeln!(
            out,
            r#"  <testsuite name="{path}" tests="{}" failures="{}" errors="{}">"#,
            tests(suite),
            count(suite, &is_failure),
            count(suite, &is_error)
        )?;
        if suite.findings.is_empty() {
            writeln!(out, r#"    <testcase name="dcmlint" classname="{path}"/>"#)?;
        }
        for d in &suite.findings {
            let place = super::place(d);
            let name = if place.is_empty() {
                d.rule.id.to_owned()
            } else {
                format!("{} at {place}", d.rule.id)
            };
            writeln!(
                out,
                r#"    <testcase name="{}" classname="{path}">"#,
                escape(&name)
            )?;
            let body = escape(&format!(
                "{}[{}]: {}\n{}{}\nhelp: dcmlint rule {}",
                d.severity,
                d.rule.id,
                d.message,
                suite.path.to_string_lossy(),
                if place.is_empty() {
                    String::new()
                } else {
                    format!(": {place}")
                },
                d.rule.id
            ));
            let element = if is_error(d) {
                Some("error")
            } else if is_failure(d) {
                Some("failure")
            } else {
                None
            };
            match element {
                Some(element) => writeln!(
                    out,
                    r#"      <{element} type="{}" message="{}">{body}</{element}>"#,
                    d.rule.id,
                    escape(&d.message)
                )?,
                None => writeln!(out, "      <system-out>{body}</system-out>")?,
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Escapes text for XML content and attribute values. Characters XML 1.0 cannot hold at
/// all (most C0 controls) become U+FFFD: a decoded value may contain them.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            escape("a<b & \"c\"\u{1B}"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}"
        );
    }
}
