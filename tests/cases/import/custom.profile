# An in-house ledger: a payments file with English titles.
profil "grand-livre" {
  description "Grand livre interne, paiements"
  en-tête "Posting date" "Paid amount"
  budget CP
  date "Posting date"
  montant "Paid amount"
  n_ej "Commitment"
  fournisseur "Supplier" 1
}
