# YAML: de kop van een pagina, site.yaml, de tekstentabellen en de locatiebestanden. De
# meldingen noemen de fout waar hij staat en zeggen wat er moet staan.

yaml-tab = een tab: YAML staat alleen spaties toe
    .hint = vervang de tab (hier getoond als →) door spaties: { $line }
yaml-missing-colon = op deze regel staat geen dubbele punt na de naam
    .hint = zet een dubbele punt en een spatie na de naam: `{ $line }`
yaml-indented-too-far = deze regel staat verder ingesprongen dan `{ $key }:` erboven, dat al een waarde heeft
    .hint = laat de regel precies onder `{ $key }:` beginnen, met { $spaces ->
        [0] geen spaties
        [one] 1 spatie
       *[other] { $spaces } spaties
    } ervoor
yaml-indent-mismatch = deze regel springt anders in dan de regels erboven
    .hint = laat de regel gelijk beginnen met `{ $key }:` erboven, met { $spaces ->
        [0] geen spaties
        [one] 1 spatie
       *[other] { $spaces } spaties
    } ervoor
yaml-unclosed-quote = de tekst die hier met { $quote } begint, wordt niet afgesloten met { $quote }
    .hint = sluit de tekst op dezelfde regel af met { $quote }, of laat beide aanhalingstekens weg
yaml-colon-in-text = in de tekst na `{ $key }:` staat een dubbele punt met een spatie; YAML leest dat als een nieuwe naam
    .hint = zet de tekst tussen aanhalingstekens: `{ $line }`
yaml-duplicate-key = `{ $key }` staat er twee keer
    .hint = houd één regel `{ $key }:` over en verwijder de andere (zie ook: de eerste)
yaml-yes-no = `{ $value }` is geen ja of nee dat YAML kent
    .hint = schrijf `{ $key }: true` (ja) of `{ $key }: false` (nee)
yaml-boolean = `{ $key }` moet true of false zijn, niet `{ $value }`
    .hint = schrijf `{ $key }: true` (ja) of `{ $key }: false` (nee)
# De lezer is gestopt en geen van de fouten hierboven verklaart het; `detail` zijn de woorden van de lezer zelf (Engels).
yaml-unreadable = { $what } is vanaf hier niet te lezen ({ $detail })
    .hint = kijk naar deze regel en de regel erboven: een dubbele punt en een spatie na elke naam, even ver ingesprongen regels op hetzelfde niveau, en aanhalingstekens om tekst met `: ` of die met een bijzonder teken begint
yaml-not-a-mapping = { $what } moet bestaan uit regels `naam: waarde`
    .hint = schrijf één instelling per regel, zoals `title: Over ons`
yaml-unknown-key = onbekend veld `{ $key }` in { $what }
    .hint-typo = bedoelt u `{ $suggestion }`?
    .hint-known = de bekende velden zijn: { $known }
    .hint-allowed = de velden die hier mogen: { $known }
yaml-missing-field = { $what }: het veld `{ $field }` ontbreekt
    .hint = voeg een regel `{ $field }: …` toe
yaml-wrong-type = { $what }: { $detail }
    .hint = controleer de soort waarde: tekst, een heel getal, true/false of een lijst
yaml-too-deep = { $what } is te diep genest (meer dan { $max } niveaus)
    .hint = lijsten en blokken `naam: waarde` in elkaar gaan hooguit een paar niveaus diep: zoek naar een reeks `[`, `{"{"}` of `- `, of een inspringing die steeds groter wordt
yaml-what-front-matter = de kop van de pagina
yaml-what-site = site.yaml
yaml-what-location = het locatiebestand
yaml-what-strings = de tekstentabel
yaml-what-file = het bestand
yaml-unclosed-bracket = de lijst die hier met { $open } begint, wordt niet afgesloten met { $close }
    .hint = sluit de lijst af met { $close }, of zet de tekst tussen aanhalingstekens als het geen lijst is: `"{ $open }…"`
