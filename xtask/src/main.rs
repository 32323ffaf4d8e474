//! `cargo xtask …`: generators for dcmlint's committed artefacts.
//!
//! Each generator writes its output, or with `--check` fails when the committed output is
//! stale; the generators' own tests run the check, so a stale artefact fails
//! `cargo test --workspace`. Add a generator as a module plus an arm in [`main`]'s
//! `match`, and finish it with [`mode::Mode::apply`].

mod cli_docs;
mod dictionary;
mod mode;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [--check]

commands:
  dictionary   lint-core/data/dictionary.tsv -> lint-core/src/dictionary/generated.rs
  rules-doc    the rule catalogue (every rule's docs) -> rules/README.md
  man          manual pages, from dcmlint's command line -> docs/man/*.1

options:
  --check      do not write; fail if the committed file differs from the generated one";

/// The workspace root (the parent of this crate's directory), so the generators work from
/// any current directory.
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, flags)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let root = workspace_root();
    let result = match command.as_str() {
        "dictionary" => mode::Mode::from_flags(flags).and_then(|m| dictionary::run(&root, m)),
        "rules-doc" => mode::Mode::from_flags(flags).and_then(|m| cli_docs::rules_doc(&root, m)),
        "man" => mode::Mode::from_flags(flags).and_then(|m| cli_docs::man(&root, m)),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {command}: {message}");
            ExitCode::FAILURE
        }
    }
}
