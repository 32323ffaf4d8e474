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
