#!/usr/bin/env bash
# kith beside its peers, in one run on one machine: see BENCHMARKS.md.
#
#   Benchmarks/run.sh [--setup] [--no-gen] [--no-huge]
#
# --setup   installs the peers and tools first (Debian: calcurse, khal, khard, vit,
#           taskwarrior, hyperfine, time, tmux, an en_US.UTF-8 locale for ikhal).
# --no-gen  reuses the peer data and kith stores already under $PEERS.
# --no-huge skips the 1,000,000-moment store (its generation takes a few minutes).
#
# Data, raw results and the table go under $PEERS (default /tmp/kith-peers); the table
# is also printed. Uses the peer harness in ../shared/bench, never copied here.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${KITH_PEER_BENCH:-$ROOT/../shared/bench}
export PEERS=${PEERS:-/tmp/kith-peers}
args=" $* "
[ -f "$BENCH/tui_bench.py" ] || { echo "run.sh: the peer harness is not at $BENCH (set KITH_PEER_BENCH)" >&2; exit 2; }

if [[ $args == *" --setup "* ]]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq calcurse khal khard vit taskwarrior hyperfine time tmux locales >/dev/null
    sed -i 's/^# *en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/' /etc/locale.gen && locale-gen >/dev/null
fi
for tool in hyperfine calcurse /usr/bin/khard /usr/bin/ikhal vit tmux /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing; run with --setup (as root)" >&2; exit 2; }
done

echo "== building kith (release, Swift runtime linked in statically)" >&2
(cd "$ROOT" && swift build -c release --product kith --static-swift-stdlib --scratch-path "$ROOT/.build-bench" 2>&1 | tail -1) >&2
KITH=$ROOT/.build-bench/release/kith

if [[ $args != *" --no-gen "* ]]; then
    echo "== peer data" >&2
    rm -rf "$PEERS/data" "$PEERS/home"
    /usr/bin/python3 "$BENCH/gen_data.py" --root "$PEERS" >&2
fi
. "$PEERS/env.sh"
# The peers as Debian packages them (the baseline's set-up), ahead of any pip-installed copies.
export PATH=/usr/bin:/bin:$PATH
R=$PEERS/results
mkdir -p "$R" "$PEERS/kith"
# The benchmark measures kith's screens, not its daily question, nor the once-a-day copy
# of the store (made and checked in the background after the day's first frame: on the
# 1M store it would overlap the key measurements of the first session of the day).
mkdir -p "$XDG_CONFIG_HOME/kith"
printf 'self_checkin = false\nbackups = 0\n' > "$XDG_CONFIG_HOME/kith/config.toml"

HEAVY=$PEERS/kith/heavy.sqlite
HUGE=$PEERS/kith/huge.sqlite
stores=(heavy)
[[ $args == *" --no-huge "* ]] || stores+=(huge)
for size in "${stores[@]}"; do
    store=$PEERS/kith/$size.sqlite
    if [[ $args != *" --no-gen "* || ! -f $store ]]; then
        echo "== seeding the $size store" >&2
        rm -f "$store" "$store-wal" "$store-shm"
        "$KITH" demo --out "$store" --size "$size" >&2
    fi
done

# Read the stores once, as a warm-up run would: the first frame and keys should measure
# kith, not the disk. (On a machine that drops its page cache quickly, a 240 MB store
# still goes partly cold during the run; BENCHMARKS.md says what that costs.)
for size in "${stores[@]}"; do cat "$PEERS/kith/$size.sqlite" > /dev/null; done

echo "== full-screen apps (tui_bench.py, control method)" >&2
apps=$R/kith-apps.json
python3 - "$KITH" "${stores[@]}" > "$apps" <<'PY'
import json, os, sys
kith, stores = sys.argv[1], sys.argv[2:]
apps = {}
for size in stores:
    store = f"{os.environ['PEERS']}/kith/{size}.sqlite"
    # Content: the timeline pane's title ("Name · N moments"), drawn only once data is in.
    apps[f"kith-{size}"] = {"cmd": f"{kith} --store {store}", "content": r"· \d+\+? moments?", "key": ["j"], "quit": [["q"]]}
print(json.dumps(apps))
PY
tmux -L peersbench kill-server 2>/dev/null || true
khal list today 1d >/dev/null 2>&1 || true         # ikhal starts on a warm cache, as in run_all.sh
rm -f "$R/tui_control.json"
peers=(null cat calcurse ikhal vit)
kith_apps=()
for size in "${stores[@]}"; do kith_apps+=("kith-$size"); done
/usr/bin/python3 "$BENCH/tui_bench.py" --method control --apps-json "$apps" "${peers[@]}" "${kith_apps[@]}" >&2
/usr/bin/python3 "$ROOT/Benchmarks/kith_keys.py" "$KITH" "${stores[@]}" >&2
tmux -L peersbench kill-server 2>/dev/null || true

echo "== commands (hyperfine)" >&2
run() {   # id, command...
    local id=$1; shift
    hyperfine -N --warmup 2 --runs "${RUNS:-10}" --style basic --export-json "$R/cli_$id.json" "$*" 2>&1 | grep -E "Time|Range" >&2
    local max=0 kb
    for _ in 1 2 3; do
        /usr/bin/time -v -o "$R/.time.txt" "$@" >/dev/null 2>&1 || true
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$R/.time.txt")
        (( kb > max )) && max=$kb
    done
    printf '%s\t%s\n' "$id" "$max" >> "$R/rss_kith_cli.tsv"
}
: > "$R/rss_kith_cli.tsv"
run calcurse_a calcurse -D "$CALCURSE_DIR" -a
run khard_list khard list
for size in "${stores[@]}"; do
    store=$PEERS/kith/$size.sqlite
    run "kith_${size}_due" "$KITH" --store "$store" due
    run "kith_${size}_history" "$KITH" --store "$store" history Zoë --limit 20
    run "kith_${size}_insights" "$KITH" --store "$store" insights --width 100
    run "kith_${size}_insights_person" "$KITH" --store "$store" insights Zoë --width 100
done
# Each import starts from an empty store, so every run does all the work.
IMPORT=$PEERS/kith/import.sqlite
hyperfine -N --warmup 1 --runs "${RUNS:-10}" --style basic --prepare "rm -f $IMPORT $IMPORT-wal $IMPORT-shm" \
    --export-json "$R/cli_kith_import_vcard.json" "$KITH --store $IMPORT import vcard $PEERS/data/contacts --groups" 2>&1 \
    | grep -E "Time|Range" >&2

/usr/bin/python3 "$ROOT/Benchmarks/table.py" "${stores[@]}"
