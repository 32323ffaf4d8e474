//! `dicomdir/incomplete`: the DICOMDIR could not be checked whole.

use lint_core::ByteSpan;
use lint_core::dicomdir::WalkIssue;

use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Not the data: the check itself. The caller's scratch had room for fewer records
    /// than the DICOMDIR holds, the tree is deeper than the walk's bound (16 levels), or
    /// an offset points beyond where a fatal parse error ended the file. The records
    /// that could not be looked at are neither walked nor blamed (no `dicomdir/orphan`
    /// once part of the tree was too deep to walk).
    ///
    /// ## Why
    /// A linter that silently checks half a directory would pass a broken one. Firmware
    /// that links `lint-rules` sizes its scratch; this says when it was too small, and
    /// the CLI sizes it from the file so it fires there only for trees deeper than 16.
    ///
    /// ## Standard
    /// None: about the check, not the data.
    ///
    /// ## Example
    /// Failing: a 100,000-record DICOMDIR checked with scratch for 4,096 records.
    /// Passing: scratch for every record.
    pub INCOMPLETE, "dicomdir/incomplete", Warning,
        "the DICOMDIR could not be checked whole"
}

/// [`INCOMPLETE`] (reported by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &INCOMPLETE;
}

/// Where a directory-wide finding goes: the Directory Record Sequence header.
fn sequence(dir: &Directory<'_>) -> ByteSpan {
    dir.index.info().record_sequence.unwrap_or_default()
}

pub(super) fn report(dir: &Directory<'_>, out: &mut Reporter<'_>, issue: &WalkIssue) {
    match *issue {
        WalkIssue::ScratchTooSmall { needed, given } => out.report(
            &INCOMPLETE,
            sequence(dir),
            None,
            None,
            format_args!(
                "the walk needs scratch for {needed} records and has {given}: the tree was not checked"
            ),
        ),
        WalkIssue::IndexIncomplete { seen, kept } => out.report(
            &INCOMPLETE,
            sequence(dir),
            None,
            None,
            format_args!(
                "only {kept} of {seen} directory records fit the scratch: the others were not checked"
            ),
        ),
        WalkIssue::NotIndexed {
            field,
            record,
            offset,
            at,
        } => out.report(
            &INCOMPLETE,
            at,
            Some(field.tag()),
            record,
            format_args!(
                "{} = {offset} leads beyond the records that could be read: not followed",
                field.tag()
            ),
        ),
        WalkIssue::TooDeep { record, limit, at } => out.report(
            &INCOMPLETE,
            at,
            None,
            Some(record),
            format_args!("the tree is deeper than {limit} levels here: the rest was not walked"),
        ),
        _ => {}
    }
}

/// More uniqueness keys than key scratch.
pub(super) fn keys_overflow(
    out: &mut Reporter<'_>,
    dir: &Directory<'_>,
    given: usize,
    missed: u32,
) {
    out.report(
        &INCOMPLETE,
        sequence(dir),
        None,
        None,
        format_args!(
            "{missed} record keys did not fit the key scratch ({given} entries): their uniqueness was not checked"
        ),
    );
}
