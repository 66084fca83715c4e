#!/usr/bin/env bash
# The README's test command: checks the system tools the tests drive, sets up the Python
# readers they check exports with (pinned, in a virtual environment inside .build, made
# once and reused), then runs every test with `swift test`. Arguments go to `swift test`
# (for example `Tests/run.sh --filter VCard`).
set -euo pipefail
cd "$(dirname "$0")/.."

# Each missing system tool is named with the Debian package that brings it; one line
# says how to get them all.
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need swift "Swift 6.1 or newer (swift.org)"
need tmux tmux
need sqlite3 sqlite3
need strace strace
need faketime faketime
need python3 python3
need git git
[ -e /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -e /usr/include/ncursesw/ncurses.h ] || [ -e /usr/include/ncurses.h ] || missing+=(libncurses-dev)
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
    pkgs=()
    for m in "${missing[@]}"; do [[ $m == Swift* ]] || pkgs+=("$m"); done
    line="tests: missing ${missing[*]}"
    [ ${#pkgs[@]} -gt 0 ] && line+="; install with: sudo apt-get install -y ${pkgs[*]}"
    echo "$line" >&2
    exit 2
fi

# The Python readers and sync engines, in a venv kept beside the build. A stamp holding the requirements
# file's contents says the venv is complete; a change to the file (or a venv left half
# made) makes it again.
tools=.build/test-tools
venv=$tools/venv
req=Tests/tools/requirements.txt
if ! cmp -s "$req" "$tools/installed.txt" || [ ! -x "$venv/bin/python3" ]; then
    echo "tests: setting up the Python test tools in $venv"
    rm -rf "$venv" "$tools/installed.txt"
    mkdir -p "$tools"
    python3 -m venv "$venv"
    "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check --no-input -r "$req" \
        || { echo "tests: could not install the Python test tools from $req (is PyPI reachable?)" >&2; exit 2; }
    cp "$req" "$tools/installed.txt"
fi
export PATH="$PWD/$venv/bin:$PATH"
export LANG=C.UTF-8

exec swift test "$@"
