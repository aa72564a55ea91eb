#!/usr/bin/env bash
# Builds Raptorflow Lead Engine and runs the whole test suite, GUI tests
# included, under a virtual X server: once in a normal build, then again in
# a build with AddressSanitizer, UndefinedBehaviorSanitizer and
# LeakSanitizer. Arguments go to `meson test` (e.g. a suite name).
set -euo pipefail

top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"
. build-aux/deps.sh
rf_install_debian_packages build-aux/debian-packages.txt

build="${RAPTORFLOW_BUILD_DIR:-$top/build}"
sanitize="${build}-sanitize"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=debugoptimized
fi
meson compile -C "$build"

xvfb_run=(xvfb-run -a -s "-screen 0 1600x1000x24")

"${xvfb_run[@]}" meson test -C "$build" --print-errorlogs --num-processes 2 "$@"

if [ -n "${RAPTORFLOW_SKIP_SANITIZERS:-}" ]; then
  echo "Skipping the sanitizer pass (RAPTORFLOW_SKIP_SANITIZERS is set)."
  exit 0
fi

if [ ! -f "$sanitize/build.ninja" ]; then
  meson setup "$sanitize" --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C "$sanitize"

# Full stacks (GLib has no frame pointers), leaks checked with a small
# suppression file for GTK, fontconfig and tesseract internals only, and
# GSlice out of the way so LeakSanitizer sees real allocations. The widget
# tests keep 20 frames a stack and the OCR test takes fast ones: see
# tests/gui/meson.build and tests/ingest/meson.build.
export ASAN_OPTIONS="fast_unwind_on_malloc=0:detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export G_SLICE=always-malloc
# Mesa's llvmpipe registers its JIT code's unwind tables while ASan unwinds
# slowly (above): the two take the same unwinder lock and hang. GTK draws
# with cairo instead.
export GSK_RENDERER=cairo

"${xvfb_run[@]}" meson test -C "$sanitize" --print-errorlogs --num-processes 2 --timeout-multiplier 4 "$@"
