#!/usr/bin/env bash
# Used by build.sh under xvfb-run: starts the app-image's launcher ($1) so the JVM can record what
# start-up loads (JAVA_TOOL_OPTIONS carries -XX:AOTMode=record), waits until the main window is
# shown and has settled, then stops the app with SIGTERM (the JVM writes the record on exit).
set -uo pipefail
"$@" &
pid=$!
for _ in $(seq 1 300); do
  if command -v xdotool >/dev/null 2>&1; then
    xdotool search --onlyvisible --name '^Leverdesk .+' >/dev/null 2>&1 && break
  elif [ "$_" -ge 100 ]; then
    break   # no xdotool: give the window 10 s
  fi
  kill -0 "$pid" 2>/dev/null || { echo "train: the app exited before its window appeared" >&2; exit 1; }
  sleep 0.1
done
sleep 4
kill -TERM "$pid"
wait "$pid"
rc=$?
# 143 = ended by our SIGTERM, which is the normal end of a training run
[ "$rc" -eq 0 ] || [ "$rc" -eq 143 ] || { echo "train: the app failed with status $rc" >&2; exit 1; }
