#!/usr/bin/python3
"""Key-to-screen latency of the kith flows tui_bench.py's one repeated key cannot drive:
opening the emotion picker in the check-in form, and moving between people with the
longest histories (the roster sorted by circle, so each j opens another inner-circle
timeline). Uses the peer harness's own tmux control client, polling and timing, so the
figures compare with tui_bench.py's. Writes $PEERS/results/kith_keys.json.

    kith_keys.py KITH_BINARY SIZE...     (SIZE: heavy, huge; stores under $PEERS/kith)
"""
import json
import os
import sys
import time

BENCH = os.environ.get("KITH_PEER_BENCH") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench")
sys.path.insert(0, BENCH)
import tui_bench as tb  # noqa: E402

CONTENT = r"· \d+\+? moments?"
N = 20


def settle(name):
    return tb.wait_stable({}, name)


def latency(name, key):
    """Seconds from send-keys to the first screen change, and the screen once settled."""
    before = settle(name)
    t0 = time.perf_counter()
    tb.run_cmd("send-keys", "-t", name, *key)
    while True:
        cur = tb.capture(name, esc=True)
        now = time.perf_counter()
        if cur != before:
            return now - t0
        if now - t0 > 30:
            raise TimeoutError(f"{name}: no change after {key}")
        time.sleep(tb.POLL)


def picker(name, cmd):
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
        opened.append(latency(name, ["Enter"]))               # opens the picker
        if "pleasant" not in (tb.capture(name) or ""):
            raise RuntimeError(f"{name}: Enter did not open the picker")
        latency(name, ["Escape"])                             # and closes it again
    tb.kill(name)
    return tb.ms(opened)


def long_histories(name, cmd):
    tb.start(name, cmd)
    tb.wait_for(name, lambda s: __import__("re").search(CONTENT, s) is not None)
    for _ in range(3):                                        # sort: due → name → last seen → circle
        latency(name, ["s"])
    moves = [latency(name, ["j"]) for _ in range(N)]
    tb.kill(name)
    return tb.ms(moves)


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
                         "long_history_timeline": long_histories(f"kith-{size}-long", cmd)}
            print(size, "picker", res[size]["picker_open"]["median_ms"], "ms median;",
                  "long-history timeline", res[size]["long_history_timeline"]["median_ms"], "ms median", flush=True)
    finally:
        tb.CTRL.close()
    json.dump(res, open(out, "w"), indent=1)


if __name__ == "__main__":
    main()
