#!/usr/bin/env bash
# The first run and the daily check-in: open kith on an empty store, add a person, log a
# moment with two emotions from the picker and a note with wide text, see it at once,
# quit, relaunch, still there; then the demo.
source "$(dirname "$0")/lib.sh" "$@"

start 80 24
wait_for "Welcome to kith"
T send-keys -t kith n
wait_for "Add a person"
T send-keys -t kith -l "Zoë Ångström"
T send-keys -t kith Tab Tab Left Left    # circle: friends → inner
T send-keys -t kith C-s
wait_for "Added Zoë Ångström."
wait_for "i Zoë Ångst"
pass "first run: the welcome, then a person added from the TUI"

T send-keys -t kith c
wait_for "Check in with Zoë Ångström"
T send-keys -t kith Tab Tab Tab Enter          # via → reached out → kind → felt; Enter opens the picker
wait_for "How did it feel?"
T send-keys -t kith -l "/happ"
wait_for "filter: happ"
T send-keys -t kith Space Escape
T send-keys -t kith -l "sad"
T send-keys -t kith 2 Enter
wait_for "felt        happy sad:2"
T send-keys -t kith Tab Tab Tab                 # uplift → depth → note
T send-keys -t kith -l "山田 and 🌱"
T send-keys -t kith C-s
wait_gone "Check in with"
wait_for "Logged a moment with Zoë Ångström on Sun 22 Nov 2026 · happy, sad:2."
wait_for "Zoë Ångström · 1 moment"
wait_for "happy sad:2 · 山田 and 🌱"
pass "a check-in with two emotions and a wide note shows at once"

T send-keys -t kith c Tab Tab Tab Tab Tab Tab     # to the note
T send-keys -t kith -l "draft"
T send-keys -t kith Escape
wait_for "Discard this check-in?"
T send-keys -t kith n
wait_gone "Discard this check-in?"
wait_for "draft"
T send-keys -t kith Escape y
wait_gone "Check in with"
pass "Esc asks before throwing typed text away"

T send-keys -t kith q
wait_exit
start 80 24
wait_for "happy sad:2 · 山田 and 🌱"
T send-keys -t kith q
wait_exit
"$KITH" history zoe --json | grep -q '"note": "山田 and 🌱"' || { echo "FAIL: not in the store"; exit 1; }
pass "after a relaunch the moment is still there"

mkdir -p "$WORK/tmp"
start 120 40 "TMPDIR=$WORK/tmp" -- --demo
wait_for "Zoë Ångström"
wait_for "overdue"
T send-keys -t kith q
wait_exit
[ -z "$(ls -A "$WORK/tmp")" ] || { echo "FAIL: the demo left its store behind"; ls -la "$WORK/tmp"; exit 1; }
"$KITH" people | grep -q "Raj" && { echo "FAIL: the demo wrote into the user's store"; exit 1; }
pass "kith --demo opens a throwaway store and removes it"
