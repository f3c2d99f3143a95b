//! Lowering: from the syntax tree to the typed [`Convention`] model.
//!
//! One function per clause. The grammar accepts any word where a keyword is
//! expected; this module decides, rejecting unknown words with a spanned
//! `clause.unknown` and a "did you mean". Every problem is reported, not the
//! first: a clause that cannot be lowered is skipped and the rest goes on.

use crate::i18n::Message;
use crate::msg;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic, SourceId};
use crate::language::keywords::{CLAUSES, ClauseKind, convention_clause_named, fold};
use crate::language::model::{Convention, Imputation, Notice, Restriction, Term};
use crate::language::syntax::{Document, Item};
use crate::span::{Span, Spanned};

mod amendment;
mod budget;
mod parties;
mod term;
mod values;

use values::{Form, Unknown};

/// Lowers one clause of a `convention` block (or of an amendment), by its
/// kind in the keyword table ([`CLAUSES`]).
fn lower_clause(
    cx: &mut Lowerer,
    kind: ClauseKind,
    item: &Item,
    c: &mut Convention,
    s: &mut OnceSlots,
) {
    match kind {
        ClauseKind::Nor => {
            let v = cx.code_at(item, 0, Message::new("what-nor"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.nor, v, item);
        }
        ClauseKind::Signature => {
            let v = cx.date_at(item, 0, Message::new("what-signature"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.signature, v, item);
        }
        ClauseKind::LegalBasis => {
            let v = cx.text_at(item, 0, Message::new("what-legal-basis"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.legal_basis, v, item);
        }
        ClauseKind::Delegant => c.delegants.extend(cx.party(item)),
        ClauseKind::Delegataire => c.delegataires.extend(cx.party(item)),
        ClauseKind::Market => {
            c.markets.extend(cx.market(item));
        }
        ClauseKind::Uo => {
            let v = cx.code_at(item, 0, Message::new("what-uo"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.uo, v, item);
        }
        ClauseKind::Term => {
            let v = cx.term(item);
            once(cx, &mut s.term, v, item);
        }
        ClauseKind::Ceiling => cx.ceiling(item, c),
        ClauseKind::Schedule => cx.schedule(item, c),
        ClauseKind::Accountant => {
            let v = cx.text_at(item, 0, Message::new("what-accountant"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.accountant, v, item);
        }
        ClauseKind::Imputation => {
            let v = cx.imputation(item);
            once(cx, &mut s.imputation, v, item);
        }
        ClauseKind::Envelope => {
            if let Some(e) = cx.envelope(item, c) {
                c.envelopes.push(e);
            }
        }
        ClauseKind::Title => {
            let v = cx.restriction(item, Nature::Title);
            once(cx, &mut s.titles, v, item);
        }
        ClauseKind::Account => {
            let v = cx.restriction(item, Nature::Account);
            once(cx, &mut s.accounts, v, item);
        }
        ClauseKind::Delegation => {
            let v = cx.delegation(item);
            once(cx, &mut s.delegation, v, item);
        }
        ClauseKind::Notice => {
            let v = cx.notice(item);
            once(cx, &mut s.notice, v, item);
        }
        ClauseKind::Frame => {
            let v = cx.text_at(item, 0, Message::new("what-frame"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.frame, v, item);
        }
        ClauseKind::Publication => {
            let v = cx.text_at(item, 0, Message::new("what-publication"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.publication, v, item);
        }
        ClauseKind::Reporting => {
            let v = cx.text_at(item, 0, Message::new("what-reporting"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.reporting, v, item);
        }
        ClauseKind::Amendment => {
            c.amendments.extend(cx.amendment(item));
        }
        ClauseKind::Termination => {
            let v = cx.termination(item);
            once(cx, &mut s.termination, v, item);
        }
        ClauseKind::Waiver => {
            c.waivers.extend(cx.waiver(item));
        }
        ClauseKind::Text => {
            let v = cx.text_at(item, 0, Message::new("what-text"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.text, v, item);
        }
    }
}

/// What a restriction of the nature of expenses names.
#[derive(Clone, Copy)]
pub(super) enum Nature {
    /// Budget titles, 1 to 7.
    Title,
    /// PCE accounts, or their first digits.
    Account,
}

impl Nature {
    fn valid(self, word: &str) -> bool {
        match self {
            Nature::Title => matches!(word.parse::<u8>(), Ok(1..=7)) && word.len() == 1,
            Nature::Account => {
                (1..=10).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
            }
        }
    }
}

/// Lowers a parsed rule file. `syntax_errors` are the spans of the lines
/// that syntax errors blanked: missing clauses are then not reported, since
/// they may be on those lines, and a block holding one is known broken.
pub fn lower(
    source: SourceId,
    doc: &Document,
    syntax_errors: &[Span],
) -> (Option<Convention>, Vec<Diagnostic>) {
    let mut cx = Lowerer {
        source,
        complete: syntax_errors.is_empty(),
        syntax_errors: syntax_errors.to_vec(),
        schedule_broken: false,
        diags: Vec::new(),
    };
    let mut convention = None;
    for item in &doc.items {
        if cx.complete && convention_clause_named(&item.head.text).is_some() {
            // A clause after the convention's closing brace (or before it
            // opens): it belongs inside the block. (After a syntax error, the
            // blocks may have been read wrong: the clause is then unknown.)
            cx.diags.push(
                Diagnostic::new(
                    Code::ClauseUnknown,
                    msg!("clause-outside-convention", word = item.head.text.as_str()),
                )
                .at_clause(
                    source,
                    item.head.span,
                    Message::new("clause-outside-convention-label"),
                )
                .help(Message::new("clause-outside-convention-help")),
            );
        } else if fold(&item.head.text) != "convention" {
            cx.unknown(item, &["convention"]);
        } else if convention.is_some() {
            cx.diags.push(
                Diagnostic::new(
                    Code::ClauseDuplicate,
                    Message::new("one-convention-per-file"),
                )
                .at_clause(
                    source,
                    item.head.span,
                    Message::new("second-convention-label"),
                )
                .help(Message::new("one-convention-per-file-help")),
            );
        } else {
            convention = Some(cx.convention(item));
        }
    }
    // The sentences `clausier draft` left to complete.
    for comment in &doc.comments {
        let text = comment.text.trim();
        if fold(text).starts_with("a completer") {
            let sentence = text
                .split_once(['«', ':'])
                .map_or(text, |(_, s)| s)
                .trim()
                .trim_start_matches(['«', ' '])
                .trim_end_matches(['»', ' ']);
            cx.diags.push(
                Diagnostic::new(Code::DraftTodo, msg!("draft-todo", sentence = sentence))
                    .at_clause(source, comment.span, Message::new("draft-todo-label"))
                    .help(Message::new("draft-todo-help")),
            );
        }
    }
    if convention.is_none() && cx.complete {
        cx.diags.push(
            Diagnostic::new(Code::ClauseMissing, Message::new("no-convention"))
                .at_clause(
                    source,
                    Span::new(0, 0),
                    Message::new("expected-convention-label"),
                )
                .help(Message::new("no-convention-help")),
        );
    }
    (convention, cx.diags)
}

struct Lowerer {
    source: SourceId,
    complete: bool,
    syntax_errors: Vec<Span>,
    /// An amendment's schedule was broken.
    schedule_broken: bool,
    diags: Vec<Diagnostic>,
}

/// Keeps the first occurrence of a once-only clause and reports the others.
fn once<T>(cx: &mut Lowerer, slot: &mut Option<(T, Span)>, value: Option<T>, item: &Item) {
    let Some(value) = value else { return };
    if let Some((_, first)) = slot {
        cx.stated_twice(item, *first);
    } else {
        *slot = Some((value, item.head.span));
    }
}

impl Lowerer {
    /// `item` states again what `first` stated.
    fn stated_twice(&mut self, item: &Item, first: Span) {
        let cx = self;
        cx.diags.push(
            Diagnostic::new(
                Code::ClauseDuplicate,
                msg!("stated-twice", clause = item.head.text.as_str()),
            )
            .at_clause(
                cx.source,
                item.head.span,
                Message::new("stated-again-label"),
            )
            .related(cx.source, first, Message::new("first-stated-label"))
            .help(Message::new("keep-one-help")),
        );
    }
}

impl Lowerer {
    fn convention(&mut self, item: &Item) -> Convention {
        let title = self
            .text_at(item, 0, Message::new("what-title"))
            .unwrap_or_else(|| Spanned::new(String::new(), item.head.span));
        self.no_more_values(item, 1);
        let mut c = self.convention_shell(item);
        c.title = title;
        let Some(block) = &item.block else {
            self.diags.push(
                Diagnostic::new(Code::ValueInvalid, Message::new("no-clauses"))
                    .at_clause(self.source, item.span, Message::new("expected-block-label"))
                    .help(Message::new("no-clauses-help")),
            );
            return c;
        };
        let mut once_slots = OnceSlots::default();
        for clause in &block.items {
            self.convention_clause(clause, &mut c, &mut once_slots);
        }
        once_slots.apply(&mut c);
        self.citations(item, &mut c.citations);
        c.schedule_broken |= self.schedule_broken;
        resolve_term(&mut c);
        let present: Vec<String> = block
            .items
            .iter()
            .map(|i| fold(&i.head.text).into_owned())
            .collect();
        self.require_clauses(&present, item);
        c
    }

    /// The citations of the signed text in `item` and its blocks, outer
    /// ones first.
    fn citations(&mut self, item: &Item, out: &mut Vec<crate::language::model::Cited>) {
        if let Some(cite) = &item.citation {
            match crate::language::cite::parse(&cite.text) {
                Ok(citation) => {
                    let end = item.block.as_ref().map_or(cite.span.end, |b| b.close.end);
                    out.push(crate::language::model::Cited {
                        extent: Span::new(item.span.start, end.max(cite.span.end)),
                        citation: Spanned::new(citation, cite.span),
                    });
                }
                Err(part) => self.diags.push(
                    Diagnostic::new(
                        Code::ValueInvalid,
                        msg!("citation-malformed", part = part.as_str()),
                    )
                    .at_clause(
                        self.source,
                        cite.span,
                        Message::new("citation-malformed-label"),
                    )
                    .help(Message::new("citation-malformed-help")),
                ),
            }
        }
        for child in item.block.iter().flat_map(|b| &b.items) {
            self.citations(child, out);
        }
    }

    fn convention_clause(&mut self, item: &Item, c: &mut Convention, s: &mut OnceSlots) {
        let Some(clause) = convention_clause_named(&item.head.text) else {
            let names: Vec<&str> = CLAUSES.iter().map(|c| c.keyword).collect();
            self.unknown(item, &names);
            return;
        };
        lower_clause(self, clause.kind, item, c, s);
        if !clause.block {
            self.no_block(item);
        }
    }

    /// Reports mandatory clauses whose keyword does not appear at all (a
    /// clause that appears but could not be lowered was reported already).
    fn require_clauses(&mut self, present: &[String], item: &Item) {
        if !self.complete {
            return;
        }
        let mandatory = [
            ("signature", "signature 2017-08-24"),
            ("délégant", "délégant \"Direction …\""),
            ("délégataire", "délégataire \"Direction …\""),
            ("durée", "durée { effet signature  fin 2018-12-31 }"),
            ("imputation", "imputation { programme 124 … }"),
        ];
        for (name, example) in mandatory {
            if !present.iter().any(|p| *p == fold(name)) {
                self.diags.push(
                    Diagnostic::new(Code::ClauseMissing, msg!("clause-missing", clause = name))
                        .at_clause(
                            self.source,
                            item.head.span,
                            msg!("missing-here-label", clause = name),
                        )
                        .help(msg!("clause-missing-help", example = example)),
                );
            }
        }
    }

    /// An empty convention: the start of lowering one, or a scratch one to
    /// lower an amendment's clauses into.
    fn convention_shell(&self, item: &Item) -> Convention {
        Convention {
            source: self.source,
            title: Spanned::new(String::new(), item.span),
            nor: None,
            signature: None,
            legal_basis: None,
            delegants: Vec::new(),
            delegataires: Vec::new(),
            markets: Vec::new(),
            uo: None,
            term: None,
            ceilings: Vec::new(),
            schedule: Vec::new(),
            accountant: None,
            imputation: Imputation::default(),
            envelopes: Vec::new(),
            titles: None,
            accounts: None,
            delegation: None,
            notice: None,
            publication: None,
            frame: None,
            reporting: None,
            amendments: Vec::new(),
            termination: None,
            waivers: Vec::new(),
            text: None,
            citations: Vec::new(),
            schedule_broken: false,
            span: item.span,
        }
    }
}

/// The once-only clauses of a convention while its block is lowered, each
/// with the span of its first statement.
#[derive(Default)]
struct OnceSlots {
    nor: Option<(Spanned<String>, Span)>,
    signature: Option<(Spanned<NaiveDate>, Span)>,
    legal_basis: Option<(Spanned<String>, Span)>,
    uo: Option<(Spanned<String>, Span)>,
    term: Option<(Term, Span)>,
    accountant: Option<(Spanned<String>, Span)>,
    imputation: Option<(Imputation, Span)>,
    titles: Option<(Restriction, Span)>,
    accounts: Option<(Restriction, Span)>,
    delegation: Option<(crate::language::model::Delegation, Span)>,
    notice: Option<(Notice, Span)>,
    publication: Option<(Spanned<String>, Span)>,
    frame: Option<(Spanned<String>, Span)>,
    reporting: Option<(Spanned<String>, Span)>,
    termination: Option<(crate::language::model::Termination, Span)>,
    text: Option<(Spanned<String>, Span)>,
}

impl OnceSlots {
    fn apply(self, c: &mut Convention) {
        c.nor = self.nor.map(|(v, _)| v);
        c.titles = self.titles.map(|(v, _)| v);
        c.accounts = self.accounts.map(|(v, _)| v);
        c.signature = self.signature.map(|(v, _)| v);
        c.legal_basis = self.legal_basis.map(|(v, _)| v);
        c.uo = self.uo.map(|(v, _)| v);
        c.term = self.term.map(|(v, _)| v);
        c.accountant = self.accountant.map(|(v, _)| v);
        c.imputation = self.imputation.map(|(v, _)| v).unwrap_or_default();
        c.delegation = self.delegation.map(|(v, _)| v);
        c.notice = self.notice.map(|(v, _)| v);
        c.publication = self.publication.map(|(v, _)| v);
        c.frame = self.frame.map(|(v, _)| v);
        c.reporting = self.reporting.map(|(v, _)| v);
        c.termination = self.termination.map(|(v, _)| v);
        c.text = self.text.map(|(v, _)| v);
    }
}

/// A term given as a duration from the signature gets its end date once
/// the signature is known.
fn resolve_term(c: &mut Convention) {
    let start = c.effective_start();
    if let Some(term) = &mut c.term
        && let (Some(d), Some(start)) = (&term.duration, start)
        && let Some(end) = d.value.after(start)
    {
        term.end = Some(Spanned::new(end, d.span));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::keywords::CLAUSES;
    use crate::language::model::WaiverKey;
    use crate::language::syntax;

    const SEED: &str = include_str!("../../../rules/dsi-dinsic-incubateur-2017.conv");

    fn lowered(text: &str) -> (Option<Convention>, Vec<Diagnostic>) {
        let (doc, errors) = syntax::parse(0, text);
        assert!(errors.is_empty(), "{errors:?}");
        lower(0, &doc, &[])
    }

    /// The seed with `extra` added before its closing brace.
    fn seed_with(extra: &str) -> String {
        let end = SEED.rfind('}').unwrap();
        format!("{}{extra}\n}}\n", &SEED[..end])
    }

    fn codes(diags: &[Diagnostic]) -> Vec<Code> {
        diags.iter().map(|d| d.code).collect()
    }

    #[test]
    fn the_seed_lowers_without_a_finding() {
        let (c, diags) = lowered(SEED);
        assert!(diags.is_empty(), "{diags:?}");
        let c = c.unwrap();
        assert_eq!(c.markets.len(), 2);
        assert_eq!(c.ceilings.len(), 2);
        assert_eq!(c.schedule.len(), 4);
        assert_eq!(
            c.signature.map(|s| s.value),
            NaiveDate::from_ymd_opt(2017, 8, 24)
        );
        assert_eq!(
            c.delegants[0].acronym.clone().map(|a| a.value).as_deref(),
            Some("DSI")
        );
    }

    #[test]
    fn every_clause_of_the_table_is_lowered_by_its_kind() {
        // Each keyword of the table, written in any case and without its
        // accents, is known: never `clause.unknown`.
        for clause in CLAUSES {
            let written = crate::language::keywords::fold(clause.keyword).to_uppercase();
            let (_, diags) = lowered(&seed_with(&format!("  {written}")));
            assert!(
                !codes(&diags).contains(&Code::ClauseUnknown),
                "{}: {diags:?}",
                clause.keyword
            );
        }
    }

    #[test]
    fn an_unknown_clause_is_named_with_the_closest_keyword() {
        let (_, diags) = lowered(&seed_with("  plafnd AE 1 €"));
        assert_eq!(codes(&diags), [Code::ClauseUnknown]);
        assert_eq!(diags[0].help, Some(msg!("did-you-mean", word = "plafond")));
    }

    #[test]
    fn a_once_only_clause_stated_twice_points_at_both() {
        let (_, diags) = lowered(&seed_with("  comptable \"un autre\""));
        assert_eq!(codes(&diags), [Code::ClauseDuplicate]);
        assert_eq!(diags[0].related.len(), 1);
    }

    #[test]
    fn a_value_missing_or_of_the_wrong_form_gets_the_help_of_its_form() {
        let help = |extra: &str| {
            let (_, diags) = lowered(&seed_with(extra));
            assert_eq!(codes(&diags), [Code::ValueInvalid], "{extra}: {diags:?}");
            diags[0]
                .help
                .clone()
                .and_then(|h| h.id().map(str::to_owned))
        };
        // A text, missing or unquoted.
        assert_eq!(help("  suivi").as_deref(), Some("value-help-text"));
        assert_eq!(help("  suivi mensuel").as_deref(), Some("value-help-text"));
        // A date.
        assert_eq!(
            help("  dénonciation 2018 par délégant").as_deref(),
            Some("value-help-date")
        );
        // An amount without its currency is a value of the wrong form too.
        assert_eq!(
            help("  plafond AE abc").as_deref(),
            Some("value-help-amount")
        );
    }

    #[test]
    fn a_waiver_names_an_ej_or_a_dp() {
        let (c, diags) = lowered(&seed_with(
            "  dérogation market.unknown DP 42 { motif \"accepté\" }",
        ));
        assert!(diags.is_empty(), "{diags:?}");
        let key = &c.unwrap().waivers[0].key.value;
        assert_eq!((key.0, key.1.as_str()), (WaiverKey::Dp, "42"));
        let (_, diags) = lowered(&seed_with(
            "  dérogation market.unknown titre 42 { motif \"accepté\" }",
        ));
        assert_eq!(codes(&diags), [Code::ValueInvalid]);
    }

    #[test]
    fn an_amendment_may_restate_only_the_clauses_marked_so() {
        let (_, diags) = lowered(&seed_with(
            "  avenant 1 {\n    effet 2018-01-01\n    plafond AE 500 000 €\n  }",
        ));
        assert!(diags.is_empty(), "{diags:?}");
        let (_, diags) = lowered(&seed_with(
            "  avenant 1 {\n    effet 2018-01-01\n    comptable \"autre\"\n  }",
        ));
        assert_eq!(codes(&diags), [Code::ClauseUnknown]);
    }
}
