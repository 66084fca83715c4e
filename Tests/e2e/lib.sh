# Helpers for driving the real kith under a private tmux server.
# Usage: source lib.sh KITH_BINARY WORKDIR
set -euo pipefail
KITH=$1
WORK=$2
export LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$WORK KITH_STORE=$WORK/store/kith.sqlite KITH_TODAY=2026-11-22
unset NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME TMUX
SOCK=$WORK/tmux.sock
# The daily self check-in would open over the first frame; scripts about other things
# turn it off, and self.sh turns it back on.
mkdir -p "$HOME/.config/kith"
printf 'self_checkin = false\n' > "$HOME/.config/kith/config.toml"

T() { tmux -S "$SOCK" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1 || true' EXIT

screen() { T capture-pane -p -t kith; }

# wait_for TEXT: polls the screen until TEXT shows, for at most 10 s.
wait_for() {
    local deadline=$((SECONDS + 10))
    until screen | grep -qF -- "$1"; do
        if ((SECONDS > deadline)); then
            echo "FAIL: timed out waiting for: $1"
            echo "--- screen ---"; screen; echo "--------------"
            exit 1
        fi
        sleep 0.05
    done
}

# wait_gone TEXT: polls until TEXT is no longer on screen.
wait_gone() {
    local deadline=$((SECONDS + 10))
    while screen | grep -qF -- "$1"; do
        if ((SECONDS > deadline)); then
            echo "FAIL: still on screen: $1"; screen; exit 1
        fi
        sleep 0.05
    done
}

# start WIDTH HEIGHT [ENV=VALUE...] [-- KITH ARGS...]: launches kith in a fresh tmux session.
start() {
    local w=$1 h=$2
    shift 2
    local envs=() args=()
    while (($#)); do
        if [[ $1 == -- ]]; then shift; args=("$@"); break; fi
        envs+=("$1"); shift
    done
    T new-session -d -s kith -x "$w" -y "$h" "env ${envs[*]} '$KITH' ${args[*]}"
}

# wait_exit: waits until kith has quit and its session is gone.
wait_exit() {
    local deadline=$((SECONDS + 10))
    while T has-session -t kith 2>/dev/null; do
        if ((SECONDS > deadline)); then echo "FAIL: kith did not quit"; screen; exit 1; fi
        sleep 0.05
    done
}

# no_raw_controls: the visible screen holds no control characters (tmux shows what the
# terminal received; an escape sequence from stored text would show up as its effect,
# so we also check the stored hostile name appears defused).
pass() { echo "PASS: $1"; }
