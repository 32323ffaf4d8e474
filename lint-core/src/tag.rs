//! Data element tags (PS3.5 §7.1): a group and an element number.
//!
//! [`Tag`] orders the way the standard requires data elements to be ordered in a data
//! set (ascending group, then element), and displays as `(gggg,eeee)`. The constants in
//! [`tags`] are named after the PS3.6 keywords of the elements the linter itself needs.

use core::fmt;

/// A data element tag `(group,element)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag {
    /// Group number.
    pub group: u16,
    /// Element number.
    pub element: u16,
}

impl Tag {
    /// The tag `(group,element)`.
    #[must_use]
    pub const fn new(group: u16, element: u16) -> Self {
        Self { group, element }
    }

    /// The tag as one 32-bit number `0xggggeeee`.
    #[must_use]
    pub const fn as_u32(self) -> u32 {
        ((self.group as u32) << 16) | self.element as u32
    }

    /// The tag from a 32-bit number `0xggggeeee`.
    #[must_use]
    pub const fn from_u32(v: u32) -> Self {
        Self {
            group: (v >> 16) as u16,
            element: v as u16,
        }
    }

    /// Private data element: odd group number other than 0001, 0003, 0005, 0007 and FFFF
    /// (PS3.5 §7.8.1).
    #[must_use]
    pub const fn is_private(self) -> bool {
        self.group % 2 == 1 && self.group > 0x0008 && self.group != 0xFFFF
    }

    /// Private Creator element `(gggg,0010)`–`(gggg,00FF)` of a private group.
    #[must_use]
    pub const fn is_private_creator(self) -> bool {
        self.is_private() && self.element >= 0x0010 && self.element <= 0x00FF
    }

    /// Group Length element `(gggg,0000)`.
    #[must_use]
    pub const fn is_group_length(self) -> bool {
        self.element == 0
    }

    /// Item, Item Delimitation or Sequence Delimitation (group FFFE).
    #[must_use]
    pub const fn is_delimiter_group(self) -> bool {
        self.group == 0xFFFE
    }

    /// File Meta Information element (group 0002).
    #[must_use]
    pub const fn is_file_meta(self) -> bool {
        self.group == 0x0002
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({:04X},{:04X})", self.group, self.element)
    }
}

/// Tags the linter refers to by name (PS3.6 keywords in SCREAMING_SNAKE_CASE).
pub mod tags {
    use super::Tag;

    /// (0002,0000) File Meta Information Group Length.
    pub const FILE_META_INFORMATION_GROUP_LENGTH: Tag = Tag::new(0x0002, 0x0000);
    /// (0002,0001) File Meta Information Version.
    pub const FILE_META_INFORMATION_VERSION: Tag = Tag::new(0x0002, 0x0001);
    /// (0002,0002) Media Storage SOP Class UID.
    pub const MEDIA_STORAGE_SOP_CLASS_UID: Tag = Tag::new(0x0002, 0x0002);
    /// (0002,0003) Media Storage SOP Instance UID.
    pub const MEDIA_STORAGE_SOP_INSTANCE_UID: Tag = Tag::new(0x0002, 0x0003);
    /// (0002,0010) Transfer Syntax UID.
    pub const TRANSFER_SYNTAX_UID: Tag = Tag::new(0x0002, 0x0010);
    /// (0002,0012) Implementation Class UID.
    pub const IMPLEMENTATION_CLASS_UID: Tag = Tag::new(0x0002, 0x0012);
    /// (0002,0013) Implementation Version Name.
    pub const IMPLEMENTATION_VERSION_NAME: Tag = Tag::new(0x0002, 0x0013);

    /// (0004,1130) File-set ID.
    pub const FILE_SET_ID: Tag = Tag::new(0x0004, 0x1130);
    /// (0004,1141) File-set Descriptor File ID.
    pub const FILE_SET_DESCRIPTOR_FILE_ID: Tag = Tag::new(0x0004, 0x1141);
    /// (0004,1142) Specific Character Set of File-set Descriptor File.
    pub const SPECIFIC_CHARACTER_SET_OF_FILE_SET_DESCRIPTOR_FILE: Tag = Tag::new(0x0004, 0x1142);
    /// (0004,1200) Offset of the First Directory Record of the Root Directory Entity.
    pub const OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY: Tag =
        Tag::new(0x0004, 0x1200);
    /// (0004,1202) Offset of the Last Directory Record of the Root Directory Entity.
    pub const OFFSET_OF_THE_LAST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY: Tag =
        Tag::new(0x0004, 0x1202);
    /// (0004,1212) File-set Consistency Flag.
    pub const FILE_SET_CONSISTENCY_FLAG: Tag = Tag::new(0x0004, 0x1212);
    /// (0004,1220) Directory Record Sequence.
    pub const DIRECTORY_RECORD_SEQUENCE: Tag = Tag::new(0x0004, 0x1220);
    /// (0004,1400) Offset of the Next Directory Record.
    pub const OFFSET_OF_THE_NEXT_DIRECTORY_RECORD: Tag = Tag::new(0x0004, 0x1400);
    /// (0004,1410) Record In-use Flag.
    pub const RECORD_IN_USE_FLAG: Tag = Tag::new(0x0004, 0x1410);
    /// (0004,1420) Offset of Referenced Lower-Level Directory Entity.
    pub const OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY: Tag = Tag::new(0x0004, 0x1420);
    /// (0004,1430) Directory Record Type.
    pub const DIRECTORY_RECORD_TYPE: Tag = Tag::new(0x0004, 0x1430);
    /// (0004,1432) Private Record UID.
    pub const PRIVATE_RECORD_UID: Tag = Tag::new(0x0004, 0x1432);
    /// (0004,1500) Referenced File ID.
    pub const REFERENCED_FILE_ID: Tag = Tag::new(0x0004, 0x1500);
    /// (0004,1510) Referenced SOP Class UID in File.
    pub const REFERENCED_SOP_CLASS_UID_IN_FILE: Tag = Tag::new(0x0004, 0x1510);
    /// (0004,1511) Referenced SOP Instance UID in File.
    pub const REFERENCED_SOP_INSTANCE_UID_IN_FILE: Tag = Tag::new(0x0004, 0x1511);
    /// (0004,1512) Referenced Transfer Syntax UID in File.
    pub const REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE: Tag = Tag::new(0x0004, 0x1512);
    /// (0004,151A) Referenced Related General SOP Class UID in File.
    pub const REFERENCED_RELATED_GENERAL_SOP_CLASS_UID_IN_FILE: Tag = Tag::new(0x0004, 0x151A);

    /// (0008,0005) Specific Character Set.
    pub const SPECIFIC_CHARACTER_SET: Tag = Tag::new(0x0008, 0x0005);
    /// (0008,0016) SOP Class UID.
    pub const SOP_CLASS_UID: Tag = Tag::new(0x0008, 0x0016);
    /// (0008,0018) SOP Instance UID.
    pub const SOP_INSTANCE_UID: Tag = Tag::new(0x0008, 0x0018);
    /// (0008,001A) Related General SOP Class UID.
    pub const RELATED_GENERAL_SOP_CLASS_UID: Tag = Tag::new(0x0008, 0x001A);
    /// (0008,0020) Study Date.
    pub const STUDY_DATE: Tag = Tag::new(0x0008, 0x0020);
    /// (0008,0030) Study Time.
    pub const STUDY_TIME: Tag = Tag::new(0x0008, 0x0030);
    /// (0008,0050) Accession Number.
    pub const ACCESSION_NUMBER: Tag = Tag::new(0x0008, 0x0050);
    /// (0008,0060) Modality.
    pub const MODALITY: Tag = Tag::new(0x0008, 0x0060);
    /// (0008,1030) Study Description.
    pub const STUDY_DESCRIPTION: Tag = Tag::new(0x0008, 0x1030);
    /// (0008,103E) Series Description.
    pub const SERIES_DESCRIPTION: Tag = Tag::new(0x0008, 0x103E);
    /// (0008,0080) Institution Name.
    pub const INSTITUTION_NAME: Tag = Tag::new(0x0008, 0x0080);
    /// (0010,0010) Patient's Name.
    pub const PATIENT_NAME: Tag = Tag::new(0x0010, 0x0010);
    /// (0010,0020) Patient ID.
    pub const PATIENT_ID: Tag = Tag::new(0x0010, 0x0020);
    /// (0010,0030) Patient's Birth Date.
    pub const PATIENT_BIRTH_DATE: Tag = Tag::new(0x0010, 0x0030);
    /// (0010,0040) Patient's Sex.
    pub const PATIENT_SEX: Tag = Tag::new(0x0010, 0x0040);
    /// (0010,1001) Other Patient Names.
    pub const OTHER_PATIENT_NAMES: Tag = Tag::new(0x0010, 0x1001);
    /// (0010,4000) Patient Comments.
    pub const PATIENT_COMMENTS: Tag = Tag::new(0x0010, 0x4000);
    /// (0010,2201) Patient Species Description.
    pub const PATIENT_SPECIES_DESCRIPTION: Tag = Tag::new(0x0010, 0x2201);
    /// (0010,2202) Patient Species Code Sequence.
    pub const PATIENT_SPECIES_CODE_SEQUENCE: Tag = Tag::new(0x0010, 0x2202);
    /// (0020,000D) Study Instance UID.
    pub const STUDY_INSTANCE_UID: Tag = Tag::new(0x0020, 0x000D);
    /// (0020,000E) Series Instance UID.
    pub const SERIES_INSTANCE_UID: Tag = Tag::new(0x0020, 0x000E);
    /// (0020,0010) Study ID.
    pub const STUDY_ID: Tag = Tag::new(0x0020, 0x0010);
    /// (0020,0011) Series Number.
    pub const SERIES_NUMBER: Tag = Tag::new(0x0020, 0x0011);
    /// (0020,0013) Instance Number.
    pub const INSTANCE_NUMBER: Tag = Tag::new(0x0020, 0x0013);
    /// (0088,0200) Icon Image Sequence.
    pub const ICON_IMAGE_SEQUENCE: Tag = Tag::new(0x0088, 0x0200);
    /// (7FE0,0010) Pixel Data.
    pub const PIXEL_DATA: Tag = Tag::new(0x7FE0, 0x0010);
    /// (FFFC,FFFC) Data Set Trailing Padding.
    pub const DATA_SET_TRAILING_PADDING: Tag = Tag::new(0xFFFC, 0xFFFC);
    /// (FFFE,E000) Item.
    pub const ITEM: Tag = Tag::new(0xFFFE, 0xE000);
    /// (FFFE,E00D) Item Delimitation Item.
    pub const ITEM_DELIMITATION_ITEM: Tag = Tag::new(0xFFFE, 0xE00D);
    /// (FFFE,E0DD) Sequence Delimitation Item.
    pub const SEQUENCE_DELIMITATION_ITEM: Tag = Tag::new(0xFFFE, 0xE0DD);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_classes() {
        assert!(Tag::new(0x0008, 0x0005) < Tag::new(0x0008, 0x0016));
        assert!(Tag::new(0x0008, 0xFFFF) < Tag::new(0x0009, 0x0000));
        assert!(Tag::new(0x0029, 0x0010).is_private_creator());
        assert!(!Tag::new(0x0003, 0x0010).is_private());
        assert_eq!(Tag::from_u32(0x7FE0_0010), tags::PIXEL_DATA);
        assert_eq!(tags::PIXEL_DATA.as_u32(), 0x7FE0_0010);
    }
}
