# De gemeentelijke indeling in geo/ (grenzen, gewone namen, samenvoegingen, wijken), het importeren
# ervan (`homestart import-geo`), en de tabellen met plaatsen en postcodes voor de zoekfunctie
# (`homestart import-places`).

geo-row-unreadable = onleesbare regel
    .hint-example =
        elke regel ziet er zo uit:
        { $example }
geo-row-unreadable-reason = onleesbare regel: { $reason }

geo-districts-row = elke regel is: gemeentecode,naam van de wijk, bijvoorbeeld `GM0344,Binnenstad`
geo-mergers-row = elke regel is: datum,vroegere naam,codes van de gemeenten waarin hij is opgegaan

geo-code-unknown = `{ $code }` is geen gemeentecode van { $year }
    .hint-aliases = gebruik de CBS-code uit geo/municipalities.geojson, bijvoorbeeld GM0518
    .hint-mergers = een samenvoeging moet verwijzen naar een gemeente die nu bestaat

geo-district-no-name = een regel zonder naam van een wijk
geo-district-twice = wijk `{ $district }` van { $code } staat er twee keer
    .hint = haal een van de twee regels weg

geo-slug-shared = de gemeenten `{ $one }` en `{ $other }` zouden hetzelfde webadres `{ $slug }` krijgen
    .hint = geef een van beide een eigen gewone naam in geo/aliases.yaml

geo-aliases-not-a-map = geo/aliases.yaml moet gemeentecodes aan namen koppelen
    .hint = schrijf regels als `GM0518: [Den Haag]`
geo-alias-not-a-name = een gewone naam (alias) moet een naam zijn
    .hint = schrijf de gewone naam als tekst, bijvoorbeeld `[Den Haag]`

geo-merger-incomplete = een samenvoeging heeft de vroegere naam en minstens één code nodig

geo-not-geojson = geen GeoJSON-bestand: { $reason }
    .hint = maak het opnieuw met `homestart import-geo`
geo-not-a-collection = het bestand met gemeentegrenzen moet een GeoJSON FeatureCollection zijn
    .hint = één feature per gemeente, met de code en de naam als properties
geo-feature-unnamed = feature { $number } heeft geen gemeentecode en naam
    .hint = elke feature heeft de properties `code`/`name` nodig (of die van het CBS: `statcode`/`statnaam`)
geo-code-invalid = `{ $code }` ({ $name }) is geen gemeentecode van het CBS
    .hint = een code ziet eruit als GM0344
geo-no-polygon = { $name } ({ $code }) heeft geen grens als polygoon
    .hint = elke gemeente heeft een geometrie Polygon of MultiPolygon nodig
geo-code-twice = code { $code } staat er twee keer in ({ $first }, { $second })
    .hint = elke gemeente mag er maar één keer in staan
geo-year-unknown = het bestand met gemeentegrenzen zegt niet van welk jaar de indeling is
    .hint = geef het jaar op met --year bij `homestart import-geo`
geo-cannot-write = kan { $path } niet schrijven: { $reason }

geo-merger-target-unknown = `{ $name }` is geen gemeente in de nieuwe indeling
    .hint = de samenvoeging moet gemeenten noemen die erna bestaan
geo-merger-code-unknown = `{ $code }` is geen gemeentecode in de nieuwe indeling
geo-merger-former-exists = `{ $name }` staat als samengevoegd, maar bestaat nog
    .hint = een gemeente die haar naam hield (bijvoorbeeld Purmerend) is geen vroegere gemeente

geo-imported = de indeling van { $year } is geïmporteerd: { $count } gemeenten, { $mergers ->
        [one] 1 samenvoeging
       *[other] { $mergers } samenvoegingen
    }
    .new = nieuw: { $item }
    .gone = verdwenen: { $item }
    .renamed = nieuwe naam: { $item }
    .unchanged = geen gemeente toegevoegd, verdwenen of hernoemd
    .review = controleer: zet elke verdwenen gemeente in de tabel met samenvoegingen, houd geo/aliases.yaml bij, en bouw daarna met `homestart build` om te zien welke locaties een verdwenen gemeente noemen

places-far = `{ $key }` ligt { $km } km van { $name } ({ $code }), die deze regel noemt
    .hint = een regel noemt alleen de gemeente waarin de positie (lat, lon) ligt, en een gemeente binnen { $near } km daarvan; verbeter de code of de positie, of typ opnieuw `homestart import-places`
places-postcode-outlier = postcode { $postcode } ligt { $km } km van de dichtstbijzijnde postcode { $group }xx: die positie kan niet kloppen
    .hint = Nederlandse postcodes liggen bij de andere die met dezelfde cijfers beginnen; een positie zo ver weg hoort bij een plaats met dezelfde naam. Haal de regel weg (de zoekfunctie zegt dan dat ze de postcode niet kent) of verbeter de positie
places-no-name = een regel zonder plaatsnaam
    .hint = schrijf eerst de naam van de stad of het dorp, bijvoorbeeld `Maarssen,GM1904`
places-postcode-invalid = `{ $postcode }` is geen Nederlandse postcode
    .hint = schrijf vier cijfers, 1000 tot en met 9999, bijvoorbeeld `3511` (letters tellen niet mee)
places-code-unknown = `{ $code }` (bij `{ $key }`) is geen gemeentecode van { $year }
    .hint = gebruik de CBS-codes uit geo/municipalities.geojson; importeer na een nieuwe indeling ook de tabellen met plaatsen opnieuw
places-no-municipality = bij `{ $key }` staat geen gemeente
    .hint = geef minstens één CBS-code; meerdere scheidt u met `|`
places-header-unreadable = onleesbare kopregel: { $reason }
    .hint =
        de tabel begint zo:
        { $example }
places-header-columns = de kopregel moet een kolom { $column } noemen, en gemeentecodes of een positie
    .hint =
        toegestane namen: { $keys } voor de sleutel; { $codes } voor de codes; lat en lon voor de positie; bijvoorbeeld:
        { $example }
places-coordinate-invalid = `{ $value }` is geen { $axis ->
        [latitude] breedtegraad
       *[longitude] lengtegraad
    } in Nederland
    .hint = schrijf graden met een decimale punt: breedtegraad 50.7 tot 53.6, lengtegraad 3.3 tot 7.3, bijvoorbeeld `52.0935,5.1133`

places-imported-postcodes = postcodes: { $count } (was { $before }), waarvan { $several } in meer dan één gemeente
places-imported-towns = plaatsen: { $names } namen in { $rows } regels (was { $before } namen), waarvan { $several } namen in meer dan één gemeente
places-imported-read = { $path }: { $rows } regels gelezen, { $used } gebruikt, { $dropped } weggelaten:
places-left-out = regel { $line }: { $postcode } { $place }: { $why }
places-unknown-postcodes = postcodes die de zoekfunctie niet zal kennen ({ $count }): { $postcodes }

places-doubt =
    .far = { $km } km van de dichtstbijzijnde betrouwbare postcode { $group3 }x of { $group2 }xx
    .alone = geen betrouwbare postcode { $group2 }xx om mee te vergelijken
    .rough = het midden van een plaats, niet van de postcode; { $distance }
    .outside = buiten elke gemeente
