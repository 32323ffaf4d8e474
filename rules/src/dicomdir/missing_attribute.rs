//! `dicomdir/missing-attribute`: a Type 1 element of the Directory Information Module or
//! of a directory record is absent or empty.

use lint_core::dicomdir::RecordSlot;
use lint_core::tag::tags;
use lint_core::{ByteSpan, Tag};

use super::{Directory, Reporter, no_directory_information};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// When the Directory Information Module is present: (0004,1200), (0004,1202) and
    /// (0004,1212) absent or empty, or no Directory Record Sequence (0004,1220). In every
    /// directory record: (0004,1400) Offset of the Next Directory Record, (0004,1410)
    /// Record In-use Flag, (0004,1420) Offset of Referenced Lower-Level Directory Entity
    /// or (0004,1430) Directory Record Type absent or empty.
    ///
    /// ## Why
    /// These are Type 1 (the sequence Type 2): readers follow the offsets blindly, and an
    /// absent one is read as 0, silently cutting off every record behind it. pydicom's
    /// `DICOMDIR-nooffset` drops the zero offsets a writer thought optional.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-3.
    ///
    /// ## Example
    /// Failing: an IMAGE record without (0004,1420) (its value would be 0).
    /// Passing: the record with (0004,1420) = 0.
    pub MISSING_ATTRIBUTE, "dicomdir/missing-attribute", Error,
        "a Type 1 element of the directory or of a record is absent or empty"
}

/// [`MISSING_ATTRIBUTE`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &MISSING_ATTRIBUTE;
}

/// The root-level elements.
pub(super) fn check_root(dir: &Directory<'_>, out: &mut Reporter<'_>) {
    if !no_directory_information::present(dir) {
        return;
    }
    let info = dir.index.info();
    // An absent element is reported where the module is: at its first element present.
    let module = info
        .first
        .map(|o| o.span)
        .or(info.last.map(|o| o.span))
        .or(info.consistency_flag.map(|f| f.span))
        .or(info.record_sequence)
        .unwrap_or_default();
    let fields: [(Tag, &str, Option<ByteSpan>); 3] = [
        (
            tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
            "Offset of the First Directory Record of the Root Directory Entity",
            info.first.map(|o| o.span),
        ),
        (
            tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
            "Offset of the Last Directory Record of the Root Directory Entity",
            info.last.map(|o| o.span),
        ),
        (
            tags::FILE_SET_CONSISTENCY_FLAG,
            "File-set Consistency Flag",
            info.consistency_flag.map(|f| f.span),
        ),
    ];
    for (tag, name, span) in fields {
        match span {
            None => out.report(
                &MISSING_ATTRIBUTE,
                module,
                Some(tag),
                None,
                format_args!("{name} {tag} is absent (Type 1)"),
            ),
            Some(span) if span.is_empty() => out.report(
                &MISSING_ATTRIBUTE,
                span,
                Some(tag),
                None,
                format_args!("{name} {tag} is empty (Type 1)"),
            ),
            Some(_) => {}
        }
    }
    if info.record_sequences == 0 {
        out.report(
            &MISSING_ATTRIBUTE,
            module,
            Some(tags::DIRECTORY_RECORD_SEQUENCE),
            None,
            format_args!(
                "Directory Record Sequence (0004,1220) is absent (Type 2: present, even if empty)"
            ),
        );
    }
}

/// One record's bookkeeping elements.
pub(super) fn check_record(
    _dir: &Directory<'_>,
    out: &mut Reporter<'_>,
    index: u32,
    record: &RecordSlot,
) {
    let fields: [(Tag, &str, Option<ByteSpan>); 4] = [
        (
            tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD,
            "Offset of the Next Directory Record",
            record.next_offset().map(|o| o.span),
        ),
        (
            tags::RECORD_IN_USE_FLAG,
            "Record In-use Flag",
            record.record_in_use_flag().map(|f| f.span),
        ),
        (
            tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY,
            "Offset of Referenced Lower-Level Directory Entity",
            record.lower_offset().map(|o| o.span),
        ),
        (
            tags::DIRECTORY_RECORD_TYPE,
            "Directory Record Type",
            record.directory_record_type().map(|t| t.span),
        ),
    ];
    for (tag, name, span) in fields {
        match span {
            None => out.report(
                &MISSING_ATTRIBUTE,
                record.header(),
                Some(tag),
                Some(index),
                format_args!(
                    "the record at offset {} has no {name} {tag} (Type 1)",
                    record.offset()
                ),
            ),
            Some(span) if span.is_empty() => out.report(
                &MISSING_ATTRIBUTE,
                span,
                Some(tag),
                Some(index),
                format_args!("{name} {tag} is empty (Type 1)"),
            ),
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::tag::tags;

    use super::super::tests::{build, example, example_records, hits, only};

    #[test]
    fn a_record_without_its_in_use_flag_fires() {
        let mut records = example_records();
        records[3].omit.push(tags::RECORD_IN_USE_FLAG);
        let bytes = build(records);
        let found = only(&bytes, "dicomdir/missing-attribute");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "(0004,1220)[3]/(0004,1410)");
        assert_eq!(found[0].span.len(), 8, "the item header");
    }

    #[test]
    fn complete_records_pass() {
        assert!(hits(&example()).is_empty());
    }
}
