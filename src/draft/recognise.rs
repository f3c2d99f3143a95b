//! The recognisers: each looks for the sentences of one kind of clause in
//! the cleaned paragraphs of a convention's text.

use std::sync::OnceLock;

use regex::Regex;

use super::read::{Para, Place};
use super::words;
use super::{Draft, Extracted, Format, Kind, Todo};
use crate::diag::Citation;

/// A paragraph cleaned for matching, with its article.
#[derive(Clone)]
struct Clean {
    /// One line: no-break spaces, apostrophes and cut words mended.
    flat: String,
    /// Its lines, cleaned each.
    lines: Vec<String>,
    cells: Vec<String>,
    place: Place,
    article: Option<Citation>,
    /// The envelope its clauses belong to (`Enveloppe « fonctionnement »`).
    envelope: Option<String>,
    /// A heading (`Article 4`), a party's paragraph, or used by a
    /// recogniser: no `à compléter` for it.
    used: bool,
}

/// A recogniser's pattern. The patterns are this file's constants, each
/// tested; one that did not compile would match nothing rather than stop
/// the run.
pub(super) struct Pattern(Option<Regex>);

impl Pattern {
    fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        self.0.as_ref()?.captures(text)
    }

    fn captures_iter<'r, 't>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Captures<'t>> + use<'r, 't> {
        self.0.iter().flat_map(move |r| r.captures_iter(text))
    }

    fn find<'t>(&self, text: &'t str) -> Option<regex::Match<'t>> {
        self.0.as_ref()?.find(text)
    }

    fn is_match(&self, text: &str) -> bool {
        self.0.as_ref().is_some_and(|r| r.is_match(text))
    }
}

fn re(cell: &'static OnceLock<Pattern>, pattern: &str) -> &'static Pattern {
    cell.get_or_init(|| Pattern(Regex::new(pattern).ok()))
}

macro_rules! pattern {
    ($name:ident, $p:expr) => {
        fn $name() -> &'static Pattern {
            static CELL: OnceLock<Pattern> = OnceLock::new();
            re(&CELL, $p)
        }
    };
}

/// An amount in figures: `400 000 €`, `1 234,56 euros`.
const AMOUNT: &str = r"\b(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d{1,2}))?\s*(?:€|euros?\b|EUR\b)";
const CODE: &str = r"\d{4}-[A-Z0-9]{2,}-[A-Z0-9]{2,}";

pattern!(
    article_heading,
    // `Article 1 1`: a PDF's kerning may set a number's digits apart.
    r"^(?i:article)\s+(\d(?: ?\d)*(?:er|-\d+)?|premier|[IVX]+)\b\s*(?:[-–—:.]\s*(.*))?$"
);
pattern!(
    annex_heading,
    r"^(?i:annexe)\s*(\d+|[IVX]+)?\s*(?:[-–—:.]\s*(.*))?$"
);
pattern!(amount_re, AMOUNT);
pattern!(envelope_re, r"^(?i:enveloppe)\s*«\s*([^»]+?)\s*»");
pattern!(
    frame_re,
    r"(?i)dans\s+le\s+cadre\s+de\s+la\s+(convention\s+cadre\s+[^,.;]+)"
);
pattern!(
    budgets_only,
    r"(?i)seul(?:e)?s?\s+les\s+(crédits\s+de\s+paiement|autorisations\s+d'engagement)\s+(?:sont|est)\s+délégué"
);
pattern!(code_re, CODE);
pattern!(nor_re, r"\bNOR\s*:?\s*([A-Z]{4}\d{7}[A-Z])\b");
pattern!(
    legal_re,
    r"(?i)décret\s+n°\s*2004-1085\s+du\s+14\s+octobre\s+2004(\s+(?:modifié\s+)?relatif\s+à\s+la\s+délégation\s+de\s+gestion\s+dans\s+les\s+services\s+de\s+l'(?:É|E)tat)?"
);
pattern!(
    sigle_re,
    r"(?i)ci-?\s?après\s+(?:dénommée?s?|désignée?s?)(?:\s+sous\s+le\s+terme\s+de)?\s*«\s*(?:la |le |l')?([^»]+?)\s*»"
);
pattern!(acronym_re, r"\(([A-Z][A-Z0-9-]{1,15})\)");
pattern!(
    role_re,
    r"(?:la |le |l')?\b([A-Z][A-Z0-9-]{1,15}),?\s+(?:service\s+|en\s+qualité\s+de\s+)?(délégant|délégataire)s?\b"
);
pattern!(
    market_colon,
    r"(?:^|[–•;-]\s*)([^:;–•]{2,60}?)\s*:\s*titulaire\s*:?\s*(.+?)\s*[–,-]\s*(?:n°|numéro)\s*(?i:chorus)\s*:?\s*(\d{10})"
);
pattern!(
    market_named,
    r"(?i)marché\s+«\s*([^»]+?)\s*»[^;.]*?titulaire\s*:?\s*(.+?)\s*[,;–-]\s*(?:n°|numéro)\s*chorus\s*:?\s*(\d{10})"
);
pattern!(
    uo_re,
    concat!(r"\bUO\s+(", r"\d{4}-[A-Z0-9]{2,}-[A-Z0-9]{2,}", r")")
);
pattern!(
    exec_re,
    r"(?i)service\s+exécutant\s*:?\s*([A-Z0-9]{6,12})\b"
);
pattern!(
    effect_signature,
    r"(?i)prend(?:ra)?\s+effet\s+(?:à\s+(?:la|compter\s+de\s+la)\s+date\s+de\s+(?:sa\s+)?signature|à\s+compter\s+de\s+sa\s+signature|dès\s+sa\s+signature)"
);
pattern!(
    effect_date,
    r"(?i)prend(?:ra)?\s+effet\s+(?:le|à\s+compter\s+du|au)\s+"
);
pattern!(
    end_date,
    r"(?i)(?:jusqu'au|prend(?:ra)?\s+fin\s+le|expire(?:ra)?\s+le|au\s+plus\s+tard\s+le)\s+"
);
pattern!(
    duration_re,
    r"(?i)pour\s+une\s+durée\s+(?:de\s+|d')(\S+(?:\s+\S+)?)\s+(ans?|années?|mois)\b"
);
pattern!(indefinite_re, r"(?i)durée\s+indéterminée");
pattern!(
    renewal_re,
    r"(?i)(?:tacite\s+reconduction|reconduite?\s+tacitement|renouvelée?\s+tacitement)"
);
pattern!(renewal_times, r"(?i)\b(\S+)\s+fois\b");
pattern!(
    renewal_notice,
    r"(?i)(\S+(?:\s+\S+)?)\s+mois\s+avant\s+(?:son|le|l'échéance|la\s+date)"
);
pattern!(
    notice_re,
    r"(?i)préavis\s+(?:de\s+|d')(\S+(?:\s+\S+)?)\s+mois"
);
pattern!(
    programme_re,
    r"(?i)\bprogramme\s+(?:n°\s*)?(\d{3})\b(?:\s*«\s*([^»]+?)\s*»)?"
);
pattern!(
    cf_re,
    concat!(
        r"(?i)centre\s+financier\s*:?\s*(",
        r"\d{4}-[A-Z0-9]{2,}-[A-Z0-9]{2,}",
        r")"
    )
);
pattern!(bop_re, r"(?i)\bBOP\s*:?\s*(\d{4}-[A-Z0-9]{2,})\b");
pattern!(
    df_re,
    r"(?i)domaine\s+fonctionnel\s*:?\s*(\d{4}-[0-9A-Z-]+)"
);
pattern!(activity_re, r"(?i)activité\s*:?\s*(\d{12})\b");
pattern!(
    cost_re,
    r"(?i)centre\s+de\s+coûts?\s*:?\s*([A-Z0-9]{6,12})\b"
);
pattern!(
    accountant_re,
    r"(?i)comptable\s+assignataire[^.]*?\s+est\s+(?:le\s+|la\s+|l')?(.+?)\.?$"
);
pattern!(
    publication_re,
    r"(?i)publiée?\s+(?:au|dans\s+le|sur\s+le)\s+(.+?)(?:,|\.|\s+conformément|$)"
);
pattern!(
    title_re,
    r"(?i)^(?:convention|avenant)\b.*?\b(?:relative?|relatif)\s+(?:à\s+la\s+|à\s+l'|au\s+|aux\s+|à\s+)(.+)$"
);
pattern!(avenant_re, r"(?i)^avenant\s+n°\s*(\d+)");
pattern!(
    excluded_title,
    r"(?i)(?:hors|à\s+l'exclusion\s+des\s+dépenses\s+de)\s+titre\s+(\d)"
);
pattern!(titles_re, r"(?i)\btitres?\s+(\d)\b");
pattern!(receipts_re, r"(?i)\brecettes\b");
pattern!(chorus_number, r"\b\d{10}\b");

/// Cleans a line: no-break spaces, apostrophes, `n°`, replacement characters.
fn clean_line(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t' => s.push(' '),
            '’' | '‘' | 'ʼ' => s.push('\''),
            '\u{fffd}' | '\u{ad}' => {}
            c if c.is_control() => {}
            c => s.push(c),
        }
    }
    // `n°` written `no` or `nº` before a number; a heading's capital
    // set apart by the PDF's kerning (`A venant`).
    let mut s = s.replace("nº", "n°").replace("A venant", "Avenant");
    // A first capital set apart the same way (`C onvention`, `V u`), not
    // the preposition `A` (`A compter du…`).
    let mut chars = s.chars();
    if let (Some(first), Some(' '), Some(third)) = (chars.next(), chars.next(), chars.next())
        && first.is_uppercase()
        && !matches!(first, 'A' | 'À' | 'Y' | 'O')
        && third.is_lowercase()
    {
        s = format!("{first}{}", s.get(first.len_utf8() + 1..).unwrap_or(""));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(i) = rest.find("no ") {
        let before_ok = i == 0 || rest[..i].ends_with(' ') || rest[..i].ends_with('(');
        let after = rest[i + 3..].trim_start();
        out.push_str(&rest[..i]);
        if before_ok && after.starts_with(|c: char| c.is_ascii_digit()) {
            out.push_str("n° ");
        } else {
            out.push_str("no ");
        }
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    spaced_capitals(&out.split_whitespace().collect::<Vec<_>>())
}

/// Words joined by spaces, a run of three or more single capitals made one
/// word again (a PDF's spaced heading: `D A J` is `DAJ`).
fn spaced_capitals(words: &[&str]) -> String {
    let single = |w: &&str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    };
    let mut out = String::new();
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let run = words
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|w| single(w))
            .count();
        if !out.is_empty() {
            out.push(' ');
        }
        if run >= 3 {
            for w in words.get(i..i + run).unwrap_or_default() {
                out.push_str(w);
            }
            i += run;
        } else {
            out.push_str(w);
            i += 1;
        }
    }
    out
}

/// The second words of compounds a line may break at their hyphen.
const COMPOUNDS: &[&str] = &["après", "ci", "là", "delà", "dessus", "dessous"];

/// The first words of compounds a line may break at their hyphen
/// (`sous-délégation`, `start-up`).
const PREFIXES: &[&str] = &[
    "sous", "vice", "demi", "semi", "non", "avant", "après", "arrière", "contre", "start", "grand",
];

/// Joins a paragraph's lines into one: a word cut by a hyphen at a line's
/// end (or before a space the PDF left) is mended.
fn join(lines: &[String]) -> String {
    let mut flat = String::new();
    for line in lines {
        if flat.is_empty() {
            flat.push_str(line);
            continue;
        }
        // A word cut at the line's end, not a compound broken at its
        // hyphen (`ci-après`, `celle-ci`): the part before has more than
        // three letters.
        let before: String = flat
            .trim_end_matches('-')
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let compound = COMPOUNDS.iter().any(|w| {
            line.starts_with(w)
                && line
                    .get(w.len()..)
                    .is_none_or(|r| !r.starts_with(char::is_alphabetic))
        });
        let prefix = PREFIXES
            .iter()
            .any(|p| before.chars().rev().collect::<String>().to_lowercase() == *p);
        let cut = flat.ends_with('-')
            && before.chars().count() > 3
            && !prefix
            && !compound
            && line.starts_with(|c: char| c.is_lowercase());
        // Else a compound or a code broken at its hyphen (`ci-` `après`,
        // `0129-` `01`, `CSP-` `SDLAC`) is joined with its hyphen.
        if cut {
            flat.pop();
        } else if !flat.ends_with('-') {
            flat.push(' ');
        }
        flat.push_str(line);
    }
    // `infor- mation`, as some PDFs lay it out.
    let mut out = String::with_capacity(flat.len());
    let chars: Vec<char> = flat.chars().collect();
    let mut skip = 0;
    for (i, c) in chars.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let at = |k: usize| chars.get(k).copied();
        let before = chars
            .get(..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count();
        let after: String = chars
            .get(i + 2..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if *c == '-'
            && before > 3
            && !COMPOUNDS.contains(&after.as_str())
            && i.checked_sub(1)
                .and_then(at)
                .is_some_and(char::is_lowercase)
            && at(i + 1) == Some(' ')
            && at(i + 2).is_some_and(char::is_lowercase)
            && !(at(i + 2) == Some('e') && at(i + 3) == Some('t'))
        {
            skip = 1;
            continue;
        }
        out.push(*c);
    }
    out
}

fn citation_of(number: &str) -> Citation {
    let n = if number.eq_ignore_ascii_case("premier") {
        "1er"
    } else {
        number
    };
    Citation {
        article: Some(n.to_owned()),
        paragraph: None,
        annex: None,
    }
}

/// Cleans the paragraphs and cuts them into articles: a line that is an
/// article's heading starts a paragraph of its own.
fn prepare(paras: &[Para]) -> Vec<Clean> {
    let mut out = Vec::new();
    let mut article: Option<Citation> = None;
    let mut annex: Option<String> = None;
    for p in paras {
        let lines: Vec<String> = p
            .text
            .lines()
            .map(clean_line)
            .filter(|l| !l.is_empty())
            .collect();
        let mut current: Vec<String> = Vec::new();
        let mut place = p.place;
        let push = |current: &mut Vec<String>,
                    place: Place,
                    article: &Option<Citation>,
                    out: &mut Vec<Clean>| {
            if current.is_empty() {
                return;
            }
            let lines = std::mem::take(current);
            out.push(Clean {
                flat: join(&lines),
                lines,
                cells: p.cells.iter().map(|c| clean_line(c)).collect(),
                place,
                article: article.clone(),
                used: false,
                envelope: None,
            });
        };
        for (k, line) in lines.iter().enumerate() {
            let heading = if p.cells.is_empty() {
                article_heading().captures(line)
            } else {
                None
            };
            let annex_heading = if p.cells.is_empty() && line.len() < 80 {
                annex_heading().captures(line)
            } else {
                None
            };
            if let Some(h) = heading {
                push(&mut current, place, &article, &mut out);
                let number = h
                    .get(1)
                    .map_or(String::new(), |m| m.as_str().replace(' ', ""));
                let mut cite = citation_of(&number);
                cite.annex = annex.clone();
                article = Some(cite);
                out.push(Clean {
                    flat: line.clone(),
                    lines: vec![line.clone()],
                    cells: Vec::new(),
                    place: Place {
                        page: p.place.page,
                        line: p.place.line + u32::try_from(k).unwrap_or(0),
                    },
                    article: article.clone(),
                    used: true,
                    envelope: None,
                });
                place.line = p.place.line + u32::try_from(k + 1).unwrap_or(0);
            } else if let Some(h) = annex_heading {
                push(&mut current, place, &article, &mut out);
                annex = Some(h.get(1).map_or(String::new(), |m| m.as_str().to_owned()));
                article = Some(Citation {
                    article: None,
                    paragraph: None,
                    annex: annex.clone(),
                });
                place.line = p.place.line + u32::try_from(k + 1).unwrap_or(0);
            } else {
                // The signatures close the articles: "Fait à Paris, le …".
                if line.starts_with("Fait ") || line.starts_with("Fait,") {
                    push(&mut current, place, &article, &mut out);
                    place.line = p.place.line + u32::try_from(k).unwrap_or(0);
                    article = None;
                }
                current.push(line.clone());
            }
        }
        push(&mut current, place, &article, &mut out);
    }
    // The envelopes: from `Enveloppe « X »` to the next envelope or article.
    let mut envelope: Option<String> = None;
    for c in &mut out {
        if c.used && c.cells.is_empty() && article_heading().is_match(&c.flat) {
            envelope = None;
        }
        if let Some(name) = envelope_re().captures(&c.flat).and_then(|x| x.get(1)) {
            envelope = Some(name.as_str().to_owned());
        }
        c.envelope.clone_from(&envelope);
    }
    out
}

/// The articles of a text and the paragraphs of each.
pub fn articles(paras: &[Para]) -> Vec<(Citation, Vec<String>)> {
    let mut out: Vec<(Citation, Vec<String>)> = Vec::new();
    for c in prepare(paras) {
        let Some(a) = c.article else { continue };
        match out.last_mut() {
            Some((last, texts)) if *last == a => texts.push(c.flat),
            _ => out.push((a, vec![c.flat])),
        }
    }
    out
}

/// An amount as the rule language writes it: `400 000 €`, `1 234,50 €`.
fn amount(caps: &regex::Captures<'_>, at: usize) -> Option<String> {
    let units: String = caps
        .get(at)?
        .as_str()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let euros = group(units.parse().ok()?);
    match caps.get(at + 1).map(|c| format!("{:0<2}", c.as_str())) {
        Some(cents) if cents != "00" => Some(euros.replace(" €", &format!(",{cents} €"))),
        _ => Some(euros),
    }
}

/// The amounts of a text, in figures (`400 000 €`) and in words (`quatre
/// cent mille euros`), in the order they stand.
fn amounts(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out: Vec<(String, std::ops::Range<usize>)> = amount_re()
        .captures_iter(text)
        .filter_map(|c| Some((amount(&c, 1)?, c.get(0)?.range())))
        .collect();
    let spans = words::word_spans(text);
    for (k, (at, word)) in spans.iter().enumerate() {
        if !matches!(*word, "euros" | "euro") {
            continue;
        }
        let taken = spans
            .get(..k)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|(_, w)| words::is_number_word(w) && !w.chars().any(|c| c.is_ascii_digit()))
            .count();
        let Some(first) = k.checked_sub(taken).filter(|_| taken > 0) else {
            continue;
        };
        let said = words::words_in(&spans, first..k);
        if let (Some(n), Some((start, _))) = (words::number(&said), spans.get(first)) {
            out.push((group(n), *start..at + word.len()));
        }
    }
    out.sort_by_key(|(_, r)| r.start);
    out
}

/// Euros as the rule language writes them: `400 000 €`.
fn group(units: u64) -> String {
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    format!("{grouped} €")
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The sentence of `flat` that holds byte `at`.
fn sentence_at(flat: &str, at: usize) -> &str {
    let start = flat
        .get(..at)
        .and_then(|s| s.rfind(". "))
        .map_or(0, |i| i + 2);
    let end = flat
        .get(at..)
        .and_then(|s| s.find(". "))
        .map_or(flat.len(), |i| at + i + 1);
    flat.get(start..end).unwrap_or(flat).trim()
}

struct Found {
    clauses: Vec<Extracted>,
}

impl Found {
    fn add(&mut self, kind: Kind, value: String, c: &Clean, sentence: &str, how: &'static str) {
        self.add_for(kind, value, None, c, sentence, how);
    }

    fn add_for(
        &mut self,
        kind: Kind,
        value: String,
        party: Option<String>,
        c: &Clean,
        sentence: &str,
        how: &'static str,
    ) {
        let once = !matches!(
            kind,
            Kind::Delegant
                | Kind::Delegataire
                | Kind::Signatory
                | Kind::PartyCode
                | Kind::Market
                | Kind::Ceiling
                | Kind::Schedule
                | Kind::Imputation
        );
        let duplicate = self.clauses.iter().any(|x| {
            x.kind == kind
                && x.party == party
                && x.envelope == c.envelope
                && (once || x.value == value || same_key(kind, &x.value, &value))
        });
        if duplicate {
            return;
        }
        self.clauses.push(Extracted {
            kind,
            value,
            party,
            article: c.article.clone(),
            envelope: c.envelope.clone(),
            place: c.place,
            sentence: sentence.to_owned(),
            how,
        });
    }
}

/// Two values of a repeatable clause that state the same thing (a ceiling
/// of the same budget, a schedule's year, an imputation's field).
fn same_key(kind: Kind, a: &str, b: &str) -> bool {
    let head = |v: &str, n: usize| v.split(' ').take(n).collect::<Vec<_>>().join(" ");
    match kind {
        Kind::Imputation => head(a, 1) == head(b, 1),
        Kind::Schedule => head(a, 1) == head(b, 1),
        Kind::Ceiling => head(a, 1) == head(b, 1) && a.ends_with("par an") == b.ends_with("par an"),
        Kind::Market => a.rsplit(' ').next() == b.rsplit(' ').next(),
        _ => false,
    }
}

/// Finds the clauses of a convention's text.
pub fn recognise(paras: &[Para]) -> Draft {
    let mut cs = prepare(paras);
    let mut f = Found {
        clauses: Vec::new(),
    };
    let articles: Vec<String> = {
        let mut seen: Vec<String> = Vec::new();
        for c in &cs {
            if let Some(a) = c.article.as_ref().and_then(|a| a.article.clone())
                && !seen.contains(&a)
            {
                seen.push(a);
            }
        }
        seen
    };
    heading(&mut cs, &mut f);
    parties(&mut cs, &mut f);
    // A table's rows are read by the titles of the last header row.
    let mut header: Option<Vec<String>> = None;
    for c in cs.iter_mut() {
        let is_header = is_header(c);
        if c.used {
            continue;
        }
        let found_before = f.clauses.len();
        if c.cells.is_empty() {
            // A table as a PDF lays it out: a line of titles, then rows of
            // words and figures apart by spaces.
            if let Some(titles) = prose_header(&c.flat) {
                header = Some(titles);
                c.used = true;
                continue;
            }
            match header.as_deref().and_then(|h| prose_row(&c.flat, h)) {
                Some(cells) => {
                    let row = Clean { cells, ..c.clone() };
                    table_row(&row, header.as_deref(), &mut f);
                }
                None => sentences(c, &mut f),
            }
        } else if is_header {
            header = Some(c.cells.clone());
        } else {
            table_row(c, header.as_deref(), &mut f);
        }
        if f.clauses.len() > found_before {
            c.used = true;
        }
    }
    let todo = cs
        .iter()
        .filter(|c| !c.used && needs_review(c))
        .map(|c| Todo {
            sentence: c.flat.clone(),
            article: c.article.clone(),
            place: c.place,
        })
        .collect();
    Draft {
        text: String::new(),
        format: Format::Text,
        clauses: f.clauses,
        todo,
        articles,
        rules: String::new(),
    }
}

/// The titles of a table laid out as a line of text (a PDF's): a short
/// line of words only, naming AE and CP, or a holder and a CHORUS number.
fn prose_header(flat: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = flat.split_whitespace().collect();
    if words.len() > 8 || flat.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let folded: Vec<String> = words
        .iter()
        .map(|w| crate::language::keywords::fold(w).into_owned())
        .collect();
    let has = |w: &str| folded.iter().any(|x| x == w);
    if has("ae") && has("cp") {
        return Some(
            folded
                .into_iter()
                .filter(|w| matches!(w.as_str(), "annee" | "exercice" | "ae" | "cp"))
                .collect(),
        );
    }
    if has("titulaire") && has("chorus") {
        return Some(vec![
            "objet".to_owned(),
            "titulaire".to_owned(),
            "chorus".to_owned(),
        ]);
    }
    None
}

/// A row of a table laid out as text, cut into the cells of its header:
/// `2023 400 000 € 350 000 €`, `hébergement OVH 1001300001`.
fn prose_row(flat: &str, header: &[String]) -> Option<Vec<String>> {
    if header.iter().any(|h| h == "titulaire") {
        let (rest, chorus) = flat.trim().rsplit_once(' ')?;
        if chorus.len() != 10 || !chorus.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        // The holder: the last words in capitals.
        let words: Vec<&str> = rest.split_whitespace().collect();
        let upper = words
            .iter()
            .rev()
            .take_while(|w| !w.chars().any(char::is_lowercase))
            .count();
        let split = words
            .len()
            .checked_sub(upper)
            .filter(|s| *s > 0 && upper > 0)?;
        let purpose = words.get(..split)?.join(" ");
        let holder = words.get(split..)?.join(" ");
        return Some(vec![purpose, holder, chorus.to_owned()]);
    }
    let year = flat
        .get(..4)
        .filter(|y| y.chars().all(|c| c.is_ascii_digit()))?;
    let found = amounts(flat);
    if found.len() != 2 || header.len() != 3 {
        return None;
    }
    let mut cells = vec![String::new(); 3];
    let mut amounts = found.into_iter().map(|(a, _)| a);
    for (cell, title) in cells.iter_mut().zip(header) {
        *cell = if title == "annee" || title == "exercice" {
            year.to_owned()
        } else {
            amounts.next()?
        };
    }
    Some(cells)
}

/// A table's header row: titles only, no figure.
fn is_header(c: &Clean) -> bool {
    !c.cells.is_empty()
        && c.cells
            .iter()
            .all(|x| !x.chars().any(|c| c.is_ascii_digit()))
}

/// A paragraph left unread that states a figure, a date or a code.
fn needs_review(c: &Clean) -> bool {
    if is_header(c) {
        return false;
    }
    // A sentence about a clause that no recogniser could read whole (a
    // ceiling without its amount, a renewal in words it does not know).
    let lower = c.flat.to_lowercase();
    let about_a_clause = [
        "plafond",
        "échéancier",
        "préavis",
        "reconduction",
        "reconduite",
        "titulaire",
    ]
    .iter()
    .any(|w| lower.contains(w));
    about_a_clause
        || !amounts(&c.flat).is_empty()
        || !words::dates(&c.flat).is_empty()
        || chorus_number().is_match(&c.flat)
        || code_re().is_match(&c.flat)
}

/// The title, the NOR and the signature's date from the text's head and
/// its end.
fn heading(cs: &mut [Clean], f: &mut Found) {
    // The title: the first paragraph, up to the NOR or `Entre`.
    if let Some(first) = cs.first_mut() {
        let text = first.flat.clone();
        if let Some(n) = avenant_re().captures(&text).and_then(|c| c.get(1)) {
            f.add(
                Kind::Amendment,
                n.as_str().to_owned(),
                first,
                &text,
                "Avenant n° N",
            );
        }
        let title = title_re()
            .captures(&text)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim_end_matches(['.', ' ']).to_owned());
        match title {
            Some(t) => f.add(
                Kind::Title,
                quote(&capitalise(&t)),
                first,
                &text,
                "… relative à TITLE",
            ),
            None => f.add(Kind::Title, quote(&text), first, &text, "first paragraph"),
        }
        first.used = true;
    }
    for c in cs.iter_mut() {
        if let Some(m) = nor_re().captures(&c.flat).and_then(|x| x.get(1)) {
            let v = m.as_str().to_owned();
            let s = c.flat.clone();
            f.add(Kind::Nor, v, c, &s, "NOR : CODE");
            if c.flat.len() < 40 {
                c.used = true;
            }
        }
    }
    // The signature: "Fait à Paris, le 24 août 2017", else the title's date.
    let fait = cs.iter_mut().find(|c| is_fait(&c.flat));
    let dated = fait.and_then(|c| Some((words::dates(&c.flat).first()?.0, c)));
    match dated {
        Some((date, c)) => {
            let s = c.flat.clone();
            f.add(Kind::Signature, date.to_string(), c, &s, "Fait le DATE");
            c.used = true;
        }
        None => {
            if let Some(first) = cs.first()
                && let Some((date, _)) = words::dates(&first.flat).first()
            {
                let s = first.flat.clone();
                let c = Clean {
                    flat: s.clone(),
                    lines: Vec::new(),
                    cells: Vec::new(),
                    place: first.place,
                    article: None,
                    used: true,
                    envelope: None,
                };
                f.add(
                    Kind::Signature,
                    date.to_string(),
                    &c,
                    &s,
                    "the title's date",
                );
            }
        }
    }
}

/// The paragraph of the place and date of signature.
fn is_fait(flat: &str) -> bool {
    flat.starts_with("Fait") || flat.contains(" Fait à ") || flat.starts_with("À Paris, le")
}

/// A party: its name, sigle and role, from the paragraphs between `Entre`
/// and the first article, and its signatory from the signature blocks.
fn parties(cs: &mut [Clean], f: &mut Found) {
    let Some(start) = cs.iter().position(|c| {
        c.flat.trim_end_matches(',').eq_ignore_ascii_case("entre") || c.flat.starts_with("Entre ")
    }) else {
        return;
    };
    // Roles stated elsewhere: "entre la DSI, service délégant et la DINSIC, service délégataire".
    let mut roles: Vec<(String, &'static str)> = Vec::new();
    for c in cs.iter() {
        for r in role_re().captures_iter(&c.flat) {
            let (Some(s), Some(role)) = (r.get(1), r.get(2)) else {
                continue;
            };
            let role = if role.as_str().starts_with("délégataire") {
                "délégataire"
            } else {
                "délégant"
            };
            if !roles.iter().any(|(x, _)| x == s.as_str()) {
                roles.push((s.as_str().to_owned(), role));
            }
        }
    }
    let mut found: Vec<(usize, String, Option<String>, Option<&'static str>)> = Vec::new();
    for (i, c) in cs.iter_mut().enumerate().skip(start) {
        let flat = c.flat.clone();
        let lower = flat.to_lowercase();
        if i > start
            && (lower.starts_with("il est convenu")
                || lower.starts_with("vu ")
                || lower.starts_with("la présente convention")
                || lower.starts_with("le présent avenant")
                || c.article.is_some()
                || lower.starts_with("préambule")
                || lower.starts_with("contexte"))
        {
            break;
        }
        let body = flat
            .strip_prefix("Entre ")
            .or_else(|| flat.strip_prefix("Et "))
            .or_else(|| flat.strip_prefix("et "))
            .unwrap_or(&flat);
        if body.eq_ignore_ascii_case("entre") || body.eq_ignore_ascii_case("et") || body.len() < 8 {
            c.used = true;
            continue;
        }
        let starts = ["La ", "Le ", "L'", "la ", "le ", "l'"];
        let Some(rest) = starts.iter().find_map(|s| body.strip_prefix(s)) else {
            continue;
        };
        let name_end = rest
            .find([',', ';', '('])
            .or_else(|| rest.find(" représenté"))
            .unwrap_or(rest.len());
        let name = capitalise(rest[..name_end].trim());
        let mut sigle = sigle_re()
            .captures(body)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim().to_owned());
        let mut role = None;
        if let Some(s) = &sigle {
            let folded = crate::language::keywords::fold(s);
            if folded.starts_with("delegataire") {
                role = Some("délégataire");
                sigle = None;
            } else if folded.starts_with("delegant") {
                role = Some("délégant");
                sigle = None;
            }
        }
        if sigle.is_none() {
            sigle = acronym_re()
                .captures(body)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_owned());
        }
        if role.is_none() {
            let after = body.get(name_end..).unwrap_or("");
            if after.contains("délégataire") {
                role = Some("délégataire");
            } else if after.contains("délégant") {
                role = Some("délégant");
            }
        }
        if role.is_none() {
            role = sigle
                .as_ref()
                .and_then(|s| roles.iter().find(|(x, _)| x == s).map(|(_, r)| *r));
        }
        found.push((i, name, sigle, role));
        c.used = true;
    }
    let n = found.len();
    for (k, (i, name, sigle, role)) in found.into_iter().enumerate() {
        // Without a role stated, the last party is the délégataire.
        let role = role.unwrap_or(if k + 1 == n {
            "délégataire"
        } else {
            "délégant"
        });
        let kind = if role == "délégataire" {
            Kind::Delegataire
        } else {
            Kind::Delegant
        };
        let value = match &sigle {
            Some(s) => format!("{} sigle {s}", quote(&name)),
            None => quote(&name),
        };
        let party = Some(sigle.clone().unwrap_or_else(|| name.clone()));
        let Some(c) = cs.get(i) else { continue };
        let flat = c.flat.clone();
        f.add_for(
            kind,
            value,
            party.clone(),
            c,
            &flat,
            "Entre … ci-après dénommée « SIGLE »",
        );
        // The party's own codes (a service facturier's UOs).
        let codes: [(&Pattern, &str, &'static str); 2] = [
            (uo_re(), "uo", "party: UO CODE"),
            (
                exec_re(),
                "service-exécutant",
                "party: service exécutant CODE",
            ),
        ];
        for (pattern, field, how) in codes {
            for m in pattern.captures_iter(&flat).filter_map(|u| u.get(1)) {
                let value = format!("{field} {}", m.as_str());
                f.add_for(Kind::PartyCode, value, party.clone(), c, &flat, how);
            }
        }
    }
    signatories(cs, f);
}

/// "Pour la DSI : Le chef de service, … C. Rouquie" after "Fait le …".
fn signatories(cs: &mut [Clean], f: &mut Found) {
    let Some(fait) = cs
        .iter()
        .rposition(|c| c.flat.starts_with("Fait") || c.flat.starts_with("À Paris, le"))
    else {
        return;
    };
    let parties: Vec<String> = f
        .clauses
        .iter()
        .filter(|c| matches!(c.kind, Kind::Delegant | Kind::Delegataire))
        .filter_map(|c| c.party.clone())
        .collect();
    // Blocks: each table cell, or the lines from one "Pour" to the next.
    let mut blocks: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, c) in cs.iter().enumerate().skip(fait + 1) {
        if !c.cells.is_empty() {
            for cell in &c.cells {
                blocks.push((i, vec![cell.clone()]));
            }
            continue;
        }
        for line in &c.lines {
            if line.starts_with("Pour ") {
                blocks.push((i, vec![line.clone()]));
            } else if let Some((_, b)) = blocks.last_mut() {
                b.push(line.clone());
            }
        }
    }
    for (i, block) in blocks {
        let text = block.join("\n");
        let Some(rest) = text.strip_prefix("Pour ") else {
            continue;
        };
        let (head, body) = rest.split_once(':').unwrap_or((rest, ""));
        let Some(party) = parties.iter().find(|p| head.contains(p.as_str())) else {
            continue;
        };
        let mut lines: Vec<String> = body
            .split('\n')
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        if lines.len() == 1 {
            // One line (a cell): the name after the last comma.
            let one = lines.remove(0);
            let mut parts: Vec<&str> = one.rsplitn(2, ',').collect();
            parts.reverse();
            lines = parts.into_iter().map(|s| s.trim().to_owned()).collect();
        }
        let Some(name) = lines.pop() else { continue };
        let mut quality = join(&lines).trim().trim_end_matches(',').to_owned();
        for article in ["Le ", "La ", "L'"] {
            if let Some(q) = quality.strip_prefix(article) {
                quality = q.to_owned();
                break;
            }
        }
        if head.contains("par délégation") {
            quality.push_str(", par délégation");
        }
        let value = if quality.is_empty() {
            quote(&name)
        } else {
            format!("{} {}", quote(&name), quote(&quality))
        };
        let Some(c) = cs.get_mut(i) else { continue };
        c.used = true;
        let sentence = text.replace('\n', " ");
        let at = Clean {
            flat: String::new(),
            lines: Vec::new(),
            cells: Vec::new(),
            place: c.place,
            article: None,
            used: true,
            envelope: None,
        };
        f.add_for(
            Kind::Signatory,
            value,
            Some(party.clone()),
            &at,
            &sentence,
            "Pour SIGLE : quality, Name",
        );
    }
}

/// The clauses of a paragraph of prose.
fn sentences(c: &Clean, f: &mut Found) {
    let flat = c.flat.as_str();
    if let Some(m) = legal_re().find(flat) {
        let value = if m.as_str().contains("relatif") {
            "décret n° 2004-1085 du 14 octobre 2004 relatif à la délégation de gestion dans les services de l'État".to_owned()
        } else {
            "décret n° 2004-1085 du 14 octobre 2004".to_owned()
        };
        f.add(
            Kind::LegalBasis,
            quote(&value),
            c,
            sentence_at(flat, m.start()),
            "décret n° 2004-1085",
        );
    }
    for r in [market_colon(), market_named()] {
        for m in r.captures_iter(flat) {
            let (Some(purpose), Some(holder), Some(chorus)) = (m.get(1), m.get(2), m.get(3)) else {
                continue;
            };
            let purpose = purpose
                .as_str()
                .trim()
                .trim_start_matches(['–', '-', '•', ' '])
                .trim();
            let holder = holder.as_str().trim().trim_end_matches([',', ';', ' ']);
            let value = format!(
                "{} titulaire {} chorus {}",
                quote(purpose),
                quote(holder),
                chorus.as_str()
            );
            f.add(
                Kind::Market,
                value,
                c,
                sentence_at(flat, m.get(0).map_or(0, |x| x.start())),
                "PURPOSE : titulaire HOLDER – n° CHORUS N",
            );
        }
    }
    if let Some(m) = uo_re().captures(flat).and_then(|x| x.get(1)) {
        f.add(
            Kind::Uo,
            m.as_str().to_owned(),
            c,
            sentence_at(flat, m.start()),
            "l'UO CODE",
        );
    }
    // The term.
    if let Some(m) = effect_signature().find(flat) {
        f.add(
            Kind::Effect,
            "signature".to_owned(),
            c,
            sentence_at(flat, m.start()),
            "prend effet à la date de signature",
        );
    } else if let Some(m) = effect_date().find(flat)
        && let Some((date, _)) = words::dates(&flat[m.end()..])
            .into_iter()
            .find(|(_, r)| r.start < 4)
    {
        f.add(
            Kind::Effect,
            date.to_string(),
            c,
            sentence_at(flat, m.start()),
            "prend effet le DATE",
        );
    }
    if let Some(m) = end_date().find(flat)
        && let Some((date, _)) = words::dates(&flat[m.end()..])
            .into_iter()
            .find(|(_, r)| r.start < 4)
    {
        f.add(
            Kind::End,
            date.to_string(),
            c,
            sentence_at(flat, m.start()),
            "jusqu'au DATE",
        );
    }
    if let Some(m) = duration_re().captures(flat) {
        let n = m.get(1).and_then(|x| words::count(x.as_str()));
        let unit = m.get(2).map_or("", |x| x.as_str());
        if let Some(n) = n {
            let unit = if unit.starts_with("mois") {
                "mois"
            } else if n > 1 {
                "ans"
            } else {
                "an"
            };
            f.add(
                Kind::Duration,
                format!("{n} {unit}"),
                c,
                sentence_at(flat, m.get(0).map_or(0, |x| x.start())),
                "pour une durée de N ans",
            );
        }
    }
    if let Some(m) = indefinite_re().find(flat) {
        f.add(
            Kind::Indefinite,
            String::new(),
            c,
            sentence_at(flat, m.start()),
            "durée indéterminée",
        );
    }
    if let Some(m) = renewal_re().find(flat) {
        let sentence = sentence_at(flat, m.start());
        let times = renewal_times()
            .captures(sentence)
            .and_then(|x| x.get(1))
            .and_then(|x| words::count(x.as_str()));
        let notice = renewal_notice()
            .captures(flat)
            .and_then(|x| x.get(1))
            .and_then(|x| {
                words::count(x.as_str().rsplit(' ').next().unwrap_or(""))
                    .or_else(|| words::count(x.as_str()))
            });
        let mut value = "1 an".to_owned();
        if let Some(t) = times {
            value.push_str(&format!(" fois {t}"));
        }
        if let Some(n) = notice {
            value.push_str(&format!(" préavis {n} mois"));
        }
        f.add(Kind::Renewal, value, c, sentence, "tacite reconduction");
    }
    // Ceilings.
    if flat.to_lowercase().contains("plafond") {
        ceilings(c, f);
    }
    // The schedule, year by year: "2017 : 296 210 € en AE et 48 105 € en CP".
    schedule(c, f);
    if flat.contains("suivi")
        && (flat.contains("consommation")
            || flat.contains("compte rendu")
            || flat.contains("bilan"))
    {
        let at = flat.find("suivi").unwrap_or(0);
        let s = sentence_at(flat, at);
        f.add(
            Kind::Reporting,
            quote(s.trim_end_matches('.')),
            c,
            s,
            "un suivi … des consommations",
        );
    }
    if let Some(m) = accountant_re().captures(flat).and_then(|x| x.get(1)) {
        f.add(
            Kind::Accountant,
            quote(m.as_str().trim_end_matches('.')),
            c,
            sentence_at(flat, m.start()),
            "le comptable assignataire … est …",
        );
    }
    imputation(c, flat, f);
    if let Some(m) = notice_re().captures(flat) {
        let words = m.get(1).map_or("", |x| x.as_str());
        let n =
            words::count(words).or_else(|| words::count(words.rsplit(' ').next().unwrap_or("")));
        if let Some(n) = n {
            f.add(
                Kind::Notice,
                format!("{n} mois"),
                c,
                sentence_at(flat, m.get(0).map_or(0, |x| x.start())),
                "préavis de N mois",
            );
        }
    }
    if let Some(m) = publication_re().captures(flat).and_then(|x| x.get(1)) {
        let what = m.as_str().trim();
        if what.to_lowercase().contains("bulletin") || what.to_lowercase().contains("journal") {
            f.add(
                Kind::Publication,
                quote(&capitalise(what)),
                c,
                sentence_at(flat, m.start()),
                "publiée au …",
            );
        }
    }
    if let Some(m) = excluded_title().captures(flat).and_then(|x| x.get(1)) {
        f.add(
            Kind::Titles,
            format!("hors {}", m.as_str()),
            c,
            sentence_at(flat, m.start()),
            "hors titre N",
        );
    } else if flat.contains("dépenses") {
        let titles: Vec<&str> = titles_re()
            .captures_iter(flat)
            .filter_map(|x| x.get(1))
            .map(|x| x.as_str())
            .collect();
        if !titles.is_empty() {
            let mut t = titles.clone();
            t.dedup();
            f.add(
                Kind::Titles,
                t.join(" et "),
                c,
                sentence_at(flat, flat.find("titre").unwrap_or(0)),
                "dépenses de titre N et M",
            );
        }
    }
    if receipts_re().is_match(flat)
        && flat.contains("dépenses")
        && (flat.contains("confie") || flat.contains("exécution"))
    {
        f.add(
            Kind::Delegation,
            "dépenses et recettes".to_owned(),
            c,
            sentence_at(flat, flat.find("recettes").unwrap_or(0)),
            "dépenses et recettes",
        );
    }
    if let Some(m) = budgets_only().captures(flat).and_then(|x| x.get(1)) {
        let budget = if m.as_str().starts_with("crédits") {
            "CP"
        } else {
            "AE"
        };
        f.add(
            Kind::Delegation,
            budget.to_owned(),
            c,
            sentence_at(flat, m.start()),
            "seuls les crédits de paiement sont délégués",
        );
    }
    if let Some(m) = frame_re().captures(flat).and_then(|x| x.get(1)) {
        f.add(
            Kind::Frame,
            quote(&capitalise(m.as_str().trim())),
            c,
            sentence_at(flat, m.start()),
            "dans le cadre de la convention cadre …",
        );
    }
}

/// The codes of the imputation, in prose or one per line.
fn imputation(c: &Clean, flat: &str, f: &mut Found) {
    if let Some(m) = programme_re().captures(flat) {
        let n = m.get(1).map_or("", |x| x.as_str());
        let value = match m.get(2) {
            Some(name) => format!("programme {n} {}", quote(&capitalise(name.as_str()))),
            None => format!("programme {n}"),
        };
        f.add(
            Kind::Imputation,
            value,
            c,
            sentence_at(flat, m.get(0).map_or(0, |x| x.start())),
            "programme N « NAME »",
        );
    }
    let fields: [(&Pattern, &str); 6] = [
        (cf_re(), "centre-financier"),
        (bop_re(), "bop"),
        (df_re(), "domaine-fonctionnel"),
        (activity_re(), "activité"),
        (cost_re(), "centre-de-coûts"),
        (exec_re(), "service-exécutant"),
    ];
    for (r, field) in fields {
        if let Some(m) = r.captures(flat).and_then(|x| x.get(1)) {
            f.add(
                Kind::Imputation,
                format!("{field} {}", m.as_str()),
                c,
                sentence_at(flat, m.start()),
                "LABEL CODE",
            );
        }
    }
}

fn ceilings(c: &Clean, f: &mut Found) {
    let flat = c.flat.as_str();
    let lower = flat.to_lowercase();
    let Some(at) = lower.find("plafond") else {
        return;
    };
    let tail = flat.get(at..).unwrap_or("");
    let tail_lower = tail.to_lowercase();
    let sentence = sentence_at(flat, at);
    // Each amount of the sentence after `plafond`, with the budget words
    // that follow it; yearly when its own `plafond` is `annuel` or it is
    // followed by `par an`.
    for (value, range) in amounts(tail).iter().take(2) {
        // `quatre cent mille euros (400 000 €) en AE et en CP`.
        let after = tail_lower
            .get(range.end..)
            .unwrap_or("")
            .trim_start()
            .trim_start_matches(')')
            .trim_start();
        let budget = if [
            "en ae et en cp",
            "en ae et cp",
            "en autorisations d'engagement et en crédits de paiement",
        ]
        .iter()
        .any(|w| after.starts_with(w))
        {
            "AE et CP"
        } else if [
            "en ae",
            "en autorisations d'engagement",
            "d'ae",
            "d'autorisations d'engagement",
        ]
        .iter()
        .any(|w| after.starts_with(w))
        {
            "AE"
        } else if [
            "en cp",
            "en crédits de paiement",
            "de cp",
            "de crédits de paiement",
        ]
        .iter()
        .any(|w| after.starts_with(w))
        {
            "CP"
        } else {
            continue;
        };
        let before = tail_lower.get(..range.start).unwrap_or("");
        let own = before
            .rfind("plafond")
            .map_or(before, |p| before.get(p..).unwrap_or(""));
        let rest: String = after.chars().take(50).collect();
        let yearly = own.contains("annuel")
            || ["par an", "par exercice", "par année", "chaque année"]
                .iter()
                .any(|w| rest.contains(w));
        let per = if yearly { " par an" } else { "" };
        let budgets: &[&str] = if budget == "AE et CP" {
            &["AE", "CP"]
        } else {
            &[budget]
        };
        for b in budgets {
            f.add(
                Kind::Ceiling,
                format!("{b} {value}{per}"),
                c,
                sentence,
                "plafond de AMOUNT en AE et/ou en CP",
            );
        }
        if budget == "AE et CP" {
            break;
        }
    }
}

fn schedule(c: &Clean, f: &mut Found) {
    static LINE: OnceLock<Pattern> = OnceLock::new();
    let line = re(
        &LINE,
        &format!(r"\b(20\d\d)\s*:\s*{AMOUNT}\s*en\s*AE\s*et\s*(?:de\s*)?{AMOUNT}\s*en\s*CP"),
    );
    for m in line.captures_iter(&c.flat) {
        let (Some(year), Some(ae), Some(cp)) = (m.get(1), amount(&m, 2), amount(&m, 4)) else {
            continue;
        };
        let s = sentence_at(&c.flat, m.get(0).map_or(0, |x| x.start()));
        f.add(
            Kind::Schedule,
            format!("{} AE {ae} CP {cp}", year.as_str()),
            c,
            s,
            "YEAR : AMOUNT en AE et AMOUNT en CP",
        );
    }
}

/// A table's row, read by its header's titles: a schedule (année, AE,
/// CP), markets (objet, titulaire, CHORUS) or imputation codes.
fn table_row(c: &Clean, header: Option<&[String]>, f: &mut Found) {
    let cells = &c.cells;
    let head: Vec<String> = header.map_or_else(Vec::new, |h| {
        h.iter()
            .map(|x| crate::language::keywords::fold(x).into_owned())
            .collect()
    });
    let col = |names: &[&str]| {
        head.iter()
            .position(|h| names.iter().any(|n| h.contains(n)))
    };
    let sentence = cells.join(" | ");
    if let (Some(y), Some(ae), Some(cp)) = (
        col(&["annee", "exercice"]),
        col(&["ae", "autorisations"]),
        col(&["cp", "credits de paiement"]),
    ) {
        let year = cells
            .get(y)
            .map(|s| s.trim())
            .filter(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()));
        let ae_v = cells
            .get(ae)
            .and_then(|s| amounts(s).into_iter().next())
            .map(|x| x.0);
        let cp_v = cells
            .get(cp)
            .and_then(|s| amounts(s).into_iter().next())
            .map(|x| x.0);
        if let (Some(year), Some(a), Some(p)) = (year, ae_v, cp_v) {
            f.add(
                Kind::Schedule,
                format!("{year} AE {a} CP {p}"),
                c,
                &sentence,
                "table: année | AE | CP",
            );
        }
        return;
    }
    if let (Some(h), Some(n)) = (col(&["titulaire"]), col(&["chorus"])) {
        let purpose = col(&["objet", "marche"]).filter(|p| *p != h && *p != n);
        let chorus = cells
            .get(n)
            .map(|s| s.chars().filter(char::is_ascii_digit).collect::<String>())
            .filter(|s| s.len() == 10);
        if let (Some(p), Some(holder), Some(chorus)) =
            (purpose.and_then(|p| cells.get(p)), cells.get(h), chorus)
        {
            f.add(
                Kind::Market,
                format!(
                    "{} titulaire {} chorus {chorus}",
                    quote(p.trim()),
                    quote(holder.trim())
                ),
                c,
                &sentence,
                "table: objet | titulaire | n° CHORUS",
            );
        }
        return;
    }
    // Two cells: a label and its code.
    if cells.len() == 2 {
        let joined = cells.join(" ");
        imputation(c, &joined, f);
    }
}

/// The rule file of a draft, in `fmt`'s layout.
pub fn write(d: &Draft) -> String {
    let mut out = String::new();
    let cite = |a: &Option<Citation>| {
        a.as_ref().map_or_else(String::new, |c| {
            format!(" {}", crate::language::cite::canonical(c))
        })
    };
    let of = |k: Kind| {
        d.clauses
            .iter()
            .filter(move |c| c.kind == k && c.envelope.is_none())
    };
    let first = |k: Kind| of(k).next();
    out.push_str(&format!(
        "# Projet rédigé par `clausier draft` depuis « {} » :\n# relisez chaque clause et chaque « à compléter » avant de vous en servir.\n\n",
        d.text
    ));
    let title = first(Kind::Title).map_or_else(|| "\"\"".to_owned(), |c| c.value.clone());
    out.push_str(&format!("convention {title} {{\n"));
    out.push_str(&format!("texte {}\n", quote(&d.text)));
    let amendment = first(Kind::Amendment);
    let mut body = String::new();
    for k in [Kind::Nor, Kind::Signature, Kind::LegalBasis] {
        if let Some(c) = first(k) {
            let word = match k {
                Kind::Nor => "nor",
                Kind::Signature => "signature",
                _ => "base-légale",
            };
            body.push_str(&format!("{word} {}{}\n", c.value, cite(&c.article)));
        }
    }
    for (kind, word) in [
        (Kind::Delegant, "délégant"),
        (Kind::Delegataire, "délégataire"),
    ] {
        for p in of(kind) {
            let (name, sigle) = match p.value.split_once(" sigle ") {
                Some((n, s)) => (n.to_owned(), Some(s.to_owned())),
                None => (p.value.clone(), None),
            };
            body.push_str(&format!("{word} {name}{} {{\n", cite(&p.article)));
            if let Some(s) = sigle {
                body.push_str(&format!("sigle {s}\n"));
            }
            for s in of(Kind::Signatory).filter(|s| s.party == p.party) {
                body.push_str(&format!("signataire {}\n", s.value));
            }
            for code in of(Kind::PartyCode).filter(|s| s.party == p.party) {
                body.push_str(&format!("{}\n", code.value));
            }
            body.push_str("}\n");
        }
    }
    for m in of(Kind::Market) {
        body.push_str(&format!("marché {}{}\n", m.value, cite(&m.article)));
    }
    if let Some(u) = first(Kind::Uo) {
        body.push_str(&format!("uo {}{}\n", u.value, cite(&u.article)));
    }
    let term: Vec<&super::Extracted> = d
        .clauses
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                Kind::Effect | Kind::End | Kind::Duration | Kind::Indefinite | Kind::Renewal
            )
        })
        .collect();
    if amendment.is_some() {
        // An amendment states its effect and a new end on their own.
        for c in &term {
            match c.kind {
                Kind::Effect => body.push_str(&format!("effet {}{}\n", c.value, cite(&c.article))),
                Kind::End => body.push_str(&format!("fin {}{}\n", c.value, cite(&c.article))),
                _ => {}
            }
        }
    } else if !term.is_empty() {
        let block_cite = term.first().map(|c| c.article.clone()).unwrap_or_default();
        body.push_str(&format!("durée{} {{\n", cite(&block_cite)));
        for c in &term {
            let own = if c.article != block_cite {
                cite(&c.article)
            } else {
                String::new()
            };
            let line = match c.kind {
                Kind::Effect => format!("effet {}", c.value),
                Kind::End => format!("fin {}", c.value),
                Kind::Duration => format!("pour {}", c.value),
                Kind::Indefinite => "indéterminée".to_owned(),
                _ => format!("reconduction {}", c.value),
            };
            body.push_str(&format!("{line}{own}\n"));
        }
        body.push_str("}\n");
    }
    for c in of(Kind::Ceiling) {
        body.push_str(&format!("plafond {}{}\n", c.value, cite(&c.article)));
    }
    let lines: Vec<&super::Extracted> = of(Kind::Schedule).collect();
    if let Some(first_line) = lines.first() {
        body.push_str(&format!("échéancier{} {{\n", cite(&first_line.article)));
        for l in &lines {
            body.push_str(&format!("{}\n", l.value));
        }
        body.push_str("}\n");
    }
    for (k, word) in [(Kind::Reporting, "suivi"), (Kind::Accountant, "comptable")] {
        if let Some(c) = first(k) {
            body.push_str(&format!("{word} {}{}\n", c.value, cite(&c.article)));
        }
    }
    let codes: Vec<&super::Extracted> = of(Kind::Imputation).collect();
    if let Some(head) = codes.first() {
        body.push_str(&format!("imputation{} {{\n", cite(&head.article)));
        for c in &codes {
            let own = if c.article != head.article {
                cite(&c.article)
            } else {
                String::new()
            };
            body.push_str(&format!("{}{own}\n", c.value));
        }
        body.push_str("}\n");
    }
    // The envelopes, in the order the text names them.
    let mut envelopes: Vec<&str> = Vec::new();
    for c in &d.clauses {
        if let Some(e) = &c.envelope
            && !envelopes.contains(&e.as_str())
        {
            envelopes.push(e);
        }
    }
    for e in envelopes {
        let inside: Vec<&super::Extracted> = d
            .clauses
            .iter()
            .filter(|c| c.envelope.as_deref() == Some(e))
            .collect();
        let head = inside
            .first()
            .map(|c| c.article.clone())
            .unwrap_or_default();
        body.push_str(&format!("enveloppe {}{} {{\n", quote(e), cite(&head)));
        for c in inside.iter().filter(|c| c.kind == Kind::Imputation) {
            body.push_str(&format!("{}\n", c.value));
        }
        for c in inside.iter().filter(|c| c.kind == Kind::Ceiling) {
            body.push_str(&format!("plafond {}\n", c.value));
        }
        let lines: Vec<&&super::Extracted> =
            inside.iter().filter(|c| c.kind == Kind::Schedule).collect();
        if !lines.is_empty() {
            body.push_str("échéancier {\n");
            for l in lines {
                body.push_str(&format!("{}\n", l.value));
            }
            body.push_str("}\n");
        }
        body.push_str("}\n");
    }
    for (k, word) in [
        (Kind::Frame, "cadre"),
        (Kind::Titles, "titre"),
        (Kind::Delegation, "délégation"),
        (Kind::Notice, "préavis"),
        (Kind::Publication, "publication"),
    ] {
        if let Some(c) = first(k) {
            body.push_str(&format!("{word} {}{}\n", c.value, cite(&c.article)));
        }
    }
    for t in &d.todo {
        let where_ = t
            .article
            .as_ref()
            .map_or_else(String::new, |c| format!(" ({})", c.short()));
        let mut text = t.sentence.clone();
        if text.chars().count() > 240 {
            text = text.chars().take(240).collect::<String>() + "…";
        }
        body.push_str(&format!("# à compléter{where_} : « {text} »\n"));
    }
    match amendment {
        Some(a) => {
            out.push_str(&format!("avenant {} {{\n", a.value));
            out.push_str(&body);
            out.push_str("}\n");
        }
        None => out.push_str(&body),
    }
    out.push_str("}\n");
    crate::language::format::format(&out).unwrap_or(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> Vec<(Kind, String)> {
        let paras = super::super::read::text_paras(text, None);
        recognise(&paras)
            .clauses
            .into_iter()
            .map(|c| (c.kind, c.value))
            .collect()
    }

    #[test]
    fn amounts_in_words_and_figures() {
        let found = draft(
            "Convention relative à l'essai\n\nArticle 3\n\nUn plafond de quatre cent mille euros (400 000 €) en AE et en CP.\n",
        );
        assert!(
            found.contains(&(Kind::Ceiling, "AE 400 000 €".to_owned())),
            "{found:?}"
        );
        let found = draft(
            "Convention relative à l'essai\n\nArticle 3\n\nUn plafond de deux cent quatre-vingt-seize mille euros en AE.\n",
        );
        assert!(
            found.contains(&(Kind::Ceiling, "AE 296 000 €".to_owned())),
            "{found:?}"
        );
    }

    #[test]
    fn amounts_as_the_language_writes_them() {
        let found: Vec<String> = amounts("de 1 234,5 € puis 400.000,00 euros et 12 EUR")
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        assert_eq!(found, ["1 234,50 €", "400 000 €", "12 €"]);
    }

    #[test]
    fn article_numbers_set_apart_by_kerning() {
        let paras =
            super::super::read::text_paras("Article 1 1\n\nUn préavis de trois mois.\n", None);
        let found = recognise(&paras);
        assert_eq!(found.articles, ["11"]);
    }

    #[test]
    fn a_clause_read_in_part_is_to_complete() {
        let paras = super::super::read::text_paras(
            "Convention relative à l'essai\n\nArticle 3\n\nLe plafond est fixé par l'annexe financière.\n",
            None,
        );
        let found = recognise(&paras);
        assert!(found.clauses.iter().all(|c| c.kind != Kind::Ceiling));
        assert_eq!(found.todo.len(), 1);
        assert!(found.todo[0].sentence.contains("plafond est fixé"));
    }

    #[test]
    fn spaced_capitals_are_one_word() {
        assert_eq!(clean_line("l'UO D A J par le"), "l'UO DAJ par le");
        assert_eq!(clean_line("A la DSI"), "A la DSI");
    }

    #[test]
    fn words_cut_at_a_line_end_are_mended() {
        let lines = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            join(&lines(&["des systèmes d'infor-", "mation"])),
            "des systèmes d'information"
        );
        assert_eq!(join(&lines(&["ci-", "après"])), "ci-après");
        assert_eq!(
            join(&lines(&["la sous-", "délégation"])),
            "la sous-délégation"
        );
        assert_eq!(
            join(&lines(&["domaine fonctionnel 0129-", "01"])),
            "domaine fonctionnel 0129-01"
        );
        assert_eq!(join(&lines(&["« le CSP-", "SDLAC »"])), "« le CSP-SDLAC »");
        assert_eq!(join(&lines(&["l'accompa- gnement"])), "l'accompagnement");
    }

    #[test]
    fn a_signature_closes_the_articles() {
        let found = recognise(&super::super::read::text_paras(
            "Convention relative à l'essai\n\nArticle 7\n\nUn préavis de trois mois.\n\nFait à Paris, le 24 août 2017.\n",
            None,
        ));
        let signature = found
            .clauses
            .iter()
            .find(|c| c.kind == Kind::Signature)
            .unwrap();
        assert_eq!(signature.value, "2017-08-24");
        assert_eq!(signature.article, None);
        let notice = found
            .clauses
            .iter()
            .find(|c| c.kind == Kind::Notice)
            .unwrap();
        assert_eq!(notice.value, "3 mois");
        assert_eq!(
            notice.article.as_ref().and_then(|a| a.article.as_deref()),
            Some("7")
        );
    }
}
