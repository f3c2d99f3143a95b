### The command line: summary, progress, help.

## Human output: the notes under a finding.
human-the-clause = the clause: { $label }
human-the-clause-cited = the clause, { $cite }: { $label }
human-see = see: { $label }
human-see-cited = see, { $cite }: { $label }
human-help-label = help:
human-law-label = rule:
human-text-label = text:
human-waived = waived: { $reason }

## Plain and GitHub outputs: every place spelt out.
severity-error = error
severity-warning = warning
place-clause = { $file } line { $line }, column { $column } ({ $label })
place-column = column { $column }
place-row = { $file } line { $line }{ $count ->
        [0] {""}
        [one] , field { $fields }
       *[other] , field { $fields }
    } ({ $label })
plain-waived = waived: { $reason }
plain-row = row: { $place }
plain-clause = clause: { $place }
plain-see = see: { $place }
plain-help = help: { $help }
plain-law = rule: { $law }
plain-text = text: { $cite }

## The summary at the end of a run.
summary-lint = summary: rule files: { $files }; { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
summary-findings = summary: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
summary-check = summary: { $read ->
        [one] { $read } row read,
       *[other] { $read } rows read,
    } { $checked } checked{ $out ->
        [0] {""}
       *[other] , { $out } out of scope (budget or receipts not delegated)
    }, { $rejected } rejected, { $skipped } skipped; { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
summary-routing = routing: { $unmatched ->
        [one] { $unmatched } row matched no convention
       *[other] { $unmatched } rows matched no convention
    }, { $ambiguous } matched several
summary-not-checked = not checked: { $what }
summary-file = { $file }: profile { $profile } ({ $encoding }{ $has_year ->
        [0] {""}
       *[other] , fiscal year { $year }
    }{ $has_measure ->
        [0] {""}
       *[other] , measure { $measure }
    }), { $lines ->
        [one] { $lines } line
       *[other] { $lines } lines
    } = { $parts }
lines-preamble = { $n } preamble
lines-header = { $n } header
lines-checked = { $n } checked
lines-after-period = { $n } after the period
lines-out-of-scope = { $n } out of scope
lines-rejected = { $n } rejected
lines-subtotal = { $n } subtotal
lines-skipped = { $n } skipped
lines-continued = { $n } continued
lines-blank = { $n } blank

## Clauses an export cannot check.
unchecked-imputation = the imputation's { $field ->
        [programme] programme
        [bop] BOP
        [centre_financier] centre financier
        [domaine_fonctionnel] domaine fonctionnel
        [activite] activité
        [centre_de_couts] centre de coûts
        [service_executant] service exécutant
       *[other] code `{ $field }`
    }: no column in `{ $file }` (profile `{ $profile }`)
unchecked-envelopes = envelopes "{ $first }" and "{ $second }": told apart only by columns absent from `{ $file }`, so its rows count in neither
unchecked-markets = authorised markets: no supplier or contract column in `{ $file }`
unchecked-nature = nature of expenses (`{ $keyword }`): no `{ $keyword }` column in `{ $file }` (profile `{ $profile }`)
unchecked-uo = uo `{ $uo }`: it differs from the imputation's centre financier `{ $cf }`, which is checked instead
unchecked-commitments-cp-only = payments per commitment in `{ $file }`: the convention does not delegate AE (`délégation CP`), so the export holds no commitments to pay on
unchecked-commitments = payments per commitment: no EJ number column in `{ $file }`
unchecked-commitments-partly-delegated = payments per commitment: { $count ->
    [one] 1 commitment not judged: some of its AE are dated while only CP were delegated
   *[other] { $count } commitments not judged: some of their AE are dated while only CP were delegated
}

## fmt.
fmt-syntax-errors = `{ $file }` has syntax errors: not formatted
fmt-cannot-write = cannot write `{ $file }`: { $error }
test-unknown = unknown word `{ $word }` in a test file
test-bad-label = not as a test states it
test-needs-name = a test needs its name in quotes: `essai "…" {"{"} … {"}"}`
test-bad-date = `au` takes the day of the run, e.g. `au 2018-12-31`
test-bad-export = `export` takes a CSV file's path in quotes, relative to the test file
test-needs-expected = a test needs its `attendu` findings (`attendu aucun` when there are none)
test-needs-rows = a test needs its rows: `ligne …` items, or one `export "file.csv"`, not both
test-bad-row = a row is `ligne` followed by column and value pairs: `ligne date 2017-09-01 type AE montant 1 500,00 €`
test-bad-expected = `attendu` takes `aucun` or a block of `ligne N code…` and `hors-ligne code…`
test-bad-row-number = `ligne` takes a row number, then codes
test-bad-code = not a diagnostic code
test-bad-code-help = `clausier explain all` lists the codes
test-no-rules = no rule file `{ $rules }` beside the test file
test-no-tests = no test file (`*.essais`) in { $paths }
test-running = running { $count } tests
test-ok = ok
test-failed = FAILED
test-line = test { $file } :: { $name } ... { $status }
test-failures = failures:
test-expected = expected:
test-actual = found:
test-could-not-run = could not run:
test-none = (none)
test-row = row { $row }: { $code }
test-no-row = no row: { $code }
test-result = test result: { $status }. { $passed } passed; { $failed } failed
fix-at = fixed `{ $file }` line { $line }: { $change }
fix-replaced = `{ $from }` → `{ $to }`
fix-inserted = `{ $to }` added
fix-laid-out = laid out `{ $file }` canonically
fix-stdin = `--fix` repairs files, not standard input: `clausier fmt -` lays it out
fmt-as-written = { $file } (as written)
fmt-formatted = { $file } (formatted)

## draft.
draft-cannot-read = cannot read the convention's text `{ $file }`: { $error }
draft-written = draft written: { $clauses ->
        [one] { $clauses } clause
       *[other] { $clauses } clauses
    }, { $todo ->
        [0] no sentence to complete
        [one] { $todo } sentence to complete (`# à compléter`): review it, then run `clausier lint`
       *[other] { $todo } sentences to complete (`# à compléter`): review them, then run `clausier lint`
    }
draft-diff-no-convention = `{ $file }` holds no convention to compare with
draft-diff-heading = `{ $text }` compared with `{ $rules }`:
draft-diff-differs = { $clause }: the text says { $text }, the rule file { $rules }
draft-diff-text-only = { $clause }: { $value } in the text, not in the rule file
draft-diff-rules-only = { $clause }: { $value } in the rule file, not supported by the text
draft-diff-summary = { $same } clauses agree, { $differ } differ

## explain.
explain-why = Why it matters
explain-example = Example
explain-fix = How to fix it
explain-no-code = no diagnostic code `{ $code }`; { $hint }`clausier explain all` lists them

## report: the consumption statement.
report-term-label = Term:
report-frame = sub-delegation within "{ $parent }": its rows count toward that convention's ceilings too
report-term = from { $start } to { $end }{ $why }
report-term-renewed = from { $start }, renewed without limit until a notice stops a renewal
report-term-indefinite = from { $start }, of no end (indéterminée): until a notice
report-terminated-by = {" "}(terminated: { $cause })
report-end-set-by = {" "}(end set by { $cause })
report-scope-convention = convention
report-scope-envelope = envelope « { $name } »
report-scope-year = { $who }, { $year }
report-consumption = Consumption against the ceilings in force
report-cited = { $heading } ({ $cite })
csv-header = convention;section;key;budget;amount;limit;remaining
csv-ceiling = ceiling
csv-schedule = schedule
csv-month = month
csv-holder = holder
csv-commitment = commitment
csv-total = total
report-per-year = Per year, against the forecast schedule
report-per-month = Per month
report-cumulative-ae = cumulative AE
report-cumulative-cp = cumulative CP
report-per-holder = Per holder
report-not-listed = (not a listed holder)
report-holder-line = { $supplier } { $name }: { $commitments ->
        [one] { $commitments } commitment
       *[other] { $commitments } commitments
    }, committed { $committed }, paid { $paid }, remaining to pay { $remaining }
report-per-commitment = Per commitment (EJ)
report-commitment-line = { $ej }: committed { $committed }, paid { $paid }, remaining to pay { $remaining }
report-crossings = Limits first crossed
report-none = none
report-crossing-line = { $date }: { $limit }
report-findings = Findings: { $count }
report-findings-heading = Findings
report-audit = Audit: clausier { $version }, { $at }
report-audit-heading = Audit record
report-standard-input = (standard input)
report-no-movement = No movement to chart.
report-ceilings = Ceilings
report-schedule = Forecast schedule
report-col-convention = convention
report-col-title = title
report-col-waived = waived
report-xlsx-convention = Convention
report-xlsx-needs-output = an Excel workbook is written to a file: give it with --output FILE
report-xlsx-too-many-rows = the table “{ $table }” has { $rows } lines, more than a sheet holds (1,048,575): write the statement as CSV or JSON
report-key-dates = Key dates
report-col-what = what
report-col-status = status
key-effect = the convention takes effect
key-amendment = amendment { $number } takes effect
key-renewal-deadline = last day for a notice to stop renewal { $number } (art. 641)
key-renewal = renewal { $number } begins
key-notice = notice of termination given
key-end = end in force, by { $cause }
key-past = past
key-soon = within 90 days
key-later = later
help-clausier-report-date = The statement's date: key dates before it are marked past, those within the 90 days after it marked soon (the --au date, else today, when absent)
report-col-scope = scope
report-col-budget = budget
report-col-consumed = consumed
report-receipts = Receipts collected per year
report-col-collected = collected
report-col-ceiling = ceiling in force
report-no-ceiling = no ceiling
report-yearly-ceiling-only = yearly ceiling only
report-col-remaining = remaining
report-col-year = year
report-col-forecast = forecast
report-col-month = month
report-col-supplier = supplier
report-col-holder = holder
report-col-committed = committed
report-col-paid = paid
report-col-to-pay = remaining to pay
report-col-date = date
report-col-limit = limit
report-col-severity = severity
report-col-message = message
report-col-row = row
report-col-role = role
report-col-file = file
report-col-bytes = bytes
report-col-ae = AE
report-col-cp = CP
report-col-ej = EJ

## Human output: findings beyond the first 20 of a code.
human-more = … and { $more } more `{ $code }`
human-see-all = (to see them all: `--all`, or `--format json`)
human-per-code = findings per code:

## The progress line of long runs.
progress-line = clausier: { $rows } M rows, { $megabytes } MB ({ $row_rate } M rows/s, { $byte_rate } MB/s){ $left }
progress-left = , { $percent } % read, about { $seconds } s left

## Errors of the command line.
unknown-language = unknown language `{ $value }` (--lang or CLAUSIER_LANG): use `fr` or `en`
cannot-write-report = cannot write the report: { $error }

## --help: each command's and argument's help line (help-<command path>-<argument>).
help-clausier = Checks French State delegation-of-management conventions (decree 2004-1085) against CHORUS exports
help-clausier-lang = Language of what clausier says: `fr` or `en` (else CLAUSIER_LANG, else the locale: LC_ALL, LC_MESSAGES, LANG; else the system's language, as on Windows; else English)
help-clausier-check = Evaluates exported transactions against a convention's clauses
help-clausier-check-rules = The convention's rule file (`.conv`), or a folder of rule files: each row is then routed to the convention whose imputation codes it bears
help-clausier-check-exports = Exports to check (CSV, XLSX, XLS, ODS; `-` for standard input), read as one chronological stream
help-clausier-check-format = Output format
help-clausier-check-color = When to colour human output
help-clausier-check-fail_level = Findings that fail the run (exit code 1)
help-clausier-check-deny = `--deny warnings`: the same as `--fail-level warning`
help-clausier-check-all = Human output: draw every finding, not the first 20 of each code (the others are counted at the end)
help-clausier-check-date = The day of the run, for `waiver.expired` (today when absent); the verdicts on rows never depend on it
help-clausier-check-profile = Import profile: a built-in name (see README) or a profile file; detected from each export's header when absent
help-clausier-check-encoding = Text encoding of the exports; detected when absent
help-clausier-check-sheet = Sheet of spreadsheet exports; the first when absent
help-clausier-check-threads = Threads reading a large export file (one chunk each); all cores when absent. Findings do not depend on it
help-clausier-check-quiet = No progress line on standard error (it is shown only on a terminal)
help-clausier-lint = Checks rule files: syntax, clauses, values and consistency
help-clausier-lint-paths = Rule files, or directories searched recursively for `*.conv`; `-` reads one rule file from standard input
help-clausier-lint-fix = Repair each file first: the machine-applicable fixes (a misspelt keyword, an amount without its currency, a text left unclosed) and the canonical layout, each change said on standard error; then report what remains
help-clausier-lint-format = Output format
help-clausier-lint-color = When to colour human output
help-clausier-lint-fail_level = Findings that fail the run (exit code 1)
help-clausier-lint-deny = `--deny warnings`: the same as `--fail-level warning`
help-clausier-lint-all = Human output: draw every finding, not the first 20 of each code (the others are counted at the end)
help-clausier-lint-date = The day of the run, for `waiver.expired` (today when absent); the verdicts on rows never depend on it
help-clausier-fmt = Rewrites rule files in the canonical layout (or checks it)
help-clausier-fmt-paths = Rule files, or directories searched recursively for `*.conv`; `-` reads a rule file from standard input and writes it formatted to standard output. Each file keeps its encoding, BOM and line ends
help-clausier-fmt-check = Change nothing: print a diff for each file that is not formatted, and exit with 1 if there is one
help-clausier-report = The consumption statement: per year, month, holder and commitment, against the schedule and the ceilings in force (human, JSON, CSV, HTML)
help-clausier-report-rules = The convention's rule file, or a folder of rule files
help-clausier-report-exports = Exports (CSV, XLSX, XLS, ODS; `-` for standard input)
help-clausier-report-format = Output format: human (the default), json, csv, html, xlsx (an Excel workbook, written to --output)
help-clausier-report-csv_dialect = The CSV's dialect: excel (a BOM, `;`, a decimal comma, CRLF: what French Excel opens as numbers; the default) or plain (no BOM, a decimal point, LF: for programs). Text cells are guarded against formulas in both
help-clausier-report-au = States the consumption as at this date: rows dated after it are left out (and counted), ceilings and forecasts are those in force on it, the time left runs from it
help-clausier-report-du = Starts the statement's months and charts on this date; rows before it are still checked and count in the cumulative figures
help-clausier-report-output = Write the statement to this file instead of standard output
help-clausier-report-profile = Import profile: a built-in name (see README) or a profile file; detected from each export's header when absent
help-clausier-report-encoding = Text encoding of the exports; detected when absent
help-clausier-report-sheet = Sheet of spreadsheet exports; the first when absent
help-clausier-report-threads = Threads reading a large export file (one chunk each); all cores when absent. Findings do not depend on it
help-clausier-report-quiet = No progress line on standard error (it is shown only on a terminal)
help-clausier-explain = Explains a diagnostic code: meaning, why it matters, example, fix
help-clausier-explain-code = A diagnostic code, e.g. `ceiling.exceeded`; `all` lists every code
help-clausier-draft = Drafts a rule file from a convention's signed text (PDF, Word, HTML, text), each clause citing its article; or compares the text with a rule file
help-clausier-draft-text = The convention's signed text: PDF, Word (.docx), LibreOffice (.odt), HTML or plain text
help-clausier-draft-output = Write the rule file there instead of standard output
help-clausier-draft-format = `conv`: the rule file; `json`: every clause found, with its article, its place in the text and how it was recognised
help-clausier-draft-diff = Compare the text with this rule file and list what differs; exit with 1 if something does
help-clausier-lsp = A language server for rule files, over standard input and output
help-clausier-test = Runs the tests of conventions (`*.essais` beside the rule files)
help-clausier-test-paths = Test files (`*.essais`), rule files (their tests beside them), or folders searched for `*.essais`; `rules` when absent
help-clausier-test-format = Output format: human (one line per test, the findings of a failure, a closing count; default), json, junit (JUnit XML for CI)
help-clausier-completions = Prints a shell's completion script (bash, zsh, fish, PowerShell, elvish)
help-clausier-completions-shell = The shell: bash, zsh, fish, powershell or elvish
help-clausier-man = Writes the manual pages (`clausier.1` and one per command) into a folder
help-clausier-man-out = The folder the pages are written to (created if need be)
man-written = { $count ->
    [one] { $count } manual page in `{ $folder }`: { $pages }
   *[other] { $count } manual pages in `{ $folder }`: { $pages }
}
man-not-written = cannot write the manual pages into `{ $folder }`: { $error }
help-exit-codes = Exit codes: 0 no failing finding, 1 at least one finding at or above the fail level (errors by default; `--deny warnings` adds warnings; for `fmt --check`, a file not formatted), 2 unusable input (for `check`, a rule file with errors; a missing or unreadable file; an export without the required columns; a rule file with syntax errors for `fmt`).
help-exit-codes-report = Exit codes: 0 the statement was written, 2 unusable input.
help-exit-codes-draft = Exit codes: 0 the draft was written, 1 with --diff: the text and the rule file differ, 2 unusable input.
cli-error-unknown-argument = unexpected argument `{ $arg }`
cli-error-unknown-command = unknown command `{ $arg }`
cli-error-invalid-value = invalid value `{ $value }` for `{ $arg }`
cli-error-invalid-value-because = invalid value `{ $value }` for `{ $arg }`: { $reason }
cli-error-possible-values = possible values: { $values }
cli-error-missing = missing: { $args }
cli-error-missing-command = a command is needed: { $commands }
cli-error-missing-value = `{ $arg }` needs a value
cli-error-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-error-too-many = unexpected value `{ $value }`
cli-error-other = the command line cannot be read: { $detail }
cli-error-tip = did you mean `{ $suggestion }`?
cli-error-usage = usage: { $usage }
cli-error-more = more: `{ $command } --help`
cli-error-not-a-date = expected a date as YYYY-MM-DD
cli-error-not-a-number = expected a whole number above 0
hover-nor = the convention's NOR number, as published
hover-signature = the day the convention was signed; `effet signature` makes it take effect then
hover-base-legale = the text the delegation rests on (decree n° 2004-1085)
hover-delegant = the service that delegates: it keeps the credits and lets the délégataire spend them
hover-delegataire = the service that spends on the délégant's behalf, within the convention's limits
hover-marche = a contract the délégataire may pay under, with its holder and CHORUS number; rows to other suppliers are `market.unknown`
hover-uo = the budget unit (unité opérationnelle) whose spending is delegated: in CHORUS a centre financier (programme-BOP-UO), compared with the rows' centre financier
hover-duree = the term: when the convention takes effect, when it ends, its tacit renewals; no row may fall outside it
hover-plafond = a ceiling in AE (commitments) or CP (payments), overall, per envelope or per year: crossing it is `ceiling.exceeded`
hover-echeancier = the yearly forecast of consumption; a year over its forecast is `schedule.exceeded`
hover-comptable = the public accountant who pays
hover-bop = a whole BOP (budget opérationnel de programme, `0124-CDAF`): compared with the export's BOP column, else with the first two parts of the rows' centre financier
hover-programme = the budget programme (`124`), which heads every other code of the imputation (`0124-…`)
hover-centre-financier = the centre financier (programme-BOP-UO, `0124-CDAF-CDSI`): a UO; compared with the rows' centre financier
hover-domaine-fonctionnel = the domaine fonctionnel (action and sub-action, `0124-11`), compared with the rows'
hover-activite = the activité (12 digits, `012460111304`), compared with the rows'
hover-centre-de-couts = the centre de coûts (`DININCUB75`), compared with the rows'
hover-imputation = the codes every expense must carry (programme, BOP, centre financier or UO, domaine fonctionnel, activité, centre de coûts)
hover-enveloppe = a part of the convention with its own codes, ceilings and schedule
hover-titre = the budget titles (nature of expenses) the convention allows, or excludes with `hors`
hover-compte = the PCE accounts (nature of expenses) the convention allows, or excludes with `hors`
hover-delegation = the budgets delegated (AE, CP or both); rows of the others are out of scope
hover-preavis = the notice for termination or change (art. 641 of the Code de procédure civile for months)
hover-publication = where the convention is published
hover-suivi = the reporting the délégataire owes the délégant
hover-avenant = an amendment: what it changes, from the day it takes effect
hover-denonciation = a notice of termination: the convention ends when the notice period has run
hover-derogation = an accepted deviation: findings of this code and scope are reported as waived and fail no run
hover-cadre = the parent convention this one sub-delegates, by its title: in a rules folder, this one stays within its term, codes and ceilings, and its rows count toward its ceilings
hover-texte = the file of the convention's signed text (PDF, Word, HTML or plain text), which the citations `(art. 4)` refer to: `lint` checks that each cited article is in it, and hovering a clause shows the sentence it comes from
hover-fin = the last day of the term (an amendment may move it)
hover-indeterminee = no end: the convention ends only by a notice (the decree asks for a limited term; `lint` warns)
hover-reconduction = tacit renewal: how long, how many times (without `fois`: without limit), and the notice that stops it
hover-effet = the day the term begins: `signature`, or a date
hover-pour = the term as a length from its effect (`pour 2 ans`), when no end is stated
lsp-no-pages = the explain pages cannot be written in { $folder } ({ $reason }): diagnostics will carry no link to them
hover-end = end in force: { $end }, by { $cause }
hover-renewal = renewal { $number }: from { $from } to { $to }; a notice given by { $deadline } stops it
hover-renewal-cut = renewal { $number }: from { $from }, cut short on { $end } by the notice
hover-renewal-stopped = renewal { $number }: does not take place (notice given by { $deadline })
hover-open-renewals = no end in force: renewed without limit until a notice stops a renewal
hover-open-indefinite = no end in force: only a notice ends the convention
lsp-fix = replace with `{ $to }`
hover-code-valid = CHORUS format { $format }: this code has it
hover-code-invalid = CHORUS format { $format }: this code does not have it
hover-market = an authorised contract, « { $purpose } »: a row is its own when its `fournisseur` (the holder's CHORUS supplier number) or its `marche` (the contract number) is the one stated here
hover-supplier-valid = `{ $number }`: a CHORUS supplier number (10 digits)
hover-supplier-invalid = `{ $number }` is not a CHORUS supplier number (10 digits)
hover-code-agrees = starts with `{ $prefix }`, the programme's: it agrees with the programme
hover-code-disagrees = does not start with `{ $prefix }`: it does not agree with the programme
hover-schedule-sum = the { $budget } schedule adds up to { $sum } over { $years } years
hover-amendment-changes = this amendment states:
chart-title-convention = Cumulative consumption of the convention
chart-title-envelope = Cumulative consumption of envelope “{ $name }”
chart-desc = From { $from } to { $to }: { $ae } of AE committed and { $cp } of CP paid; { $crossings ->
        [0] no limit crossed
        [one] one limit crossed
       *[other] { $crossings } limits crossed
    }; { $events ->
        [0] no amendment or end in the period.
        [one] one amendment or end marked.
       *[other] { $events } amendments or ends marked.
    }
chart-quarter = Q{ $quarter } { $year }
chart-legend-cumulative = Cumulative { $budget }
chart-legend-ceiling = { $budget } ceiling
chart-legend-yearly = Yearly { $budget } ceiling (from 1 January)
chart-legend-forecast = Cumulative { $budget } forecast
chart-legend-amendment = Amendment takes effect
chart-legend-end = End of the convention
chart-legend-crossing = Limit first crossed (numbered below)
chart-ceiling-label = { $budget } ceiling { $amount }
chart-yearly-label = { $budget } { $year }
chart-amendment = Amendment { $number }
chart-end = End
chart-terminated = Terminated
chart-crossed-ceiling = { $budget } ceiling crossed on { $date }
chart-crossed-yearly = Yearly { $budget } ceiling crossed on { $date }
chart-crossed-forecast = { $budget } forecast crossed on { $date }
chart-col-number = No.
chart-figures = Figures of the chart at each month's end
report-as-of = Statement as of { $date }
report-period-reversed = --du { $from } comes after --au { $until }: the period would be empty
report-period = Period: { $from ->
        [none] up to { $until }
       *[other] { $until ->
            [none] from { $from }
           *[other] from { $from } to { $until }
        }
    }. { $after ->
        [0] No row after it.
        [one] One row dated after it left out (not checked).
       *[other] { $after } rows dated after it left out (not checked).
    }
report-period-before = Months and charts start on { $from }; rows before it are checked and count in the cumulative figures.
report-time-left = { $days ->
        [0] the convention ends that day
        [one] { $days } day left on { $on }
       *[other] { $days } days left on { $on }
    }
report-time-over = ended { $days ->
        [one] { $days } day before { $on }
       *[other] { $days } days before { $on }
    }
report-col-situation = situation
overview-heading = Portfolio
overview-title = { $count ->
        [one] Portfolio of one convention
       *[other] Portfolio of { $count } conventions
    }
overview-col-ae = AE consumed
overview-col-ae-ceiling = AE ceiling
overview-col-cp = CP consumed
overview-col-cp-ceiling = CP ceiling
overview-col-exceeded = ceilings exceeded
overview-col-errors = errors
overview-col-warnings = warnings
overview-col-waived = waived
overview-col-end = end in force
overview-col-next = next date
overview-col-next-what = what
overview-budget-of = { $budget } { $consumed } of { $ceiling }
overview-budget = { $budget } { $consumed } ({ $ceiling })
overview-no-overall-ceiling = no overall ceiling
overview-party = { $role } { $party }: { $figures }
overview-no-end = no end in force
overview-ends = ends { $date }
overview-line = { $title } ({ $convention }): { $figures }; ceilings exceeded: { $exceeded } of { $ceilings }; { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $waived } waived; { $end }
overview-next = next: { $date }, { $what }

# The statement to sign (report --format html).
report-statement-title = Consumption statement of the convention "{ $title }"
report-parties = { $role ->
        [delegant] { $count ->
            [one] Délégant
           *[other] Délégants
        }
       *[delegataire] { $count ->
            [one] Délégataire
           *[other] Délégataires
        }
    }: { $names }
report-signatures = Signatures
report-sign-role = { $role ->
        [delegant] For the délégant
       *[delegataire] For the délégataire
    }
report-sign-place = Done at
report-sign-date = on
report-sign-quality = Title
report-sign-signature = Name and signature
report-page = page
report-role = { $role ->
        [rules] rule file
       *[export] export
    }
report-audit-at = on { $date } at { $time } (UTC)
