//! `meta/sop-instance-mismatch`: (0002,0003) Media Storage SOP Instance UID differs from (0008,0018) SOP Instance UID.

use lint_core::parser::Event;
use lint_core::tag::tags;

use super::UidEcho;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// (0002,0003) Media Storage SOP Instance UID in the File Meta group equals (0008,0018) SOP Instance UID in the data set.
    ///
    /// ## Why
    /// A DICOMDIR references the instance by the File Meta UID while archives and viewers identify it by the data set's: when they differ, the record points to an instance nobody can find, and duplicates slip past de-duplication.
    ///
    /// ## Standard
    /// PS3.10 §7.1, Table 7.1-1 (the File Meta value "uniquely identifies the SOP … of the
    /// Data Set"), PS3.3 C.12.1.
    ///
    /// ## Example
    /// Failing: the two elements hold different UIDs.
    /// Passing: both hold the same UID (padding aside).
    pub SOP_INSTANCE_MISMATCH, "meta/sop-instance-mismatch", Error, "the File Meta SOP instance UID differs from the data set's"
}

/// The check of [`SOP_INSTANCE_MISMATCH`].
#[derive(Debug, Default)]
pub struct SopInstanceMismatch {
    echo: UidEcho,
}

impl Rule for SopInstanceMismatch {
    const META: &'static RuleMeta = &SOP_INSTANCE_MISMATCH;
    const EVENTS: u8 = events::ELEMENTS;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        self.echo.event(
            cx,
            event,
            &SOP_INSTANCE_MISMATCH,
            (tags::MEDIA_STORAGE_SOP_INSTANCE_UID, tags::SOP_INSTANCE_UID),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::fires_only_on;

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        fires_only_on(
            "meta/sop-instance-mismatch",
            include_bytes!("../../../corpus/files/meta/sop-instance-mismatch.dcm"),
        );
    }
}
