#!/usr/bin/env bash
# Measures Leverdesk's start: seconds from launching the process until its main window is mapped
# (xdotool sees a visible window titled "Leverdesk ..."), and resident memory (VmRSS) at that
# moment and 3 s later. Prints each run and the medians.
#
#   installer/measure-start.sh [RUNS] [MODE]
#     MODE aot    the app-image as built (target/installer/image/leverdesk, with its AOT cache)
#          noaot  the same app-image with the cache switched off (-XX:AOTMode=off)
#          jar    java -jar target/leverdesk.jar on the full JDK (the pre-installer way)
#
# Needs xdotool and, without a DISPLAY, xvfb-run. Each mode gets one unmeasured warm-up start
# (which also creates the store in a scratch data folder), then RUNS measured starts of a new
# process each; the OS file cache is warm, as on a desktop where the app was used before.
# MEASURE_JAVA_OPTS adds JVM options to every start (to compare settings).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
MODE=${2:-aot}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$RUNS" "$MODE"
fi
command -v xdotool >/dev/null || { echo "measure: error: needs xdotool (apt-get install xdotool)" >&2; exit 2; }
IMAGE=target/installer/image/leverdesk
JDK=$(ls -d /usr/lib/jvm/*/ | while read -r d; do [ -x "$d/bin/jpackage" ] && echo "${d%/}"; done | sort -V | tail -1)
case "$MODE" in
  aot)   CMD=("$IMAGE/bin/leverdesk"); TOOL="" ;;
  noaot) CMD=("$IMAGE/bin/leverdesk"); TOOL="-XX:AOTMode=off" ;;
  jar)   CMD=("$JDK/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar target/leverdesk.jar); TOOL="" ;;
  *) echo "measure: error: MODE must be aot, noaot or jar, not '$MODE'" >&2; exit 2 ;;
esac
# extra JVM options to try (e.g. MEASURE_JAVA_OPTS=-XX:+UseSerialGC), passed in JAVA_TOOL_OPTIONS
TOOL="$TOOL ${MEASURE_JAVA_OPTS:-}"
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
# a scratch config folder holding a (default) config: starts measure the main window, not the first-run dialog
mkdir -p "$DATA/config/leverdesk"; echo '{}' > "$DATA/config/leverdesk/config.json"

# CPU seconds (user + system) the process has used: less disturbed by other load than wall time
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }

# one start: prints "seconds rss-at-window-MB rss-3s-later-MB cpu-seconds-at-window"
start_once() {
  local t0 pid t1 r1 r2 c1 wait=0
  t0=$(date +%s%N)
  XDG_CONFIG_HOME=$DATA/config XDG_DATA_HOME=$DATA LEVERDESK_LOG_DIR=$DATA/logs JAVA_TOOL_OPTIONS=$TOOL "${CMD[@]}" >/dev/null 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name '^Leverdesk .+' >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "measure: error: the app exited before its window appeared" >&2; exit 1; }
    wait=$((wait + 1)); [ "$wait" -lt 600 ] || { kill "$pid"; echo "measure: error: no window within 30 s" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  # the launcher execs nothing: its JVM runs in the same process, so $pid is the JVM
  r1=$(rss "$pid"); c1=$(cpu "$pid"); sleep 3; r2=$(rss "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  while xdotool search --name '^Leverdesk .+' >/dev/null 2>&1; do sleep 0.1; done
  awk -v a="$t0" -v b="$t1" -v r1="$r1" -v r2="$r2" -v c="$c1" 'BEGIN {printf "%.2f %d %d %s\n", (b - a) / 1e9, r1, r2, c}'
}

start_once >/dev/null   # warm-up: creates the store, extracts JavaFX's native libraries
results=()
for i in $(seq 1 "$RUNS"); do
  r=$(start_once); results+=("$r")
  echo "$MODE run $i: window after $(echo "$r" | cut -d' ' -f1) s (CPU $(echo "$r" | cut -d' ' -f4) s), RSS $(echo "$r" | cut -d' ' -f2) MB at window, $(echo "$r" | cut -d' ' -f3) MB 3 s later"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
col() { printf '%s\n' "${results[@]}" | awk -v c="$1" '{print $c}' | median; }
echo "$MODE median of $RUNS: window after $(col 1) s (CPU $(col 4) s), RSS $(col 2) MB at window, $(col 3) MB 3 s later"
