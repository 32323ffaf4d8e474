//! `io/unreadable`: a path cannot be read.
//!
//! Reported by the program that reads the files (the CLI), not by a check over events:
//! the rule is declared here so its id, severity and docs live with the others.

use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A file or directory named on the command line, or found while walking, cannot be read
    /// (missing, permission denied, I/O error).
    ///
    /// ## Why
    /// A file nobody can read is a file nobody checked: dcmlint says so and exits with status 2
    /// rather than pass the medium. It goes on with the other files.
    ///
    /// ## Standard
    /// None: this is about the medium, not the data.
    ///
    /// ## Example
    /// Failing: `dcmlint check missing.dcm`.
    /// Passing: a readable file.
    pub UNREADABLE, "io/unreadable", Error, "a path cannot be read"
}

/// [`UNREADABLE`] (reported by the reader of the medium).
#[derive(Debug, Default)]
pub struct Unreadable;

impl Rule for Unreadable {
    const META: &'static RuleMeta = &UNREADABLE;
}
