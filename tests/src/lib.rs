//! Support for the end-to-end tests: build and run the `dcmlint` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The `dcmlint` binary, built once per test run with the same cargo.
pub fn dcmlint() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "--package",
                "lint-cli",
                "--bin",
                "dcmlint",
            ])
            .current_dir(workspace())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building dcmlint failed");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace().join("target"));
        target
            .join("debug")
            .join(format!("dcmlint{}", std::env::consts::EXE_SUFFIX))
    })
}

/// Runs `dcmlint` with `args` in the workspace root, without colour.
pub fn run(args: &[&str]) -> Output {
    Command::new(dcmlint())
        .args(args)
        .current_dir(workspace())
        .env("NO_COLOR", "1")
        .output()
        .expect("dcmlint runs")
}

/// Runs and returns (exit code, stdout).
pub fn run_text(args: &[&str]) -> (i32, String) {
    let output = run(args);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// Runs `dcmlint` with `args` in `dir`, without colour.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(dcmlint())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("dcmlint runs")
}

/// Runs `dcmlint` with `args` in the workspace root, `input` on its standard input.
pub fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(dcmlint())
        .args(args)
        .current_dir(workspace())
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dcmlint starts");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).expect("stdin takes the input");
    }
    child.wait_with_output().expect("dcmlint runs")
}

/// A fresh, empty directory for one test (`name` keeps tests apart, the process id keeps
/// runs apart); the caller removes it.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dcmlint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary directory");
    dir
}

/// Copies a corpus file (path relative to the workspace) to `to`, creating its parents.
pub fn copy_corpus(file: &str, to: &Path) {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).expect("parent directory");
    }
    std::fs::copy(workspace().join(file), to).expect("corpus file copies");
}

/// Output as text: (exit code, stdout, stderr).
pub fn texts(output: &Output) -> (i32, String, String) {
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
