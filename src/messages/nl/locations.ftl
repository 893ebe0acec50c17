# De locaties (locations/*.yaml): wat de controle zegt over één locatiebestand en de
# telefoonnummers erin, over twee bestanden die dezelfde gemeente noemen, en over de secties
# voor de locaties in site.yaml.

location-area-not-a-name = deze regel onder `municipalities` is geen gemeentenaam
    .hint = schrijf een naam, zoals `  - Utrecht`, of `  - municipality: Utrecht` met daaronder `districts:` of `ages:`
    .hint-one-per-line = schrijf één naam per regel, zoals `  - Utrecht`, of `  - municipality: Utrecht` met daaronder `districts:` of `ages:`

location-not-a-map = een locatiebestand bestaat uit regels als `veld: waarde`
    .hint = begin met een kopie van een bestaand bestand in locations/, of typ `homestart new location NAAM`

location-day-unknown = `{ $day }` is geen dag van de week
    .hint-typo = bedoelt u `{ $suggestion }`?
    .hint = schrijf de dagen in het Nederlands: { $days }

location-key-missing = bij { $what } ontbreekt `{ $key }`
    .hint = voeg een regel `{ $key }: { $example }` toe
    .hint-address = voeg een regel `address:` toe, met daaronder `street:`, `postcode:` en `city:`
    .hint-coordinators = voeg een regel `coordinators:` toe, met daaronder een lijst van coördinatoren (`name`, `phone`, `email`)
    .hint-municipalities = voeg een regel `municipalities:` toe, met daaronder een lijst van gemeenten

location-part =
    .location = deze locatie
    .address = het adres
    .coordinator = deze coördinator
    .area = deze gemeente

location-field =
    .name = de naam van de locatie
    .organisation = de organisatie
    .street = de straat
    .city = de plaats
    .coordinator-name = de naam van de coördinator
    .district = de naam van de wijk

location-empty = { $what } is leeg
    .hint = vul { $what } in

location-markup = { $what } bevat HTML of een script
    .hint = schrijf gewone tekst: de site zorgt zelf voor de opmaak, en toont `<` en `>` zoals ze er staan

phone-empty = het telefoonnummer is leeg
phone-not-a-number = `{ $number }` is geen telefoonnummer
phone-invalid = `{ $number }` is geen geldig Nederlands telefoonnummer
phone-hint = schrijf een Nederlands nummer met netnummer, bijvoorbeeld 030 123 45 67 of 06 12 34 56 78
phone-not-dutch = `{ $number }` is geen Nederlands telefoonnummer
    .hint = gezinnen en verwijzers bellen een Nederlands nummer; schrijf het met netnummer, bijvoorbeeld 030 123 45 67
phone-unused-range = `{ $number }` is geen geldig Nederlands telefoonnummer: geen enkel Nederlands nummer begint met { $prefix } …
    .hint = vergelijk de cijfers met de plek waar u het nummer vond
phone-paid = `{ $number }` is een betaald servicenummer
    .hint = Home-Start is gratis voor gezinnen: geef een gewoon of mobiel nummer, of een 0800-nummer
phone-letter = in `{ $number }` staat de letter `{ $letter }` waar een telefoonnummer cijfers heeft
    .hint-digit = bedoelt u het cijfer `{ $digit }`? Een telefoonnummer bestaat alleen uit cijfers (spaties en streepjes mogen ertussen)
    .hint = een telefoonnummer bestaat alleen uit cijfers (spaties en streepjes mogen ertussen); zet andere tekst ergens anders

location-email-invalid = `{ $email }` is geen e-mailadres
    .hint = schrijf het als naam@organisatie.nl

location-ages-invalid = `{ $ages }` is geen mogelijke leeftijdsgroep: { $why }
    .hint = schrijf de jongste en de oudste leeftijd in jaren, bijvoorbeeld 0-6 (het basisprogramma), 0-14 of 0-17
    .why-shape = schrijf het als jongste-oudste
    .why-not-whole = de leeftijden moeten hele getallen zijn
    .why-reversed = de jongste leeftijd is hoger dan de oudste
    .why-too-old = Home-Start is voor kinderen tot en met 18 jaar
    .why-single = de groep bevat maar één leeftijd

location-slug-invalid = de bestandsnaam `{ $slug }` kan niet in een webadres
    .hint = geef het bestand een naam van kleine letters, cijfers en streepjes, bijvoorbeeld { $suggestion }.yaml

location-postcode-invalid = `{ $postcode }` is geen Nederlandse postcode
    .hint = schrijf vier cijfers en twee letters, bijvoorbeeld 3511 AB

location-no-coordinator = een locatie heeft minstens één coördinator nodig
    .hint = gezinnen en verwijzers moeten iemand kunnen bellen: voeg een coördinator toe, met naam, telefoonnummer en e-mailadres (`name`, `phone`, `email`)

location-no-municipality = een locatie moet in minstens één gemeente werken
    .hint = noem de gemeenten, bijvoorbeeld `municipalities: [Utrecht, Zeist]`

location-district-twice = wijk `{ $district }` staat er twee keer
    .hint = haal er één weg

location-municipality-twice = { $municipality } staat twee keer bij deze locatie
    .hint = noem elke gemeente één keer; noem met `districts:` de delen ervan

location-no-division = voor { $municipality } staat geen wijkindeling in geo/districts.csv
    .hint = voeg de wijken toe zoals { $municipality } ze noemt, één regel per wijk, bijvoorbeeld `{ $code },Centrum`; of werk in de hele gemeente, zonder `districts:`

location-district-unknown = `{ $district }` is geen wijk van { $municipality }
    .hint = de wijken van { $municipality } zijn: { $districts }
    .hint-typo = bedoelt u `{ $suggestion }`? De wijken van { $municipality } zijn: { $districts }
    .hint-typos = bedoelt u een van { $suggestions }? De wijken van { $municipality } zijn: { $districts }

location-municipality-ambiguous = `{ $written }` is de naam van meer dan één gemeente
    .hint = schrijf welke u bedoelt: { $candidates }

location-municipality-merged = gemeente `{ $former }` bestaat niet meer: sinds { $date } hoort ze bij { $into }
    .hint = schrijf `{ $name }`
    .hint-split = de gemeente is opgedeeld: schrijf de gemeente (of gemeenten) waar de dorpen die u bedient nu bij horen

location-municipality-unknown = `{ $written }` is geen gemeente in { $year }
    .hint = gebruik de naam of de code van het CBS (bijvoorbeeld `Utrecht` of `GM0344`); de lijst staat in geo/municipalities.geojson
    .hint-typo = bedoelt u { $names }?
    .or = { $first } of { $rest }

location-two-files = twee bestanden voor locatie `{ $slug }`
    .hint = houd één van de twee over: het .yaml- of het .yml-bestand

location-registered-twice = locatie `{ $name }` staat er twee keer in
    .hint = elke locatie heeft één bestand; voeg de twee samen, of geef ze verschillende namen

location-claimed-twice = { $municipality } staat bij zowel { $other } als { $location }
    .hint = een verwijzer moet één antwoord vinden: haal de gemeente bij één locatie weg, of geef beide `districts:` die elkaar niet overlappen

location-district-claimed-twice = wijk `{ $district }` van { $municipality } staat bij zowel { $other } als { $location }
    .hint = elke wijk hoort bij één locatie: haal hem bij een van de twee weg

location-in-subfolder = locatiebestanden in een map binnen locations/ worden niet gelezen
    .hint = zet het bestand in locations/{ $name }: elke locatie is één bestand, direct in locations/

location-not-yaml = alleen locatiebestanden (.yaml) horen in locations/
    .hint = geef het bestand de extensie .yaml, of haal het uit locations/
    .hint-case = schrijf de extensie in kleine letters: { $stem }.yaml

registry-section-missing = registry.{ $setting }: de standaardtaal heeft geen sectie `{ $section }`
    .hint = maak content/{ $lang }/{ $section }.md (een sectiepagina), of laat `registry.{ $setting }` naar een bestaande sectie wijzen

# Waar een onbekend veld staat, zoals yaml-unknown-key het noemt ($what).
location-in =
    .file = een locatiebestand
    .address = het adres
    .coordinator = een coördinator
    .area = een gemeente-regel
