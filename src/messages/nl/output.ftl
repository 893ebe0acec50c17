# De gebouwde site in de uitvoermap schrijven, en de webserver van het live voorbeeld.

# $folder: de map waarin de uitvoermap staat.
output-locked = een andere `homestart build` schrijft op dit moment een uitvoermap in { $folder }
    .hint = wacht tot die klaar is en bouw dan opnieuw
# $marker: het bestand in de uitvoermap met de lijst van de bestanden van de site.
output-marker-unwritten = de nieuwe site staat in { $target }, maar de lijst van bestanden kon niet naar { $marker } geschreven worden: { $reason }
    .hint = controleer of de schijf nog ruimte heeft; de volgende bouw controleert de inhoud van elk bestand
# $reason: de uitleg van het systeem; $first: het eerste bestand (van $count) dat niet lukte.
output-write-failed = { $count ->
    [one] kan { $first } niet schrijven: { $reason }
   *[other] kan { $count } bestanden niet schrijven: { $reason } (eerste: { $first })
}
    .hint = controleer of de schijf nog ruimte heeft en of de uitvoermap beschreven mag worden
    .hint-folder = controleer of de schijf nog ruimte heeft en of de map beschreven mag worden
# Het plaatsen van de nieuwe bestanden in de uitvoermap mislukte, en de map is weer zoals
# ervoor; $moved: hoeveel nieuwe bestanden al geplaatst waren (en teruggezet zijn).
output-move-in = kan de nieuwe site niet in { $target } plaatsen: kan { $path } niet vervangen: { $reason }; de uitvoermap is hersteld zoals hij was{ $moved ->
    [0] {""}
    [one] {" "}(1 al geplaatst bestand is teruggezet)
   *[other] {" "}({ $moved } al geplaatste bestanden zijn teruggezet)
}
    .hint = controleer of de schijf nog ruimte heeft en of de uitvoermap beschreven mag worden, en bouw dan opnieuw; de volgende bouw controleert de inhoud van elk bestand
    .hint-in-the-way = zet wat in de weg staat ergens anders neer (homestart vervangt alleen bestanden die het zelf schreef) en bouw dan opnieuw
# Als output-move-in, maar de uitvoermap kon niet hersteld worden: $count bestanden erin zijn
# nieuw; $files noemt ze (zie output-listed).
output-move-in-stuck = kan de nieuwe site niet in { $target } plaatsen: kan { $path } niet vervangen: { $reason }; ook de oude site kon niet hersteld worden: { $count ->
    [one] 1 bestand is nieuw
   *[other] { $count } bestanden zijn nieuw
}, de andere oud: { $files }
# Waarom een bestand niet in de uitvoermap geplaatst kon worden.
output-folder-in-the-way = er staat een map in de weg
output-file-in-the-way = { $path } staat in de weg van een map
# Een lijst van bestanden in een melding: de eerste paar, dan hoeveel er nog meer zijn.
output-listed = { $more ->
    [0] { $files }
   *[other] { $files } en nog { $more } andere
}
# De uitvoermap die met --out (of public/) gekozen is, kan niet gebruikt worden.
output-contains-project = de uitvoermap { $folder } bevat het project zelf
    .hint = kies een aparte uitvoermap, bijvoorbeeld --out public
output-in-sources = de uitvoermap { $folder } ligt in de map { $part }/ van het project
    .hint = kies een uitvoermap buiten de bronbestanden, bijvoorbeeld --out public
output-is-file = de uitvoermap { $folder } is een bestand, geen map
    .hint = kies een andere --out, of zet het bestand ergens anders neer
output-not-ours = de uitvoermap { $folder } bestaat al en is niet door homestart gemaakt
    .hint = homestart vervangt nooit mappen die het niet zelf maakte: kies een andere --out, of zet die map ergens anders neer
# $links: de gevonden links (zie output-listed).
output-links = in de uitvoermap { $folder } staat { $count ->
    [one] een symbolische link
   *[other] { $count } symbolische links
}: { $links }
    .hint = homestart schrijft alleen in mappen die het zelf maakte, nooit via een link: verwijder de link (waar hij naar wijst, blijft onaangeroerd) en bouw opnieuw

## Het live voorbeeld (`homestart serve`).

# $var: de naam van een omgevingsvariabele; $value: wat erin staat.
preview-idle = { $var } is `{ $value }`, geen aantal milliseconden
    .hint = haal de variabele weg; dan worden ongebruikte verbindingen na { $seconds } s gesloten
preview-start = kan de webserver niet starten: { $reason }
