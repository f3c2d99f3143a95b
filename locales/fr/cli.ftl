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
