#!/usr/bin/env bash
# The daily self check-in: asked once a day over the first frame, answered with the
# keyboard (the two-circle scale, emotions from the picker, the loneliness questions),
# never asked again that day, and shown in the insights.
source "$(dirname "$0")/lib.sh" "$@"
rm "$HOME/.config/kith/config.toml"

"$KITH" add "Zoë" >/dev/null
"$KITH" log zoe --date 3d --feel happy >/dev/null
# One earlier check-in, so that the loneliness questions come along (never on the first).
"$KITH" checkin --self 3 --date 5d >/dev/null

start 80 24
wait_for "How connected do you feel today?"
wait_for "4 of 7: close"
T send-keys -t kith Right Right
wait_for "6 of 7: very close"
T send-keys -t kith 2
wait_for "2 of 7: barely touching"
T send-keys -t kith 6
wait_for "6 of 7: very close"
pass "the question shows the scale and moves with ←/→ and 1-7"

T send-keys -t kith e
wait_for "pleasant"
T send-keys -t kith / c a l m Enter
wait_for "Feelings: calm"
pass "e opens the picker and the chosen emotion comes back"

T send-keys -t kith Enter
wait_for "How often do you feel that you lack companionship?"
T send-keys -t kith Right Enter
wait_for "How often do you feel left out?"
T send-keys -t kith Enter
wait_for "How often do you feel isolated from others?"
T send-keys -t kith 3 Enter
wait_for "Noted for today: feeling 6 of 7 connected; calm; loneliness 6 of 9 (your three"
wait_for "answers added: 3 is hardly ever lonely, 9 often on all three)."
pass "the loneliness questions follow and everything is saved"

T send-keys -t kith q
wait_exit
start 80 24
wait_for "Zoë"
sleep 0.5
if screen | grep -qF "How connected do you feel today?"; then echo "FAIL: asked twice in a day"; screen; exit 1; fi
T send-keys -t kith C
wait_for "How connected do you feel today?"
T send-keys -t kith Escape
wait_gone "How connected do you feel today?"
T send-keys -t kith q
wait_exit
pass "not asked again the same day; C asks on request and Esc leaves it"

"$KITH" insights --width 80 | grep -qF "4.5 over 2 check-ins; 1 moment." || { echo "FAIL: insights lack the check-in"; "$KITH" insights --width 80; exit 1; }
"$KITH" insights --width 80 | grep -qF "Loneliness questions (3 hardly ever … 9 often): 6 on" || { echo "FAIL: insights lack loneliness"; exit 1; }
pass "the check-in shows in the overall insights"
