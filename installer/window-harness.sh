# Sourced by measure-memory.sh and measure-views.sh (not run on its own): a scratch folder with XDG
# folders, a private Xvfb display (-displayfd picks a free one, so measurements can run side by side),
# cleanup on exit (KEEP=1 keeps the scratch folder), the window started with the demo-capable `gui`
# command on PRICES, window NAME, which waits for a visible window titled NAME and prints its id, and
# main_window_on_demo, which answers the first-start dialog and prints the main window's id at 1600x1000.
# Runs target/leverdesk.jar when present, else CLASSES (a copy of target/classes, so a build running
# meanwhile cannot change what is measured; CLASSES wins over the jar) or target/classes with the Maven
# class path. JAVA picks the JDK (default: the newest in /usr/lib/jvm); JAVA_OPTS go to the JVM.
# Sets: JAVA, SCRATCH, LOG (the app's log), APP (its pid), DISPLAY.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*/bin/java | sort -V | tail -1)}
SCRATCH=$(mktemp -d "/tmp/leverdesk-${HARNESS_NAME:-measure}.XXXXXX")
export XDG_CONFIG_HOME=$SCRATCH/config XDG_DATA_HOME=$SCRATCH/data
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
LOG=$XDG_DATA_HOME/leverdesk/logs/leverdesk.log
Xvfb -displayfd 3 -screen 0 1600x1000x24 3>"$SCRATCH/display" >/dev/null 2>&1 & XVFB=$!
APP=
cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null; kill "$XVFB" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$SCRATCH"; }
trap cleanup EXIT
for _ in $(seq 1 50); do [ -s "$SCRATCH/display" ] && break; sleep 0.2; done
export DISPLAY=:$(head -1 "$SCRATCH/display")
if [ -z "${CLASSES:-}" ] && [ -f target/leverdesk.jar ]; then
  CMD=("$JAVA" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar target/leverdesk.jar)
else
  [ -f target/classpath.txt ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
  CMD=("$JAVA" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -cp "${CLASSES:-target/classes}:$(cat target/classpath.txt)" org.leverdesk.app.Main)
fi
# starts the window; its output goes to $SCRATCH/app.out
start_window() { "${CMD[@]}" gui --prices "$PRICES" --data-dir "$SCRATCH/store" >"$SCRATCH/app.out" 2>&1 & APP=$!; }
window() { for _ in $(seq 1 180); do W=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 || true); [ -n "$W" ] && { echo "$W"; return; }; sleep 1; done; echo "no window '$1'" >&2; exit 1; }
# first start: the dialog's default button (bottom right) starts on the demo market; the main window
# then goes to the top left at 1600x1000, and its id is printed
main_window_on_demo() {
  local D M
  D=$(window "first start") || return 1
  eval "$(xdotool getwindowgeometry --shell "$D")"
  xdotool mousemove $((X + WIDTH - 110)) $((Y + HEIGHT - 26)) click 1
  M=$(window "^Leverdesk · (PAPER|DEMO|LIVE)$") || return 1
  xdotool windowmove "$M" 0 0
  xdotool windowsize "$M" 1600 1000
  echo "$M"
}
