//! clap's errors about the command line, said in the run's language: clap
//! words them in English only, so each kind of error is said again from the
//! catalogues with what clap found (the argument, the value, the
//! suggestion, the usage line).

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, Message};
use crate::msg;

/// The error's text, one line of cause, then tips, usage and where to
/// read more, each on a line of its own, indented. `subcommand`: the one
/// the command line names, if any; `commands`: all of them.
pub fn describe(
    e: &clap::Error,
    subcommand: Option<&str>,
    commands: &[&str],
    lang: Lang,
) -> String {
    let text = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    // The argument's flag alone (`--date`, not `--date <YYYY-MM-DD>`).
    let flag = arg.split_whitespace().next().unwrap_or_default().to_owned();
    let cause = match e.kind() {
        ErrorKind::UnknownArgument => msg!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            "cli-error-unknown-command",
            arg = text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            msg!("cli-error-missing-value", arg = flag)
        }
        ErrorKind::InvalidValue => msg!("cli-error-invalid-value", value = value, arg = flag),
        ErrorKind::ValueValidation => {
            let reason = match flag.as_str() {
                "--date" => Some(Message::new("cli-error-not-a-date")),
                "--threads" => Some(Message::new("cli-error-not-a-number")),
                _ => None,
            };
            match reason {
                Some(reason) => msg!(
                    "cli-error-invalid-value-because",
                    value = value,
                    arg = flag,
                    reason = reason
                ),
                None => msg!("cli-error-invalid-value", value = value, arg = flag),
            }
        }
        ErrorKind::MissingRequiredArgument => msg!("cli-error-missing", args = arg),
        ErrorKind::MissingSubcommand => {
            msg!("cli-error-missing-command", commands = commands.join(", "))
        }
        ErrorKind::ArgumentConflict => msg!(
            "cli-error-conflict",
            arg = flag,
            other = text(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            msg!("cli-error-too-many", value = value)
        }
        ErrorKind::NoEquals if !flag.is_empty() => msg!("cli-error-missing-value", arg = flag),
        _ => other(e),
    };
    let mut lines = vec![format!("clausier: {}", lang.tr(&cause))];
    if matches!(e.kind(), ErrorKind::InvalidValue)
        && let Some(values) = text(ContextKind::ValidValue)
    {
        lines.push(format!(
            "  {}",
            lang.tr(&msg!("cli-error-possible-values", values = values))
        ));
    }
    let suggestion = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedSubcommand))
        .or_else(|| text(ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        lines.push(format!(
            "  {}",
            lang.tr(&msg!("cli-error-tip", suggestion = s))
        ));
    }
    // clap's usage line: "Usage: clausier check …".
    let usage = text(ContextKind::Usage);
    let usage = usage
        .as_deref()
        .map(|u| u.trim().trim_start_matches("Usage:").trim().to_owned())
        .filter(|u| !u.is_empty());
    let command = match subcommand {
        Some(sub) => format!("clausier {sub}"),
        None => "clausier".to_owned(),
    };
    if let Some(u) = &usage {
        lines.push(format!(
            "  {}",
            lang.tr(&msg!("cli-error-usage", usage = u.as_str()))
        ));
    }
    lines.push(format!(
        "  {}",
        lang.tr(&msg!("cli-error-more", command = command))
    ));
    lines.join("\n")
}

/// An error of a kind without words of its own: clap's first line.
fn other(e: &clap::Error) -> Message {
    let rendered = e.render().to_string();
    let first = rendered
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error:")
        .trim()
        .to_owned();
    msg!("cli-error-other", detail = first)
}

/// Whether clap's "error" is the help or the version, shown as it is.
pub fn is_display(e: &clap::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}
