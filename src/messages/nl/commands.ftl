# Wat de commando's voor een mens afdrukken, naast de problemen.

check-summary = check: { $counts }
build-failed = bouwen mislukt: { $counts }; de uitvoermap is gebleven zoals hij was
build-done = { $pages } pagina's gebouwd in { $languages } talen ({ $files } bestanden: { $written } geschreven, { $unchanged } ongewijzigd, { $removed } verwijderd) in { $ms } ms → { $out }
build-pdfs = { $pdfs } pdf-folders: { $typeset } opgemaakt, { $unchanged } ongewijzigd (uit { $cache })
build-peak-memory = piekgeheugen { $mib } MiB
import-failed = importeren mislukt: in geo/ is niets veranderd
translations-project-broken = het project bevat fouten; los die eerst op (zie `homestart check`)
translations-marked = gemarkeerd: { $what }
wrote-file = { $path } geschreven
schema-cannot-write = kan het schema niet schrijven: { $reason }
    .hint = controleer of schema/ een map is waarin je mag schrijven
new-wrote = { $path } geschreven: vul het in en voer dan `homestart check` uit (of `homestart build`)
