### La ligne de commande : bilan, progression, aide.

## Sortie lisible : les notes sous un constat.
human-the-clause = la clause : { $label }
human-see = voir : { $label }
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
       *[other] , { $out } hors champ (budget non délégué)
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
lines-preamble = { $n } de préambule
lines-header = { $n } d'en-tête
lines-checked = { $n ->
        [one] { $n } contrôlée
       *[other] { $n } contrôlées
    }
lines-out-of-scope = { $n } hors champ
lines-rejected = { $n ->
        [one] { $n } rejetée
       *[other] { $n } rejetées
    }
lines-subtotal = { $n ->
        [one] { $n } sous-total
       *[other] { $n } sous-totaux
    }
lines-skipped = { $n ->
        [one] { $n } ignorée
       *[other] { $n } ignorées
    }
lines-continued = { $n ->
        [one] { $n } suite d'enregistrement
       *[other] { $n } suites d'enregistrement
    }
lines-blank = { $n ->
        [one] { $n } vide
       *[other] { $n } vides
    }

## Clauses qu'un export ne permet pas de contrôler.
unchecked-imputation = imputation `{ $field }` : colonne absente de `{ $file }` (profil `{ $profile }`)
unchecked-envelopes = enveloppes « { $first } » et « { $second } » : elles ne se distinguent que par des colonnes absentes de `{ $file }`, ses lignes ne comptent donc dans aucune
unchecked-markets = marchés autorisés : pas de colonne `fournisseur` ni `marche` dans `{ $file }`
unchecked-nature = nature des dépenses (`{ $keyword }`) : pas de colonne `{ $keyword }` dans `{ $file }` (profil `{ $profile }`)
unchecked-uo = UO `{ $uo }` : les exports portent le centre financier, non l'unité opérationnelle ; les codes de l'imputation sont contrôlés à sa place
unchecked-commitments-cp-only = paiements par engagement dans `{ $file }` : la convention ne délègue pas d'AE (`délégation CP`), l'export ne porte donc aucun engagement sur lequel payer
unchecked-commitments = paiements par engagement : pas de colonne `n_ej` dans `{ $file }`

## fmt.
fmt-syntax-errors = `{ $file }` comporte des erreurs de syntaxe : non mis en forme
fmt-cannot-write = impossible d'écrire `{ $file }` : { $error }
fmt-as-written = { $file } (tel qu'écrit)
fmt-formatted = { $file } (mis en forme)

## explain.
explain-why = Pourquoi c'est important
explain-example = Exemple
explain-fix = Comment corriger
explain-no-code = pas de code de diagnostic `{ $code }` ; { $hint }`clausier explain all` les énumère

## report : l'état de consommation.
report-term-label = Durée :
report-term = du { $start } au { $end }{ $why }
report-terminated-by = {" "}(résiliée : { $cause })
report-end-set-by = {" "}(fin fixée par { $cause })
report-scope-convention = convention
report-scope-envelope = enveloppe « { $name } »
report-scope-year = { $who }, { $year }
report-consumption = Consommation au regard des plafonds en vigueur
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
report-audit = Traçabilité : clausier { $version }, le { $at }
report-audit-heading = Traçabilité
report-standard-input = (entrée standard)
report-chart = Consommation cumulée
report-chart-label = cumul des AE et des CP
report-chart-ceiling = plafond
report-chart-forecast = prévision cumulée
report-no-movement = Aucun mouvement à représenter.
report-ceilings = Plafonds
report-schedule = Échéancier prévisionnel
report-col-scope = périmètre
report-col-budget = budget
report-col-consumed = consommé
report-col-ceiling = plafond en vigueur
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
