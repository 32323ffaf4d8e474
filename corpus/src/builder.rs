//! A small DICOM writer for test data: data sets, Part 10 files and DICOMDIRs.
//!
//! It writes what it is told, byte for byte, so recipes can craft defects: values are
//! padded to even length by [`DataSet::el`] but not by [`DataSet::el_exact`], lengths can
//! be overridden ([`DataSet::el_with_length`], [`DataSet::seq_with_length`],
//! [`Item::with_length`]), and raw bytes can be inserted anywhere ([`DataSet::raw`]).
//! Nothing here validates: element order is the order of the calls (see
//! [`DataSet::sorted`]).
//!
//! ```
//! use dcmlint_corpus::builder::{DataSet, Item, Part10, ts};
//! use lint_core::tag::tags;
//! use lint_core::{Tag, Vr};
//!
//! let code = DataSet::new().el(Tag::new(0x0008, 0x0100), Vr::SH, "T-1");
//! let ds = DataSet::new()
//!     .el(tags::SOP_CLASS_UID, Vr::UI, "1.2.840.10008.5.1.4.1.1.2")
//!     .el(tags::SOP_INSTANCE_UID, Vr::UI, "1.2.3.4")
//!     .el(tags::PATIENT_NAME, Vr::PN, "Doe^Jane") // padded to 8 bytes
//!     .seq_undefined(Tag::new(0x0040, 0x0275), vec![Item::undefined(code)]);
//! let file = Part10::new("1.2.840.10008.5.1.4.1.1.2", "1.2.3.4", ts::EXPLICIT_LE)
//!     .dataset(ds)
//!     .build();
//! assert_eq!(&file[128..132], b"DICM");
//! ```
//!
//! Values are given as little-endian bytes; the big-endian encoding swaps binary values
//! itself, so one recipe can be written in every transfer syntax.

use lint_core::tag::tags;
use lint_core::{Tag, Vr};

/// How to encode headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enc {
    /// Implicit VR little endian.
    ImplicitLe,
    /// Explicit VR little endian.
    ExplicitLe,
    /// Explicit VR big endian.
    ExplicitBe,
}

/// Transfer syntax UIDs used by the recipes.
pub mod ts {
    /// Implicit VR Little Endian.
    pub const IMPLICIT_LE: &str = "1.2.840.10008.1.2";
    /// Explicit VR Little Endian.
    pub const EXPLICIT_LE: &str = "1.2.840.10008.1.2.1";
    /// Deflated Explicit VR Little Endian.
    pub const DEFLATED: &str = "1.2.840.10008.1.2.1.99";
    /// Explicit VR Big Endian (retired).
    pub const EXPLICIT_BE: &str = "1.2.840.10008.1.2.2";
    /// JPEG Baseline.
    pub const JPEG_BASELINE: &str = "1.2.840.10008.1.2.4.50";
}

/// One thing in a data set.
#[derive(Clone, Debug)]
enum Elem {
    Value {
        tag: Tag,
        vr: Vr,
        bytes: Vec<u8>,
        length: Option<u32>,
    },
    Seq {
        tag: Tag,
        vr: Vr,
        items: Vec<Item>,
        undefined: bool,
        length: Option<u32>,
    },
    Fragments {
        tag: Tag,
        fragments: Vec<Vec<u8>>,
    },
    Raw(Vec<u8>),
}

/// An item of a sequence.
#[derive(Clone, Debug)]
pub struct Item {
    data_set: DataSet,
    undefined: bool,
    length: Option<u32>,
}

impl Item {
    /// An item of defined length.
    pub fn new(data_set: DataSet) -> Self {
        Item {
            data_set,
            undefined: false,
            length: None,
        }
    }

    /// An item of undefined length (closed by an Item Delimitation Item).
    pub fn undefined(data_set: DataSet) -> Self {
        Item {
            data_set,
            undefined: true,
            length: None,
        }
    }

    /// An item whose length field says `length` whatever its contents.
    pub fn with_length(mut self, length: u32) -> Self {
        self.length = Some(length);
        self
    }
}

/// A data set under construction.
#[derive(Clone, Debug, Default)]
pub struct DataSet {
    elems: Vec<Elem>,
}

fn padded(vr: Vr, value: &[u8]) -> Vec<u8> {
    let mut bytes = value.to_vec();
    if bytes.len() % 2 == 1 {
        bytes.push(vr.padding());
    }
    bytes
}

impl DataSet {
    /// An empty data set.
    pub fn new() -> Self {
        DataSet::default()
    }

    /// A value, padded to even length with the VR's padding byte.
    pub fn el(self, tag: Tag, vr: Vr, value: impl AsRef<[u8]>) -> Self {
        let bytes = padded(vr, value.as_ref());
        self.push(Elem::Value {
            tag,
            vr,
            bytes,
            length: None,
        })
    }

    /// A value exactly as given (odd lengths allowed).
    pub fn el_exact(self, tag: Tag, vr: Vr, value: impl AsRef<[u8]>) -> Self {
        self.push(Elem::Value {
            tag,
            vr,
            bytes: value.as_ref().to_vec(),
            length: None,
        })
    }

    /// A value whose length field says `length` whatever the bytes.
    pub fn el_with_length(self, tag: Tag, vr: Vr, value: impl AsRef<[u8]>, length: u32) -> Self {
        self.push(Elem::Value {
            tag,
            vr,
            bytes: value.as_ref().to_vec(),
            length: Some(length),
        })
    }

    /// A US value.
    pub fn us(self, tag: Tag, value: u16) -> Self {
        self.el(tag, Vr::US, value.to_le_bytes())
    }

    /// A UL value.
    pub fn ul(self, tag: Tag, value: u32) -> Self {
        self.el(tag, Vr::UL, value.to_le_bytes())
    }

    /// A sequence of defined length.
    pub fn seq(self, tag: Tag, items: Vec<Item>) -> Self {
        self.push(Elem::Seq {
            tag,
            vr: Vr::SQ,
            items,
            undefined: false,
            length: None,
        })
    }

    /// A sequence of undefined length.
    pub fn seq_undefined(self, tag: Tag, items: Vec<Item>) -> Self {
        self.push(Elem::Seq {
            tag,
            vr: Vr::SQ,
            items,
            undefined: true,
            length: None,
        })
    }

    /// A sequence whose length field says `length`.
    pub fn seq_with_length(self, tag: Tag, items: Vec<Item>, length: u32) -> Self {
        self.push(Elem::Seq {
            tag,
            vr: Vr::SQ,
            items,
            undefined: false,
            length: Some(length),
        })
    }

    /// A sequence written as UN of undefined length (items in implicit VR LE).
    pub fn un_sequence(self, tag: Tag, items: Vec<Item>) -> Self {
        self.push(Elem::Seq {
            tag,
            vr: Vr::UN,
            items,
            undefined: true,
            length: None,
        })
    }

    /// Encapsulated pixel data: Basic Offset Table (empty) and the given fragments.
    pub fn fragments(self, fragments: Vec<Vec<u8>>) -> Self {
        self.push(Elem::Fragments {
            tag: tags::PIXEL_DATA,
            fragments,
        })
    }

    /// Raw bytes, written as they are.
    pub fn raw(self, bytes: impl AsRef<[u8]>) -> Self {
        self.push(Elem::Raw(bytes.as_ref().to_vec()))
    }

    fn push(mut self, elem: Elem) -> Self {
        self.elems.push(elem);
        self
    }

    /// The same elements in ascending tag order (raw bytes go last), for recipes that
    /// add elements after the common ones.
    pub fn sorted(mut self) -> Self {
        self.elems.sort_by_key(|elem| match elem {
            Elem::Value { tag, .. } | Elem::Seq { tag, .. } | Elem::Fragments { tag, .. } => *tag,
            Elem::Raw(_) => Tag::new(0xFFFF, 0xFFFF),
        });
        self
    }

    /// Encodes the data set.
    pub fn encode(&self, enc: Enc) -> Vec<u8> {
        let mut w = Writer {
            out: Vec::new(),
            enc,
        };
        w.data_set(self);
        w.out
    }
}

/// Size of the numbers a binary VR holds, for byte swapping (`None`: a byte string).
fn swap_unit(vr: Vr) -> Option<usize> {
    match vr {
        Vr::AT => Some(2),
        _ => vr.fixed_size().map(usize::from),
    }
}

struct Writer {
    out: Vec<u8>,
    enc: Enc,
}

impl Writer {
    fn u16(&mut self, v: u16) {
        let b = if self.enc == Enc::ExplicitBe {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        };
        self.out.extend_from_slice(&b);
    }

    fn u32(&mut self, v: u32) {
        let b = if self.enc == Enc::ExplicitBe {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        };
        self.out.extend_from_slice(&b);
    }

    fn tag(&mut self, tag: Tag) {
        self.u16(tag.group);
        self.u16(tag.element);
    }

    fn header(&mut self, tag: Tag, vr: Vr, length: u32) {
        self.tag(tag);
        match self.enc {
            Enc::ImplicitLe => self.u32(length),
            Enc::ExplicitLe | Enc::ExplicitBe => {
                self.out.extend_from_slice(&vr.code());
                if vr.has_long_length() {
                    self.u16(0);
                    self.u32(length);
                } else {
                    self.u16(length as u16);
                }
            }
        }
    }

    fn data_set(&mut self, ds: &DataSet) {
        for elem in &ds.elems {
            match elem {
                Elem::Value {
                    tag,
                    vr,
                    bytes,
                    length,
                } => {
                    self.header(*tag, *vr, length.unwrap_or(bytes.len() as u32));
                    // Recipes give binary values in little endian; big endian swaps each
                    // word (AT is two 16-bit numbers, OB/UN and strings are bytes).
                    match swap_unit(*vr) {
                        Some(unit) if self.enc == Enc::ExplicitBe => {
                            for word in bytes.chunks(unit) {
                                self.out.extend(word.iter().rev());
                            }
                        }
                        _ => self.out.extend_from_slice(bytes),
                    }
                }
                Elem::Seq {
                    tag,
                    vr,
                    items,
                    undefined,
                    length,
                } => {
                    let outer = self.enc;
                    let inner = if *vr == Vr::UN {
                        Enc::ImplicitLe
                    } else {
                        outer
                    };
                    let mut body = Writer {
                        out: Vec::new(),
                        enc: inner,
                    };
                    for item in items {
                        body.item(item);
                    }
                    let len = if *undefined {
                        u32::MAX
                    } else {
                        length.unwrap_or(body.out.len() as u32)
                    };
                    self.header(*tag, *vr, len);
                    self.out.extend_from_slice(&body.out);
                    if *undefined {
                        self.tag(tags::SEQUENCE_DELIMITATION_ITEM);
                        self.u32(0);
                    }
                }
                Elem::Fragments { tag, fragments } => {
                    self.header(*tag, Vr::OB, u32::MAX);
                    self.tag(tags::ITEM);
                    self.u32(0);
                    for fragment in fragments {
                        let bytes = padded(Vr::OB, fragment);
                        self.tag(tags::ITEM);
                        self.u32(bytes.len() as u32);
                        self.out.extend_from_slice(&bytes);
                    }
                    self.tag(tags::SEQUENCE_DELIMITATION_ITEM);
                    self.u32(0);
                }
                Elem::Raw(bytes) => self.out.extend_from_slice(bytes),
            }
        }
    }

    fn item(&mut self, item: &Item) {
        let mut body = Writer {
            out: Vec::new(),
            enc: self.enc,
        };
        body.data_set(&item.data_set);
        let len = if item.undefined {
            u32::MAX
        } else {
            item.length.unwrap_or(body.out.len() as u32)
        };
        self.tag(tags::ITEM);
        self.u32(len);
        self.out.extend_from_slice(&body.out);
        if item.undefined {
            self.tag(tags::ITEM_DELIMITATION_ITEM);
            self.u32(0);
        }
    }
}

/// The File Meta group of a Part 10 file, editable to craft defects.
#[derive(Clone, Debug)]
pub struct Meta {
    elements: Vec<(Tag, Vr, Vec<u8>)>,
    /// Added to the true group length when writing (0002,0000).
    pub group_length_delta: i64,
    /// Write (0002,0000) at all.
    pub group_length: bool,
    /// Write the group in implicit VR (a defect).
    pub implicit: bool,
    /// Write the 128-byte preamble.
    pub preamble: bool,
    /// Write `DICM`.
    pub prefix: bool,
}

/// Implementation Class UID of files the corpus writes.
pub const IMPLEMENTATION_CLASS_UID: &str = "1.2.826.0.1.3680043.10.1234.1";

impl Meta {
    /// A correct group for the given SOP Class, SOP Instance and transfer syntax.
    pub fn new(sop_class: &str, sop_instance: &str, transfer_syntax: &str) -> Self {
        Meta {
            elements: vec![
                (tags::FILE_META_INFORMATION_VERSION, Vr::OB, vec![0, 1]),
                (
                    tags::MEDIA_STORAGE_SOP_CLASS_UID,
                    Vr::UI,
                    padded(Vr::UI, sop_class.as_bytes()),
                ),
                (
                    tags::MEDIA_STORAGE_SOP_INSTANCE_UID,
                    Vr::UI,
                    padded(Vr::UI, sop_instance.as_bytes()),
                ),
                (
                    tags::TRANSFER_SYNTAX_UID,
                    Vr::UI,
                    padded(Vr::UI, transfer_syntax.as_bytes()),
                ),
                (
                    tags::IMPLEMENTATION_CLASS_UID,
                    Vr::UI,
                    padded(Vr::UI, IMPLEMENTATION_CLASS_UID.as_bytes()),
                ),
                (
                    tags::IMPLEMENTATION_VERSION_NAME,
                    Vr::SH,
                    padded(Vr::SH, b"DCMLINT_CORPUS"),
                ),
            ],
            group_length_delta: 0,
            group_length: true,
            implicit: false,
            preamble: true,
            prefix: true,
        }
    }

    /// Replaces (or adds) an element, keeping the group in tag order. The value is
    /// written as given: pad it yourself (UIDs with NUL), or leave it odd on purpose.
    pub fn set(mut self, tag: Tag, vr: Vr, value: &[u8]) -> Self {
        self.elements.retain(|(t, _, _)| *t != tag);
        self.elements.push((tag, vr, value.to_vec()));
        self.elements.sort_by_key(|(t, _, _)| *t);
        self
    }

    /// Removes an element.
    pub fn without(mut self, tag: Tag) -> Self {
        self.elements.retain(|(t, _, _)| *t != tag);
        self
    }

    /// The transfer syntax UID written.
    fn transfer_syntax(&self) -> String {
        self.elements
            .iter()
            .find(|(t, _, _)| *t == tags::TRANSFER_SYNTAX_UID)
            .map(|(_, _, v)| String::from_utf8_lossy(v).trim_end_matches('\0').to_owned())
            .unwrap_or_default()
    }

    /// Writes preamble, prefix and group.
    pub fn encode(&self) -> Vec<u8> {
        let enc = if self.implicit {
            Enc::ImplicitLe
        } else {
            Enc::ExplicitLe
        };
        let mut group = DataSet::new();
        for (tag, vr, value) in &self.elements {
            group = group.el_exact(*tag, *vr, value);
        }
        let body = group.encode(enc);
        let mut out = Vec::new();
        if self.preamble {
            out.extend_from_slice(&[0; 128]);
        }
        if self.prefix {
            out.extend_from_slice(b"DICM");
        }
        if self.group_length {
            let length = (body.len() as i64 + self.group_length_delta) as u32;
            out.extend(
                DataSet::new()
                    .el(
                        tags::FILE_META_INFORMATION_GROUP_LENGTH,
                        Vr::UL,
                        length.to_le_bytes(),
                    )
                    .encode(enc),
            );
        }
        out.extend(body);
        out
    }
}

/// Encodes `data_set` as the transfer syntax `transfer_syntax` says: implicit VR LE,
/// explicit VR BE, deflated explicit VR LE (raw deflate, no zlib header, PS3.5 §A.5), and
/// explicit VR LE for everything else (the encapsulated syntaxes and unknown UIDs).
pub fn encode_for(transfer_syntax: &str, data_set: &DataSet) -> Vec<u8> {
    match transfer_syntax {
        ts::IMPLICIT_LE => data_set.encode(Enc::ImplicitLe),
        ts::EXPLICIT_BE => data_set.encode(Enc::ExplicitBe),
        ts::DEFLATED => miniz_oxide::deflate::compress_to_vec(&data_set.encode(Enc::ExplicitLe), 6),
        _ => data_set.encode(Enc::ExplicitLe),
    }
}

/// A Part 10 file: `meta`, then `data_set` in the meta's transfer syntax (deflated if
/// it says so). A meta without (0002,0010) gets explicit VR LE.
pub fn part10(meta: &Meta, data_set: &DataSet) -> Vec<u8> {
    let mut out = meta.encode();
    out.extend(encode_for(&meta.transfer_syntax(), data_set));
    out
}

/// A Part 10 file under construction: File Meta plus data set.
///
/// `Part10::new(class, instance, ts).dataset(ds).build()` writes a correct file; the
/// [`Part10::meta`] hook edits the File Meta group first to craft defects.
#[derive(Clone, Debug)]
pub struct Part10 {
    meta: Meta,
    data_set: DataSet,
}

impl Part10 {
    /// A file with a correct File Meta group ([`Meta::new`]) and an empty data set.
    pub fn new(sop_class: &str, sop_instance: &str, transfer_syntax: &str) -> Self {
        Part10 {
            meta: Meta::new(sop_class, sop_instance, transfer_syntax),
            data_set: DataSet::new(),
        }
    }

    /// The data set (written in the transfer syntax of (0002,0010)).
    pub fn dataset(mut self, data_set: DataSet) -> Self {
        self.data_set = data_set;
        self
    }

    /// Edits the File Meta group, e.g. `.meta(|m| m.without(tags::TRANSFER_SYNTAX_UID))`.
    pub fn meta(mut self, edit: impl FnOnce(Meta) -> Meta) -> Self {
        self.meta = edit(self.meta);
        self
    }

    /// The file's bytes.
    pub fn build(&self) -> Vec<u8> {
        part10(&self.meta, &self.data_set)
    }
}
