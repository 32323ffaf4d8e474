//! End-to-end tests of `dcmlint.toml`: discovery upward from the checked path, `--config`
//! and `--no-config`, precedence of the command line, per-file ignores, severity
//! overrides in every output format and in the exit status, and the errors for a
//! mistaken file (unknown key, unknown rule id, with its line).

use std::path::{Path, PathBuf};

use dcmlint_tests::{copy_corpus, run, run_in, scratch, texts};
use serde_json::Value;

const ODD: &str = "corpus/files/vr/odd-length.dcm";
const BIG_ENDIAN: &str = "corpus/files/clean/ct-explicit-be.dcm";

/// A project: `root/dcmlint.toml` holding `config`, with the odd-length defect at
/// `root/a/b/odd.dcm` and `root/legacy/odd.dcm`.
fn project(name: &str, config: &str) -> PathBuf {
    let root = scratch(name);
    std::fs::write(root.join("dcmlint.toml"), config).unwrap();
    copy_corpus(ODD, &root.join("a/b/odd.dcm"));
    copy_corpus(ODD, &root.join("legacy/odd.dcm"));
    root
}

fn json(args: &[&str]) -> (i32, Value) {
    let (code, out, err) = texts(&run(args));
    let value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("JSON: {out}\n{err}"));
    (code, value)
}

fn rules_found(value: &Value) -> Vec<(String, String, String)> {
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap();
            let file = Path::new(path).file_name().unwrap().to_string_lossy();
            let dir = Path::new(path)
                .parent()
                .and_then(Path::file_name)
                .unwrap()
                .to_string_lossy();
            (
                format!("{dir}/{file}"),
                d["rule"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn found_upward_from_the_checked_path() {
    let root = project("config-upward", "ignore = [\"vr/odd-length\"]\n");
    let deep = root.join("a/b");
    // From the workspace, naming a directory two levels below the file.
    let (code, value) = json(&["check", "--format", "json", deep.to_str().unwrap()]);
    assert_eq!(
        (code, value["diagnostics"].as_array().unwrap().len()),
        (0, 0)
    );
    // Naming the file itself, and from inside the project with a relative path.
    let file = deep.join("odd.dcm");
    assert_eq!(
        run(&["check", file.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let output = run_in(&deep, &["check", "odd.dcm"]);
    assert_eq!(output.status.code(), Some(0));
    // --no-config ignores it; --config names another.
    assert_eq!(
        run(&["check", "--no-config", file.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    let other = root.join("other.toml");
    std::fs::write(&other, "fail-on = \"info\"\n").unwrap();
    let (code, value) = json(&[
        "check",
        "--format",
        "json",
        "--config",
        other.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(value["diagnostics"][0]["rule"], "vr/odd-length");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn command_line_wins() {
    let root = project(
        "config-precedence",
        "select = [\"parse\"]\nfail-on = \"info\"\n",
    );
    let file = root.join("a/b/odd.dcm");
    let file = file.to_str().unwrap();
    // The file selects parse only: the vr defect is not looked for.
    assert_eq!(run(&["check", file]).status.code(), Some(0));
    // --select replaces the file's selection.
    let (code, value) = json(&["check", "--format", "json", "--select", "vr", file]);
    assert_eq!(code, 1);
    assert_eq!(value["diagnostics"][0]["rule"], "vr/odd-length");
    // --fail-on wins over fail-on: with the retired-syntax warning only, info fails and
    // error passes.
    let be = root.join("be/be.dcm");
    copy_corpus(BIG_ENDIAN, &be);
    let be = be.to_str().unwrap();
    assert_eq!(
        run(&["check", "--select", "meta", be]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["check", "--select", "meta", "--fail-on", "error", be])
            .status
            .code(),
        Some(0)
    );
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn per_file_ignores() {
    let root = project(
        "config-per-file",
        "[per-file-ignores]\n\"legacy/**\" = [\"vr/odd-length\"]\n\"*.raw\" = [\"vr\", \"meta\"]\n",
    );
    copy_corpus(ODD, &root.join("x/odd.raw"));
    let (code, value) = json(&["check", "--format", "json", root.to_str().unwrap()]);
    assert_eq!(code, 1);
    // legacy/ and *.raw are quiet; a/b/ is not.
    assert_eq!(
        rules_found(&value),
        vec![(
            "b/odd.dcm".to_owned(),
            "vr/odd-length".to_owned(),
            "error".to_owned()
        )]
    );
    assert_eq!(value["files_checked"], 3);
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn severity_overrides_reach_every_format_and_the_exit_status() {
    let root = project(
        "config-severity",
        "[severity]\n\"vr/odd-length\" = \"warning\"\n",
    );
    let file = root.join("a/b/odd.dcm");
    let file = file.to_str().unwrap();
    let (code, value) = json(&["check", "--format", "json", file]);
    assert_eq!(
        code, 0,
        "a warning no longer fails the default --fail-on error"
    );
    assert_eq!(value["diagnostics"][0]["severity"], "warning");
    assert_eq!(value["summary"]["warning"], 1);
    assert_eq!(value["summary"]["error"], 0);
    assert_eq!(
        run(&["check", "--fail-on", "warning", file]).status.code(),
        Some(1)
    );
    let (_, human, _) = texts(&run(&["check", file]));
    assert!(
        human.contains("[vr/odd-length] Warning:")
            && human.ends_with("1 file: 0 errors, 1 warning, 0 info\n"),
        "{human}"
    );
    let (_, sarif, _) = texts(&run(&["check", "--format", "sarif", file]));
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["level"], "warning");
    // The rule's default stays what the registry says.
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(
        sarif["runs"][0]["tool"]["driver"]["rules"][index]["defaultConfiguration"]["level"],
        "error"
    );
    let (_, github, _) = texts(&run(&["check", "--format", "github", file]));
    assert!(github.starts_with("::warning file="), "{github}");
    let (_, junit, _) = texts(&run(&["check", "--format", "junit", file]));
    assert!(
        junit.contains(r#"failures="0""#) && junit.contains("warning[vr/odd-length]"),
        "{junit}"
    );
    // A family sets all its rules; an id's own entry wins.
    std::fs::write(
        root.join("dcmlint.toml"),
        "[severity]\n\"vr/odd-length\" = \"info\"\n\"vr\" = \"warning\"\n",
    )
    .unwrap();
    let (_, value) = json(&["check", "--format", "json", file]);
    assert_eq!(value["diagnostics"][0]["severity"], "info");
    std::fs::remove_dir_all(&root).unwrap();
}

/// Runs `check` under a configuration holding `config`; returns (exit, stderr) with the
/// scratch path replaced by `ROOT`.
fn config_error(name: &str, config: &str) -> (i32, String) {
    let root = project(name, config);
    let (code, _, err) = texts(&run(&["check", root.to_str().unwrap()]));
    std::fs::remove_dir_all(&root).unwrap();
    (code, err.replace(root.to_str().unwrap(), "ROOT"))
}

#[test]
fn unknown_key_names_its_line() {
    let (code, err) = config_error(
        "config-unknown-key",
        "select = [\"vr\"]\nfail_on = \"warning\"\n",
    );
    assert_eq!(code, 2);
    insta::assert_snapshot!("unknown_key", err);
}

#[test]
fn unknown_rule_id_names_its_line() {
    let (code, err) = config_error(
        "config-unknown-rule",
        "ignore = [\"parse\"]\n\n[severity]\n\"vr/odd-lenght\" = \"warning\"\n",
    );
    assert_eq!(code, 2);
    insta::assert_snapshot!("unknown_rule", err);
    let (code, err) = config_error(
        "config-unknown-rule-2",
        "[per-file-ignores]\n\"a/**\" = [\"vr\", \"charset/nope\"]\n",
    );
    assert_eq!(code, 2);
    assert!(
        err.starts_with("dcmlint: ROOT/dcmlint.toml:2:17: no rule or family `charset/nope`"),
        "{err}"
    );
}

#[test]
fn other_mistakes_are_errors_too() {
    for (config, expected) in [
        ("fail-on = \"fatal\"\n", ":1:11: unknown variant `fatal`"),
        (
            "[severity]\n\"vr\" = \"loud\"\n",
            ":2:8: unknown variant `loud`",
        ),
        (
            "[per-file-ignores]\n\"a/[\" = [\"vr\"]\n",
            ":2:1: invalid glob",
        ),
        ("select = \"vr\"\n", ":1:10: invalid type"),
        ("select = [\n", ":"),
    ] {
        let (code, err) = config_error("config-mistakes", config);
        assert_eq!(code, 2, "{config}");
        assert!(err.contains(expected), "{config}: {err}");
    }
    let missing = run(&["check", "--config", "no/such/dcmlint.toml", ODD]);
    let (code, _, err) = texts(&missing);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read no/such/dcmlint.toml"), "{err}");
}
