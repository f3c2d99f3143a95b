### Diagnostics : messages, libellés et aides, par code.

## Plafonds, prévisions et engagements (check).
of-envelope = enveloppe « { $name } » :{" "}
amendment-in-force = {" "}(avenant { $number } en vigueur)
ceiling-exceeded = { $of }le cumul des { $budget } atteint { $sum }, soit { $overrun } au-delà du plafond de { $limit }{ $amended }
ceiling-label = plafond de { $limit } en { $budget }{ $envelope }
ceiling-label-envelope = {" "}de l'enveloppe « { $name } »
ceiling-exceeded-help = aucune dépense ne peut excéder le plafond sans un avenant qui le relève
row-crosses-ceiling = dépasse le plafond
crossing-ceiling = { $of }plafond { $budget }{ $amended }
ceiling-yearly-exceeded = { $of }les { $budget } de { $year } atteignent { $sum }, soit { $overrun } au-delà du plafond annuel de { $limit }{ $amended }
ceiling-yearly-label = plafond annuel de { $limit } en { $budget }
ceiling-yearly-help = un plafond annuel s'applique à chaque exercice, du 1er janvier au 31 décembre : aucune dépense ne peut l'excéder sans avenant
row-crosses-yearly-ceiling = dépasse le plafond annuel
crossing-yearly-ceiling = { $of }plafond { $budget } { $year }{ $amended }
schedule-exceeded = { $of }les { $budget } de { $year } atteignent { $sum }, soit { $overrun } au-delà de la prévision de { $limit }{ $amended }
schedule-label = prévision { $year } : { $limit } en { $budget }
schedule-exceeded-help = l'échéancier est prévisionnel : informez le délégant, et modifiez l'échéancier par avenant si l'écart doit durer
row-crosses-forecast = dépasse la prévision
crossing-forecast = { $of }prévision { $budget } { $year }{ $amended }
party-side-delegant = délégant
party-side-delegataire = délégataire
party-outside = la ligne ne relève d'aucun { $side } de la convention ({ $parties ->
        [one] { $party }
       *[other] le plus proche : { $party }
    }) : { $parts }
party-expects-label = { $party } attend `{ $written }`
party-outside-help = chaque partie déclare les codes de sa part : vérifiez l'imputation ou le service exécutant de la ligne, ou les codes des parties
commitment-overpaid = les paiements sur l'EJ `{ $ej }` atteignent { $paid }, soit { $overrun } au-delà des engagements de { $committed }
commitment-overpaid-help = vérifiez le numéro d'EJ du paiement ou les postes de l'engagement
commitment-overpaid-law = les paiements sur un engagement ne peuvent l'excéder (GBCP, décret n° 2012-1246, art. 156)
row-on-ej = { $budget } de { $amount } sur l'EJ `{ $ej }`

## La consommation, dans le bilan.
consumed-of-ceiling = { $of }consommation { $budget } : { $sum } sur { $limit } { $over ->
        [0] (reste { $remaining })
       *[other] (dépassement de { $excess })
    }
consumed-no-overall-ceiling = { $of }consommation { $budget } : { $sum } (sans plafond global)
consumed-yearly-ceiling-only = { $of }consommation { $budget } : { $sum } (plafond annuel seulement : voir chaque année)
consumed-by-party = { $side } { $party } : consommation { $budget } : { $sum }
receipts-collected = recettes { $year } : { $sum } encaissés
receipt-account = une recette sur le compte { $account }, qui n'est pas de classe 7
receipt-no-account = une recette sans compte
receipt-account-label = pas un compte de recettes
receipt-account-law = les recettes sont imputées sur des comptes de classe 7, produits (plan comptable de l'État)
receipt-account-help = vérifiez le compte de la ligne, ou si la ligne est bien une recette
consumed-no-ceiling = { $of }consommation { $budget } : { $sum } (sans plafond)
consumed-of-yearly-ceiling = { $of }consommation { $budget } { $year } : { $sum } sur le plafond annuel de { $limit } { $over ->
        [0] (reste { $remaining })
       *[other] (dépassement de { $excess })
    }
consumed-of-forecast = { $of }consommation { $budget } { $year } : { $sum } sur { $limit } prévus

## Durée, préavis et fin (check).
term-before-start = { $budgets } du { $date }, avant la prise d'effet de la convention le { $start }
row-days-before-term = { $days ->
        [one] { $days } jour avant la prise d'effet
       *[other] { $days } jours avant la prise d'effet
    }
term-takes-effect-label = prend effet le { $start }
term-before-start-help = le délégataire ne peut engager de dépense qu'à compter de la prise d'effet de la convention : vérifiez la date ou l'imputation
term-after-termination = { $budgets } du { $date }, après la résiliation de la convention le { $end } ({ $cause })
row-days-after-termination = { $days ->
        [one] { $days } jour après la résiliation
       *[other] { $days } jours après la résiliation
    }
term-terminated-label = résiliée le { $end }
term-after-termination-help = une convention résiliée n'autorise plus aucune dépense : vérifiez la date, ou si la dénonciation a été retirée
term-after-end = { $budgets } du { $date }, après la fin de la convention le { $end }{ $renewal }
term-not-renewed = {" "}(non reconduite : dénonciation notifiée le { $given }, avant la date limite du { $deadline }, soit la fin moins le préavis de reconduction)
row-days-after-term = { $days ->
        [one] { $days } jour après le terme
       *[other] { $days } jours après le terme
    }
term-ends-label = prend fin le { $end }
term-ends-by-label = prend fin le { $end } ({ $cause })
term-after-end-help = toute dépense après le terme suppose un avenant prolongeant la durée de la convention
end-by-term = le terme
end-by-amendment = avenant { $number }
end-by-renewal = reconduction { $number }
end-by-notice = la dénonciation du { $given } plus { $period }
end-by-notice-without-period = la dénonciation du { $given }, sans préavis stipulé
duration-days = { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }
duration-clear-days = { $n ->
        [one] { $n } jour franc
       *[other] { $n } jours francs
    }
duration-working-days = { $n ->
        [one] { $n } jour ouvré
       *[other] { $n } jours ouvrés
    }
duration-months = { $n } mois
duration-years = { $n ->
        [one] { $n } an
       *[other] { $n } ans
    }

## Imputation (check).
imputation-differs = l'imputation diffère de celle de la convention : { $parts }
imputation-no-envelope = { $common ->
        [0] l'imputation ne correspond
       *[other] et ne correspond
    } à aucune enveloppe : { $parts }, pour la plus proche, « { $name } »
code-empty = (vide)
code-instead-of = { $field } { $shown } au lieu de `{ $written }`
code-expected-label = attendu : `{ $written }`
code-envelope-expects-label = l'enveloppe « { $name } » attend `{ $written }`
code-replaced-label = remplacé par l'avenant n° { $number } au { $date }
code-brought-label = à compter de l'avenant n° { $number } du { $date }
imputation-mismatch-help = toute dépense de la convention porte ses codes d'imputation : corrigez l'imputation dans CHORUS ou retirez la ligne de l'export de la convention
imputation-mismatch-envelope-help = chaque dépense porte les codes d'une enveloppe : corrigez l'imputation dans CHORUS, ou déclarez l'enveloppe dont elle relève
row-differs = diffère de la convention
joined = { $items }

## Nature des dépenses et marchés (check).
nature-title = titre budgétaire
nature-account = compte
nature-the-title = le titre budgétaire
nature-the-account = le compte
nature-none = la ligne ne porte aucun { $what }, alors que la convention les restreint ({ $clause })
nature-not-one = `{ $written }` n'est pas un { $what }, alors que la convention les restreint ({ $clause })
nature-excluded = { $the } { $value } est exclu par la convention ({ $clause })
nature-not-authorised = { $the } { $value } ne figure pas parmi ceux qu'autorise la convention ({ $clause })
nature-excluded-label = exclu : { $clause }
nature-authorised-label = autorisé : { $clause }
row-nature = { $what } de la ligne
nature-excluded-help = la convention restreint la nature de ses dépenses : vérifiez le titre ou le compte de la ligne dans CHORUS, ou retirez la ligne de l'export de la convention
market-supplier = fournisseur
market-contract = marché
market-none = la ligne ne nomme aucun { $what }
market-named = { $what } `{ $value }`
market-by-amendment = {" "}par l'avenant { $number }
market-authorised-from = { $what } `{ $value }` autorisé à compter du { $from }{ $by }
market-neither = la ligne ne nomme ni fournisseur ni marché
market-none-named-only = { $missing }, alors que la convention n'autorise que des marchés désignés
market-and-none = { $message } ; { $missing }
market-pair = le marché `{ $contract }` est celui de { $market }, non du fournisseur `{ $supplier }`
row-pair-label = fournisseur et marché de deux marchés différents
market-pair-label = le marché et son titulaire : { $market }
market-pair-help = un marché est payé à son titulaire : vérifiez le fournisseur ou le numéro de marché de la ligne
market-not-authorised = { $parts } { $count ->
        [one] ne figure
       *[other] ne figurent
    } pas parmi les marchés autorisés au { $date }
market-later = { $message } ({ $later })
row-not-authorised = non autorisé
market-unknown-help = la convention énumère les marchés et titulaires qu'elle couvre : vérifiez le fournisseur, ou modifiez la convention par avenant
market-authorised-label = autorisé : { $market }

## Lecture des exports : lignes rejetées.
row-rejected = ligne rejetée : `{ $name }` vaut `{ $shown }`, { $why }
why-amount-empty = le montant est vide
why-not-an-amount = ce n'est pas un montant
why-too-many-decimals = plus de deux décimales
why-too-large = trop grand pour un calcul exact
why-other-currency = une autre devise que l'euro
why-unmapped-budget = une valeur que le profil ne rattache ni aux AE ni aux CP
why-no-date = pas de date
why-not-a-date = ce n'est pas une date
amount-help = les montants sont en euros, avec deux décimales au plus : `-1 234,56`, `1234.5`, `1 234,56 €`, `(1 234,56 €)`
date-help = les dates s'écrivent jj/mm/aaaa, jj.mm.aaaa ou aaaa-mm-jj, éventuellement suivies d'une heure
budget-help = le profil lit { $ae } comme des AE et { $cp } comme des CP{ $carried }{ $ignored }
budget-help-carried = , { $values } comme des AE reportées
budget-help-skips = , et ignore { $values }
row-rejected-width = ligne rejetée : { $found ->
        [one] { $found } champ
       *[other] { $found } champs
    } alors que l'en-tête en compte { $expected }
row-fields = { $found ->
        [one] { $found } champ
       *[other] { $found } champs
    }
row-rejected-width-help = un champ qui contient le séparateur doit être entre guillemets ; vérifiez le séparateur de l'export

## Dérogations et répartition (check).
waiver-unused = la dérogation à `{ $code }` pour { $kind } `{ $number }` ne couvre aucun constat
waiver-unused-label = inutilisée
waiver-unused-help = l'écart a peut-être été corrigé, ou le code ou le numéro de la dérogation est erroné : vérifiez-la, ou supprimez-la
scope-unmatched = aucune convention n'a les codes d'imputation de cette ligne
row-matches-none = ne relève d'aucune convention
scope-unmatched-help = l'imputation de la ligne ne relève d'aucune convention du dossier de règles : vérifiez ses codes, ou ajoutez la convention qui la couvre
scope-ambiguous = la ligne relève de { $count } conventions : { $titles }
row-matches-several = relève de plusieurs conventions
scope-ambiguous-help = les conventions qui partagent des codes d'imputation se distinguent par leurs titulaires et leurs durées : précisez l'une d'elles

## Lecture des exports : fichiers et en-têtes.
missing-column = `{ $file }` : { $what }
reading-stopped = lecture interrompue à la ligne { $line } : { $error }
cannot-read = impossible de lire `{ $file }` : { $error }
no-columns = { $count ->
        [one] pas de colonne { $columns }
       *[other] pas de colonnes { $columns }
    }
no-columns-help = la ligne { $line } ressemble à l'en-tête du format `{ $profile }` mais il y manque { $columns } ; pour un autre format, écrivez un profil et passez `--profile FICHIER`
no-profile-header = aucune ligne d'en-tête ne porte les titres du profil `{ $profile }`
no-profile-header-help = le profil attend une ligne portant { $titles }
file-empty = le fichier est vide
file-empty-help = un export commence par une ligne d'en-tête qui nomme ses colonnes (`date;type;montant;…`)
no-known-header = aucune ligne d'en-tête d'un format d'export connu
no-known-header-help = sa première ligne porte { $seen } ; clausier connaît les formats { $layouts } ; pour un autre, écrivez un profil et passez `--profile FICHIER` ; le CSV canonique demande au moins `date`, `type` et `montant`
no-profile-column = pas de colonne `{ $title }` (profil `{ $profile }`)
header-reads = l'en-tête porte { $titles }
profile-no-date = le profil ne désigne aucune colonne de date
profile-no-amount = le profil `{ $profile }` ne désigne aucune colonne de montant


## Profils (`--profile FICHIER`).
label-here = ici
did-you-mean = vouliez-vous dire `{ $word }` ?
expected-one-of = attendu, l'un de : { $words }
kind-text = un texte entre guillemets
kind-date = une date
kind-amount = un montant
kind-word = un mot
profile-unexpected = `{ $word }` inattendu
profile-one-per-file-help = un fichier de profil contient un seul `profil "nom" {"{"} … {"}"}`
profile-none = le fichier ne déclare aucun profil
profile-write-help = écrivez `profil "nom" {"{"} … {"}"}`
profile-needs-name = un profil doit avoir un nom
profile-unknown-clause = clause de profil inconnue `{ $word }`
profile-not-a-clause = pas une clause de profil
profile-no-header = le profil n'a pas d'`en-tête`
profile-no-header-help = énumérez les titres qui identifient la ligne d'en-tête : `en-tête "N° EJ" "EUR"`
profile-no-budget = le profil n'a pas de `budget`
profile-no-budget-help = écrivez `budget AE`, `budget CP`, `budget "colonne" {"{"} AE "…" CP "…" {"}"}` ou `budget mesures {"{"} … {"}"}`
profile-no-date-column = le profil ne désigne pas de colonne `date`
profile-no-date-column-help = écrivez `date "titre"`
profile-no-amount-column = le profil ne désigne pas de colonne `montant`
profile-no-amount-column-help = écrivez `montant "titre"`
profile-expected-title = titre entre guillemets attendu, trouvé : { $found }
profile-titles-quoted-help = les titres de colonnes s'écrivent entre guillemets : `"N° EJ"`
profile-titles-quoted-short-help = les titres de colonnes s'écrivent entre guillemets
profile-not-occurrence = `{ $word }` n'est pas un numéro d'occurrence
profile-not-occurrence-help = après un titre, un nombre désigne laquelle des colonnes de ce titre : `"Fournisseur" 2`
profile-needs-title = `{ $word }` demande un titre de colonne
profile-needs-title-help = écrivez le titre de la colonne entre guillemets
profile-budget-column-help = dans `budget "colonne" {"{"} … {"}"}` : `AE "valeur" …`, `CP "valeur" …`, `report "valeur" …`, `ignorer "valeur" …`
profile-budget-needs = `budget` demande `AE`, `CP`, un titre de colonne ou `mesures`
profile-budget-needs-help = par exemple `budget CP`
profile-measures-help = dans `budget mesures {"{"} … {"}"}` : `AE "colonne"`, `AE-moins "colonne"`, `CP "colonne"`
profile-measures-needs = `budget mesures` demande une colonne `AE` et une colonne `CP`
profile-measures-needs-help = par exemple `AE "Montant engagé"` et `CP "Montant payé"`

## Fichiers illisibles.
io-not-found = fichier ou dossier introuvable
io-permission-denied = accès refusé
io-is-a-directory = c'est un dossier
io-invalid-data = ce n'est pas un fichier texte : il contient des données binaires
check-path-help = vérifiez le chemin et les droits d'accès au fichier
cannot-read-again = impossible de relire l'export : { $error }
cannot-read-chunk = impossible de lire une partie de l'export : { $error }
record-too-long = un enregistrement de plus de { $mib } Mio
quote-never-closed = un champ entre guillemets n'est pas refermé dans les { $mib } Mio
cannot-write-spill = impossible d'écrire le fichier temporaire de tri : { $error }
cannot-write-spill-help = clausier trie les gros exports dans le dossier temporaire : vérifiez l'espace libre de TMPDIR
workbook-help = clausier lit les classeurs XLSX, XLS, XLSB et ODS ; vérifiez que le fichier en est un
no-sheet = `{ $file }` n'a pas de feuille `{ $sheet }`
sheets-are = ses feuilles sont : { $sheets }
workbook-no-sheet = le classeur n'a aucune feuille
xlsx-not-zip = ce n'est pas une archive zip lisible ({ $error })
xlsx-missing-part = le classeur n'a pas de partie `{ $part }`
xlsx-xml = `{ $part }`, octet { $at } : { $error }
xlsx-ends-early = la feuille s'arrête avant `</sheetData>`
xlsx-bad-row = `{ $text }` n'est pas un numéro de ligne
xlsx-bad-cell = `{ $text }` n'est pas une référence de cellule
xlsx-bad-type = `{ $text }` n'est pas un type de cellule
xlsx-bad-entity = `&{ $text };` n'est pas une entité XML
xlsx-bad-reference = `&` n'ouvre aucune référence d'entité
xlsx-bad-markup = `<!` n'ouvre ni un commentaire ni une section CDATA
xlsx-no-string = la cellule { $cell } désigne la chaîne partagée { $index }, que le classeur n'a pas
xlsx-row-too-large = une ligne de `{ $part }` occupe plus de { $mib } Mio de XML
sheet-spool = impossible de garder le texte de la feuille pour en montrer les lignes : { $error }
no-rule-file = `{ $folder }` ne contient aucun fichier de règles `*.conv`
no-rule-file-help = donnez un fichier de règles, ou un dossier qui en contient
no-profile = pas de profil `{ $name }`
no-profile-help = { $hint }profils intégrés : { $profiles } ; ou donnez le chemin d'un fichier de profil
did-you-mean-then = vouliez-vous dire `{ $word }` ?{" "}

## Contrôles d'une convention (lint, check).
amendment-order = l'avenant { $number } (en vigueur le { $effect }) suit l'avenant { $previous } (en vigueur le { $previous_effect })
amendment-order-label = hors de l'ordre
amendment-before-label = l'avenant qui le précède
amendment-order-help = déclarez les avenants dans l'ordre de leurs numéros, chacun entrant en vigueur au plus tôt avec le précédent
amendment-outside-term = l'avenant { $number } prend effet le { $effect }, hors de la durée de la convention (du { $start } au { $end })
outside-term-label = hors de la durée
the-term-label = la durée
amendment-outside-term-help = un avenant modifie une convention en vigueur : vérifiez sa date de prise d'effet
amended-schedule-sum = après l'avenant { $number }, les prévisions en { $budget } totalisent { $sum }, pour un plafond de { $limit }
ceiling-in-force-label = le plafond en vigueur
amended-schedule-sum-help = un avenant qui relève un plafond modifie en général aussi l'échéancier : déclarez les nouvelles lignes de l'échéancier
removed-market-unknown = aucun marché « { $market } » n'est autorisé à la prise d'effet de l'avenant { $number }
not-authorised-market-label = pas un marché autorisé
no-market-then-help = aucun marché n'est alors autorisé : supprimez cette ligne
name-market-help = désignez un marché par son objet : { $names }
waiver-expired = la dérogation à `{ $code }` a expiré le { $until }
waiver-expired-label = expirée
waiver-expired-help = supprimez la dérogation, ou renouvelez-la avec une nouvelle date
term-indefinite = la durée n'a pas de terme : le décret n° 2004-1085 (art. 1er) prévoit « une durée limitée, éventuellement reconductible »
term-indefinite-label = sans terme : la convention ne prend fin que par une dénonciation
term-indefinite-help = déclarez le terme que fixe le texte (`fin DATE`, `pour 1 an`), avec `reconduction 1 an préavis 3 mois` pour une reconduction d'année en année ; ne gardez `indéterminée` que si le texte le dit
term-indefinite-no-notice-help = déclarez le préavis que fixe le texte (`préavis 3 mois`) : une convention sans terme ne prend fin que par une dénonciation
end-and-indefinite = la durée déclare à la fois un terme et `indéterminée`
end-and-indefinite-label = `indéterminée` dit que la durée n'a pas de terme
end-and-indefinite-help = gardez le terme que fixe le texte (`fin`, `pour`), ou `indéterminée` seul
term-inverted = la convention prend fin le { $end }, avant sa prise d'effet le { $start }
term-inverted-label = fin antérieure à la prise d'effet
term-inverted-help = vérifiez les deux dates : la fin est le plus souvent un 31 décembre postérieur à la signature
schedule-sum = { $of }les prévisions en { $budget } totalisent { $sum }, pour un plafond de { $limit }
ceiling-of-label = plafond de { $limit }
schedule-sum-help = un échéancier répartit en général tout le plafond sur les années : vérifiez chaque ligne
schedule-outside-term = une prévision pour { $year } alors que la convention court du { $start } au { $end }
schedule-outside-term-help = rien ne peut être dépensé hors de la durée : corrigez l'année ou prolongez la durée
schedule-cp-ahead = { $of }à la fin de { $year }, les CP prévus ({ $cp }) dépassent les AE prévues ({ $ae })
cp-ahead-label = CP en avance sur les AE
schedule-cp-ahead-help = les paiements suivent les engagements : le cumul des CP ne peut devancer celui des AE
notice-missing = une dénonciation est notifiée le { $date }, mais la convention ne stipule aucun préavis : elle prend effet le jour même
notice-missing-label = aucun `préavis` à décompter d'ici
notice-missing-help = déclarez le préavis de la convention, par exemple `préavis 3 mois`
notice-too-long = le préavis est plus long que la durée de la convention ({ $days ->
        [one] { $days } jour
       *[other] { $days } jours
    })
notice-too-long-label = plus long que la durée
notice-too-long-help = un préavis plus long que la convention ne peut jamais produire effet : vérifiez son unité
imputation-inconsistent = { $field } `{ $code }` n'appartient pas au programme { $programme }
expected-prefix-label = devrait commencer par `{ $prefix }`
the-programme-label = le programme
party-uncoded = { $party } ne déclare aucun code alors que les autres parties de son côté le font : aucune ligne ne lui revient
party-uncoded-label = ni `uo`, ni `bop`, ni `centre-financier`, ni `activité`, ni `service-exécutant`
party-coded-label = { $party } déclare les codes de sa part
party-uncoded-help = déclarez aussi les codes de cette partie (son `uo`, son `service-exécutant`…), ou n'en déclarez pour aucune partie de ce côté
what-frame = le titre de la convention mère, entre guillemets
what-text = le fichier du texte signé, entre guillemets
clause-outside-convention = la clause `{ $word }` se trouve hors du bloc de la convention
clause-outside-convention-label = hors de `convention "…" {"{"} … {"}"}`
clause-outside-convention-help = placez-la dans le bloc, avant l'accolade `{"}"}` qui ferme la convention
draft-todo = une phrase du texte reste à compléter : « { $sentence } »
draft-todo-label = laissée par `clausier draft`
draft-todo-help = lisez la phrase dans le texte, écrivez la clause qu'elle fixe (ou aucune), puis supprimez ce commentaire
source-unreadable = le texte de la convention `{ $file }` ne peut être lu : { $error }
source-unreadable-label = le texte auquel renvoient les références
source-unreadable-help = placez le texte à côté du fichier de règles (le chemin est relatif à celui-ci), ou corrigez son nom
source-unknown-article = `({ $cite })` ne figure pas dans `{ $file }`
source-unknown-article-label = le texte n'a pas cet article
source-unknown-article-help = le texte comporte : { $articles }
citation-malformed = `({ $part })` n'est pas une référence au texte
citation-malformed-label = un article, un alinéa ou une annexe, avec son numéro
citation-malformed-help = citez le texte ainsi : `(art. 4)`, `(art. 4, al. 2)`, `(annexe 1)` ou `(annexe 1, art. 2)`
cite-article = article { $article } de la convention
cite-article-paragraph = article { $article }, alinéa { $paragraph }, de la convention
cite-annex = annexe { $annex } de la convention
cite-annex-article = article { $article } de l'annexe { $annex } de la convention
frame-lone = la convention mère « { $title } » est cherchée parmi les fichiers de règles lus ensemble : un fichier seul ne peut pas la trouver
frame-lone-help = vérifiez ou contrôlez le dossier de règles qui contient la convention mère
frame-unknown = aucune convention du dossier de règles n'a pour titre « { $title } »
frame-unknown-help = recopiez exactement le titre de la convention mère, ou ajoutez son fichier de règles au dossier
frame-unknown-label = la convention mère
frame-outside = { $what } : hors de la convention mère « { $parent } »
frame-outside-label = hors de la convention mère
frame-parent-label = subdélégation de « { $parent } »
frame-outside-help = une subdélégation ne peut donner plus que ce que détient la convention mère : sa durée, ses codes et ses plafonds restent dans les siens
frame-starts-before = prend effet le { $start }, avant la convention mère le { $parent }
frame-ends-after = prend fin le { $end }, après la convention mère le { $parent }
frame-no-end = n'a pas de terme, alors que la convention mère prend fin le { $parent }
frame-code = ne reprend pas le { $field } `{ $code }` de la convention mère
frame-ceiling = un plafond de { $amount } en { $budget }, au-dessus de celui de la convention mère, { $parent }
uo-differs = l'UO `{ $uo }` diffère du centre financier `{ $code }` de l'imputation
uo-differs-label = une UO est un centre financier
the-centre-financier-label = le centre financier
uo-differs-help = dans CHORUS, une UO est un centre financier (programme-BOP-UO) : déclarez un seul code, ou le même aux deux endroits
outside-bop = le centre financier `{ $code }` n'est pas dans le BOP `{ $bop }`
the-bop-label = le BOP
outside-bop-help = un BOP est formé des deux premières parties de ses centres financiers (`0124-CDAF` pour `0124-CDAF-CDSI`)
imputation-inconsistent-help = le centre financier, le domaine fonctionnel et l'activité d'une imputation commencent par les quatre chiffres du programme (0124-…)
too-many-envelopes = une convention compte au plus { $max } enveloppes
too-many-envelopes-label = une enveloppe de trop
too-many-envelopes-help = fusionnez des enveloppes, ou scindez le fichier de règles de la convention par programme
envelope-no-code = l'enveloppe « { $name } » ne déclare aucun code propre : aucune ligne ne peut lui être rattachée
envelope-no-code-label = aucun code propre
envelope-no-code-help = déclarez le code sur lequel la convention place les crédits de cette enveloppe (`centre-financier …`, `activité …`)
envelope-conflict = l'enveloppe « { $name } » déclare `{ $own }` en { $field }, l'imputation commune `{ $common }` : aucune ligne ne peut porter les deux
envelope-code-label = le code de l'enveloppe
common-imputation-label = celui de l'imputation commune
envelope-conflict-help = l'imputation porte les codes communs à toutes les enveloppes : déclarez ce champ dans chaque enveloppe, pas dans l'imputation
envelopes-indistinct = les enveloppes « { $first } » et « { $second } » ne diffèrent par aucun code : une ligne qui porte les codes de l'une porte ceux de l'autre
indistinct-label = impossible à distinguer
from-envelope-label = de cette enveloppe
envelopes-indistinct-help = donnez à chaque enveloppe un code propre que les autres déclarent différemment (un centre financier, une activité…)
envelopes-over-ceiling = les plafonds { $yearly ->
        [0] {""}
       *[other] annuels{" "}
    }en { $budget } des enveloppes totalisent { $sum }, au-delà du plafond { $yearly ->
        [0] global
       *[other] annuel global
    } de { $limit }
overall-ceiling-label = le plafond global
envelopes-over-ceiling-help = le plafond global s'impose aussi : les enveloppes ne peuvent pas toutes être consommées ; vérifiez les montants, ou réduisez une enveloppe
envelope-ceiling-label = le plafond d'une enveloppe
code-malformed = `{ $code }` n'est pas un code valide ici
code-expected-format-label = attendu : { $format }
code-format-help = dans CHORUS, ce code s'écrit ainsi : { $format }
format-programme = 3 chiffres, par exemple `124`
format-bop = `PPPP-XXXX`, par exemple `0124-CDAF`
format-service-executant = 10 majuscules et chiffres, par exemple `CSP0000075`
format-centre-financier = `PPPP-XXXX-XXXX`, par exemple `0124-CDAF-CDSI`
format-domaine = `PPPP-AA` ou `PPPP-AA-SS`, par exemple `0124-11`
format-activite = 12 chiffres, par exemple `012460111304`
format-centre-de-couts = jusqu'à 10 lettres et chiffres, par exemple `DININCUB75`
supplier-malformed = `{ $number }` n'est pas un numéro de tiers CHORUS
ten-digits-label = 10 chiffres attendus
supplier-malformed-help = un numéro de tiers CHORUS compte 10 chiffres, par exemple `1001091655`
market-duplicate = deux marchés partagent { $what } `{ $value }`
market-key-purpose = l'objet
market-key-chorus = le numéro CHORUS
market-key-number = le numéro de marché
stated-again-label = déclaré de nouveau ici
first-stated-label = déclaré une première fois ici
market-duplicate-help = déclarez chaque marché une seule fois ; un titulaire de deux marchés a deux numéros de marché

## Ce qu'attend une clause (fichiers de règles).
what-nor = la référence NOR
what-signature = la date de signature
what-legal-basis = le fondement juridique
what-uo = l'unité opérationnelle (UO)
what-accountant = le comptable assignataire
what-publication = le lieu de publication de la convention
what-reporting = l'obligation de compte rendu
what-title = le titre de la convention
what-party-name = le nom de la partie
what-party-acronym = le sigle de la partie
what-signatory-name = le nom du signataire
what-signatory-role = la qualité du signataire
what-market-purpose = l'objet du marché
what-end-date = la date de fin
what-duration-count = un nombre de jours, de mois ou d'années
what-duration-unit = une unité (`jours`, `mois` ou `ans`)
what-notice-date = la date de notification de la dénonciation
what-amendment-number = le numéro de l'avenant
what-removed-market = l'objet du marché retiré
what-amendment-effect = la date de prise d'effet de l'avenant
what-new-end = la nouvelle fin de la convention
what-envelope-name = le nom de l'enveloppe
what-waived-code = le code du constat couvert par la dérogation
what-key-kind = `ej` ou `dp`
what-key-number = le numéro d'EJ ou de DP
what-waiver-reason = le motif de la dérogation
what-waiver-approver = qui l'a approuvée
what-waiver-until = le dernier jour de validité de la dérogation
what-effect = `signature` ou une date
what-effective-date = la date de prise d'effet
what-code = un code
what-programme-name = le nom du programme
what-field-name = un nom de champ (`titulaire`, `chorus` ou `numéro`)
what-whole-number = un nombre entier (par exemple `3 mois`)
what-unit = `jours`, `jours francs`, `jours ouvrés`, `mois` ou `ans`
what-renewal-count = un nombre de reconductions après `fois`
what-renewal-clause = `fois N`, `préavis N mois` ou `report-jour-ouvré`
what-notice-by = `délégant` ou `délégataire` après `par`
what-notice-object = `résiliation` ou `modification` après `objet`
what-notice-clause = `par …`, `objet …` ou `report-jour-ouvré`
what-amendment-number-block = le numéro de l'avenant (`avenant 1 {"{"} … {"}"}`)
what-key-kind-long = `ej` ou `dp`, la nature de la clé de ligne
what-effect-date = `signature` ou une date (aaaa-mm-jj)
what-budget-amount = un budget (AE ou CP) et un montant
what-budget-before-amount = un budget (AE ou CP) avant le montant
what-schedule-amounts = des montants en AE et en CP
what-amount-after-budget = un montant après le budget
what-delegated = les budgets délégués (`AE`, `CP`, `AE et CP`, `dépenses`, `recettes` ou `dépenses et recettes`)
what-amount = un montant en euros (par exemple `400 000 €`)
what-budget = un budget : `AE` ou `CP`
what-budget-title = un titre budgétaire, de 1 à 7 (`titre 3`, `titre hors 2`)
what-pce-account = un compte du PCE ou ses premiers chiffres (`compte 61`, `compte hors 64`)

## Lecture des fichiers de règles : valeurs et clauses.
what-as-text = { $what }, entre guillemets
what-as-date = { $what } (aaaa-mm-jj)
what-value-of = la valeur de `{ $word }`
not-a-calendar-date = `{ $raw }` n'est pas une date du calendrier
no-such-day-label = ce jour n'existe pas
not-a-calendar-date-help = les dates s'écrivent aaaa-mm-jj, avec un mois de 01 à 12 et un jour qui existe dans ce mois
not-a-valid-amount = `{ $raw }` n'est pas un montant valide
amount-too-large-label = trop grand
not-a-valid-amount-help = écrivez des euros avec deux décimales au plus : `400 000 €`, `1 234,56 €`
expected-found = attendu : { $expected } ; trouvé : { $found }
expected-label = attendu : { $expected }
needs-value = `{ $clause }` demande { $what }
expected-here-label = attendu ici : { $what }
unknown-clause = clause inconnue `{ $word }`
not-a-clause = pas une clause
unknown-market-field = champ de `marché` inconnu `{ $word }`
not-a-market-field = pas un champ de `marché`
unknown-diagnostic-code = code de diagnostic inconnu `{ $word }`
not-a-diagnostic-code = pas un code de diagnostic
unknown-thing-to-remove = élément à retirer inconnu `{ $word }`
not-a-thing-to-remove = pas un élément que l'on peut retirer
value-help-text = les textes s'écrivent entre guillemets droits : `"Direction …"`
value-help-date = les dates s'écrivent aaaa-mm-jj, par exemple `2017-08-24`
value-help-amount = les montants sont en euros, avec leur devise : `400 000 €`
value-help-reference = voir la référence du langage dans README.md
one-convention-per-file = un fichier de règles contient une seule convention
second-convention-label = seconde convention
one-convention-per-file-help = placez chaque convention dans son propre fichier
no-convention = le fichier ne déclare aucune convention
expected-convention-label = attendu : `convention "…" {"{"}`
no-convention-help = un fichier de règles commence par `convention "titre" {"{"}` et se termine par `{"}"}`
stated-twice = `{ $clause }` est déclaré deux fois
keep-one-help = n'en gardez qu'un
no-clauses = la convention n'a aucune clause
expected-block-label = `{"{"}` attendu après le titre
no-clauses-help = écrivez les clauses dans `convention "…" {"{"} … {"}"}`
missing-here-label = `{ $clause }` manquant ici
clause-missing = la convention n'a pas de clause `{ $clause }`
clause-missing-help = toute convention la déclare, par exemple `{ $example }`
fin-and-pour = la durée déclare à la fois `fin` et `pour`
fin-and-pour-label = une durée et une date de fin
fin-and-pour-help = déclarez la date de fin, ou la durée à compter de la prise d'effet, mais pas les deux
term-incomplete = il manque `{ $first }`{ $count ->
        [one] {""}
       *[other] {" "}et `{ $second }`
    } à la durée
term-incomplete-label = durée incomplète
term-incomplete-help = écrivez `durée {"{"} effet signature` (ou une date) `fin 2018-12-31 {"}"}`
amendment-no-effect = l'avenant { $number } n'a pas de date d'`effet`
amendment-no-effect-help = un avenant déclare sa date de prise d'effet : `effet 2018-07-01`
envelope-twice = l'enveloppe « { $name } » est déclarée deux fois
envelope-twice-help = donnez à chaque enveloppe un nom propre, ou fusionnez les deux
waiver-no-reason = une dérogation demande un `motif`
waiver-no-reason-help = indiquez pourquoi l'écart est accepté : `motif "…"`
ceiling-twice = le plafond { $yearly ->
        [0] {""}
       *[other] annuel{" "}
    }en { $budget } est déclaré deux fois
ceiling-twice-help = une convention a un plafond par budget ; n'en gardez qu'un
not-a-year = `{ $word }` n'est pas une année
expected-year-label = année attendue
schedule-line-help = chaque ligne d'échéancier s'écrit `2017 AE 296 210 € CP 48 105 €`
forecast-twice = la prévision en { $budget } pour { $year } est déclarée deux fois
forecast-twice-help = déclarez une seule fois les AE et les CP de chaque année
takes-values = `{ $clause }` prend { $count ->
        [0] aucune valeur
        [1] une seule valeur
       *[other] { $count } valeurs
    } ici
unexpected-label = inattendu
takes-values-help = supprimez ces valeurs, ou commencez une nouvelle ligne pour une autre clause
takes-no-block = `{ $clause }` ne prend pas de bloc
unexpected-block-label = bloc inattendu
takes-no-block-help = supprimez le `{"{"} … {"}"}`

## Syntaxe des fichiers de règles.
syntax-nesting = le fichier ne peut pas être lu ici : { $message }
syntax-nesting-label = imbrication trop profonde
syntax-nesting-help = les blocs d'une convention s'imbriquent sur quelques niveaux ; des milliers de `{"{"}` imbriqués ne font pas un fichier de règles
syntax-unterminated = texte entre guillemets non fermé
syntax-unterminated-label = ce texte n'est jamais fermé
syntax-unclosed = un bloc n'est jamais fermé : `{"}"}` attendu avant la fin du fichier
syntax-unclosed-label = ce `{"{"}` n'est jamais fermé
syntax-file-ends-label = le fichier se termine ici
syntax-unclosed-help = ajoutez le `{"}"}` qui ferme ce bloc, après sa dernière clause
syntax-invisible-help = supprimez ce caractère invisible (souvent collé depuis un traitement de texte ou une page web) et tapez une espace ordinaire si besoin
found-end-of-file = la fin du fichier
found-end-of-line = la fin de la ligne
found-unterminated = un texte entre guillemets non fermé
found-invisible = un caractère invisible, { $name } ({ $code })
char-bom = une marque d'ordre des octets (BOM)
char-nbsp = une espace insécable
char-nnbsp = une espace fine insécable
char-zwsp = une espace sans chasse
char-zero-width = un liant ou antiliant sans chasse
char-other-space = une espace ou un caractère de contrôle autre qu'une espace ordinaire
rule-something-else = autre chose
rule-end-of-file = la fin du fichier
rule-keyword = un mot-clé
rule-close = `{"}"}`
rule-open = `{"{"}`
rule-text = un texte entre guillemets
rule-date = une date (aaaa-mm-jj)
rule-money = un montant en euros (400 000 €)
rule-comment = un commentaire
rule-citation = une référence au texte, `(art. 4)`
rule-convention = une convention
rule-value = une valeur
syntax-help-quote = un texte entre guillemets doit se fermer par `"` sur la même ligne
syntax-help-close = ce `{"}"}` ne ferme aucun `{"{"}` ouvert : supprimez-le ou ajoutez le bloc qu'il ferme
syntax-help-unclosed = un bloc ouvert par `{"{"}` n'est jamais fermé : ajoutez `{"}"}`
syntax-help-number = un montant porte sa devise (`400 000 €`) et une date s'écrit aaaa-mm-jj
syntax-help-line = chaque ligne porte une clause : un mot-clé, ses valeurs, et éventuellement `{"{"}` pour ouvrir un bloc
amount-needs-currency = un montant porte sa devise : `{ $written }` doit s'écrire `{ $suggestion }`
no-currency-label = sans devise
amount-needs-currency-help = écrivez `{ $suggestion }` (ou `EUR` après le nombre)
clause-unchecked = impossible de contrôler { $clause } sur `{ $file }` : l'export n'a pas de colonne { $words }
clause-unchecked-label = demande une colonne { $words }
clause-unchecked-help = exportez la colonne { $words } depuis CHORUS, ou désignez-la dans un profil (`{ $column }` dans `--profile FICHIER` ; l'export a été lu comme `{ $profile }`)

## A column of the export in words, by its canonical name (`centre_financier`):
## what the sentences about a missing column say.
column-words = { $column ->
        [programme] de programme
        [bop] de BOP
        [centre_financier] de centre financier
        [domaine_fonctionnel] de domaine fonctionnel
        [activite] d'activité
        [centre_de_couts] de centre de coûts
        [service_executant] de service exécutant
        [fournisseur] de fournisseur
        [marche] de marché
        [n_ej] de numéro d'EJ
        [titre] de titre budgétaire
        [compte] de compte
       *[other] `{ $column }`
    }
clause-imputation = { $field ->
        [programme] le programme
        [bop] le BOP
        [centre_financier] le centre financier
        [domaine_fonctionnel] le domaine fonctionnel
        [activite] l'activité
        [centre_de_couts] le centre de coûts
        [service_executant] le service exécutant
       *[other] le code `{ $field }`
    } de l'imputation
clause-markets = la liste des marchés autorisés
clause-nature = la nature des dépenses (`{ $keyword }`)
clause-commitments = la règle selon laquelle les paiements sur un engagement ne l'excèdent pas

## Dérogations, telles que les constats les portent.
waiver-text = { $reason }{ $approved }{ $until }
waiver-approved-by = , approuvée par { $who }
waiver-until = , jusqu'au { $until }
delimiter-tab = des tabulations
read-as = le fichier a été lu en { $encoding }, avec { $delimiter } entre les champs
help-then = { $first } ; { $then }
sheets-try = les feuilles du classeur sont { $sheets } : si les données sont sur une autre, passez `--sheet "{ $other }"`
row-stray-quote = ligne rejetée : un guillemet ouvre le champ `{ $column }` et ne se ferme pas sur sa ligne ; lu comme un champ entre guillemets, il aurait englouti { $lines ->
        [one] la ligne suivante
       *[other] les { $lines } lignes suivantes
    }
stray-quote-label = le guillemet s'ouvre ici
row-stray-quote-help = un guillemet à l'intérieur d'un champ s'écrit doublé (`""`), ou tout le champ se met entre guillemets ; la lecture reprend à la ligne suivante
field-programme = programme
field-bop = BOP
field-service-executant = service exécutant
field-centre-financier = centre financier
field-domaine-fonctionnel = domaine fonctionnel
field-activite = activité
field-centre-de-couts = centre de coûts

## `clausier draft` : lecture du texte d'une convention.
draft-zip = le fichier est une archive ZIP endommagée (les fichiers Word et LibreOffice sont des archives ZIP) : { $error }
draft-zip-unknown = le fichier est une archive ZIP, mais ni un document Word (.docx) ni un document LibreOffice (.odt)
draft-xml = le XML du document est endommagé à l'octet { $at } : { $error }
draft-pdf-unreadable = le PDF ne peut être lu : { $error }
draft-pdf-unreadable-panic = le PDF ne peut être lu : sa structure est endommagée ou d'un type que le lecteur de PDF ne connaît pas
draft-pdf-scanned = le PDF n'a pas de couche texte ({ $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } d'images) : c'est une numérisation ; passez-le à la reconnaissance de caractères (OCR), ou rédigez depuis le fichier Word
draft-pdf-not-built = cette version de clausier ne lit pas les PDF (construite sans la fonctionnalité `pdf`)

