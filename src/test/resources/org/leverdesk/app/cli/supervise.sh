#!/bin/sh
# A minimal stand-in for systemd running resources/systemd/leverdesk.service, for tests:
# Restart=on-failure, RestartPreventExitStatus=2, SuccessExitStatus=143, KillSignal=SIGTERM.
# Usage: supervise.sh LOG RESTART_SECONDS COMMAND [ARG...]
log=$1
delay=$2
shift 2
child=
stopping=0
trap 'stopping=1; echo "stop requested: SIGTERM to $child" >> "$log"; [ -n "$child" ] && kill -TERM "$child"' TERM INT
while :; do
    "$@" &
    child=$!
    echo "started $child" >> "$log"
    wait "$child"
    code=$?
    # A trap interrupts wait (status > 128) while the child still shuts down: wait for its own exit status.
    while [ "$code" -gt 128 ] && kill -0 "$child" 2>/dev/null; do
        wait "$child"
        code=$?
    done
    echo "exited $code" >> "$log"
    case $code in
        0|143) echo "stopped cleanly" >> "$log"; exit 0 ;;
        2) echo "refused to start: not restarted" >> "$log"; exit 2 ;;
    esac
    if [ "$stopping" = 1 ]; then
        exit "$code"
    fi
    echo "failed: restarting in $delay s" >> "$log"
    sleep "$delay"
done
