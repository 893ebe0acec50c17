#!/usr/bin/env bash
# The speed benchmark: installs Debian's `hugo` for the side-by-side comparison (CI does not),
# then runs `cargo bench --bench build`, which generates the corpora (deterministic, seeded),
# builds the included site and the 1k/10k/50k corpora with homestart, alternates homestart and
# Hugo on the 10k corpus, and prints the tables the README shows.
# It works on copies in the cargo target folder (`tmp/bench/`) and never writes into the
# working tree.
# HOMESTART_BENCH_QUICK=1 skips the 1k and 50k corpora; HOMESTART_BENCH_PAGES sets the main size.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v hugo >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends hugo
fi
exec cargo bench --bench build
