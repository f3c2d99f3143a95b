# SAP journal of commitments (jp51). « Type de montant » codes: 100 original,
# 150 modification, 200 reduction, 500 adjustment, 600/650 change of
# imputation (paired) consume AE; 350 is the carry-over of an open commitment
# to the next year: it counts for payments per EJ, not toward ceilings.
profil "jp51" {
  description "Journal SAP des engagements (jp51)"
  en-tête "Type de montant" "N° EJ" "Montant"
  budget "Type de montant" {
    AE 100 150 200 500 600 650
    report 350
  }
  date "Date comptable"
  montant "Montant"
  n_ej "N° EJ"
  poste_ej "Poste EJ"
  centre_financier "Centre financier"
  domaine_fonctionnel "Domaine fonctionnel"
  activite "Activité"
  centre_de_couts "Centre de coûts"
  service_executant "Service exécutant"
  fournisseur "Fournisseur"
  exercice "Exercice"
}
