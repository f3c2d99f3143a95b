//! `clausier check RULES EXPORT...`

use std::io::{self, BufWriter};
use std::path::PathBuf;

use clap::Args;

use super::{Color, EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE};
use crate::diag::{Code, Diagnostic};
use crate::eval::Summary;
use crate::input::csv::ReadOptions;
use crate::input::encoding::Encoding;
use crate::input::profile::{self, Profile};
use crate::report::{self, Counts, Format, Sink};
use crate::run::{self, Outcome};
use crate::source::Sources;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The convention's rule file (`.conv`).
    pub rules: PathBuf,
    /// Exports to check (CSV), read as one chronological stream.
    #[arg(required = true)]
    pub exports: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Import profile: a built-in name (see README) or a profile file;
    /// detected from each export's header when absent.
    #[arg(long, value_name = "NAME|FILE")]
    pub profile: Option<String>,
    /// Text encoding of the exports; detected when absent.
    #[arg(long, value_enum)]
    pub encoding: Option<Encoding>,
    /// Sheet of spreadsheet exports (XLSX, ODS); the first when absent.
    #[arg(long)]
    pub sheet: Option<String>,
}

/// A run's output and what it has counted so far.
struct Output<'w> {
    sink: Box<dyn Sink + 'w>,
    counts: Counts,
    io_error: Option<io::Error>,
}

impl Output<'_> {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) {
        self.counts.add(d);
        if self.io_error.is_none() {
            self.io_error = self.sink.emit(d, sources).err();
        }
    }

    fn end(mut self, summary: Option<&Summary>, sources: &Sources, code: u8) -> u8 {
        if self.io_error.is_none() {
            self.io_error = self.sink.finish(self.counts, summary, sources).err();
        }
        match self.io_error {
            // A closed pipe (`clausier … | head`) is the reader's choice.
            Some(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                eprintln!("clausier: cannot write the report: {e}");
                EXIT_UNUSABLE
            }
            _ => code,
        }
    }
}

pub fn run(args: &CheckArgs) -> u8 {
    let stdout = BufWriter::new(io::stdout().lock());
    let mut output = Output {
        sink: report::sink(args.format, args.color.enabled(), Box::new(stdout)),
        counts: Counts::default(),
        io_error: None,
    };
    let mut sources = Sources::default();
    let rules_name = args.rules.display().to_string();
    let text = match std::fs::read_to_string(&args.rules) {
        Ok(t) => t,
        Err(e) => {
            output.emit(&unreadable(&rules_name, &e), &sources);
            return output.end(None, &sources, EXIT_UNUSABLE);
        }
    };
    let id = sources.add_rule(&rules_name, text);
    let (convention, diags) = crate::compile(id, sources.rule_text(id).unwrap_or(""));
    for d in &diags {
        output.emit(d, &sources);
    }
    let convention = match convention {
        Some(c) if output.counts.errors == 0 => c,
        _ => return output.end(None, &sources, EXIT_UNUSABLE),
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
    match run::check(&convention, exports, &sources, emit) {
        Outcome::Done(summary) => {
            let code = if output.counts.errors > 0 {
                EXIT_FINDINGS
            } else {
                EXIT_CLEAN
            };
            output.end(Some(&summary), &sources, code)
        }
        Outcome::Unusable(summary) => output.end(summary.as_ref(), &sources, EXIT_UNUSABLE),
    }
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

fn unreadable(name: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::new(Code::InputUnreadable, format!("cannot read `{name}`: {e}"))
        .help("check the path and the file's permissions")
}
