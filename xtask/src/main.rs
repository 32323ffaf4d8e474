//! `cargo xtask …`: generators for dcmlint's committed artefacts.
//!
//! Each generator writes its output, or with `--check` fails when the committed output is
//! stale (the tests run the check, so a stale artefact turns CI red).

mod dictionary;
mod mode;

use std::path::PathBuf;
use std::process::ExitCode;

/// The workspace root (the parent of this crate's directory).
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = mode::Mode::from_args(&args);
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("dictionary") => dictionary::run(&root, mode),
        _ => Err("usage: cargo xtask dictionary [--check]".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
