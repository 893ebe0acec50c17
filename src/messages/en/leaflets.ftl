# The printed PDF leaflets (pages with `pdf:`): what they cannot print, their layout and fonts.

# Something in the page's Markdown that a printed leaflet cannot show; $what says what it is.
leaflet-unprintable = { $what ->
    [code] inline code
    [html] HTML
    [footnote] a footnote
    [math] math
    [checkbox] a checkbox
    [image] an image
    [table] a table
    [code-block] a code block
   *[other] this construct
} cannot be printed in the PDF leaflet
    .hint-code = write it as plain text, without backticks
    .hint-html-inline = write plain Markdown; for emphasis use *…* or **…**
    .hint-html = write plain Markdown
    .hint-footnote-reference = put the remark in the sentence itself
    .hint-footnote = put the remark in the text itself
    .hint-math = write it in words
    .hint-checkbox = use an ordinary list item (`- …`)
    .hint-image = leave images to the web page: remove it from this file, or describe it in words
    .hint-table = write the rows as a list
    .hint-code-block = write it as an ordinary paragraph (no indentation of four spaces, no ```)
    .hint-other = use paragraphs and lists
# Headings: `#` is level 1, `##` level 2, and so on; $marker is the heading to write instead.
leaflet-heading-skip = heading level { $level } follows level { $previous }: the PDF leaflet cannot skip a level
    .hint = use `{ $marker }` here
leaflet-threads = cannot start the leaflet threads: { $reason }
leaflet-too-long = the PDF leaflet takes { $pages } pages; it may take at most { $max } (one sheet, both sides)
    .hint = shorten the text of this page
# $char: the character; $code: its number, like 0627.
leaflet-missing-glyph = no font for the PDF leaflet has the character `{ $char }` (U+{ $code })
    .hint = replace it with a character the shipped fonts have, or add an OFL font that has it to { $fonts }/ and name it in { $template }
# $default: the code of the site's first language.
leaflet-pdf-on-translation = `pdf:` is set on the original page only
    .hint = remove it here: every translation of a { $default } page with `pdf:` gets its PDF
leaflet-fonts-unreadable = cannot read the fonts for the PDF leaflets: { $reason }
    .hint = restore fonts/ from git: the PDFs use only the fonts shipped there
leaflet-font-invalid = not a font file typst can read
    .hint = use TrueType or OpenType fonts (.ttf, .otf)
leaflet-no-fonts = no fonts for the PDF leaflets
    .hint = restore fonts/ from git: the PDFs use only the fonts shipped there
# The leaflet layout could not be read (the message above it says why).
leaflet-template-needed = pages with `pdf:` need the leaflet layout { $path }; restore it from git
# A problem of the leaflet layout templates/leaflet.typ, in typst's own (English) words.
leaflet-pdf-standard = PDF standard: { $reason }
leaflet-layout = leaflet layout: { $reason }
    .hint = the PDF layout is in templates/leaflet.typ
    .hint-typst = { $hint }
