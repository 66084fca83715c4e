#!/usr/bin/env bash
# Browsing: open kith, see who is due and a moment with wide text, move between panes,
# open the moment, help, Esc behaviour, resize down to tiny and back, quit.
source "$(dirname "$0")/lib.sh" "$@"

"$KITH" add "Zoë Ångström" --circle inner >/dev/null
"$KITH" add "山田太郎" --every 10d >/dev/null
"$KITH" add "Eve" >/dev/null
"$KITH" log zoe --via call --feel happy,sad:2 --note "山田 and 🌱 at the lake" --date 3d >/dev/null
"$KITH" log 山田 --kind fun --date 20d >/dev/null
"$KITH" log zoe --date 2d --note "family 👨‍👩‍👧 dinner ❤️ 👍🏽" >/dev/null
# A name with an escape sequence, as an import could bring it: shown defused.
sqlite3 "$KITH_STORE" "UPDATE people SET name = 'Eve'||char(27)||'[31mRED' WHERE name = 'Eve'"

start 80 24
wait_for "山田太郎 · 1 moment"      # overdue, so first
wait_for "1 overdue"
screen | grep -qF $'Eve\xef\xbf\xbd[31mR' || { echo "FAIL: hostile name not defused"; screen; exit 1; }
pass "first frame shows the roster, who is due and the timeline"

T send-keys -t kith j
wait_for "Zoë Ångström · 2 moments"
# Every body row still ends in its frame: emoji sequences never shift a column.
bad=$(screen | sed -n '2,23p' | grep -v -E '[┃│┓┐┛┘]$' || true)
[ -z "$bad" ] || { echo "FAIL: a frame was pushed out of place:"; echo "$bad"; screen; exit 1; }
wait_for "山田 and 🌱 at the lake"
T send-keys -t kith Tab j Enter
wait_for "Moment · Esc closes"
wait_for "with    Zoë Ångström"
T send-keys -t kith Escape
wait_gone "Moment · Esc closes"
T send-keys -t kith Escape
sleep 0.2
T has-session -t kith || { echo "FAIL: Esc quit kith"; exit 1; }
pass "Enter opens a moment, Esc closes it and never quits"

T send-keys -t kith '?'
wait_for "Esc closes"
T send-keys -t kith Escape
wait_gone "Esc closes"
pass "? shows the keys"

T send-keys -t kith Tab / z o e
wait_for "People /zoe"
T send-keys -t kith Escape
wait_gone "People /zoe"
pass "/ filters as you type"

T resize-window -t kith -x 30 -y 8
wait_for "Terminal too small"
T resize-window -t kith -x 1 -y 1
sleep 0.3
T resize-window -t kith -x 120 -y 40
wait_for "Zoë Ångström · 2 moments"
pass "resizing to tiny and back redraws"

T send-keys -t kith q
wait_exit
pass "q quits"

# Relaunch at 120x40 in monochrome: the same content.
start 120 40 NO_COLOR=1
wait_for "山田太郎 · 1 moment"
wait_for "Zoë Ångström             2d"
T send-keys -t kith q
wait_exit
pass "NO_COLOR runs in monochrome"

# Themes: a built-in one by name, an unknown name (a warning, the default theme), a
# broken user theme (file:line and the default theme). None stops kith.
start 80 24 -- --theme high-contrast
wait_for "山田太郎 · 1 moment"
T capture-pane -p -e -t kith | grep -q $'\e\\[' || { echo "FAIL: no colour with a colour theme"; exit 1; }
T send-keys -t kith q
wait_exit
start 80 24 -- --theme sparkly
wait_for "unknown theme \"sparkly\""
T send-keys -t kith q
wait_exit
mkdir -p "$WORK/.config/kith/themes"
printf '[roles\ntext = {}\n' > "$WORK/.config/kith/themes/broken.toml"
start 80 24 -- --theme broken
wait_for "broken.toml:1:"
wait_for "山田太郎 · 1 moment"
T send-keys -t kith q
wait_exit
pass "themes switch, and a bad one is reported without stopping kith"

# A terminal type ncurses does not know: one line, exit 2, and no store created.
T new-session -d -s kith -x 80 -y 24 "env TERM=no-such-term KITH_STORE='$WORK/never/kith.sqlite' '$KITH'; echo \"exit=\$?\"; sleep 30"
wait_for "exit=2"
wait_for "is unknown to ncurses"
[ -e "$WORK/never/kith.sqlite" ] && { echo "FAIL: a store was created for an unusable terminal"; exit 1; }
T kill-session -t kith
pass "an unknown TERM gives one line and exit 2"

# A store others can read: the warning shows on the screen, the first frame is whole
# (the header on the first line, nothing written over it), and the same warning is left
# on the shell after quitting.
chmod 755 "$(dirname "$KITH_STORE")"
T new-session -d -s kith -x 100 -y 24 "'$KITH'; echo \"exit=\$?\"; sleep 30"
wait_for "is readable by others"
wait_for "山田太郎 · 1 moment"
first=$(screen | head -1)
[[ $first == " kith · "* ]] || { echo "FAIL: the first line is not the header: $first"; screen; exit 1; }
T send-keys -t kith q
wait_for "exit=0"
screen | grep -q "kith: warning: the store at .* is readable by others" || { echo "FAIL: the warning was not left on the shell"; screen; exit 1; }
T kill-session -t kith
chmod 700 "$(dirname "$KITH_STORE")"
pass "a loose store's warning shows on the screen and after it, and never over the frame"

# Graphemes built of several scalars that each take room (a flag, Devanagari conjuncts,
# Thai with its vowel): every row keeps its borders where tmux draws them, moves leave
# nothing behind (each screen equals a Ctrl-L redraw of itself), in the roster, the
# timeline and a moment opened.
export KITH_STORE=$WORK/scripts/kith.sqlite
for name in Ann "🇯🇵 Kenji" "नमस्ते" "Thai น้ำ"; do "$KITH" add "$name" >/dev/null; done
"$KITH" log Ann --note hello >/dev/null
"$KITH" log Kenji --note "plain 🇯🇵 flag" >/dev/null
"$KITH" log "नमस्ते" --note "नमस्ते दुनिया, हिन्दी में बात की। क्षत्रिय น้ำ" >/dev/null
start 100 30
wait_for "Ann"
aligned() {
    python3 - "$1" "$2" <<'PY' || { echo "$2"; exit 1; }
import ctypes, sys
libc = ctypes.CDLL("libc.so.6")
libc.setlocale(6, b"C.UTF-8")
libc.wcswidth.restype = ctypes.c_int
def width(s):
    return libc.wcswidth(ctypes.c_wchar_p(s), len(s))
# Every row between the header and the hint bar ends with a box edge in the last
# column, and the roster's two edges (when it shows) stand in the same columns on every
# row: a grapheme counted a column short shifts what follows it.
rows = sys.argv[2].split("\n")[2:-3]
if len(rows) < 20:
    print(f"FAIL: {sys.argv[1]}: the screen was not read"); sys.exit(1)
edges = [[width(r[:i]) for i, c in enumerate(r) if c in "┃│"] for r in rows]
ends = {e[-1] for e in edges if e}
roster = {tuple(e[:2]) for r, e in zip(rows, edges) if r.startswith("┃") and len(e) == 4}
if ends != {99} or len(roster) > 1:
    print(f"FAIL: {sys.argv[1]}: box edges out of line: last columns {sorted(ends)}, roster edges {sorted(roster)}")
    sys.exit(1)
PY
}
for key in j j j k k k Tab j Enter Escape Escape; do
    T send-keys -t kith "$key"
    sleep 0.2
    before=$(screen)
    aligned "after $key" "$before"
    T send-keys -t kith C-l
    sleep 0.2
    [[ $(screen) == "$before" ]] || { echo "FAIL: after $key the screen differs from its own redraw"; echo "$before"; echo ---; screen; exit 1; }
done
T send-keys -t kith q
wait_exit
pass "flags, conjuncts and Thai keep every row in line, and moves leave nothing behind"
