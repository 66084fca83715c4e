#!/usr/bin/env bash
# Midnight with the full screen open (faketime starts kith's clock at 23:59:5x and lets
# it run): the header turns to the new day while kith sits idle, a check-in opened after
# midnight is logged on the new day, and one opened before midnight keeps its day and
# says so. Before, kith read the date once at launch and logged on yesterday.
source "$(dirname "$0")/lib.sh" "$@"
command -v faketime >/dev/null || { echo "FAIL: faketime is missing (apt-get install -y faketime)"; exit 1; }

"$KITH" add "Zoë" >/dev/null
unset KITH_TODAY
late() { T new-session -d -s kith -x 100 -y 30 "faketime -f '@2026-12-05 $1' '$KITH'"; }

late 23:59:54
wait_for "Sat 5 Dec 2026"
wait_for "It is Sun 6 Dec 2026 now."
T send-keys -t kith c
wait_for "Check in with Zoë"
T send-keys -t kith C-s
wait_for "Logged a moment with Zoë on Sun 6 Dec 2026"
pass "idle over midnight: the header turns, and a check-in goes on the new day"
T send-keys -t kith q
wait_exit

late 23:59:56
wait_for "Sat 5 Dec 2026"
T send-keys -t kith c
wait_for "Check in with Zoë"
wait_for "stays on Sat 5 Dec 2026"
T send-keys -t kith C-s
wait_for "Logged a moment with Zoë on Sat 5 Dec 2026"
pass "a check-in opened before midnight keeps its day and says so"
T send-keys -t kith q
wait_exit

days=$(KITH_TODAY=2026-12-06 "$KITH" history zoe --json | grep -o '"date" *: *"[0-9-]*"' | grep -o '20[0-9-]*' | sort | tr '\n' ' ')
[[ $days == "2026-12-05 2026-12-06 " ]] || { echo "FAIL: stored days are: $days"; exit 1; }
pass "the store holds one moment on each day"
