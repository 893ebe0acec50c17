# De gedrukte pdf-folders (pagina's met `pdf:`): wat ze niet kunnen afdrukken, hun opmaak en lettertypen.

# Iets in de Markdown van de pagina dat een gedrukte folder niet kan tonen; $what zegt wat.
leaflet-unprintable = { $what ->
    [code] code in de tekst
    [html] HTML
    [footnote] een voetnoot
    [math] een formule
    [checkbox] een vinkje
    [image] een afbeelding
    [table] een tabel
    [code-block] een codeblok
   *[other] deze opmaak
} kan niet in de pdf-folder afgedrukt worden
    .hint-code = schrijf het als gewone tekst, zonder backticks (`)
    .hint-html-inline = schrijf gewone Markdown; voor nadruk gebruikt u *…* of **…**
    .hint-html = schrijf gewone Markdown
    .hint-footnote-reference = zet de opmerking in de zin zelf
    .hint-footnote = zet de opmerking in de tekst zelf
    .hint-math = schrijf het in woorden
    .hint-checkbox = gebruik een gewoon item van een lijst (`- …`)
    .hint-image = laat afbeeldingen aan de webpagina over: haal de afbeelding uit dit bestand, of beschrijf haar in woorden
    .hint-table = schrijf de rijen als een lijst
    .hint-code-block = schrijf het als een gewone alinea (niet vier spaties inspringen, geen ```)
    .hint-other = gebruik alinea's en lijsten
# Koppen: `#` is niveau 1, `##` niveau 2, enzovoort; $marker is de kop die er moet staan.
leaflet-heading-skip = een kop van niveau { $level } volgt op niveau { $previous }: de pdf-folder kan geen niveau overslaan
    .hint = gebruik hier `{ $marker }`
leaflet-threads = kan de taken voor de folders niet starten: { $reason }
leaflet-too-long = de pdf-folder telt { $pages } pagina's; dat mogen er hoogstens { $max } zijn (één vel, beide kanten)
    .hint = maak de tekst van deze pagina korter
# $char: het teken; $code: het nummer ervan, zoals 0627.
leaflet-missing-glyph = geen enkel lettertype van de pdf-folder heeft het teken `{ $char }` (U+{ $code })
    .hint = vervang het door een teken dat de meegeleverde lettertypen wel hebben, of zet een OFL-lettertype met dat teken in { $fonts }/ en noem het in { $template }
# $default: de code van de eerste taal van de site.
leaflet-pdf-on-translation = `pdf:` staat alleen op de originele pagina
    .hint = haal het hier weg: elke vertaling van een pagina in { $default } met `pdf:` krijgt haar pdf
leaflet-fonts-unreadable = kan de lettertypen voor de pdf-folders niet lezen: { $reason }
    .hint = haal fonts/ terug uit git: de pdf's gebruiken alleen de lettertypen die daar staan
leaflet-font-invalid = dit is geen lettertype dat typst kan lezen
    .hint = gebruik lettertypen in TrueType of OpenType (.ttf, .otf)
leaflet-no-fonts = er zijn geen lettertypen voor de pdf-folders
    .hint = haal fonts/ terug uit git: de pdf's gebruiken alleen de lettertypen die daar staan
# De opmaak van de folders kon niet gelezen worden (de melding erboven zegt waarom).
leaflet-template-needed = pagina's met `pdf:` hebben de opmaak van de folder nodig, { $path }; haal die terug uit git
# Een probleem in de opmaak van de folder, templates/leaflet.typ, in de (Engelse) woorden van typst.
leaflet-pdf-standard = pdf-standaard: { $reason }
leaflet-layout = opmaak van de folder: { $reason }
    .hint = de opmaak van de pdf staat in templates/leaflet.typ
    .hint-typst = { $hint }
