#!/usr/bin/env bash
# The Today view and `kith due` agree: the same people, the same suggestion for each
# (the suggestion reads the kinds of the last moment, which the Today view once did not
# have), and the header counts what they count: snoozed people are not due.
source "$(dirname "$0")/lib.sh" "$@"

for n in Amy Bo Cy Di Ed Flo Gus Hal; do
    "$KITH" add "$n" --circle close --for both >/dev/null
    "$KITH" log "$n" --date 2m --kind heart-to-heart --feel sad >/dev/null
done
"$KITH" snooze amy --until 2w >/dev/null
"$KITH" due --all > "$WORK/due"
grep -q "Due today (7)" "$WORK/due" || { echo "FAIL: kith due:"; cat "$WORK/due"; exit 1; }

T new-session -d -s kith -x 120 -y 40 "'$KITH'"
wait_for "7 overdue"
T send-keys -t kith t
wait_for "Today · 7 due"
screen > "$WORK/today"
python3 - "$WORK/due" "$WORK/today" <<'PY'
import re, sys
due = {}
for line in open(sys.argv[1]):
    m = re.match(r"\s+!\s+(\w+)\s+overdue\s+\d+ days \(every \d+\)\s+(.*\S)", line)
    if m:
        due[m.group(1)] = m.group(2)
rows = [re.sub(r"^┃|┃.*$", "", l).strip() for l in open(sys.argv[2]).read().splitlines()[2:]]
seen = {}
for i, r in enumerate(rows):
    m = re.match(r"! (\w+) · \d+d of \d+d$", r)
    if m and i + 1 < len(rows):
        seen[m.group(1)] = rows[i + 1]
if "Amy" in seen or len(seen) < 5:
    print(f"FAIL: the Today view shows {sorted(seen)}"); sys.exit(1)
for name, shown in seen.items():
    want = due.get(name)
    cut = shown.rstrip("…")
    if want is None or not want.startswith(cut):
        print(f"FAIL: {name}: Today says {shown!r}, kith due says {want!r}"); sys.exit(1)
print(f"PASS: the Today view and kith due agree on {len(seen)} people and what to do about each")
PY
T send-keys -t kith q
wait_exit

# A history of exactly a first page (19 moments at 120x40) is counted exactly, not "19+".
"$KITH" add Ida >/dev/null
for i in $(seq 1 19); do "$KITH" log ida --date "${i}d" >/dev/null; done
T new-session -d -s kith -x 120 -y 40 "'$KITH'"
wait_for "overdue"
T send-keys -t kith / i d a Enter
wait_for "Ida · 19 moments"
if screen | grep -qF "Ida · 19+"; then echo "FAIL: a history of exactly one page is counted as more"; exit 1; fi
T send-keys -t kith q
wait_exit
pass "a history of exactly one page shows its exact count"
