#!/usr/bin/python3
"""Key-to-screen latency of the kith flows tui_bench.py's one repeated key cannot drive:
opening the emotion picker in the check-in form, and moving between people with the
longest histories (the roster sorted by circle, so each j opens another inner-circle
timeline). Uses the peer harness's own tmux control client and its fixed tick schedule,
so the figures compare with tui_bench.py's.

Each flow is measured twice: polling every 5 ms as the harness does, and every 0.5 ms
("fine"). At 5 ms a key is seen at the first tick after the screen changed, so any
redraw that is not instant reads as 5.x ms or more; the fine figures show how long the
key really took. The roster move (tui_bench.py's own key) and a key echo by cat (the
floor) are measured finely too.

A second floor belongs to kith's frames themselves: the bytes kith wrote for each roster
move are recorded (tmux pipe-pane) and replayed by an app that does no work
(replay.py), measured at both ticks like kith. What it takes is the harness's and
tmux's share of a key; the rest is kith's. The same replay, made to work 0 to 2 ms per
key first, shows what the 5 ms tick can tell about apps that fast (the tick sweep).
Writes $PEERS/results/kith_keys.json.

    kith_keys.py KITH_BINARY SIZE...     (SIZE: heavy, huge; stores under $PEERS/kith)
"""
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.environ.get("KITH_PEER_BENCH") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench")
sys.path.insert(0, BENCH)
import tui_bench as tb  # noqa: E402

CONTENT = r"· \d+\+? moments?"
N = 20
FINE = 0.0005


def settle(name):
    return tb.wait_stable({}, name)


def latency(name, key, poll=tb.POLL):
    """Seconds from send-keys to the first poll that shows a changed screen, polling on a
    fixed tick schedule every `poll` seconds, as tui_bench.key_latency does."""
    before = settle(name)
    t0 = time.perf_counter()
    nxt = t0
    tb.run_cmd("send-keys", "-t", name, *key)
    while True:
        cur = tb.capture(name, esc=True)
        now = time.perf_counter()
        if cur != before:
            return now - t0
        if now - t0 > 30:
            raise TimeoutError(f"{name}: no change after {key}")
        nxt += poll
        d = nxt - time.perf_counter()
        if d > 0:
            time.sleep(d)
        else:
            nxt = time.perf_counter()


def picker(name, cmd, poll=tb.POLL):
    tb.start(name, cmd)
    tb.wait_for(name, lambda s: __import__("re").search(CONTENT, s) is not None)
    tb.run_cmd("send-keys", "-t", name, "c")                 # the check-in form
    time.sleep(0.3)
    for _ in range(3):                                        # the form starts on "via": via → reached out → kind → felt
        tb.run_cmd("send-keys", "-t", name, "Tab")
    time.sleep(0.3)
    if "▶ felt" not in (tb.capture(name) or ""):
        raise RuntimeError(f"{name}: the check-in form is not on 'felt'; stopping before Enter could save a moment")
    opened = []
    for _ in range(N):
        opened.append(latency(name, ["Enter"], poll))         # opens the picker
        if "pleasant" not in (tb.capture(name) or ""):
            raise RuntimeError(f"{name}: Enter did not open the picker")
        latency(name, ["Escape"])                             # and closes it again
    tb.kill(name)
    return tb.ms(opened)


def long_histories(name, cmd, poll=tb.POLL):
    tb.start(name, cmd)
    tb.wait_for(name, lambda s: __import__("re").search(CONTENT, s) is not None)
    for _ in range(3):                                        # sort: due → name → last seen → circle
        latency(name, ["s"])
    moves = [latency(name, ["j"], poll) for _ in range(N)]
    tb.kill(name)
    return tb.ms(moves)


def roster(name, cmd, poll):
    tb.start(name, cmd)
    tb.wait_for(name, lambda s: __import__("re").search(CONTENT, s) is not None)
    moves = [latency(name, ["j"], poll) for _ in range(N)]
    tb.kill(name)
    return tb.ms(moves)


def recorded_roster(name, cmd):
    """kith's own bytes, as tmux received them (pipe-pane): everything up to the first
    frame with content, then the bytes of each of N moves in the roster."""
    folder = f"{tb.LOGDIR}/{name}"
    os.makedirs(folder, exist_ok=True)
    for f in os.listdir(folder):
        os.remove(os.path.join(folder, f))
    raw = f"{folder}.bytes"
    if os.path.exists(raw):
        os.remove(raw)
    # kith starts a moment later, so the pipe is in place before its first byte.
    tb.start(name, f"sh -c 'sleep 0.5; exec {cmd}'")
    tb.run_cmd("pipe-pane", "-o", "-t", name, f"cat >> {raw}")
    tb.wait_for(name, lambda s: __import__("re").search(CONTENT, s) is not None)
    settle(name)
    ends = [os.path.getsize(raw)]
    for _ in range(N):
        tb.run_cmd("send-keys", "-t", name, "j")
        settle(name)
        ends.append(os.path.getsize(raw))
    tb.kill(name)
    data = open(raw, "rb").read()
    for i, (a, b) in enumerate(zip([0] + ends[:-1], ends)):
        open(os.path.join(folder, str(i)), "wb").write(data[a:b])
    return folder, ends


def replayed(name, folder, poll):
    """The floor for kith's own frames: the recording replayed by an app that does no
    work, its keys measured exactly as kith's."""
    return roster(name, f"/usr/bin/python3 {HERE}/replay.py {folder}", poll)


# Milliseconds of work per key for the tick sweep, and keys measured at each.
SWEEP = [0, 0.25, 0.5, 1, 2]
SWEEP_KEYS = 40


def tick_sweep(name, folder):
    """How the harness's 5 ms tick reads apps that answer a key in 0 to 2 ms: kith's
    recorded frames replayed after that much busy work. For each: the median, and how
    many keys were seen at the first poll (the only way to read under 5 ms there)."""
    out = {}
    for ms in SWEEP:
        xs = []
        while len(xs) < SWEEP_KEYS:
            tb.start(name, f"/usr/bin/python3 {HERE}/replay.py {folder} --work {ms}")
            time.sleep(0.3)
            xs += [latency(name, ["j"]) for _ in range(N)]
            tb.kill(name)
        out[str(ms)] = dict(tb.ms(xs), first_poll=sum(1 for x in xs if x < tb.POLL), keys=len(xs))
    return out


def echo(poll):
    """The floor: cat echoing a key, polled the same way."""
    tb.start("kith-keys-cat", "cat")
    time.sleep(0.3)
    xs = [latency("kith-keys-cat", ["j"], poll) for _ in range(N)]
    tb.kill("kith-keys-cat")
    return tb.ms(xs)


def main():
    kith, sizes = sys.argv[1], sys.argv[2:]
    tb.ensure_server()
    tb.CTRL = tb.Control()
    out = f"{tb.LOGDIR}/kith_keys.json"
    res = {}
    try:
        for size in sizes:
            cmd = f"{kith} --store {os.environ['PEERS']}/kith/{size}.sqlite"
            res[size] = {"picker_open": picker(f"kith-{size}-picker", cmd),
                         "long_history_timeline": long_histories(f"kith-{size}-long", cmd),
                         "fine_roster": roster(f"kith-{size}-roster", cmd, FINE),
                         "fine_picker_open": picker(f"kith-{size}-picker", cmd, FINE),
                         "fine_long_history_timeline": long_histories(f"kith-{size}-long", cmd, FINE)}
            folder, ends = recorded_roster(f"kith-{size}-frames", cmd)
            res[size]["roster_bytes_per_key"] = round((ends[-1] - ends[0]) / N)
            res[size]["replay_roster"] = replayed(f"kith-{size}-replay", folder, tb.POLL)
            res[size]["fine_replay_roster"] = replayed(f"kith-{size}-replay", folder, FINE)
            if size == sizes[0]:
                res[size]["tick_sweep"] = tick_sweep(f"kith-{size}-sweep", folder)
            print(size, "picker", res[size]["picker_open"]["median_ms"], "ms median;",
                  "long-history timeline", res[size]["long_history_timeline"]["median_ms"], "ms median;",
                  "fine: roster", res[size]["fine_roster"]["median_ms"], "picker", res[size]["fine_picker_open"]["median_ms"],
                  "long history", res[size]["fine_long_history_timeline"]["median_ms"], "ms median;",
                  "replayed with no work:", res[size]["replay_roster"]["median_ms"], "and fine",
                  res[size]["fine_replay_roster"]["median_ms"], "ms median", flush=True)
        res["fine_echo"] = echo(FINE)
    finally:
        tb.CTRL.close()
    json.dump(res, open(out, "w"), indent=1)


if __name__ == "__main__":
    main()
