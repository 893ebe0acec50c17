#!/usr/bin/env bash
# Builds the included site and every fixture site with two homestart binaries and compares the
# outputs byte for byte (PDF leaflets included; each build starts without a leaflet cache).
# Use it around a refactoring: build the old revision's binary first, e.g.
#   git worktree add /tmp/old <rev> && (cd /tmp/old && cargo build --release)
#   scripts/same-output.sh /tmp/old/target/release/homestart target/release/homestart
set -euo pipefail
old="$(realpath "$1")"; new="$(realpath "$2")"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
status=0
for project in "$root" "$root"/tests/fixtures/*/; do
  name="$(basename "$project")"
  for side in old new; do
    mkdir -p "$work/$side/src"
    rm -rf "$work/$side/src/$name"
    # A copy without the leaflet cache or earlier output, so both sides typeset every PDF.
    (cd "$project" && tar --exclude=./.homestart-cache --exclude=./public --exclude=./target \
      --exclude=./.git -cf - .) | (mkdir -p "$work/$side/src/$name" && tar -xf - -C "$work/$side/src/$name")
    # Registry fixtures borrow what they lack from the project, as the integration tests do.
    if [ -d "$project/locations" ]; then
      for dir in geo templates i18n static fonts; do
        [ -e "$work/$side/src/$name/$dir" ] || cp -r "$root/$dir" "$work/$side/src/$name/$dir"
      done
    fi
    bin="$old"; [ "$side" = new ] && bin="$new"
    (cd "$work/$side/src/$name" && "$bin" build --out "$work/$side/out/$name" >"$work/$side/$name.log" 2>&1) \
      || { echo "$name: build with the $side binary failed:"; cat "$work/$side/$name.log"; status=1; }
  done
  # The output folder's own manifest records file times; everything else must be equal.
  if diff -r -q -x .homestart-output "$work/old/out/$name" "$work/new/out/$name"; then
    echo "$name: identical ($(find "$work/new/out/$name" -type f | wc -l) files)"
  else
    status=1
  fi
done
exit $status
