//! `--format github`: one GitHub Actions workflow command per finding, so findings appear
//! as annotations on the run and on the files of a pull request.
//!
//! `::error file=PATH,title=RULE::PLACE: MESSAGE` (`::warning` for warnings, `::notice`
//! for info). DICOM files have no lines, so no `line=` is given: GitHub shows a file-level
//! annotation, and the message carries the tag path and byte offset instead. Data is
//! escaped as GitHub's toolkit does (`%`, CR, LF), properties also `:` and `,`
//! (actions/toolkit `command.ts`, `escapeData` and `escapeProperty`).

use std::io::{self, Write};

use lint_rules::Severity;

use crate::diagnostic::Report;

/// Writes one workflow command per finding.
pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    for (path, d) in super::all(report) {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let place = super::place(&d);
        let message = if place.is_empty() {
            d.message.clone()
        } else {
            format!("{place}: {}", d.message)
        };
        writeln!(
            out,
            "::{command} file={},title={}::{}",
            escape_property(&path.to_string_lossy()),
            escape_property(d.rule.id),
            escape_data(&message)
        )?;
    }
    Ok(())
}

/// Escapes a command's message.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property's value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_toolkit_does() {
        assert_eq!(escape_data("50%\r\nnext: a,b"), "50%25%0D%0Anext: a,b");
        assert_eq!(escape_property("C:\\a,b%\n"), "C%3A\\a%2Cb%25%0A");
    }
}
