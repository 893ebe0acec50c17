# De controles over meerdere bestanden (links, adressen, vertalingen, menu's, sjablonen, de tekstentabellen in i18n/) en het overzicht dat `homestart translations` toont.

## Links in pagina's

# Een link waarvan `../` boven de eerste map van de site uitkomt.
link-outside-root = de link naar `{ $url }` gaat buiten de site
    .hint = schrijf het adres vanaf de `/` van de site, bijvoorbeeld /contact/
# Een link naar een pagina of bestand dat de site niet heeft; $path is het adres waar hij heen
# wijst. De tips noemen de gewone vergissing: het .md-bestand van een pagina, een webadres
# zonder https://, een bestand dat niet is geüpload.
link-nowhere = de link naar `{ $url }` leidt nergens heen: de site heeft geen pagina of bestand `{ $path }`
    .hint = schrijf het adres van de pagina zoals het in de browser staat, vanaf de `/`, bijvoorbeeld /contact/
    .hint-typo = bedoelt u `{ $suggestion }`?
    .hint-file = link naar het adres van de pagina, niet naar het bestand: `/{ $name }/` (het adres vanaf de `/`, zoals de browser het toont)
    .hint-www = een adres op een andere website begint met https://: `https://{ $url }`
    .hint-upload = zet het bestand op `static{ $path }`: een bestand in static/ verschijnt op hetzelfde adres (`{ $path }`); let op hoofdletters en kleine letters
# Een link naar `#naam` op een pagina zonder kopje (of andere plek) met die naam.
link-anchor-missing = de link naar `{ $url }` klopt niet: de pagina heeft geen plek die `#{ $anchor }` heet
    .hint = link naar een kopje van die pagina: de tekst van het kopje in kleine letters met streepjes, bijvoorbeeld #wat-doet-een-vrijwilliger
    .hint-typo = bedoelt u `#{ $suggestion }`? Een link naar een kopje is de tekst van het kopje in kleine letters met streepjes

## Pagina's, vertalingen en menu's

page-address-duplicate = twee pagina's hebben het adres /{ $url }
    .hint = geef een van beide een andere `slug:` of een andere bestandsnaam
# Twee pagina's in dezelfde taal hebben dezelfde `translation_key:`.
translation-key-duplicate = `translation_key: { $key }` staat in twee pagina's van dezelfde taal
    .hint = elke pagina heeft een eigen `translation_key:`; alleen een pagina en haar vertalingen in andere talen delen hem
# Een vertaling die bij haar origineel hoort door haar pad (content/en/over.md vertaalt
# content/nl/over.md), terwijl het origineel er niet meer is. $lang is de code van de eerste
# taal van de site, bijvoorbeeld nl.
translation-original-missing = het origineel van deze vertaling, content/{ $lang }/{ $key }.md, bestaat niet
    .hint = verwijder deze vertaling, of zet content/{ $lang }/{ $key }.md terug (met git haalt u een verwijderd bestand terug); een vertaling verschijnt alleen samen met haar origineel
# De `translation_key:` van een vertaling noemt geen pagina in de eerste taal van de site
# ($lang, bijvoorbeeld nl).
translation-key-unknown = bij `translation_key: { $key }` hoort geen pagina in de eerste taal van de site ({ $lang })
    .hint = zet achter `translation_key:` het pad van het { $lang }-bestand dat deze pagina vertaalt, zonder .md (bijvoorbeeld `over`), of geef dit bestand dezelfde naam als het { $lang }-bestand
    .hint-typo = bedoelt u `{ $suggestion }`?
# Een regel onder `menu:` of `footer_menu:` in site.yaml ($menu is de naam van het veld).
menu-entry-unknown = bij `{ $key }` onder `{ $menu }:` hoort geen pagina
    .hint = schrijf het pad van een pagina in content/nl/, zonder .md (bijvoorbeeld `over`)
    .hint-typo = bedoelt u `{ $suggestion }`?
# Een pagina in een rubriek (een map met _index.md) die datums toont: de rubriek heeft een feed
# ($reason is feed, `feed: true`) of is op datum gesorteerd ($reason is date, `sort_by: date`).
page-date-missing = deze pagina heeft geen datum, maar haar rubriek { $reason ->
    [feed] heeft een feed
   *[date] is op datum gesorteerd
}
    .hint = zet in de kop van de pagina (tussen de twee regels `---`) een regel `date: JJJJ-MM-DD`, bijvoorbeeld `date: 2026-03-14`

## Sjablonen

template-missing = het sjabloon `{ $name }` bestaat niet
    .hint = maak templates/{ $name } of kies een van deze: { $names }
    .hint-typo = bedoelt u `{ $suggestion }`? Sjablonen staan in templates/
    .hint-not-found = de site heeft het nodig voor de pagina die verschijnt bij een onbekend adres

## Tekstentabellen (i18n/nl.yaml, i18n/en.yaml, ...): de woorden van menu's, knoppen en datums

strings-table-missing = er is geen tekstentabel voor de taal `{ $code }`
    .hint = maak i18n/{ $code }.yaml: kopieer i18n/{ $default }.yaml en vertaal de teksten achter de velden
# Een waarde in een tekstentabel die geen regel tekst is (een lijst, een blok, leeg).
strings-value-not-text = `{ $key }` moet één regel tekst zijn
    .hint = schrijf `veld: "tekst"`; zet tekst met `:` of `#` tussen aanhalingstekens
# $table is het bestand (i18n/en.yaml); $original de tabel van de eerste taal (i18n/nl.yaml).
strings-key-missing = in tekstentabel { $table } ontbreekt het veld `{ $key }`
    .hint = voeg `{ $key }: …` toe; homestart heeft dit veld nodig
    .hint-for = voeg `{ $key }: …` toe; homestart heeft dit veld nodig voor { $purpose ->
        [registry] de pagina's van de locaties en gemeenten
       *[leaflets] de pdf-folders
    }
    .hint-translate = voeg `{ $key }: …` toe met de vertaling van "{ $text }" (uit { $original })
strings-key-unknown = tekstentabel { $table } heeft het veld `{ $key }`, dat { $original } niet heeft
    .hint = voeg het eerst toe aan { $original }, of haal het hier weg
    .hint-typo = bedoelt u `{ $suggestion }`?
# Een vertaalde tekst mist een {naam} van het origineel (of heeft er een te veel): $want en $got
# noemen ze zoals ze er staan, bijvoorbeeld {phone}, {name}; $want_count en $got_count tellen ze.
strings-placeholders-differ = `{ $key }` moet { $want_count ->
    [0] geen namen tussen accolades
   *[other] { $want }
} bevatten, net als { $original }, maar hier staat { $got_count ->
    [0] niets tussen accolades
   *[other] { $got }
}
    .hint = neem elke {"{"}naam{"}"} precies zo over als in het origineel (hij mag wel op een andere plek in de zin staan)
strings-pagination-path = `pagination_path` moet in een webadres passen
    .hint = gebruik kleine letters en streepjes, bijvoorbeeld `pagina`

## Vertalingen: verouderd of zonder versie, en `homestart translations`

# $original is het bestand in de eerste taal, $path het bestand van de vertaling, $version de
# huidige versie van het origineel (8 letters en cijfers).
translation-outdated = deze vertaling is gemaakt van een oudere versie van { $original }
    .hint = werk haar bij naar { $original } en zet daarna `translated_from: { $version }` (of voer `homestart translations --mark { $path }` uit)
translation-unmarked = deze vertaling zegt niet van welke versie van { $original } ze gemaakt is
    .hint = komt ze overeen met de huidige tekst, zet dan `translated_from: { $version }` in de kop van de pagina (tussen de twee regels `---`), of voer `homestart translations --mark { $path }` uit
translations-mark-not-translation = { $path } is geen vertaling van een pagina
    .hint = noem een vertaalde pagina, bijvoorbeeld content/en/over.md
translations-mark-cannot-read = kan { $path } niet lezen: { $reason }
translations-mark-cannot-write = kan { $path } niet schrijven: { $reason }
translations-mark-no-front-matter = { $path } heeft geen kop (de regels tussen twee regels `---` bovenaan)
# Wat `homestart translations --mark` in een bestand zette (getoond na "gemarkeerd:").
translations-mark-done = { $path }: translated_from: { $version }
# Het overzicht van `homestart translations`: de koppen van de kolommen, de toestand van elke
# vertaling, en de regel eronder ($language is de naam van de eerste taal, bijvoorbeeld Nederlands).
translations-column-page = pagina
translations-column-version = versie
translations-state-ok = ok
translations-state-outdated = verouderd
translations-state-unmarked = ongemarkeerd
translations-state-missing = ontbreekt
translations-summary = { $language }: { $pages ->
    [one] 1 pagina
   *[other] { $pages } pagina's
}; vertalingen: { $ok } bijgewerkt, { $outdated } verouderd, { $unmarked } ongemarkeerd, { $missing } ontbrekend
