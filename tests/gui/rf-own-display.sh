#!/usr/bin/env bash
# rf-own-display.sh TEST [ARGS...]: runs a widget test on an X server of its
# own. On a shared one, every GTK program asks whoever takes the clipboard
# or the primary selection for its formats (GDK's X11 clipboard does so on
# each owner change); a test that exits with such a request in flight
# leaves GDK's selection streams behind (LeakSanitizer reports them) or
# cuts the other one's transfer short. Without Xvfb the test runs as is
# (and skips if it finds no display).
#
# SPDX-License-Identifier: GPL-3.0-or-later

if ! command -v Xvfb >/dev/null 2>&1; then
  exec "$@"
fi

dir="$(mktemp -d)"
# -displayfd: Xvfb picks a free display itself and writes its number once
# it accepts connections (no race between tests starting together).
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$dir/display" >"$dir/log" 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$dir"; exit 143' TERM INT
for _ in $(seq 600); do
  if [ "$(wc -l <"$dir/display")" -ge 1 ] || ! kill -0 "$xvfb" 2>/dev/null; then
    break
  fi
  sleep 0.05
done
display="$(head -n 1 "$dir/display")"
if [ -z "$display" ]; then
  echo "Bail out! Xvfb did not start" >&2
  cat "$dir/log" >&2
  kill "$xvfb" 2>/dev/null
  rm -rf "$dir"
  exit 1
fi

DISPLAY=":$display" "$@"
status=$?
kill "$xvfb" 2>/dev/null
wait "$xvfb" 2>/dev/null
rm -rf "$dir"
exit "$status"
