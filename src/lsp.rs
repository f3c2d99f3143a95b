//! `clausier lsp`: a language server for rule files, over the connection
//! the command opens on standard input and output (lsp-server, the crate
//! rust-analyzer is built on; lsp-types for the protocol's types).
//!
//! Every request is answered from the document's text as last sent (full
//! synchronisation), with the same stages as `lint`: diagnostics (with
//! their codes), hover (a keyword's meaning, a code's summary, the end in
//! force on a term, a notice or a termination), completion (the clauses of
//! a convention, units, diagnostic codes in a waiver), formatting (`fmt`),
//! the outline, go to definition (an amendment's envelope or market), and
//! code actions for every machine-applicable fix.

use std::collections::HashMap;

use lsp_server::{Connection, Message as Wire, Notification, Request, Response};
use lsp_types::{self as lsp, Uri};

use crate::diag::Severity;
use crate::i18n::{Lang, Message};
use crate::language::syntax::{self, Item, ValueKind};
use crate::msg;
use crate::span::Span;

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// The server's capabilities, as `initialize` answers them.
pub fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::FULL,
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions::default()),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// Serves one client until it asks to shut down and exit. The language is
/// `choose` given the editor's `locale` from `initialize` (`fr`, `en-US`,
/// or none). `pages`: in that language, the `file://` folder (ending in
/// `/`) holding each code's explanation as `CODE.md`, which diagnostics
/// link to; `None`: no links.
pub fn serve(
    connection: &Connection,
    choose: impl FnOnce(Option<&str>) -> Lang,
    today: chrono::NaiveDate,
    pages: impl FnOnce(Lang) -> Option<String>,
) -> Result<(), Failure> {
    let caps = serde_json::to_value(capabilities())?;
    let params = connection.initialize(caps)?;
    let lang = choose(params.get("locale").and_then(serde_json::Value::as_str));
    let mut server = Server {
        documents: HashMap::new(),
        lang,
        today,
        pages: pages(lang),
    };
    for message in &connection.receiver {
        match message {
            Wire::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = server.answer(request);
                connection.sender.send(Wire::Response(response))?;
            }
            Wire::Notification(n) => {
                for out in server.notified(n) {
                    connection.sender.send(Wire::Notification(out))?;
                }
            }
            Wire::Response(_) => {}
        }
    }
    Ok(())
}

struct Server {
    documents: HashMap<String, String>,
    lang: Lang,
    today: chrono::NaiveDate,
    pages: Option<String>,
}

impl Server {
    fn notified(&mut self, n: Notification) -> Vec<Notification> {
        let uri = match n.method.as_str() {
            "textDocument/didOpen" => {
                serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params)
                    .ok()
                    .map(|p| {
                        let uri = p.text_document.uri.as_str().to_owned();
                        self.documents.insert(uri.clone(), p.text_document.text);
                        (uri, p.text_document.uri)
                    })
            }
            "textDocument/didChange" => {
                serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params)
                    .ok()
                    .and_then(|p| {
                        let text = p.content_changes.into_iter().last()?.text;
                        let uri = p.text_document.uri.as_str().to_owned();
                        self.documents.insert(uri.clone(), text);
                        Some((uri, p.text_document.uri))
                    })
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params) {
                    self.documents.remove(p.text_document.uri.as_str());
                }
                None
            }
            _ => None,
        };
        let Some((key, uri)) = uri else {
            return Vec::new();
        };
        let text = self.documents.get(&key).cloned().unwrap_or_default();
        let params = lsp::PublishDiagnosticsParams {
            uri,
            diagnostics: self.diagnostics(&text),
            version: None,
        };
        serde_json::to_value(params)
            .map(|p| {
                vec![Notification::new(
                    "textDocument/publishDiagnostics".to_owned(),
                    p,
                )]
            })
            .unwrap_or_default()
    }

    fn diagnostics(&self, text: &str) -> Vec<lsp::Diagnostic> {
        let (_, diags) = crate::compile_on(0, text, self.today);
        diags
            .iter()
            .map(|d| {
                let span = d.clause.as_ref().map_or(Span::new(0, 0), |c| c.span);
                let mut message = self.lang.tr(&d.message).into_owned();
                if let Some(help) = &d.help {
                    message.push('\n');
                    message.push_str(&self.lang.tr(help));
                }
                lsp::Diagnostic {
                    range: range(text, span),
                    severity: Some(match d.severity {
                        Severity::Error => lsp::DiagnosticSeverity::ERROR,
                        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
                    }),
                    code: Some(lsp::NumberOrString::String(d.code.as_str().to_owned())),
                    code_description: self.pages.as_ref().and_then(|pages| {
                        let href = format!("{pages}{}.md", d.code.as_str());
                        Some(lsp::CodeDescription {
                            href: href.parse().ok()?,
                        })
                    }),
                    source: Some("clausier".to_owned()),
                    message,
                    ..Default::default()
                }
            })
            .collect()
    }

    fn answer(&self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            "textDocument/hover" => self.with::<lsp::HoverParams, _>(request, |s, p| {
                let at = &p.text_document_position_params;
                s.hover(at.text_document.uri.as_str(), at.position)
            }),
            "textDocument/completion" => self.with::<lsp::CompletionParams, _>(request, |s, p| {
                let at = &p.text_document_position;
                s.completion(at.text_document.uri.as_str(), at.position)
            }),
            "textDocument/formatting" => self
                .with::<lsp::DocumentFormattingParams, _>(request, |s, p| {
                    s.formatting(p.text_document.uri.as_str())
                }),
            "textDocument/documentSymbol" => self
                .with::<lsp::DocumentSymbolParams, _>(request, |s, p| {
                    s.outline(p.text_document.uri.as_str())
                }),
            "textDocument/definition" => {
                self.with::<lsp::GotoDefinitionParams, _>(request, |s, p| {
                    let at = &p.text_document_position_params;
                    s.definition(&at.text_document.uri, at.position)
                })
            }
            "textDocument/codeAction" => self.with::<lsp::CodeActionParams, _>(request, |s, p| {
                s.code_actions(&p.text_document.uri, p.range)
            }),
            _ => Err((
                lsp_server::ErrorCode::MethodNotFound,
                request.method.clone(),
            )),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, text)) => Response::new_err(id, code as i32, text),
        }
    }

    fn with<P: serde::de::DeserializeOwned, R: serde::Serialize>(
        &self,
        request: Request,
        f: impl FnOnce(&Self, P) -> Option<R>,
    ) -> Result<serde_json::Value, (lsp_server::ErrorCode, String)> {
        let params: P = serde_json::from_value(request.params)
            .map_err(|e| (lsp_server::ErrorCode::InvalidParams, e.to_string()))?;
        Ok(serde_json::to_value(f(self, params)).unwrap_or(serde_json::Value::Null))
    }

    fn text(&self, uri: &str) -> Option<&str> {
        self.documents.get(uri).map(String::as_str)
    }

    fn hover(&self, uri: &str, position: lsp::Position) -> Option<lsp::Hover> {
        let text = self.text(uri)?;
        let at = offset(text, position);
        let (word, span) = word_at(text, at)?;
        let lang = self.lang;
        let mut lines = Vec::new();
        if let Some(code) = crate::diag::Code::ALL.iter().find(|c| c.as_str() == word) {
            lines.push(format!(
                "**{}** — {}",
                code.as_str(),
                lang.tr(&code.summary())
            ));
        }
        let folded = crate::language::keywords::fold(&word);
        if let Some(keyword) = hover_keywords()
            .iter()
            .find(|k| crate::language::keywords::fold(k) == folded)
        {
            let id = hover_id(keyword);
            lines.push(format!("**{keyword}** — {}", lang.tr(&Message::entry(id))));
            // The term's clauses and words: the end in force and the renewals.
            use crate::language::keywords::{ClauseKind, TERM, convention_clause_named, named};
            let about_the_term = named(TERM, keyword).is_some()
                || convention_clause_named(keyword).is_some_and(|c| {
                    matches!(
                        c.kind,
                        ClauseKind::Term | ClauseKind::Notice | ClauseKind::Termination
                    )
                });
            if about_the_term {
                let (convention, _) = crate::compile_on(0, text, self.today);
                if let Some(c) = &convention {
                    lines.extend(term_dates(&crate::language::view::View::new(c), lang));
                }
            }
        }
        lines.extend(self.hover_item(text, at));
        lines.extend(self.hover_source(uri, text, at));
        if lines.is_empty() {
            return None;
        }
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: lines.join("\n\n"),
            }),
            range: Some(range(text, span)),
        })
    }

    /// The sentence of the signed text a clause comes from, when the rule
    /// file cites its article and names its text (`texte`, beside it).
    fn hover_source(&self, uri: &str, text: &str, at: usize) -> Option<String> {
        let (convention, _) = crate::compile_on(0, text, self.today);
        let c = convention?;
        let named = c.text.as_ref()?;
        let cite = c.citation_at(Span::new(at, at))?;
        let file = file_path(uri)?;
        let path = std::path::Path::new(&file).parent()?.join(&named.value);
        let bytes = std::fs::read(path).ok()?;
        let (_, paras) = crate::draft::read::read(&named.value, &bytes).ok()?;
        let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
        let line_end = text.get(at..)?.find('\n').map_or(text.len(), |i| at + i);
        let line = text.get(line_start..line_end)?;
        let sentence = crate::draft::sentence_for(&paras, cite, line)?;
        Some(format!(
            "**{}** — « {} »",
            self.lang.tr(&cite.message()),
            sentence
        ))
    }

    /// What hovering a clause's line adds: on a code, its CHORUS format and
    /// whether it agrees with the programme; on a ceiling, what the schedule
    /// adds up to; on an amendment, what it changes.
    fn hover_item(&self, text: &str, at: usize) -> Vec<String> {
        let lang = self.lang;
        let (doc, _) = syntax::parse(0, text);
        let mut path: Vec<&Item> = Vec::new();
        let mut items = &doc.items;
        while let Some(item) = items.iter().find(|i| {
            let end = i.block.as_ref().map_or(i.span.end, |b| b.close.end);
            i.span.start <= at && at <= end
        }) {
            path.push(item);
            match &item.block {
                Some(b) if at < b.close.start => items = &b.items,
                _ => break,
            }
        }
        let Some(item) = path.last() else {
            return Vec::new();
        };
        let head = crate::language::keywords::fold(&item.head.text);
        let mut out = Vec::new();
        // A code of an imputation or envelope block, by the keyword tables
        // (`uo` is a centre financier).
        if let Some(field) =
            crate::language::keywords::named(crate::language::keywords::IMPUTATION, &item.head.text)
                .map(|f| f as usize)
        {
            let value = item.words().next().flatten().unwrap_or_default();
            if let Some((valid, format)) = crate::language::lints::CODE_FORMATS.get(field) {
                let verdict = if valid(value) {
                    "hover-code-valid"
                } else {
                    "hover-code-invalid"
                };
                let line = Message::new(verdict).arg("format", Message::new(format));
                out.push(lang.tr(&line).into_owned());
            }
            // The programme of the same block, else of the convention's
            // imputation (an envelope's codes follow it).
            let in_block = |p: &Item| -> Option<String> {
                let found = p
                    .block
                    .iter()
                    .flat_map(|b| &b.items)
                    .find(|i| i.head.text == "programme")?;
                found.words().next().flatten().map(str::to_owned)
            };
            let programme = path.iter().rev().find_map(|p| in_block(p)).or_else(|| {
                let imputation = path
                    .first()?
                    .block
                    .iter()
                    .flat_map(|b| &b.items)
                    .find(|i| i.head.text == "imputation")?;
                in_block(imputation)
            });
            if let (Some(programme), true) = (programme, field > 0) {
                let prefix = format!("{programme:0>4}");
                let agrees = value.starts_with(&prefix);
                let id = if agrees {
                    "hover-code-agrees"
                } else {
                    "hover-code-disagrees"
                };
                out.push(
                    lang.tr(&Message::new(id).arg("prefix", prefix.as_str()))
                        .into_owned(),
                );
            }
        }
        if head == "plafond" {
            let (convention, _) = crate::compile_on(0, text, self.today);
            if let Some(c) = convention {
                for budget in crate::language::model::Budget::BOTH {
                    let lines: Vec<_> = c.schedule.iter().filter(|l| l.budget == budget).collect();
                    if lines.is_empty() {
                        continue;
                    }
                    let sum: rust_decimal::Decimal = lines.iter().map(|l| l.amount).sum();
                    let cents = crate::money::to_cents(sum).unwrap_or_default();
                    let line = msg!("hover-schedule-sum", budget = budget.to_string())
                        .amount("sum", cents)
                        .count("years", lines.len());
                    out.push(lang.tr(&line).into_owned());
                }
            }
        }
        // A market: what its rows must carry, and whether its CHORUS
        // supplier number has the format (10 digits).
        if head == "marche" {
            let purpose = match item.values.first().map(|v| &v.kind) {
                Some(ValueKind::Text(p)) => p.as_str(),
                _ => "",
            };
            out.push(
                lang.tr(&msg!("hover-market", purpose = purpose))
                    .into_owned(),
            );
            let words: Vec<Option<&str>> = item.words().collect();
            let chorus = words
                .iter()
                .position(|w| w.is_some_and(|w| crate::language::keywords::fold(w) == "chorus"))
                .and_then(|i| words.get(i + 1).copied().flatten());
            if let Some(number) = chorus {
                let valid = number.len() == 10 && number.bytes().all(|b| b.is_ascii_digit());
                let id = if valid {
                    "hover-supplier-valid"
                } else {
                    "hover-supplier-invalid"
                };
                out.push(
                    lang.tr(&Message::new(id).arg("number", number))
                        .into_owned(),
                );
            }
        }
        if head == "avenant" {
            let changes: Vec<String> = item
                .block
                .iter()
                .flat_map(|b| &b.items)
                .filter_map(|i| text.get(i.span.start..i.span.end))
                .map(|line| format!("- `{}`", line.lines().next().unwrap_or_default().trim()))
                .collect();
            out.push(
                lang.tr(&Message::new("hover-amendment-changes"))
                    .into_owned(),
            );
            out.push(changes.join("\n"));
        }
        out
    }

    fn completion(&self, uri: &str, position: lsp::Position) -> Option<lsp::CompletionResponse> {
        let text = self.text(uri)?;
        let at = offset(text, position);
        let line_start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
        let before = text.get(line_start..at)?.trim_start();
        let words: Vec<&str> = before.split_whitespace().collect();
        let item = |label: &str, kind| lsp::CompletionItem {
            label: label.to_owned(),
            kind: Some(kind),
            ..Default::default()
        };
        // The names an amendment can name: envelopes and markets.
        let names = |clause: &str| -> Vec<lsp::CompletionItem> {
            let (doc, _) = syntax::parse(0, text);
            doc.items
                .iter()
                .flat_map(|c| c.block.iter().flat_map(|b| &b.items))
                .filter(|i| i.head.text == clause)
                .filter_map(|i| match i.values.first().map(|v| &v.kind) {
                    Some(ValueKind::Text(name)) => Some(item(
                        &format!("\"{name}\""),
                        lsp::CompletionItemKind::REFERENCE,
                    )),
                    _ => None,
                })
                .collect()
        };
        let items: Vec<lsp::CompletionItem> = match words.first().copied() {
            Some("enveloppe") if words.len() <= 2 => names("enveloppe"),
            Some("retire") if words.len() >= 2 && words.get(1) == Some(&"marché") => {
                names("marché")
            }
            // A waiver names a diagnostic code about a transaction row.
            Some("dérogation") if words.len() <= 2 => crate::diag::Code::ON_ROWS
                .iter()
                .map(|c| {
                    let mut i = item(c.as_str(), lsp::CompletionItemKind::ENUM_MEMBER);
                    i.detail = Some(self.lang.tr(&c.summary()).into_owned());
                    i
                })
                .collect(),
            // A period: its unit.
            Some("préavis" | "pour" | "reconduction") if words.len() >= 2 => {
                ["mois", "jours", "jours ouvrés", "an", "ans"]
                    .iter()
                    .map(|u| item(u, lsp::CompletionItemKind::UNIT))
                    .collect()
            }
            // A clause at the head of a line.
            _ if words.len() <= 1 => crate::language::keywords::CLAUSES
                .iter()
                .map(|c| {
                    let mut i = item(c.keyword, lsp::CompletionItemKind::KEYWORD);
                    let id = hover_id(c.keyword);
                    i.detail = Some(self.lang.tr(&Message::entry(id)).into_owned());
                    i
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(lsp::CompletionResponse::Array(items))
    }

    fn formatting(&self, uri: &str) -> Option<Vec<lsp::TextEdit>> {
        let text = self.text(uri)?;
        let formatted = crate::language::format::format(text).ok()?;
        if formatted == text {
            return Some(Vec::new());
        }
        Some(vec![lsp::TextEdit {
            range: range(text, Span::new(0, text.len())),
            new_text: formatted,
        }])
    }

    #[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written.
    fn outline(&self, uri: &str) -> Option<lsp::DocumentSymbolResponse> {
        let text = self.text(uri)?;
        let (doc, _) = syntax::parse(0, text);
        fn symbol(text: &str, item: &Item, depth: usize) -> lsp::DocumentSymbol {
            let detail = item.values.first().map(|v| match &v.kind {
                ValueKind::Text(t)
                | ValueKind::Word(t)
                | ValueKind::Date(t)
                | ValueKind::Money(t) => t.clone(),
            });
            let children = (depth < 1).then(|| {
                item.block
                    .iter()
                    .flat_map(|b| &b.items)
                    .filter(|i| OUTLINED.contains(&i.head.text.as_str()))
                    .map(|i| symbol(text, i, depth + 1))
                    .collect()
            });
            let span = item
                .block
                .as_ref()
                .map_or(item.span, |b| item.span.cover(b.close));
            lsp::DocumentSymbol {
                name: match &detail {
                    Some(d) => format!("{} {d}", item.head.text),
                    None => item.head.text.clone(),
                },
                detail: None,
                kind: if depth == 0 {
                    lsp::SymbolKind::MODULE
                } else {
                    lsp::SymbolKind::FIELD
                },
                tags: None,
                deprecated: None,
                range: range(text, span),
                selection_range: range(text, item.head.span),
                children,
            }
        }
        Some(lsp::DocumentSymbolResponse::Nested(
            doc.items.iter().map(|i| symbol(text, i, 0)).collect(),
        ))
    }

    fn definition(
        &self,
        uri: &Uri,
        position: lsp::Position,
    ) -> Option<lsp::GotoDefinitionResponse> {
        let text = self.text(uri.as_str())?;
        let at = offset(text, position);
        let (doc, _) = syntax::parse(0, text);
        let convention = doc.items.first()?;
        let items = &convention.block.as_ref()?.items;
        // The quoted name under the cursor, inside an amendment.
        let named = items
            .iter()
            .filter(|i| i.head.text == "avenant")
            .flat_map(|a| a.block.iter().flat_map(|b| &b.items))
            .flat_map(|i| i.values.iter())
            .find(|v| v.span.start <= at && at <= v.span.end)?;
        let ValueKind::Text(name) = &named.kind else {
            return None;
        };
        let target = items.iter().find(|i| {
            (i.head.text == "enveloppe" || i.head.text == "marché")
                && matches!(i.values.first().map(|v| &v.kind), Some(ValueKind::Text(t)) if t == name)
        })?;
        Some(lsp::GotoDefinitionResponse::Scalar(lsp::Location {
            uri: uri.clone(),
            range: range(text, target.head.span),
        }))
    }

    fn code_actions(&self, uri: &Uri, wanted: lsp::Range) -> Option<lsp::CodeActionResponse> {
        let text = self.text(uri.as_str())?;
        let (_, diags) = crate::compile_on(0, text, self.today);
        let (from, to) = (offset(text, wanted.start), offset(text, wanted.end));
        let actions = diags
            .iter()
            .filter_map(|d| {
                let fix = d.fix.as_ref()?;
                let span = d.clause.as_ref()?.span;
                if span.end < from || span.start > to {
                    return None;
                }
                let edit = lsp::TextEdit {
                    range: range(text, fix.span),
                    new_text: fix.replacement.clone(),
                };
                let title = msg!("lsp-fix", to = fix.replacement.as_str());
                Some(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: self.lang.tr(&title).into_owned(),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    is_preferred: Some(true),
                    edit: Some(lsp::WorkspaceEdit {
                        changes: Some([(uri.clone(), vec![edit])].into_iter().collect()),
                        ..Default::default()
                    }),
                    ..Default::default()
                }))
            })
            .collect();
        Some(actions)
    }
}

/// The clauses the outline lists under a convention.
const OUTLINED: &[&str] = &[
    "délégant",
    "délégataire",
    "durée",
    "plafond",
    "enveloppe",
    "marché",
    "imputation",
    "avenant",
    "dénonciation",
    "dérogation",
];

/// The catalogue entry that says what a keyword means.
/// The dates a term, a notice or a renewal computes: the end in force and
/// why, then each tacit renewal with the last day a notice stops it.
fn term_dates(view: &crate::language::view::View<'_>, lang: Lang) -> Vec<String> {
    use crate::language::view::{OpenEnd, renewal_steps};
    let Some(end) = view.end else {
        // No end in force: say how it goes on, and the first renewals.
        return match view.open_end() {
            Some(OpenEnd::Renewals(renewal, from)) => {
                let mut lines = vec![lang.tr(&Message::new("hover-open-renewals")).into_owned()];
                for step in renewal_steps(renewal, from).take(12) {
                    let line = Message::new("hover-renewal")
                        .arg("number", step.number.to_string())
                        .date("from", step.from)
                        .date("to", step.to)
                        .date("deadline", step.deadline.unwrap_or(step.from));
                    lines.push(lang.tr(&line).into_owned());
                }
                lines
            }
            Some(OpenEnd::Indefinite) => {
                vec![lang.tr(&Message::new("hover-open-indefinite")).into_owned()]
            }
            None => Vec::new(),
        };
    };
    let mut lines = vec![
        lang.tr(&msg!("hover-end", cause = end.cause.message()).date("end", end.date))
            .into_owned(),
    ];
    // At most 100 renewals: the first dozen say enough.
    for step in view.renewals.iter().take(12) {
        let deadline = step.deadline.unwrap_or(step.from);
        let line = if step.to <= end.date {
            Message::new("hover-renewal")
                .arg("number", step.number.to_string())
                .date("from", step.from)
                .date("to", step.to)
                .date("deadline", deadline)
        } else if step.from < end.date {
            Message::new("hover-renewal-cut")
                .arg("number", step.number.to_string())
                .date("from", step.from)
                .date("end", end.date)
        } else {
            Message::new("hover-renewal-stopped")
                .arg("number", step.number.to_string())
                .date("deadline", deadline)
        };
        lines.push(lang.tr(&line).into_owned());
        if step.to > end.date {
            break;
        }
    }
    lines
}

pub fn hover_id(keyword: &str) -> String {
    format!("hover-{}", crate::language::keywords::fold(keyword))
}

/// The keywords hover explains (catalogue entries [`hover_id`]).
pub fn hover_keywords() -> Vec<&'static str> {
    use crate::language::keywords::{CLAUSES, IMPUTATION, TERM, spelled};
    let mut words: Vec<&'static str> = CLAUSES
        .iter()
        .map(|c| c.keyword)
        .chain(spelled(TERM))
        .chain(spelled(IMPUTATION))
        .collect();
    // `uo` is a clause and a word of `imputation`.
    let mut seen = Vec::new();
    words.retain(|w| {
        let new = !seen.contains(w);
        seen.push(*w);
        new
    });
    words
}

/// The word (keyword, code) around a byte offset.
/// The path of a `file://` URI, its `%XX` escapes decoded (a Windows
/// path's drive, `/C:/…`, without its first slash).
fn file_path(uri: &str) -> Option<String> {
    let rest = uri.strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    let path = String::from_utf8(out).ok()?;
    let windows = path.get(2..3) == Some(":") && path.starts_with('/');
    Some(if windows {
        path.get(1..)?.to_owned()
    } else {
        path
    })
}

fn word_at(text: &str, at: usize) -> Option<(String, Span)> {
    let is_word = |c: char| c.is_alphanumeric() || "-_.'’".contains(c);
    let before = text.get(..at)?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(at, |(i, _)| i);
    let after = text.get(at..)?;
    let end = at + after.find(|c: char| !is_word(c)).unwrap_or(after.len());
    let word = text.get(start..end)?.trim_end_matches('.');
    (!word.is_empty()).then(|| (word.to_owned(), Span::new(start, start + word.len())))
}

/// The LSP position (line, UTF-16 column) of a byte offset.
pub fn position(text: &str, offset: usize) -> lsp::Position {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column: usize = before
        .get(line_start..)
        .unwrap_or_default()
        .chars()
        .map(char::len_utf16)
        .sum();
    lsp::Position::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

/// The byte offset of an LSP position (clamped to its line and the text).
pub fn offset(text: &str, position: lsp::Position) -> usize {
    let mut start = 0;
    for _ in 0..position.line {
        match text.get(start..).and_then(|t| t.find('\n')) {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line = text.get(start..).unwrap_or_default();
    let line = line
        .get(..line.find('\n').unwrap_or(line.len()))
        .unwrap_or_default();
    let mut units = 0;
    for (i, c) in line.char_indices() {
        if units >= position.character as usize {
            return start + i;
        }
        units += c.len_utf16();
    }
    start + line.len()
}

fn range(text: &str, span: Span) -> lsp::Range {
    lsp::Range::new(
        position(text, span.start),
        position(text, span.end.max(span.start)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "délégant \"€𝄞x\"\nfin";
        let p = position(text, text.find('x').unwrap());
        assert_eq!((p.line, p.character), (0, 13));
        assert_eq!(offset(text, p), text.find('x').unwrap());
        assert_eq!(offset(text, lsp::Position::new(1, 1)), text.len() - 2);
        assert_eq!(offset(text, lsp::Position::new(9, 0)), text.len());
    }

    #[test]
    fn words_under_the_cursor() {
        let text = "dérogation commitment.overpaid ej 1";
        assert_eq!(word_at(text, 14).unwrap().0, "commitment.overpaid");
        assert_eq!(word_at(text, 3).unwrap().0, "dérogation");
        assert_eq!(word_at(text, 2), None, "not a character boundary");
    }

    #[test]
    fn the_dates_of_a_term_without_an_end_in_force() {
        let renewed = "convention \"X\" {\n  signature 2016-01-08\n  durée {\n    effet signature\n    fin 2016-12-31\n    reconduction 1 an préavis 3 mois\n  }\n}\n";
        let (c, _) = crate::compile(0, renewed);
        let c = c.unwrap();
        let lines = term_dates(&crate::language::view::View::new(&c), Lang::En);
        assert_eq!(lines.len(), 13, "{lines:?}");
        assert!(lines[0].contains("renewed without limit"), "{lines:?}");
        assert!(
            lines[1].contains("2016-12-31") && lines[1].contains("2016-09-30"),
            "{lines:?}"
        );
        let open = renewed.replace(
            "fin 2016-12-31\n    reconduction 1 an préavis 3 mois",
            "indéterminée",
        );
        let (c, _) = crate::compile(0, &open);
        let lines = term_dates(&crate::language::view::View::new(&c.unwrap()), Lang::En);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("only a notice"), "{lines:?}");
    }
}
