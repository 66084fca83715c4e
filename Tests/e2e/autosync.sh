#!/usr/bin/env bash
# [sync] auto = true: the full screen syncs when it opens and after a save, in the
# background. Two devices share one folder; the engine is a command that does nothing
# (the folder itself is shared, as Syncthing would share it).
source "$(dirname "$0")/lib.sh" "$@"

printf 'self_checkin = false\n[sync]\ndir = "%s"\ncommand = "true"\nauto = true\n' "$WORK/vdir" > "$HOME/.config/kith/config.toml"
B="$WORK/b"
mkdir -p -m 700 "$B/cfg/kith"
printf 'self_checkin = false\n[sync]\ndir = "%s"\n' "$WORK/vdir" > "$B/cfg/kith/config.toml"
kb() { HOME=$B XDG_CONFIG_HOME=$B/cfg KITH_STORE=$B/kith.sqlite "$KITH" "$@"; }

kb add "Zoë" >/dev/null
kb log zoe --note "from the laptop" >/dev/null
kb sync --offline >/dev/null

start 100 30
wait_for "Synced: received 2."
wait_for "Zoë"
wait_for "from the laptop"
pass "opening the full screen syncs in the background and shows what came in"

T send-keys -t kith c
wait_for "Check in with Zoë"
T send-keys -t kith -l "from the phone"
T send-keys -t kith C-s
wait_for "Logged a moment"
# The save is followed by a sync: the other device finds the moment in the folder.
for _ in $(seq 100); do
    out=$(kb sync --offline)
    [[ $out == *"received 1"* ]] && break
    sleep 0.1
done
[[ $out == *"received 1"* ]] || { echo "FAIL: the save did not reach the folder: $out"; exit 1; }
kb history zoe | grep -qF "from the phone" || { echo "FAIL: the other device lacks the moment"; exit 1; }
pass "a save in the full screen is synced without a key waiting for it"
T send-keys -t kith q
