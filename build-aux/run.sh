#!/usr/bin/env bash
# Builds Raptorflow Lead Engine and runs it from the build folder.
# Usage: build-aux/run.sh [FILE...]   (files are opened as if dropped)
set -euo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
. build-aux/deps.sh
rf_install_debian_packages build-aux/debian-packages.txt

build="${RAPTORFLOW_BUILD_DIR:-$top/build}"
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=debugoptimized
fi
meson compile -C "$build"

export GSETTINGS_SCHEMA_DIR="$build/data"
exec "$build/src/gui/raptorflow" "$@"
