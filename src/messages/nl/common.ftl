# Woorden die elke melding gebruikt: de soorten problemen en de notities onder een melding.

severity-error = fout
severity-warning = waarschuwing
note-hint = tip
note-see-also = zie ook

errors-and-warnings = { $errors ->
    [one] 1 fout
   *[other] { $errors } fouten
}, { $warnings ->
    [one] 1 waarschuwing
   *[other] { $warnings } waarschuwingen
}

# Gewone woorden, alleen in tests van iets anders.
verbatim = { $text }
