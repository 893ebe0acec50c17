# The location registry (locations/*.yaml): what the check says about one location file and its
# phone numbers, about two files that claim the same municipality, and about the registry
# sections of site.yaml.

# An item under `municipalities:` that is empty or not a name.
location-area-not-a-name = this entry of `municipalities` is not a municipality name
    .hint = write a name like `  - Utrecht`, or `  - municipality: Utrecht` with `districts:` or `ages:` below it
    .hint-one-per-line = write one name per line, like `  - Utrecht`, or `  - municipality: Utrecht` with `districts:` or `ages:` below it

# The file is not a list of `key: value` lines (e.g. only a list, or only text).
location-not-a-map = a location file must be a list of `key: value` lines
    .hint = start from an existing file in locations/, or run `homestart new location NAME`

# An item under `opening_days:` that is not a Dutch day name; $days lists them.
location-day-unknown = `{ $day }` is not a day of the week
    .hint-typo = did you mean `{ $suggestion }`?
    .hint = write Dutch day names: { $days }

# A required key is missing. $what is one of location-part (this location, the address, …),
# $key the key (`name`, `email`, …), $example a value for it. The .hint-address,
# .hint-coordinators and .hint-municipalities are for the keys that hold more lines.
location-key-missing = { $what } has no `{ $key }`
    .hint = add a line `{ $key }: { $example }`
    .hint-address = add a line `address:` with `street:`, `postcode:` and `city:` below it
    .hint-coordinators = add a line `coordinators:` with a list of coordinators (name, phone, email)
    .hint-municipalities = add a line `municipalities:` with a list of municipality names

# The parts of a location file that location-key-missing names as $what.
location-part =
    .location = this location
    .address = the address
    .coordinator = this coordinator
    .area = this municipality entry

# The text fields of a location file that location-empty and location-markup name as $what.
location-field =
    .name = the location's name
    .organisation = the organisation
    .street = the street
    .city = the city
    .coordinator-name = the coordinator's name
    .district = the district name

# A text field is empty; $what is one of location-field.
location-empty = { $what } is empty
    .hint = write { $what }

# A text field holds something a browser would read as HTML (`<b>`, `<script>`); $what is one
# of location-field.
location-markup = { $what } contains HTML or script
    .hint = write plain text: the site does the formatting, and shows `<` and `>` literally

# Phone numbers of a location or a coordinator; $number is the number as the editor wrote it.
phone-empty = the phone number is empty
phone-not-a-number = `{ $number }` is not a phone number
phone-invalid = `{ $number }` is not a valid Dutch phone number
# The hint under phone-empty, phone-not-a-number and phone-invalid.
phone-hint = write a Dutch number with its area code, e.g. 030 123 45 67 or 06 12 34 56 78
phone-not-dutch = `{ $number }` is not a Dutch phone number
    .hint = families and referrers call a Dutch number; write it with its area code, e.g. 030 123 45 67
# A number in a range no Dutch number uses; $prefix is that start, e.g. "06 9".
phone-unused-range = `{ $number }` is not a valid Dutch phone number: no Dutch number starts with { $prefix } …
    .hint = check the digits against where you found the number
# A 0900 or other paid number.
phone-paid = `{ $number }` is a paid service number
    .hint = the programme is free for families: give a regular, mobile or 0800 number
# A letter among the digits; .hint-digit names the digit it looks like (l → 1, O → 0).
phone-letter = `{ $number }` has the letter `{ $letter }` where a phone number has digits
    .hint-digit = did you mean the digit `{ $digit }`? A phone number holds digits only (spaces and dashes may group them)
    .hint = a phone number holds digits only (spaces and dashes may group them); put other text elsewhere

location-email-invalid = `{ $email }` is not an e-mail address
    .hint = write it as name@organisation.nl

# `ages:` is not a range of children's ages; $ages is what the editor wrote, $why one of the
# .why attributes below.
location-ages-invalid = `{ $ages }` is not a possible age range: { $why }
    .hint = write the youngest and oldest age in years, e.g. 0-6 (core programme), 0-14 or 0-17
    .why-shape = write it as youngest-oldest
    .why-not-whole = the ages must be whole numbers
    .why-reversed = the youngest age is above the oldest
    .why-too-old = the programme is for children up to 18
    .why-single = the range covers a single age

# The file's name becomes the location's web address; $suggestion is a usable name.
location-slug-invalid = file name `{ $slug }` cannot be used in a web address
    .hint = rename the file to lowercase letters, digits and hyphens, e.g. { $suggestion }.yaml

location-postcode-invalid = `{ $postcode }` is not a Dutch postcode
    .hint = write four digits and two letters, e.g. 3511 AB

# `coordinators:` is an empty list.
location-no-coordinator = a location needs at least one coordinator
    .hint = families and referrers need someone to call: add a coordinator with name, phone and email

# `municipalities:` is an empty list.
location-no-municipality = a location must serve at least one municipality
    .hint = list the municipalities, e.g. `municipalities: [Utrecht, Zeist]`

# The same district twice under one municipality's `districts:`.
location-district-twice = district `{ $district }` is listed twice
    .hint = remove one of them

# The same municipality twice in one location file.
location-municipality-twice = { $municipality } is listed twice in this location
    .hint = list each municipality once; use `districts:` to name parts of it

# `districts:` under a municipality whose districts geo/districts.csv does not list; $code is
# its CBS code.
location-no-division = { $municipality } has no district division in geo/districts.csv
    .hint = add its districts as { $municipality } names them, one row each, e.g. `{ $code },Centrum`; or serve the whole municipality without `districts:`

# A district the municipality does not have. $districts lists all of its districts;
# $suggestion (or $suggestions, a list) the nearest names.
location-district-unknown = `{ $district }` is not a district of { $municipality }
    .hint = the districts of { $municipality } are: { $districts }
    .hint-typo = did you mean `{ $suggestion }`? The districts of { $municipality } are: { $districts }
    .hint-typos = did you mean one of { $suggestions }? The districts of { $municipality } are: { $districts }

# A name several municipalities have (e.g. Bergen); $candidates lists them with their codes.
location-municipality-ambiguous = `{ $written }` is the name of more than one municipality
    .hint = write which one you mean: { $candidates }

# A municipality that merged into another; $into lists the municipalities it became part of,
# $name is the one to write when there is one.
location-municipality-merged = municipality `{ $former }` no longer exists: since { $date } it is part of { $into }
    .hint = write `{ $name }` instead
    .hint-split = it was split: write the municipality (or municipalities) that now hold the villages served

# A name that is no municipality of the division's $year. .hint-typo offers the nearest names
# ($names), joined by .or: `Utrecht` or `Utrechtse Heuvelrug`.
location-municipality-unknown = `{ $written }` is not a municipality of { $year }
    .hint = use the CBS name or code (e.g. `Utrecht` or `GM0344`); the list is in geo/municipalities.geojson
    .hint-typo = did you mean { $names }?
    .or = { $first } or { $rest }

# Two files for one location: locations/x.yaml and locations/x.yml.
location-two-files = two files for location `{ $slug }`
    .hint = keep one of the .yaml and .yml files

# Two location files with the same name.
location-registered-twice = location `{ $name }` is registered twice
    .hint = each location has one file; merge the two, or give them distinct names

# Two locations serve the same municipality; $other and $location are their names.
location-claimed-twice = { $municipality } is claimed by both { $other } and { $location }
    .hint = a referrer must find one answer: remove it from one location, or give both `districts:` that do not overlap

# Two locations serve the same district.
location-district-claimed-twice = district `{ $district }` of { $municipality } is claimed by both { $other } and { $location }
    .hint = each district belongs to one location: remove it from one of them

# A file in a folder inside locations/; $name is its file name.
location-in-subfolder = location files in a subfolder of locations/ are not read
    .hint = move it to locations/{ $name }: every location is one file directly in locations/

# A file in locations/ that is not a .yaml file; .hint-case for .YAML or .Yml ($stem: the name
# without the extension).
location-not-yaml = only location files (.yaml) belong in locations/
    .hint = give the file the extension .yaml, or move it out of locations/
    .hint-case = write the extension in small letters: { $stem }.yaml

# site.yaml's `registry.locations` or `registry.municipalities` ($setting) names a section
# ($section) that the default language ($lang) does not have.
registry-section-missing = registry.{ $setting }: no section `{ $section }` in the default language
    .hint = create content/{ $lang }/{ $section }.md (a section page), or point `registry.{ $setting }` at an existing one

# Where an unknown key was written, as yaml-unknown-key names it ($what).
location-in =
    .file = a location file
    .address = the address
    .coordinator = a coordinator
    .area = a municipality entry
