//! Write a generated file, or check that the committed one is up to date.
//!
//! Every generator (dictionary today; corpus and docs later) ends the same way: it has
//! the text the file should hold, and either writes it or, under `--check`, fails when
//! the committed file differs, naming the command that fixes it.

use std::path::Path;

/// What a generator does with its output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Write the file (left untouched when it already holds the text, so cargo does not
    /// rebuild the crate that includes it).
    Write,
    /// Fail if the file on disk differs from what would be written.
    Check,
}

impl Mode {
    /// The mode from a subcommand's flags: none, or `--check`. Anything else is an error,
    /// so a mistyped `--chek` does not silently rewrite files.
    pub fn from_flags(flags: &[String]) -> Result<Mode, String> {
        let mut mode = Mode::Write;
        for flag in flags {
            match flag.as_str() {
                "--check" => mode = Mode::Check,
                other => return Err(format!("unknown option {other:?}")),
            }
        }
        Ok(mode)
    }

    /// Writes `contents` to `root/relative`, or compares them with it. `command` is what
    /// regenerates the file; a stale file's message tells the reader to run it.
    pub fn apply(
        self,
        root: &Path,
        relative: &str,
        contents: &str,
        command: &str,
    ) -> Result<(), String> {
        let path = root.join(relative);
        // A checkout with `core.autocrlf` has CRLF line ends; that is not staleness.
        let current = std::fs::read_to_string(&path)
            .ok()
            .map(|text| text.replace("\r\n", "\n"));
        match (self, current) {
            (Mode::Write, Some(current)) if current == contents => {
                println!("{relative}: up to date");
                Ok(())
            }
            (Mode::Write, _) => {
                std::fs::write(&path, contents)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                println!("{relative}: written");
                Ok(())
            }
            (Mode::Check, None) => Err(format!("{relative} is missing: run `{command}`")),
            (Mode::Check, Some(current)) => match first_difference(&current, contents) {
                None => Ok(()),
                Some(line) => Err(format!(
                    "{relative} is stale (first difference at line {line}): run `{command}`"
                )),
            },
        }
    }
}

/// The 1-based number of the first line where `a` and `b` differ, if they do.
fn first_difference(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let mut a_lines = a.split('\n');
    let mut b_lines = b.split('\n');
    let mut number = 1;
    loop {
        match (a_lines.next(), b_lines.next()) {
            (Some(x), Some(y)) if x == y => number += 1,
            _ => return Some(number),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        assert_eq!(Mode::from_flags(&[]), Ok(Mode::Write));
        assert_eq!(Mode::from_flags(&["--check".to_owned()]), Ok(Mode::Check));
        assert!(Mode::from_flags(&["--chek".to_owned()]).is_err());
    }

    #[test]
    fn differences() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        assert_eq!(first_difference("a\nb\n", "a\nc\n"), Some(2));
        assert_eq!(first_difference("a\n", "a\nb\n"), Some(2));
    }

    #[test]
    fn write_then_check() {
        let dir = std::env::temp_dir().join(format!("xtask-mode-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let check = |text| Mode::Check.apply(&dir, "out.txt", text, "cargo xtask test");
        assert!(check("x\n").unwrap_err().contains("missing"));
        Mode::Write
            .apply(&dir, "out.txt", "x\n", "cargo xtask test")
            .unwrap();
        assert_eq!(check("x\n"), Ok(()));
        let stale = check("y\n").unwrap_err();
        assert!(stale.contains("run `cargo xtask test`"), "{stale}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
