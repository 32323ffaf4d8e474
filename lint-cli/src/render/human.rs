//! Human output: each finding as an ariadne report over a hex-and-text listing of the
//! bytes concerned, the offending span underlined; then a summary line.

use std::io::{self, IsTerminal, Write};

use ariadne::{Config, Label, Report as AriadneReport, ReportKind, Source};
use lint_core::dictionary;
use lint_rules::Severity;

use crate::diagnostic::{Diagnostic, Report};

/// Writes every finding, then the summary.
pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for (path, d) in super::all(report) {
        let path = path.to_string_lossy();
        write_one(out, &path, &d, color)?;
    }
    // The file-set of each DICOMDIR, as its offsets build it.
    for file in &report.files {
        if let Some(tree) = &file.directory {
            writeln!(out, "{}:", file.path.to_string_lossy())?;
            for line in tree {
                writeln!(out, "  {line}")?;
            }
            writeln!(out)?;
        }
    }
    super::summary::write(out, report)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Where a finding is: the element's tag path with keywords, and the byte offset.
fn location(d: &Diagnostic) -> String {
    let mut location = String::new();
    if let Some(path) = &d.tag_path {
        location.push_str(path);
        if let Some(keyword) = d.tag.and_then(dictionary::keyword) {
            location.push(' ');
            location.push_str(keyword);
        }
    }
    if let Some(span) = d.span {
        if !location.is_empty() {
            location.push_str(", ");
        }
        location.push_str(&format!("offset {} (0x{:X})", span.start, span.start));
        if d.inflated {
            location.push_str(" in the inflated data set");
        }
    }
    location
}

fn write_one(out: &mut dyn Write, path: &str, d: &Diagnostic, color: bool) -> io::Result<()> {
    let kind = match d.severity {
        Severity::Error => ReportKind::Error,
        Severity::Warning => ReportKind::Warning,
        Severity::Info => ReportKind::Advice,
    };
    let location = location(d);
    let (Some(span), Some((start, bytes))) = (d.span, &d.context) else {
        writeln!(out, "{}[{}]: {}", d.severity, d.rule.id, d.message)?;
        if location.is_empty() {
            writeln!(out, "  --> {path}\n")?;
        } else {
            writeln!(out, "  --> {path}: {location}\n")?;
        }
        return Ok(());
    };
    let listing = Listing::new(*start, bytes);
    // Underline within the first line of the span only: a span over many lines would
    // bury the listing under ariadne's multi-line markers.
    let line_end = (span.start | 15) + 1;
    let range = listing.range(span.start, span.end.min(line_end));
    let id = format!("{path}: {location}");
    let label = match span.len() {
        0 => "here".to_owned(),
        n if span.end > line_end => format!("{n} bytes from here"),
        n => format!("{n} byte{}", plural(n as usize)),
    };
    let mut buf = Vec::new();
    let mut report = AriadneReport::build(kind, (id.clone(), range.clone()))
        .with_code(d.rule.id)
        .with_message(&d.message)
        .with_config(Config::default().with_color(color))
        .with_label(Label::new((id.clone(), range)).with_message(label));
    if let Some(text) = &d.text {
        report = report.with_note(format!(
            "(0008,0005) {}; the value decodes to: {}",
            text.declared, text.decoded
        ));
        if d.rule.family() == "pn" {
            if let Some(groups) = text.groups_line() {
                report = report.with_note(groups);
            }
        }
    }
    report
        .finish()
        .write((id, Source::from(listing.text)), &mut buf)?;
    out.write_all(&buf)?;
    writeln!(out)
}

/// A hex-and-text listing of bytes, 16 per line, with the offset of each line.
struct Listing {
    text: String,
    start: u64,
    len: u64,
}

const HEX_COLUMN: usize = 10;
const LINE_LEN: usize = HEX_COLUMN + 16 * 3 + 1 + 16 + 1;

impl Listing {
    fn new(start: u64, bytes: &[u8]) -> Self {
        let mut text = String::new();
        for (row, chunk) in bytes.chunks(16).enumerate() {
            text.push_str(&format!("{:08X}  ", start + row as u64 * 16));
            for i in 0..16 {
                match chunk.get(i) {
                    Some(b) => text.push_str(&format!("{b:02X} ")),
                    None => text.push_str("   "),
                }
            }
            text.push('|');
            for &b in chunk {
                text.push(if b.is_ascii_graphic() || b == b' ' {
                    char::from(b)
                } else {
                    '.'
                });
            }
            for _ in chunk.len()..16 {
                text.push(' ');
            }
            text.push('\n');
        }
        Listing {
            text,
            start,
            len: bytes.len() as u64,
        }
    }

    /// The character range of the hex digits of bytes `from..to` (clamped to the
    /// listing; an empty span marks one position).
    fn range(&self, from: u64, to: u64) -> std::ops::Range<usize> {
        let last = self.start + self.len.saturating_sub(1);
        let from = from.clamp(self.start, last);
        let to = to.max(from + 1).clamp(from + 1, last + 1);
        let position = |byte: u64| {
            let index = (byte - self.start) as usize;
            (index / 16) * LINE_LEN + HEX_COLUMN + (index % 16) * 3
        };
        position(from)..position(to - 1) + 2
    }
}
