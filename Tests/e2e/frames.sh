#!/usr/bin/env bash
# A frame reaches the terminal as one write. Traced with strace while keys move through
# the roster and the timeline: every key read must be answered by exactly one write to
# the terminal. (ncurses 6.4 flushed after every cursor movement until kith put it in its
# running state: a frame was forty writes, each one waking the terminal to parse part
# of a frame.) Then the window grows to twice its size and the help overlay opens: a
# frame bigger than the screen kith started on must still be one write (ncurses sizes
# its output buffer to the first screen). Where strace is missing or may not trace, it
# fails with one line saying so: a check that cannot run is not a pass.
source "$(dirname "$0")/lib.sh" "$@"

if ! strace -qq -o /dev/null /bin/true 2>/dev/null; then
    echo "FAIL: strace cannot trace here (install it: apt-get install -y strace; in a container it needs ptrace allowed)"
    exit 1
fi
for name in Zoë José Małgorzata "山田太郎" Ada; do "$KITH" add "$name" >/dev/null; done
for i in 1 2 3 4 5 6; do
    "$KITH" log zoe --date "${i}d" --note "walk number $i" --feel happy,sad >/dev/null
    "$KITH" log "山田" --date "${i}w" --note "電話 $i" --feel grateful >/dev/null
done

T new-session -d -s kith -x 100 -y 30 "strace -qq -e trace=read,write -o '$WORK/trace' '$KITH'"
wait_for "6 moments"
sleep 0.3
for key in j j j k k k Tab j j; do
    T send-keys -t kith "$key"
    sleep 0.3
done
T resize-window -t kith -x 200 -y 60
sleep 0.5
for key in '?' Escape Tab j; do
    T send-keys -t kith "$key"
    sleep 0.3
done
T send-keys -t kith q
wait_exit
python3 - "$WORK/trace" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
# Writes are counted from each key read (or resize) to the next one.
answers, current = [], None
for line in lines:
    if re.match(r'read\(0, "', line) or "SIGWINCH" in line:
        if current is not None:
            answers.append(current)
        current = 0
    elif re.match(r'write\(1, ', line) and current is not None:
        current += 1
# The last key read is q: it quits and is not a frame.
if len(answers) < 14:
    print(f"FAIL: only {len(answers)} keys and resizes were traced: {answers}"); sys.exit(1)
bad = [n for n in answers if n != 1]
if bad:
    print(f"FAIL: writes per key (and resize): {answers}"); sys.exit(1)
print(f"PASS: each of {len(answers)} keys and resizes answered with one write")
PY
