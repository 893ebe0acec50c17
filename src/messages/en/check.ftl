# The checks across files (links, addresses, translations, menus, templates, the string tables in i18n/) and the table `homestart translations` prints.

## Links in pages

# A link whose `../` climbs above the site's first folder.
link-outside-root = link to `{ $url }` leaves the site's root
    .hint = write the address from the site's root, e.g. /contact/
# A link to a page or file the site does not have; $path is the address it points to. The hints
# name the usual mistake: a page's .md file, a web address without https://, a file not uploaded.
link-nowhere = link to `{ $url }` goes nowhere: the site has no page or file `{ $path }`
    .hint = write the page's address as it appears in the browser, from the site's root, e.g. /contact/
    .hint-typo = did you mean `{ $suggestion }`?
    .hint-file = link to the page's address, not its file: `/{ $name }/` (an address from the site's root, as the browser shows it)
    .hint-www = an address on another website starts with https://: `https://{ $url }`
    .hint-upload = upload the file as `static{ $path }`: a file in static/ is published at the same address (`{ $path }`); names are case-sensitive
# A link to `#name` on a page without a heading (or other place) of that name.
link-anchor-missing = link to `{ $url }`: the page has no place called `#{ $anchor }`
    .hint = link to a heading of that page: its text in lowercase with hyphens, e.g. #wat-doet-een-vrijwilliger
    .hint-typo = did you mean `#{ $suggestion }`? A heading's anchor is its text in lowercase with hyphens

## Pages, translations and menus

page-address-duplicate = two pages have the address /{ $url }
    .hint = give one of them a different `slug:` or file name
# Two pages of one language have the same `translation_key:`.
translation-key-duplicate = translation key `{ $key }` is used by two pages of one language
    .hint = each page needs its own key; translations of one page share it across languages
# A translation found by its file path (content/en/over.md translates content/nl/over.md) whose
# original is gone. $lang is the code of the site's first language, e.g. nl.
translation-original-missing = the { $lang } page this translates, content/{ $lang }/{ $key }.md, does not exist
    .hint = delete this translation, or bring content/{ $lang }/{ $key }.md back (git restores a deleted file); a translation is published only with its original
# A translation's `translation_key:` names no page of the site's first language ($lang, e.g. nl).
translation-key-unknown = translation key `{ $key }` matches no page in the default language ({ $lang })
    .hint = set `translation_key:` to the key of the { $lang } page this translates (its file path without .md, e.g. `over`), or name this file like the { $lang } one
    .hint-typo = did you mean `{ $suggestion }`?
# An entry of site.yaml's `menu:` or `footer_menu:` ($menu is the field's name).
menu-entry-unknown = { $menu } entry `{ $key }` matches no page
    .hint = use the translation key of a page: its path in content/nl/ without .md
    .hint-typo = did you mean `{ $suggestion }`?
# A page in a section (a folder with _index.md) that shows dates: it has a feed ($reason is
# feed, `feed: true`) or is sorted by date ($reason is date, `sort_by: date`).
page-date-missing = page has no date, but its section { $reason ->
    [feed] has a feed
   *[date] is sorted by date
}
    .hint = add a line `date: YYYY-MM-DD` to the front matter

## Templates

template-missing = template `{ $name }` does not exist
    .hint = create templates/{ $name } or choose one of: { $names }
    .hint-typo = did you mean `{ $suggestion }`? Templates live in templates/
    .hint-not-found = the site needs it for the page shown at unknown addresses

## String tables (i18n/nl.yaml, i18n/en.yaml, ...): the words of menus, buttons and dates

strings-table-missing = no string table for language `{ $code }`
    .hint = create i18n/{ $code }.yaml by copying i18n/{ $default }.yaml and translating its values
# A value in a string table that is not one line of text (a list, a block, empty).
strings-value-not-text = string `{ $key }` must be a single line of text
    .hint = write `key: "text"`; put text with `:` or `#` in quotes
# $table is the file (i18n/en.yaml); $original the first language's table (i18n/nl.yaml).
strings-key-missing = string table { $table } is missing the key `{ $key }`
    .hint = add `{ $key }: …`; the tool needs it
    .hint-for = add `{ $key }: …`; the tool needs it for { $purpose ->
        [registry] the registry's pages
       *[leaflets] the PDF leaflets
    }
    .hint-translate = add `{ $key }: …` with the translation of "{ $text }" (from { $original })
strings-key-unknown = string table { $table } has key `{ $key }`, which { $original } does not have
    .hint = add it to { $original } first, or remove it here
    .hint-typo = did you mean `{ $suggestion }`?
# A translated string lacks (or adds) a {name} of the original's: $want and $got list them as
# written, e.g. {phone}, {name}; $want_count and $got_count count them.
strings-placeholders-differ = `{ $key }` must contain { $want_count ->
    [0] no placeholders
   *[other] { $want }
} like { $original }, but has { $got_count ->
    [0] no placeholders
   *[other] { $got }
}
    .hint = keep every {"{"}name{"}"} exactly as written in the original (it may move within the sentence)
strings-pagination-path = pagination_path must be usable in a web address
    .hint = use lowercase letters and hyphens, e.g. `pagina`

## Translations: outdated or unmarked ones, and `homestart translations`

# $original is the file of the first language, $path the translation's file, $version the
# original's current version (8 letters and digits).
translation-outdated = this translation was made from an older version of { $original }
    .hint = bring it up to date with { $original }, then set `translated_from: { $version }` (or run `homestart translations --mark { $path }`)
translation-unmarked = this translation does not say which version of { $original } it was made from
    .hint = if it matches the current text, add `translated_from: { $version }` to its front matter (or run `homestart translations --mark { $path }`)
translations-mark-not-translation = { $path } is not a translation of a page
    .hint = name a translated page, e.g. content/en/over.md
translations-mark-cannot-read = cannot read { $path }: { $reason }
translations-mark-cannot-write = cannot write { $path }: { $reason }
translations-mark-no-front-matter = { $path } has no front matter
# What `homestart translations --mark` wrote into a file (shown after "marked").
translations-mark-done = { $path }: translated_from: { $version }
# The table of `homestart translations`: its column headings, the state of each translation,
# and the line under it ($language is the first language's name, e.g. Nederlands).
translations-column-page = page
translations-column-version = version
translations-state-ok = ok
translations-state-outdated = outdated
translations-state-unmarked = unmarked
translations-state-missing = missing
translations-summary = { $pages } pages in { $language }: { $ok } translations up to date, { $outdated } outdated, { $unmarked } unmarked, { $missing } missing
