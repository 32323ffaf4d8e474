//! `io/non-utf8-name`: a file name is not valid UTF-8.
//!
//! Reported by the program that reads the files (the CLI), not by a check over events:
//! the rule is declared here so its id, severity and docs live with the others.

use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A file found while walking has a name that is not valid UTF-8. It is still checked;
    /// its name is shown with replacement characters.
    ///
    /// ## Why
    /// DICOM media file names are limited to upper-case letters, digits and `_` (PS3.10 §8.2);
    /// a name that is not even UTF-8 usually comes from a copy made in a legacy code page, and
    /// readers on other systems may not open it.
    ///
    /// ## Standard
    /// PS3.10 §8.2, PS3.12 Annex F.
    ///
    /// ## Example
    /// Failing: a file named with the byte `0xE9` (Latin-1 `é`).
    /// Passing: `IM000001`.
    pub NON_UTF8_NAME, "io/non-utf8-name", Warning, "a file name is not valid UTF-8"
}

/// [`NON_UTF8_NAME`] (reported by the reader of the medium).
#[derive(Debug, Default)]
pub struct NonUtf8Name;

impl Rule for NonUtf8Name {
    const META: &'static RuleMeta = &NON_UTF8_NAME;
}
