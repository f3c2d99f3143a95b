# CHORUS INF-BUD-53 « Pilotage de la gestion - Vue détaillée », payments view:
# the EUR column holds the paid amount (CP). The payment is dated by its
# accounting date (SF), else by its last operation, else by its base date.
profil "inf-bud-53-cp" {
  description "INF-BUD-53, vue détaillée des demandes de paiement (CP)"
  en-tête "N° EJ" "N° DP" "Fournisseur payé (DP)" "EUR"
  budget CP
  date "Date comptable du SF" "Date de dernière opération sur la DP" "Date de base de la DP"
  montant "EUR"
  n_ej "N° EJ"
  poste_ej "N° poste EJ"
  n_dp "N° DP"
  programme "Programme"
  domaine_fonctionnel "Domaine fonctionnel"
  centre_de_couts "Centre de coûts"
  service_executant "Service exécutant"
  activite "Référentiel de programmation"
  fournisseur "Fournisseur payé (DP)" 1
  compte "Compte général"
  exercice préambule "Exercice comptable"
  mesure "Montant payé" "Montant engagé"
  sous-total "Résultat"
}
