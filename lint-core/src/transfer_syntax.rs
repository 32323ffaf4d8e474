//! Transfer syntaxes (PS3.5 §10, PS3.6 Table A-1) and the byte encodings they select.
//!
//! The parser only needs three facts about a transfer syntax: how data element headers
//! are encoded ([`Encoding`]: implicit VR little endian, explicit VR little endian or
//! explicit VR big endian), whether the data set is deflated (the core cannot look inside;
//! the CLI inflates it), and whether pixel data is encapsulated in fragments. The table
//! lists every transfer syntax of PS3.6 Table A-1, retired ones included: retired syntaxes
//! still arrive on real media and must be read, not rejected.

use core::fmt;

/// How data element headers (and multi-byte binary values) are encoded (PS3.5 §7.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Implicit VR Little Endian (§7.1.3, §A.1): tag, 4-byte length, no VR.
    ImplicitVrLittleEndian,
    /// Explicit VR Little Endian (§7.1.2, §A.2).
    ExplicitVrLittleEndian,
    /// Explicit VR Big Endian (§A.3, retired but still found on media).
    ExplicitVrBigEndian,
}

impl Encoding {
    /// Whether headers carry the two-letter VR.
    pub const fn is_explicit(self) -> bool {
        !matches!(self, Encoding::ImplicitVrLittleEndian)
    }

    /// Whether binary numbers are big endian.
    pub const fn is_big_endian(self) -> bool {
        matches!(self, Encoding::ExplicitVrBigEndian)
    }

    /// A short human name.
    pub const fn name(self) -> &'static str {
        match self {
            Encoding::ImplicitVrLittleEndian => "implicit VR little endian",
            Encoding::ExplicitVrLittleEndian => "explicit VR little endian",
            Encoding::ExplicitVrBigEndian => "explicit VR big endian",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One transfer syntax of PS3.6 Table A-1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransferSyntax {
    /// The UID, without padding.
    pub uid: &'static str,
    /// The name from PS3.6.
    pub name: &'static str,
    /// How the data set's element headers are encoded (after inflating, if deflated).
    pub encoding: Encoding,
    /// Whether the data set is deflated (RFC 1951) after the File Meta group.
    pub deflated: bool,
    /// Whether Pixel Data is encapsulated in fragments (PS3.5 §A.4).
    pub encapsulated: bool,
    /// Whether PS3.6 lists it as retired.
    pub retired: bool,
}

const fn ts(
    uid: &'static str,
    name: &'static str,
    encoding: Encoding,
    deflated: bool,
    encapsulated: bool,
    retired: bool,
) -> TransferSyntax {
    TransferSyntax {
        uid,
        name,
        encoding,
        deflated,
        encapsulated,
        retired,
    }
}

use Encoding::{
    ExplicitVrBigEndian as BE, ExplicitVrLittleEndian as LE, ImplicitVrLittleEndian as IMPLICIT,
};

/// Implicit VR Little Endian, the default transfer syntax (PS3.5 §10.1).
pub const IMPLICIT_VR_LITTLE_ENDIAN: TransferSyntax = ts(
    "1.2.840.10008.1.2",
    "Implicit VR Little Endian",
    IMPLICIT,
    false,
    false,
    false,
);
/// Explicit VR Little Endian: the only transfer syntax a DICOMDIR may use.
pub const EXPLICIT_VR_LITTLE_ENDIAN: TransferSyntax = ts(
    "1.2.840.10008.1.2.1",
    "Explicit VR Little Endian",
    LE,
    false,
    false,
    false,
);

/// Every transfer syntax of PS3.6 Table A-1 (2024 editions), in UID order of the table.
#[rustfmt::skip]
pub static TRANSFER_SYNTAXES: &[TransferSyntax] = &[
    IMPLICIT_VR_LITTLE_ENDIAN,
    EXPLICIT_VR_LITTLE_ENDIAN,
    ts("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", LE, false, true, false),
    ts("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", LE, true, false, false),
    ts("1.2.840.10008.1.2.2", "Explicit VR Big Endian", BE, false, false, true),
    ts("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.52", "JPEG Extended (Process 3 & 5)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.53", "JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.54", "JPEG Spectral Selection, Non-Hierarchical (Process 7 & 9)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.55", "JPEG Full Progression, Non-Hierarchical (Process 10 & 12)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.56", "JPEG Full Progression, Non-Hierarchical (Process 11 & 13)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.58", "JPEG Lossless, Non-Hierarchical (Process 15)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.59", "JPEG Extended, Hierarchical (Process 16 & 18)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.60", "JPEG Extended, Hierarchical (Process 17 & 19)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.61", "JPEG Spectral Selection, Hierarchical (Process 20 & 22)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.62", "JPEG Spectral Selection, Hierarchical (Process 21 & 23)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.63", "JPEG Full Progression, Hierarchical (Process 24 & 26)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.64", "JPEG Full Progression, Hierarchical (Process 25 & 27)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.65", "JPEG Lossless, Hierarchical (Process 28)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.66", "JPEG Lossless, Hierarchical (Process 29)", LE, false, true, true),
    ts("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [SV1])", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.94", "JPIP Referenced", LE, false, false, false),
    ts("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate", LE, true, false, false),
    ts("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.100.1", "Fragmentable MPEG2 Main Profile / Main Level", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.101.1", "Fragmentable MPEG2 Main Profile / High Level", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.102.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.1", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.103.1", "Fragmentable MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.104.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.105.1", "Fragmentable MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.106.1", "Fragmentable MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.110", "JPEG XL Lossless", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.112", "JPEG XL", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", LE, false, true, false),
    ts("1.2.840.10008.1.2.4.204", "JPIP HTJ2K Referenced", LE, false, false, false),
    ts("1.2.840.10008.1.2.4.205", "JPIP HTJ2K Referenced Deflate", LE, true, false, false),
    ts("1.2.840.10008.1.2.5", "RLE Lossless", LE, false, true, false),
    ts("1.2.840.10008.1.2.6.1", "RFC 2557 MIME encapsulation", LE, false, false, true),
    ts("1.2.840.10008.1.2.6.2", "XML Encoding", LE, false, false, true),
    ts("1.2.840.10008.1.2.7.1", "SMPTE ST 2110-20 Uncompressed Progressive Active Video", LE, false, false, false),
    ts("1.2.840.10008.1.2.7.2", "SMPTE ST 2110-20 Uncompressed Interlaced Active Video", LE, false, false, false),
    ts("1.2.840.10008.1.2.7.3", "SMPTE ST 2110-30 PCM Digital Audio", LE, false, false, false),
    ts("1.2.840.10008.1.20", "Papyrus 3 Implicit VR Little Endian", IMPLICIT, false, false, true),
];

/// Strips the padding a UI value may carry (a trailing NUL, and the spaces some writers
/// use although PS3.5 §9.1 asks for NUL).
pub fn trim_uid(raw: &[u8]) -> &[u8] {
    let mut end = raw.len();
    while end > 0 && matches!(raw.get(end - 1), Some(0 | b' ')) {
        end -= 1;
    }
    raw.get(..end).unwrap_or(raw)
}

/// Looks up a transfer syntax by its UID as found in (0002,0010), padding allowed.
pub fn lookup(raw_uid: &[u8]) -> Option<&'static TransferSyntax> {
    let uid = trim_uid(raw_uid);
    TRANSFER_SYNTAXES.iter().find(|ts| ts.uid.as_bytes() == uid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_padded_uids() {
        let ts = lookup(b"1.2.840.10008.1.2.1\0").unwrap();
        assert_eq!(ts.encoding, Encoding::ExplicitVrLittleEndian);
        assert!(!ts.deflated);
        assert_eq!(lookup(b"1.2.840.10008.1.2\0").unwrap().encoding, IMPLICIT);
        assert!(lookup(b"1.2.840.10008.1.2.1.99").unwrap().deflated);
        assert!(lookup(b"1.2.840.10008.1.2.4.50").unwrap().encapsulated);
        assert!(lookup(b"1.2.840.10008.1.2.2 ").unwrap().retired);
        assert!(lookup(b"1.2.840.10008.1.2.3").is_none());
        assert!(lookup(b"").is_none());
    }

    #[test]
    fn uids_are_unique() {
        for (i, a) in TRANSFER_SYNTAXES.iter().enumerate() {
            for b in &TRANSFER_SYNTAXES[i + 1..] {
                assert_ne!(a.uid, b.uid);
            }
        }
    }
}
