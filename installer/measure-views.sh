#!/bin/bash
# How long each view of the real window takes to open the first time.
#
#   installer/measure-views.sh [PRICES_DIR] [WAIT_SECONDS]
#
# Starts the window (target/classes + the Maven class path, or target/leverdesk.jar when present) under
# its own Xvfb display with scratch XDG folders and a scratch --data-dir, takes the demo start in the
# first-run dialog, waits WAIT_SECONDS (default 10) for the app to be up and idle, then opens every view
# once through the navigation list (a click on its first entry, then the Down key, one view at a time,
# each after the previous one logged its opening) and prints the "… view open in …" lines of
# logs/leverdesk.log (ui.common.ViewTiming) and the load average before and after.
# The Dashboard is the first view: it opens with the window, so its line is the window's start.
# JAVA_OPTS=-Dleverdesk.prepareViews=false measures without the preparation of views in idle time.
# Run it at a high priority on a shared machine (as root): nice -n -10 installer/measure-views.sh
# Needs Xvfb, xdotool and a JDK 21+ (JAVA, else the newest in /usr/lib/jvm). Everything it starts is
# stopped at the end; nothing outside the scratch folder is written. JAVA_OPTS are passed to the JVM.
set -euo pipefail
PRICES=${1:-../shared/data/prices}
WAIT=${2:-10}
HARNESS_NAME=views
# shellcheck source=window-harness.sh
source "$(dirname "$0")/window-harness.sh"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
start_window
rss() { awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$APP/status; }
opened() { grep -c " view open in " "$LOG" 2>/dev/null || true; }

M=$(main_window_on_demo)
for _ in $(seq 1 120); do [ "$(opened)" -ge 1 ] && break; sleep 0.5; done
sleep "$WAIT"
echo "up, RSS $(rss) before the views are prepared"
# the window prepares the views not opened yet in idle time (decision record 0034): wait until that is done
# (the line "3 views prepared in idle time in …"; at most 5 minutes; not at all with -Dleverdesk.prepareViews=false)
case "${JAVA_OPTS:-}" in *prepareViews=false*) ;; *)
  for _ in $(seq 1 300); do grep -q " views prepared in idle time " "$LOG" && break; sleep 1; done; sleep 2 ;; esac
echo "up, RSS $(rss), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the navigation list's first entry (the window at 0,0; the menu bar, then the app's title above the list)
xdotool mousemove "${NAV_X:-60}" "${NAV_Y:-${NAV_FIRST_Y:-78}}" click 1
sleep 1
for _ in $(seq 1 "${VIEW_COUNT:-11}"); do
  before=$(opened)
  xdotool key Down
  for _ in $(seq 1 120); do [ "$(opened)" -gt "$before" ] && break; sleep 0.25; done
  [ "$(opened)" -gt "$before" ] || { echo "no new view opened after Down (the list's last entry?)"; break; }
  sleep "${PAUSE:-2}"
done
[ -n "${SHOT:-}" ] && import -window root "$SHOT"
echo "all opened, RSS $(rss), load average $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E " view open in |classes of the views| view prepared in | views prepared in idle| view ready, resident" "$LOG" | sed -E 's/^.*(INFO|DEBUG) +//'
