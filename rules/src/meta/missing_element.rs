//! `meta/missing-element`: a required File Meta element is absent or empty.

use lint_core::Tag;
use lint_core::parser::{Event, Section};
use lint_core::tag::tags;

use crate::registry::RuleMeta;
use crate::runner::{Context, Rule, events};

declare_rule! {
    /// ## What it checks
    /// The Type 1 elements of the File Meta group are present with a non-empty value:
    /// (0002,0001) File Meta Information Version, (0002,0002) Media Storage SOP Class
    /// UID, (0002,0003) Media Storage SOP Instance UID, (0002,0010) Transfer Syntax UID
    /// and (0002,0012) Implementation Class UID. (0002,0000) has its own rule,
    /// `meta/group-length`.
    ///
    /// ## Why
    /// Without the transfer syntax a reader must guess the encoding; without the SOP
    /// Class and Instance UIDs a DICOMDIR cannot reference the file.
    ///
    /// ## Standard
    /// PS3.10 §7.1, Table 7.1-1.
    ///
    /// ## Example
    /// Failing: a File Meta group without (0002,0010).
    /// Passing: the group with `(0002,0010) UI 1.2.840.10008.1.2.1`.
    pub MISSING_ELEMENT, "meta/missing-element", Error, "a required File Meta element is missing or empty"
}

const REQUIRED: [(Tag, &str); 5] = [
    (
        tags::FILE_META_INFORMATION_VERSION,
        "File Meta Information Version",
    ),
    (
        tags::MEDIA_STORAGE_SOP_CLASS_UID,
        "Media Storage SOP Class UID",
    ),
    (
        tags::MEDIA_STORAGE_SOP_INSTANCE_UID,
        "Media Storage SOP Instance UID",
    ),
    (tags::TRANSFER_SYNTAX_UID, "Transfer Syntax UID"),
    (tags::IMPLEMENTATION_CLASS_UID, "Implementation Class UID"),
];

/// The check of [`MISSING_ELEMENT`].
#[derive(Debug, Default)]
pub struct MissingElement {
    /// Per entry of `REQUIRED`: seen, and whether its value was empty.
    seen: [Option<bool>; 5],
}

impl Rule for MissingElement {
    const META: &'static RuleMeta = &MISSING_ELEMENT;
    const EVENTS: u8 = events::META | events::STREAM;

    fn event(&mut self, cx: &mut Context<'_>, event: &Event<'_>) {
        match event {
            Event::Element(element) if element.section == Section::FileMeta => {
                let index = REQUIRED
                    .iter()
                    .position(|(tag, _)| *tag == element.header.tag);
                if let Some(slot) = index.and_then(|i| self.seen.get_mut(i)) {
                    let empty = element
                        .value
                        .is_some_and(|v| v.iter().all(|&b| b == 0 || b == b' '));
                    *slot = Some(empty);
                }
            }
            Event::FileMetaEnd(end) => {
                for ((tag, name), seen) in REQUIRED.iter().zip(self.seen) {
                    let what = match seen {
                        None => "is missing",
                        Some(true) => "is empty",
                        Some(false) => continue,
                    };
                    cx.report(
                        &MISSING_ELEMENT,
                        Some(end.span),
                        Some(*tag),
                        format_args!("{tag} {name} {what}; it is Type 1 in the File Meta group"),
                    );
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::fires_only_on;

    #[test]
    fn fires_on_the_defect_and_not_on_clean_files() {
        fires_only_on(
            "meta/missing-element",
            include_bytes!("../../../corpus/files/meta/missing-transfer-syntax.dcm"),
        );
    }
}
