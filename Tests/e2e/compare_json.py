"""Two kith JSON exports hold the same journal: the same people, groups, moments,
reminders, snoozes and self check-ins, whatever local ids each store gave them."""
import json
import sys


def normal(path):
    d = json.load(open(path, encoding="utf-8"))
    people = {p["id"]: p["name"] for p in d["people"]}
    groups = {g["id"]: g["name"] for g in d["groups"]}

    def strip(x, drop=("id", "cardName", "cardN")):
        return {k: v for k, v in x.items() if k not in drop}

    out = {
        "people": sorted((strip(p) for p in d["people"]), key=lambda p: p["name"]),
        "groups": sorted(({**strip(g), "members": sorted(people[m] for m in g["members"])} for g in d["groups"]),
                         key=lambda g: g["name"]),
        "moments": sorted(({**strip(m), "people": sorted(people[p] for p in m["people"]),
                            "group": groups.get(m["group"])} for m in d["moments"]),
                          key=lambda m: (m["date"], m["note"])),
        "reminders": sorted(({**strip(r), **{k: people.get(v) if k == "person" else groups.get(v)
                                             for k, v in r.items() if k in ("person", "group")}}
                             for r in d["reminders"]), key=lambda r: r["text"]),
        "snoozes": sorted(json.dumps({**s, **{k: people.get(v) if k == "person" else groups.get(v)
                                               for k, v in s.items() if k in ("person", "group")}}, sort_keys=True)
                          for s in d["snoozes"]),
        "selfCheckins": d["selfCheckins"],
    }
    return out


a, b = normal(sys.argv[1]), normal(sys.argv[2])
for key in a:
    if a[key] != b[key]:
        print(f"FAIL: {key} differ:\n  {sys.argv[1]}: {json.dumps(a[key], ensure_ascii=False)[:1500]}\n"
              f"  {sys.argv[2]}: {json.dumps(b[key], ensure_ascii=False)[:1500]}")
        sys.exit(1)
