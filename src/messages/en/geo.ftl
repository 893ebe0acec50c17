# The municipal division in geo/ (boundaries, everyday names, mergers, districts), its import
# (`homestart import-geo`), and the lookup's town and postcode tables (`homestart import-places`).

# A row of a table in geo/ (or of one given to an import) that cannot be read, e.g. an
# unclosed quote. .hint-example shows the first two lines of a good table ($example).
geo-row-unreadable = unreadable row
    .hint-example =
        each row is like:
        { $example }
# The same, with the reader's own explanation ($reason).
geo-row-unreadable-reason = unreadable row: { $reason }

# The hint under the problems of one row of geo/districts.csv.
geo-districts-row = each row is: municipality code,district name, e.g. `GM0344,Binnenstad`
# The hint under the problems of one row of geo/mergers.csv.
geo-mergers-row = each row is: date,former name,codes it became part of

# A CBS code ($code, e.g. GM0344) that is no municipality of the division's $year, in
# geo/districts.csv, geo/aliases.yaml or geo/mergers.csv.
geo-code-unknown = `{ $code }` is not a municipality code of { $year }
    .hint-aliases = use the CBS code from geo/municipalities.geojson, e.g. GM0518
    .hint-mergers = a merger must point at a municipality that exists now

geo-district-no-name = a row without a district name
# The same district twice for one municipality ($code) in geo/districts.csv.
geo-district-twice = district `{ $district }` of { $code } is listed twice
    .hint = remove one of the rows

# Two municipalities whose pages would have the same address ($slug).
geo-slug-shared = municipalities `{ $one }` and `{ $other }` would share the web address `{ $slug }`
    .hint = give one of them a distinct everyday name in geo/aliases.yaml

geo-aliases-not-a-map = geo/aliases.yaml must map municipality codes to names
    .hint = write lines like `GM0518: [Den Haag]`
# An everyday name in geo/aliases.yaml that is not text (a list or a map).
geo-alias-not-a-name = an alias must be a name
    .hint = write the everyday name as text, e.g. `[Den Haag]`

geo-merger-incomplete = a merger needs the former name and at least one code

# The boundary file (GeoJSON) given to `homestart import-geo`, or geo/municipalities.geojson.
geo-not-geojson = not a GeoJSON file: { $reason }
    .hint = regenerate it with `homestart import-geo`
geo-not-a-collection = the boundary file must be a GeoJSON FeatureCollection
    .hint = one feature per municipality, with its code and name as properties
# $number counts the features (municipalities) from 1.
geo-feature-unnamed = feature { $number } has no municipality code and name
    .hint = each feature needs `code`/`name` (or CBS's `statcode`/`statnaam`) properties
geo-code-invalid = `{ $code }` ({ $name }) is not a CBS municipality code
    .hint = codes look like GM0344
geo-no-polygon = { $name } ({ $code }) has no polygon boundary
    .hint = each municipality needs a Polygon or MultiPolygon geometry
# $first and $second are the names of the two municipalities with that code.
geo-code-twice = code { $code } appears twice ({ $first }, { $second })
    .hint = every municipality must appear once
geo-year-unknown = the boundary file does not say which year's division it is
    .hint = pass --year to `homestart import-geo`
# A file of geo/ ($path) could not be written; $reason is the system's explanation.
geo-cannot-write = cannot write { $path }: { $reason }

# The merger table given to `homestart import-geo`: a row names a municipality ($name) or code
# ($code) that the new division does not have, or a former municipality that still exists.
geo-merger-target-unknown = `{ $name }` is not a municipality of the new division
    .hint = the merger must name municipalities that exist after it
geo-merger-code-unknown = `{ $code }` is not a municipality code of the new division
geo-merger-former-exists = `{ $name }` is listed as merged but still exists
    .hint = a municipality that kept its name (e.g. Purmerend) is not a former one

# What `homestart import-geo` prints when it is done: this line, then one indented line per
# municipality that changed (.new, .gone, .renamed; $item is "Name (code)" or
# "Old → New (code)"), or .unchanged; then .review if something changed.
geo-imported = imported the { $year } division: { $count } municipalities, { $mergers } mergers
    .new = new: { $item }
    .gone = gone: { $item }
    .renamed = renamed: { $item }
    .unchanged = no municipality added, removed or renamed
    .review = review: add every gone municipality to the merger table, keep geo/aliases.yaml current, then run `homestart build` to see which locations name a gone municipality

# A row of geo/places.csv or geo/postcodes.csv ($key: its town or postcode) names a
# municipality ($name, $code) that lies $km km from the row's position; $near is the distance
# allowed.
places-far = `{ $key }` lies { $km } km from { $name } ({ $code }), which this row names
    .hint = a row names only the municipality its position (lat, lon) lies in, and one within { $near } km of it; correct the code or the position, or run `homestart import-places` again
# A postcode far from every other postcode that starts with the same two digits ($group).
places-postcode-outlier = postcode { $postcode } lies { $km } km from the nearest postcode { $group }xx: its position cannot be right
    .hint = Dutch postcodes lie together with the others of their first digits; a position this far away is a namesake's. Remove the row (the lookup then says it does not know the postcode) or correct its position
places-no-name = a row without a place name
    .hint = write the name of the town or village first, e.g. `Maarssen,GM1904`
places-postcode-invalid = `{ $postcode }` is not a Dutch postcode
    .hint = write four digits, 1000 to 9999, e.g. `3511` (letters are ignored)
places-code-unknown = `{ $code }` (for `{ $key }`) is not a municipality code of { $year }
    .hint = use the CBS codes of geo/municipalities.geojson; after a new division, import the place tables again
places-no-municipality = `{ $key }` has no municipality
    .hint = give at least one CBS code, several separated by `|`
# The first line of a town or postcode table; $example shows a good beginning.
places-header-unreadable = unreadable header: { $reason }
    .hint =
        the table starts like:
        { $example }
# $column is the name the key column needs (place or postcode); the hint lists the names
# accepted for the key ($keys) and the codes ($codes).
places-header-columns = the header must name a { $column } column and municipality codes or a position
    .hint =
        accepted names: { $keys } for the key; { $codes } for the codes; lat and lon for the position; e.g.
        { $example }
# A position outside the Netherlands; $axis is latitude or longitude.
places-coordinate-invalid = `{ $value }` is not a { $axis ->
        [latitude] latitude
       *[longitude] longitude
    } in the Netherlands
    .hint = write degrees with a decimal point: latitude 50.7 to 53.6, longitude 3.3 to 7.3, e.g. `52.0935,5.1133`

# What `homestart import-places` prints when it is done. $before is the number in the table
# it replaces; $several the number that lie in more than one municipality.
places-imported-postcodes = postcodes: { $count } (was { $before }), { $several } in more than one municipality
places-imported-towns = towns: { $names } names in { $rows } rows (was { $before } names), { $several } names in more than one municipality
# About the postcode table read ($path); one indented places-left-out line follows per row
# left out.
places-imported-read = { $path }: { $rows } rows read, { $used } used, { $dropped } left out:
# A row left out: its line, postcode, town (may be empty) and why (one of places-doubt).
places-left-out = line { $line }: { $postcode } { $place }: { $why }
places-unknown-postcodes = postcodes the lookup will say it does not know ({ $count }): { $postcodes }

# Why a postcode row was left out. $group3 and $group2 are the postcode's first three and two
# digits; .rough adds .far or .alone as $distance.
places-doubt =
    .far = { $km } km from the nearest trusted postcode { $group3 }x or { $group2 }xx
    .alone = no trusted postcode { $group2 }xx to compare with
    .rough = a place's centre, not the postcode's; { $distance }
    .outside = outside every municipality
