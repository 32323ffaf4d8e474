//! `dcmlint`: proves DICOM character sets, person names and media file-sets are encoded
//! right.
//!
//! This binary is the outer layer of the pipeline bytes → core events → rules → findings
//! → output: it resolves the settings (command line and `dcmlint.toml`), finds files,
//! reads them (headers only, in parallel), runs the `lint-rules` linter over them and
//! renders the findings for people (ariadne) or machines (JSON, SARIF, GitHub workflow
//! commands, JUnit). `dcmlint inspect` shows one file element by element.

mod catalogue;
mod check;
mod config;
mod diagnostic;
mod directory;
mod inspect;
mod medium;
mod render;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use lint_rules::Severity;

use crate::config::{CommandLine, Settings};

/// Command line.
#[derive(Debug, Parser)]
#[command(name = "dcmlint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check DICOM files and directories.
    Check(CheckArgs),
    /// Show one file element by element: tags, keywords, VRs, lengths, offsets, the bytes
    /// and decoded text of text values, and the findings under the elements they concern.
    Inspect(InspectArgs),
    /// List every rule: id, default severity, summary.
    Rules {
        /// `table` for reading, `markdown` for the catalogue (rules/README.md).
        #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
        format: RulesFormat,
    },
    /// Show a rule's documentation.
    Rule {
        /// The rule id, e.g. `vr/odd-length`.
        id: String,
    },
    /// Print a shell completion script (e.g. `dcmlint completions bash > dcmlint.bash`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff): dcmlint(1), or with a command, e.g. `check`, its own
    /// page dcmlint-check(1).
    Man {
        /// The command whose page to print.
        command: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files and directories to check (directories are searched recursively; DICOM files
    /// are recognised by content, not by name). `-` reads one file from standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with status 1 when a finding of this severity or worse is reported
    /// [default: error, or `fail-on` in dcmlint.toml].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Only run these rules (ids or families, comma-separated or repeated); replaces
    /// `select` and `ignore` of dcmlint.toml.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (ids or families).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    #[command(flatten)]
    config: ConfigArgs,
    /// Print only the summary, and nothing when the exit status is 0 (human format).
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, clap::Args)]
struct ConfigArgs {
    /// Use this configuration file instead of the nearest dcmlint.toml above the first
    /// path.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore every dcmlint.toml.
    #[arg(long)]
    no_config: bool,
}

#[derive(Debug, clap::Args)]
struct InspectArgs {
    /// The file (`-` for standard input).
    file: PathBuf,
    /// Show only this element, in depth: `(0010,0010)`, `0010,0010`, `00100010` or a
    /// keyword such as `PatientName` (repeatable).
    #[arg(long, value_name = "TAG")]
    tag: Vec<String>,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people: each finding with the offending bytes underlined.
    Human,
    /// One JSON object (schema version 1).
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RulesFormat {
    /// One line per rule.
    Table,
    /// The Markdown catalogue.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn threshold(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

/// Below this many files a progress bar would only flicker.
const PROGRESS_MIN_FILES: usize = 300;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Inspect(args) => run_inspect(&args),
        Command::Rules { format } => {
            let text = match format {
                RulesFormat::Table => catalogue::table(),
                RulesFormat::Markdown => catalogue::markdown(),
            };
            print_or_fail(&text)
        }
        Command::Rule { id } => match lint_rules::registry::rule(&id) {
            Some(rule) => print_or_fail(&format!(
                "# {}\n\nDefault severity: {}. {}.\n\n{}\n",
                rule.id,
                rule.severity,
                rule.summary,
                catalogue::docs(rule, 2)
            )),
            None => {
                eprintln!("dcmlint: no rule `{id}`; `dcmlint rules` lists them");
                ExitCode::from(2)
            }
        },
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "dcmlint", &mut out);
            print_or_fail(&String::from_utf8_lossy(&out))
        }
        Command::Man { command } => man(command.as_deref()),
    }
}

/// Prints the manual page of dcmlint or of one of its commands.
fn man(command: Option<&str>) -> ExitCode {
    // `help` is clap's; `dcmlint COMMAND --help` is in every page, so it needs none.
    let mut cli = Cli::command().disable_help_subcommand(true);
    // Building gives subcommands their display names (`dcmlint-check`), the page titles.
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                eprintln!("dcmlint: no command `{name}`");
                return ExitCode::from(2);
            }
        },
    };
    let mut out = Vec::new();
    let source = format!("dcmlint {}", env!("CARGO_PKG_VERSION"));
    match clap_mangen::Man::new(page).source(source).render(&mut out) {
        Ok(()) => print_or_fail(&String::from_utf8_lossy(&out)),
        Err(error) => {
            eprintln!("dcmlint: cannot render the manual page: {error}");
            ExitCode::from(2)
        }
    }
}

/// Writes `text` to stdout; a closed pipe (`dcmlint rules | head`) is not an error.
fn print_or_fail(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("dcmlint: cannot write output: {error}");
            ExitCode::from(2)
        }
    }
}

/// The settings for a run whose first path is `first`.
fn settings(
    config: &ConfigArgs,
    select: &[String],
    ignore: &[String],
    fail_on: Option<FailOn>,
    first: Option<&Path>,
) -> Result<Settings, String> {
    // Standard input has no place in the tree: look from the current directory.
    let start = first
        .filter(|path| path.as_os_str() != check::STDIN)
        .unwrap_or(Path::new("."));
    let cli = CommandLine {
        select,
        ignore,
        fail_on: fail_on.map(FailOn::threshold),
        config: config.config.as_deref(),
        no_config: config.no_config,
    };
    Settings::resolve(&cli, start)
}

fn run_check(args: &CheckArgs) -> ExitCode {
    let settings = match settings(
        &args.config,
        &args.select,
        &args.ignore,
        args.fail_on,
        args.paths.first().map(PathBuf::as_path),
    ) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("dcmlint: {message}");
            return ExitCode::from(2);
        }
    };
    // The DICOMDIR of the directory checked is linted while the directory is walked, and
    // the directory's files as the walk finds them; otherwise the files are found first.
    let early = check::start_early(&args.paths, &settings);
    // The progress bar, once the number of files is known (a few hundred or more, on a
    // terminal, for people); ticks before it exists are counted into it.
    let bar = std::sync::OnceLock::new();
    let ticked = std::sync::atomic::AtomicU64::new(0);
    let found = |files: usize| {
        if args.format == Format::Human
            && !args.quiet
            && files > PROGRESS_MIN_FILES
            && std::io::stderr().is_terminal()
        {
            let new = indicatif::ProgressBar::new(files as u64);
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files, {eta} left")
            {
                new.set_style(style);
            }
            new.set_position(ticked.load(std::sync::atomic::Ordering::Relaxed));
            let _ = bar.set(new);
        }
    };
    let tick = || match bar.get() {
        Some(bar) => bar.inc(1),
        None => {
            ticked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    };
    let report = match (early, args.paths.as_slice()) {
        (Some(early), [dir]) => check::check_walking(dir, &settings, &tick, early, &found),
        (early, paths) => {
            let files = check::discover(paths);
            found(files.len());
            check::check(files, &settings, &tick, early)
        }
    };
    if let Some(bar) = bar.get() {
        bar.finish_and_clear();
    }
    let code = if report.io_errors() > 0 {
        2
    } else if report
        .worst()
        .is_some_and(|worst| worst >= settings.fail_on)
    {
        1
    } else {
        0
    };
    // Buffered: stdout alone flushes at every line, a system call per line of a SARIF
    // log or of the summary tree.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = match args.format {
        Format::Human if args.quiet && code == 0 => Ok(()),
        Format::Human if args.quiet => render::summary::write(&mut out, &report),
        Format::Human => render::human::write(&mut out, &report),
        Format::Json => render::json::write(&mut out, &report),
        Format::Sarif => render::sarif::write(&mut out, &report),
        Format::Github => render::github::write(&mut out, &report),
        Format::Junit => render::junit::write(&mut out, &report, settings.fail_on),
    };
    if let Err(error) = written.and_then(|()| out.flush()) {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("dcmlint: cannot write output: {error}");
            return ExitCode::from(2);
        }
    }
    // The process ends here: freeing every file's report one by one would only delay the
    // exit, on one core, after the parallel work is done.
    std::mem::forget(report);
    ExitCode::from(code)
}

fn run_inspect(args: &InspectArgs) -> ExitCode {
    let settings = match settings(&args.config, &[], &[], None, Some(&args.file)) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("dcmlint: {message}");
            return ExitCode::from(2);
        }
    };
    let mut tags = Vec::new();
    for text in &args.tag {
        match inspect::parse_tag(text) {
            Some(tag) => tags.push(tag),
            None => {
                eprintln!(
                    "dcmlint: --tag {text}: not a tag ((0010,0010), 00100010) or a PS3.6 keyword"
                );
                return ExitCode::from(2);
            }
        }
    }
    let inspection = match inspect::inspect(&args.file, &settings) {
        Ok(inspection) => inspection,
        Err(error) => {
            eprintln!("dcmlint: {}: {error}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let mut text = String::new();
    let found = inspection.write(&mut text, &tags);
    let code = print_or_fail(&text);
    if !found {
        eprintln!(
            "dcmlint: {}: no element with tag {}",
            args.file.display(),
            args.tag.join(", ")
        );
        return ExitCode::from(1);
    }
    code
}
