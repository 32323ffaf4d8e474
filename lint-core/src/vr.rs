//! Value Representations (PS3.5 §6.2, Table 6.2-1).
//!
//! [`Vr`] knows what the parser and the rules need of each VR: which header form it uses
//! in explicit VR syntaxes (§7.1.2), whether it is a character string and whether
//! Specific Character Set (0008,0005) governs it (§6.1.2.3), its padding byte and its
//! length limit.

use core::fmt;

/// A Value Representation.
///
/// Variants keep the standard's two-letter codes: every DICOM reader knows `PN` and `UT`,
/// and spelling them `Pn` would only obscure the link to Table 6.2-1.
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vr {
    /// Application Entity.
    AE,
    /// Age String.
    AS,
    /// Attribute Tag.
    AT,
    /// Code String.
    CS,
    /// Date.
    DA,
    /// Decimal String.
    DS,
    /// Date Time.
    DT,
    /// Floating Point Double.
    FD,
    /// Floating Point Single.
    FL,
    /// Integer String.
    IS,
    /// Long String.
    LO,
    /// Long Text.
    LT,
    /// Other Byte.
    OB,
    /// Other Double.
    OD,
    /// Other Float.
    OF,
    /// Other Long.
    OL,
    /// Other 64-bit Very Long.
    OV,
    /// Other Word.
    OW,
    /// Person Name.
    PN,
    /// Short String.
    SH,
    /// Signed Long.
    SL,
    /// Sequence of Items.
    SQ,
    /// Signed Short.
    SS,
    /// Short Text.
    ST,
    /// Signed 64-bit Very Long.
    SV,
    /// Time.
    TM,
    /// Unlimited Characters.
    UC,
    /// Unique Identifier.
    UI,
    /// Unsigned Long.
    UL,
    /// Unknown.
    UN,
    /// Universal Resource Identifier or Locator.
    UR,
    /// Unsigned Short.
    US,
    /// Unlimited Text.
    UT,
    /// Unsigned 64-bit Very Long.
    UV,
}

/// Every VR, in alphabetical order of its code.
pub const ALL_VRS: [Vr; 34] = [
    Vr::AE,
    Vr::AS,
    Vr::AT,
    Vr::CS,
    Vr::DA,
    Vr::DS,
    Vr::DT,
    Vr::FD,
    Vr::FL,
    Vr::IS,
    Vr::LO,
    Vr::LT,
    Vr::OB,
    Vr::OD,
    Vr::OF,
    Vr::OL,
    Vr::OV,
    Vr::OW,
    Vr::PN,
    Vr::SH,
    Vr::SL,
    Vr::SQ,
    Vr::SS,
    Vr::ST,
    Vr::SV,
    Vr::TM,
    Vr::UC,
    Vr::UI,
    Vr::UL,
    Vr::UN,
    Vr::UR,
    Vr::US,
    Vr::UT,
    Vr::UV,
];

impl Vr {
    /// The VR for a two-byte code such as `b"PN"`, if it is one of Table 6.2-1.
    #[must_use]
    pub const fn from_code(code: [u8; 2]) -> Option<Vr> {
        // A match, not a search of ALL_VRS: this runs for every explicit VR header.
        match code {
            [b'A', b'E'] => Some(Vr::AE),
            [b'A', b'S'] => Some(Vr::AS),
            [b'A', b'T'] => Some(Vr::AT),
            [b'C', b'S'] => Some(Vr::CS),
            [b'D', b'A'] => Some(Vr::DA),
            [b'D', b'S'] => Some(Vr::DS),
            [b'D', b'T'] => Some(Vr::DT),
            [b'F', b'D'] => Some(Vr::FD),
            [b'F', b'L'] => Some(Vr::FL),
            [b'I', b'S'] => Some(Vr::IS),
            [b'L', b'O'] => Some(Vr::LO),
            [b'L', b'T'] => Some(Vr::LT),
            [b'O', b'B'] => Some(Vr::OB),
            [b'O', b'D'] => Some(Vr::OD),
            [b'O', b'F'] => Some(Vr::OF),
            [b'O', b'L'] => Some(Vr::OL),
            [b'O', b'V'] => Some(Vr::OV),
            [b'O', b'W'] => Some(Vr::OW),
            [b'P', b'N'] => Some(Vr::PN),
            [b'S', b'H'] => Some(Vr::SH),
            [b'S', b'L'] => Some(Vr::SL),
            [b'S', b'Q'] => Some(Vr::SQ),
            [b'S', b'S'] => Some(Vr::SS),
            [b'S', b'T'] => Some(Vr::ST),
            [b'S', b'V'] => Some(Vr::SV),
            [b'T', b'M'] => Some(Vr::TM),
            [b'U', b'C'] => Some(Vr::UC),
            [b'U', b'I'] => Some(Vr::UI),
            [b'U', b'L'] => Some(Vr::UL),
            [b'U', b'N'] => Some(Vr::UN),
            [b'U', b'R'] => Some(Vr::UR),
            [b'U', b'S'] => Some(Vr::US),
            [b'U', b'T'] => Some(Vr::UT),
            [b'U', b'V'] => Some(Vr::UV),
            _ => None,
        }
    }

    /// The two-byte code.
    #[must_use]
    pub const fn code(self) -> [u8; 2] {
        match self.as_str().as_bytes() {
            [a, b] => [*a, *b],
            // Every name in `as_str` has two letters (checked by a test).
            _ => [b'?', b'?'],
        }
    }

    /// The code as text.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Vr::AE => "AE",
            Vr::AS => "AS",
            Vr::AT => "AT",
            Vr::CS => "CS",
            Vr::DA => "DA",
            Vr::DS => "DS",
            Vr::DT => "DT",
            Vr::FD => "FD",
            Vr::FL => "FL",
            Vr::IS => "IS",
            Vr::LO => "LO",
            Vr::LT => "LT",
            Vr::OB => "OB",
            Vr::OD => "OD",
            Vr::OF => "OF",
            Vr::OL => "OL",
            Vr::OV => "OV",
            Vr::OW => "OW",
            Vr::PN => "PN",
            Vr::SH => "SH",
            Vr::SL => "SL",
            Vr::SQ => "SQ",
            Vr::SS => "SS",
            Vr::ST => "ST",
            Vr::SV => "SV",
            Vr::TM => "TM",
            Vr::UC => "UC",
            Vr::UI => "UI",
            Vr::UL => "UL",
            Vr::UN => "UN",
            Vr::UR => "UR",
            Vr::US => "US",
            Vr::UT => "UT",
            Vr::UV => "UV",
        }
    }

    /// Explicit VR header with 2 reserved bytes and a 32-bit length (PS3.5 §7.1.2,
    /// Table 7.1-1) rather than a 16-bit length (Table 7.1-2).
    #[must_use]
    pub const fn has_long_length(self) -> bool {
        matches!(
            self,
            Vr::OB
                | Vr::OD
                | Vr::OF
                | Vr::OL
                | Vr::OV
                | Vr::OW
                | Vr::SQ
                | Vr::SV
                | Vr::UC
                | Vr::UN
                | Vr::UR
                | Vr::UT
                | Vr::UV
        )
    }

    /// A character string VR (its value is text in some repertoire).
    #[must_use]
    pub const fn is_string(self) -> bool {
        matches!(
            self,
            Vr::AE
                | Vr::AS
                | Vr::CS
                | Vr::DA
                | Vr::DS
                | Vr::DT
                | Vr::IS
                | Vr::LO
                | Vr::LT
                | Vr::PN
                | Vr::SH
                | Vr::ST
                | Vr::TM
                | Vr::UC
                | Vr::UI
                | Vr::UR
                | Vr::UT
        )
    }

    /// Governed by Specific Character Set (0008,0005): SH, LO, ST, LT, UC, UT and PN
    /// (PS3.5 §6.1.2.3, PS3.3 C.12.1.1.2). All other string VRs use the default
    /// repertoire only.
    #[must_use]
    pub const fn is_charset_governed(self) -> bool {
        matches!(
            self,
            Vr::SH | Vr::LO | Vr::ST | Vr::LT | Vr::UC | Vr::UT | Vr::PN
        )
    }

    /// Text VRs whose value is a single value in which `\` is an ordinary character, and
    /// where TAB, LF, FF and CR are allowed (PS3.5 §6.1.3, §6.4).
    #[must_use]
    pub const fn is_free_text(self) -> bool {
        matches!(self, Vr::ST | Vr::LT | Vr::UT)
    }

    /// VRs whose value may hold several values separated by `\` (PS3.5 §6.4).
    #[must_use]
    pub const fn is_multi_valued_string(self) -> bool {
        self.is_string() && !self.is_free_text() && !matches!(self, Vr::UR)
    }

    /// Binary "other" VRs whose values are bulk data (pixel data, curves, waveforms…).
    #[must_use]
    pub const fn is_bulk(self) -> bool {
        matches!(
            self,
            Vr::OB | Vr::OD | Vr::OF | Vr::OL | Vr::OV | Vr::OW | Vr::UN
        )
    }

    /// The byte that pads a value to even length: NUL for UI and the binary VRs,
    /// SPACE for the other strings (PS3.5 §6.2).
    #[must_use]
    pub const fn padding(self) -> u8 {
        if self.is_string() && !matches!(self, Vr::UI) {
            b' '
        } else {
            0
        }
    }

    /// Maximum length of one value from Table 6.2-1, and whether it counts characters
    /// (SH, LO, ST, LT: characters of the character repertoire) or bytes.
    /// `None` for VRs limited only by the 32-bit length field.
    #[must_use]
    pub const fn max_length(self) -> Option<MaxLength> {
        use MaxLength::{Bytes, Chars};
        match self {
            Vr::AE => Some(Bytes(16)),
            Vr::AS => Some(Bytes(4)),
            Vr::CS => Some(Bytes(16)),
            Vr::DA => Some(Bytes(8)),
            Vr::DS => Some(Bytes(16)),
            Vr::DT => Some(Bytes(26)),
            Vr::IS => Some(Bytes(12)),
            Vr::TM => Some(Bytes(14)),
            Vr::UI => Some(Bytes(64)),
            Vr::SH => Some(Chars(16)),
            Vr::LO => Some(Chars(64)),
            Vr::ST => Some(Chars(1024)),
            Vr::LT => Some(Chars(10240)),
            Vr::PN => Some(Chars(64)),
            _ => None,
        }
    }

    /// Size in bytes of one value of a fixed-size binary VR.
    #[must_use]
    pub const fn fixed_size(self) -> Option<u8> {
        match self {
            Vr::AT | Vr::FL | Vr::SL | Vr::UL | Vr::OF | Vr::OL => Some(4),
            Vr::FD | Vr::SV | Vr::UV | Vr::OD | Vr::OV => Some(8),
            Vr::SS | Vr::US | Vr::OW => Some(2),
            _ => None,
        }
    }
}

/// A length limit from Table 6.2-1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaxLength {
    /// At most this many bytes.
    Bytes(u16),
    /// At most this many characters (escape sequences not counted; PN: per group).
    Chars(u16),
}

impl fmt::Display for Vr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for vr in ALL_VRS {
            assert_eq!(Vr::from_code(vr.code()), Some(vr));
        }
        assert_eq!(Vr::from_code(*b"XX"), None);
        assert_eq!(Vr::from_code(*b"pn"), None);
        let mut sorted = ALL_VRS;
        sorted.sort_by_key(|v| v.code());
        assert_eq!(sorted, ALL_VRS);
    }

    #[test]
    fn classes() {
        assert!(Vr::PN.is_charset_governed());
        assert!(!Vr::CS.is_charset_governed());
        assert!(Vr::UT.has_long_length() && !Vr::LT.has_long_length());
        assert_eq!(Vr::UI.padding(), 0);
        assert_eq!(Vr::LO.padding(), b' ');
        assert!(!Vr::UT.is_multi_valued_string());
    }
}
