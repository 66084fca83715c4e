#!/usr/bin/python3
"""Pulling the plug: kills kith with SIGKILL at random moments, over and over, and checks
after every kill that nothing it had acknowledged is lost and nothing is half-written.

    faults.py KITH_BINARY WORKDIR

Four kinds of work are killed (KITH_FAULT_KILLS, default 210, split between the first
three, and a tenth more for the fourth):
- `kith log` one moment at a time (acknowledged: it exited 0 saying "Logged");
- `kith import vcard` of 300 cards into a fresh store (one transaction: all or none);
- a check-in saved in the full-screen view under tmux (acknowledged: the screen said
  "Logged a moment" before the kill);
- `kith restore` of a backup over a sound store, and over one that cannot be opened: the
  store's path must hold the old store or the new one after every kill, never neither,
  and the next kith that writes removes what the killed one left half-made.
After each kill the store must open, pass PRAGMA integrity_check and kith check (which
also recounts the monthly counts), hold every acknowledged moment, and have no moment
without its person and its emotion. KITH_FAULT_SEED picks the random schedule (default
1, so CI runs are repeatable); a longer run: KITH_FAULT_KILLS=2000.
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

kith, work = sys.argv[1], sys.argv[2]
rnd = random.Random(int(os.environ.get("KITH_FAULT_SEED", "1")))
total = int(os.environ.get("KITH_FAULT_KILLS", "210"))
home = os.path.join(work, "home")
os.makedirs(os.path.join(home, ".config", "kith"), exist_ok=True)
with open(os.path.join(home, ".config", "kith", "config.toml"), "w") as f:
    f.write("self_checkin = false\n")
base_env = {"HOME": home, "KITH_TODAY": "2026-11-22", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no"}
kills = 0


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def run(args, store, **kw):
    return subprocess.run([kith] + args, env=dict(base_env, KITH_STORE=store), capture_output=True, text=True, **kw)


def killed_run(args, store, window):
    """Starts kith, kills it after a random moment within `window` seconds unless it is
    done. Returns (acknowledged, stdout)."""
    global kills
    p = subprocess.Popen([kith] + args, env=dict(base_env, KITH_STORE=store), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    time.sleep(rnd.uniform(0, window))
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        kills += 1
    out, err = p.communicate()
    if p.returncode not in (0, -signal.SIGKILL):
        fail(f"kith {' '.join(args)} exited {p.returncode}: {err.strip()}")
    return p.returncode == 0, out


def check_store(store, acked_notes=(), deep=False):
    """The store opens, is sound, holds every acknowledged note, and every moment has
    exactly its one person and one emotion."""
    db = sqlite3.connect(store)
    try:
        ok = db.execute("PRAGMA integrity_check").fetchall()
        if ok != [("ok",)]:
            fail(f"integrity_check after a kill: {ok}")
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'moments'").fetchone():
            # Killed while the store was being created: its schema comes in one
            # transaction, so nothing of it is there yet, and nothing was acknowledged.
            if acked_notes:
                fail("acknowledged moments in a store without its schema")
            db.close()
            r = run(["check"], store)
            if r.returncode != 0:
                fail(f"kith check on a store killed while being created: {r.stderr.strip()}")
            return
        notes = {r[0] for r in db.execute("SELECT note FROM moments")}
        missing = [n for n in acked_notes if n not in notes]
        if missing:
            fail(f"acknowledged moments lost after a kill: {missing[:5]}")
        partial = db.execute("""SELECT count(*) FROM moments m
            WHERE (SELECT count(*) FROM moment_people WHERE moment_id = m.id) != 1
               OR (SELECT count(*) FROM moment_emotions WHERE moment_id = m.id) != 1""").fetchone()[0]
        if partial:
            fail(f"{partial} moments without their person or emotion")
    finally:
        db.close()
    if deep:
        r = run(["check"], store)
        if r.returncode != 0:
            fail(f"kith check after a kill: {r.stderr.strip()}")


# 1. kith log, one moment at a time.
store = os.path.join(work, "log-store", "kith.sqlite")
added = run(["add", "Zoë"], store)
if added.returncode != 0:
    fail(f"cannot add a person: {added.stderr.strip()}")
acked = []
log_kills = total * 7 // 10
i = 0
while kills < log_kills:
    i += 1
    note = f"moment {i}"
    done, out = killed_run(["log", "zoe", "--note", note, "--feel", "happy"], store, 0.08)
    if done:
        if "Logged" not in out:
            fail(f"kith log exited 0 without saying so: {out!r}")
        acked.append(note)
    check_store(store, acked, deep=i % 10 == 0)
    if i > log_kills * 20:
        fail("kith log finished before every kill; the window is too wide")
check_store(store, acked, deep=True)
print(f"PASS: {kills} kills during kith log, {len(acked)} acknowledged moments all kept")

# 2. A bulk import: all 300 cards or none.
cards = os.path.join(work, "cards")
os.makedirs(cards, exist_ok=True)
for n in range(300):
    with open(os.path.join(cards, f"{n}.vcf"), "w") as f:
        f.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-{n}\r\nFN:Person {n}\r\nN:{n};Person;;;\r\n"
                f"NOTE:{'a long note ' * 20}\r\nCATEGORIES:Climbers\r\nEND:VCARD\r\n")
import_kills = total * 2 // 10
start = kills
j = 0
while kills - start < import_kills:
    j += 1
    s = os.path.join(work, "imports", f"{j}.sqlite")
    done, out = killed_run(["import", "vcard", cards, "--groups"], s, 0.6)
    if os.path.exists(s):
        check_store(s, deep=True)
        db = sqlite3.connect(s)
        # Killed before the schema was in, the store has no tables (kith check reads, and
        # creates nothing): no people.
        has = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'people'").fetchone()
        people = db.execute("SELECT count(*) FROM people").fetchone()[0] if has else 0
        db.close()
        if people not in (0, 300) or (done and people != 300):
            fail(f"an import killed midway left {people} of 300 people")
    elif done:
        fail("an import that finished left no store")
    if j > import_kills * 20:
        fail("imports finished before every kill; the window is too wide")
print(f"PASS: {kills - start} kills during kith import vcard, each store all or nothing")

# 4. Restores, killed midway: the path holds the old store or the new one, always.
import shutil
rdir = os.path.join(work, "restore")
os.makedirs(rdir, exist_ok=True)
old_src, new_src = os.path.join(rdir, "old.sqlite"), os.path.join(rdir, "new.sqlite")
for path, n in ((old_src, 3), (new_src, 40)):
    for k in range(n):
        if run(["add", f"P{k}", "--note", "x" * 2000], path).returncode != 0:
            fail("cannot make the stores to restore")
junk = os.urandom(65536)
restore_kills = max(total // 10, 4)
start = kills
r = 0


def people_in(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        db.close()


while kills - start < restore_kills:
    r += 1
    target_dir = os.path.join(rdir, f"t{r}")
    os.makedirs(target_dir)
    target = os.path.join(target_dir, "kith.sqlite")
    unreadable = r % 2 == 0
    if unreadable:
        with open(target, "wb") as f:
            f.write(junk)
    else:
        shutil.copyfile(old_src, target)
    done, out = killed_run(["restore", new_src, "--yes"], target, 0.15)
    if not os.path.exists(target):
        fail(f"a restore killed midway left no store at {target}")
    with open(target, "rb") as f:
        head = f.read(65536)
    if unreadable and head == junk:
        pass   # the old store, as it was
    else:
        n = people_in(target)
        if n != 40 and (unreadable or n != 3):
            fail(f"a restore killed midway left a store with {n} people (old 3, new 40)")
    if done and people_in(target) != 40:
        fail("a restore that finished did not bring the backup")
    # The next writer clears what the killed restore left half-made.
    if not (unreadable and head == junk):
        if run(["add", "After"], target).returncode != 0:
            fail("kith add after a killed restore failed")
        for d in (target_dir, os.path.join(target_dir, "backups")):
            left = [f for f in os.listdir(d) if ".kith-" in f] if os.path.isdir(d) else []
            if left:
                fail(f"leftovers of a killed restore were not removed: {left}")
    if r > restore_kills * 20:
        fail("restores finished before every kill; the window is too wide")
print(f"PASS: {kills - start} kills during kith restore, the store's path always held the old or the new store")

# 3. Check-ins saved in the full-screen view, killed around the save.
sock = os.path.join(work, "tmux.sock")


def T(*args):
    return subprocess.run(["tmux", "-S", sock, "-f", "/dev/null"] + list(args), capture_output=True, text=True)


def screen():
    return T("capture-pane", "-p", "-t", "k").stdout


def wait_for(text, timeout=15):
    deadline = time.time() + timeout
    while text not in screen():
        if time.time() > deadline:
            dead = T("display-message", "-p", "-t", "k", "#{pane_dead} #{pane_dead_status}").stdout.strip()
            errors = open(os.path.join(work, "tui-stderr")).read() if os.path.exists(os.path.join(work, "tui-stderr")) else ""
            sessions = T("list-sessions").stdout.strip()
            fail(f"timed out waiting for {text!r} (pane dead, status: {dead}; sessions: {sessions!r}; stderr: {errors.strip()!r}); screen:\n{screen()}")
        time.sleep(0.02)


tui_kills = total - log_kills - import_kills
store = os.path.join(work, "tui-store", "kith.sqlite")
added = run(["add", "Zoë"], store)
if added.returncode != 0:
    fail(f"cannot add a person: {added.stderr.strip()}")
acked_tui = []
k = 0
start = kills
env = " ".join(f"{a}='{b}'" for a, b in dict(base_env, KITH_STORE=store, TERM="xterm-256color").items())
# A server that outlives each kith, with panes kept after their process dies, so that
# the screen can still be read after the kill.
T("new-session", "-d", "-s", "keep", "-x", "100", "-y", "30", "exec sleep 100000")
T("set-option", "-g", "remain-on-exit", "on")
try:
    while kills - start < tui_kills:
        k += 1
        T("kill-session", "-t", "=k")   # "=": exactly k; a bare "k" also matches "keep"
        started = T("new-session", "-d", "-s", "k", "-x", "100", "-y", "30", f"env {env} '{kith}' 2>>'{work}/tui-stderr'")
        if started.returncode != 0:
            fail(f"tmux could not start kith: {started.stderr.strip()}")
        wait_for("Zoë")
        T("send-keys", "-t", "k", "c")
        wait_for("Check in with")
        T("send-keys", "-t", "k", "Tab", "Tab", "Tab", "Enter")
        wait_for("How did it feel?")
        T("send-keys", "-t", "k", "-l", "/happ")
        T("send-keys", "-t", "k", "Space", "Escape", "Enter")
        T("send-keys", "-t", "k", "Tab", "Tab", "Tab")
        note = f"tui {k}"
        T("send-keys", "-t", "k", "-l", note)
        pid = int(T("display-message", "-p", "-t", "k", "#{pane_pid}").stdout.strip())
        T("send-keys", "-t", "k", "C-s")
        time.sleep(rnd.uniform(0, 0.25))
        # What the screen said just before the kill: a save it acknowledged must be kept.
        # (After the kill tmux leaves the alternate screen, so it cannot be read then.)
        shown = screen()
        try:
            os.kill(pid, signal.SIGKILL)
            kills += 1
        except ProcessLookupError:
            pass
        if "Logged a moment" in shown:
            acked_tui.append(note)
        check_store(store, acked_tui, deep=k % 5 == 0)
finally:
    T("kill-server")
check_store(store, acked_tui, deep=True)
print(f"PASS: {kills - start} kills around saves in the full-screen view, {len(acked_tui)} acknowledged check-ins kept")
print(f"PASS: {kills} kills in all")
