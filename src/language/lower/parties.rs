//! Lowering of the parties (`délégant`, `délégataire`, their signatories)
//! and of the authorised markets.

use crate::i18n::Message;
use crate::msg;

use crate::language::keywords::{MARKET_FIELDS, MarketField, PARTY, PartyWord, named, spelled};
use crate::language::model::{Market, Party, Signatory};
use crate::language::syntax::{Item, ValueKind};
use crate::span::Spanned;

use super::values::code_value;
use super::{Form, Lowerer, Unknown, once};

impl Lowerer {
    pub(super) fn party(&mut self, item: &Item) -> Option<Party> {
        let name = self.text_at(item, 0, Message::new("what-party-name"))?;
        self.no_more_values(item, 1);
        let mut party = Party {
            name,
            acronym: None,
            signatories: Vec::new(),
            codes: Vec::new(),
            span: item.span,
        };
        let mut acronym = None;
        for sub in item.block.iter().flat_map(|b| &b.items) {
            self.no_block(sub);
            match named(PARTY, &sub.head.text) {
                Some(PartyWord::Acronym) => {
                    let v = self.code_at(sub, 0, Message::new("what-party-acronym"));
                    self.no_more_values(sub, 1);
                    once(self, &mut acronym, v, sub);
                }
                Some(PartyWord::Signatory) => {
                    if let Some(name) = self.text_at(sub, 0, Message::new("what-signatory-name")) {
                        let role = sub.values.get(1).and_then(|_| {
                            self.text_at(sub, 1, Message::new("what-signatory-role"))
                        });
                        self.no_more_values(sub, 2);
                        party.signatories.push(Signatory { name, role });
                    }
                }
                Some(PartyWord::Code(field)) => {
                    let v = self.code_at(sub, 0, Message::new("what-code"));
                    self.no_more_values(sub, 1);
                    if let Some(v) = v {
                        match party.code(field) {
                            Some(first) => {
                                let first = first.span;
                                self.stated_twice(sub, first);
                            }
                            None => party.codes.push(Spanned::new((field, v.value), v.span)),
                        }
                    }
                }
                None => self.unknown(sub, &spelled(PARTY).collect::<Vec<_>>()),
            }
        }
        party.acronym = acronym.map(|(v, _)| v);
        Some(party)
    }

    pub(super) fn market(&mut self, item: &Item) -> Option<Market> {
        let purpose = self.text_at(item, 0, Message::new("what-market-purpose"))?;
        let mut market = Market {
            purpose,
            holder: None,
            chorus: None,
            number: None,
            span: item.span,
        };
        let mut i = 1;
        while let Some(key) = item.values.get(i) {
            let ValueKind::Word(word) = &key.kind else {
                self.value_error(key, Message::new("what-field-name"), Form::Other);
                i += 1;
                continue;
            };
            let slot = match named(MARKET_FIELDS, word) {
                Some(MarketField::Holder) => &mut market.holder,
                Some(MarketField::Chorus) => &mut market.chorus,
                Some(MarketField::Number) => &mut market.number,
                None => {
                    let fields: Vec<&str> = spelled(MARKET_FIELDS).collect();
                    self.unknown_word(word, key.span, &fields, Unknown::MarketField);
                    i += 2;
                    continue;
                }
            };
            let value = match item.values.get(i + 1) {
                Some(v) => code_value(v),
                None => None,
            };
            match value {
                Some(v) => *slot = Some(v),
                None => self.missing_value(
                    item,
                    key.span,
                    msg!("what-value-of", word = word.as_str()),
                    Form::Other,
                ),
            }
            i += 2;
        }
        Some(market)
    }
}
