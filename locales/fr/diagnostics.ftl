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
commitment-overpaid = les paiements sur l'EJ `{ $ej }` atteignent { $paid }, soit { $overrun } au-delà des engagements de { $committed }
commitment-overpaid-help = les paiements sur un engagement juridique ne peuvent pas l'excéder (GBCP, art. 156) : vérifiez le numéro d'EJ du paiement ou les postes de l'engagement
commitment-overpaid-label = les paiements sur un engagement ne peuvent l'excéder
row-on-ej = { $budget } de { $amount } sur l'EJ `{ $ej }`

## La consommation, dans le bilan.
consumed-of-ceiling = { $of }consommation { $budget } : { $sum } sur { $limit } (reste { $remaining })
consumed-no-overall-ceiling = { $of }consommation { $budget } : { $sum } (pas de plafond global)
consumed-no-ceiling = { $of }consommation { $budget } : { $sum } (pas de plafond)
consumed-of-yearly-ceiling = { $of }consommation { $budget } { $year } : { $sum } sur le plafond annuel de { $limit } (reste { $remaining })
consumed-of-forecast = { $of }consommation { $budget } { $year } : { $sum } sur { $limit } prévus
