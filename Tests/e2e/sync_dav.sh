#!/usr/bin/env bash
# One journal on two devices through a real Radicale (CalDAV/CardDAV) carried by a real
# vdirsyncer, as the README sets it up: everything arrives intact, a second sync changes
# nothing anywhere, edits on both sides merge (through vdirsyncer's conflict command
# when they meet in one record), and a delete travels.
source "$(dirname "$0")/synclib.sh" "$@"

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p -m 700 "$WORK/server"
cat > "$WORK/server/config" <<CONF
[server]
hosts = 127.0.0.1:$PORT
[auth]
type = none
[storage]
filesystem_folder = $WORK/server/storage
predefined_collections = {"contacts": {"tag": "VADDRESSBOOK"}, "journal": {"tag": "VCALENDAR", "C:supported-calendar-component-set": "VJOURNAL,VTODO"}}
[web]
type = none
[logging]
level = warning
CONF
radicale -C "$WORK/server/config" > "$WORK/server/log" 2>&1 &
RADICALE=$!
trap 'kill $RADICALE 2>/dev/null || true; wait $RADICALE 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/')" 2>/dev/null && break
    sleep 0.1
done

# A device as the README sets one up: the folder first, then vdirsyncer's discover.
dav_device() {
    local d=$WORK/$1
    device "$1" "command = \"vdirsyncer -c '$d/vdirsyncer.conf' sync\""
    cat > "$d/vdirsyncer.conf" <<CONF
[general]
status_path = "$d/vdirsyncer-status"

[pair kith_contacts]
a = "kith_contacts_local"
b = "kith_contacts_remote"
collections = null
conflict_resolution = ["command", "$KITH", "sync", "merge"]

[storage kith_contacts_local]
type = "filesystem"
path = "$d/vdir/contacts"
fileext = ".vcf"

[storage kith_contacts_remote]
type = "carddav"
url = "http://127.0.0.1:$PORT/kith/contacts/"
username = "kith"
password = "unused"

[pair kith_journal]
a = "kith_journal_local"
b = "kith_journal_remote"
collections = null
conflict_resolution = ["command", "$KITH", "sync", "merge"]

[storage kith_journal_local]
type = "filesystem"
path = "$d/vdir/journal"
fileext = ".ics"

[storage kith_journal_remote]
type = "caldav"
url = "http://127.0.0.1:$PORT/kith/journal/"
username = "kith"
password = "unused"
CONF
    k "$1" sync --offline >/dev/null
    vdirsyncer -c "$d/vdirsyncer.conf" discover </dev/null >/dev/null 2>&1 || fail "vdirsyncer discover for $1"
}

dav_device a
dav_device b
fill a
out=$(k a sync) || fail "first sync on a: $out"
[[ $out == "sent 9, received 0, merged 0." ]] || fail "a's first sync said: $out"
out=$(k b sync) || fail "first sync on b: $out"
[[ $out == "sent 0, received 9, merged 0." ]] || fail "b's first sync said: $out"
same a b || fail "b's journal is not a's"
pass "A → Radicale → B arrives intact: names and notes with commas, semicolons, backslashes, line ends, emoji, CJK"

server_state() { find "$WORK/server/storage" -type f ! -name '.Radicale.lock' -printf '%P %s %T@\n' | sort; }
before=$(server_state)
for d in a b a b; do
    out=$(k $d sync) || fail "sync on $d: $out"
    [[ $out == "sent 0, received 0, merged 0." ]] || fail "a sync with nothing changed on $d said: $out"
done
[[ $(server_state) == "$before" ]] || fail "a sync with nothing changed touched the server"
pass "a second sync on both sides changes no file, and nothing is uploaded"

# Different fields of one record on both devices: they meet in vdirsyncer's conflict command.
k a edit "Ben Okafor" --note "moved to Porto" >/dev/null
k b edit "Ben Okafor" --circle close >/dev/null
k a sync >/dev/null || fail "sync a after the edit"
out=$(k b sync) || fail "sync b after the edit: $out"
k a sync >/dev/null || fail "sync a to receive the merge"
for d in a b; do
    k $d show "Ben Okafor" | grep -qF "moved to Porto" || fail "$d lost a's note: $(k $d show 'Ben Okafor')"
    k $d show "Ben Okafor" | grep -qi "close" || fail "$d lost b's circle: $(k $d show 'Ben Okafor')"
done
same a b || fail "the journals differ after the merge"
pass "different fields of one person edited on both devices both survive (vdirsyncer's conflict command)"

# The same note edited on both devices: both texts are kept, the later first.
ida=$(moment_id a coffee); idb=$(moment_id b coffee)
k a moment edit "$ida" --note "coffee, and she told me about Kyoto" >/dev/null
k b moment edit "$idb" --note "coffee at the station" >/dev/null
k a sync >/dev/null; k b sync >/dev/null; k a sync >/dev/null
for d in a b; do
    note=$(k $d history "Ben Okafor" --json | python3 -c 'import json,sys; print([m["note"] for m in json.load(sys.stdin) if m["note"].startswith("coffee")][0])')
    [[ $note == *"coffee at the station"* && $note == *"she told me about Kyoto"* && $note == *"the other edit"* ]] \
        || fail "$d's note after both edits: $note"
done
same a b || fail "the journals differ after the text merge"
pass "the same moment's note edited on both devices keeps both words"

ida=$(moment_id a "book: Middlemarch")
k a moment delete "$ida" >/dev/null
out=$(k a sync) || fail "sync a after the delete: $out"
out=$(k b sync) || fail "sync b after the delete: $out"
[[ $out == *"deleted 1 here"* ]] || fail "b's sync after the delete said: $out"
k b history --json | grep -qF "Middlemarch" && fail "the deleted moment is still on b"
same a b || fail "the journals differ after the delete"
pass "a delete on A reaches B"

# A reminder marked done travels: its COMPLETED is a date-time (Radicale refused a date
# and vdirsyncer then stopped the whole journal).
k a remind done 1 >/dev/null
out=$(k a sync) || fail "sync a after a reminder was marked done: $out"
k b sync >/dev/null || fail "sync b after the reminder was done"
k b remind list --all | grep -qiE "done.*interview|interview.*done" || fail "b's reminder is not done: $(k b remind list --all)"
pass "a reminder marked done reaches the other device"

# An edit back to an earlier content (a snooze set on b, lifted on a by a moment) is
# sent: vdirsyncer remembers a hash of the old content.
k b snooze "Ben Okafor" --until 2026-12-20 >/dev/null
k b sync >/dev/null; k a sync >/dev/null
k a show "Ben Okafor" | grep -q "snoozed" || fail "a did not receive b's snooze"
k a log "Ben Okafor" --note "lunch" >/dev/null
k a sync >/dev/null; k b sync >/dev/null
k b show "Ben Okafor" | grep -q "snoozed" && fail "b's snooze was lifted on a, but b never heard"
same a b || fail "the journals differ after the snooze was lifted"
pass "a record edited back to an earlier content is sent all the same"
