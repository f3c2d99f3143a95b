### The command line: summary, progress, help.

## Human output: the notes under a finding.
human-the-clause = the clause: { $label }
human-see = see: { $label }
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
       *[other] , { $out } out of scope (budget not delegated)
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
lines-preamble = { $n } preamble
lines-header = { $n } header
lines-checked = { $n } checked
lines-out-of-scope = { $n } out of scope
lines-rejected = { $n } rejected
lines-subtotal = { $n } subtotal
lines-skipped = { $n } skipped
lines-continued = { $n } continued
lines-blank = { $n } blank

## Clauses an export cannot check.
unchecked-imputation = imputation `{ $field }`: column absent from `{ $file }` (profile `{ $profile }`)
unchecked-envelopes = envelopes "{ $first }" and "{ $second }": told apart only by columns absent from `{ $file }`, so its rows count in neither
unchecked-markets = authorised markets: no `fournisseur` or `marche` column in `{ $file }`
unchecked-nature = nature of expenses (`{ $keyword }`): no `{ $keyword }` column in `{ $file }` (profile `{ $profile }`)
unchecked-uo = uo `{ $uo }`: exports carry the centre financier, not the budget unit; the imputation's codes are checked instead
unchecked-commitments-cp-only = payments per commitment in `{ $file }`: the convention does not delegate AE (`délégation CP`), so the export holds no commitments to pay on
unchecked-commitments = payments per commitment: no `n_ej` column in `{ $file }`

## fmt.
fmt-syntax-errors = `{ $file }` has syntax errors: not formatted
fmt-cannot-write = cannot write `{ $file }`: { $error }
fmt-as-written = { $file } (as written)
fmt-formatted = { $file } (formatted)

## explain.
explain-why = Why it matters
explain-example = Example
explain-fix = How to fix it
explain-no-code = no diagnostic code `{ $code }`; { $hint }`clausier explain all` lists them
