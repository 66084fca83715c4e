#!/usr/bin/env bash
# Pastes are text, never keys (bracketed paste), and a long one is taken whole; Ctrl-Z
# suspends kith to the shell and fg brings the screen back. Before, a pasted
# "ESC y Tab d y" discarded the form and deleted a moment, a pasted Ctrl-S saved half a
# paste, 100 KB froze the screen for a minute, and Ctrl-Z did nothing.
source "$(dirname "$0")/lib.sh" "$@"

"$KITH" add "Zoë" >/dev/null
"$KITH" log zoe --note "keep me" >/dev/null
start 100 30
wait_for "Zoë"
T send-keys -t kith c
wait_for "Check in with Zoë"
T send-keys -t kith Tab Tab Tab Tab Tab Tab     # to the note
T set-buffer -b p "$(printf 'innocent text\033y\tdy\023 after')"
T paste-buffer -p -b p -t kith
wait_for "innocent text"
wait_for "dy after"
screen | grep -qF "Check in with Zoë" || { echo "FAIL: the paste closed the form"; screen; exit 1; }
T send-keys -t kith C-s
wait_for "Logged a moment"
notes=$("$KITH" history zoe --json | grep -c '"note"')
[[ $notes == 2 ]] || { echo "FAIL: $notes moments after the paste (keep me must stay)"; exit 1; }
"$KITH" history zoe | grep -qF "keep me" || { echo "FAIL: a moment was deleted by the paste"; exit 1; }
pass "a paste holding Esc, y, Tab and Ctrl-S is text, and deletes nothing"

T send-keys -t kith c
wait_for "Check in with Zoë"
T send-keys -t kith Tab Tab Tab Tab Tab Tab
head -c 100000 /dev/zero | tr '\0' 'x' > "$WORK/big.txt"
printf 'END' >> "$WORK/big.txt"
T load-buffer -b big "$WORK/big.txt"
T paste-buffer -p -b big -t kith
wait_for "xxxEND"
T send-keys -t kith C-s
wait_for "Logged a moment"
len=$("$KITH" history zoe --json | python3 -c 'import json,sys; print(max(len(m["note"]) for m in json.load(sys.stdin)))')
[[ $len == 100003 ]] || { echo "FAIL: the long paste stored $len characters"; exit 1; }
pass "100 KB pasted into the note, whole and at once"
T send-keys -t kith q
wait_exit

# Ctrl-Z from a shell with job control, then fg.
T new-session -d -s kith -x 100 -y 30 "env -i HOME='$HOME' PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=tmux-256color KITH_STORE='$KITH_STORE' KITH_TODAY=2026-11-22 bash --norc --noprofile -i"
sleep 0.3
T send-keys -t kith -l "PS1='sh$ '; '$KITH'"
T send-keys -t kith Enter
wait_for "j/k move"
T send-keys -t kith C-z
wait_for "Stopped"
wait_gone "j/k move"
T send-keys -t kith -l "fg"
T send-keys -t kith Enter
wait_for "j/k move"
T send-keys -t kith q
wait_for "sh$"
pass "Ctrl-Z suspends to the shell and fg brings the screen back"
