# CHORUS INFBUD spreadsheets with one column per measure. Yearly exports count
# open commitments carried into the year in « Montant engagé »: the AE of the
# year is « Montant engagé » minus « Bascule des EJ non soldés ».
profil "infbud" {
  description "INFBUD (XLSX), colonnes de mesures : AE = engagé − bascule, CP = payé"
  en-tête "N° EJ" "Montant engagé" "Bascule des EJ non soldés" "Montant payé"
  budget mesures {
    AE "Montant engagé"
    AE-moins "Bascule des EJ non soldés"
    CP "Montant payé"
  }
  date "Date comptable du SF"
  n_ej "N° EJ"
  centre_financier "Centre financier"
  centre_de_couts "Centre de coûts"
  service_executant "Service exécutant"
  activite "Référentiel de programmation"
  marche "N° de contrat"
  fournisseur "Fournisseur titulaire principal (EJ)" 1
  sous-total "Résultat"
}
