#!/usr/bin/env python3
"""Reads kith's vCard export as address books do: every file with vobject (the parser
khard and many others use), then the whole directory with khard itself.
Prints one line per card: FN|UID|BDAY|CATEGORIES, then khard|UID|NAME per listed contact.
Exit status 1, with the reason on stderr, when either complains."""
import os
import subprocess
import sys
import tempfile

import vobject

vdir = sys.argv[1]
for name in sorted(os.listdir(vdir)):
    with open(os.path.join(vdir, name), encoding="utf-8", newline="") as f:
        for card in vobject.readComponents(f.read(), validate=True):
            bday = card.contents.get("bday", [None])[0]
            cats = card.contents.get("categories", [None])[0]
            print("|".join([card.fn.value, card.uid.value, bday.value if bday else "-",
                            " / ".join(cats.value) if cats else "-"]))

with tempfile.TemporaryDirectory() as home:
    conf = os.path.join(home, "khard.conf")
    with open(conf, "w") as f:
        f.write(f"[addressbooks]\n[[kith]]\npath = {vdir}\n[general]\ndefault_action = list\n")
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home)
    r = subprocess.run([sys.executable, "-m", "khard", "-c", conf, "list", "--parsable"],
                       capture_output=True, text=True, env=env)
    if r.returncode != 0 or r.stderr.strip():
        sys.exit(f"khard: {r.stderr.strip() or r.returncode}")
    for line in r.stdout.splitlines():
        uid, name = line.split("\t")[:2]
        print(f"khard|{uid}|{name}")
