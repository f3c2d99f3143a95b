# CHORUS INFBUD53 as a semicolon CSV with a « Type montant » column: each row
# holds one measure. Commitments (engagé) consume AE and payments (payé) CP;
# the intermediate stages of a payment are not consumption and are skipped.
profil "infbud53" {
  description "INFBUD53 avec colonne « Type montant »"
  en-tête "N° EJ" "Type montant" "Montant"
  budget "Type montant" {
    AE "Montant engagé"
    CP "Montant payé"
    ignorer "Montant réceptionné" "Montant certifié non soldé" "Montant pré-enregistré" "Montant facturé"
  }
  date "Date comptable" "Date de dernière modif. de l'EJ"
  montant "Montant"
  n_ej "N° EJ"
  poste_ej "N° poste EJ"
  n_dp "N° DP"
  programme "Programme"
  centre_financier "Centre financier"
  domaine_fonctionnel "Domaine fonctionnel"
  centre_de_couts "Centre de coûts"
  service_executant "Service exécutant"
  activite "Référentiel de programmation"
  marche "N° de contrat"
  fournisseur "Fournisseur titulaire principal (EJ)" 1
  compte "Compte général"
  exercice "Exercice comptable"
  sous-total "Résultat"
}
