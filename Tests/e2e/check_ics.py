"""Parses a kith .ics export with the icalendar library, as a calendar app would, and
prints one line per event: UID, start date, RRULE, summary. Exits 1 on any problem."""
import sys

import icalendar

raw = open(sys.argv[1], "rb").read()
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "the file must end with CRLF"
for line in lines[:-1]:
    assert b"\n" not in line, "bare LF in a line"
    assert len(line) <= 75, f"line longer than 75 octets: {line[:40]!r}"
    line.decode("utf-8")  # folding never splits a UTF-8 sequence
cal = icalendar.Calendar.from_ical(raw)
assert cal.get("VERSION") == "2.0"
for ev in cal.walk("VEVENT"):
    for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        assert ev.get(required) is not None, f"{required} missing"
    rrule = ev.get("RRULE")
    rule = rrule.to_ical().decode() if rrule else "-"
    print(str(ev.get("UID")), ev.decoded("DTSTART").isoformat(), rule, str(ev.get("SUMMARY")), sep="|")
