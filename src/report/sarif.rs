//! SARIF 2.1.0 output, through the serde-sarif types: the tool and every
//! rule (each diagnostic code, with its summary, explanation and fix), and
//! one result per diagnostic with physical locations in the rule file and
//! in the export. SARIF is one document, but its results are written as
//! they come: the log opens with the run's `results` array and closes, once
//! the run is over, with the run's other members (tool, invocations,
//! artifacts), so that a million findings need no memory.

use std::io::{self, Write};

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingConfiguration, ReportingDescriptor, ResultLevel, Run, Tool, ToolComponent, Version,
};

use super::RunEnd;
use super::Sink;
use crate::diag::{ClauseRef, Code, Diagnostic, RowRef, Severity};
use crate::explain::explain;
use crate::i18n::Lang;
use crate::source::Sources;
use crate::span::line_col;

pub struct SarifSink<'w> {
    out: Box<dyn Write + 'w>,
    /// Results written so far.
    written: u64,
    lang: Lang,
}

impl<'w> SarifSink<'w> {
    pub fn new(out: Box<dyn Write + 'w>, lang: Lang) -> SarifSink<'w> {
        SarifSink {
            out,
            written: 0,
            lang,
        }
    }

    /// The log up to the first result, before the first result or at the
    /// end if there is none; the separator between results after it.
    fn open_result(&mut self) -> io::Result<()> {
        if self.written > 0 {
            return self.out.write_all(b",\n");
        }
        let schema = serde_json::to_string(serde_sarif::sarif::SCHEMA_URL)?;
        let version = serde_json::to_string(&Version::V2_1_0)?;
        write!(
            self.out,
            "{{\n  \"$schema\": {schema},\n  \"version\": {version},\n  \"runs\": [\n    {{\n      \"results\": ["
        )?;
        self.out.write_all(b"\n")
    }
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s.into()).build()
}

fn message(s: impl Into<String>) -> Message {
    Message {
        text: Some(s.into()),
        ..Default::default()
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn rule(code: Code, lang: Lang) -> ReportingDescriptor {
    let e = explain(code);
    let example = lang.tr(&crate::i18n::Message::new("explain-example"));
    ReportingDescriptor::builder()
        .id(code.as_str())
        .short_description(text(lang.tr(&e.summary)))
        .full_description(text(lang.tr(&e.why)))
        .help(text(format!(
            "{}\n\n{example}\n{}",
            lang.tr(&e.fix),
            crate::explain::example_in(code, lang)
        )))
        .default_configuration(ReportingConfiguration {
            level: Some(level(code.severity()).into()),
            ..Default::default()
        })
        .build()
}

fn location(uri: &str, region: Region, label: &str) -> Location {
    Location {
        physical_location: Some(PhysicalLocation {
            artifact_location: Some(ArtifactLocation {
                uri: Some(uri.replace('\\', "/")),
                ..Default::default()
            }),
            region: Some(region),
            ..Default::default()
        }),
        message: (!label.is_empty()).then(|| message(label)),
        ..Default::default()
    }
}

fn clause_location(c: &ClauseRef, sources: &Sources, lang: Lang) -> Location {
    let text = sources.rule_text(c.source).unwrap_or("");
    let (line, column) = line_col(text, c.span.start);
    let (end_line, end_column) = line_col(text, c.span.end.max(c.span.start));
    let region = Region {
        start_line: Some(line as i64),
        start_column: Some(column as i64),
        end_line: Some(end_line as i64),
        end_column: Some(end_column.max(column + usize::from(end_line == line)) as i64),
        ..Default::default()
    };
    location(sources.name(c.source), region, &lang.tr(&c.label))
}

fn row_location(r: &RowRef, sources: &Sources, lang: Lang) -> Location {
    let columns = sources.field_columns(r.source, r.byte, &r.columns);
    let column = |c: usize| Some(i64::try_from(c).unwrap_or(i64::MAX));
    let region = Region {
        start_line: Some(i64::try_from(r.line).unwrap_or(i64::MAX).max(1)),
        start_column: columns.and_then(|(start, _)| column(start)),
        end_column: columns.and_then(|(_, end)| column(end)),
        ..Default::default()
    };
    location(sources.name(r.source), region, &lang.tr(&r.label))
}

impl Sink for SarifSink<'_> {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()> {
        let lang = self.lang;
        let mut locations = Vec::new();
        let mut related = Vec::new();
        match (&d.row, &d.clause) {
            (Some(r), clause) => {
                locations.push(row_location(r, sources, lang));
                related.extend(clause.iter().map(|c| clause_location(c, sources, lang)));
            }
            (None, Some(c)) => locations.push(clause_location(c, sources, lang)),
            (None, None) => {}
        }
        related.extend(d.related.iter().map(|c| clause_location(c, sources, lang)));
        let mut text = lang.tr(&d.message).into_owned();
        if let Some(cite) = d.clause.as_ref().and_then(|c| c.citation.as_ref()) {
            let cite =
                lang.tr(&crate::i18n::Message::new("plain-text").arg("cite", cite.message()));
            text.push('\n');
            text.push_str(&cite);
        }
        if let Some(law) = &d.law {
            let law = lang.tr(&crate::i18n::Message::new("plain-law").arg("law", lang.tr(law)));
            text.push('\n');
            text.push_str(&law);
        }
        if let Some(h) = &d.help {
            let help = lang.tr(&crate::i18n::Message::new("plain-help").arg("help", lang.tr(h)));
            text.push('\n');
            text.push_str(&help);
        }
        let level = match d.severity {
            Severity::Error => ResultLevel::Error,
            Severity::Warning => ResultLevel::Warning,
        };
        let result = serde_sarif::sarif::Result::builder()
            .rule_id(d.code.as_str())
            .level(level)
            .message(message(text))
            .locations(locations);
        let mut result = if related.is_empty() {
            result.build()
        } else {
            result.related_locations(related).build()
        };
        if let Some(w) = d.waived.as_ref().map(|w| lang.tr(w)) {
            let suppression = serde_sarif::sarif::Suppression::builder()
                .kind(serde_json::Value::from("inSource"))
                .justification(w.as_ref())
                .build();
            result.suppressions = Some(vec![suppression]);
        }
        self.open_result()?;
        self.written += 1;
        self.out.write_all(&[b' '; 8])?;
        self.out.write_all(&super::indented_json(&result, 8)?)
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        let RunEnd { audit, .. } = *end;
        let driver = ToolComponent::builder()
            .name("clausier")
            .version(env!("CARGO_PKG_VERSION"))
            .semantic_version(env!("CARGO_PKG_VERSION"))
            .rules(
                Code::ALL
                    .iter()
                    .map(|c| rule(*c, self.lang))
                    .collect::<Vec<_>>(),
            )
            .build();
        let mut run = Run::builder()
            .tool(Tool::builder().driver(driver).build())
            .column_kind(serde_json::Value::from("unicodeCodePoints"))
            .build();
        if let Some(audit) = audit {
            run.invocations = Some(vec![
                serde_sarif::sarif::Invocation::builder()
                    .execution_successful(true)
                    .arguments(audit.arguments.clone())
                    .start_time_utc(audit.evaluated_at.clone())
                    .build(),
            ]);
            run.artifacts = Some(
                audit
                    .files
                    .iter()
                    .map(|f| {
                        let mut artifact = serde_sarif::sarif::Artifact::builder()
                            .location(ArtifactLocation {
                                uri: Some(f.path.replace('\\', "/")),
                                ..Default::default()
                            })
                            .length(i64::try_from(f.bytes).unwrap_or(i64::MAX))
                            .build();
                        if let Some(sha) = &f.sha256 {
                            artifact.hashes =
                                Some([("sha-256".to_owned(), sha.clone())].into_iter().collect());
                        }
                        artifact
                    })
                    .collect(),
            );
        }
        // The run's other members after its results.
        let serde_json::Value::Object(members) = serde_json::to_value(&run)? else {
            return Err(io::Error::other("a SARIF run is an object"));
        };
        if self.written == 0 {
            self.open_result()?;
        } else {
            self.out.write_all(b"\n")?;
        }
        self.out.write_all(b"      ]")?;
        for (key, value) in members.iter().filter(|(k, _)| k.as_str() != "results") {
            let key = serde_json::to_string(key)?;
            write!(self.out, ",\n      {key}: ")?;
            self.out.write_all(&super::indented_json(value, 6)?)?;
        }
        self.out.write_all(b"\n    }\n  ]\n}\n")?;
        self.out.flush()
    }
}
