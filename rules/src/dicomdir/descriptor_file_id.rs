//! `dicomdir/descriptor-file-id`: a File-set Descriptor File ID (0004,1141) that is not
//! a File ID.

use lint_core::tag::tags;

use super::file_id::problem;
use super::{Directory, Reporter, Shown};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// File-set Descriptor File ID (0004,1141), when present, is not 1 to 8 components
    /// of 1 to 8 characters from `A–Z`, `0–9` and `_` (the rules of every File ID).
    ///
    /// ## Why
    /// The descriptor file (usually `README`) is found through this File ID like any
    /// referenced file; `README.TXT` or `readme` names a file a reader on ISO 9660 or FAT
    /// media cannot look up.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-2; PS3.10 §8.2, §8.5; PS3.12 A.1.2.
    ///
    /// ## Example
    /// Failing: (0004,1141) `README.TXT`.
    /// Passing: (0004,1141) `README`.
    pub DESCRIPTOR_FILE_ID, "dicomdir/descriptor-file-id", Error,
        "the File-set Descriptor File ID is not a File ID"
}

/// [`DESCRIPTOR_FILE_ID`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &DESCRIPTOR_FILE_ID;
}

pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>) {
    let Some(span) = dir.index.info().file_set_descriptor_file_id else {
        return;
    };
    let value = dir.value(span);
    if let Some(problem) = problem(value) {
        out.report(
            &DESCRIPTOR_FILE_ID,
            span,
            Some(tags::FILE_SET_DESCRIPTOR_FILE_ID),
            None,
            format_args!(
                "File-set Descriptor File ID `{}` is not a File ID: {problem}",
                Shown(super::trim(value))
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use dcmlint_corpus::builder::{DataSet, Meta, part10, ts};
    use lint_core::Vr;
    use lint_core::tag::tags;

    use super::super::tests::{hits, only};

    fn with(descriptor: &str) -> impl core::ops::Deref<Target = [u8]> {
        part10(
            &Meta::new("1.2.840.10008.1.3.10", "1.2.3", ts::EXPLICIT_LE),
            &DataSet::new()
                .el(tags::FILE_SET_ID, Vr::CS, "DISC")
                .el(tags::FILE_SET_DESCRIPTOR_FILE_ID, Vr::CS, descriptor)
                .ul(
                    tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
                    0,
                )
                .ul(
                    tags::OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
                    0,
                )
                .us(tags::FILE_SET_CONSISTENCY_FLAG, 0)
                .seq(tags::DIRECTORY_RECORD_SEQUENCE, Default::default()),
        )
    }

    #[test]
    fn an_extension_fires() {
        let found = only(&with("README.TXT"), "dicomdir/descriptor-file-id");
        assert!(found[0].message.contains("`.`"), "{found:?}");
    }

    #[test]
    fn readme_passes() {
        assert!(
            hits(&with("README")).is_empty(),
            "{:?}",
            hits(&with("README"))
        );
    }
}
