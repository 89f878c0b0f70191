#!/usr/bin/env python3
"""Placement instances for agora, conference-scheduler and a CP-SAT model: the same rooms,
hours, features, capacities, speakers (with availability), tracks and locked sessions, written
as an agora event (TOML) and as a JSON description the peers' runners read.

    instances.py OUT_DIR            # writes pN.toml and pN.json for every size
    instances.py OUT_DIR 200        # one size

Deterministic: the same size gives the same instance.
"""

import json
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

# (sessions, rooms, days, session lengths in minutes, conference-scheduler slot, day from, day to)
SIZES = {
    50: (50, 10, 1, [30, 45], 45, 9, 19),
    200: (200, 15, 2, [30, 45], 45, 9, 19),
    1000: (1000, 30, 3, [30, 45], 45, 9, 19),
    5000: (5000, 60, 4, [20, 30], 30, 8, 20),
}
FIRST = date(2025, 6, 10)
CAPACITIES = [30, 50, 80, 120, 200, 400]


def at(day, minutes):
    return datetime(FIRST.year, FIRST.month, FIRST.day) + timedelta(days=day, minutes=minutes)


def fmt(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def make(n):
    sessions_n, rooms_n, days, lengths, slot, h_from, h_to = SIZES[n]
    rng = random.Random(n)
    day_from, day_to = h_from * 60, h_to * 60
    rooms = []
    for r in range(rooms_n):
        features = ["projector"] if rng.random() < 0.6 else []
        if rng.random() < 0.2:
            features.append("recording")
        open_ = []
        for d in range(days):
            kind = rng.random()
            if kind < 0.05 and days > 1:
                continue  # closed that day
            to = day_to if kind > 0.15 else day_from + (day_to - day_from) // 2
            open_.append((d, day_from, to))
        rooms.append({
            "id": f"room-{r:02}",
            "name": f"Room {r:02}",
            "capacity": rng.choice(CAPACITIES),
            "features": features,
            "open": open_,
        })
    speakers = []
    for p in range((sessions_n * 4) // 5):
        available = None
        x = rng.random()
        if x < 0.25 and days > 1:
            chosen = sorted(rng.sample(range(days), k=max(1, days // 2)))
            available = [(d, day_from, day_to) for d in chosen]
        elif x < 0.35:
            d = rng.randrange(days)
            half = (day_to - day_from) // 2
            start = day_from if rng.random() < 0.5 else day_from + half
            available = [(d, start, start + half)] + [
                (e, day_from, day_to) for e in range(days) if e != d and rng.random() < 0.5
            ]
        speakers.append({"id": f"sp-{p:04}", "name": f"Speaker {p:04}", "available": available})
    # One track per room, as most conferences run them.
    tracks = [{"id": f"track-{t:02}", "name": f"Track {t:02}"} for t in range(rooms_n)]
    sessions = []
    for s in range(sessions_n):
        people = [rng.randrange(len(speakers))]
        if rng.random() < 0.3:
            other = rng.randrange(len(speakers))
            # A second speaker only when both are free at a common time.
            a, b = speakers[people[0]]["available"], speakers[other]["available"]
            if other not in people and (a is None or b is None or common(a, b) >= 60):
                people.append(other)
        requires = []
        if rng.random() < 0.2:
            requires.append("projector")
        if rng.random() < 0.05:
            requires.append("recording")
        sessions.append({
            "id": f"s-{s:05}",
            "title": f"Session {s:05}",
            "duration": rng.choice(lengths),
            "speakers": [speakers[p]["id"] for p in people],
            "track": tracks[rng.randrange(len(tracks))]["id"],
            "expected": rng.randrange(20, 250),
            "requires": requires,
            "locked": None,
        })
    lock_some(rng, sessions, rooms, speakers, days, slot, day_from, day_to)
    return {
        "size": n,
        "days": days,
        "first": FIRST.isoformat(),
        "day_from": day_from,
        "day_to": day_to,
        "slot": slot,
        "rooms": rooms,
        "speakers": speakers,
        "tracks": tracks,
        "sessions": sessions,
    }


def common(a, b):
    """Minutes two availabilities share."""
    return sum(
        max(0, min(x[2], y[2]) - max(x[1], y[1])) for x in a for y in b if x[0] == y[0]
    )


def inside(windows, d, a, b):
    return any(wd == d and wa <= a and b <= wb for (wd, wa, wb) in windows)


def lock_some(rng, sessions, rooms, speakers, days, slot, day_from, day_to):
    """5% of the sessions are already placed and locked, at valid places on the slot grid."""
    by_id = {p["id"]: p for p in speakers}
    taken_rooms = set()
    busy = {}
    for s in rng.sample(sessions, k=len(sessions) // 20):
        for _ in range(50):
            r = rng.randrange(len(rooms))
            room = rooms[r]
            d = rng.randrange(days)
            k = rng.randrange((day_to - day_from) // slot)
            a = day_from + k * slot
            b = a + s["duration"]
            if (r, d, k) in taken_rooms or not inside(room["open"], d, a, b):
                continue
            if any(f not in room["features"] for f in s["requires"]):
                continue
            ok = True
            for p in s["speakers"]:
                av = by_id[p]["available"]
                if av is not None and not inside(av, d, a, b):
                    ok = False
                if any(x[0] == d and x[1] < b + 10 and a < x[2] + 10 for x in busy.get(p, [])):
                    ok = False
            if not ok:
                continue
            taken_rooms.add((r, d, k))
            for p in s["speakers"]:
                busy.setdefault(p, []).append((d, a, b))
            s["locked"] = {"room": room["id"], "day": d, "minute": a}
            break


def toml_windows(windows):
    items = ", ".join(
        f"{{ from = {fmt(at(d, a))}, to = {fmt(at(d, b))} }}" for (d, a, b) in windows
    )
    return f"[{items}]"


def to_toml(inst):
    first = date.fromisoformat(inst["first"])
    last = first + timedelta(days=inst["days"] - 1)
    out = [
        "[event]",
        f'id = "placement-{inst["size"]}"',
        f'name = "Placement benchmark, {inst["size"]} sessions"',
        'timezone = "Europe/Paris"',
        f"start = {first.isoformat()}",
        f"end = {last.isoformat()}",
        "",
        "[checks]",
        'room-closed = "error"',
        'speaker-unavailable = "error"',
        'missing-feature = "error"',
        'track-overlap = "off"',
        "",
    ]
    for r in inst["rooms"]:
        feats = ", ".join(f'"{f}"' for f in r["features"])
        out += [
            "[[rooms]]",
            f'id = "{r["id"]}"',
            f'name = "{r["name"]}"',
            f'capacity = {r["capacity"]}',
            f"features = [{feats}]",
            f'open = {toml_windows(r["open"])}',
            "",
        ]
    for t in inst["tracks"]:
        out += ["[[tracks]]", f'id = "{t["id"]}"', f'name = "{t["name"]}"', ""]
    for p in inst["speakers"]:
        out += ["[[speakers]]", f'id = "{p["id"]}"', f'name = "{p["name"]}"']
        if p["available"] is not None:
            out.append(f'available = {toml_windows(p["available"])}')
        out.append("")
    for s in inst["sessions"]:
        out += [
            "[[sessions]]",
            f'id = "{s["id"]}"',
            f'title = "{s["title"]}"',
            f'track = "{s["track"]}"',
            f'duration = {s["duration"]}',
            "speakers = [" + ", ".join(f'"{p}"' for p in s["speakers"]) + "]",
            f'expected = {s["expected"]}',
        ]
        if s["requires"]:
            out.append("requires = [" + ", ".join(f'"{f}"' for f in s["requires"]) + "]")
        if s["locked"]:
            lk = s["locked"]
            out += [f'room = "{lk["room"]}"', f'start = {fmt(at(lk["day"], lk["minute"]))}', "locked = true"]
        out.append("")
    return "\n".join(out)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sizes = [int(sys.argv[2])] if len(sys.argv) > 2 else sorted(SIZES)
    for n in sizes:
        inst = make(n)
        (out / f"p{n}.json").write_text(json.dumps(inst))
        (out / f"p{n}.toml").write_text(to_toml(inst))


if __name__ == "__main__":
    main()
