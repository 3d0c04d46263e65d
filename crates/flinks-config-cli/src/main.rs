//! `flinks-config`: lints Flinks settings in TOML, `.env`, JSON and YAML
//! files before deploy, with the same rules as the library and the macros.
//!
//! Exit codes: 0 clean, 1 findings at or above `--fail-on` (a file nested
//! past the parser's depth limit included), 2 usage or I/O error (a file
//! that cannot be read or parsed, or a settings file too large or not
//! UTF-8, when nothing else is found).
#![forbid(unsafe_code)]

mod baseline;
mod fix;
mod lint;
mod output;
mod suppress;
mod tracked;
mod walk;

use clap::{Parser, Subcommand, ValueEnum};
use flinks_config::Report;
use flinks_config_core::redact::Redactor;
use flinks_config_core::{rule_by_code, rules, Diagnostic, Location, Severity, Source};
use std::collections::{BTreeSet, HashMap};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

// A run allocates a text and a tree per file on every core; glibc's malloc
// made that a quarter of the wall time on 10,000 files (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "flinks-config",
    version,
    about = "Checks Flinks (open banking) configuration before it ships."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint config files and folders (folders are walked, honouring .gitignore,
    /// plus every file git tracks there).
    Lint(LintArgs),
    /// Print a rule's page: what it catches, why, an example, the fix.
    Explain {
        /// A rule code, e.g. FLK003.
        code: String,
    },
    /// List every rule: code, name, severity, what it catches.
    Rules,
}

#[derive(clap::Args)]
struct LintArgs {
    /// Files or folders to lint.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Fail (exit 1) on findings at or above this severity.
    #[arg(long, value_enum, default_value_t = Level::Error)]
    fail_on: Level,
    /// Print only the findings, no summary.
    #[arg(long, short)]
    quiet: bool,
    /// Colour: auto (on a terminal), always or never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Report missing required settings (FLK508); off by default because
    /// configuration is often split across files and injected at deploy time.
    #[arg(long)]
    require_complete: bool,
    /// The linter's settings file (default: ./flinks-config.toml if present).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Accept the findings listed in this baseline file; fail on new ones.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Write the current findings to a baseline file and exit 0.
    #[arg(long)]
    write_baseline: Option<PathBuf>,
    /// Lint only what the walk finds: do not add the files git tracks
    /// though `.gitignore` lists them (a committed `.env`).
    #[arg(long)]
    no_git: bool,
    /// Write the machine-applicable fixes into the files (only the fixed
    /// values' bytes change), then report what is left.
    #[arg(long)]
    fix: bool,
    /// Print the fixes `--fix` would write as a unified diff and change
    /// nothing; exit 1 when there is something to fix.
    #[arg(long)]
    diff: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum Level {
    Error,
    Warning,
    Note,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are not errors; usage errors exit 2.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Explain { code } => explain(&code),
        Command::Rules => list_rules(),
        Command::Lint(args) => lint(args),
    }
}

fn explain(code: &str) -> ExitCode {
    match rule_by_code(code) {
        Some(rule) => {
            print!("{}", rule.page);
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("error: no rule `{code}`; `flinks-config rules` lists them");
            ExitCode::from(2)
        }
    }
}

fn list_rules() -> ExitCode {
    let mut out = String::new();
    for rule in rules::ALL {
        out.push_str(&format!(
            "{}  {:<40} {:<8} {}\n",
            rule.code,
            rule.name,
            rule.severity.as_str(),
            rule.summary
        ));
    }
    print!("{out}");
    ExitCode::SUCCESS
}

fn usage_error(message: &str) -> ExitCode {
    // Paths in it may hold control characters: shown escaped.
    eprintln!(
        "error: {}",
        flinks_config_core::render::escape_controls(message)
    );
    ExitCode::from(2)
}

/// The linter's settings file; an unreadable or invalid one is a usage
/// error (exit 2), shown as a located FLK510 diagnostic.
fn read_lint_config(path: &std::path::Path) -> Result<suppress::LintConfig, ExitCode> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| usage_error(&format!("{}: {e}", path.display())))?;
    let shown = path.display().to_string();
    suppress::LintConfig::parse(&text, &shown).map_err(|error| {
        let mut report = Report::redacted(Redactor::new(&[]), vec![*error]);
        report.add_source(flinks_config::__private::SourceText {
            path: shown,
            text: text.into(),
            secrets: Vec::new(),
        });
        eprintln!("{report}");
        ExitCode::from(2)
    })
}

fn lint(args: LintArgs) -> ExitCode {
    let config_path = args
        .config
        .clone()
        .or_else(|| Some(PathBuf::from("flinks-config.toml")).filter(|p| p.is_file()));
    let config = match &config_path {
        Some(path) => match read_lint_config(path) {
            Ok(config) => config,
            Err(exit) => return exit,
        },
        None => suppress::LintConfig::default(),
    };
    let accepted = match &args.baseline {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| baseline::read(&t))
        {
            Ok(set) => set,
            Err(e) => return usage_error(&format!("{}: {e}", path.display())),
        },
        None => Default::default(),
    };

    let options = lint::Options {
        require_complete: args.require_complete,
    };
    let keep = |d: &Diagnostic, text: &str| {
        !suppress::allowed_inline(d, text)
            && config
                .apply(d.clone())
                .is_some_and(|d| !accepted.contains(&baseline::fingerprint(&d)))
    };
    let mut fixed = None;
    if args.fix || args.diff {
        let (_, kept, _, paths, _) = findings(&args, options, &config, &accepted);
        let plans = fix_plans(&kept, &paths, options, &keep);
        if args.diff {
            return print_diffs(&plans);
        }
        fixed = Some(write_fixes(&plans));
    }
    let (report, kept, io_errors, _, files) = findings(&args, options, &config, &accepted);

    if let Some(path) = &args.write_baseline {
        return match std::fs::write(path, baseline::write(&kept)) {
            Ok(()) => {
                eprintln!("wrote {} finding(s) to {}", kept.len(), path.display());
                ExitCode::SUCCESS
            }
            Err(e) => usage_error(&format!("cannot write {}: {e}", path.display())),
        };
    }

    // Changed by the settings (`deny` raises severities): through the run's
    // one redactor again, the only way into a report.
    let report = report.with_findings(kept);
    if let Some(fixed) = fixed {
        eprintln!("{fixed} fixed, {} left", report.diagnostics().len());
    }
    let summary = output::Summary {
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        notes: report.count(Severity::Note),
        files,
    };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    let written = match args.format {
        Format::Human => output::human::write(&report, &summary, color, args.quiet, &mut out),
        Format::Json => output::json::write(&report, &summary, &mut out),
        Format::Sarif => output::sarif::write(&report, &mut out),
        Format::Github => output::github::write(&report, &mut out),
    };
    if written.and_then(|()| out.flush()).is_err() {
        return ExitCode::from(2);
    }

    let threshold = match args.fail_on {
        Level::Error => Severity::Error,
        Level::Warning => Severity::Warning,
        Level::Note => Severity::Note,
    };
    // A file that could not be read is an I/O error, not a finding.
    let is_io = |d: &Diagnostic| d.location.as_ref().is_some_and(|l| l.key_path == "(file)");
    let findings = report
        .diagnostics()
        .iter()
        .filter(|d| d.severity >= threshold && !is_io(d))
        .count();
    if findings > 0 {
        ExitCode::from(1)
    } else if io_errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The run's findings as kept (not suppressed, not in the baseline), the
/// run's report (its sources and redactor; its findings taken), the I/O
/// errors, and each linted file's path by the name findings show.
fn findings(
    args: &LintArgs,
    options: lint::Options,
    config: &suppress::LintConfig,
    accepted: &BTreeSet<String>,
) -> (
    Report,
    Vec<Diagnostic>,
    usize,
    HashMap<String, PathBuf>,
    usize,
) {
    let walk_options = walk::WalkOptions {
        tracked: !args.no_git,
    };
    let (files, missing) = walk::collect(&args.paths, walk_options, |path, named| {
        lint::file(path, named, options)
    });
    let paths: HashMap<String, PathBuf> = files
        .iter()
        .map(|(path, lint)| (lint.shown().to_string(), path.clone()))
        .collect();
    let run = lint::run(files, options);
    let mut io_errors = run.unreadable;
    let mut kept: Vec<Diagnostic> = Vec::new();
    for path in &missing {
        io_errors += 1;
        let shown = path.display().to_string();
        kept.push(
            Diagnostic::new(
                &rules::config_malformed::RULE,
                format!("`{shown}` does not exist"),
            )
            .with_help("check the path")
            .with_location(Location::new(Source::File(shown), "(file)")),
        );
    }
    let mut inline = suppress::InlineAllows::default();
    let mut suppressed = vec![false; run.report.diagnostics().len()];
    for (d, suppressed) in run.report.diagnostics().iter().zip(&mut suppressed) {
        if let Some(Source::File(path)) = d.location.as_ref().map(|l| &l.source) {
            *suppressed = inline.allows(d, path, &run.report);
        }
    }
    drop(inline);
    let mut report = run.report;
    // Taken, not copied: a finding can quote a value of megabytes.
    for (d, suppressed) in report.take_diagnostics().into_iter().zip(suppressed) {
        if suppressed {
            continue;
        }
        if let Some(d) = config.apply(d) {
            if !accepted.contains(&baseline::fingerprint(&d)) {
                kept.push(d);
            }
        }
    }

    (report, kept, io_errors, paths, run.files)
}
/// The fixes of every file with a machine-applicable finding.
fn fix_plans(
    kept: &[Diagnostic],
    paths: &HashMap<String, PathBuf>,
    options: lint::Options,
    keep: &fix::Keep<'_>,
) -> Vec<fix::FileFix> {
    let mut files: Vec<&str> = kept
        .iter()
        .filter(|d| d.applicable_fix().is_some())
        .filter_map(|d| match &d.location.as_ref()?.source {
            Source::File(shown) => Some(shown.as_str()),
            _ => None,
        })
        .collect();
    files.sort_unstable();
    files.dedup();
    files
        .into_iter()
        .filter_map(|shown| {
            let path = paths.get(shown)?;
            Some(fix::plan(path, shown, options.profile_options(), keep))
        })
        .collect()
}

/// `--diff`: every file's diff on stdout, what is left on stderr; exit 1
/// when there is something to fix.
fn print_diffs(plans: &[fix::FileFix]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    for plan in plans {
        if stdout.write_all(plan.diff.as_bytes()).is_err() {
            return ExitCode::from(2);
        }
        for why in &plan.left {
            eprintln!("{}: {why}", plan.shown);
        }
    }
    let fixable: usize = plans.iter().map(|p| p.fixed).sum();
    eprintln!("{fixable} fixable with --fix");
    ExitCode::from(u8::from(plans.iter().any(fix::FileFix::changes)))
}

/// `--fix`: writes each file's fixes; says what it fixed and what it
/// left. Returns how many findings the fixes removed.
fn write_fixes(plans: &[fix::FileFix]) -> usize {
    let mut fixed = 0;
    for plan in plans {
        if plan.changes() {
            match plan.write() {
                Ok(()) => {
                    fixed += plan.fixed;
                    eprintln!("{}: fixed {}", plan.shown, plan.fixed);
                }
                Err(why) => eprintln!("{}: {why}", plan.shown),
            }
        }
        for why in &plan.left {
            eprintln!("{}: {why}", plan.shown);
        }
    }
    fixed
}
