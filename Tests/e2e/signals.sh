#!/usr/bin/env bash
# SIGTERM, SIGHUP (the terminal window closing) and SIGINT end the full screen as q
# does: the terminal is restored, `kith --demo` removes its throwaway store, and kith
# then dies of the signal, as whoever sent it expects.
source "$(dirname "$0")/lib.sh" "$@"

mkdir -p "$WORK/tmp"
for sig in TERM HUP INT; do
    rm -f "$WORK/rc"
    T new-session -d -s kith -x 100 -y 30 "env TMPDIR='$WORK/tmp' '$KITH' --demo; echo \$? > '$WORK/rc'; sleep 30"
    wait_for "moments"
    demo=$(find "$WORK/tmp" -maxdepth 1 -name "kith-demo-*" | wc -l)
    [[ $demo == 1 ]] || { echo "FAIL: $sig: the demo store was not made ($demo)"; exit 1; }
    pid=$(pgrep -f "^$KITH --demo" | head -1)
    [[ -n $pid ]] || { echo "FAIL: $sig: kith is not running"; exit 1; }
    kill -"$sig" "$pid"
    deadline=$((SECONDS + 10))
    until [[ -s $WORK/rc ]]; do
        ((SECONDS < deadline)) || { echo "FAIL: $sig: kith did not end"; screen; exit 1; }
        sleep 0.05
    done
    want=$((128 + $(kill -l "$sig")))
    [[ $(cat "$WORK/rc") == "$want" ]] || { echo "FAIL: $sig: exit status $(cat "$WORK/rc"), not $want"; exit 1; }
    left=$(find "$WORK/tmp" -maxdepth 1 -name "kith-demo-*" | wc -l)
    [[ $left == 0 ]] || { echo "FAIL: $sig: the demo store was left behind"; exit 1; }
    # The full screen is gone: the shell's own screen is back.
    if screen | grep -qF "People"; then echo "FAIL: $sig: the full screen was left on the terminal"; screen; exit 1; fi
    T kill-session -t =kith
done
pass "SIGTERM, SIGHUP and SIGINT restore the terminal, remove the demo store and end kith with the signal"
