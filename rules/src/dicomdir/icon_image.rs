//! `dicomdir/icon-image`: a record's Icon Image Sequence (0088,0200) that breaks PS3.3 F.7.

use lint_core::tag::tags;

use super::scan::{IconProblem, RecordKeys};
use super::{Directory, Reporter};
use crate::registry::RuleMeta;
use crate::runner::Rule;

declare_rule! {
    /// ## What it checks
    /// A directory record's Icon Image Sequence (0088,0200) with more than one item, or
    /// whose item breaks the icon image constraints: Samples per Pixel (0028,0002) 1;
    /// Photometric Interpretation (0028,0004) `MONOCHROME1`, `MONOCHROME2` or
    /// `PALETTE COLOR`; Bits Allocated (0028,0100) 1 or 8 (8 for `PALETTE COLOR`); Bits
    /// Stored (0028,0101) equal to it; High Bit (0028,0102) one less; Pixel
    /// Representation (0028,0103) 0; no Planar Configuration (0028,0006).
    ///
    /// ## Why
    /// Icons let a viewer show thumbnails of the disc without opening the images; readers
    /// decode them with exactly these assumptions, so a 16-bit or RGB icon comes out as
    /// noise or is refused.
    ///
    /// ## Standard
    /// PS3.3 F.7 (Icon Image Key Definition), F.5.3, F.5.4.
    ///
    /// ## Example
    /// Failing: an IMAGE record's icon with Bits Allocated 16.
    /// Passing: a 64×64 `MONOCHROME2` icon with Bits Allocated, Stored 8 and High Bit 7.
    pub ICON_IMAGE, "dicomdir/icon-image", Error,
        "a record's icon image breaks the Icon Image Key Definition"
}

/// [`ICON_IMAGE`] (judged by [`super::check_directory`]).
#[derive(Debug, Default)]
pub struct Check;

impl Rule for Check {
    const META: &'static RuleMeta = &ICON_IMAGE;
}

pub(super) fn check(_dir: &Directory<'_>, out: &mut Reporter<'_>, record: &RecordKeys) {
    let Some(defect) = record.icon else { return };
    let index = Some(record.record);
    let span = defect.span;
    match defect.problem {
        IconProblem::SecondItem => out.report(
            &ICON_IMAGE,
            span,
            Some(tags::ICON_IMAGE_SEQUENCE),
            index,
            format_args!("the Icon Image Sequence (0088,0200) has more than one item"),
        ),
        IconProblem::Value(tag, value) => {
            let keyword = lint_core::dictionary::keyword(tag).unwrap_or("element");
            match value {
                Some(value) => out.report(
                    &ICON_IMAGE,
                    span,
                    Some(tag),
                    index,
                    format_args!("the icon image's {keyword} {tag} is {value}, which F.7 does not allow"),
                ),
                None => out.report(
                    &ICON_IMAGE,
                    span,
                    Some(tag),
                    index,
                    format_args!("the icon image has no {keyword} {tag} (one US)"),
                ),
            }
        }
        IconProblem::Photometric => out.report(
            &ICON_IMAGE,
            span,
            Some(lint_core::Tag::new(0x0028, 0x0004)),
            index,
            format_args!(
                "the icon image's Photometric Interpretation is not MONOCHROME1, MONOCHROME2 or PALETTE COLOR"
            ),
        ),
        IconProblem::PlanarConfiguration => out.report(
            &ICON_IMAGE,
            span,
            Some(lint_core::Tag::new(0x0028, 0x0006)),
            index,
            format_args!("the icon image has a Planar Configuration (0028,0006); icons have none"),
        ),
    }
}

#[cfg(test)]
mod tests {

    use dcmlint_corpus::builder::{DataSet, Item};
    use lint_core::Vr;
    use lint_core::tag::{Tag, tags};

    use super::super::tests::{build, example_records, hits, only};

    fn icon(bits: u16, photometric: &str) -> DataSet {
        DataSet::new()
            .us(Tag::new(0x0028, 0x0002), 1)
            .el(Tag::new(0x0028, 0x0004), Vr::CS, photometric)
            .us(Tag::new(0x0028, 0x0010), 4)
            .us(Tag::new(0x0028, 0x0011), 4)
            .us(Tag::new(0x0028, 0x0100), bits)
            .us(Tag::new(0x0028, 0x0101), bits)
            .us(Tag::new(0x0028, 0x0102), bits - 1)
            .us(Tag::new(0x0028, 0x0103), 0)
            .el(
                tags::PIXEL_DATA,
                Vr::OB,
                &[0u8; 32][..16 * usize::from(bits) / 8],
            )
    }

    fn with_icon<const N: usize>(items: [DataSet; N]) -> impl core::ops::Deref<Target = [u8]> {
        let mut records = example_records();
        records[3].keys = records[3].keys.clone().seq(
            tags::ICON_IMAGE_SEQUENCE,
            items.into_iter().map(Item::new).collect(),
        );
        build(records)
    }

    #[test]
    fn sixteen_bits_rgb_and_two_items_fire() {
        let found = only(&with_icon([icon(16, "MONOCHROME2")]), "dicomdir/icon-image");
        assert!(found[0].message.contains("BitsAllocated"), "{found:?}");
        assert_eq!(found[0].path, "(0004,1220)[3]/(0028,0100)");
        let found = only(&with_icon([icon(8, "RGB")]), "dicomdir/icon-image");
        assert!(found[0].message.contains("Photometric"), "{found:?}");
        let found = only(
            &with_icon([icon(8, "MONOCHROME2"), icon(8, "MONOCHROME2")]),
            "dicomdir/icon-image",
        );
        assert!(found[0].message.contains("more than one item"), "{found:?}");
    }

    #[test]
    fn an_eight_bit_icon_passes() {
        let bytes = with_icon([icon(8, "MONOCHROME2")]);
        assert!(hits(&bytes).is_empty(), "{:?}", hits(&bytes));
        let bytes = with_icon([icon(8, "PALETTE COLOR")]);
        assert!(hits(&bytes).is_empty(), "{:?}", hits(&bytes));
    }
}
