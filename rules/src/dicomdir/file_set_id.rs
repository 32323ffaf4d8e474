//! `dicomdir/file-set-id`: File-set ID (0004,1130) absent, or not 0–16 characters from
//! `A–Z 0–9 _`.

use lint_core::ByteSpan;
use lint_core::tag::tags;

use super::{Directory, Reporter, Shown};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// File-set ID (0004,1130) is absent (it is Type 2: present, possibly empty), or its
    /// value has a character other than `A–Z`, `0–9` and `_` — a space inside it
    /// included, though the VR is CS — or more than 16 characters. Trailing padding is
    /// not part of the value.
    ///
    /// ## Why
    /// The File-set ID names the medium (on a CD it is also the ISO 9660 volume
    /// identifier) and uses the File ID character repertoire, which has no space and no
    /// lower case; readers that compare it with the volume label or use it as a folder
    /// name fail on anything else.
    ///
    /// ## Standard
    /// PS3.3 Table F.3-2; PS3.10 §8.1, §8.5; PS3.12 F.1.1.
    ///
    /// ## Example
    /// Failing: (0004,1130) `MY DISC` (`4D 59 20 44 49 53 43 20`).
    /// Passing: (0004,1130) `MY_DISC`, or empty.
    pub FILE_SET_ID, "dicomdir/file-set-id", Error,
        "the File-set ID is absent or not 0–16 characters A–Z 0–9 _"
}

/// [`FILE_SET_ID`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &FILE_SET_ID;
}

pub(super) fn check(dir: &Directory<'_>, out: &mut Reporter<'_>) {
    let tag = Some(tags::FILE_SET_ID);
    let info = dir.index.info();
    let Some(span) = info.file_set_id else {
        // Where it belongs: before the first element of the directory present.
        let at = info
            .file_set_descriptor_file_id
            .or(info.first.map(|o| o.span))
            .or(info.record_sequence)
            .map_or(ByteSpan::point(0), |s| ByteSpan::point(s.start));
        out.report(
            &FILE_SET_ID,
            at,
            tag,
            None,
            format_args!("File-set ID (0004,1130) is absent (Type 2: present, possibly empty)"),
        );
        return;
    };
    let raw = dir.value(span);
    let mut value = raw;
    // Trailing spaces (and a NUL, a writer's slip) are padding, not part of the ID.
    while let [rest @ .., b' ' | 0] = value {
        value = rest;
    }
    if let Some(&bad) = value
        .iter()
        .find(|&&b| !(b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'))
    {
        let what = if bad == b' ' {
            "a space"
        } else if bad.is_ascii_lowercase() {
            "lower case"
        } else {
            "a character outside A–Z, 0–9 and _"
        };
        out.report(
            &FILE_SET_ID,
            span,
            tag,
            None,
            format_args!("File-set ID `{}` holds {what}", Shown(value)),
        );
    } else if value.len() > 16 {
        out.report(
            &FILE_SET_ID,
            span,
            tag,
            None,
            format_args!(
                "File-set ID `{}` has {} characters; at most 16",
                Shown(value),
                value.len()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use dcmlint_corpus::dicomdir::{DicomDir, example_patients};

    use super::super::tests::{example, hits, only};

    fn with(id: &str) -> impl core::ops::Deref<Target = [u8]> {
        DicomDir::new(id, "1.2.3", &example_patients()).build()
    }

    #[test]
    fn a_space_and_a_long_id_fire() {
        let found = only(&with("MY DISC"), "dicomdir/file-set-id");
        assert!(found[0].message.contains("a space"));
        let found = only(&with("ABCDEFGHIJKLMNOPQ"), "dicomdir/file-set-id");
        assert!(found[0].message.contains("17 characters"));
        only(&with("disc"), "dicomdir/file-set-id");
    }

    #[test]
    fn upper_case_and_empty_pass() {
        assert!(hits(&with("MY_DISC_2024")).is_empty());
        assert!(hits(&with("")).is_empty());
        assert!(hits(&example()).is_empty());
    }
}
