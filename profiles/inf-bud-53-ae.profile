# CHORUS INF-BUD-53 « Pilotage de la gestion - Vue détaillée », commitments view:
# the EUR column holds the committed amount (AE). Code and label columns share
# one title: the code comes first.
profil "inf-bud-53-ae" {
  description "INF-BUD-53, vue détaillée des engagements (AE)"
  en-tête "N° EJ" "N° poste EJ" "Date de dernière modif. de l'EJ" "EUR"
  budget AE
  date "Date de dernière modif. de l'EJ"
  montant "EUR"
  n_ej "N° EJ"
  poste_ej "N° poste EJ"
  programme "Programme"
  domaine_fonctionnel "Domaine fonctionnel"
  centre_de_couts "Centre de coûts"
  service_executant "Service exécutant"
  activite "Référentiel de programmation"
  fournisseur "Fournisseur titulaire principal (EJ)" 1
  compte "Compte général"
  exercice préambule "Exercice comptable"
  mesure "Montant engagé" "Montant payé"
  sous-total "Résultat"
}
