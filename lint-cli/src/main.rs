//! `dcmlint`: proves DICOM character sets, person names and media file-sets are encoded
//! right.
//!
//! This binary is the outer layer of the pipeline bytes → core events → rules → findings
//! → output: it finds files, reads them (headers only), runs the `lint-rules` linter over
//! them and renders the findings for people (ariadne) or machines (JSON).

mod check;
mod diagnostic;
mod render;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use lint_rules::{RULES, Selection, Severity};

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
    /// List every rule: id, default severity, summary.
    Rules,
    /// Show a rule's documentation.
    Rule {
        /// The rule id, e.g. `parse/odd-length`.
        id: String,
    },
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files and directories to check (directories are searched recursively; DICOM files
    /// are recognised by content, not by name).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with status 1 when a finding of this severity or worse is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Only run these rules (ids or families, comma-separated or repeated).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (ids or families).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people: each finding with the offending bytes underlined.
    Human,
    /// One JSON object (schema version 1).
    Json,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Rules => {
            let mut out = std::io::stdout().lock();
            for rule in RULES {
                let _ = writeln!(out, "{:<36} {:<8} {}", rule.id, rule.severity, rule.summary);
            }
            ExitCode::SUCCESS
        }
        Command::Rule { id } => match lint_rules::registry::rule(&id) {
            Some(rule) => {
                print!(
                    "# {}\n\nDefault severity: {}. {}.\n\n{}",
                    rule.id, rule.severity, rule.summary, rule.docs
                );
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("dcmlint: no rule `{id}`; `dcmlint rules` lists them");
                ExitCode::from(2)
            }
        },
    }
}

fn selection(args: &CheckArgs) -> Result<Selection, String> {
    let mut selection = if args.select.is_empty() {
        Selection::all()
    } else {
        Selection::none()
    };
    for pattern in &args.select {
        if selection.apply(pattern, true) == 0 {
            return Err(format!(
                "--select {pattern}: no rule or family of that name"
            ));
        }
    }
    for pattern in &args.ignore {
        if selection.apply(pattern, false) == 0 {
            return Err(format!(
                "--ignore {pattern}: no rule or family of that name"
            ));
        }
    }
    Ok(selection)
}

fn run_check(args: &CheckArgs) -> ExitCode {
    let selection = match selection(args) {
        Ok(selection) => selection,
        Err(message) => {
            eprintln!("dcmlint: {message}");
            return ExitCode::from(2);
        }
    };
    let report = check::check_paths(&args.paths, selection);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Human => render::human::write(&mut out, &report),
        Format::Json => render::json::write(&mut out, &report),
    };
    if let Err(error) = written.and_then(|()| out.flush()) {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("dcmlint: cannot write output: {error}");
            return ExitCode::from(2);
        }
    }
    if report.io_errors() > 0 {
        ExitCode::from(2)
    } else if report
        .worst()
        .is_some_and(|worst| worst >= args.fail_on.threshold())
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
