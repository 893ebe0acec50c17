# Pagina's: de map content/, de kop en de Markdown-tekst van een pagina, de adressen van pagina's, en de sjablonen die van pagina's HTML maken.

## De map content/

content-unreadable = kan de map content/ niet lezen: { $reason }
    .hint = maak in content/ een map per taal, met daarin een _index.md, bijvoorbeeld content/nl/_index.md
# $folders: de mappen van de talen, bijvoorbeeld "content/nl/, content/en/"
content-not-language-folder = `{ $name }` in content/ is geen map van een taal
    .hint-typo = bedoelt u content/{ $suggestion }/?
    .hint = pagina's staan in een map per taal: { $folders }, … (de talen staan in site.yaml)
content-folder-unreadable = kan de map niet lezen: { $reason }
content-symlink = snelkoppelingen (symlinks) worden in content/ niet gevolgd
    .hint = zet het bestand zelf in content/, of verwijder de snelkoppeling
content-not-markdown = in content/ horen alleen Markdown-pagina's (.md)
    .hint = zet afbeeldingen en downloads in static/ en link ernaar als /img/naam.jpg
content-no-home = taal `{ $code }` heeft geen startpagina
    .hint = maak het bestand content/{ $code }/_index.md, met ten minste een titel (`title:`)
content-home-draft = de startpagina van een taal kan geen concept zijn
    .hint = haal `draft: true` weg: elke andere pagina van de taal linkt naar de startpagina

## De kop van de pagina (tussen de twee regels `---` bovenaan)

frontmatter-missing = de pagina heeft geen kop (tussen twee regels `---` bovenaan)
    .hint = begin het bestand met een regel `---`, dan `title: …`, dan weer een regel `---`
frontmatter-unclosed = de kop van de pagina is niet afgesloten
    .hint = zet een regel `---` na de laatste regel van de kop, vóór de tekst van de pagina
frontmatter-title-empty = de titel is leeg
    .hint = elke pagina heeft een titel nodig: die staat bovenaan de pagina en op het tabblad van de browser
frontmatter-date-invalid = `{ $date }` is geen geldige datum
    .hint = schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-14
    .hint-order = schrijf eerst het jaar, dan de maand, dan de dag: `date: { $suggestion }`
frontmatter-slug-invalid = slug `{ $slug }` kan niet in een webadres staan
    .hint = gebruik alleen kleine letters a–z, cijfers en streepjes, bijvoorbeeld `{ $suggestion }`
frontmatter-translation-key-empty = translation_key is leeg
    .hint = haal de regel weg (dan koppelt het pad van het bestand de vertaling), of vul de Nederlandse pagina in waarvan dit de vertaling is
frontmatter-paginate-by-zero = paginate_by moet minstens 1 zijn
    .hint = 10 is een goed aantal per pagina
# `sort_by`, `paginate_by` of `feed` op een pagina die geen _index.md (overzichtspagina van een map) is.
frontmatter-section-only = `{ $key }` werkt alleen in de _index.md van een map (de overzichtspagina)
    .hint = zet het in de _index.md van deze map, of haal het weg

## Wat `homestart new` liet staan ("INVULLEN: …"); INVULLEN blijft in elke taal zo

# $what: wat er ingevuld moet worden; $written: de plek zoals die in het bestand staat
placeholder-not-filled = nog niet ingevuld: { $what }
    .hint = vul hier in: { $what }. Vervang `{ $written }` (met de aanhalingstekens) door de juiste gegevens; `homestart new` heeft dit hier neergezet

## De Markdown-tekst van een pagina

markdown-link-scheme = een link naar een `{ $scheme }:`-adres is niet toegestaan
    .hint = een link gaat naar een pagina van deze site (/contact/) of naar een adres dat begint met https://, http://, mailto: of tel:
markdown-image-scheme = een afbeelding kan niet van een `{ $scheme }:`-adres komen
    .hint = zet de afbeelding in static/img/ en schrijf ![beschrijving](/img/naam.jpg)
markdown-address-ambiguous = dit adres leidt naar een andere website, op een manier die makkelijk verkeerd te lezen is
    .hint = schrijf een pagina van deze site met één schuine streep vooraan (/contact/) en alleen schuine strepen naar rechts (/), of een andere website helemaal uit (https://example.org/)
markdown-image-external = afbeeldingen moeten van deze site komen
    .hint = pagina's laden nooit iets van andere websites: zet de afbeelding in static/img/ en schrijf ![beschrijving](/img/naam.jpg)
markdown-heading-id = de naam `{ $id }` achter een kopje mag alleen letters, cijfers, `-` en `_` bevatten
    .hint = schrijf hem zo: {"{"}#{ $suggestion }{"}"}
markdown-heading-class = de klasse `{ $class }` achter een kopje mag alleen letters, cijfers, `-` en `_` bevatten
    .hint = schrijf hem zo: {"{"}.intro{"}"}
markdown-heading-attribute = `{ $name }` mag niet achter een kopje staan
    .hint = achter een kopje mogen alleen een naam ({"{"}#naam{"}"}) en klassen ({"{"}.naam{"}"}) staan
markdown-too-deep = de tekst is meer dan { $max } niveaus diep in elkaar gezet (lijsten, citaten of nadruk)
    .hint = een lijst of citaat in een ander mag een paar niveaus diep; haal vanaf hier de extra `>`, `*` of inspringing weg
markdown-reference-undefined = voor de link `[{ $reference }]` staat nergens een adres
    .hint = zet onder de tekst een regel `[{ $reference }]: https://…`, of schrijf de link als [tekst](adres)
markdown-heading-h1 = een kopje met één `#` in de tekst staat op hetzelfde niveau als de titel van de pagina
    .hint = de titel is het hoofdkopje van de pagina; gebruik `##` voor de kopjes in de tekst
markdown-image-no-alt = de afbeelding heeft geen beschrijving
    .hint = beschrijf de afbeelding tussen de haken: ![Twee kinderen lezen met een vrijwilliger](…)
markdown-link-no-address = de link heeft geen adres
    .hint = zet het adres tussen de haakjes: [tekst](/contact/)
markdown-html = HTML mag niet in de tekst van een pagina
    .hint = gebruik Markdown (**vet**, [link](/contact/), ## kopje); bedoelt u het teken `<` zelf, schrijf dan `\<`

## De adressen van pagina's, gemaakt van de namen van mappen en bestanden

url-folder-name-invalid = de mapnaam `{ $name }` kan niet in een webadres staan
    .hint = geef de map een naam met alleen kleine letters, cijfers en streepjes, of zet `slug:` in de _index.md van de map
url-file-name-invalid = de bestandsnaam `{ $name }` kan niet in een webadres staan
    .hint = geef het bestand een naam met alleen kleine letters, cijfers en streepjes, of voeg `slug: { $suggestion }` toe

## Sjablonen (templates/*.html), van wie de vormgeving van de site bijhoudt

template-folder-missing = de map templates/ ontbreekt
    .hint = het project heeft een map templates/ nodig met base.html, page.html, …
# $message: de eigen melding van Tera (het programma dat de sjablonen leest), in het Engels
template-error = fout in sjabloon: { $message }
    .hint-functions = deze functies zijn hier beschikbaar: asset(path=…), section_pages(key=…, lang=…, limit=…), range(…)
    .hint-variable = controleer de spelling van de variabele; met `{"{{"} x | default(value="") {"}}"}` mag een waarde ontbreken
    .hint-asset = het pad bij asset() begint in static/, bijvoorbeeld asset(path="css/site.css")
    .hint-docs = zie de documentatie van Tera over sjablonen: https://keats.github.io/tera/
    .hint-named = controleer het sjabloon dat in de melding genoemd wordt
template-parent-missing = sjabloon `{ $template }` bouwt voort op `{ $parent }`, maar dat bestaat niet
    .hint-typo = bedoelt u `{ $suggestion }`?
    .hint = maak templates/{ $parent } aan, of verbeter de naam
template-not-found = sjabloon `{ $name }` bestaat niet
    .hint-typo = bedoelt u `{ $suggestion }`?
    .hint = maak templates/{ $name } aan
template-asset-missing = fout in sjabloon: er is geen bestand static/{ $path }
    .typo = fout in sjabloon: er is geen bestand static/{ $path }; bedoelt u `{ $suggestion }`?
template-section-missing = fout in sjabloon: er is geen overzichtspagina met key `{ $key }`
    .typo = fout in sjabloon: er is geen overzichtspagina met key `{ $key }`; bedoelt u `{ $suggestion }`?
