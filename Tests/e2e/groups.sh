#!/usr/bin/env bash
# Groups in the full screen (issue 16, point 14): n, e and x in the groups view add,
# edit and remove a group (they once sent the user to `kith group add`), and a group's
# check-in asks who was there.
source "$(dirname "$0")/lib.sh" "$@"

for name in "Ana Lima" "Ben Okafor" "Cy Park"; do "$KITH" add "$name" >/dev/null; done
start 100 30
wait_for "Ana Lima"
T send-keys -t kith r
wait_for "Groups"
T send-keys -t kith n
wait_for "Add a group"
T send-keys -t kith C h o i r Tab 2 w Tab Tab
wait_for "0 of 3 ticked"
T send-keys -t kith a Space c Space
wait_for "2 of 3 ticked"
T send-keys -t kith C-s
wait_for "Added the group Choir."
"$KITH" group show choir --json | python3 -c '
import json, sys
g = json.load(sys.stdin)
names = sorted(m["name"] if isinstance(m, dict) else m for m in g["members"])
assert names == ["Ana Lima", "Cy Park"], names
assert g["cadenceDays"] == 14, g
' || { echo "FAIL: the group was not stored as typed"; "$KITH" group show choir --json; exit 1; }
pass "n in the groups view adds a group with its cadence and the members ticked"

T send-keys -t kith e
wait_for "Edit the group Choir"
T send-keys -t kith C-u S i n g e r s Tab Tab Tab b Space a Space C-s
wait_for "Saved the group Singers."
"$KITH" group show singers | grep -qF "Ben Okafor" || { echo "FAIL: Ben was not added"; "$KITH" group show singers; exit 1; }
"$KITH" group show singers | grep -qF "Ana Lima" && { echo "FAIL: Ana was not removed"; exit 1; }
pass "e renames the group and changes who belongs"

T send-keys -t kith c
wait_for "who"
T send-keys -t kith Space C-s
wait_for "Logged a moment"
"$KITH" history --group singers --json | python3 -c '
import json, sys
ms = json.load(sys.stdin)
assert len(ms) == 1 and len(ms[0]["people"]) == 1, ms
' || { echo "FAIL: the group check-in did not keep who was there"; "$KITH" history --group singers --json; exit 1; }
pass "a group check-in logs only the members ticked"

T send-keys -t kith x
wait_for "Remove the group Singers?"
wait_for "Its one moment keeps their people"
T send-keys -t kith y
wait_for "Removed the group Singers"
"$KITH" group list | grep -qF "Singers" && { echo "FAIL: the group is still there"; exit 1; }
"$KITH" history cy | grep -q . || { echo "FAIL: the moment went with the group"; exit 1; }
pass "x removes the group after asking; its moments stay with their people"
T send-keys -t kith q
