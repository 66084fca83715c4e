#!/usr/bin/python3
"""Replays terminal output that kith_keys.py recorded from kith, doing no work at all:
the first chunk (up to the first frame) at once, then the next chunk for each key read.
Measured like kith, it is the floor of key-to-screen for frames of exactly kith's size
and content: what the harness and tmux take to show them.

With --work MS it first keeps the CPU busy for MS milliseconds after each key, as an
app that works that long would: how the harness's 5 ms tick reads an app as fast as
that (kith_keys.py's tick sweep).

    replay.py DIR [--work MS]     (DIR holds the chunks as files 0, 1, 2, ...)
"""
import os
import sys
import time
import tty

folder = sys.argv[1]
work = float(sys.argv[3]) / 1000 if len(sys.argv) > 3 and sys.argv[2] == "--work" else 0.0
chunks = [open(os.path.join(folder, str(i)), "rb").read()
          for i in range(len(os.listdir(folder)))]
tty.setraw(0)
os.write(1, chunks[0])
for chunk in chunks[1:]:
    if not os.read(0, 1):
        break
    if work:
        t = time.perf_counter()
        while time.perf_counter() - t < work:   # busy, as work is; sleeping would yield the CPU
            pass
    os.write(1, chunk)
while os.read(0, 1):   # past the recording: keys change nothing until the session ends
    pass
