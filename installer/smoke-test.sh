#!/usr/bin/env bash
# CI smoke test of the app-image (target/installer/image/leverdesk, built by installer/build.sh):
# starts it under a virtual X server with a scratch data folder, passes when the main window
# ("Leverdesk · DEMO" or similar; a start-up error dialog is titled just "Leverdesk") is shown
# within LIMIT seconds (default 60) and the app is still running 3 s later, saves a screenshot
# to target/installer/smoke.png when ImageMagick's `import` is installed, then stops the app and
# checks that the store was created in the XDG data folder. Needs xvfb-run (or a DISPLAY) and
# xdotool.
set -uo pipefail
cd "$(dirname "$0")/.."
LIMIT=${1:-60}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$LIMIT"
fi
fail() { echo "smoke: FAILED: $*" >&2; [ -n "${pid:-}" ] && kill -TERM "$pid" 2>/dev/null; exit 1; }
APP=target/installer/image/leverdesk/bin/leverdesk
[ -x "$APP" ] || fail "$APP is missing; run installer/build.sh first"
command -v xdotool >/dev/null || fail "xdotool is not installed (apt-get install xdotool)"
DATA=$(mktemp -d); trap 'rm -rf "$DATA"' EXIT
# a scratch config folder with a (default) config: the main window, not the first-run dialog, and never the builder's config
mkdir -p "$DATA/config/leverdesk"; echo '{}' > "$DATA/config/leverdesk/config.json"
XDG_CONFIG_HOME=$DATA/config XDG_DATA_HOME=$DATA LEVERDESK_LOG_DIR=$DATA/logs "$APP" >"$DATA/out.log" 2>&1 &
pid=$!
start=$(date +%s)
until xdotool search --onlyvisible --name '^Leverdesk .+' >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$DATA/out.log" >&2; fail "the app exited before its window appeared"; }
  [ $(( $(date +%s) - start )) -lt "$LIMIT" ] || { cat "$DATA/out.log" >&2; fail "no Leverdesk window within $LIMIT s"; }
  sleep 0.2
done
title=$(xdotool search --onlyvisible --name '^Leverdesk .+' getwindowname 2>/dev/null | head -1)
echo "smoke: window \"$title\" after $(( $(date +%s) - start )) s"
sleep 3
kill -0 "$pid" 2>/dev/null || { cat "$DATA/out.log" >&2; fail "the app exited after showing its window"; }
if command -v import >/dev/null; then
  import -window root target/installer/smoke.png && echo "smoke: screenshot target/installer/smoke.png"
fi
kill -TERM "$pid"; wait "$pid" 2>/dev/null
# the store must be in the data folder given by XDG_DATA_HOME, not next to the program
[ -f "$DATA/leverdesk/leverdesk.mv.db" ] || fail "no store at $DATA/leverdesk/leverdesk.mv.db: the app did not use the XDG data folder"
# the command-line launcher (the same program with the C2 JIT) answers a headless command
CLI=${APP%/*}/leverdesk-cli
[ -x "$CLI" ] || fail "$CLI is missing"
out=$(XDG_CONFIG_HOME=$DATA/config XDG_DATA_HOME=$DATA LEVERDESK_LOG_DIR=$DATA/logs "$CLI" calendar --from 2024-01-02 --to 2024-01-03 2>&1) \
  || fail "leverdesk-cli calendar failed: $out"
echo "$out" | grep -q 2024-01-03 || fail "leverdesk-cli calendar did not list 2024-01-03: $out"
echo "smoke: leverdesk-cli answered 'calendar'"
echo "smoke: passed"
