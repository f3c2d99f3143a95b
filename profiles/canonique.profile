# clausier's canonical CSV: one row per movement, columns named by the header.
profil "canonique" {
  description "CSV canonique : date, type (AE ou CP), montant, et les codes d'imputation"
  en-tête "date" "type" "montant"
  budget "type" {
    AE "AE"
    CP "CP"
    recette "RE" "Recette" "Titre de perception"
  }
  date "date"
  montant "montant"
  n_ej "n_ej"
  poste_ej "poste_ej"
  n_dp "n_dp"
  programme "programme"
  bop "bop"
  centre_financier "centre_financier"
  domaine_fonctionnel "domaine_fonctionnel"
  activite "activite"
  centre_de_couts "centre_de_couts"
  service_executant "service_executant"
  marche "marche"
  fournisseur "fournisseur"
  titre "titre"
  compte "compte"
  exercice "exercice"
}
