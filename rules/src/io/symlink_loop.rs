//! `io/symlink-loop`: a symbolic link leads back to a directory already being walked.
//!
//! Reported by the program that reads the files (the CLI), not by a check over events:
//! the rule is declared here so its id, severity and docs live with the others.

use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// While walking a directory, a symbolic link points to one of the directories that
    /// contain it.
    ///
    /// ## Why
    /// Following it would never end (some tools hang on such trees). dcmlint does not enter it
    /// and goes on; the files under it are checked once, where they really are.
    ///
    /// ## Standard
    /// None. PS3.12 media file systems have no links at all, so a link on a medium to be
    /// shipped is itself suspicious.
    ///
    /// ## Example
    /// Failing: `media/loop -> ..`.
    /// Passing: a tree without links.
    pub SYMLINK_LOOP, "io/symlink-loop", Warning, "a symbolic link leads back to a directory already being walked"
}

/// [`SYMLINK_LOOP`] (reported by the reader of the medium).
#[derive(Debug, Default)]
pub struct SymlinkLoop;

impl Rule for SymlinkLoop {
    const META: &'static RuleMeta = &SYMLINK_LOOP;
}
