//! `dcmlint inspect FILE [--tag TAG]…`: one file, element by element, for the person
//! diagnosing it.
//!
//! Each element is listed with its offset, tag path, keyword (from the dictionary), VR,
//! length and value. Text values are shown decoded under the Specific Character Set in
//! force, which this module tracks itself from the events: (0008,0005) of the data set,
//! inherited by every item unless the item has its own (PS3.5 §7.5.3). Text that is not
//! plain ASCII (or that a rule flags) is also shown as bytes in hex with the escape
//! sequences marked, and as runs, each with the coded character set that decodes it.
//! `--tag` shows the chosen elements in depth: every token of the value (text runs,
//! escapes with what they designate, delimiters, controls, invalid bytes) on its own line.
//!
//! The linter runs with the run's settings, and each finding is printed under the
//! element it concerns (the element whose bytes hold the finding's span, or failing
//! that the one with its tag and path); findings about the whole file come first.
//!
//! Like `check`, the file is read in windows and bulk values are skipped, so inspecting a
//! large image reads only its headers. A deflated data set is inflated and listed with
//! offsets into the inflated bytes.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use lint_core::charset::decode::char_of;
use lint_core::charset::{
    CodeState, DelimiterKind, Escape, EscapeStatus, SpecificCharacterSet, TextKind, Token,
    characters, scan,
};
use lint_core::parser::{Event, Section, TagPath, VrOrigin};
use lint_core::{ByteSpan, Tag, Vr, dictionary};
use lint_rules::runner::Progress;
use lint_rules::{Finding, Linter, RuleMeta, Severity};

use crate::config::Settings;

/// Bytes read at a time.
const CHUNK: u64 = 64 * 1024;
/// The most a deflated data set may inflate to.
const MAX_INFLATED: usize = 512 * 1024 * 1024;
/// Text bytes kept per value (longer UT/LT values are cut, and say so).
const MAX_TEXT: usize = 64 * 1024;
/// Binary bytes kept per value, for the hex preview.
const MAX_BINARY: usize = 256;
/// Hex bytes shown in the listing for one text value; `--tag` shows them all.
const LISTING_HEX: usize = 64;

/// Parses a `--tag` argument: `(0010,0010)`, `0010,0010`, `00100010` or a PS3.6 keyword.
pub fn parse_tag(text: &str) -> Option<Tag> {
    let trimmed = text.trim();
    let inner = trimmed
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(trimmed);
    let hex: String = inner.chars().filter(|&c| c != ',').collect();
    let is_hex = hex.len() == 8 && hex.chars().all(|c| c.is_ascii_hexdigit());
    let comma_ok = !inner.contains(',') || inner.find(',') == Some(4);
    if is_hex && comma_ok {
        return u32::from_str_radix(&hex, 16).ok().map(Tag::from_u32);
    }
    dictionary::lookup_keyword(trimmed)
}

/// A finding, owned.
#[derive(Debug)]
struct Found {
    rule: &'static RuleMeta,
    severity: Severity,
    span: Option<ByteSpan>,
    tag: Option<Tag>,
    tag_path: Option<String>,
    message: String,
    inflated: bool,
}

/// The Specific Character Set in force, with its raw value for display.
#[derive(Clone, Debug)]
struct Charset {
    set: SpecificCharacterSet,
    /// The (0008,0005) value as written; `None` when absent.
    raw: Option<Vec<u8>>,
}

/// What a listed line is.
#[derive(Debug)]
enum Kind {
    /// A data element with a value.
    Element {
        vr: Vr,
        origin: VrOrigin,
        length: u32,
        /// The value's bytes as far as kept (`None`: outside the windows read, bulk).
        value: Option<Vec<u8>>,
        /// Whether `value` was cut.
        cut: bool,
        header: ByteSpan,
        value_span: ByteSpan,
        big_endian: bool,
        charset: Charset,
    },
    /// A sequence, or encapsulated pixel data.
    Sequence { vr: Vr, length: u32, pixels: bool },
    /// An item.
    Item { index: u32, length: u32 },
    /// An Item or Sequence Delimitation Item.
    Delimiter { item: bool },
    /// A fragment of encapsulated pixel data.
    Fragment { index: u32, length: u64 },
    /// A fact about the stream (preamble, File Meta, data set, deflate).
    Note(String),
}

/// One line of the listing and what belongs to it.
#[derive(Debug)]
struct Row {
    kind: Kind,
    tag: Option<Tag>,
    /// Tag path with the element itself, `(0040,0275)[0]/(0010,0010)`.
    path: String,
    /// Nesting for indentation: 2 per sequence level, items in between.
    level: usize,
    /// The bytes a finding must lie in to be shown under this row.
    extent: ByteSpan,
    inflated: bool,
    findings: Vec<Found>,
}

/// A file, listed.
#[derive(Debug)]
pub struct Inspection {
    path: PathBuf,
    total: u64,
    rows: Vec<Row>,
    /// Findings about no particular element.
    file_findings: Vec<Found>,
}

/// Reads and lints `path` (or standard input for `-`).
pub fn inspect(path: &Path, settings: &Settings) -> io::Result<Inspection> {
    if path.as_os_str() == crate::check::STDIN {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        let total = bytes.len() as u64;
        return inspect_source(path, io::Cursor::new(bytes), total, settings);
    }
    let file = File::open(path)?;
    let total = file.metadata()?.len();
    inspect_source(path, file, total, settings)
}

fn read_at<R: Read + Seek>(
    file: &mut R,
    offset: u64,
    len: u64,
    buf: &mut Vec<u8>,
) -> io::Result<()> {
    buf.clear();
    file.seek(SeekFrom::Start(offset))?;
    file.take(len).read_to_end(buf)?;
    Ok(())
}

/// Builds the rows from the events, tracking (0008,0005) per data set and item.
#[derive(Debug)]
struct Collector {
    rows: Vec<Row>,
    /// The character set of the root data set and of each open item, innermost last.
    charsets: Vec<Charset>,
    inflated: bool,
}

impl Collector {
    fn new() -> Self {
        Collector {
            rows: Vec::new(),
            charsets: vec![Charset {
                set: SpecificCharacterSet::ABSENT,
                raw: None,
            }],
            inflated: false,
        }
    }

    fn charset(&self) -> Charset {
        self.charsets.last().cloned().unwrap_or(Charset {
            set: SpecificCharacterSet::ABSENT,
            raw: None,
        })
    }

    fn push(&mut self, kind: Kind, tag: Option<Tag>, path: String, level: usize, extent: ByteSpan) {
        self.rows.push(Row {
            kind,
            tag,
            path,
            level,
            extent,
            inflated: self.inflated,
            findings: Vec::new(),
        });
    }

    fn event(&mut self, event: &Event<'_>, path: TagPath<'_>) {
        let steps = path.steps().len();
        match event {
            Event::StreamStart(start) => {
                let text = match start.preamble {
                    lint_core::parser::Preamble::Standard { .. } => {
                        "128-byte preamble and DICM prefix (PS3.10 file)"
                    }
                    lint_core::parser::Preamble::MissingPrefix { .. } => {
                        "128 bytes taken for a preamble, but no DICM prefix"
                    }
                    lint_core::parser::Preamble::PrefixOnly { .. } => {
                        "DICM prefix without a preamble"
                    }
                    lint_core::parser::Preamble::Absent if start.file_meta => {
                        "no preamble or prefix; File Meta group at offset 0"
                    }
                    lint_core::parser::Preamble::Absent => {
                        "no preamble, prefix or File Meta: a bare data set"
                    }
                };
                self.push(
                    Kind::Note(text.to_owned()),
                    None,
                    String::new(),
                    0,
                    ByteSpan::point(0),
                );
            }
            Event::FileMetaEnd(end) => {
                let syntax = match end.transfer_syntax {
                    Some(ts) => format!("{} ({})", ts.name, ts.uid),
                    None if end.transfer_syntax_present => "an unknown transfer syntax".to_owned(),
                    None => "no transfer syntax".to_owned(),
                };
                self.push(
                    Kind::Note(format!(
                        "end of File Meta ({} bytes): {syntax}",
                        end.span.len()
                    )),
                    None,
                    String::new(),
                    0,
                    ByteSpan::point(end.span.end),
                );
            }
            Event::DataSetStart(start) => {
                let text = if start.deflated {
                    "data set: deflated".to_owned()
                } else if start.declared.is_some_and(|d| d != start.used) {
                    format!(
                        "data set: read as {} (the bytes say so; the transfer syntax says {})",
                        start.used,
                        start.declared.map_or("", |d| d.name())
                    )
                } else {
                    format!("data set: {}", start.used)
                };
                self.push(
                    Kind::Note(text),
                    None,
                    String::new(),
                    0,
                    ByteSpan::point(start.at.start),
                );
            }
            Event::Deflated(span) => {
                self.push(
                    Kind::Note(format!(
                        "deflated data set at {}..{}; offsets below are in the inflated bytes",
                        span.start, span.end
                    )),
                    None,
                    String::new(),
                    0,
                    *span,
                );
            }
            Event::Element(element) => {
                let header = element.header;
                let value = element.value.map(|bytes| {
                    let keep = if header.vr.is_string() {
                        MAX_TEXT
                    } else {
                        MAX_BINARY
                    };
                    bytes[..bytes.len().min(keep)].to_vec()
                });
                let cut = match (element.value, &value) {
                    (Some(all), Some(kept)) => kept.len() < all.len(),
                    _ => false,
                };
                if header.tag == lint_core::tag::tags::SPECIFIC_CHARACTER_SET
                    && element.section == Section::DataSet
                {
                    if let (Some(bytes), Some(top)) = (element.value, self.charsets.last_mut()) {
                        *top = Charset {
                            set: SpecificCharacterSet::from_value(bytes),
                            raw: Some(bytes.to_vec()),
                        };
                    }
                }
                let charset = self.charset();
                self.push(
                    Kind::Element {
                        vr: header.vr,
                        origin: header.vr_origin,
                        length: header.length,
                        value,
                        cut,
                        header: header.span,
                        value_span: element.value_span,
                        big_endian: element.encoding.is_big_endian(),
                        charset,
                    },
                    Some(header.tag),
                    element_path(path, header.tag),
                    2 * steps,
                    header.span.cover(element.value_span),
                );
            }
            Event::SequenceStart(start) | Event::FragmentsStart(start) => {
                let header = start.header;
                self.push(
                    Kind::Sequence {
                        vr: header.vr,
                        length: header.length,
                        pixels: matches!(event, Event::FragmentsStart(_)),
                    },
                    Some(header.tag),
                    element_path(path, header.tag),
                    2 * steps.saturating_sub(1),
                    header.span,
                );
            }
            Event::ItemStart(item) => {
                let inherited = self.charset();
                self.charsets.push(inherited);
                self.push(
                    Kind::Item {
                        index: item.index,
                        length: item.length,
                    },
                    None,
                    path.to_string(),
                    (2 * steps).saturating_sub(1),
                    item.span,
                );
            }
            Event::ItemEnd(end) => {
                if self.charsets.len() > 1 {
                    self.charsets.pop();
                }
                if end.delimited {
                    self.push(
                        Kind::Delimiter { item: true },
                        None,
                        path.to_string(),
                        (2 * steps).saturating_sub(1),
                        end.span,
                    );
                }
            }
            Event::SequenceEnd(end) | Event::FragmentsEnd(end) => {
                if end.delimited {
                    self.push(
                        Kind::Delimiter { item: false },
                        None,
                        path.to_string(),
                        2 * steps,
                        end.span,
                    );
                }
            }
            Event::Fragment(fragment) => {
                self.push(
                    Kind::Fragment {
                        index: fragment.index,
                        length: fragment.value_span.len(),
                    },
                    None,
                    path.to_string(),
                    (2 * steps).saturating_sub(1),
                    fragment.header.cover(fragment.value_span),
                );
            }
        }
    }
}

/// The path of an element or sequence at `tag`, given the parser's path after its event
/// (which, after a sequence starts, already ends with that sequence).
fn element_path(path: TagPath<'_>, tag: Tag) -> String {
    let steps = path.steps();
    let steps = match steps.split_last() {
        Some((last, rest)) if last.sequence == tag && last.item.is_none() => rest,
        _ => steps,
    };
    let parent = TagPath::new(steps);
    if parent.is_root() {
        tag.to_string()
    } else {
        format!("{parent}/{tag}")
    }
}

fn inspect_source<R: Read + Seek>(
    path: &Path,
    mut file: R,
    total: u64,
    settings: &Settings,
) -> io::Result<Inspection> {
    let mut buf = Vec::with_capacity(CHUNK as usize);
    read_at(&mut file, 0, CHUNK, &mut buf)?;
    let mut linter =
        Linter::<{ lint_core::parser::DEFAULT_DEPTH }>::new(total, settings.selection_for(path));
    let mut collector = Collector::new();
    let mut found: Vec<Found> = Vec::new();
    let mut offset = 0u64;
    loop {
        let inflated = collector.inflated;
        let progress = {
            let mut sink = |finding: &Finding<'_>| {
                found.push(Found {
                    rule: finding.rule,
                    severity: settings.severity.of(finding.rule),
                    span: finding.span,
                    tag: finding.tag,
                    tag_path: finding.tag.map(|_| finding.tag_path().to_string()),
                    message: finding.message.to_string(),
                    inflated,
                });
            };
            let mut observe = |event: &Event<'_>, path: TagPath<'_>| collector.event(event, path);
            linter.run(&buf, offset, &mut sink, &mut observe)
        };
        match progress {
            Progress::Need { offset: at, len } => {
                read_at(&mut file, at, len.max(CHUNK), &mut buf)?;
                offset = at;
                if (buf.len() as u64) < len {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "the file changed while being read",
                    ));
                }
            }
            Progress::Deflated(span) => {
                let mut deflated = Vec::new();
                file.seek(SeekFrom::Start(span.start))?;
                file.read_to_end(&mut deflated)?;
                match miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED) {
                    Ok(bytes) => {
                        buf = bytes;
                        offset = 0;
                        collector.inflated = true;
                        collector.charsets.truncate(1);
                        linter.resume_inflated(buf.len() as u64);
                    }
                    Err(error) => {
                        collector.push(
                            Kind::Note(format!(
                                "the deflated data set cannot be inflated: {error:?}"
                            )),
                            None,
                            String::new(),
                            0,
                            span,
                        );
                        let mut sink = |finding: &Finding<'_>| {
                            found.push(Found {
                                rule: finding.rule,
                                severity: settings.severity.of(finding.rule),
                                span: finding.span,
                                tag: finding.tag,
                                tag_path: finding.tag.map(|_| finding.tag_path().to_string()),
                                message: finding.message.to_string(),
                                inflated: false,
                            });
                        };
                        linter.finish(&mut sink);
                        break;
                    }
                }
            }
            Progress::Done => break,
        }
    }
    let mut inspection = Inspection {
        path: path.to_path_buf(),
        total,
        rows: collector.rows,
        file_findings: Vec::new(),
    };
    for finding in found {
        match inspection.row_for(&finding) {
            Some(index) => inspection.rows[index].findings.push(finding),
            None => inspection.file_findings.push(finding),
        }
    }
    Ok(inspection)
}

impl Inspection {
    /// The row a finding belongs under: the innermost element whose bytes hold its span
    /// (preferring one with the finding's tag), else the element with its tag and path.
    fn row_for(&self, finding: &Found) -> Option<usize> {
        let is_element = |row: &Row| row.tag.is_some();
        if let Some(span) = finding.span {
            let holds = |row: &Row| {
                row.inflated == finding.inflated
                    && is_element(row)
                    && row.extent.start <= span.start
                    && (span.start < row.extent.end || span.start == row.extent.start)
            };
            let tagged = self
                .rows
                .iter()
                .rposition(|row| holds(row) && finding.tag.is_none_or(|tag| row.tag == Some(tag)));
            if tagged.is_some() {
                return tagged;
            }
            // A finding without a tag is about the stream at that place, not an element.
            finding.tag?;
            if let Some(index) = self.rows.iter().rposition(holds) {
                return Some(index);
            }
        }
        let tag = finding.tag?;
        self.rows.iter().position(|row| {
            row.tag == Some(tag) && finding.tag_path.as_deref().is_none_or(|p| p == row.path)
        })
    }

    /// Writes the listing (every row), or with `tags` only the elements with those tags
    /// in depth. Returns whether anything matched `tags`.
    pub fn write(&self, out: &mut String, tags: &[Tag]) -> bool {
        let _ = writeln!(out, "{}: {} bytes", self.path.display(), self.total);
        for finding in &self.file_findings {
            write_finding(out, finding, 2);
        }
        if tags.is_empty() {
            out.push('\n');
            for row in &self.rows {
                self.write_row(out, row);
            }
            return true;
        }
        let mut matched = false;
        for row in &self.rows {
            if row.tag.is_some_and(|tag| tags.contains(&tag)) {
                matched = true;
                out.push('\n');
                write_depth(out, row);
            }
        }
        matched
    }

    fn write_row(&self, out: &mut String, row: &Row) {
        let indent = " ".repeat(row.level);
        let offset = if row.inflated {
            format!("{:>8}*", row.extent.start)
        } else {
            format!("{:>8} ", row.extent.start)
        };
        match &row.kind {
            Kind::Note(text) => {
                let _ = writeln!(out, "{offset} # {text}");
            }
            Kind::Element {
                vr,
                length,
                value,
                cut,
                big_endian,
                charset,
                ..
            } => {
                let tag = row.tag.unwrap_or_default();
                let keyword = dictionary::keyword(tag).unwrap_or(if tag.is_private() {
                    "(private)"
                } else {
                    "(unknown)"
                });
                let name = format!("{indent}{tag} {keyword}");
                let shown = match value {
                    None => "(bulk data, not read)".to_owned(),
                    Some(bytes) if vr.is_string() => {
                        let kind = TextKind::for_vr(*vr);
                        let mut text = quoted(&decoded(bytes, &charset.set, kind));
                        if *cut {
                            text.push_str(" …");
                        }
                        text
                    }
                    Some(bytes) => binary(*vr, bytes, *big_endian, *cut),
                };
                let _ = writeln!(out, "{offset} {name:<48} {vr} {length:>6}  {shown}");
                if let Some(bytes) = value {
                    if vr.is_string() && (!is_plain(bytes) || !row.findings.is_empty()) {
                        let pad = " ".repeat(10 + row.level + 2);
                        write_text_detail(out, &pad, bytes, &charset.set, TextKind::for_vr(*vr));
                    }
                }
            }
            Kind::Sequence { vr, length, pixels } => {
                let tag = row.tag.unwrap_or_default();
                let keyword = dictionary::keyword(tag).unwrap_or("(unknown)");
                let name = format!("{indent}{tag} {keyword}");
                let what = if *pixels {
                    "encapsulated fragments"
                } else {
                    "sequence"
                };
                let _ = writeln!(
                    out,
                    "{offset} {name:<48} {vr} {}  {what}",
                    length_text(*length)
                );
            }
            Kind::Item { index, length } => {
                let sequence = row.path.rsplit('/').next().unwrap_or("");
                let sequence = sequence.split('[').next().unwrap_or("");
                let length = if *length == lint_core::parser::UNDEFINED_LENGTH {
                    "undefined length".to_owned()
                } else {
                    format!("{length} bytes")
                };
                let _ = writeln!(out, "{offset} {indent}item {index} of {sequence}, {length}");
            }
            Kind::Delimiter { item } => {
                let what = if *item {
                    "(FFFE,E00D) item delimiter"
                } else {
                    "(FFFE,E0DD) sequence delimiter"
                };
                let _ = writeln!(out, "{offset} {indent}{what}");
            }
            Kind::Fragment { index, length } => {
                let what = if *index == 0 {
                    "basic offset table"
                } else {
                    "fragment"
                };
                let _ = writeln!(out, "{offset} {indent}{what} {index} ({length} bytes)");
            }
        }
        for finding in &row.findings {
            write_finding(out, finding, 10 + row.level + 2);
        }
    }
}

fn length_text(length: u32) -> String {
    if length == lint_core::parser::UNDEFINED_LENGTH {
        "undefined".to_owned()
    } else {
        format!("{length:>6}")
    }
}

fn write_finding(out: &mut String, finding: &Found, indent: usize) {
    let _ = write!(
        out,
        "{}{}[{}]: {}",
        " ".repeat(indent),
        finding.severity,
        finding.rule.id,
        finding.message
    );
    match (finding.span, finding.inflated) {
        (Some(span), true) => {
            let _ = write!(out, " (bytes {}..{} inflated)", span.start, span.end);
        }
        (Some(span), false) => {
            let _ = write!(out, " (bytes {}..{})", span.start, span.end);
        }
        (None, _) => {}
    }
    out.push('\n');
}

/// Whether a text value is printable ASCII only, but for the NUL that pads UIDs (its
/// decoded text then says all).
fn is_plain(bytes: &[u8]) -> bool {
    let unpadded = bytes.strip_suffix(&[0]).unwrap_or(bytes);
    unpadded.iter().all(|&b| (0x20..0x7F).contains(&b))
}

/// The value decoded for display: escapes left out, invalid bytes as U+FFFD.
fn decoded(bytes: &[u8], charset: &SpecificCharacterSet, kind: TextKind) -> String {
    let mut text = String::new();
    let _ = lint_core::charset::decode::write_text(bytes, charset, kind, &mut text);
    text
}

/// `"text"` with controls made visible (a terminal must never receive a raw ESC).
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push('\\'),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:X}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A short rendering of a binary value: numbers for the numeric VRs, hex otherwise.
fn binary(vr: Vr, bytes: &[u8], big_endian: bool, cut: bool) -> String {
    fn numbers<const N: usize>(bytes: &[u8], f: impl Fn([u8; N]) -> String) -> String {
        let mut parts: Vec<String> = bytes
            .chunks_exact(N)
            .take(8)
            .map(|chunk| f(chunk.try_into().unwrap_or([0; N])))
            .collect();
        if bytes.len() / N > 8 {
            parts.push("…".to_owned());
        }
        parts.join("\\")
    }
    let be = big_endian;
    let text = match vr {
        Vr::US => numbers::<2>(bytes, |b| {
            (if be {
                u16::from_be_bytes(b)
            } else {
                u16::from_le_bytes(b)
            })
            .to_string()
        }),
        Vr::SS => numbers::<2>(bytes, |b| {
            (if be {
                i16::from_be_bytes(b)
            } else {
                i16::from_le_bytes(b)
            })
            .to_string()
        }),
        Vr::UL => numbers::<4>(bytes, |b| {
            (if be {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            })
            .to_string()
        }),
        Vr::SL => numbers::<4>(bytes, |b| {
            (if be {
                i32::from_be_bytes(b)
            } else {
                i32::from_le_bytes(b)
            })
            .to_string()
        }),
        Vr::FL => numbers::<4>(bytes, |b| {
            (if be {
                f32::from_be_bytes(b)
            } else {
                f32::from_le_bytes(b)
            })
            .to_string()
        }),
        Vr::FD => numbers::<8>(bytes, |b| {
            (if be {
                f64::from_be_bytes(b)
            } else {
                f64::from_le_bytes(b)
            })
            .to_string()
        }),
        Vr::AT => numbers::<4>(bytes, |b| {
            let (g, e) = if be {
                (
                    u16::from_be_bytes([b[0], b[1]]),
                    u16::from_be_bytes([b[2], b[3]]),
                )
            } else {
                (
                    u16::from_le_bytes([b[0], b[1]]),
                    u16::from_le_bytes([b[2], b[3]]),
                )
            };
            Tag::new(g, e).to_string()
        }),
        _ => {
            let mut hex = hex(&bytes[..bytes.len().min(16)]);
            if bytes.len() > 16 || cut {
                hex.push_str(" …");
            }
            return hex;
        }
    };
    if cut { format!("{text} …") } else { text }
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{b:02X}");
    }
    out
}

/// A piece of a value for display: its bytes and what they are.
struct Piece {
    span: ByteSpan,
    /// Hex with escapes marked: `[ESC $ B]` instead of `1B 24 42`.
    hex: String,
    /// What the bytes are.
    what: String,
    /// The set these bytes are characters of, and their text (for the runs line);
    /// `None` for escapes and invalid bytes, which end a run.
    run: Option<(String, String)>,
}

/// The tokens of a text value as display pieces.
fn pieces(bytes: &[u8], charset: &SpecificCharacterSet, kind: TextKind) -> Vec<Piece> {
    let mut out = Vec::new();
    for token in scan(bytes, charset, kind) {
        let span = token.span();
        let slice = bytes
            .get(span.start as usize..span.end as usize)
            .unwrap_or(&[]);
        let piece = |hex: String, what: String, run: Option<(String, String)>| Piece {
            span,
            hex,
            what,
            run,
        };
        out.push(match token {
            Token::Escape { escape, status, .. } => {
                let (notation, designates) = match escape {
                    Escape::Dicom(seq) => (
                        seq.notation().to_owned(),
                        format!("{:?} ← {}", seq.element(), seq.set()),
                    ),
                    Escape::Unknown => (escape_notation(slice), "not a DICOM escape".to_owned()),
                    Escape::Truncated => (escape_notation(slice), "truncated escape".to_owned()),
                };
                let status = match status {
                    EscapeStatus::Declared => "declared",
                    EscapeStatus::Undeclared => "NOT declared in (0008,0005)",
                    EscapeStatus::NotAllowed => "NOT allowed here",
                };
                piece(
                    format!("[{notation}]"),
                    format!("{notation}: {designates}, {status}"),
                    None,
                )
            }
            Token::Text { set, .. } => {
                let text: String = characters(set, slice)
                    .map(|ch| char_of(set, ch).unwrap_or('\u{FFFD}'))
                    .collect();
                piece(
                    hex(slice),
                    format!("{set} {}", quoted(&text)),
                    Some((set.to_string(), text)),
                )
            }
            Token::Space { .. } => piece(
                hex(slice),
                "space in a double-byte set".to_owned(),
                Some((String::new(), " ".to_owned())),
            ),
            Token::Delimiter { kind, before, .. } => {
                let what = match kind {
                    DelimiterKind::Value => "value delimiter \\",
                    DelimiterKind::Component => "component delimiter ^",
                    DelimiterKind::Group => "component group delimiter =",
                };
                // The state machine finds delimiters only while G0 holds a single-byte
                // set, so the byte is a character of that set.
                let text = String::from_utf8_lossy(slice).into_owned();
                piece(
                    hex(slice),
                    what.to_owned(),
                    Some((before.g0.to_string(), text)),
                )
            }
            Token::Control { byte, before, .. } => piece(
                hex(slice),
                format!("control {byte:02X} (state before: {})", state(before)),
                Some((before.g0.to_string(), char::from(byte).to_string())),
            ),
            Token::Invalid { reason, set, .. } => piece(
                hex(slice),
                format!(
                    "INVALID in {}: {reason:?}",
                    set.map_or("no set".to_owned(), |s| s.to_string())
                ),
                None,
            ),
            Token::End { state: end, .. } => {
                piece(String::new(), format!("end, in {}", state(end)), None)
            }
        });
    }
    out
}

fn escape_notation(bytes: &[u8]) -> String {
    let mut out = String::from("ESC");
    for &b in bytes.iter().skip(1) {
        out.push(' ');
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "{b:02X}");
        }
    }
    out
}

fn state(state: CodeState) -> String {
    match state.g1 {
        Some(g1) => format!("G0 {}, G1 {g1}", state.g0),
        None => format!("G0 {}, no G1", state.g0),
    }
}

/// The listing's detail for a text value: hex with escapes marked, then the runs with
/// their sets.
fn write_text_detail(
    out: &mut String,
    pad: &str,
    bytes: &[u8],
    charset: &SpecificCharacterSet,
    kind: TextKind,
) {
    let pieces = pieces(bytes, charset, kind);
    // Units of the hex lines: a byte, or a whole escape sequence; 16 bytes a line.
    let mut units: Vec<(String, usize)> = Vec::new();
    for piece in &pieces {
        if piece.hex.starts_with('[') {
            units.push((piece.hex.clone(), piece.span.len() as usize));
        } else {
            units.extend(
                piece
                    .hex
                    .split_whitespace()
                    .map(|byte| (byte.to_owned(), 1)),
            );
        }
    }
    let mut lines: Vec<String> = vec![String::new()];
    let (mut in_line, mut shown) = (0usize, 0usize);
    for (unit, len) in &units {
        if shown >= LISTING_HEX {
            if let Some(last) = lines.last_mut() {
                last.push_str(" …");
            }
            break;
        }
        if in_line >= 16 {
            lines.push(String::new());
            in_line = 0;
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(unit);
        }
        in_line += len;
        shown += len;
    }
    for (i, line) in lines.iter().enumerate() {
        let label = if i == 0 { "hex" } else { "" };
        let _ = writeln!(out, "{pad}{label:<5} {line}");
    }
    // Consecutive pieces of one set make one run; an escape or invalid bytes end it. A
    // space in a double-byte set (no set of its own) joins the run it sits in.
    let mut runs: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for piece in &pieces {
        match (&piece.run, runs.last_mut()) {
            (Some((set, text)), Some((last, run))) if open && (set == last || set.is_empty()) => {
                run.push_str(text);
            }
            (Some((set, text)), _) => {
                runs.push((set.clone(), text.clone()));
                open = true;
            }
            (None, _) => open = false,
        }
    }
    let runs: Vec<String> = runs
        .iter()
        .map(|(set, text)| format!("{set} {}", quoted(text)))
        .collect();
    if !runs.is_empty() {
        let _ = writeln!(out, "{pad}runs  {}", runs.join(" · "));
    }
    for piece in &pieces {
        if piece.what.contains("INVALID") || piece.what.contains("NOT ") {
            let _ = writeln!(out, "{pad}!     +{}: {}", piece.span.start, piece.what);
        }
    }
}

/// `--tag`: one element in depth.
fn write_depth(out: &mut String, row: &Row) {
    let tag = row.tag.unwrap_or_default();
    let keyword = dictionary::keyword(tag).unwrap_or("(not in the dictionary)");
    let _ = writeln!(out, "{tag} {keyword}");
    let _ = writeln!(out, "  path      {}", row.path);
    match &row.kind {
        Kind::Element {
            vr,
            origin,
            length,
            value,
            cut,
            header,
            value_span,
            big_endian,
            charset,
        } => {
            let origin = match origin {
                VrOrigin::Explicit => "explicit".to_owned(),
                VrOrigin::Dictionary => "implicit, from the dictionary".to_owned(),
                VrOrigin::Unknown => "implicit, not in the dictionary".to_owned(),
                VrOrigin::Invalid(code) => format!("the header's {} is not a VR", hex(code)),
            };
            let inflated = if row.inflated {
                " (inflated data set)"
            } else {
                ""
            };
            let _ = writeln!(out, "  VR        {vr} ({origin})");
            let _ = writeln!(out, "  length    {length}");
            let _ = writeln!(
                out,
                "  header    bytes {}..{}{inflated}",
                header.start, header.end
            );
            let _ = writeln!(
                out,
                "  value     bytes {}..{}{inflated}",
                value_span.start, value_span.end
            );
            match value {
                None => {
                    let _ = writeln!(out, "  (bulk data: not read)");
                }
                Some(bytes) if vr.is_string() => {
                    let kind = TextKind::for_vr(*vr);
                    let governed = kind != TextKind::NoExtensions;
                    let declared = match &charset.raw {
                        Some(raw) => quoted(&String::from_utf8_lossy(raw)),
                        None => "absent (default repertoire)".to_owned(),
                    };
                    if governed {
                        let _ = writeln!(out, "  charset   (0008,0005) {declared}");
                        let _ = writeln!(
                            out,
                            "            at each reset: {}",
                            state(charset.set.initial_state())
                        );
                    } else {
                        let _ = writeln!(
                            out,
                            "  charset   default repertoire ({vr} is not governed by (0008,0005))"
                        );
                    }
                    let _ = writeln!(
                        out,
                        "  text      {}{}",
                        quoted(&decoded(bytes, &charset.set, kind)),
                        if *cut { " …" } else { "" }
                    );
                    out.push('\n');
                    for piece in pieces(bytes, &charset.set, kind) {
                        let mut chunks = piece.hex.as_bytes().chunks(16 * 3).peekable();
                        let first = chunks
                            .next()
                            .map(|c| String::from_utf8_lossy(c).trim_end().to_owned())
                            .unwrap_or_default();
                        let _ = writeln!(
                            out,
                            "  {:>6}  {first:<48} {}",
                            format!("+{}", piece.span.start),
                            piece.what
                        );
                        for chunk in chunks {
                            let _ = writeln!(
                                out,
                                "          {}",
                                String::from_utf8_lossy(chunk).trim_end()
                            );
                        }
                    }
                }
                Some(bytes) => {
                    let _ = writeln!(out, "  value     {}", binary(*vr, bytes, *big_endian, *cut));
                    for (i, chunk) in bytes.chunks(16).enumerate() {
                        let _ = writeln!(out, "  {:>6}  {}", format!("+{}", i * 16), hex(chunk));
                    }
                    if *cut {
                        let _ = writeln!(out, "          …");
                    }
                }
            }
        }
        Kind::Sequence { vr, length, .. } => {
            let _ = writeln!(out, "  VR        {vr}");
            let _ = writeln!(out, "  length    {}", length_text(*length).trim());
            let _ = writeln!(
                out,
                "  header    bytes {}..{}",
                row.extent.start, row.extent.end
            );
        }
        _ => {}
    }
    if !row.findings.is_empty() {
        out.push('\n');
        for finding in &row.findings {
            write_finding(out, finding, 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_in_every_spelling() {
        let name = Some(Tag::new(0x0010, 0x0010));
        assert_eq!(parse_tag("(0010,0010)"), name);
        assert_eq!(parse_tag("0010,0010"), name);
        assert_eq!(parse_tag("00100010"), name);
        assert_eq!(parse_tag("PatientName"), name);
        assert_eq!(parse_tag("(7fe0,0010)"), Some(Tag::new(0x7FE0, 0x0010)));
        assert_eq!(parse_tag("PatientNam"), None);
        assert_eq!(parse_tag("0010,00100"), None);
        assert_eq!(parse_tag("00,100010"), None);
    }

    #[test]
    fn controls_are_never_printed_raw() {
        assert_eq!(quoted("a\u{1B}b\n"), "\"a\\u{1B}b\\n\"");
    }
}
