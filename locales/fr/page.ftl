# La page dans le navigateur (web/index.html) : ses mots, ses décomptes.
page-title = clausier — contrôle d'une convention de délégation de gestion
page-intro = Contrôle d'une convention de délégation de gestion (décret n° 2004-1085) au regard des dépenses exportées de CHORUS.
page-private = Aucune donnée ne quitte cet ordinateur : tout est calculé dans cette page.
page-rules = Convention (fichier de règles)
page-rules-findings = Diagnostics de la convention
page-export = Export CHORUS
page-drop = Déposez ici un export (CSV, XLSX) ou
page-choose = choisissez un fichier
page-no-export = Aucun export chargé.
page-findings = Constats
page-column-code = code
page-column-severity = gravité
page-column-message = message
page-column-row = ligne
page-column-clause = clause
page-cell-column = colonne
page-cell-value = valeur
page-show-report = Afficher l'état de consommation
page-report = État de consommation
page-waived = dérogé
page-at-line = ligne { $line }
page-waiver = { $message } (dérogation : { $reason })
page-clause = { $label } (ligne { $line })
page-row = { $file }, ligne { $line }
page-file = { $name } ({ $bytes ->
        [one] { $bytes } octet
       *[other] { $bytes } octets
    })
page-lint-count = ({ $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    })
page-check-count = ({ $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $waived ->
        [one] { $waived } dérogé
       *[other] { $waived } dérogés
    })
page-rows = { $read ->
        [one] { $read } ligne lue
       *[other] { $read } lignes lues
    } : { $checked ->
        [one] { $checked } contrôlée
       *[other] { $checked } contrôlées
    }, { $rejected ->
        [one] { $rejected } rejetée
       *[other] { $rejected } rejetées
    }, { $skipped ->
        [one] { $skipped } ignorée
       *[other] { $skipped } ignorées
    } (sous-totaux), { $out } hors champ — contrôle en { $ms } ms.
page-filter-severity = Gravité
page-filter-code = Code
page-filter-all = tous
page-download = Télécharger
page-shown = { $shown } affichés sur { $total }
page-no-cells = Au-delà de 5 000 constats, la page ne garde pas les cellules des lignes : ouvrez l'export à cette ligne.
