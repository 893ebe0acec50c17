# Words every message uses: the kinds of problem and the notes under a message.

severity-error = error
severity-warning = warning
note-hint = hint
note-see-also = see also

errors-and-warnings = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}

# Plain words, in tests of other things only.
verbatim = { $text }
