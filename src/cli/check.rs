//! `clausier check RULES EXPORT...`

use crate::i18n::{Lang, Message};
use crate::msg;
use std::path::PathBuf;

use clap::Args;

use super::EXIT_UNUSABLE;
use super::output::{Output, OutputArgs};
use crate::diag::{Code, Diagnostic};
use crate::input::csv::ReadOptions;
use crate::input::encoding::Encoding;
use crate::input::profile::{self, Profile};
use crate::report::Format;
use crate::run::{self, Outcome};
use crate::source::Sources;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The convention's rule file (`.conv`), or a folder of rule files: each
    /// row is then routed to the convention whose imputation codes it bears.
    pub rules: PathBuf,
    /// Exports to check (CSV, XLSX, XLS, ODS; `-` for standard input), read
    /// as one chronological stream.
    #[arg(required = true)]
    pub exports: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

/// How exports are read, for `check` and `report`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Import profile: a built-in name (see README) or a profile file;
    /// detected from each export's header when absent.
    #[arg(long, value_name = "NAME|FILE")]
    pub profile: Option<String>,
    /// Text encoding of the exports; detected when absent.
    #[arg(long, value_enum)]
    pub encoding: Option<Encoding>,
    /// Sheet of spreadsheet exports; the first when absent.
    #[arg(long)]
    pub sheet: Option<String>,
    /// Threads reading a large export file (one chunk each); all cores when
    /// absent. Findings do not depend on it.
    #[arg(long, value_name = "N")]
    pub threads: Option<std::num::NonZeroUsize>,
    /// No progress line on standard error (it is shown only on a terminal).
    #[arg(long, short)]
    pub quiet: bool,
}

/// What a check needs once its inputs are read.
pub struct Prepared {
    pub sources: Sources,
    pub conventions: Vec<crate::language::model::Convention>,
    pub exports: Vec<crate::input::csv::Export>,
    pub threads: usize,
    pub progress: crate::progress::Progress,
    /// The audit record, hashed on a thread of its own, when the output
    /// carries one.
    pub audit: Option<std::thread::JoinHandle<crate::audit::Audit>>,
}

/// Reads rule files, profile and exports; `Err(sources)` after reporting
/// to `output` what made them unusable.
pub fn prepare(
    rules: &std::path::Path,
    exports: &[PathBuf],
    input: &InputArgs,
    audited: bool,
    output: &mut Output<'_>,
) -> Result<Prepared, Sources> {
    use std::io::IsTerminal;
    let mut sources = Sources::default();
    let Some(conventions) = load_conventions(rules, &mut sources, output) else {
        return Err(sources);
    };
    let profile = match &input.profile {
        Some(p) => match load_profile(p, &mut sources) {
            Ok(profile) => Some(profile),
            Err(diags) => {
                for d in &diags {
                    output.emit(d, &sources);
                }
                return Err(sources);
            }
        },
        None => None,
    };
    let options = run::ExportOptions {
        read: ReadOptions {
            profile,
            encoding: input.encoding,
            transcoded_from: None,
        },
        sheet: input.sheet.clone(),
    };
    let emit = &mut |s: &Sources, d: Diagnostic| output.emit(&d, s);
    let Some(opened) = run::open_exports(exports, &options, &mut sources, emit) else {
        return Err(sources);
    };
    let mut files: Vec<(String, &'static str)> = Vec::new();
    let mut rule_files = Vec::new();
    if super::collect(rules, &mut rule_files).is_ok() {
        files.extend(
            rule_files
                .iter()
                .map(|f| (f.display().to_string(), "rules")),
        );
    }
    if let Some(p) = input
        .profile
        .as_ref()
        .filter(|p| std::path::Path::new(p).exists())
    {
        files.push((p.clone(), "profile"));
    }
    files.extend(exports.iter().map(|e| (e.display().to_string(), "export")));
    let threads = input
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, std::num::NonZeroUsize::get);
    Ok(Prepared {
        sources,
        conventions,
        exports: opened,
        threads,
        progress: crate::progress::Progress::new(
            !input.quiet && std::io::stderr().is_terminal(),
            output.lang(),
        ),
        audit: audited.then(|| crate::audit::Audit::start(files)),
    })
}

pub fn run(args: &CheckArgs, lang: Lang) -> u8 {
    let mut output = Output::stdout(&args.output, lang);
    // Only machine outputs carry the audit record: hashing a large export
    // would cost the other outputs a core for nothing.
    let audited = matches!(args.output.format, Format::Json | Format::Sarif);
    let p = match prepare(
        &args.rules,
        &args.exports,
        &args.input,
        audited,
        &mut output,
    ) {
        Ok(p) => p,
        Err(sources) => return output.end(None, &sources, EXIT_UNUSABLE),
    };
    let sources = p.sources;
    // On one terminal, a finding is written on a line of its own.
    let shared = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let progress = &p.progress;
    let emit = &mut |s: &Sources, d: Diagnostic| {
        if shared {
            progress.clear();
        }
        output.emit(&d, s);
    };
    let outcome = run::check(
        &p.conventions,
        p.exports,
        &sources,
        p.threads,
        &p.progress,
        emit,
    );
    output.set_audit(p.audit.and_then(|a| a.join().ok()));
    match outcome {
        Outcome::Done(summary) => {
            let code = output.findings_code();
            output.end(Some(&summary), &sources, code)
        }
        Outcome::Unusable(summary) => output.end(summary.as_ref(), &sources, EXIT_UNUSABLE),
    }
}

/// Compiles the rule file, or every `*.conv` of a rules folder; `None`
/// (after reporting why) if any has an error or the folder has none.
fn load_conventions(
    path: &std::path::Path,
    sources: &mut Sources,
    output: &mut Output<'_>,
) -> Option<Vec<crate::language::model::Convention>> {
    let mut files = Vec::new();
    if let Err(e) = super::collect(path, &mut files) {
        output.emit(
            &crate::input::unreadable(&path.display().to_string(), &e),
            sources,
        );
        return None;
    }
    if files.is_empty() {
        let d = Diagnostic::new(
            Code::InputUnreadable,
            msg!("no-rule-file", folder = path.display().to_string()),
        )
        .help(Message::new("no-rule-file-help"));
        output.emit(&d, sources);
        return None;
    }
    let mut conventions = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let text = match super::read_text(&file) {
            Ok(t) => t.text,
            Err(e) => {
                output.emit(&crate::input::unreadable(&name, &e), sources);
                return None;
            }
        };
        let id = sources.add_rule(&name, text);
        let (convention, diags) =
            crate::compile_on(id, sources.rule_text(id).unwrap_or(""), output.today);
        for d in &diags {
            output.emit(d, sources);
        }
        conventions.extend(convention);
    }
    // Sub-delegations: a `cadre` is resolved among the folder's files, and
    // a child outside its parent is an error.
    let read: Vec<&crate::language::model::Convention> = conventions.iter().collect();
    for d in crate::language::lints::frame::check(&read, read.len() == 1) {
        output.emit(&d, sources);
    }
    (output.counts.errors == 0).then_some(conventions)
}

/// A built-in profile by name, or a profile file.
fn load_profile(arg: &str, sources: &mut Sources) -> Result<Profile, Vec<Diagnostic>> {
    if let Some(p) = profile::builtin(arg) {
        return Ok(p);
    }
    let path = std::path::Path::new(arg);
    if !path.exists() {
        let hint = match profile::suggest_builtin(arg) {
            Some(s) => msg!("did-you-mean-then", word = s),
            None => Message::plain(""),
        };
        return Err(vec![
            Diagnostic::new(Code::InputUnreadable, msg!("no-profile", name = arg)).help(msg!(
                "no-profile-help",
                hint = hint,
                profiles = profile::builtin_names().join(", ")
            )),
        ]);
    }
    let text = super::read_text(path)
        .map_err(|e| vec![crate::input::unreadable(arg, &e)])?
        .text;
    let id = sources.add_rule(arg, text);
    let (profile, diags) = profile::parse(id, sources.rule_text(id).unwrap_or(""));
    profile.ok_or(diags)
}
