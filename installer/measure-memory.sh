#!/bin/bash
# Resident memory of the desktop window while it runs backtests one after another.
#
#   installer/measure-memory.sh [RUNS] [STRATEGY_INDEX] [PRICES_DIR]
#
# Starts the window (target/classes + the Maven class path, or target/leverdesk.jar when present)
# under its own Xvfb display with scratch XDG folders, takes the demo start in the first-run
# dialog, opens the Backtest view (Ctrl+2), picks strategy number STRATEGY_INDEX of the list (0 = the
# first, monthly rebalance, the default; 1 = regime, with STRATEGY_X/STRATEGY_Y) and runs it RUNS times (default 20) with Ctrl+R,
# each time after the previous run was saved (read from logs/leverdesk.log). Prints VmRSS/VmHWM after the window opened,
# after each run, and 40 s after the last one (the idle window's periodic collection has run by then).
# CLASSES=<a copy of target/classes> measures that copy (a build running meanwhile cannot change it).
# JVM options to try go in JAVA_OPTS (e.g. JAVA_OPTS="-XX:GCTimeRatio=4"); with
# JAVA_OPTS=-XX:NativeMemoryTracking=summary the end also prints the JVM's own memory summary; with
# HISTOGRAM=1 it prints the heap's largest classes (jcmd GC.class_histogram, of this window only);
# HEAP_AT="1 20" HEAP_DIR=<folder> writes the whole histogram after those runs (each costs a full collection),
# with HEAP_DUMP=1 also a heap dump (jcmd GC.heap_dump); PMAP=1 prints the largest resident mappings at the end.
# CLASSES also wins over target/leverdesk.jar when both are there.
# Needs Xvfb, xdotool and a JDK 21+ (JAVA, else the newest in /usr/lib/jvm). Everything it starts
# is stopped at the end; nothing outside the scratch folder is written.
set -euo pipefail
RUNS=${1:-20}
STRATEGY=${2:-0}
PRICES=${3:-../shared/data/prices}
# another strategy than the first needs where the strategy list is in the 1600x1000 window (read it off a screenshot)
if [ "$STRATEGY" -gt 0 ] && { [ -z "${STRATEGY_X:-}" ] || [ -z "${STRATEGY_Y:-}" ]; }; then
  echo "strategy $STRATEGY: set STRATEGY_X and STRATEGY_Y to the strategy list's position in the window" >&2; exit 2
fi
HARNESS_NAME=memory
# shellcheck source=window-harness.sh
source "$(dirname "$0")/window-harness.sh"
start_window
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' /proc/$APP/status; echo; }
# the JVM's own split (heap, metaspace, code cache, threads, malloc...) when started with NMT
nmt() { case "${JAVA_OPTS:-}" in *NativeMemoryTracking*) "$(dirname "$JAVA")/jcmd" "$APP" VM.native_memory summary \
  | grep -E "^(Total|-) .*committed=" | sed -E 's/ *\(reserved=[0-9]+KB, committed=([0-9]+)KB\).*/ \1 KB/' | paste -sd' ' ;; esac; }

M=$(main_window_on_demo)
sleep 5
echo "window open:        $(rss)"
nmt
xdotool mousemove 800 500                 # the pointer over the window gives it the keyboard (no window manager)
xdotool key ctrl+2                        # the Backtest view (View menu)
sleep 8
if [ "$STRATEGY" -gt 0 ]; then               # the strategy list: STRATEGY steps down from the first
  xdotool mousemove "$STRATEGY_X" "$STRATEGY_Y" click 1
  sleep 1
  for _ in $(seq 1 "$STRATEGY"); do xdotool key Down; done
  xdotool key Return
  sleep 2
fi
for i in $(seq 1 "$RUNS"); do
  xdotool key ctrl+r                      # Backtest ▸ Run backtest
  # the run is saved, then its result is drawn: measure once the i-th result is on screen
  for _ in $(seq 1 600); do grep -q "saved as run $i " "$LOG" 2>/dev/null && [ "$(grep -c " shown: " "$LOG")" -ge "$i" ] && break; sleep 0.5; done
  sleep 1
  echo "after backtest $i: $(rss)"
  case $i in 1|10|20) nmt ;; esac
  # HEAP_AT="1 20": the whole heap histogram (after a full collection) of those runs into HEAP_DIR, to diff what grows
  case " ${HEAP_AT:-} " in *" $i "*) "$(dirname "$JAVA")/jcmd" "$APP" GC.class_histogram > "${HEAP_DIR:-.}/histogram-$i.txt"
    [ -n "${HEAP_DUMP:-}" ] && "$(dirname "$JAVA")/jcmd" "$APP" GC.heap_dump "${HEAP_DIR:-.}/heap-$i.hprof" >/dev/null
    echo "  histogram after backtest $i in ${HEAP_DIR:-.}/histogram-$i.txt; then $(rss)" ;; esac
done
sleep 40
echo "idle 40 s later:   $(rss)"
grep -E "view open|shown:" "$LOG" | tail -3 || true
if [ -n "${HISTOGRAM:-}" ]; then              # what the heap holds: its 25 largest classes after a full collection
  "$(dirname "$JAVA")/jcmd" "$APP" GC.class_histogram | head -28
  "$(dirname "$JAVA")/jcmd" "$APP" GC.heap_info
  echo "after the histogram's full collection: $(rss)"
fi
case "${JAVA_OPTS:-}" in *NativeMemoryTracking*) "$(dirname "$JAVA")/jcmd" "$APP" VM.native_memory summary | grep -E "committed=" | head -24 ;; esac
# PMAP=1: the 25 largest resident mappings (pmap -x, RSS in KB) and the resident total by kind
if [ -n "${PMAP:-}" ]; then
  pmap -x "$APP" | sort -k3 -n -r | head -25
  awk '/^[0-9a-f]+-/ {name=$6} /^Rss:/ {k=(name ~ /^\//) ? "file" : (name=="" ? "anon" : name); r[k]+=$2} END {for (k in r) printf "%s %d MB\n", k, r[k]/1024}' /proc/$APP/smaps
fi
