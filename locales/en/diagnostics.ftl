### Diagnostics: messages, labels and help lines, by code.

## Ceilings, forecasts and commitments (check).
of-envelope = envelope "{ $name }":{" "}
amendment-in-force = {" "}(avenant { $number } in force)
ceiling-exceeded = { $of }cumulative { $budget } reaches { $sum }, over the ceiling of { $limit } by { $overrun }{ $amended }
ceiling-label = ceiling of { $limit } in { $budget }{ $envelope }
ceiling-label-envelope = {" "}of envelope "{ $name }"
ceiling-exceeded-help = nothing may be spent beyond the ceiling without an amendment (avenant) raising it
row-crosses-ceiling = crosses the ceiling
crossing-ceiling = { $of }ceiling { $budget }{ $amended }
ceiling-yearly-exceeded = { $of }{ $budget } of { $year } reaches { $sum }, over the yearly ceiling of { $limit } by { $overrun }{ $amended }
ceiling-yearly-label = ceiling of { $limit } in { $budget } per year
ceiling-yearly-help = a yearly ceiling binds each budget year, 1 January to 31 December: nothing may be spent beyond it without an amendment
row-crosses-yearly-ceiling = crosses the yearly ceiling
crossing-yearly-ceiling = { $of }{ $year } ceiling { $budget }{ $amended }
schedule-exceeded = { $of }{ $budget } of { $year } reaches { $sum }, over the forecast of { $limit } by { $overrun }{ $amended }
schedule-label = { $year } forecast: { $limit } in { $budget }
schedule-exceeded-help = the schedule is a forecast: inform the délégant, and amend the schedule if the gap will last
row-crosses-forecast = crosses the forecast
crossing-forecast = { $of }{ $year } forecast { $budget }{ $amended }
party-side-delegant = délégant
party-side-delegataire = délégataire
party-outside = the row is no { $side }'s of the convention ({ $parties ->
        [one] { $party }
       *[other] nearest: { $party }
    }): { $parts }
party-expects-label = { $party } expects `{ $written }`
party-outside-help = each party states the codes of its share: check the row's imputation or service exécutant, or the parties' codes
commitment-overpaid = payments on EJ `{ $ej }` reach { $paid }, over its commitments of { $committed } by { $overrun }
commitment-overpaid-help = check the EJ number of the payment, or the commitment's lines
commitment-overpaid-law = payments on a commitment may not exceed it (GBCP, decree 2012-1246, art. 156)
row-on-ej = { $budget } { $amount } on EJ `{ $ej }`

## The consumption, in the summary.
consumed-of-ceiling = { $of }{ $budget } consumed { $sum } of { $limit } { $over ->
        [0] ({ $remaining } remaining)
       *[other] ({ $excess } over)
    }
consumed-no-overall-ceiling = { $of }{ $budget } consumed { $sum } (no overall ceiling)
consumed-yearly-ceiling-only = { $of }{ $budget } consumed { $sum } (yearly ceiling only: see each year)
consumed-by-party = { $side } { $party }: { $budget } consumed { $sum }
receipts-collected = receipts { $year }: { $sum } collected
receipt-account = a receipt on account { $account }, not of class 7
receipt-no-account = a receipt without an account
receipt-account-label = not a receipt account
receipt-account-law = receipts are on accounts of class 7, produits (plan comptable de l'État)
receipt-account-help = check the row's account, or whether the row is a receipt
consumed-no-ceiling = { $of }{ $budget } consumed { $sum } (no ceiling)
consumed-of-yearly-ceiling = { $of }{ $year } { $budget } consumed { $sum } of the yearly ceiling of { $limit } { $over ->
        [0] ({ $remaining } remaining)
       *[other] ({ $excess } over)
    }
consumed-of-forecast = { $of }{ $year } { $budget } consumed { $sum } of { $limit } forecast

## Term, notice and end (check).
term-before-start = { $budgets } dated { $date }, before the convention takes effect on { $start }
row-days-before-term = { $days ->
        [one] { $days } day before the term
       *[other] { $days } days before the term
    }
term-takes-effect-label = takes effect on { $start }
term-before-start-help = a délégataire may spend only once the convention has taken effect: check the date or the imputation
term-after-termination = { $budgets } dated { $date }, after the convention was terminated on { $end } ({ $cause })
row-days-after-termination = { $days ->
        [one] { $days } day after the termination
       *[other] { $days } days after the termination
    }
term-terminated-label = terminated on { $end }
term-after-termination-help = a terminated convention allows no further spending: check the date, or whether the notice was withdrawn
term-after-end = { $budgets } dated { $date }, after the convention ends on { $end }{ $renewal }
term-not-renewed = {" "}(not renewed: notice of termination given on { $given }, by the deadline of { $deadline }, the end less the renewal's notice)
row-days-after-term = { $days ->
        [one] { $days } day after the term
       *[other] { $days } days after the term
    }
term-ends-label = ends on { $end }
term-ends-by-label = ends on { $end } ({ $cause })
term-after-end-help = spending after the end needs an amendment (avenant) extending the term
end-by-term = the term
end-by-amendment = avenant { $number }
end-by-renewal = renewal { $number }
end-by-notice = the notice of { $given } plus { $period }
end-by-notice-without-period = the notice of { $given }, no notice period being stated
duration-days = { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
duration-clear-days = { $n ->
        [one] { $n } clear day
       *[other] { $n } clear days
    }
duration-working-days = { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }
duration-months = { $n ->
        [one] { $n } month
       *[other] { $n } months
    }
duration-years = { $n ->
        [one] { $n } year
       *[other] { $n } years
    }

## Imputation (check).
imputation-differs = imputation differs from the convention: { $parts }
imputation-no-envelope = { $common ->
        [0] imputation matches
       *[other] and matches
    } no envelope: { $parts }, for the nearest, "{ $name }"
code-empty = (empty)
code-instead-of = { $field } { $shown } instead of `{ $written }`
code-expected-label = expected `{ $written }`
code-envelope-expects-label = envelope "{ $name }" expects `{ $written }`
code-replaced-label = replaced by amendment { $number } from { $date }
code-brought-label = from amendment { $number } on { $date }
imputation-mismatch-help = every expense of the convention carries its imputation codes: correct the imputation in CHORUS or leave the row out of the convention's export
imputation-mismatch-envelope-help = each expense carries the codes of one envelope: correct the imputation in CHORUS, or state the envelope it belongs to
row-differs = differs from the convention
joined = { $items }

## Nature of expenses and markets (check).
nature-title = budget title
nature-account = account
nature-the-title = budget title
nature-the-account = account
nature-none = the row states no { $what }, and the convention restricts them ({ $clause })
nature-not-one = `{ $written }` is not a { $what }, and the convention restricts them ({ $clause })
nature-excluded = { $the } { $value } is excluded by the convention ({ $clause })
nature-not-authorised = { $the } { $value } is not among those the convention authorises ({ $clause })
nature-excluded-label = excluded: { $clause }
nature-authorised-label = authorised: { $clause }
row-nature = { $what } of the row
nature-excluded-help = the convention restricts the nature of its expenses: check the row's title or account in CHORUS, or leave the row out of the convention's export
market-supplier = supplier
market-contract = contract
market-none = the row names no { $what }
market-named = { $what } `{ $value }`
market-by-amendment = {" "}by avenant { $number }
market-authorised-from = { $what } `{ $value }` is authorised from { $from }{ $by }
market-neither = the row names neither a supplier nor a contract
market-none-named-only = { $missing }, and the convention authorises named markets only
market-and-none = { $message }; { $missing }
market-pair = contract `{ $contract }` is the market of { $market }, not of supplier `{ $supplier }`
row-pair-label = supplier and contract of two markets
market-pair-label = the contract's market and its holder: { $market }
market-pair-help = a contract is paid to its holder: check the supplier or the contract number of the row
market-not-authorised = { $parts } { $count ->
        [one] is
       *[other] are
    } not among the markets authorised on { $date }
market-later = { $message } ({ $later })
row-not-authorised = not authorised
market-unknown-help = the convention lists the contracts and holders it covers: check the supplier, or amend the convention
market-authorised-label = authorised: { $market }

## Reading exports: rejected rows.
row-rejected = row rejected: `{ $name }` is `{ $shown }`, { $why }
why-amount-empty = the amount is empty
why-not-an-amount = not an amount
why-too-many-decimals = more than two decimals
why-too-large = too large for exact arithmetic
why-other-currency = another currency than the euro
why-unmapped-budget = a value the profile does not map to AE or CP
why-no-date = no date
why-not-a-date = not a date
amount-help = amounts are euros with at most two decimals: `-1 234,56`, `1234.5`, `1 234,56 €`, `(1 234,56 €)`
date-help = dates are dd/mm/yyyy, dd.mm.yyyy or yyyy-mm-dd, optionally with a time
budget-help = the profile reads { $ae } as AE and { $cp } as CP{ $carried }{ $ignored }
budget-help-carried = , { $values } as carried-over AE
budget-help-skips = , and skips { $values }
row-rejected-width = row rejected: { $found } fields where the header has { $expected }
row-fields = { $found } fields
row-rejected-width-help = a field holding the delimiter must be quoted; check the export's delimiter

## Waivers and routing (check).
waiver-unused = the waiver of `{ $code }` for { $kind } `{ $number }` matched no finding
waiver-unused-label = unused
waiver-unused-help = the deviation may have been corrected, or the waiver's code or number is wrong: check it, or remove it
scope-unmatched = no convention's imputation codes match this row
row-matches-none = matches no convention
scope-unmatched-help = the row's imputation belongs to no convention of the rules folder: check its codes, or add the convention that covers them
scope-ambiguous = the row matches { $count } conventions: { $titles }
row-matches-several = matches several conventions
scope-ambiguous-help = conventions sharing imputation codes are told apart by their holders and terms: make one of them more specific

## Reading exports: files and headers.
missing-column = `{ $file }`: { $what }
reading-stopped = reading stopped at line { $line }: { $error }
cannot-read = cannot read `{ $file }`: { $error }
no-columns = no { $columns } column
no-columns-help = line { $line } looks like the header of layout `{ $profile }` but lacks { $columns }; for another layout, write a profile and pass `--profile FILE`
no-profile-header = no header line with the titles of profile `{ $profile }`
no-profile-header-help = the profile expects a line holding { $titles }
file-empty = the file is empty
file-empty-help = an export starts with a header line naming its columns (`date;type;montant;…`)
no-known-header = no header line of a known export layout
no-known-header-help = its first line reads { $seen }; clausier knows the layouts { $layouts }; for another one, write a profile and pass `--profile FILE`; the canonical CSV needs at least `date`, `type` and `montant`
no-profile-column = no `{ $title }` column (profile `{ $profile }`)
header-reads = the header reads { $titles }
profile-no-date = the profile maps no date
profile-no-amount = profile `{ $profile }` maps no amount


## Profiles (`--profile FILE`).
label-here = here
did-you-mean = did you mean `{ $word }`?
expected-one-of = expected one of: { $words }
kind-text = a quoted text
kind-date = a date
kind-amount = an amount
kind-word = a word
profile-unexpected = unexpected `{ $word }`
profile-one-per-file-help = a profile file holds one `profil "name" {"{"} … {"}"}`
profile-none = the file states no profile
profile-write-help = write `profil "name" {"{"} … {"}"}`
profile-needs-name = a profile needs a name
profile-unknown-clause = unknown profile clause `{ $word }`
profile-not-a-clause = not a profile clause
profile-no-header = the profile has no `en-tête`
profile-no-header-help = list the titles that identify the header line: `en-tête "N° EJ" "EUR"`
profile-no-budget = the profile has no `budget`
profile-no-budget-help = write `budget AE`, `budget CP`, `budget "column" {"{"} AE "…" CP "…" {"}"}` or `budget mesures {"{"} … {"}"}`
profile-no-date-column = the profile maps no `date` column
profile-no-date-column-help = write `date "title"`
profile-no-amount-column = the profile maps no `montant` column
profile-no-amount-column-help = write `montant "title"`
profile-expected-title = expected a quoted title, found { $found }
profile-titles-quoted-help = column titles are quoted: `"N° EJ"`
profile-titles-quoted-short-help = column titles are quoted
profile-not-occurrence = `{ $word }` is not an occurrence number
profile-not-occurrence-help = after a title, a number says which column of that title: `"Fournisseur" 2`
profile-needs-title = `{ $word }` needs a column title
profile-needs-title-help = write the column's title in quotes
profile-budget-column-help = inside `budget "column" {"{"} … {"}"}`: `AE "value" …`, `CP "value" …`, `report "value" …`, `ignorer "value" …`
profile-budget-needs = `budget` needs `AE`, `CP`, a column title or `mesures`
profile-budget-needs-help = e.g. `budget CP`
profile-measures-help = inside `budget mesures {"{"} … {"}"}`: `AE "column"`, `AE-moins "column"`, `CP "column"`
profile-measures-needs = `budget mesures` needs an `AE` and a `CP` column
profile-measures-needs-help = e.g. `AE "Montant engagé"` and `CP "Montant payé"`

## Files that cannot be read.
io-not-found = No such file or directory (os error 2)
io-permission-denied = Permission denied (os error 13)
io-is-a-directory = Is a directory (os error 21)
io-invalid-data = not a text file: it holds binary data
check-path-help = check the path and the file's permissions
cannot-read-again = cannot read the export again: { $error }
cannot-read-chunk = cannot read a chunk of the export: { $error }
record-too-long = a record longer than { $mib } MiB
quote-never-closed = a quoted field is not closed within { $mib } MiB
cannot-write-spill = cannot write the temporary sort file: { $error }
cannot-write-spill-help = clausier sorts large exports through the temporary directory: check TMPDIR's free space
workbook-help = clausier reads XLSX, XLS, XLSB and ODS workbooks; check that the file is one
no-sheet = `{ $file }` has no sheet `{ $sheet }`
sheets-are = its sheets are: { $sheets }
workbook-no-sheet = the workbook has no sheet
xlsx-not-zip = not a readable zip archive ({ $error })
xlsx-missing-part = the workbook has no part `{ $part }`
xlsx-xml = `{ $part }`, byte { $at }: { $error }
xlsx-ends-early = the sheet ends before `</sheetData>`
xlsx-bad-row = `{ $text }` is not a row number
xlsx-bad-cell = `{ $text }` is not a cell reference
xlsx-bad-type = `{ $text }` is not a cell type
xlsx-bad-entity = `&{ $text };` is not an XML entity
xlsx-bad-reference = `&` begins no entity reference
xlsx-bad-markup = `<!` begins neither a comment nor a CDATA section
xlsx-no-string = cell { $cell } names shared string { $index }, which the workbook does not have
xlsx-row-too-large = a row of `{ $part }` holds more than { $mib } MiB of XML
sheet-spool = cannot keep the sheet's text for showing its rows: { $error }
no-rule-file = `{ $folder }` holds no `*.conv` rule file
no-rule-file-help = give a rule file, or a folder holding rule files
no-profile = no profile `{ $name }`
no-profile-help = { $hint }built-in profiles: { $profiles }; or give the path of a profile file
did-you-mean-then = did you mean `{ $word }`?{" "}

## Lints of a convention (lint, check).
amendment-order = avenant { $number } (in force { $effect }) follows avenant { $previous } (in force { $previous_effect })
amendment-order-label = out of order
amendment-before-label = the amendment before it
amendment-order-help = state amendments in the order of their numbers, each in force no earlier than the one before
amendment-outside-term = avenant { $number } takes effect on { $effect }, outside the term ({ $start } to { $end })
outside-term-label = outside the term
the-term-label = the term
amendment-outside-term-help = an amendment changes a convention in force: check its effective date
amended-schedule-sum = after avenant { $number }, the { $budget } forecasts add up to { $sum }, the ceiling is { $limit }
ceiling-in-force-label = the ceiling in force
amended-schedule-sum-help = an amendment that raises a ceiling usually moves the schedule too: state the new schedule lines
removed-market-unknown = no market "{ $market }" is authorised when avenant { $number } takes effect
not-authorised-market-label = not an authorised market
no-market-then-help = no market is authorised then: remove this line
name-market-help = name a market by its purpose: { $names }
waiver-expired = the waiver of `{ $code }` expired on { $until }
waiver-expired-label = expired
waiver-expired-help = remove the waiver, or renew it with a new date
term-indefinite = the term has no end: decree 2004-1085 (art. 1) asks for "une durée limitée, éventuellement reconductible"
term-indefinite-label = no end: the convention ends only by a notice
term-indefinite-help = state the end the text gives (`fin DATE`, `pour 1 an`), with `reconduction 1 an préavis 3 mois` for a renewal from year to year; keep `indéterminée` only if the text says so
term-indefinite-no-notice-help = state the notice the text gives (`préavis 3 mois`): a term of no end ends only by a notice
end-and-indefinite = the term states both an end and `indéterminée`
end-and-indefinite-label = `indéterminée` says the term has no end
end-and-indefinite-help = keep the end the text gives (`fin`, `pour`), or `indéterminée` alone
term-inverted = the term ends on { $end } before it takes effect on { $start }
term-inverted-label = ends before the start
term-inverted-help = check both dates: the end date is usually a 31 December after the signature
schedule-sum = { $of }the { $budget } forecasts add up to { $sum }, the ceiling is { $limit }
ceiling-of-label = ceiling of { $limit }
schedule-sum-help = a schedule usually spreads the whole ceiling over the years: check each line
schedule-outside-term = a forecast for { $year } while the term runs from { $start } to { $end }
schedule-outside-term-help = nothing can be spent outside the term: fix the year or extend the term
schedule-cp-ahead = { $of }by the end of { $year }, forecast CP ({ $cp }) exceed forecast AE ({ $ae })
cp-ahead-label = CP ahead of AE
schedule-cp-ahead-help = payments follow commitments: cumulative CP cannot run ahead of cumulative AE
notice-missing = a notice of termination is given on { $date }, but the convention states no notice period: it takes effect that day
notice-missing-label = no `préavis` to count from here
notice-missing-help = state the convention's notice period, e.g. `préavis 3 mois`
notice-too-long = the notice period is longer than the { $days }-day term
notice-too-long-label = longer than the term
notice-too-long-help = a notice that outlasts the convention can never take effect: check its unit
imputation-inconsistent = { $field } `{ $code }` does not belong to programme { $programme }
expected-prefix-label = expected to start with `{ $prefix }`
the-programme-label = the programme
party-uncoded = { $party } states no codes while the other parties of its side do: it claims no rows
party-uncoded-label = no `uo`, `bop`, `centre-financier`, `activité` or `service-exécutant`
party-coded-label = { $party } states the codes of its share
party-uncoded-help = state this party's codes too (its `uo`, its `service-exécutant`…), or none for any party of the side
what-frame = the title of the parent convention, in quotes
what-text = the file of the signed text, in quotes
clause-outside-convention = the clause `{ $word }` stands outside the convention's block
clause-outside-convention-label = outside `convention "…" {"{"} … {"}"}`
clause-outside-convention-help = move it inside the block, before the convention's closing `{"}"}`
draft-todo = a sentence of the text is still to complete: « { $sentence } »
draft-todo-label = left by `clausier draft`
draft-todo-help = read the sentence in the text, write the clause it states (or none), then delete this comment
source-unreadable = the convention's text `{ $file }` cannot be read: { $error }
source-unreadable-label = the text the citations refer to
source-unreadable-help = put the text beside the rule file (the path is relative to it), or correct its name
source-unknown-article = `({ $cite })` is not in `{ $file }`
source-unknown-article-label = no such article in the text
source-unknown-article-help = the text has: { $articles }
citation-malformed = `({ $part })` is not a citation of the text
citation-malformed-label = an article, a paragraph or an annex, with its number
citation-malformed-help = cite the text as `(art. 4)`, `(art. 4, al. 2)`, `(annexe 1)` or `(annexe 1, art. 2)`
cite-article = article { $article } of the convention
cite-article-paragraph = article { $article }, paragraph { $paragraph }, of the convention
cite-annex = annex { $annex } of the convention
cite-annex-article = article { $article } of annex { $annex } of the convention
frame-lone = the parent convention "{ $title }" is looked for among the rule files read together: a lone file cannot resolve it
frame-lone-help = lint or check the rules folder that holds the parent convention
frame-unknown = no convention of the rules folder is titled "{ $title }"
frame-unknown-help = copy the parent convention's title exactly, or add its rule file to the folder
frame-unknown-label = the parent convention
frame-outside = { $what }: outside the parent convention "{ $parent }"
frame-outside-label = outside the parent convention
frame-parent-label = sub-delegation of "{ $parent }"
frame-outside-help = a sub-delegation cannot give more than its parent holds: its term, codes and ceilings stay within the parent's
frame-starts-before = takes effect on { $start }, before the parent on { $parent }
frame-ends-after = ends on { $end }, after the parent on { $parent }
frame-no-end = has no end, while the parent ends on { $parent }
frame-code = does not state the parent's { $field } `{ $code }`
frame-ceiling = a ceiling of { $amount } in { $budget }, above the parent's { $parent }
uo-differs = the uo `{ $uo }` differs from the imputation's centre financier `{ $code }`
uo-differs-label = a UO is a centre financier
the-centre-financier-label = the centre financier
uo-differs-help = in CHORUS a UO is a centre financier (programme-BOP-UO): state one code, or the same in both
outside-bop = the centre financier `{ $code }` is not in the BOP `{ $bop }`
the-bop-label = the BOP
outside-bop-help = a BOP is the first two parts of its centre financiers (`0124-CDAF` for `0124-CDAF-CDSI`)
imputation-inconsistent-help = the centre financier, domaine fonctionnel and activité of an imputation start with the programme's four digits (0124-…)
too-many-envelopes = a convention holds at most { $max } envelopes
too-many-envelopes-label = one envelope too many
too-many-envelopes-help = merge envelopes, or split the convention's rule file by programme
envelope-no-code = envelope "{ $name }" states no code of its own: no row can be told to belong to it
envelope-no-code-label = no code of its own
envelope-no-code-help = state the code the convention puts this envelope's credits on (`centre-financier …`, `activité …`)
envelope-conflict = envelope "{ $name }" states { $field } `{ $own }`, the common imputation `{ $common }`: no row can carry both
envelope-code-label = the envelope's code
common-imputation-label = the common imputation's
envelope-conflict-help = the imputation holds the codes common to every envelope: state this field in each envelope, not in the imputation
envelopes-indistinct = envelopes "{ $first }" and "{ $second }" differ in no code: a row carrying the codes of one carries the other's
indistinct-label = cannot be told apart
from-envelope-label = from this envelope
envelopes-indistinct-help = give each envelope a code of its own that the others state differently (a centre financier, an activité…)
envelopes-over-ceiling = the envelopes' { $yearly ->
        [0] {""}
       *[other] yearly{" "}
    }{ $budget } ceilings add up to { $sum }, above the overall { $yearly ->
        [0] {""}
       *[other] yearly{" "}
    }ceiling of { $limit }
overall-ceiling-label = the overall ceiling
envelopes-over-ceiling-help = the overall ceiling binds too: the envelopes cannot all be spent; check the figures, or lower an envelope
envelope-ceiling-label = an envelope's ceiling
code-malformed = `{ $code }` is not a valid code here
code-expected-format-label = expected { $format }
code-format-help = CHORUS writes this code as { $format }
format-programme = 3 digits, e.g. `124`
format-bop = `PPPP-XXXX`, e.g. `0124-CDAF`
format-service-executant = 10 capitals and digits, e.g. `CSP0000075`
format-centre-financier = `PPPP-XXXX-XXXX`, e.g. `0124-CDAF-CDSI`
format-domaine = `PPPP-AA` or `PPPP-AA-SS`, e.g. `0124-11`
format-activite = 12 digits, e.g. `012460111304`
format-centre-de-couts = up to 10 letters and digits, e.g. `DININCUB75`
supplier-malformed = `{ $number }` is not a CHORUS supplier number
ten-digits-label = expected 10 digits
supplier-malformed-help = a CHORUS supplier (tiers) number has 10 digits, e.g. `1001091655`
market-duplicate = two markets share the { $what } `{ $value }`
market-key-purpose = purpose
market-key-chorus = CHORUS number
market-key-number = contract number
stated-again-label = stated again here
first-stated-label = first stated here
market-duplicate-help = state each contract once; a holder with two contracts has two contract numbers

## What a clause expects (rule files).
what-nor = the NOR reference
what-signature = the signature date
what-legal-basis = the legal basis
what-uo = the budget unit (UO)
what-accountant = the accounting officer
what-publication = where the convention is published
what-reporting = the reporting duty
what-title = the convention's title
what-party-name = the party's name
what-party-acronym = the party's acronym
what-signatory-name = the signatory's name
what-signatory-role = the signatory's role
what-market-purpose = what the contract is for
what-end-date = the end date
what-duration-count = a number of days, months or years
what-duration-unit = a unit (`jours`, `mois` or `ans`)
what-notice-date = the date the notice was given
what-amendment-number = the amendment's number
what-removed-market = the purpose of the market removed
what-amendment-effect = the date the amendment takes effect
what-new-end = the new end of the term
what-envelope-name = the envelope's name
what-waived-code = the code of the finding waived
what-key-kind = `ej` or `dp`
what-key-number = the EJ or DP number
what-waiver-reason = why the deviation is accepted
what-waiver-approver = who approved it
what-waiver-until = the last day the waiver holds
what-effect = `signature` or a date
what-effective-date = the effective date
what-code = a code
what-programme-name = the programme's name
what-field-name = a field name (`titulaire`, `chorus` or `numéro`)
what-whole-number = a whole number (e.g. `3 mois`)
what-unit = `jours`, `jours francs`, `jours ouvrés`, `mois` or `ans`
what-renewal-count = a number of renewals after `fois`
what-renewal-clause = `fois N`, `préavis N mois` or `report-jour-ouvré`
what-notice-by = `délégant` or `délégataire` after `par`
what-notice-object = `résiliation` or `modification` after `objet`
what-notice-clause = `par …`, `objet …` or `report-jour-ouvré`
what-amendment-number-block = the amendment's number (`avenant 1 {"{"} … {"}"}`)
what-key-kind-long = `ej` or `dp`, the kind of row key
what-effect-date = `signature` or a date (yyyy-mm-dd)
what-budget-amount = a budget (AE or CP) and an amount
what-budget-before-amount = a budget (AE or CP) before the amount
what-schedule-amounts = amounts in AE and CP
what-amount-after-budget = an amount after the budget
what-delegated = the budgets delegated (`AE`, `CP`, `AE et CP`, `dépenses`, `recettes` or `dépenses et recettes`)
what-amount = an amount in euros (e.g. `400 000 €`)
what-budget = a budget: `AE` or `CP`
what-budget-title = a budget title, 1 to 7 (`titre 3`, `titre hors 2`)
what-pce-account = a PCE account or its first digits (`compte 61`, `compte hors 64`)

## Lowering rule files: values and clauses.
what-as-text = { $what }, as a quoted text
what-as-date = { $what } (yyyy-mm-dd)
what-value-of = the value of `{ $word }`
not-a-calendar-date = `{ $raw }` is not a calendar date
no-such-day-label = no such day
not-a-calendar-date-help = dates are yyyy-mm-dd, with a month from 01 to 12 and a day that exists in it
not-a-valid-amount = `{ $raw }` is not a valid amount
amount-too-large-label = too large
not-a-valid-amount-help = write euros with at most two decimals: `400 000 €`, `1 234,56 €`
expected-found = expected { $expected }, found { $found }
expected-label = expected { $expected }
needs-value = `{ $clause }` needs { $what }
expected-here-label = { $what } expected here
unknown-clause = unknown clause `{ $word }`
not-a-clause = not a clause
unknown-market-field = unknown `marché` field `{ $word }`
not-a-market-field = not a `marché` field
unknown-diagnostic-code = unknown diagnostic code `{ $word }`
not-a-diagnostic-code = not a diagnostic code
unknown-thing-to-remove = unknown thing to remove `{ $word }`
not-a-thing-to-remove = not a thing to remove
value-help-text = texts are written between double quotes: `"Direction …"`
value-help-date = dates are written yyyy-mm-dd, e.g. `2017-08-24`
value-help-amount = amounts are euros with a currency: `400 000 €`
value-help-reference = see the language reference in README.md
one-convention-per-file = a rule file holds one convention
second-convention-label = second convention
one-convention-per-file-help = put each convention in a file of its own
no-convention = the file states no convention
expected-convention-label = expected `convention "…" {"{"}`
no-convention-help = a rule file starts with `convention "title" {"{"}` and ends with `{"}"}`
stated-twice = `{ $clause }` is stated twice
keep-one-help = keep one of them
no-clauses = the convention has no clauses
expected-block-label = expected `{"{"}` after the title
no-clauses-help = write the clauses inside `convention "…" {"{"} … {"}"}`
missing-here-label = `{ $clause }` missing here
clause-missing = the convention has no `{ $clause }` clause
clause-missing-help = every convention states it, e.g. `{ $example }`
fin-and-pour = the term states both `fin` and `pour`
fin-and-pour-label = a duration and an end date
fin-and-pour-help = state the end date, or the duration from the effective date, not both
term-incomplete = the term has no `{ $first }`{ $count ->
        [one] {""}
       *[other] {" "}and no `{ $second }`
    }
term-incomplete-label = incomplete term
term-incomplete-help = write `durée {"{"} effet signature` (or a date) `fin 2018-12-31 {"}"}`
amendment-no-effect = avenant { $number } has no `effet` date
amendment-no-effect-help = an amendment states when it takes effect: `effet 2018-07-01`
envelope-twice = envelope "{ $name }" is stated twice
envelope-twice-help = give each envelope a name of its own, or merge the two
waiver-no-reason = a waiver needs a `motif`
waiver-no-reason-help = say why the deviation is accepted: `motif "…"`
ceiling-twice = the { $yearly ->
        [0] {""}
       *[other] yearly{" "}
    }{ $budget } ceiling is stated twice
ceiling-twice-help = a convention has one ceiling per budget; keep one of them
not-a-year = `{ $word }` is not a year
expected-year-label = expected a year
schedule-line-help = each schedule line reads `2017 AE 296 210 € CP 48 105 €`
forecast-twice = the { $budget } forecast for { $year } is stated twice
forecast-twice-help = state each year's AE and CP once
takes-values = `{ $clause }` takes { $count ->
        [0] no value
       *[other] { $count } values
        [1] one value
    } here
unexpected-label = unexpected
takes-values-help = remove these values, or start a new line for another clause
takes-no-block = `{ $clause }` takes no block
unexpected-block-label = unexpected block
takes-no-block-help = remove the `{"{"} … {"}"}`

## Syntax of rule files.
syntax-nesting = the file cannot be read here: { $message }
syntax-nesting-label = nested too deeply
syntax-nesting-help = blocks nest a few levels deep in a convention; thousands of nested `{"{"}` are not a rule file
syntax-unterminated = unterminated quoted text
syntax-unterminated-label = this text is never closed
syntax-unclosed = a block is never closed: `{"}"}` expected before the end of the file
syntax-unclosed-label = this `{"{"}` is never closed
syntax-file-ends-label = the file ends here
syntax-unclosed-help = add the `{"}"}` that closes this block, after its last clause
syntax-invisible-help = delete this invisible character (often pasted from a word processor or a web page) and type a plain space if one is needed
found-end-of-file = the end of the file
found-end-of-line = the end of the line
found-unterminated = an unterminated quoted text
found-invisible = an invisible character, { $name } ({ $code })
char-bom = a byte order mark
char-nbsp = a no-break space
char-nnbsp = a narrow no-break space
char-zwsp = a zero-width space
char-zero-width = a zero-width joiner or non-joiner
char-other-space = a space or control character that is not a plain space
rule-something-else = something else
rule-end-of-file = the end of the file
rule-keyword = a keyword
rule-close = `{"}"}`
rule-open = `{"{"}`
rule-text = a quoted text
rule-date = a date (yyyy-mm-dd)
rule-money = an amount in euros (400 000 €)
rule-comment = a comment
rule-citation = a citation of the text, `(art. 4)`
rule-convention = a convention
rule-value = a value
syntax-help-quote = a quoted text must end with `"` on the same line
syntax-help-close = this `{"}"}` closes no open `{"{"}`: remove it or add the block it closes
syntax-help-unclosed = a block opened with `{"{"}` is never closed: add `{"}"}`
syntax-help-number = amounts need a currency (`400 000 €`) and dates are written yyyy-mm-dd
syntax-help-line = each line holds one clause: a keyword, its values, and optionally `{"{"}` to open a block
amount-needs-currency = an amount needs its currency: `{ $written }` should read `{ $suggestion }`
no-currency-label = no currency
amount-needs-currency-help = write `{ $suggestion }` (or `EUR` after the number)
clause-unchecked = { $clause } cannot be checked on `{ $file }`: it has no { $words } column
clause-unchecked-label = needs a { $words } column
clause-unchecked-help = export the { $words } column from CHORUS, or map it in a profile (`{ $column }` in `--profile FILE`; the export was read as `{ $profile }`)

## A column of the export in words, by its canonical name (`centre_financier`):
## what the sentences about a missing column say.
column-words = { $column ->
        [programme] programme
        [bop] BOP
        [centre_financier] centre financier
        [domaine_fonctionnel] domaine fonctionnel
        [activite] activité
        [centre_de_couts] centre de coûts
        [service_executant] service exécutant
        [fournisseur] supplier
        [marche] contract
        [n_ej] EJ number
        [titre] budget title
        [compte] account
       *[other] `{ $column }`
    }
clause-imputation = the imputation's { $field ->
        [programme] programme
        [bop] BOP
        [centre_financier] centre financier
        [domaine_fonctionnel] domaine fonctionnel
        [activite] activité
        [centre_de_couts] centre de coûts
        [service_executant] service exécutant
       *[other] code `{ $field }`
    }
clause-markets = the list of authorised markets
clause-nature = the nature of expenses (`{ $keyword }`)
clause-commitments = the rule that payments on a commitment do not exceed it

## Waivers, as findings carry them.
waiver-text = { $reason }{ $approved }{ $until }
waiver-approved-by = , approved by { $who }
waiver-until = , until { $until }
delimiter-tab = tabs
read-as = the file was read as { $encoding }, with { $delimiter } between fields
help-then = { $first }; { $then }
sheets-try = the workbook's sheets are { $sheets }: if the data is on another one, pass `--sheet "{ $other }"`
row-stray-quote = row rejected: a quote opens the field `{ $column }` and is not closed on its line; read as a quoted field, it would have swallowed { $lines ->
        [one] the line after it
       *[other] the { $lines } lines after it
    }
stray-quote-label = the quote opens here
row-stray-quote-help = a quote inside a field is written twice (`""`), or the whole field is quoted; reading goes on at the next line
field-programme = programme
field-bop = BOP
field-service-executant = service exécutant
field-centre-financier = centre financier
field-domaine-fonctionnel = domaine fonctionnel
field-activite = activité
field-centre-de-couts = centre de coûts

## `clausier draft`: reading a convention's text.
draft-zip = the file is a damaged ZIP archive (Word and LibreOffice files are ZIP archives): { $error }
draft-zip-unknown = the file is a ZIP archive, but neither a Word document (.docx) nor a LibreOffice one (.odt)
draft-xml = the document's XML is damaged at byte { $at }: { $error }
draft-pdf-unreadable = the PDF cannot be read: { $error }
draft-pdf-unreadable-panic = the PDF cannot be read: its structure is damaged or of a kind the PDF reader does not know
draft-pdf-scanned = the PDF has no text layer ({ $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } of images): it is a scan; run it through character recognition (OCR), or draft from the Word file
draft-pdf-not-built = this build of clausier reads no PDF (built without the `pdf` feature)

