#!/usr/bin/env bash
# Two kiths at once and a store that stops taking writes: the TUI stays open while
# `kith log` runs from another shell (as from cron), both succeed, and the new moment
# shows in the TUI within about a second without a restart. Then another process holds
# the write lock too long: saving fails with one clear line, the form keeps what was
# typed, and once the lock is gone the same form saves.
source "$(dirname "$0")/lib.sh" "$@"

"$KITH" add "Zoë Ångström" --circle inner >/dev/null
"$KITH" log zoe --date 3d --note "first coffee" >/dev/null
"$KITH" add "Ada Lovelace" >/dev/null
"$KITH" log ada --date 5d --note "long walk" >/dev/null
start 100 30
wait_for "Zoë Ångström · 1 moment"
wait_for "first coffee"

# Another process writes while the TUI is open; the TUI is idle on the roster.
"$KITH" log zoe --note "from cron" --feel grateful >/dev/null
started=$SECONDS
wait_for "Zoë Ångström · 2 moments"
wait_for "from cron"
if ((SECONDS - started > 3)); then echo "FAIL: the new moment took $((SECONDS - started)) s to show"; exit 1; fi
pass "a moment logged by another process shows in the open TUI without a restart"

# The neighbour's page was read ahead while the TUI sat idle; another process writes to
# it; moving there shows the new moment, not the page read before.
"$KITH" log ada --note "read ahead, then changed" >/dev/null
sleep 1.2
T send-keys -t kith j
wait_for "Ada Lovelace · 2 moments"
wait_for "read ahead, then changed"
T send-keys -t kith k
wait_for "Zoë Ångström · 2 moments"
pass "a page read ahead is not shown stale after another process wrote to it"

# Several writers in a row, one of them while the TUI itself saves.
for i in 1 2 3; do "$KITH" log zoe --note "loop $i" >/dev/null & done
T send-keys -t kith c
wait_for "Check in with Zoë Ångström"
T send-keys -t kith Tab Tab Tab Tab Tab Tab
T send-keys -t kith -l "from the TUI"
T send-keys -t kith C-s
wait
wait_gone "Check in with"
wait_for "Zoë Ångström · 6 moments"
pass "the TUI and three kith log processes all saved"

# Another process holds the store's write lock longer than kith waits (5 s): the save
# fails with one clear line, the form keeps what was typed, and the same form saves once
# the lock is gone.
python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(7)
c.execute("ROLLBACK")
' "$KITH_STORE" "$WORK/locked" &
holder=$!
while [[ ! -f $WORK/locked ]]; do sleep 0.05; done
T send-keys -t kith c
wait_for "Check in with Zoë Ångström"
T send-keys -t kith Tab Tab Tab Tab Tab Tab
T send-keys -t kith -l "kept while the store is locked"
T send-keys -t kith C-s
wait_for "busy"
wait_for "Check in with Zoë Ångström"
wait_for "kept while the store is locked"
pass "a write that fails keeps the form and what was typed"
wait $holder
T send-keys -t kith C-s
wait_gone "Check in with"
wait_for "Zoë Ångström · 7 moments"
pass "once the lock is gone, the same form saves"

T send-keys -t kith q
wait_exit
[[ $("$KITH" history zoe | grep -c "kept while the store is locked") == 1 ]] || { echo "FAIL: the saved moment is missing"; exit 1; }
pass "everything is in the store"
