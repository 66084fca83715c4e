# Helpers for the sync stories: two devices (two stores, two folders) on one machine.
# Usage: source synclib.sh KITH_BINARY WORKDIR
set -euo pipefail
KITH=$1
WORK=$2
export LANG=C.UTF-8 LC_ALL=C.UTF-8 KITH_TODAY=2026-11-22
# Nothing of the machine's own config: not kith's, not git's, not vdirsyncer's.
unset XDG_DATA_HOME XDG_CONFIG_HOME VDIRSYNCER_CONFIG
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; exit 1; }

# k DEVICE ARGS...: kith as that device runs it.
k() {
    local d=$WORK/$1
    shift
    HOME=$d XDG_CONFIG_HOME=$d/cfg KITH_STORE=$d/kith.sqlite "$KITH" "$@"
}

# device NAME [SYNC-CONFIG-LINES]: a home, a store and a config with [sync].
device() {
    local d=$WORK/$1
    mkdir -p -m 700 "$d" "$d/cfg/kith"
    printf 'self_checkin = false\n[sync]\ndir = "%s/vdir"\n%s\n' "$d" "${2:-}" > "$d/cfg/kith/config.toml"
}

# fill DEVICE: people whose names and notes hold commas, semicolons, backslashes, line
# ends, emoji and CJK; a group; moments with every field; a reminder; a snooze; a day.
fill() {
    k "$1" add "Zoë O'Brien, Jr.; \\ 李小龍 🎸" --circle inner --every 2w --birthday 1990-11-30 \
        --note "$(printf 'first line, with a comma\nsecond; with \\ a backslash 🎸')" >/dev/null
    k "$1" add "Ben Okafor" --nickname Benny >/dev/null
    k "$1" add "山田太郎" --circle close >/dev/null
    k "$1" group add "Book club, Thursdays" --every 3w --member "Ben Okafor" --member "山田太郎" --note "at Ben's; bring, snacks" >/dev/null
    k "$1" log "Zoë O'Brien, Jr.; \\ 李小龍 🎸" --date 2026-11-20 --time 18:30 --via call --reached-out them \
        --kind fun,heart-to-heart --feel happy,sad:2 --uplift -1 --depth vulnerable --received safe \
        --note "$(printf 'she got the job, in Kyoto;\n\ttabbed \\ line 李')" >/dev/null
    k "$1" log --group "Book club, Thursdays" --date 2026-11-19 --kind fun --feel amused:3 --note "book: Middlemarch" >/dev/null
    k "$1" log "Ben Okafor" --date 2026-11-21 --via message --note "coffee" >/dev/null
    k "$1" remind add "Ben Okafor" "ask how the interview went, and the move" --on 2026-11-25 >/dev/null
    k "$1" snooze "山田太郎" --until 2026-12-01 >/dev/null
    k "$1" checkin --self 5 --feel calm:2 --lonely some,hardly-ever,often >/dev/null
}

# same A B: the two stores hold the same journal (local ids aside).
same() {
    k "$1" export json > "$WORK/$1.json"
    k "$2" export json > "$WORK/$2.json"
    python3 "$(dirname "${BASH_SOURCE[0]}")/compare_json.py" "$WORK/$1.json" "$WORK/$2.json"
}

# moment_id DEVICE NOTE-PREFIX: the id `kith history --json` gives the moment.
moment_id() {
    k "$1" history --json | python3 -c '
import json, sys
print(next(m["id"] for m in json.load(sys.stdin) if m["note"].startswith(sys.argv[1])))' "$2"
}
