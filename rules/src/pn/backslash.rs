//! `pn/backslash`: a `\` that splits a single-valued person name into several.

use lint_core::ByteSpan;
use lint_core::dictionary;
use lint_core::pn::PersonName;

use crate::pn::PerElement;
use crate::registry::RuleMeta;
use crate::runner::{Context, Rule};
use crate::text::Text;

declare_rule! {
    /// ## What it checks
    /// A `\` (`5C`) in the value of a PN attribute whose Value Multiplicity is 1 in the
    /// data dictionary (Patient's Name, Referring Physician's Name…), so that the element
    /// holds more than one value. Only the `\` the character-set state machine finds
    /// count: in JIS X 0208 the `5C` of 宮本 (`35 5C 4B 5C`) is half of a kanji. Multi-valued
    /// attributes (Other Patient Names, VM 1-n) and private elements are not checked.
    ///
    /// ## Why
    /// `\` separates values; it cannot be a character of a name. A writer that copies
    /// `Doe\John` or a Windows path into a name gives the attribute two values, which
    /// breaks its VM: readers keep the first, show both, or reject the data set.
    ///
    /// ## Standard
    /// PS3.5 §6.2 Table 6.2-1 (PN: `5C` not allowed), §6.4 (VM); PS3.6 (VM of each
    /// attribute).
    ///
    /// ## Example
    /// Failing: (0010,0010) `41 5E 42 5C 43 5E 44` (`A^B\C^D`, VM 2).
    /// Passing: (0010,1001) Other Patient Names `41 5E 42 5C 43 5E 44` (VM 1-n).
    pub BACKSLASH, "pn/backslash", Error,
        "a single-valued person name holds a `\\` and so several values"
}

/// The check of [`BACKSLASH`].
#[derive(Debug, Default)]
pub struct Check {
    found: PerElement<()>,
}

impl Rule for Check {
    const META: &'static RuleMeta = &BACKSLASH;
    const PERSON_NAME: bool = true;

    fn person_name(&mut self, cx: &mut Context<'_>, text: &Text<'_>, name: &PersonName) {
        // The first `\` is the byte before the second value.
        let hit = (name.index == 1).then(|| {
            (
                text.span(ByteSpan::at(name.span.start.saturating_sub(1), 1)),
                (),
            )
        });
        // Looked up once per element, at its last value.
        let Some((span, (), _)) = self.found.see(name, hit) else {
            return;
        };
        let Some(entry) = dictionary::lookup(text.tag) else {
            return;
        };
        if entry.vm.max != Some(1) {
            return;
        }
        let keyword = if entry.keyword.is_empty() {
            "this attribute"
        } else {
            entry.keyword
        };
        cx.report_text(
            &BACKSLASH,
            span,
            text,
            format_args!(
                "`\\` splits the name into {} values but {keyword} takes one (VM 1): \
                 a backslash cannot be part of a person name",
                u32::from(name.index) + 1
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use lint_core::Vr;
    use lint_core::tag::tags::{OTHER_PATIENT_NAMES, PATIENT_NAME};

    use crate::testing::text_case;

    #[test]
    fn fires_on_patient_name_with_two_values() {
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"A^B\\C^D");
        assert!(found.has("pn/backslash"), "{found:?}");
        assert_eq!(found.at("pn/backslash"), found.value_start().map(|s| s + 3));
    }

    #[test]
    fn passes_on_multi_valued_attributes_and_kanji() {
        let found = text_case(None, OTHER_PATIENT_NAMES, Vr::PN, b"A^B\\C^D");
        assert!(!found.has("pn/backslash"), "{found:?}");
        // 宮本 = 35 5C 4B 5C: one value.
        let found = text_case(
            Some(b"\\ISO 2022 IR 87"),
            PATIENT_NAME,
            Vr::PN,
            b"Miyamoto=\x1b$B5\\K\\\x1b(B",
        );
        assert!(!found.has("pn/backslash"), "{found:?}");
        let found = text_case(None, PATIENT_NAME, Vr::PN, b"Doe^John");
        assert!(!found.has("pn/backslash"), "{found:?}");
    }
}
