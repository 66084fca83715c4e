#!/usr/bin/env bash
# Hostile text in the full screen: notes, group names and emotions carrying ESC, CSI and
# OSC sequences, BEL, C1 controls and bidi overrides, and a 100,000-character note. Every
# byte kith writes to the terminal is captured (tmux pipe-pane): none of the injected
# sequences may reach it, the screen must stay whole, and the text must stay stored as
# it was given.
source "$(dirname "$0")/lib.sh" "$@"

evil=$'\e]0;PWNED\a\e[31mRED\e[2J\x07\u009b6n\u202egnp.exe\u0085end'
"$KITH" add "Zoë" >/dev/null
"$KITH" group add "Club" --member zoe --note "$evil" >/dev/null
"$KITH" log zoe --note "$evil" --feel happy >/dev/null
python3 -c 'print("long " * 20000, end="")' > "$WORK/long.txt"
"$KITH" log zoe --date 1d --note "$(cat "$WORK/long.txt")" >/dev/null

start 100 30
T pipe-pane -o -t kith "cat >> '$WORK/bytes'"
wait_for "Zoë · 2 moments"
T send-keys -t kith Tab Enter              # the timeline, then the moment with the injected note
wait_for "PWNED"
T send-keys -t kith Escape j Enter         # the 100,000-character note
wait_for "long long"
T send-keys -t kith Escape Tab r           # the roster's groups
wait_for "Club"
T send-keys -t kith q
wait_exit
python3 - "$WORK/bytes" <<'PY'
import sys
raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8", "replace")
for bad, what in [("\x1b]0;PWNED", "an OSC title sequence"), ("\x1b[31mRED", "a colour sequence from a note"),
                  ("\x1b[2J", "a clear-screen sequence"), ("\x07", "a BEL"), ("\u009b", "a C1 CSI"),
                  ("\u202e", "a bidi override"), ("\u0085", "a C1 NEL")]:
    if bad in text:
        print(f"FAIL: {what} reached the terminal"); sys.exit(1)
if "PWNED" not in text:
    print("FAIL: the note's text itself was not shown"); sys.exit(1)
print(f"PASS: {len(raw)} bytes written to the terminal, none of the injected controls among them")
PY
[[ $("$KITH" history zoe --json | python3 -c 'import json,sys; print(max(len(m["note"]) for m in json.load(sys.stdin)))') == 100000 ]] \
    || { echo "FAIL: the long note was not stored whole"; exit 1; }
"$KITH" history zoe --json | python3 -c '
import json, sys
notes = [m["note"] for m in json.load(sys.stdin)]
assert any(n.startswith("\x1b]0;PWNED\x07") and "\u202e" in n for n in notes), notes
' || { echo "FAIL: the hostile note was not stored as given"; exit 1; }
pass "hostile text is stored as given and shown without a single raw control"
