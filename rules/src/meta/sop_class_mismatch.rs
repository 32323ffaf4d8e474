//! `meta/sop-class-mismatch`: (0002,0002) Media Storage SOP Class UID differs from (0008,0016) SOP Class UID.

use lint_core::parser::Event;
use lint_core::tag::tags;

use super::UidEcho;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// (0002,0002) Media Storage SOP Class UID in the File Meta group equals (0008,0016) SOP Class UID in the data set.
    ///
    /// ## Why
    /// The DICOMDIR and media readers take the SOP Class from the File Meta group, viewers from the data set: when they differ, the file is indexed as one kind of object and opened as another.
    ///
    /// ## Standard
    /// PS3.10 §7.1, Table 7.1-1 (the File Meta value "uniquely identifies the SOP … of the
    /// Data Set"), PS3.3 C.12.1.
    ///
    /// ## Example
    /// Failing: the two elements hold different UIDs.
    /// Passing: both hold the same UID (padding aside).
    pub SOP_CLASS_MISMATCH, "meta/sop-class-mismatch", Error, "the File Meta SOP class UID differs from the data set's"
}

/// The check of [`SOP_CLASS_MISMATCH`].
#[derive(Debug, Default)]
pub struct SopClassMismatch {
    echo: UidEcho,
}

impl Rule for SopClassMismatch {
    const META: &'static RuleMeta = &SOP_CLASS_MISMATCH;
    const EVENTS: u8 = events::ELEMENTS;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        self.echo.event(
            cx,
            event,
            &SOP_CLASS_MISMATCH,
            (tags::MEDIA_STORAGE_SOP_CLASS_UID, tags::SOP_CLASS_UID),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::fires_only_on;

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        fires_only_on(
            "meta/sop-class-mismatch",
            include_bytes!("../../../corpus/files/meta/sop-class-mismatch.dcm"),
        );
    }
}
