//! `clausier check RULES EXPORT...`

use std::io;
use std::path::PathBuf;

use clap::Args;

use super::EXIT_UNUSABLE;
use super::output::{Output, OutputArgs};
use crate::diag::{Code, Diagnostic};
use crate::input::csv::ReadOptions;
use crate::input::encoding::Encoding;
use crate::input::profile::{self, Profile};
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

pub fn run(args: &CheckArgs) -> u8 {
    let mut output = Output::stdout(&args.output);
    let mut sources = Sources::default();
    let Some(conventions) = load_conventions(&args.rules, &mut sources, &mut output) else {
        return output.end(None, &sources, EXIT_UNUSABLE);
    };
    let profile = match &args.profile {
        Some(p) => match load_profile(p, &mut sources) {
            Ok(profile) => Some(profile),
            Err(diags) => {
                for d in &diags {
                    output.emit(d, &sources);
                }
                return output.end(None, &sources, EXIT_UNUSABLE);
            }
        },
        None => None,
    };
    let options = run::ExportOptions {
        read: ReadOptions {
            profile,
            encoding: args.encoding,
        },
        sheet: args.sheet.clone(),
    };
    let emit = &mut |s: &Sources, d: Diagnostic| output.emit(&d, s);
    let Some(exports) = run::open_exports(&args.exports, &options, &mut sources, emit) else {
        return output.end(None, &sources, EXIT_UNUSABLE);
    };
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, std::num::NonZeroUsize::get);
    use std::io::IsTerminal;
    let progress = crate::progress::Progress::new(!args.quiet && std::io::stderr().is_terminal());
    match run::check(&conventions, exports, &sources, threads, &progress, emit) {
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
) -> Option<Vec<crate::model::Convention>> {
    let mut files = Vec::new();
    if let Err(e) = super::lint::collect(path, &mut files) {
        output.emit(&unreadable(&path.display().to_string(), &e), sources);
        return None;
    }
    if files.is_empty() {
        let d = Diagnostic::new(
            Code::InputUnreadable,
            format!("`{}` holds no `*.conv` rule file", path.display()),
        )
        .help("give a rule file, or a folder holding rule files");
        output.emit(&d, sources);
        return None;
    }
    let mut conventions = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) => {
                output.emit(&unreadable(&name, &e), sources);
                return None;
            }
        };
        let id = sources.add_rule(&name, text);
        let (convention, diags) = crate::compile(id, sources.rule_text(id).unwrap_or(""));
        for d in &diags {
            output.emit(d, sources);
        }
        conventions.extend(convention);
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
            Some(s) => format!("did you mean `{s}`? "),
            None => String::new(),
        };
        return Err(vec![
            Diagnostic::new(Code::InputUnreadable, format!("no profile `{arg}`")).help(format!(
                "{hint}built-in profiles: {}; or give the path of a profile file",
                profile::builtin_names().join(", ")
            )),
        ]);
    }
    let text = std::fs::read_to_string(path).map_err(|e| vec![unreadable(arg, &e)])?;
    let id = sources.add_rule(arg, text);
    let (profile, diags) = profile::parse(id, sources.rule_text(id).unwrap_or(""));
    profile.ok_or(diags)
}

pub fn unreadable(name: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::new(Code::InputUnreadable, format!("cannot read `{name}`: {e}"))
        .help("check the path and the file's permissions")
}
