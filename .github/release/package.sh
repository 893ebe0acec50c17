#!/usr/bin/env bash
# Packs a built homestart for editors: the program, the guides and the licence, in an archive
# named after the version and the platform (homestart-0.1.0-linux-x86_64.tar.gz, …-windows-
# x86_64.zip). The release workflow runs it on each platform after `cargo build --release`;
# .ci/run runs it on Linux and starts the packed program on the project.
#
# Usage: package.sh PLATFORM BINARY OUT_DIR   (PLATFORM: linux-x86_64, macos-arm64, windows-x86_64, …)
set -euo pipefail
cd "$(dirname "$0")/../.."
platform="$1"
binary="$2"
out="$3"

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
name="homestart-$version-$platform"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/docs" "$out"
exe="homestart"
case "$platform" in windows-*) exe="homestart.exe" ;; esac
cp "$binary" "$stage/$name/$exe"
chmod +x "$stage/$name/$exe"
cp README.md "$stage/$name/"
cp docs/redactiegids.md docs/editors-guide.md "$stage/$name/docs/"

case "$platform" in
  windows-*)
    (cd "$stage" && 7z a -tzip -bso0 "$name.zip" "$name")
    mv "$stage/$name.zip" "$out/"
    echo "$out/$name.zip"
    ;;
  *)
    tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
    echo "$out/$name.tar.gz"
    ;;
esac
