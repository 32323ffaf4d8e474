//! End-to-end tests of `dcmlint inspect`: the listing of a Japanese ISO 2022 file, one
//! element in depth with `--tag` in every spelling, findings under their element, the
//! Specific Character Set of items (own or inherited, PS3.5 §7.5.3), deflated files and
//! standard input.

use dcmlint_corpus::builder::{DataSet, Item, Part10, ts};
use dcmlint_corpus::dicomdir::CT_IMAGE_STORAGE;
use dcmlint_corpus::recipes::{MIYAMOTO, YAMADA};
use dcmlint_tests::{run, run_text, run_with_stdin, scratch, texts, workspace};
use lint_core::tag::tags;
use lint_core::{Tag, Vr};

const JAPANESE: &str = "corpus/files/clean/japanese-iso2022.dcm";

#[test]
fn listing_of_a_japanese_file() {
    let (code, out) = run_text(&["inspect", JAPANESE]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("japanese_listing", out);
}

#[test]
fn one_element_in_depth_by_any_spelling() {
    let (code, out) = run_text(&["inspect", JAPANESE, "--tag", "(0010,0010)"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("[ESC $ B]") && out.contains("\"山田\""),
        "{out}"
    );
    insta::assert_snapshot!("japanese_patient_name", out);
    for spelling in ["00100010", "0010,0010", "PatientName", "(0010,0010)"] {
        assert_eq!(
            run_text(&["inspect", JAPANESE, "--tag", spelling]).1,
            out,
            "{spelling}"
        );
    }
    // 宮本 holds 5C bytes: one value, not three, found by the state machine.
    let (_, out) = run_text(&["inspect", JAPANESE, "--tag", "StudyDescription"]);
    assert!(
        out.contains("text      \"宮本\"")
            && out.contains("35 5C 4B 5C")
            && !out.contains("value delimiter"),
        "{out}"
    );
    // Two tags: both, in stream order.
    let (_, out) = run_text(&[
        "inspect",
        JAPANESE,
        "--tag",
        "PatientID",
        "--tag",
        "0008,0005",
    ]);
    let charset = out.find("SpecificCharacterSet").unwrap();
    let id = out.find("PatientID").unwrap();
    assert!(charset < id, "{out}");
}

#[test]
fn bad_and_absent_tags() {
    let (code, _, err) = texts(&run(&["inspect", JAPANESE, "--tag", "PatientNom"]));
    assert_eq!(code, 2);
    assert!(err.contains("--tag PatientNom"), "{err}");
    let (code, _, err) = texts(&run(&["inspect", JAPANESE, "--tag", "(7FE0,0010)"]));
    assert_eq!(code, 1);
    assert!(err.contains("no element with tag (7FE0,0010)"), "{err}");
    assert_eq!(run(&["inspect", "no/such.dcm"]).status.code(), Some(2));
}

#[test]
fn findings_sit_under_their_element() {
    let (code, out) = run_text(&["inspect", "corpus/files/vr/odd-length.dcm"]);
    assert_eq!(code, 0, "inspect shows; check judges");
    let lines: Vec<&str> = out.lines().collect();
    let element = lines
        .iter()
        .position(|l| l.contains("(0010,1000) OtherPatientIDs"))
        .expect("listed");
    let finding = lines
        .iter()
        .position(|l| l.contains("error[vr/odd-length]"))
        .expect("shown");
    // Below the element, after its bytes (hex, runs), before the next element.
    assert!(element < finding, "{out}");
    for line in &lines[element + 1..finding] {
        let line = line.trim_start();
        assert!(line.starts_with("hex") || line.starts_with("runs"), "{out}");
    }
    // A finding about no element comes first, under the file name.
    let (_, out) = run_text(&[
        "inspect",
        "corpus/files/parse/undefined-length-missing-delimiter.dcm",
    ]);
    let first_lines: Vec<&str> = out.lines().take(2).collect();
    assert!(
        first_lines[1].contains("error[parse/missing-delimiter]"),
        "{out}"
    );
}

#[test]
fn items_have_their_own_character_set_or_inherit_it() {
    // The data set is Latin-1; item 0 of a sequence declares ISO 2022 IR 87, item 1
    // declares nothing and so inherits Latin-1 (PS3.5 §7.5.3).
    let code_meaning = Tag::new(0x0008, 0x0104);
    let japanese = DataSet::new()
        .el(tags::SPECIFIC_CHARACTER_SET, Vr::CS, b"\\ISO 2022 IR 87")
        .el(code_meaning, Vr::LO, MIYAMOTO);
    let latin = DataSet::new().el(code_meaning, Vr::LO, b"Gr\xf6\xdfe");
    let data_set = DataSet::new()
        .el(tags::SPECIFIC_CHARACTER_SET, Vr::CS, b"ISO_IR 100")
        .el(tags::SOP_CLASS_UID, Vr::UI, CT_IMAGE_STORAGE)
        .el(tags::SOP_INSTANCE_UID, Vr::UI, b"1.2.3.4")
        .el(tags::PATIENT_NAME, Vr::PN, b"M\xfcller^J\xfcrgen")
        .el(tags::OTHER_PATIENT_NAMES, Vr::PN, YAMADA)
        .seq(
            Tag::new(0x0040, 0x0275),
            vec![Item::new(japanese), Item::new(latin)],
        );
    let bytes = Part10::new(CT_IMAGE_STORAGE, "1.2.3.4", ts::EXPLICIT_LE)
        .dataset(data_set)
        .build();
    let dir = scratch("inspect-items");
    let file = dir.join("items.dcm");
    std::fs::write(&file, &bytes).unwrap();
    let (code, out) = run_text(&["inspect", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("PatientName") && out.contains("\"Müller^Jürgen \""),
        "{out}"
    );
    assert!(
        out.contains("CodeMeaning") && out.contains("\"宮本\""),
        "{out}"
    );
    assert!(out.contains("\"Größe \""), "item 1 inherits Latin-1: {out}");
    // In the data set itself ISO_IR 100 is in force: the escapes of an ISO 2022 name are
    // shown, and marked as not allowed.
    let (_, depth) = run_text(&[
        "inspect",
        file.to_str().unwrap(),
        "--tag",
        "OtherPatientNames",
    ]);
    assert!(depth.contains("(0008,0005) \"ISO_IR 100\""), "{depth}");
    assert!(depth.contains("NOT allowed here"), "{depth}");
    let (_, depth) = run_text(&["inspect", file.to_str().unwrap(), "--tag", "CodeMeaning"]);
    assert!(
        depth.contains("(0008,0005) \"\\ISO 2022 IR 87 \"")
            && depth.contains("(0008,0005) \"ISO_IR 100\""),
        "{depth}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn deflated_files_and_standard_input() {
    let (code, out) = run_text(&["inspect", "corpus/files/clean/sr-deflated.dcm"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("offsets below are in the inflated bytes")
            && out.contains("0* (0008,0005) SpecificCharacterSet"),
        "{out}"
    );
    let bytes = std::fs::read(workspace().join(JAPANESE)).unwrap();
    let (code, out, _) = texts(&run_with_stdin(
        &["inspect", "-", "--tag", "PatientName"],
        &bytes,
    ));
    assert_eq!(code, 0);
    assert!(
        out.starts_with("-: 580 bytes") && out.contains("\"たろう\""),
        "{out}"
    );
}
