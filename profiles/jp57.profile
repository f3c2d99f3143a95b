# SAP journal of payments (jp57), with the same « Type de montant » codes as
# jp51; every movement but a carry-over (350) consumes CP.
profil "jp57" {
  description "Journal SAP des paiements (jp57)"
  en-tête "Type de montant" "N° DP" "Montant"
  budget "Type de montant" {
    CP 100 150 200 500 600 650
    ignorer 350
  }
  date "Date comptable"
  montant "Montant"
  n_ej "N° EJ"
  n_dp "N° DP"
  centre_financier "Centre financier"
  domaine_fonctionnel "Domaine fonctionnel"
  activite "Activité"
  centre_de_couts "Centre de coûts"
  service_executant "Service exécutant"
  fournisseur "Fournisseur"
  exercice "Exercice"
}
