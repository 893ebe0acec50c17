# Writing the built site into its output folder, and the preview's web server.

# $folder: the folder that holds the output folder.
output-locked = another homestart build is writing an output folder in { $folder } right now
    .hint = wait for it to finish, then build again
# $marker: the file in the output folder that lists the files of the site.
output-marker-unwritten = the new site is in { $target }, but its list of files could not be written to { $marker }: { $reason }
    .hint = check free disk space; the next build checks every file's bytes
# $reason: the system's explanation; $first: the first file (of $count) it stopped.
output-write-failed = { $count ->
    [one] cannot write { $first }: { $reason }
   *[other] cannot write { $count } files: { $reason } (first: { $first })
}
    .hint = check free disk space and permissions of the output folder
    .hint-folder = check free disk space and the folder's permissions
# Moving the new files into the output folder failed, and the folder is as it was before;
# $moved: how many new files had been moved in already (and were put back).
output-move-in = cannot move the new site into { $target }: cannot replace { $path }: { $reason }; the output folder was restored as it was{ $moved ->
    [0] {""}
    [one] {" "}(1 file moved in was put back)
   *[other] {" "}({ $moved } files moved in were put back)
}
    .hint = check free disk space and the output folder's permissions, then build again; the next build checks every file's bytes
    .hint-in-the-way = move what is in the way elsewhere (homestart replaces only files it wrote), then build again
# As output-move-in, but the output folder could not be put back as it was: $count files
# in it are new; $files lists them (see output-listed).
output-move-in-stuck = cannot move the new site into { $target }: cannot replace { $path }: { $reason }; the old site could not be restored either: { $count } files are new, the others old: { $files }
# Why a file could not be moved into the output folder.
output-folder-in-the-way = a folder is in the way
output-file-in-the-way = { $path } is in the way of a folder
# A list of files shown in a message: the first few, then how many more there are.
output-listed = { $more ->
    [0] { $files }
   *[other] { $files }, and { $more } more
}
# The output folder chosen with --out (or public/) may not be used.
output-contains-project = output folder { $folder } contains the project itself
    .hint = choose a separate output folder, e.g. --out public
output-in-sources = output folder { $folder } is inside the project's { $part }/ folder
    .hint = choose an output folder outside the sources, e.g. --out public
output-is-file = output path { $folder } is a file, not a folder
    .hint = choose another --out, or move the file away
output-not-ours = output folder { $folder } already exists and was not created by homestart
    .hint = homestart never replaces folders it did not create: choose another --out, or move that folder away
# $links: the links found (see output-listed).
output-links = output folder { $folder } has { $count ->
    [one] a symbolic link
   *[other] { $count } symbolic links
} inside: { $links }
    .hint = homestart writes only into folders it created, never through a link: remove the link (what it points to is not touched) and build again

## The preview (`homestart serve`).

# $var: the name of an environment variable; $value: what it holds.
preview-idle = { $var } is `{ $value }`, not a number of milliseconds
    .hint = unset it to close idle connections after { $seconds } s
preview-start = cannot start the web server: { $reason }
