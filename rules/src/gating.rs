//! Differential tests of the dispatch's sparing ([`crate::Rule::EVENTS`], and the end of
//! a plain value under [`crate::Rule::TOKENS`]): every finding, with its span, tag and
//! message, is the same whether events and value ends go to the rules that look at them
//! or to every rule. Built only for tests.

extern crate alloc;
extern crate std;

use alloc::vec;
use alloc::vec::Vec;
use std::path::{Path, PathBuf};

use lint_core::Vr;
use proptest::prelude::*;

use crate::testing::{all_findings, element_bytes, hex};

/// Every file of the corpus (`corpus/files`, `corpus/media`): clean ones and one defect
/// per rule, so every rule fires on some of them.
fn corpus() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut stack = vec![root.join("files"), root.join("media")];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                if bytes.len() > 132 && bytes.get(128..132) == Some(b"DICM") {
                    files.push((path, bytes));
                }
            }
        }
    }
    files.sort();
    files
}

#[test]
fn sparing_loses_no_finding_on_the_corpus() {
    let files = corpus();
    assert!(files.len() > 100, "corpus not found: {} files", files.len());
    let mut fired = alloc::collections::BTreeSet::new();
    for (path, bytes) in &files {
        let gated = all_findings(bytes, true);
        assert_eq!(gated, all_findings(bytes, false), "{}", path.display());
        fired.extend(
            gated
                .iter()
                .filter_map(|f| f.split(' ').next().map(alloc::string::String::from)),
        );
    }
    // The comparison means something only if the corpus makes rules fire (most charset
    // rules are drawn by the test vectors instead).
    assert!(fired.len() > 30, "{} rules fired: {fired:?}", fired.len());
}

/// The §9 test vectors (text under its (0008,0005), and (0008,0005) values), each as a
/// value of (0010,0010)-like elements and in an item, so each rule of the reference fires.
#[test]
fn sparing_loses_no_finding_on_the_test_vectors() {
    let mut fired = alloc::collections::BTreeSet::new();
    let mut check = |bytes: &[u8]| {
        let gated = all_findings(bytes, true);
        assert_eq!(gated, all_findings(bytes, false));
        fired.extend(
            gated
                .iter()
                .filter_map(|f| f.split(' ').next().map(alloc::string::String::from)),
        );
    };
    for (_, charset, tag, vr, text, _) in crate::vectors::TEXT {
        let (value, n) = hex(text);
        let value = value.get(..n).unwrap_or(&[]);
        let mut bytes = preamble();
        if let Some(charset) = charset {
            element_bytes(&mut bytes, 8, 5, Vr::CS, charset);
        }
        element_bytes(&mut bytes, tag.group, tag.element, *vr, value);
        element_bytes(&mut bytes, 0x4000, 0x4000, *vr, value);
        check(&bytes);
    }
    for (_, text, _) in crate::vectors::CHARSET_VALUES {
        let (value, n) = hex(text);
        let value = value.get(..n).unwrap_or(&[]);
        let mut bytes = preamble();
        element_bytes(&mut bytes, 8, 5, Vr::CS, value);
        element_bytes(&mut bytes, 0x10, 0x10, Vr::PN, b"Yamada^Tarou");
        check(&bytes);
    }
    // The comparison means something only if the vectors make the rules fire.
    assert!(fired.len() > 40, "{} rules fired: {fired:?}", fired.len());
}

/// A Part 10 preamble and File Meta group with only the transfer syntax.
fn preamble() -> Vec<u8> {
    let mut bytes = vec![0u8; 128];
    bytes.extend_from_slice(b"DICM");
    element_bytes(&mut bytes, 2, 0x10, Vr::UI, b"1.2.840.10008.1.2.1");
    bytes
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
        let files = CORPUS.with(|c| c.clone());
        let (path, bytes) = pick.get(&files);
        let mut bytes = bytes.clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            if let Some(b) = bytes.get_mut(i) {
                *b = value;
            }
        }
        prop_assert_eq!(all_findings(&bytes, true), all_findings(&bytes, false), "{}", path.display());
    }

    /// One text value of any bytes under a (0008,0005) of any of a few terms.
    #[test]
    fn sparing_loses_no_finding_on_any_text(
        term in 0..TERMS.len(),
        vr in 0..VRS.len(),
        value in proptest::collection::vec(
            prop_oneof![
                any::<u8>(),
                Just(0x1Bu8), Just(b'$'), Just(b'('), Just(b')'), Just(b'B'), Just(b'J'),
                Just(b'-'), Just(b'A'), Just(b'\\'), Just(b'^'), Just(b'='), Just(0x0Du8),
                Just(0x0Au8), Just(0x00u8), 0xA1u8..=0xFE, 0x21u8..=0x7E,
            ],
            0..120,
        ),
    ) {
        let mut bytes = preamble();
        element_bytes(&mut bytes, 8, 5, Vr::CS, TERMS[term]);
        element_bytes(&mut bytes, 0x10, 0x10, VRS[vr], &value);
        element_bytes(&mut bytes, 0x10, 0x20, VRS[vr], &value);
        prop_assert_eq!(all_findings(&bytes, true), all_findings(&bytes, false));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

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
        let mut bytes = preamble();
        element_bytes(&mut bytes, 8, 5, Vr::CS, TERMS[term]);
        element_bytes(&mut bytes, 0x10, 0x10, VRS[vr], &value);
        prop_assert_eq!(all_findings(&bytes, true), all_findings(&bytes, false));
    }
}

std::thread_local! {
    /// The corpus, read once per test thread.
    static CORPUS: Vec<(PathBuf, Vec<u8>)> = corpus();
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
