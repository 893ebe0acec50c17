# site.yaml, de bestanden en mappen van het project, en de bestanden die `homestart new` schrijft.

site-editor-language = de meldingen van homestart bestaan niet in `{ $code }`
    .hint = schrijf `editor_language: nl` of `editor_language: en`, of laat de regel weg; dan geldt de eerste taal van de site

# site.yaml kon niet gelezen worden (de melding erboven zegt waarom).
site-file-needed = elke site heeft een site.yaml nodig in de hoofdmap van het project; zie README.md
site-base-url = het basisadres `{ $url }` is geen http(s)-adres
    .hint = schrijf het zo: https://www.example.org/ of https://example.org/homestart/
site-no-languages = er staan geen talen in de lijst
    .hint = zet er ten minste de hoofdtaal in, bijvoorbeeld `- {"{"}code: nl, name: Nederlands, locale: nl_NL{"}"}`
site-language-code = de taalcode `{ $code }` is geen taalcode in kleine letters
    .hint = gebruik de code van twee letters, bijvoorbeeld nl, en, ar
site-language-twice = de taal `{ $code }` staat twee keer in de lijst
    .hint = haal een van de twee weg
# $codes: de taalcodes van de site, gescheiden door komma's.
site-registry-pages = registry.pages: `{ $code }` is geen taal van de site
    .hint = gebruik de codes onder `languages:`: { $codes }
site-paginate-by = paginate_by moet ten minste 1 zijn
    .hint = 10 is een goed aantal items per pagina

## De bestanden en mappen van het project lezen.

file-outside-project = dit bestand hoort niet bij het project
    .hint = homestart leest alleen bestanden in de map van het project
file-path-outside = dit pad leidt naar buiten het project
    .hint = homestart leest alleen bestanden in de map van het project
# Een symbolische link: een bestand dat alleen naar een ander bestand of een andere map wijst.
file-link = dit is een link (symlink) naar een andere plek; homestart volgt geen links
    .hint = zet het bestand of de map zelf in het project, of verwijder de link
# $reason: de uitleg van het systeem (meestal in het Engels).
file-unreadable = kan het bestand niet lezen: { $reason }
    .hint = controleer of het bestand bestaat en gelezen mag worden
    .hint-input = controleer het pad dat u opgaf
# $size en $limit: groottes zoals "40.2 MB"; $what: een van de file-kind-meldingen hieronder.
file-too-large = dit bestand is { $size }; { $what } mag hoogstens { $limit } zijn
    .hint = verdeel het over meer bestanden; afbeeldingen en downloads horen in static/
file-kind-project = een bestand van het project
file-kind-page = een pagina
file-kind-location = een locatiebestand
folder-unreadable = kan de map niet lezen: { $reason }
    .hint = controleer de rechten van de map
# Een onzichtbaar teken in een tekstbestand; $code is het nummer ervan, zoals 00A0.
file-control-character = het bestand bevat een onzichtbaar stuurteken (U+{ $code }) op regel { $line }, kolom { $column }
    .hint = verwijder het (het is geen tekst; het komt vaak mee bij kopiëren uit een pdf of een tekstverwerker)
# $byte: de eerste byte die geen UTF-8-tekst is, zoals FF.
file-not-utf8 = het bestand is geen UTF-8-tekst (ongeldige byte 0x{ $byte } op regel { $line }, kolom { $column })
    .hint = sla het bestand op met de codering UTF-8 (in de meeste editors: "Opslaan met codering" → UTF-8)
project-geo-missing = locations/ heeft de gemeentelijke indeling in geo/ nodig, maar die map ontbreekt
    .hint = haal geo/ terug uit git, of maak de map met `homestart import-geo`

## De stappen van het bouwen, zoals `homestart build --timings` ze noemt.

timing-registry = locaties: lezen + controleren (tegelijk)
timing-load = instellingen, teksten, bestanden en sjablonen lezen
timing-read = lezen + ontleden + Markdown
timing-model = model + controles
timing-registry-views = locaties: overzichten, kaarten, waarden voor sjablonen
timing-leaflet-plan = folders plannen
timing-render = opmaken + verkleinen + schrijven, links controleren
timing-move-in = gewijzigde bestanden plaatsen (of een nieuwe uitvoermap inwisselen)
timing-total = totaal

## `homestart new`: de problemen, en de uitleg in de bestanden die het schrijft. Elke regel
## van de uitleg wordt een regel `# ` in het bestand (houd de regels kort). Schrijf in de
## uitleg nooit het merkteken INVULLEN met een dubbele punt erachter: dat merkt een waarde die
## nog ingevuld moet worden.

new-lang-unknown = `{ $code }` is geen taal van deze site
    .hint = gebruik een van deze: { $codes }
new-name-unusable = van `{ $name }` kan geen bestandsnaam gemaakt worden
    .hint = geef een naam met letters of cijfers, bijvoorbeeld `homestart new page "Voor scholen"`
new-original-unreadable = kan content/{ $default }/{ $slug }.md niet lezen: { $reason }
# $lang: de taal van de nieuwe pagina; $default: de eerste taal van de site.
new-original-missing = een pagina in `{ $lang }` is een vertaling van een pagina in `{ $default }`, en content/{ $default }/{ $slug }.md bestaat niet
    .hint = geef de naam van de pagina in { $default } die u vertaalt (de bestandsnaam zonder .md, bijvoorbeeld `over`), of maak die pagina eerst
new-story-lang = verhalen worden geschreven in de eerste taal van de site
    .hint = laat --lang weg; vertaal het verhaal daarna met `homestart new page verhalen/<naam> --lang { $lang }`
new-location-lang = een locatie schrijft u één keer, niet per taal
    .hint = laat --lang weg: de pagina's van de locatie in alle talen komen uit één bestand
new-exists = { $path } bestaat al
    .hint = bewerk dat bestand, of kies een andere naam
new-cannot-write = kan { $path } niet schrijven: { $reason }

# De uitleg in een nieuwe pagina, één per veld.
new-page-title = De titel van de pagina: de kop op de pagina en de naam in het tabblad van de browser.
new-page-description = Een of twee zinnen voor zoekmachines en overzichten (mag leeg blijven).
new-page-menu = Wilt u de pagina in het menu? Zet de naam (het pad van dit bestand zonder .md) bij `menu` in site.yaml.
# Tekst van de nieuwe pagina zelf (Markdown, geen uitleg-regel), onder het merkteken.
new-page-markdown =
    In Markdown: begin een deel met `## ` en een kop; link naar een andere pagina met haar
    adres vanaf de hoofdmap van de site, zo: [startpagina](/).
# De uitleg boven een nieuwe vertaling; $original: het bestand van de originele pagina.
new-translation =
    Vertaling van { $original }: hetzelfde pad, zodat de twee pagina's bij elkaar horen.
    Dit begint als een kopie van het origineel: vertaal de titel, de beschrijving en de
    tekst, en geef de pagina met `slug` een adres in deze taal.
    Klaar? Dan legt `homestart translations --mark <dit bestand>` vast welke versie vertaald is.
# De uitleg in een nieuw verhaal, één per veld.
new-story-title = Een verhaal: staat in de lijst met verhalen (nieuwste eerst) en in de feed.
new-story-date = De datum waarop het verhaal verschijnt (JJJJ-MM-DD).
new-story-author = Alleen een voornaam, of "een vrijwilliger": nooit de volledige naam van een gezin zonder hun schriftelijke toestemming.
new-story-draft = Zolang hier true staat, wordt het verhaal niet gepubliceerd (bekijk het vooraf met `homestart build --drafts`).
# De uitleg in een nieuw locatiebestand: bovenaan, en daarna achter elk veld.
new-location =
    Nieuwe locatie. Vervang elke waarde die met INVULLEN begint (de site wordt niet gebouwd
    zolang er nog één staat; `homestart check` noemt ze allemaal).
    De bestandsnaam is het webadres: locations/<naam>.yaml → /locaties/<naam>/.
    .organisation = de stichting waar de locatie bij hoort
    .address = postadres van het kantoor
    .phone = algemeen nummer (weglaten = dat van de eerste coördinator)
    .opening-days = namen van de dagen in het Nederlands
    .ages = leeftijden van de kinderen in jaren (gewoon 0-6; 0-14 of 0-17 waar dat gefinancierd is)
    .coordinators = de eerste coördinator is het aanspreekpunt
    .municipalities = elke gemeente die de locatie bedient (naam van het CBS, gewone naam of code)
site-email-invalid = organisation `{ $key }`: `{ $value }` is geen e-mailadres
    .hint = schrijf één adres, bijvoorbeeld `{ $key }: info@voorbeeld.nl`
