# The page in the browser (web/index.html): its words, its counts.
page-title = clausier — checking a delegation-of-management convention
page-intro = Checks a delegation-of-management convention (decree 2004-1085) against the expenses exported from CHORUS.
page-private = No data leaves this computer: everything is computed in this page.
page-rules = Convention (rule file)
page-rules-findings = The convention's diagnostics
page-export = CHORUS export
page-drop = Drop an export here (CSV, XLSX) or
page-choose = choose a file
page-no-export = No export loaded.
page-findings = Findings
page-column-code = code
page-column-severity = severity
page-column-message = message
page-column-row = row
page-column-clause = clause
page-cell-column = column
page-cell-value = value
page-show-report = Show the consumption statement
page-report = Consumption statement
page-waived = waived
page-at-line = line { $line }
page-waiver = { $message } (waiver: { $reason })
page-clause = { $label } (line { $line })
page-row = { $file }, line { $line }
page-file = { $name } ({ $bytes ->
        [one] { $bytes } byte
       *[other] { $bytes } bytes
    })
page-lint-count = ({ $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    })
page-check-count = ({ $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $waived } waived)
page-rows = { $read ->
        [one] { $read } row read
       *[other] { $read } rows read
    }: { $checked } checked, { $rejected } rejected, { $skipped } skipped (subtotals), { $out } out of scope — checked in { $ms } ms.
page-filter-severity = Severity
page-filter-code = Code
page-filter-all = all
page-download = Download
page-shown = { $shown } shown of { $total }
page-no-cells = Past 5,000 findings the page keeps no row's cells: open the export at this line.
