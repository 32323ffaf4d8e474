//! Settings for a run: `dcmlint.toml` and the command line, resolved into one [`Settings`].
//!
//! The file is found upward from the first checked path (the nearest `dcmlint.toml` in
//! that directory or an ancestor), or named with `--config`:
//!
//! ```toml
//! select = ["parse", "meta", "vr"]        # rule ids or families; default: all
//! ignore = ["meta/retired-transfer-syntax"]
//! fail-on = "warning"                     # error | warning | info
//!
//! [per-file-ignores]                      # glob, relative to this file's directory
//! "legacy/**" = ["vr/odd-length"]
//! "*.raw" = ["meta"]                      # no `/`: matches the file name anywhere
//!
//! [severity]                              # per rule id or family; the id wins
//! "vr/odd-length" = "warning"
//! ```
//!
//! Precedence follows ruff: the file's `select` and `ignore` are the baseline, a
//! `--select` on the command line replaces that baseline, `--ignore` always removes, and
//! `--fail-on` wins over `fail-on`. Every mistake (unknown key, unknown rule id, bad glob,
//! bad severity) is an error naming the file, line and column, because a typo in a CI
//! configuration must not silently turn a check off.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobMatcher};
use lint_rules::{RULES, RuleMeta, Selection, Severity};
use serde::Deserialize;
use toml::Spanned;

/// The file name searched for.
pub const FILE_NAME: &str = "dcmlint.toml";

/// The file as written. Unknown keys are errors (`deny_unknown_fields`), with the span
/// toml reports for them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    fail_on: Option<Spanned<Level>>,
    #[serde(default)]
    per_file_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<Level>>,
}

/// A severity name as written in the file.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Level {
    Error,
    Warning,
    Info,
}

impl From<Level> for Severity {
    fn from(level: Level) -> Severity {
        match level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
}

/// What the command line says about settings.
#[derive(Debug, Default)]
pub struct CommandLine<'a> {
    /// `--select` patterns.
    pub select: &'a [String],
    /// `--ignore` patterns.
    pub ignore: &'a [String],
    /// `--fail-on`.
    pub fail_on: Option<Severity>,
    /// `--config FILE`.
    pub config: Option<&'a Path>,
    /// `--no-config`.
    pub no_config: bool,
}

/// Per-rule severities that differ from the rules' defaults.
#[derive(Clone, Debug, Default)]
pub struct SeverityOverrides {
    /// Indexed like [`RULES`]; `None` keeps the default.
    by_index: Vec<Option<Severity>>,
}

impl SeverityOverrides {
    /// The severity `rule` is reported with.
    pub fn of(&self, rule: &RuleMeta) -> Severity {
        RULES
            .iter()
            .position(|r| std::ptr::eq(*r, rule))
            .and_then(|index| self.by_index.get(index).copied().flatten())
            .unwrap_or(rule.severity)
    }

    fn set(&mut self, index: usize, severity: Severity) {
        if self.by_index.len() <= index {
            self.by_index.resize(RULES.len(), None);
        }
        if let Some(slot) = self.by_index.get_mut(index) {
            *slot = Some(severity);
        }
    }
}

/// One `[per-file-ignores]` entry.
#[derive(Debug)]
struct PerFileIgnore {
    /// Matches the path relative to the configuration's directory.
    path: GlobMatcher,
    /// For a pattern without `/`: matches the file name wherever the file is.
    name: Option<GlobMatcher>,
    /// The rules it turns off.
    rules: Vec<usize>,
}

/// Everything a run needs to know about which rules to run and how to rate them.
#[derive(Debug)]
pub struct Settings {
    /// The rules selected for every file.
    pub selection: Selection,
    /// Exit 1 when a finding of this severity or worse is reported.
    pub fail_on: Severity,
    /// Severities that differ from the defaults.
    pub severity: SeverityOverrides,
    per_file: Vec<PerFileIgnore>,
    /// The configuration's directory (absolute), which per-file globs are relative to.
    base: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            selection: Selection::all(),
            fail_on: Severity::Error,
            severity: SeverityOverrides::default(),
            per_file: Vec::new(),
            base: None,
        }
    }
}

impl Settings {
    /// Resolves the settings: the configuration file (named, or found upward from
    /// `start`), then the command line. Errors are ready to print.
    pub fn resolve(cli: &CommandLine<'_>, start: &Path) -> Result<Settings, String> {
        let path = match (cli.config, cli.no_config) {
            (Some(path), _) => Some(path.to_path_buf()),
            (None, true) => None,
            (None, false) => discover(start),
        };
        let mut settings = match &path {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
                Settings::from_toml(&text, path)?
            }
            None => Settings::default(),
        };
        if !cli.select.is_empty() {
            settings.selection = Selection::none();
            for pattern in cli.select {
                if settings.selection.apply(pattern, true) == 0 {
                    return Err(format!(
                        "--select {pattern}: no rule or family of that name"
                    ));
                }
            }
        }
        for pattern in cli.ignore {
            if settings.selection.apply(pattern, false) == 0 {
                return Err(format!(
                    "--ignore {pattern}: no rule or family of that name"
                ));
            }
        }
        if let Some(fail_on) = cli.fail_on {
            settings.fail_on = fail_on;
        }
        Ok(settings)
    }

    /// Parses and checks a configuration file's text; `path` locates it (for messages,
    /// and as the base of per-file globs).
    pub fn from_toml(text: &str, path: &Path) -> Result<Settings, String> {
        let error =
            |span: Option<Range<usize>>, message: &str| located_error(path, text, span, message);
        let file: File = toml::from_str(text).map_err(|e| error(e.span(), e.message()))?;
        let mut settings = Settings {
            base: path.parent().map(absolute),
            ..Settings::default()
        };
        if let Some(select) = &file.select {
            settings.selection = Selection::none();
            for pattern in select {
                if settings.selection.apply(pattern.get_ref(), true) == 0 {
                    return Err(error(Some(pattern.span()), &unknown(pattern.get_ref())));
                }
            }
        }
        for pattern in file.ignore.iter().flatten() {
            if settings.selection.apply(pattern.get_ref(), false) == 0 {
                return Err(error(Some(pattern.span()), &unknown(pattern.get_ref())));
            }
        }
        if let Some(level) = &file.fail_on {
            settings.fail_on = (*level.get_ref()).into();
        }
        for (glob, rules) in &file.per_file_ignores {
            let entry = PerFileIgnore::new(glob.get_ref())
                .map_err(|message| error(Some(glob.span()), &message))?;
            let mut entry = entry;
            for pattern in rules {
                let named = rule_indices(pattern.get_ref());
                if named.is_empty() {
                    return Err(error(Some(pattern.span()), &unknown(pattern.get_ref())));
                }
                entry.rules.extend(named);
            }
            settings.per_file.push(entry);
        }
        // Families first, then ids, so an id's own entry wins whatever the key order.
        let mut overrides: Vec<_> = file.severity.iter().collect();
        overrides.sort_by_key(|(pattern, _)| pattern.get_ref().contains('/'));
        for (pattern, level) in overrides {
            let named = rule_indices(pattern.get_ref());
            if named.is_empty() {
                return Err(error(Some(pattern.span()), &unknown(pattern.get_ref())));
            }
            for index in named {
                settings.severity.set(index, (*level.get_ref()).into());
            }
        }
        Ok(settings)
    }

    /// The rules to run on `path`: the selection less its per-file ignores.
    pub fn selection_for(&self, path: &Path) -> Selection {
        let mut selection = self.selection;
        if self.per_file.is_empty() {
            return selection;
        }
        let relative = self.relative(path);
        for entry in &self.per_file {
            if entry.matches(&relative, path) {
                for &index in &entry.rules {
                    selection.set(index, false);
                }
            }
        }
        selection
    }

    /// `path` relative to the configuration's directory when it lies inside it;
    /// otherwise as an absolute path (which only a pattern starting with `/` or `**`
    /// matches).
    fn relative(&self, path: &Path) -> PathBuf {
        let absolute = absolute(path);
        match &self.base {
            Some(base) => absolute
                .strip_prefix(base)
                .map(Path::to_path_buf)
                .unwrap_or(absolute),
            None => absolute,
        }
    }
}

impl PerFileIgnore {
    fn new(pattern: &str) -> Result<PerFileIgnore, String> {
        // `*` stops at `/`, as in .gitignore and ruff; `**` crosses directories.
        let build = |pattern: &str| {
            GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map(|glob: Glob| glob.compile_matcher())
                .map_err(|error| format!("invalid glob {pattern:?}: {}", error.kind()))
        };
        let trimmed = pattern.strip_prefix("./").unwrap_or(pattern);
        Ok(PerFileIgnore {
            path: build(trimmed)?,
            name: if trimmed.contains('/') {
                None
            } else {
                Some(build(trimmed)?)
            },
            rules: Vec::new(),
        })
    }

    fn matches(&self, relative: &Path, path: &Path) -> bool {
        self.path.is_match(relative)
            || self.name.as_ref().is_some_and(|name| {
                path.file_name()
                    .is_some_and(|file_name| name.is_match(Path::new(file_name)))
            })
    }
}

/// The indices in [`RULES`] of the rules `pattern` (an id or a family) names.
fn rule_indices(pattern: &str) -> Vec<usize> {
    RULES
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.matches(pattern))
        .map(|(index, _)| index)
        .collect()
}

fn unknown(pattern: &str) -> String {
    format!("no rule or family `{pattern}` (`dcmlint rules` lists them)")
}

/// The nearest `dcmlint.toml` in `start`'s directory (or `start` itself, when it is a
/// directory) and its ancestors.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = absolute(start);
    let first = if start.is_dir() {
        start.as_path()
    } else {
        start.parent()?
    };
    first
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// `path` made absolute against the current directory, with `.` and `..` resolved
/// lexically (symbolic links are left alone, as the user named them).
fn absolute(path: &Path) -> PathBuf {
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path:line:column: message`, then the line with the span underlined.
fn located_error(path: &Path, text: &str, span: Option<Range<usize>>, message: &str) -> String {
    let Some(span) = span else {
        return format!("{}: {message}", path.display());
    };
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line_number = text[..start].matches('\n').count() + 1;
    let column = text[line_start..start].chars().count() + 1;
    let line = text[line_start..line_end].trim_end_matches('\r');
    let width = text[start..span.end.clamp(start, line_end)]
        .chars()
        .count()
        .max(1);
    let gutter = " ".repeat(line_number.to_string().len());
    let mut out = format!("{}:{line_number}:{column}: {message}\n", path.display());
    let _ = writeln!(out, "{gutter} |");
    let _ = writeln!(out, "{line_number} | {line}");
    let _ = write!(
        out,
        "{gutter} | {}{}",
        " ".repeat(column - 1),
        "^".repeat(width)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, String> {
        Settings::from_toml(text, Path::new("/project/dcmlint.toml"))
    }

    #[test]
    fn a_full_file() {
        let settings = parse(
            r#"
select = ["parse", "vr"]
ignore = ["parse/tag-order"]
fail-on = "warning"

[per-file-ignores]
"legacy/**" = ["vr/odd-length"]
"*.raw" = ["parse"]

[severity]
"vr" = "info"
"vr/odd-length" = "warning"
"#,
        )
        .unwrap();
        assert_eq!(settings.fail_on, Severity::Warning);
        let odd = lint_rules::registry::rule("vr/odd-length").unwrap();
        let number = lint_rules::registry::rule("vr/invalid-number").unwrap();
        let order = lint_rules::registry::rule("parse/tag-order").unwrap();
        let version = lint_rules::registry::rule("meta/version").unwrap();
        assert!(settings.selection.contains(odd));
        assert!(!settings.selection.contains(order));
        assert!(!settings.selection.contains(version));
        assert_eq!(settings.severity.of(odd), Severity::Warning);
        assert_eq!(settings.severity.of(number), Severity::Info);
        assert_eq!(settings.severity.of(order), order.severity);
        let legacy = settings.selection_for(Path::new("/project/legacy/a/b.dcm"));
        assert!(!legacy.contains(odd) && legacy.contains(number));
        let other = settings.selection_for(Path::new("/project/new/b.dcm"));
        assert!(other.contains(odd));
        let raw = settings.selection_for(Path::new("/elsewhere/x.raw"));
        assert!(!raw.contains(lint_rules::registry::rule("parse/not-dicom").unwrap()));
    }

    #[test]
    fn mistakes_name_the_line() {
        let error = parse("select = [\"vr\"]\nselct = [\"vr\"]\n").unwrap_err();
        assert!(
            error.starts_with("/project/dcmlint.toml:2:1: unknown field `selct`"),
            "{error}"
        );
        assert!(error.contains("2 | selct"), "{error}");
        let error = parse("[severity]\n\"vr/odd-lenght\" = \"warning\"\n").unwrap_err();
        assert!(
            error.starts_with("/project/dcmlint.toml:2:1: no rule or family `vr/odd-lenght`"),
            "{error}"
        );
        let error = parse("ignore = [\"vr\", \"nope\"]\n").unwrap_err();
        assert!(error.starts_with("/project/dcmlint.toml:1:17:"), "{error}");
        let error = parse("fail-on = \"fatal\"\n").unwrap_err();
        assert!(error.contains(":1:11: unknown variant `fatal`"), "{error}");
        let error = parse("[per-file-ignores]\n\"a/[\" = [\"vr\"]\n").unwrap_err();
        assert!(error.contains(":2:1: invalid glob"), "{error}");
        let error = parse("[per-file-ignores]\n\"a/**\" = [\"vr/nope\"]\n").unwrap_err();
        assert!(error.contains(":2:11: no rule"), "{error}");
    }

    #[test]
    fn command_line_over_file() {
        let dir = std::env::temp_dir().join(format!("dcmlint-config-{}", std::process::id()));
        let sub = dir.join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            dir.join(FILE_NAME),
            "select = [\"vr\"]\nfail-on = \"info\"\n",
        )
        .unwrap();
        assert_eq!(discover(&sub.join("x.dcm")), Some(dir.join(FILE_NAME)));
        assert_eq!(discover(&sub), Some(dir.join(FILE_NAME)));
        let odd = lint_rules::registry::rule("vr/odd-length").unwrap();
        let order = lint_rules::registry::rule("parse/tag-order").unwrap();
        let from_file = Settings::resolve(&CommandLine::default(), &sub).unwrap();
        assert!(from_file.selection.contains(odd) && !from_file.selection.contains(order));
        assert_eq!(from_file.fail_on, Severity::Info);
        let select = ["parse".to_owned()];
        let cli = CommandLine {
            select: &select,
            fail_on: Some(Severity::Error),
            ..CommandLine::default()
        };
        let from_cli = Settings::resolve(&cli, &sub).unwrap();
        assert!(!from_cli.selection.contains(odd) && from_cli.selection.contains(order));
        assert_eq!(from_cli.fail_on, Severity::Error);
        let isolated = CommandLine {
            no_config: true,
            ..CommandLine::default()
        };
        let isolated = Settings::resolve(&isolated, &sub).unwrap();
        assert!(isolated.selection.contains(order) && isolated.base.is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
