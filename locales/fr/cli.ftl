### La ligne de commande : bilan, progression, aide.

## Sortie lisible : les notes sous un constat.
human-the-clause = la clause : { $label }
human-the-clause-cited = la clause, { $cite } : { $label }
human-see = voir : { $label }
human-see-cited = voir, { $cite } : { $label }
human-help-label = aide :
human-law-label = règle :
human-text-label = texte :
human-waived = dérogation : { $reason }

## Sorties texte et GitHub : chaque emplacement en toutes lettres.
severity-error = erreur
severity-warning = avertissement
place-clause = { $file } ligne { $line }, colonne { $column } ({ $label })
place-column = colonne { $column }
place-row = { $file } ligne { $line }{ $count ->
        [0] {""}
        [one] , champ { $fields }
       *[other] , champs { $fields }
    } ({ $label })
plain-waived = dérogation : { $reason }
plain-row = ligne : { $place }
plain-clause = clause : { $place }
plain-see = voir : { $place }
plain-help = aide : { $help }
plain-law = règle : { $law }
plain-text = texte : { $cite }

## Le bilan en fin d'exécution.
summary-lint = bilan : { $files ->
        [one] { $files } fichier de règles
       *[other] { $files } fichiers de règles
    } ; { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }
summary-findings = bilan : { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }
summary-check = bilan : { $read ->
        [one] { $read } ligne lue
       *[other] { $read } lignes lues
    }, { $checked ->
        [one] { $checked } contrôlée
       *[other] { $checked } contrôlées
    }{ $out ->
        [0] {""}
       *[other] , { $out } hors champ (budget ou recettes non délégués)
    }, { $rejected ->
        [one] { $rejected } rejetée
       *[other] { $rejected } rejetées
    }, { $skipped ->
        [one] { $skipped } ignorée
       *[other] { $skipped } ignorées
    } ; { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }
summary-routing = répartition : { $unmatched ->
        [one] { $unmatched } ligne ne relève
       *[other] { $unmatched } lignes ne relèvent
    } d'aucune convention, { $ambiguous ->
        [one] { $ambiguous } de plusieurs
       *[other] { $ambiguous } de plusieurs
    }
summary-not-checked = non contrôlé : { $what }
summary-file = { $file } : profil { $profile } ({ $encoding }{ $has_year ->
        [0] {""}
       *[other] , exercice { $year }
    }{ $has_measure ->
        [0] {""}
       *[other] , mesure { $measure }
    }), { $lines ->
        [one] { $lines } ligne
       *[other] { $lines } lignes
    } = { $parts }
lines-preamble = { $n } de préambule
lines-header = { $n } d'en-tête
lines-checked = { $n ->
        [one] { $n } contrôlée
       *[other] { $n } contrôlées
    }
lines-after-period = { $n } après la période
lines-out-of-scope = { $n } hors champ
lines-rejected = { $n ->
        [one] { $n } rejetée
       *[other] { $n } rejetées
    }
lines-subtotal = { $n ->
        [one] { $n } sous-total
       *[other] { $n } sous-totaux
    }
lines-skipped = { $n ->
        [one] { $n } ignorée
       *[other] { $n } ignorées
    }
lines-continued = { $n ->
        [one] { $n } suite d'enregistrement
       *[other] { $n } suites d'enregistrement
    }
lines-blank = { $n ->
        [one] { $n } vide
       *[other] { $n } vides
    }

## Clauses qu'un export ne permet pas de contrôler.
unchecked-imputation = { $field ->
        [programme] le programme
        [bop] le BOP
        [centre_financier] le centre financier
        [domaine_fonctionnel] le domaine fonctionnel
        [activite] l'activité
        [centre_de_couts] le centre de coûts
        [service_executant] le service exécutant
       *[other] le code `{ $field }`
    } de l'imputation : pas de colonne dans `{ $file }` (profil `{ $profile }`)
unchecked-envelopes = enveloppes « { $first } » et « { $second } » : elles ne se distinguent que par des colonnes absentes de `{ $file }`, ses lignes ne comptent donc dans aucune
unchecked-markets = marchés autorisés : pas de colonne de fournisseur ni de marché dans `{ $file }`
unchecked-nature = nature des dépenses (`{ $keyword }`) : pas de colonne `{ $keyword }` dans `{ $file }` (profil `{ $profile }`)
unchecked-uo = UO `{ $uo }` : elle diffère du centre financier `{ $cf }` de l'imputation, contrôlé à sa place
unchecked-commitments-cp-only = paiements par engagement dans `{ $file }` : la convention ne délègue pas d'AE (`délégation CP`), l'export ne porte donc aucun engagement sur lequel payer
unchecked-commitments = paiements par engagement : pas de colonne de numéro d'EJ dans `{ $file }`
unchecked-commitments-partly-delegated = paiements par engagement : { $count ->
    [one] 1 engagement non jugé : une partie de ses AE est datée d'une période où seuls les CP étaient délégués
   *[other] { $count } engagements non jugés : une partie de leurs AE est datée d'une période où seuls les CP étaient délégués
}

## fmt.
fmt-syntax-errors = `{ $file }` comporte des erreurs de syntaxe : non mis en forme
fmt-cannot-write = impossible d'écrire `{ $file }` : { $error }
test-unknown = mot inconnu `{ $word }` dans un fichier d'essais
test-bad-label = pas comme un essai l'énonce
test-needs-name = un essai a besoin de son nom entre guillemets : `essai "…" {"{"} … {"}"}`
test-bad-date = `au` prend le jour de l'exécution, par exemple `au 2018-12-31`
test-bad-export = `export` prend le chemin d'un fichier CSV entre guillemets, relatif au fichier d'essais
test-needs-expected = un essai a besoin de ses constats `attendu` (`attendu aucun` s'il n'y en a pas)
test-needs-rows = un essai a besoin de ses lignes : des `ligne …`, ou un `export "fichier.csv"`, pas les deux
test-bad-row = une ligne est `ligne` suivi de paires colonne valeur : `ligne date 2017-09-01 type AE montant 1 500,00 €`
test-bad-expected = `attendu` prend `aucun` ou un bloc de `ligne N code…` et `hors-ligne code…`
test-bad-row-number = `ligne` prend un numéro de ligne, puis des codes
test-bad-code = ce n'est pas un code de diagnostic
test-bad-code-help = `clausier explain all` énumère les codes
test-no-rules = pas de fichier de règles `{ $rules }` à côté du fichier d'essais
test-no-tests = aucun fichier d'essais (`*.essais`) dans { $paths }
test-running = { $count } essais
test-ok = ok
test-failed = ÉCHEC
test-line = essai { $file } :: { $name } ... { $status }
test-failures = échecs :
test-expected = attendus :
test-actual = constatés :
test-could-not-run = impossible d'exécuter l'essai :
test-none = (aucun)
test-row = ligne { $row } : { $code }
test-no-row = hors ligne : { $code }
test-result = résultat : { $status }. { $passed } réussis ; { $failed } en échec
fix-at = `{ $file }` corrigé ligne { $line } : { $change }
fix-replaced = `{ $from }` → `{ $to }`
fix-inserted = `{ $to }` ajouté
fix-laid-out = `{ $file }` remis en forme canonique
fix-stdin = `--fix` corrige des fichiers, pas l'entrée standard : `clausier fmt -` la met en forme
fmt-as-written = { $file } (tel qu'écrit)
fmt-formatted = { $file } (mis en forme)

## draft.
draft-cannot-read = impossible de lire le texte de la convention `{ $file }` : { $error }
draft-written = projet écrit : { $clauses ->
        [one] { $clauses } clause
       *[other] { $clauses } clauses
    }, { $todo ->
        [0] aucune phrase à compléter
        [one] { $todo } phrase à compléter (`# à compléter`) ; relisez-la, puis lancez `clausier lint`
       *[other] { $todo } phrases à compléter (`# à compléter`) ; relisez-les, puis lancez `clausier lint`
    }
draft-diff-no-convention = `{ $file }` ne contient aucune convention à comparer
draft-diff-heading = `{ $text }` comparé à `{ $rules }` :
draft-diff-differs = { $clause } : le texte dit { $text }, le fichier de règles { $rules }
draft-diff-text-only = { $clause } : { $value } dans le texte, pas dans le fichier de règles
draft-diff-rules-only = { $clause } : { $value } dans le fichier de règles, sans appui dans le texte
draft-diff-summary = { $same } clauses concordent, { $differ } diffèrent

## explain.
explain-why = Pourquoi c'est important
explain-example = Exemple
explain-fix = Comment corriger
explain-no-code = pas de code de diagnostic `{ $code }` ; { $hint }`clausier explain all` les énumère

## report : l'état de consommation.
report-term-label = Durée :
report-frame = subdélégation dans le cadre de « { $parent } » : ses lignes comptent aussi pour les plafonds de cette convention
report-term = du { $start } au { $end }{ $why }
report-term-renewed = du { $start }, reconduite sans limite jusqu'à ce qu'une dénonciation arrête une reconduction
report-term-indefinite = du { $start }, pour une durée indéterminée : jusqu'à une dénonciation
report-terminated-by = {" "}(résiliée : { $cause })
report-end-set-by = {" "}(fin fixée par { $cause })
report-scope-convention = convention
report-scope-envelope = enveloppe « { $name } »
report-scope-year = { $who }, { $year }
report-consumption = Consommation au regard des plafonds en vigueur
report-cited = { $heading } ({ $cite })
csv-header = convention;section;clé;budget;montant;plafond;reste
csv-ceiling = plafond
csv-schedule = échéancier
csv-month = mois
csv-holder = titulaire
csv-commitment = engagement
csv-total = total
report-per-year = Par année, au regard de l'échéancier prévisionnel
report-per-month = Par mois
report-cumulative-ae = cumul AE
report-cumulative-cp = cumul CP
report-per-holder = Par titulaire
report-not-listed = (titulaire non désigné)
report-holder-line = { $supplier } { $name } : { $commitments ->
        [one] { $commitments } engagement
       *[other] { $commitments } engagements
    }, engagé { $committed }, payé { $paid }, reste à payer { $remaining }
report-per-commitment = Par engagement juridique (EJ)
report-commitment-line = { $ej } : engagé { $committed }, payé { $paid }, reste à payer { $remaining }
report-crossings = Premiers dépassements
report-none = aucun
report-crossing-line = { $date } : { $limit }
report-findings = Constats : { $count }
report-findings-heading = Constats
report-audit = Traçabilité : clausier { $version }, { $at }
report-audit-heading = Traçabilité
report-standard-input = (entrée standard)
report-no-movement = Aucun mouvement à représenter.
report-ceilings = Plafonds
report-schedule = Échéancier prévisionnel
report-col-convention = convention
report-col-title = intitulé
report-col-waived = dérogation
report-xlsx-convention = Convention
report-xlsx-needs-output = un classeur Excel s'écrit dans un fichier : indiquez-le avec --output FICHIER
report-xlsx-too-many-rows = le tableau « { $table } » a { $rows } lignes, plus qu'une feuille n'en contient (1 048 575) : écrivez l'état en CSV ou en JSON
report-key-dates = Dates clés
report-col-what = objet
report-col-status = état
key-effect = prise d'effet de la convention
key-amendment = prise d'effet de l'avenant { $number }
key-renewal-deadline = dernier jour pour dénoncer avant la reconduction { $number } (art. 641)
key-renewal = début de la reconduction { $number }
key-notice = dénonciation
key-end = fin en vigueur, par { $cause }
key-past = passée
key-soon = dans les 90 jours
key-later = à venir
help-clausier-report-date = Date de l'état : les dates clés antérieures sont marquées passées, celles des 90 jours suivants marquées proches (la date de --au, sinon aujourd'hui, par défaut)
report-col-scope = périmètre
report-col-budget = budget
report-col-consumed = consommé
report-receipts = Recettes encaissées par année
report-col-collected = encaissé
report-col-ceiling = plafond en vigueur
report-no-ceiling = sans plafond
report-yearly-ceiling-only = plafond annuel seulement
report-col-remaining = reste
report-col-year = année
report-col-forecast = prévision
report-col-month = mois
report-col-supplier = fournisseur
report-col-holder = titulaire
report-col-committed = engagé
report-col-paid = payé
report-col-to-pay = reste à payer
report-col-date = date
report-col-limit = limite
report-col-severity = gravité
report-col-message = message
report-col-row = ligne
report-col-role = rôle
report-col-file = fichier
report-col-bytes = octets
report-col-ae = AE
report-col-cp = CP
report-col-ej = EJ

## Sortie lisible : les constats au-delà des 20 premiers d'un code.
human-more = … et { $more } autres `{ $code }`
human-see-all = (pour les voir tous : `--all`, ou `--format json`)
human-per-code = constats par code :

## La ligne de progression des longues exécutions.
progress-line = clausier : { $rows } M lignes, { $megabytes } Mo ({ $row_rate } M lignes/s, { $byte_rate } Mo/s){ $left }
progress-left = , { $percent } % lus, environ { $seconds } s restantes

## Erreurs de la ligne de commande.
unknown-language = langue inconnue `{ $value }` (--lang ou CLAUSIER_LANG) : employez `fr` ou `en`
cannot-write-report = impossible d'écrire le rapport : { $error }

## --help : l'aide de chaque commande et argument (help-<chemin>-<argument>).
help-clausier = Contrôle les conventions de délégation de gestion de l'État (décret n° 2004-1085) au regard des restitutions CHORUS
help-clausier-lang = Langue de clausier : `fr` ou `en` (à défaut CLAUSIER_LANG, puis la locale : LC_ALL, LC_MESSAGES, LANG ; puis la langue du système, comme sous Windows ; à défaut l'anglais)
help-clausier-check = Contrôle les opérations exportées au regard des clauses d'une convention
help-clausier-check-rules = Le fichier de règles de la convention (`.conv`), ou un dossier de fichiers de règles : chaque ligne est alors rattachée à la convention dont elle porte les codes d'imputation
help-clausier-check-exports = Exports à contrôler (CSV, XLSX, XLS, ODS ; `-` pour l'entrée standard), lus comme un seul flux chronologique
help-clausier-check-format = Format de sortie : human (diagnostics illustrés, par défaut), plain (phrases, chaque emplacement en toutes lettres), json, sarif, github (annotations GitHub Actions), bench
help-clausier-check-color = Couleurs de la sortie lisible : auto (sur un terminal, sauf si NO_COLOR est défini ; par défaut), always, never
help-clausier-check-fail_level = Constats qui font échouer l'exécution (code de sortie 1) : error (par défaut), warning (les avertissements aussi), none
help-clausier-check-deny = `--deny warnings` : comme `--fail-level warning`
help-clausier-check-all = Sortie lisible : affiche tous les constats, pas seulement les 20 premiers de chaque code (les autres sont comptés à la fin)
help-clausier-check-date = Le jour de l'exécution, pour `waiver.expired` (aujourd'hui par défaut) ; les verdicts sur les lignes n'en dépendent jamais
help-clausier-check-profile = Profil d'import : un nom intégré (voir README) ou un fichier de profil ; détecté d'après l'en-tête de chaque export par défaut
help-clausier-check-encoding = Encodage des exports : utf-8 ou windows-1252 ; détecté par défaut
help-clausier-check-sheet = Feuille des exports tableurs ; la première par défaut
help-clausier-check-threads = Fils lisant un gros export (un morceau chacun) ; tous les cœurs par défaut. Les constats n'en dépendent pas
help-clausier-check-quiet = Pas de ligne de progression sur la sortie d'erreur (elle ne s'affiche que sur un terminal)
help-clausier-lint = Contrôle des fichiers de règles : syntaxe, clauses, valeurs et cohérence
help-clausier-lint-paths = Fichiers de règles, ou dossiers parcourus récursivement à la recherche de `*.conv` ; `-` lit un fichier de règles sur l'entrée standard
help-clausier-lint-fix = Corrige d'abord chaque fichier : les corrections sûres (mot-clé mal orthographié, montant sans devise, texte non fermé) et la mise en forme canonique, chaque changement dit sur la sortie d'erreur ; puis signale ce qui reste
help-clausier-lint-format = Format de sortie : human (diagnostics illustrés, par défaut), plain (phrases, chaque emplacement en toutes lettres), json, sarif, github (annotations GitHub Actions)
help-clausier-lint-color = Couleurs de la sortie lisible : auto (sur un terminal, sauf si NO_COLOR est défini ; par défaut), always, never
help-clausier-lint-fail_level = Constats qui font échouer l'exécution (code de sortie 1) : error (par défaut), warning (les avertissements aussi), none
help-clausier-lint-deny = `--deny warnings` : comme `--fail-level warning`
help-clausier-lint-all = Sortie lisible : affiche tous les constats, pas seulement les 20 premiers de chaque code (les autres sont comptés à la fin)
help-clausier-lint-date = Le jour de l'exécution, pour `waiver.expired` (aujourd'hui par défaut) ; les verdicts sur les lignes n'en dépendent jamais
help-clausier-fmt = Réécrit les fichiers de règles dans la mise en forme canonique (ou la vérifie)
help-clausier-fmt-paths = Fichiers de règles, ou dossiers parcourus récursivement à la recherche de `*.conv` ; `-` lit un fichier de règles sur l'entrée standard et l'écrit mis en forme sur la sortie standard
help-clausier-fmt-check = Ne rien modifier : afficher un diff pour chaque fichier non mis en forme, et sortir avec 1 s'il y en a un
help-clausier-report = L'état de consommation : par année, mois, titulaire et engagement, au regard de l'échéancier et des plafonds en vigueur (human, json, csv, html)
help-clausier-report-rules = Le fichier de règles de la convention, ou un dossier de fichiers de règles
help-clausier-report-exports = Exports (CSV, XLSX, XLS, ODS ; `-` pour l'entrée standard)
help-clausier-report-format = Format de sortie : human (par défaut), json, csv, html, xlsx (un classeur Excel, écrit dans --output)
help-clausier-report-csv_dialect = Dialecte du CSV : excel (BOM, `;`, virgule décimale, fins de ligne CRLF : ce qu'Excel en français ouvre comme des nombres ; par défaut) ou plain (sans BOM, point décimal, LF : pour les programmes). Dans les deux, les cellules de texte sont protégées des formules
help-clausier-report-au = Établit la consommation à cette date : les lignes postérieures sont écartées (et comptées), les plafonds et prévisions sont ceux en vigueur ce jour-là, le temps restant court de cette date
help-clausier-report-du = Fait commencer les mois et les graphiques de l'état à cette date ; les lignes antérieures restent contrôlées et comptent dans les cumuls
help-clausier-report-output = Écrit l'état dans ce fichier plutôt que sur la sortie standard
help-clausier-report-profile = Profil d'import : un nom intégré (voir README) ou un fichier de profil ; détecté d'après l'en-tête de chaque export par défaut
help-clausier-report-encoding = Encodage des exports : utf-8 ou windows-1252 ; détecté par défaut
help-clausier-report-sheet = Feuille des exports tableurs ; la première par défaut
help-clausier-report-threads = Fils lisant un gros export (un morceau chacun) ; tous les cœurs par défaut. Les constats n'en dépendent pas
help-clausier-report-quiet = Pas de ligne de progression sur la sortie d'erreur (elle ne s'affiche que sur un terminal)
help-clausier-explain = Explique un code de diagnostic : sens, enjeu, exemple, correction
help-clausier-explain-code = Un code de diagnostic, par exemple `ceiling.exceeded` ; `all` les énumère tous
help-clausier-draft = Rédige un fichier de règles depuis le texte signé d'une convention (PDF, Word, HTML, texte), chaque clause citant son article ; ou compare le texte à un fichier de règles
help-clausier-draft-text = Le texte signé de la convention : PDF, Word (.docx), LibreOffice (.odt), HTML ou texte brut
help-clausier-draft-output = Écrire le fichier de règles dans ce fichier plutôt que sur la sortie standard
help-clausier-draft-format = `conv` (par défaut) : le fichier de règles ; `json` : chaque clause trouvée, avec son article, sa place dans le texte et la manière dont elle a été reconnue
help-clausier-draft-diff = Comparer le texte à ce fichier de règles et énumérer ce qui diffère ; code de sortie 1 s'il y a une différence
help-clausier-lsp = Un serveur de langage pour les fichiers de règles, sur l'entrée et la sortie standard
help-clausier-test = Exécute les essais des conventions (`*.essais` à côté des fichiers de règles)
help-clausier-test-paths = Fichiers d'essais (`*.essais`), fichiers de règles (leurs essais à côté) ou dossiers où chercher les `*.essais` ; `rules` par défaut
help-clausier-test-format = Format de sortie : human (une ligne par essai, les constats d'un échec, un décompte final ; par défaut), json, junit (XML JUnit pour la CI)
help-clausier-completions = Affiche le script de complétion d'un shell (bash, zsh, fish, PowerShell, elvish)
help-clausier-completions-shell = Le shell : bash, zsh, fish, powershell ou elvish
help-clausier-man = Écrit les pages de manuel (`clausier.1` et une par commande) dans un dossier
help-clausier-man-out = Le dossier où écrire les pages (créé au besoin)
man-written = { $count ->
    [one] { $count } page de manuel dans `{ $folder }` : { $pages }
   *[other] { $count } pages de manuel dans `{ $folder }` : { $pages }
}
man-not-written = impossible d'écrire les pages de manuel dans `{ $folder }` : { $error }
help-exit-codes = Codes de sortie : 0 aucun constat bloquant, 1 au moins un constat au niveau d'échec ou au-dessus (les erreurs par défaut ; `--deny warnings` y ajoute les avertissements ; pour `fmt --check`, un fichier non mis en forme), 2 entrée inutilisable (pour `check`, un fichier de règles en erreur ; un fichier absent ou illisible ; un export sans les colonnes requises ; pour `fmt`, un fichier de règles avec des erreurs de syntaxe).
help-exit-codes-report = Codes de sortie : 0 l'état a été écrit, 2 entrée inutilisable.
help-exit-codes-draft = Codes de sortie : 0 le projet a été écrit, 1 avec --diff : le texte et le fichier de règles diffèrent, 2 entrée inutilisable.
cli-error-unknown-argument = argument inattendu : `{ $arg }`
cli-error-unknown-command = commande inconnue : `{ $arg }`
cli-error-invalid-value = valeur `{ $value }` invalide pour `{ $arg }`
cli-error-invalid-value-because = valeur `{ $value }` invalide pour `{ $arg }` : { $reason }
cli-error-possible-values = valeurs possibles : { $values }
cli-error-missing = manquant : { $args }
cli-error-missing-command = une commande est attendue : { $commands }
cli-error-missing-value = `{ $arg }` attend une valeur
cli-error-conflict = `{ $arg }` ne peut pas s'employer avec `{ $other }`
cli-error-too-many = valeur inattendue : `{ $value }`
cli-error-other = la ligne de commande ne peut pas être lue : { $detail }
cli-error-tip = vouliez-vous dire `{ $suggestion }` ?
cli-error-usage = utilisation : { $usage }
cli-error-more = pour en savoir plus : `{ $command } --help`
cli-error-not-a-date = une date est attendue, au format AAAA-MM-JJ
cli-error-not-a-number = un nombre entier supérieur à 0 est attendu
hover-nor = le numéro NOR de la convention, tel que publié
hover-signature = le jour de la signature ; `effet signature` la fait prendre effet ce jour-là
hover-base-legale = le texte sur lequel repose la délégation (décret n° 2004-1085)
hover-delegant = le service qui délègue : il garde les crédits et en confie l'exécution au délégataire
hover-delegataire = le service qui dépense pour le compte du délégant, dans les limites de la convention
hover-marche = un marché sur lequel le délégataire peut payer, avec son titulaire et son numéro CHORUS ; une ligne d'un autre fournisseur est `market.unknown`
hover-uo = l'unité opérationnelle dont la dépense est déléguée : dans CHORUS, un centre financier (programme-BOP-UO), comparé au centre financier des lignes
hover-duree = la durée : prise d'effet, fin, reconductions tacites ; aucune ligne ne peut tomber en dehors
hover-plafond = un plafond en AE (engagements) ou en CP (paiements), global, par enveloppe ou par an : le franchir est `ceiling.exceeded`
hover-echeancier = la prévision annuelle de consommation ; une année au-delà de sa prévision est `schedule.exceeded`
hover-comptable = le comptable public assignataire
hover-bop = un BOP entier (budget opérationnel de programme, `0124-CDAF`) : comparé à la colonne BOP de l'export, sinon aux deux premières parties du centre financier des lignes
hover-programme = le programme budgétaire (`124`), dont les quatre chiffres ouvrent les autres codes de l'imputation (`0124-…`)
hover-centre-financier = le centre financier (programme-BOP-UO, `0124-CDAF-CDSI`) : une UO ; comparé au centre financier des lignes
hover-domaine-fonctionnel = le domaine fonctionnel (action et sous-action, `0124-11`), comparé à celui des lignes
hover-activite = l'activité (12 chiffres, `012460111304`), comparée à celle des lignes
hover-centre-de-couts = le centre de coûts (`DININCUB75`), comparé à celui des lignes
hover-imputation = les codes que porte toute dépense (programme, BOP, centre financier ou UO, domaine fonctionnel, activité, centre de coûts)
hover-enveloppe = une part de la convention avec ses propres codes, plafonds et échéancier
hover-titre = les titres budgétaires (nature de la dépense) autorisés, ou exclus avec `hors`
hover-compte = les comptes PCE (nature de la dépense) autorisés, ou exclus avec `hors`
hover-delegation = les crédits délégués (AE, CP ou les deux) ; les lignes des autres sont hors champ
hover-preavis = le préavis de dénonciation ou de modification (art. 641 du Code de procédure civile pour les mois)
hover-publication = où la convention est publiée
hover-suivi = le compte rendu que le délégataire doit au délégant
hover-avenant = un avenant : ce qu'il change, à partir de sa prise d'effet
hover-denonciation = une dénonciation : la convention prend fin au terme du préavis
hover-derogation = un écart accepté : les constats de ce code et de ce champ sont signalés comme couverts et ne font pas échouer l'exécution
hover-cadre = la convention mère que celle-ci subdélègue, par son titre : dans un dossier de règles, celle-ci reste dans sa durée, ses codes et ses plafonds, et ses lignes comptent pour ses plafonds
hover-texte = le fichier du texte signé de la convention (PDF, Word, HTML ou texte brut), auquel renvoient les références `(art. 4)` : `lint` vérifie que chaque article cité y figure, et le survol d'une clause montre la phrase dont elle vient
hover-fin = le dernier jour de la durée (un avenant peut le déplacer)
hover-indeterminee = sans terme : la convention ne prend fin que par une dénonciation (le décret prévoit une durée limitée ; `lint` avertit)
hover-reconduction = la reconduction tacite : pour combien de temps, combien de fois (sans `fois` : sans limite), et le préavis qui l'arrête
hover-effet = le jour où la durée commence : `signature`, ou une date
hover-pour = la durée comptée depuis la prise d'effet (`pour 2 ans`), quand aucune fin n'est écrite
lsp-no-pages = les pages d'explication ne peuvent être écrites dans { $folder } ({ $reason }) : les diagnostics n'y renverront pas
hover-end = fin en vigueur : { $end }, par { $cause }
hover-renewal = reconduction { $number } : du { $from } au { $to } ; une dénonciation au plus tard le { $deadline } l'arrête
hover-renewal-cut = reconduction { $number } : du { $from }, interrompue le { $end } par la dénonciation
hover-renewal-stopped = reconduction { $number } : n'a pas lieu (dénonciation au plus tard le { $deadline })
hover-open-renewals = pas de fin en vigueur : reconduite sans limite jusqu'à ce qu'une dénonciation arrête une reconduction
hover-open-indefinite = pas de fin en vigueur : seule une dénonciation met fin à la convention
lsp-fix = remplacer par `{ $to }`
hover-code-valid = format CHORUS { $format } : ce code le respecte
hover-code-invalid = format CHORUS { $format } : ce code ne le respecte pas
hover-market = un marché autorisé, « { $purpose } » : une ligne en relève quand son `fournisseur` (le numéro CHORUS du titulaire) ou son `marche` (le numéro du marché) est celui déclaré ici
hover-supplier-valid = `{ $number }` : un numéro de fournisseur CHORUS (10 chiffres)
hover-supplier-invalid = `{ $number }` n'est pas un numéro de fournisseur CHORUS (10 chiffres)
hover-code-agrees = commence par `{ $prefix }`, celui du programme : il concorde avec le programme
hover-code-disagrees = ne commence pas par `{ $prefix }` : il ne concorde pas avec le programme
hover-schedule-sum = l'échéancier en { $budget } totalise { $sum } sur { $years } ans
hover-amendment-changes = cet avenant énonce :
chart-title-convention = Consommation cumulée de la convention
chart-title-envelope = Consommation cumulée de l’enveloppe « { $name } »
chart-desc = Du { $from } au { $to } : { $ae } d’AE engagées et { $cp } de CP payés ; { $crossings ->
        [0] aucune limite dépassée
        [one] une limite dépassée
       *[other] { $crossings } limites dépassées
    } ; { $events ->
        [0] ni avenant ni fin sur la période.
        [one] un avenant ou une fin signalé.
       *[other] { $events } avenants ou fins signalés.
    }
chart-quarter = T{ $quarter } { $year }
chart-legend-cumulative = { $budget } cumulés
chart-legend-ceiling = Plafond { $budget }
chart-legend-yearly = Plafond annuel { $budget } (depuis le 1er janvier)
chart-legend-forecast = Prévision cumulée { $budget }
chart-legend-amendment = Prise d’effet d’un avenant
chart-legend-end = Fin de la convention
chart-legend-crossing = Premier dépassement (numéroté ci-dessous)
chart-ceiling-label = Plafond { $budget } { $amount }
chart-yearly-label = { $budget } { $year }
chart-amendment = Avenant { $number }
chart-end = Fin
chart-terminated = Résiliation
chart-crossed-ceiling = Plafond { $budget } dépassé le { $date }
chart-crossed-yearly = Plafond annuel { $budget } dépassé le { $date }
chart-crossed-forecast = Prévision { $budget } dépassée le { $date }
chart-col-number = N°
chart-figures = Données du graphique à chaque fin de mois
report-as-of = Arrêté au { $date }
report-period-reversed = --du { $from } est postérieur à --au { $until } : la période serait vide
report-period = Période : { $from ->
        [none] jusqu’au { $until }
       *[other] { $until ->
            [none] à partir du { $from }
           *[other] du { $from } au { $until }
        }
    }. { $after ->
        [0] Aucune ligne postérieure.
        [one] Une ligne postérieure écartée (non contrôlée).
       *[other] { $after } lignes postérieures écartées (non contrôlées).
    }
report-period-before = Les mois et les graphiques commencent le { $from } ; les lignes antérieures sont contrôlées et comptent dans les cumuls.
report-time-left = { $days ->
        [0] la convention prend fin ce jour-là
        [one] { $days } jour restant au { $on }
       *[other] { $days } jours restants au { $on }
    }
report-time-over = terminée { $days ->
        [one] { $days } jour avant le { $on }
       *[other] { $days } jours avant le { $on }
    }
report-col-situation = situation
overview-heading = Portefeuille
overview-title = { $count ->
        [one] Portefeuille d’une convention
       *[other] Portefeuille de { $count } conventions
    }
overview-col-ae = AE consommées
overview-col-ae-ceiling = plafond AE
overview-col-cp = CP consommés
overview-col-cp-ceiling = plafond CP
overview-col-exceeded = plafonds dépassés
overview-col-errors = erreurs
overview-col-warnings = avertissements
overview-col-waived = dérogés
overview-col-end = fin en vigueur
overview-col-next = prochaine date
overview-col-next-what = objet
overview-budget-of = { $budget } { $consumed } sur { $ceiling }
overview-budget = { $budget } { $consumed } ({ $ceiling })
overview-no-overall-ceiling = sans plafond global
overview-party = { $role } { $party } : { $figures }
overview-no-end = sans fin en vigueur
overview-ends = fin le { $date }
overview-line = { $title } ({ $convention }) : { $figures } ; plafonds dépassés : { $exceeded } sur { $ceilings } ; { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $waived ->
        [one] { $waived } dérogé
       *[other] { $waived } dérogés
    } ; { $end }
overview-next = prochaine échéance : { $date }, { $what }

# The statement to sign (report --format html).
report-statement-title = État de consommation de la convention « { $title } »
report-parties = { $role ->
        [delegant] { $count ->
            [one] Délégant
           *[other] Délégants
        }
       *[delegataire] { $count ->
            [one] Délégataire
           *[other] Délégataires
        }
    } : { $names }
report-signatures = Signatures
report-sign-role = { $role ->
        [delegant] Pour le délégant
       *[delegataire] Pour le délégataire
    }
report-sign-place = Fait à
report-sign-date = le
report-sign-quality = Qualité
report-sign-signature = Nom et signature
report-page = page
report-role = { $role ->
        [rules] fichier de règles
       *[export] export
    }
report-audit-at = le { $date } à { $time } (UTC)
