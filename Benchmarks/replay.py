#!/usr/bin/python3
"""Replays terminal output that kith_keys.py recorded from kith, doing no work at all:
the first chunk (up to the first frame) at once, then the next chunk for each key read.
Measured like kith, it is the floor of key-to-screen for frames of exactly kith's size
and content: what the harness and tmux take to show them.

    replay.py DIR      (DIR holds the chunks as files 0, 1, 2, ...)
"""
import os
import sys
import tty

folder = sys.argv[1]
chunks = [open(os.path.join(folder, str(i)), "rb").read()
          for i in range(len(os.listdir(folder)))]
tty.setraw(0)
os.write(1, chunks[0])
for chunk in chunks[1:]:
    if not os.read(0, 1):
        break
    os.write(1, chunk)
while os.read(0, 1):   # past the recording: keys change nothing until the session ends
    pass
