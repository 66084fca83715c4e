"""Reads a kith CSV export with Python's csv module, as a spreadsheet would, and prints
each row's moment id and note (newlines shown as \\n). Exits 1 on any problem."""
import csv
import sys

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
assert rows[0][0] == "moment" and rows[0][-1] == "note", f"bad header {rows[0]!r}"
for row in rows[1:]:
    assert len(row) == len(rows[0]), f"row with {len(row)} fields: {row!r}"
    print(row[0], row[-1].replace("\r", "\\r").replace("\n", "\\n"), sep="|")
