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
