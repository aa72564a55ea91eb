#!/usr/bin/env bash
# Runs each libFuzzer target for a while (60 s each by default).
# Usage: build-aux/fuzz.sh [-t SECONDS] [TARGET...]   (targets: see tests/fuzz/meson.build)
# New interesting inputs stay in the build folder; a crash is saved there
# too: copy it into tests/fuzz/corpus/TARGET/ so the test suite keeps it.
set -euo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
. build-aux/deps.sh
rf_install_debian_packages build-aux/debian-packages.txt

seconds=60
if [ "${1:-}" = "-t" ]; then seconds="$2"; shift 2; fi

build="${RAPTORFLOW_FUZZ_BUILD_DIR:-$top/build-fuzz}"
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" --buildtype=debugoptimized -Dfuzzing=true
fi
meson compile -C "$build"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for exe in "$build"/tests/fuzz/fuzz-*; do
    [ -x "$exe" ] && [ -f "$exe" ] && targets+=("$(basename "$exe" | sed 's/^fuzz-//')")
  done
fi

export G_SLICE=always-malloc
export ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0"
export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0"
status=0
for target in "${targets[@]}"; do
  work="$build/fuzz-work/$target"
  mkdir -p "$work/corpus" "$work/crashes"
  echo "== $target: ${seconds}s"
  if ! "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -max_len=65536 \
       -artifact_prefix="$work/crashes/" "$work/corpus" "tests/fuzz/corpus/$target"; then
    echo "!! $target found a crash: see $work/crashes/ and copy it into tests/fuzz/corpus/$target/"
    status=1
  fi
done
exit $status
