### Diagnostics: messages, labels and help lines, by code.

## Ceilings, forecasts and commitments (check).
of-envelope = envelope "{ $name }":{" "}
amendment-in-force = {" "}(avenant { $number } in force)
ceiling-exceeded = { $of }cumulative { $budget } reaches { $sum }, over the ceiling of { $limit } by { $overrun }{ $amended }
ceiling-label = ceiling of { $limit } in { $budget }{ $envelope }
ceiling-label-envelope = {" "}of envelope "{ $name }"
ceiling-exceeded-help = nothing may be spent beyond the ceiling without an amendment (avenant) raising it
row-crosses-ceiling = crosses the ceiling
crossing-ceiling = { $of }ceiling { $budget }{ $amended }
ceiling-yearly-exceeded = { $of }{ $budget } of { $year } reaches { $sum }, over the yearly ceiling of { $limit } by { $overrun }{ $amended }
ceiling-yearly-label = ceiling of { $limit } in { $budget } per year
ceiling-yearly-help = a yearly ceiling binds each budget year, 1 January to 31 December: nothing may be spent beyond it without an amendment
row-crosses-yearly-ceiling = crosses the yearly ceiling
crossing-yearly-ceiling = { $of }{ $year } ceiling { $budget }{ $amended }
schedule-exceeded = { $of }{ $budget } of { $year } reaches { $sum }, over the forecast of { $limit } by { $overrun }{ $amended }
schedule-label = { $year } forecast: { $limit } in { $budget }
schedule-exceeded-help = the schedule is a forecast: inform the délégant, and amend the schedule if the gap will last
row-crosses-forecast = crosses the forecast
crossing-forecast = { $of }{ $year } forecast { $budget }{ $amended }
commitment-overpaid = payments on EJ `{ $ej }` reach { $paid }, over its commitments of { $committed } by { $overrun }
commitment-overpaid-help = payments on a commitment cannot exceed it (GBCP art. 156): check the EJ number of the payment, or the commitment's lines
commitment-overpaid-label = payments on a commitment may not exceed it
row-on-ej = { $budget } { $amount } on EJ `{ $ej }`

## The consumption, in the summary.
consumed-of-ceiling = { $of }{ $budget } consumed { $sum } of { $limit } ({ $remaining } remaining)
consumed-no-overall-ceiling = { $of }{ $budget } consumed { $sum } (no overall ceiling)
consumed-no-ceiling = { $of }{ $budget } consumed { $sum } (no ceiling)
consumed-of-yearly-ceiling = { $of }{ $year } { $budget } consumed { $sum } of the yearly ceiling of { $limit } ({ $remaining } remaining)
consumed-of-forecast = { $of }{ $year } { $budget } consumed { $sum } of { $limit } forecast
