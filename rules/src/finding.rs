//! Findings and the sink they go to.

use core::fmt;

use lint_core::parser::TagPath;
use lint_core::{ByteSpan, Tag};

use crate::registry::RuleMeta;
use crate::text::TextContext;

/// How much a finding matters, by how certain it is that the data is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; not a defect (a convention not followed, a retired form).
    Info,
    /// Probably wrong, or wrong in a way readers usually tolerate.
    Warning,
    /// Violates a "shall" of the standard, or breaks readers.
    Error,
}

impl Severity {
    /// The lower-case name used in output and configuration.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning` or `info`.
    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found: which rule, where, and what to say.
#[derive(Clone, Copy, Debug)]
pub struct Finding<'a> {
    /// The rule that found it.
    pub rule: &'static RuleMeta,
    /// The bytes concerned, when the problem has a place in the stream.
    pub span: Option<ByteSpan>,
    /// The element concerned, if any.
    pub tag: Option<Tag>,
    /// The sequences and items enclosing [`Self::tag`].
    pub path: TagPath<'a>,
    /// The message, for a person.
    pub message: fmt::Arguments<'a>,
    /// For findings about a text value: what is needed to show it decoded.
    pub text: Option<TextContext>,
}

impl Finding<'_> {
    /// The rule's severity (overrides are the caller's business).
    pub fn severity(&self) -> Severity {
        self.rule.severity
    }

    /// The tag path with the element itself, as `(0040,0275)[0]/(0010,0010)`.
    pub fn tag_path(&self) -> DisplayTagPath<'_> {
        DisplayTagPath {
            path: self.path,
            tag: self.tag,
        }
    }
}

/// Displays a finding's full tag path; see [`Finding::tag_path`].
#[derive(Clone, Copy, Debug)]
pub struct DisplayTagPath<'a> {
    path: TagPath<'a>,
    tag: Option<Tag>,
}

impl fmt::Display for DisplayTagPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps = self.path.steps();
        // After a sequence starts the parser's path already ends with that sequence
        // (no item open yet): do not name it twice.
        let steps = match (steps.split_last(), self.tag) {
            (Some((last, rest)), Some(tag)) if last.sequence == tag && last.item.is_none() => rest,
            _ => steps,
        };
        let path = TagPath::new(steps);
        write!(f, "{path}")?;
        if let Some(tag) = self.tag {
            if !path.is_root() {
                f.write_str("/")?;
            }
            write!(f, "{tag}")?;
        }
        Ok(())
    }
}

/// Where findings go. The CLI collects them; firmware might count them or log them.
pub trait Sink {
    /// Receives one finding.
    fn report(&mut self, finding: &Finding<'_>);
}

impl<F: FnMut(&Finding<'_>)> Sink for F {
    fn report(&mut self, finding: &Finding<'_>) {
        self(finding);
    }
}
