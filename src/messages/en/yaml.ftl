# YAML: front matter, site.yaml, string tables and location files. The messages name the
# mistake where it is and say what to type.

yaml-tab = a tab character: YAML only allows spaces
    .hint = replace the tab (shown as →) with spaces: { $line }
yaml-missing-colon = this line has no colon after its name
    .hint = write a colon and a space after the name: `{ $line }`
yaml-indented-too-far = this line is indented further than `{ $key }:` above it, which already has a value
    .hint = start it exactly below `{ $key }:`, with { $spaces ->
        [0] no spaces
        [one] 1 space
       *[other] { $spaces } spaces
    } before it
yaml-indent-mismatch = this line's indentation matches no line above it
    .hint = line it up with `{ $key }:` above, with { $spaces ->
        [0] no spaces
        [one] 1 space
       *[other] { $spaces } spaces
    } before it
yaml-unclosed-quote = the text that starts with { $quote } here has no closing { $quote }
    .hint = end the text with { $quote } on the same line, or leave out both quotes
yaml-colon-in-text = the text after `{ $key }:` contains a colon and a space, which YAML reads as a new name
    .hint = put the text in quotes: `{ $line }`
yaml-duplicate-key = `{ $key }` is written twice
    .hint = keep one `{ $key }:` line and delete the other (see also: the first one)
yaml-yes-no = `{ $value }` is not a value YAML knows as yes or no
    .hint = write `{ $key }: true` (yes) or `{ $key }: false` (no)
yaml-boolean = `{ $key }` must be true or false, not `{ $value }`
    .hint = write `{ $key }: true` or `{ $key }: false`
# The parser stopped and none of the mistakes above explains it; `detail` is the parser's own words.
yaml-unreadable = { $what } cannot be read from here on ({ $detail })
    .hint = check this line and the one above it: a colon and a space after each name, the same indentation for lines at the same level, and quotes around text that contains `: ` or starts with a special character
yaml-not-a-mapping = { $what } must be a list of `key: value` lines
    .hint = write one setting per line, like `title: Over ons`
yaml-unknown-key = unknown key `{ $key }` in { $what }
    .hint-typo = did you mean `{ $suggestion }`?
    .hint-known = known keys are: { $known }
    .hint-allowed = the keys allowed here are: { $known }
yaml-missing-field = { $what }: missing field `{ $field }`
    .hint = add a line `{ $field }: …`
yaml-wrong-type = { $what }: { $detail }
    .hint = check the value's type: text, a whole number, true/false, or a list
yaml-too-deep = { $what } is nested too deeply (more than { $max } levels)
    .hint = lists and `key: value` blocks inside each other go a few levels deep at most: check for a run of `[`, `{"{"}` or `- `, or indentation that keeps growing
# What is being read, for the messages above.
yaml-what-front-matter = front matter
yaml-what-site = site.yaml
yaml-what-location = location file
yaml-what-strings = string table
yaml-what-file = the file
yaml-unclosed-bracket = the list that starts with { $open } here is not closed with { $close }
    .hint = end the list with { $close }, or put the text in quotes if it is not a list: `"{ $open }…"`
