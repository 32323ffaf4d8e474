//! The test vectors of dicom-rules.md §9 as rule verdicts: each vector's bytes, put in a
//! Part 10 stream under its (0008,0005), must draw exactly the verdict the reference
//! gives — the listed rules for a defect, no error or warning for valid text.
//!
//! Where this project's rules differ from the reference it is said beside the vector.

use lint_core::tag::tags::{INSTITUTION_NAME, MODALITY, PATIENT_COMMENTS, PATIENT_NAME};
use lint_core::{Tag, Vr};

use crate::finding::Severity;
use crate::registry::rule;
use crate::testing::{Found, hex, text_case};

/// What a vector expects.
pub(crate) enum Verdict {
    /// No error or warning (info allowed).
    Valid,
    /// "valid (info)": no error or warning, and these (info) rules fire.
    ValidInfo(&'static [&'static str]),
    /// These rules fire (others may too).
    Fires(&'static [&'static str]),
}

use Verdict::{Fires, Valid, ValidInfo};

const IR87: &[u8] = b"\\ISO 2022 IR 87";
const IR13_87: &[u8] = b"ISO 2022 IR 13\\ISO 2022 IR 87";

/// (id, (0008,0005), tag, VR, bytes, verdict)
pub(crate) type Vector = (
    &'static str,
    Option<&'static [u8]>,
    Tag,
    Vr,
    &'static str,
    Verdict,
);

pub(crate) const TEXT: &[Vector] = &[
    (
        "TV-01",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42 3D 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42",
        Valid,
    ),
    (
        "TV-02",
        Some(IR13_87),
        PATIENT_NAME,
        Vr::PN,
        "D4 CF C0 DE 5E C0 DB B3 3D 1B 24 42 3B 33 45 44 1B 28 4A 5E 1B 24 42 42 40 4F 3A 1B 28 4A 3D 1B 24 42 24 64 24 5E 24 40 1B 28 4A 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 4A",
        ValidInfo(&["pn/alpha-kana"]),
    ),
    (
        "TV-03",
        Some(b"\\ISO 2022 IR 149"),
        PATIENT_NAME,
        Vr::PN,
        "48 6F 6E 67 5E 47 69 6C 64 6F 6E 67 3D 1B 24 29 43 FB F3 5E 1B 24 29 43 D1 CE D4 D7 3D 1B 24 29 43 C8 AB 5E 1B 24 29 43 B1 E6 B5 BF",
        Valid,
    ),
    (
        "TV-04",
        Some(b"ISO_IR 192"),
        PATIENT_NAME,
        Vr::PN,
        "57 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D E7 8E 8B 5E E5 B0 8F E6 9D B1 3D",
        ValidInfo(&["pn/trailing-delimiters"]),
    ),
    (
        "TV-05",
        Some(b"GB18030"),
        PATIENT_NAME,
        Vr::PN,
        "57 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D CD F5 5E D0 A1 B6 AB 3D",
        ValidInfo(&["pn/trailing-delimiters"]),
    ),
    (
        "TV-06",
        Some(b"\\ISO 2022 IR 58"),
        PATIENT_NAME,
        Vr::PN,
        "5A 68 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D 1B 24 29 41 D5 C5 5E 1B 24 29 41 D0 A1 B6 AB 3D 20",
        ValidInfo(&["pn/trailing-delimiters"]),
    ),
    (
        "TV-07",
        Some(b"ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159"),
        PATIENT_NAME,
        Vr::PN,
        "4D 6F 72 69 5E 4F 67 61 69 3D 1B 24 42 3F 39 1B 28 42 5E 1B 24 28 44 6C 3F 1B 24 42 33 30 1B 28 42 3D 1B 24 42 24 62 24 6A 1B 28 42 5E 1B 24 42 24 2A 24 26 24 2C 24 24 1B 28 42",
        ValidInfo(&["charset/x0212-used"]),
    ),
    (
        "TV-08",
        Some(b"ISO_IR 13"),
        PATIENT_NAME,
        Vr::PN,
        "D4 CF C0 DE 5E C0 DB B3",
        ValidInfo(&["pn/alpha-kana"]),
    ),
    (
        "TV-09",
        Some(b"ISO_IR 100"),
        PATIENT_NAME,
        Vr::PN,
        "42 75 63 5E 4A E9 72 F4 6D 65",
        Valid,
    ),
    (
        "TV-10",
        Some(b"ISO_IR 192"),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D E5 B1 B1 E7 94 B0 5E E5 A4 AA E9 83 8E 3D E3 82 84 E3 81 BE E3 81 A0 5E E3 81 9F E3 82 8D E3 81 86",
        Valid,
    ),
    (
        "TV-11",
        Some(b"ISO_IR 192"),
        PATIENT_NAME,
        Vr::PN,
        "E3 83 A4 E3 83 9E E3 83 80 5E E3 82 BF E3 83 AD E3 82 A6 3D E5 B1 B1 E7 94 B0 5E E5 A4 AA E9 83 8E 3D E3 82 84 E3 81 BE E3 81 A0 5E E3 81 9F E3 82 8D E3 81 86",
        Valid,
    ),
    (
        "TV-12",
        Some(IR87),
        PATIENT_COMMENTS,
        Vr::LT,
        "1B 24 42 38 21 3A 3A 1B 28 42 20 4F 4B 0D 0A 1B 24 42 3D 6A 38 2B 24 4A 24 37 1B 28 42",
        Valid,
    ),
    (
        "TV-13",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 3D 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42",
        Valid,
    ),
    (
        "TV-14",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42",
        ValidInfo(&["pn/alpha-missing"]),
    ),
    (
        "TV-15",
        Some(IR87),
        INSTITUTION_NAME,
        Vr::LO,
        "1B 24 42 35 5C 4B 5C 1B 28 42",
        Valid,
    ),
    (
        "TV-16",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "4D 69 79 61 6D 6F 74 6F 5E 48 61 6E 61 6B 6F 3D 1B 24 42 35 5C 4B 5C 1B 28 42 5E 1B 24 42 32 56 3B 52 1B 28 42 3D 1B 24 42 24 5F 24 64 24 62 24 48 1B 28 42 5E 1B 24 42 24 4F 24 4A 24 33 1B 28 42",
        Valid,
    ),
    (
        "TV-17",
        Some(b"GBK"),
        INSTITUTION_NAME,
        Vr::LO,
        "81 5C",
        Valid,
    ),
    (
        "TV-18",
        Some(b"\\ISO 2022 IR 149"),
        PATIENT_COMMENTS,
        Vr::LT,
        "1B 24 29 43 54 68 65 20 66 69 72 73 74 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73 20 C7 D1 B1 DB 2E 0D 0A 1B 24 29 43 54 68 65 20 73 65 63 6F 6E 64 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73 20 C7 D1 B1 DB 2C 20 74 6F 6F 2E 0D 0A 54 68 65 20 74 68 69 72 64 20 6C 69 6E 65",
        Valid,
    ),
    (
        "TV-19",
        Some(b"ISO 2022 IR 100\\ISO 2022 IR 126"),
        PATIENT_NAME,
        Vr::PN,
        "44 69 6F 6E 79 73 69 6F 73 3D 1B 2D 46 C4 E9 EF ED F5 F3 E9 EF F2 1B 2D 41",
        Valid,
    ),
    (
        "TV-20",
        Some(b"\\ISO 2022 IR 13"),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 29 49 D4 CF C0 DE 5E 1B 29 49 C0 DB B3",
        Valid,
    ),
    (
        "TV-21",
        Some(b"\\ISO 2022 IR 13"),
        INSTITUTION_NAME,
        Vr::LO,
        "41 53 43 49 49 2B 1B 29 49 D4 CF C0 DE 5E C0 DB B3",
        Valid,
    ),
    (
        "TV-22",
        Some(IR13_87),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 1B 28 4A 5E 1B 24 42 42 40 4F 3A 1B 28 4A 3D D4 CF C0 DE 5E C0 DB B3",
        Valid,
    ),
    (
        "TV-23",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E 1B 24 42 24 3F 24 6D 24 26 1B 28 42",
        ValidInfo(&["pn/ideographic-kana-only"]),
    ),
    (
        "TV-24",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 24 42 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 3B 33 1B 28 42",
        Valid,
    ),
    (
        "TV-30",
        Some(b"ISO 2022 IR 100\\ISO 2022 IR 126"),
        PATIENT_NAME,
        Vr::PN,
        "44 69 6F 6E 79 73 69 6F 73 3D 1B 2D 46 C4 E9 EF ED F5 F3 E9 EF F2",
        Fires(&["charset/g1-not-restored"]),
    ),
    (
        "TV-31",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42",
        Fires(&["pn/alpha-escape"]),
    ),
    (
        "TV-32",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 24 42 3B 33 45 44 5E 1B 24 42 42 40 4F 3A 1B 28 42",
        Fires(&["charset/no-return-delimiter"]),
    ),
    (
        "TV-33",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44",
        Fires(&["charset/no-return-end"]),
    ),
    (
        "TV-34",
        Some(b"ISO_IR 100"),
        INSTITUTION_NAME,
        Vr::LO,
        "1B 24 42 3B 33 45 44 1B 28 42",
        Fires(&["charset/escape-not-allowed"]),
    ),
    (
        "TV-35",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "4D 6F 72 69 5E 4F 67 61 69 3D 1B 24 42 3F 39 1B 28 42 5E 1B 24 28 44 6C 3F 1B 24 42 33 30 1B 28 42",
        Fires(&["charset/undeclared-escape"]),
    ),
    (
        "TV-36",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 3B 33 45 44 1B 28 4A 5E 1B 24 42 42 40 4F 3A 1B 28 4A",
        Fires(&["charset/undeclared-escape", "charset/no-return-delimiter"]),
    ),
    // The reference makes this an error (CS-ESC-UNDECLARED); the issue requires pydicom's
    // chrSQEncoding1.dcm, which does exactly this, to pass without error. See the docs of
    // charset/undeclared-ascii for the argument.
    (
        "TV-37",
        Some(IR13_87),
        PATIENT_NAME,
        Vr::PN,
        "D4 CF C0 DE 5E C0 DB B3 3D 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42",
        Fires(&["charset/undeclared-ascii"]),
    ),
    (
        "TV-38",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 8E 52 93 63 5E 91 BE 98 59",
        Fires(&[
            "charset/foreign-encoding",
            "charset/c1-control",
            "charset/gr-undefined",
        ]),
    ),
    (
        "TV-39",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D BB B3 C5 C4 5E C2 C0 CF BA",
        Fires(&["charset/foreign-encoding", "charset/gr-undefined"]),
    ),
    (
        "TV-40",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "59 61 6D 61 64 61 5E 54 61 72 6F 75 3D 1B 24 42 BB B3 C5 C4 1B 28 42",
        Fires(&["charset/gr-undefined"]),
    ),
    (
        "TV-41",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 24 42 3B 33 45 1B 28 42",
        Fires(&["charset/odd-double-byte"]),
    ),
    (
        "TV-42",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 24 42 29 21 1B 28 42",
        Fires(&["charset/unassigned"]),
    ),
    (
        "TV-43",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 24 42 2D 21 1B 28 42",
        Fires(&["charset/vendor-character"]),
    ),
    (
        "TV-44",
        Some(IR87),
        PATIENT_COMMENTS,
        Vr::LT,
        "1B 24 42 38 21 3A 3A 0D 0A 3D 6A 38 2B 1B 28 42",
        Fires(&["charset/no-return-control"]),
    ),
    (
        "TV-45",
        Some(IR87),
        PATIENT_COMMENTS,
        Vr::LT,
        "1B 24 42 38 21 3A 3A 09 3D 6A 38 2B 1B 28 42",
        Fires(&["charset/no-return-control"]),
    ),
    (
        "TV-46",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 24 42 3B 33 20 45 44 1B 28 42",
        Fires(&["charset/space-in-double-byte"]),
    ),
    (
        "TV-47",
        Some(b"ISO_IR 192"),
        PATIENT_NAME,
        Vr::PN,
        "E5 B1 B1 E7 94 B0 5E E5 A4 AA E9 83 8E",
        Fires(&["pn/alpha-utf8-range"]),
    ),
    (
        "TV-48",
        Some(b"ISO_IR 192"),
        PATIENT_NAME,
        Vr::PN,
        "42 75 63 5E 4A C1 A9 72 6F 6D 65",
        Fires(&["charset/malformed-utf8"]),
    ),
    // The reference also lists PN-JP-HALFWIDTH-UTF8 (as the error in group 1); here
    // `pn/halfwidth-utf8` is the info for groups 2 and 3 and group 1 is
    // `pn/alpha-utf8-range`'s alone.
    (
        "TV-49",
        Some(b"ISO_IR 192"),
        PATIENT_NAME,
        Vr::PN,
        "EF BE 94 EF BE 8F EF BE 80 EF BE 9E 5E EF BE 80 EF BE 9B EF BD B3",
        Fires(&["pn/alpha-utf8-range"]),
    ),
    (
        "TV-50",
        Some(b"ISO_IR 192"),
        INSTITUTION_NAME,
        Vr::LO,
        "41 ED A0 80 42",
        Fires(&["charset/malformed-utf8"]),
    ),
    (
        "TV-51",
        Some(b"\\ISO 2022 IR 13"),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 29 49 D4 CF C0 DE 5E C0 DB B3",
        Fires(&["charset/missing-designation"]),
    ),
    (
        "TV-52",
        Some(b"\\ISO 2022 IR 13"),
        PATIENT_NAME,
        Vr::PN,
        "41 53 43 49 49 2B 1B 29 49 D4 CF C0 DE 5E C0 DB B3",
        Fires(&["pn/alpha-escape", "charset/missing-designation"]),
    ),
    (
        "TV-53",
        None,
        PATIENT_NAME,
        Vr::PN,
        "42 75 63 5E 4A E9 72 F4 6D 65",
        Fires(&["charset/missing"]),
    ),
    (
        "TV-54",
        Some(b"ISO_IR 100"),
        INSTITUTION_NAME,
        Vr::LO,
        "41 42 43 85 44 45 46",
        Fires(&["charset/c1-control"]),
    ),
    (
        "TV-55",
        Some(b"ISO_IR 13"),
        PATIENT_NAME,
        Vr::PN,
        "D4 CF E0 DE",
        Fires(&["charset/unassigned"]),
    ),
    (
        "TV-56",
        Some(b"\\ISO 2022 IR 13"),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 28 49 54 44 1B 28 42",
        Fires(&["charset/unknown-escape"]),
    ),
    (
        "TV-57",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 24 40 3B 33 45 44 1B 28 42",
        Fires(&["charset/unknown-escape"]),
    ),
    (
        "TV-58",
        Some(IR87),
        INSTITUTION_NAME,
        Vr::LO,
        "41 42 0E 43 44 0F",
        Fires(&["vr/control-character"]),
    ),
    (
        "TV-59",
        Some(b"\\ISO 2022 IR 149"),
        PATIENT_COMMENTS,
        Vr::LT,
        "1B 24 29 43 54 68 65 20 66 69 72 73 74 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73 20 C7 D1 B1 DB 2E 0D 0A 54 68 65 20 73 65 63 6F 6E 64 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73 20 C7 D1 B1 DB 2C 20 74 6F 6F 2E",
        Fires(&["charset/missing-designation"]),
    ),
    (
        "TV-60",
        None,
        PATIENT_NAME,
        Vr::PN,
        "41 5E 42 5E 43 5E 44 5E 45 5E 46",
        Fires(&["pn/components-max"]),
    ),
    (
        "TV-61",
        None,
        PATIENT_NAME,
        Vr::PN,
        "41 3D 42 3D 43 3D 44",
        Fires(&["pn/groups-max"]),
    ),
    (
        "TV-62",
        None,
        PATIENT_NAME,
        Vr::PN,
        "41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41",
        Fires(&["pn/group-length"]),
    ),
    (
        "TV-63",
        None,
        PATIENT_NAME,
        Vr::PN,
        "41 5E 42 5C 43 5E 44",
        Fires(&["pn/backslash"]),
    ),
    (
        "TV-64",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "3D 1B 24 42 3B 33 45 44 21 21 42 40 4F 3A 1B 28 42",
        Fires(&["pn/fullwidth-space"]),
    ),
    (
        "TV-65",
        Some(IR87),
        PATIENT_NAME,
        Vr::PN,
        "59 41 4D 41 4D 4F 54 4F 5E 54 41 52 4F 3D 1B 24 42 25 64 25 5E 25 62 25 48 1B 28 42 5E 1B 24 42 25 3F 25 6D 25 26 1B 28 42 3D 1B 24 42 3B 33 4B 5C 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42",
        Fires(&["pn/group-order", "pn/phonetic-kanji"]),
    ),
    (
        "TV-66",
        None,
        MODALITY,
        Vr::CS,
        "1B 28 42 43 54",
        Fires(&["vr/cs-repertoire"]),
    ),
    (
        "TV-67",
        None,
        MODALITY,
        Vr::CS,
        "63 74",
        Fires(&["vr/cs-repertoire"]),
    ),
    (
        "TV-68",
        None,
        PATIENT_COMMENTS,
        Vr::LT,
        "41 0A 42",
        Fires(&["vr/newline"]),
    ),
    (
        "TV-69",
        None,
        INSTITUTION_NAME,
        Vr::LO,
        "41 42 43 00",
        Fires(&["vr/nul-padding"]),
    ),
];

/// (id, (0008,0005) value bytes, verdict): the attribute-value vectors.
pub(crate) const CHARSET_VALUES: &[(&str, &str, Verdict)] = &[
    (
        "TV-70",
        "5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37 20",
        Valid,
    ),
    (
        "TV-71",
        "49 53 4F 20 32 30 32 32 20 49 52 20 36 5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37 5C 49 53 4F 20 32 30 32 32 20 49 52 20 31 35 39",
        Valid,
    ),
    (
        "TV-72",
        "49 53 4F 20 32 30 32 32 20 49 52 20 38 37",
        Fires(&["charset/multi-byte-value1"]),
    ),
    (
        "TV-73",
        "49 53 4F 5F 49 52 20 31 39 32 5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37 20",
        Fires(&["charset/standalone-multi"]),
    ),
    (
        "TV-74",
        "49 53 4F 5F 49 52 20 31 33 5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37",
        Fires(&["charset/non-iso2022-in-multi"]),
    ),
    (
        "TV-75",
        "49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30 5C 49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30 20",
        Fires(&["charset/duplicate"]),
    ),
    (
        "TV-76",
        "49 53 4F 5F 49 52 20 31 30 30 5C 49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30",
        Fires(&["charset/duplicate", "charset/non-iso2022-in-multi"]),
    ),
    (
        "TV-77",
        "69 73 6F 5F 69 72 20 31 30 30",
        Fires(&["charset/case"]),
    ),
    (
        "TV-78",
        "49 53 4F 2D 49 52 20 31 30 30",
        Fires(&["charset/misspelled"]),
    ),
    ("TV-79", "49 53 4F 5F 49 52 20 36", Fires(&["charset/ir6"])),
    (
        "TV-80",
        "49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30 20",
        Fires(&["charset/iso2022-single"]),
    ),
    (
        "TV-81",
        "20 49 53 4F 5F 49 52 20 31 30 30 20",
        Fires(&["charset/padding"]),
    ),
    ("TV-82", "5C 20", Fires(&["charset/all-empty"])),
    ("TV-83", "55 54 46 2D 38 20", Fires(&["charset/misspelled"])),
    (
        "TV-84",
        "49 53 4F 20 32 30 32 32 20 49 52 20 31 30 30 5C 5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37 20",
        Fires(&["charset/empty-not-first"]),
    ),
];

/// Error and warning findings of the families under test (the test stream's File Meta is
/// minimal, so `meta/*` is left out).
fn serious(found: &Found, families: &[&str]) -> usize {
    found
        .ids()
        .filter(|id| families.iter().any(|f| id.starts_with(f)))
        .filter(|id| rule(id).is_some_and(|r| r.severity >= Severity::Warning))
        .count()
}

fn judge(id: &str, found: &Found, verdict: &Verdict) {
    const FAMILIES: &[&str] = &["charset/", "vr/", "parse/", "pn/"];
    match verdict {
        Valid => assert_eq!(
            serious(found, FAMILIES),
            0,
            "{id} is valid but drew {found:?}"
        ),
        ValidInfo(rules) => {
            assert_eq!(
                serious(found, FAMILIES),
                0,
                "{id} is valid but drew {found:?}"
            );
            for r in *rules {
                assert!(found.has(r), "{id} should fire {r}: {found:?}");
            }
        }
        Fires(rules) => {
            for r in *rules {
                assert!(found.has(r), "{id} should fire {r}: {found:?}");
            }
        }
    }
}

#[test]
fn text_vectors() {
    for (id, charset, tag, vr, bytes, verdict) in TEXT {
        let (v, n) = hex(bytes);
        let found = text_case(*charset, *tag, *vr, &v[..n]);
        judge(id, &found, verdict);
    }
}

#[test]
fn charset_value_vectors() {
    for (id, bytes, verdict) in CHARSET_VALUES {
        let (v, n) = hex(bytes);
        let found = text_case(Some(&v[..n]), PATIENT_NAME, Vr::PN, b"Doe^Jane");
        judge(id, &found, verdict);
    }
}

#[test]
fn clean_corpus_draws_no_character_set_finding() {
    for (i, clean) in crate::testing::CLEAN.iter().enumerate() {
        let found = crate::testing::findings_of(clean);
        assert_eq!(
            serious(&found, &["charset/", "vr/", "pn/"]),
            0,
            "clean file {i}: {found:?}"
        );
    }
}
