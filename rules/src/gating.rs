//! Differential tests of the dispatch's sparing ([`crate::Rule::EVENTS`], and the end of
//! a plain value under [`crate::Rule::TOKENS`]): every finding, with its span, tag and
//! message, is the same whether events and value ends go to the rules that look at them
//! or to every rule. Built only for tests; like the crate, without a heap: findings are
//! compared by a fingerprint of each, in order.

use core::fmt::{self, Write as _};
use core::sync::atomic::{AtomicBool, Ordering};

use lint_core::Vr;
use proptest::prelude::*;

use crate::finding::Finding;
use crate::registry::Selection;
use crate::runner::lint_bytes;
use crate::testing::hex;

/// Whether dispatch is ungated: every event to every rule, every value end to every rule
/// that looks at ends. Read by the registry in test builds only. Tests of other modules
/// running meanwhile see the same findings either way (which is what these tests prove).
static UNGATED: AtomicBool = AtomicBool::new(false);

/// Held by the test comparing, so two comparisons do not flip [`UNGATED`] under each
/// other.
static COMPARING: AtomicBool = AtomicBool::new(false);

/// Whether dispatch is ungated now.
pub fn ungated() -> bool {
    UNGATED.load(Ordering::SeqCst)
}

/// The corpus's Part 10 files (`corpus/files`, `corpus/media`, 180 as of this list):
/// clean ones and one defect per rule of most families.
const CORPUS: &[&[u8]] = &[
    include_bytes!("../../corpus/files/charset/escape-under-single-value.dcm"),
    include_bytes!("../../corpus/files/charset/euc-kr-without-escapes.dcm"),
    include_bytes!("../../corpus/files/charset/missing-charset.dcm"),
    include_bytes!("../../corpus/files/charset/missing-in-record/DICOMDIR"),
    include_bytes!("../../corpus/files/charset/misspelled-term.dcm"),
    include_bytes!("../../corpus/files/charset/no-return-before-caret.dcm"),
    include_bytes!("../../corpus/files/charset/shift-jis-under-iso2022.dcm"),
    include_bytes!("../../corpus/files/clean/ct-explicit-be.dcm"),
    include_bytes!("../../corpus/files/clean/ct-explicit-le.dcm"),
    include_bytes!("../../corpus/files/clean/japanese-ir13.dcm"),
    include_bytes!("../../corpus/files/clean/japanese-iso2022.dcm"),
    include_bytes!("../../corpus/files/clean/korean-ir149.dcm"),
    include_bytes!("../../corpus/files/clean/mr-implicit-le.dcm"),
    include_bytes!("../../corpus/files/clean/nested-sequences.dcm"),
    include_bytes!("../../corpus/files/clean/sr-deflated.dcm"),
    include_bytes!("../../corpus/files/clean/un-undefined-length.dcm"),
    include_bytes!("../../corpus/files/clean/us-jpeg-encapsulated.dcm"),
    include_bytes!("../../corpus/files/clean/utf8.dcm"),
    include_bytes!("../../corpus/files/dicomdir/consistency-flag/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/cycle/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/descriptor-file-id/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/duplicate-instance-uid/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/duplicate-patient-id/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/duplicate-series-uid/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/duplicate-study-uid/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/empty-entity/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/file-id/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/file-set-id/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/icon-image/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/in-use-flag/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/in-use-reserved/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/incomplete/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/missing-attribute/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/missing-key/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/missing-reference/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/no-directory-information/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/offset-target/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/orphan/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/placement/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/private-record-uid/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/reference-group/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/retired-record-type/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/root-last/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/root-pair/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/shared-record/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/sop-class/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/transfer-syntax/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/unexpected-reference/DICOMDIR"),
    include_bytes!("../../corpus/files/dicomdir/unknown-record-type/DICOMDIR"),
    include_bytes!("../../corpus/files/meta/group-length-wrong.dcm"),
    include_bytes!("../../corpus/files/meta/group2-in-dataset.dcm"),
    include_bytes!("../../corpus/files/meta/meta-implicit-vr.dcm"),
    include_bytes!("../../corpus/files/meta/missing-transfer-syntax.dcm"),
    include_bytes!("../../corpus/files/meta/sop-class-mismatch.dcm"),
    include_bytes!("../../corpus/files/meta/sop-instance-mismatch.dcm"),
    include_bytes!("../../corpus/files/meta/unknown-transfer-syntax.dcm"),
    include_bytes!("../../corpus/files/meta/wrong-version.dcm"),
    include_bytes!("../../corpus/files/parse/bad-item-tag.dcm"),
    include_bytes!("../../corpus/files/parse/duplicate-tag.dcm"),
    include_bytes!("../../corpus/files/parse/invalid-vr.dcm"),
    include_bytes!("../../corpus/files/parse/item-crosses-sequence.dcm"),
    include_bytes!("../../corpus/files/parse/stray-delimiter.dcm"),
    include_bytes!("../../corpus/files/parse/tags-out-of-order.dcm"),
    include_bytes!("../../corpus/files/parse/too-deep.dcm"),
    include_bytes!("../../corpus/files/parse/truncated-header.dcm"),
    include_bytes!("../../corpus/files/parse/undefined-length-missing-delimiter.dcm"),
    include_bytes!("../../corpus/files/parse/value-past-end.dcm"),
    include_bytes!("../../corpus/files/pn/alpha-escape.dcm"),
    include_bytes!("../../corpus/files/pn/backslash.dcm"),
    include_bytes!("../../corpus/files/pn/group-order.dcm"),
    include_bytes!("../../corpus/files/vr/odd-length.dcm"),
    include_bytes!("../../corpus/media/defects/depth/DICOM/P0000001/ST000001/SE000001/IM000001"),
    include_bytes!("../../corpus/media/defects/depth/DICOM/P0000001/ST000001/SE000001/IM000002"),
    include_bytes!("../../corpus/media/defects/depth/DICOM/P0000001/ST000001/SE000002/IM000001"),
    include_bytes!("../../corpus/media/defects/depth/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/descriptor-dicom/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/descriptor-dicom/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/descriptor-dicom/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/descriptor-dicom/DICOMDIR"),
    include_bytes!("../../corpus/media/defects/descriptor-dicom/README"),
    include_bytes!(
        "../../corpus/media/defects/descriptor-missing/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/descriptor-missing/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/descriptor-missing/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/descriptor-missing/DICOMDIR"),
    include_bytes!("../../corpus/media/defects/extension/DICOM/EXTRA.DCM"),
    include_bytes!(
        "../../corpus/media/defects/extension/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/extension/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/extension/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/extension/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/file-name/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/file-name/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/file-name/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/file-name/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/key-differs/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/key-differs/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/key-differs/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/key-differs/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/key-mismatch/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/key-mismatch/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/key-mismatch/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/key-mismatch/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/missing-file/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/missing-file/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/missing-file/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/name-variant/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/name-variant/DICOM/P0000001/ST000001/SE000001/im000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/name-variant/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/name-variant/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/nested-file-set/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/nested-file-set/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/nested-file-set/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/nested-file-set/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/nested-file-set/OLD/DICOM/P0000002/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/nested-file-set/OLD/DICOM/P0000002/ST000002/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/nested-file-set/OLD/DICOM/P0000002/ST000002/SE000001/IM000002"
    ),
    include_bytes!("../../corpus/media/defects/nested-file-set/OLD/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/not-dicom/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/not-dicom/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/not-dicom/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/pdi-layout/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/pdi-layout/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/pdi-layout/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/pdi-layout/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/pdi-non-dicom/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/pdi-non-dicom/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/pdi-non-dicom/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/pdi-non-dicom/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/record-type-class/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/record-type-class/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/record-type-class/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/record-type-class/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/referenced-twice/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/referenced-twice/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/referenced-twice/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/related-class-mismatch/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/related-class-mismatch/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/related-class-mismatch/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/related-class-mismatch/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/self-reference/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/self-reference/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/self-reference/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/sop-class-mismatch/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/sop-class-mismatch/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/sop-class-mismatch/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/sop-class-mismatch/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/sop-instance-mismatch/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/sop-instance-mismatch/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/sop-instance-mismatch/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/sop-instance-mismatch/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/transfer-syntax-mismatch/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/transfer-syntax-mismatch/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/transfer-syntax-mismatch/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/transfer-syntax-mismatch/DICOMDIR"),
    include_bytes!("../../corpus/media/defects/unreferenced-file/DICOM/P0000001/IM000099"),
    include_bytes!(
        "../../corpus/media/defects/unreferenced-file/DICOM/P0000001/ST000001/SE000001/IM000001"
    ),
    include_bytes!(
        "../../corpus/media/defects/unreferenced-file/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/unreferenced-file/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/unreferenced-file/DICOMDIR"),
    include_bytes!(
        "../../corpus/media/defects/unsafe-file-id/DICOM/P0000001/ST000001/SE000001/IM000002"
    ),
    include_bytes!(
        "../../corpus/media/defects/unsafe-file-id/DICOM/P0000001/ST000001/SE000002/IM000001"
    ),
    include_bytes!("../../corpus/media/defects/unsafe-file-id/DICOMDIR"),
    include_bytes!("../../corpus/media/japanese/DICOM/P0000011/SE000001/IM000001"),
    include_bytes!("../../corpus/media/japanese/DICOM/P0000011/SE000001/IM000002"),
    include_bytes!("../../corpus/media/japanese/DICOM/P0000011/SE000002/IM000001"),
    include_bytes!("../../corpus/media/japanese/DICOM/P0000011/SE000002/IM000002"),
    include_bytes!("../../corpus/media/japanese/DICOM/P0000012/SE000001/IM000001"),
    include_bytes!("../../corpus/media/japanese/DICOM/P0000012/SE000001/IM000002"),
    include_bytes!("../../corpus/media/japanese/DICOM/P0000012/SE000001/IM000003"),
    include_bytes!("../../corpus/media/japanese/DICOM/P0000013/SE000001/IM000001"),
    include_bytes!("../../corpus/media/japanese/DICOMDIR"),
    include_bytes!("../../corpus/media/sample/DICOM/P0000001/ST000001/SE000001/IM000001"),
    include_bytes!("../../corpus/media/sample/DICOM/P0000001/ST000001/SE000001/IM000002"),
    include_bytes!("../../corpus/media/sample/DICOM/P0000001/ST000001/SE000002/IM000001"),
    include_bytes!("../../corpus/media/sample/DICOM/P0000002/ST000001/SE000001/IM000001"),
    include_bytes!("../../corpus/media/sample/DICOM/P0000002/ST000002/SE000001/IM000001"),
    include_bytes!("../../corpus/media/sample/DICOM/P0000002/ST000002/SE000001/IM000002"),
    include_bytes!("../../corpus/media/sample/DICOM/P0000003/ST000001/SE000001/IM000001"),
    include_bytes!("../../corpus/media/sample/DICOM/P0000003/ST000001/SE000001/IM000002"),
    include_bytes!("../../corpus/media/sample/DICOM/P0000003/ST000001/SE000001/IM000003"),
    include_bytes!("../../corpus/media/sample/DICOMDIR"),
];

/// An FNV-1a hash that is also a [`fmt::Write`], for finding messages.
struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.bytes(s.as_bytes());
        Ok(())
    }
}

/// Fingerprints of the findings of `bytes` in order (rule id, span, tag, path, message),
/// and how many there were.
fn findings(bytes: &[u8]) -> ([u64; 256], usize) {
    let mut prints = [0u64; 256];
    let mut n = 0usize;
    let mut sink = |finding: &Finding<'_>| {
        let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
        let _ = write!(
            hash,
            "{} {:?} {:?} {:?} {}",
            finding.rule.id, finding.span, finding.tag, finding.path, finding.message
        );
        if let Some(slot) = prints.get_mut(n) {
            *slot = hash.0;
        }
        n += 1;
    };
    lint_bytes(bytes, Selection::all(), &mut sink);
    (prints, n)
}

/// Whether `bytes` draw the same findings gated and ungated; also the number drawn.
fn same(bytes: &[u8]) -> (bool, usize) {
    while COMPARING
        .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
        .is_err()
    {
        core::hint::spin_loop();
    }
    let gated = findings(bytes);
    UNGATED.store(true, Ordering::SeqCst);
    let ungated = findings(bytes);
    UNGATED.store(false, Ordering::SeqCst);
    COMPARING.store(false, Ordering::SeqCst);
    (gated == ungated, gated.1)
}

/// A stream under construction in a stack buffer.
struct Stream {
    buf: [u8; 8192],
    len: usize,
}

impl Stream {
    /// A Part 10 preamble and File Meta group with only the transfer syntax.
    fn new() -> Stream {
        let mut stream = Stream {
            buf: [0; 8192],
            len: 128,
        };
        stream.put(b"DICM");
        stream.element(2, 0x10, Vr::UI, b"1.2.840.10008.1.2.1");
        stream
    }

    fn put(&mut self, bytes: &[u8]) {
        if let Some(to) = self.buf.get_mut(self.len..self.len + bytes.len()) {
            to.copy_from_slice(bytes);
            self.len += bytes.len();
        }
    }

    /// Appends an explicit VR little endian element (the value padded to even length).
    fn element(&mut self, group: u16, elem: u16, vr: Vr, value: &[u8]) {
        let padded = value.len() + value.len() % 2;
        self.put(&group.to_le_bytes());
        self.put(&elem.to_le_bytes());
        self.put(&vr.code());
        if vr.has_long_length() {
            self.put(&[0, 0]);
            self.put(&(padded as u32).to_le_bytes());
        } else {
            self.put(&(padded as u16).to_le_bytes());
        }
        self.put(value);
        if value.len() % 2 == 1 {
            self.put(&[vr.padding()]);
        }
    }

    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

#[test]
fn sparing_loses_no_finding_on_the_corpus() {
    let mut total = 0;
    for (i, bytes) in CORPUS.iter().enumerate() {
        let (same, n) = same(bytes);
        assert!(same, "corpus file {i} draws other findings ungated");
        total += n;
    }
    // The comparison means something only if the corpus makes rules fire.
    assert!(total > 40, "{total} findings");
}

/// The §9 test vectors (text under its (0008,0005), and (0008,0005) values), so each
/// rule of the reference fires.
#[test]
fn sparing_loses_no_finding_on_the_test_vectors() {
    let mut total = 0;
    for (id, charset, tag, vr, text, _) in crate::vectors::TEXT {
        let (value, n) = hex(text);
        let value = value.get(..n).unwrap_or(&[]);
        let mut stream = Stream::new();
        if let Some(charset) = charset {
            stream.element(8, 5, Vr::CS, charset);
        }
        stream.element(tag.group, tag.element, *vr, value);
        stream.element(0x4000, 0x4000, *vr, value);
        let (same, n) = same(stream.bytes());
        assert!(same, "{id} draws other findings ungated");
        total += n;
    }
    for (id, text, _) in crate::vectors::CHARSET_VALUES {
        let (value, n) = hex(text);
        let mut stream = Stream::new();
        stream.element(8, 5, Vr::CS, value.get(..n).unwrap_or(&[]));
        stream.element(0x10, 0x10, Vr::PN, b"Yamada^Tarou");
        let (same, n) = same(stream.bytes());
        assert!(same, "{id} draws other findings ungated");
        total += n;
    }
    assert!(total > 100, "{total} findings");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Corpus files with bytes overwritten: structure, (0008,0005) and text broken in
    /// every way a flip can.
    #[test]
    fn sparing_loses_no_finding_on_damaged_files(
        pick in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
    ) {
        let file = pick.get(CORPUS);
        let mut buf = [0u8; 8192];
        let bytes = buf.get_mut(..file.len()).unwrap_or(&mut []);
        bytes.copy_from_slice(file);
        for (at, value) in &flips {
            let i = at.index(bytes.len());
            if let Some(b) = bytes.get_mut(i) {
                *b = *value;
            }
        }
        prop_assert!(same(bytes).0);
    }

    /// One text value of any bytes, twice, under a (0008,0005) of any of a few terms.
    #[test]
    fn sparing_loses_no_finding_on_any_text(
        term in 0..TERMS.len(),
        vr in 0..VRS.len(),
        value in proptest::collection::vec(
            // Nested: a union of more than ten arms needs a heap.
            prop_oneof![
                any::<u8>(),
                prop_oneof![Just(0x1Bu8), Just(b'$'), Just(b'('), Just(b')'), Just(b'B'), Just(b'J'), Just(b'-'), Just(b'A')],
                prop_oneof![Just(b'\\'), Just(b'^'), Just(b'='), Just(0x0Du8), Just(0x0Au8), Just(0x00u8)],
                0xA1u8..=0xFE,
                0x21u8..=0x7E,
            ],
            0..120,
        ),
    ) {
        let mut stream = Stream::new();
        stream.element(8, 5, Vr::CS, TERMS[term]);
        stream.element(0x10, 0x10, VRS[vr], &value);
        stream.element(0x10, 0x20, VRS[vr], &value);
        prop_assert!(same(stream.bytes()).0);
    }

    /// Plain values (printable ASCII, delimiters, spaces) of every length around the
    /// VRs' limits: the values whose ends the sparing skips for most rules.
    #[test]
    fn sparing_loses_no_finding_on_plain_text(
        term in 0..TERMS.len(),
        vr in 0..VRS.len(),
        value in proptest::collection::vec(
            prop_oneof![40 => 0x20u8..=0x7E, 2 => Just(b' '), 1 => Just(b'\\'), 1 => Just(b'^'), 1 => Just(b'=')],
            0..160,
        ),
    ) {
        let mut stream = Stream::new();
        stream.element(8, 5, Vr::CS, TERMS[term]);
        stream.element(0x10, 0x10, VRS[vr], &value);
        prop_assert!(same(stream.bytes()).0);
    }
}

const TERMS: &[&[u8]] = &[
    b"",
    b"ISO_IR 100",
    b"ISO_IR 13",
    b"\\ISO 2022 IR 87",
    b"ISO 2022 IR 13\\ISO 2022 IR 87",
    b"ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159",
    b"\\ISO 2022 IR 149",
    b"ISO 2022 IR 100\\ISO 2022 IR 126",
    b"ISO_IR 192",
    b"GB18030",
    b"iso-ir 100",
];

const VRS: &[Vr] = &[
    Vr::PN,
    Vr::LO,
    Vr::SH,
    Vr::LT,
    Vr::CS,
    Vr::UI,
    Vr::DS,
    Vr::UT,
];
