//! `media/pdi-layout`: a medium laid out for IHE PDI lacks the root files the profile
//! asks for.

use super::{Entry, EntryKind, FileSet};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// Only on a medium that shows it follows IHE Portable Data for Imaging (an
    /// `IHE_PDI` directory or an `INDEX.HTM` in the root): that the root holds both
    /// `INDEX.HTM` (the entry page of the web content) and `README.TXT`.
    ///
    /// ## Why
    /// PDI media are opened by people at the receiving site, often without a DICOM
    /// viewer: the profile puts a `README.TXT` (who made the medium, what is on it) and,
    /// with the web content option, an `INDEX.HTM` in the root, beside the DICOMDIR. A
    /// medium with `IHE_PDI` content but no `INDEX.HTM` has web pages nobody finds. This
    /// is information, not a defect of DICOM: media that do not claim PDI are not judged.
    ///
    /// ## Standard
    /// IHE Radiology Technical Framework Vol. 3 §4.47 (Distribute Imaging Information on
    /// Media), as summarised in dicom-rules.md §6.7 (MEDIA-PDI-README, MEDIA-PDI-INDEX;
    /// the summary comes from IHE presentation material, the TF text itself was not
    /// consulted).
    ///
    /// ## Example
    /// Failing: `DICOMDIR`, `DICOM/…`, `IHE_PDI/PAGE1.HTM`, no `INDEX.HTM`.
    /// Passing: the same with `INDEX.HTM` and `README.TXT` in the root; or no web content
    /// at all.
    pub PDI_LAYOUT, "media/pdi-layout", Info, "an IHE PDI medium lacks INDEX.HTM or README.TXT in its root"
}

/// The registry entry of [`PDI_LAYOUT`] (judged by [`super::check_file_set`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &PDI_LAYOUT;
}

/// The entry page of a PDI medium's web content, in its root.
const INDEX: &str = "INDEX.HTM";
/// The description of a PDI medium for people, in its root.
const README: &str = "README.TXT";

/// Whether a file named `name` (without `;1`) is one PDI places in the root of the
/// medium.
pub(crate) fn is_root_file(name: &str) -> bool {
    name.eq_ignore_ascii_case(INDEX) || name.eq_ignore_ascii_case(README)
}

/// What the root of the medium holds, as far as PDI cares.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Root {
    ihe_pdi: bool,
    index: bool,
    readme: bool,
}

impl Root {
    /// Whether the medium presents itself as IHE PDI: an `IHE_PDI` directory or an
    /// `INDEX.HTM` in its root.
    pub(crate) fn claims_pdi(&self) -> bool {
        self.ihe_pdi || self.index
    }

    /// Notes one entry of the listing.
    pub(crate) fn note(&mut self, entry: &Entry<'_>) {
        if entry.depth() != 1 {
            return;
        }
        let name = entry.name().trim_end_matches(";1");
        match entry.kind {
            EntryKind::Directory => self.ihe_pdi |= name.eq_ignore_ascii_case("IHE_PDI"),
            EntryKind::File(_) => {
                self.index |= name.eq_ignore_ascii_case(INDEX);
                self.readme |= name.eq_ignore_ascii_case(README);
            }
        }
    }
}

/// Judges the root once the listing is done.
pub(crate) fn check(set: &mut FileSet<'_, '_>, root: Root) {
    if !root.claims_pdi() {
        return;
    }
    for (present, name, why) in [
        (root.index, INDEX, "the entry page of its web content"),
        (
            root.readme,
            README,
            "the description of the medium for people",
        ),
    ] {
        if !present {
            set.report(
                &PDI_LAYOUT,
                None,
                None,
                None,
                format_args!("the medium has IHE PDI content but no `{name}` in its root ({why})"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::media::testing::Disk;

    #[test]
    fn fires_on_web_content_without_index() {
        let mut disk = Disk::sample();
        disk.put("IHE_PDI/PAGE1.HTM", b"<p>1</p>\n");
        disk.put("README.TXT", b"images\n");
        let found = disk.check();
        assert!(found.only(&["media/pdi-layout"]), "{found:#?}");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found.says("INDEX.HTM"), "{found:#?}");
    }

    #[test]
    fn passes_on_a_complete_pdi_root() {
        let mut disk = Disk::sample();
        disk.put("IHE_PDI/PAGE1.HTM", b"<p>1</p>\n");
        disk.put("INDEX.HTM", b"<a href=IHE_PDI/PAGE1.HTM>1</a>\n");
        disk.put("README.TXT", b"images\n");
        assert!(disk.check().is_empty());
    }

    #[test]
    fn media_without_pdi_content_are_not_judged() {
        assert!(Disk::sample().check().is_empty());
    }
}
