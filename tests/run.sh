#!/usr/bin/env bash
# The project's test command (README.md): Rust unit and integration tests, then the included
# site built and checked page by page with the Nu HTML Checker and axe-core in headless
# Chromium, at the root and under a sub-path, plus the harness's own self-test.
# Needs: cargo, Java, Debian's chromium, poppler-utils, and `npm ci` in tests/browser (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/homestart"

# One compilation for all: `cargo test --release` also builds the binary the browser tests
# use. (A separate `cargo build --release` would resolve features without the dev-dependencies
# and compile typst a second time.)
echo "== cargo test (release profile; also builds target/release/homestart)"
cargo test --release --locked

if [ ! -d tests/browser/node_modules ]; then
  (cd tests/browser && npm ci --no-audit --no-fund)
fi

site="$target/test-site"
echo "== build the included site and check every page"
"$bin" build --out "$site"
node tests/browser/check.mjs "$site" --sample 10
echo "== the coverage map with keyboard and pointer"
node tests/browser/map.mjs "$site"
echo "== the lookup: names, towns, postcodes, keyboard only, without JavaScript"
node tests/browser/lookup.mjs "$site"

echo "== Arabic, Persian and Tigrinya leaflet pages: shipped fonts, dir, screenshots, PDF links"
node tests/browser/fonts.mjs "$site" "$target/screenshots"

echo "== the live preview: an open tab reloads after an edit, shows an error, recovers"
HOMESTART="$bin" node tests/browser/serve.mjs .

echo "== the same site hosted under a sub-path"
"$bin" build --out "$site-sub" --base-url http://localhost/homestart/
node tests/browser/check.mjs "$site-sub" --base /homestart/ --sample 40

echo "== the release package for Linux (as .github/workflows/release.yml packs it): unpacked, it checks the project"
dist="$target/dist"
rm -rf "$dist"
archive="$(.github/release/package.sh linux-x86_64 "$bin" "$dist")"
tar -C "$dist" -xzf "$archive"
"$dist"/homestart-*-linux-x86_64/homestart --root . check --lang nl
test -f "$dist"/homestart-*-linux-x86_64/docs/redactiegids.md

echo "== the checks fail on a broken page"
HOMESTART="$bin" node tests/browser/selftest.mjs

echo "all tests passed"
