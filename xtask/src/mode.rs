//! Write a generated file, or check that it is up to date.

use std::path::Path;

/// What a generator does with its output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Write the file.
    Write,
    /// Fail if the file on disk differs from what would be written.
    Check,
}

impl Mode {
    /// From the command line: `--check` selects [`Mode::Check`].
    pub fn from_args(args: &[String]) -> Mode {
        if args.iter().any(|a| a == "--check") {
            Mode::Check
        } else {
            Mode::Write
        }
    }

    /// Writes `contents` to `path`, or compares them; `regenerate` names the command that
    /// fixes a stale file.
    pub fn apply(self, path: &Path, contents: &str, regenerate: &str) -> Result<(), String> {
        match self {
            Mode::Write => std::fs::write(path, contents)
                .map_err(|e| format!("cannot write {}: {e}", path.display())),
            Mode::Check => {
                let current = std::fs::read_to_string(path).unwrap_or_default();
                if current == contents {
                    Ok(())
                } else {
                    Err(format!("{} is stale: run `{regenerate}`", path.display()))
                }
            }
        }
    }
}
