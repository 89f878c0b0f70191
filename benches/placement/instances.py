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
    5000: (5000, 60, 4, [20, 30], 30, 8, 21),
}
FIRST = date(2025, 6, 10)
CAPACITIES = [30, 50, 80, 120, 200, 400]


def at(day, minutes):
    return datetime(FIRST.year, FIRST.month, FIRST.day) + timedelta(days=day, minutes=minutes)


def fmt(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S")


def make(n):
    """A planted instance: a hidden valid timetable on the slot grid is drawn first, and every
    hard constraint (room hours, features, availability, no double booking) is derived so
    that it holds for it; the solvers do not see it. So every instance is feasible, also in
    conference-scheduler's slot model."""
    sessions_n, rooms_n, days, lengths, slot, h_from, h_to = SIZES[n]
    rng = random.Random(n)
    day_from, day_to = h_from * 60, h_to * 60
    per_day = (day_to - day_from) // slot
    rooms = []
    for r in range(rooms_n):
        features = ["projector"] if rng.random() < 0.6 else []
        if rng.random() < 0.25:
            features.append("recording")
        open_ = []
        for d in range(days):
            kind = rng.random()
            if kind < 0.04 and days > 1:
                continue  # closed that day
            to = day_to if kind > 0.12 else day_from + (per_day // 2) * slot
            open_.append((d, day_from, to))
        rooms.append({
            "id": f"room-{r:02}",
            "name": f"Room {r:02}",
            "capacity": rng.choice(CAPACITIES),
            "features": features,
            "open": open_,
        })
    cells = [
        (r, d, k)
        for r, room in enumerate(rooms)
        for (d, a, b) in room["open"]
        for k in range(per_day)
        if day_from + (k + 1) * slot <= b
    ]
    rng.shuffle(cells)
    if len(cells) < sessions_n:
        raise SystemExit(f"size {n}: {len(cells)} cells for {sessions_n} sessions")
    speakers_n = (sessions_n * 4) // 5
    speakers = [{"id": f"sp-{p:04}", "name": f"Speaker {p:04}", "available": None, "busy": set()}
                for p in range(speakers_n)]
    tracks = [{"id": f"track-{t:02}", "name": f"Track {t:02}"} for t in range(rooms_n)]
    sessions = []
    for s in range(sessions_n):
        r, d, k = cells[s]
        room = rooms[r]
        people = []
        for _ in range(2 if rng.random() < 0.3 else 1):
            for _ in range(20):
                p = rng.randrange(speakers_n)
                # Free at that time and the slot around it (no changeover in the plant).
                if p not in people and not any(
                    (d, x) in speakers[p]["busy"] for x in (k - 1, k, k + 1)
                ):
                    people.append(p)
                    break
        for p in people:
            speakers[p]["busy"].add((d, k))
        requires = [f for f in room["features"] if rng.random() < 0.3]
        sessions.append({
            "id": f"s-{s:05}",
            "title": f"Session {s:05}",
            "duration": rng.choice(lengths),
            "speakers": [speakers[p]["id"] for p in people],
            "track": tracks[r]["id"] if rng.random() < 0.8 else tracks[rng.randrange(rooms_n)]["id"],
            "expected": rng.randrange(20, 250),
            "requires": requires,
            "hidden": {"room": room["id"], "day": d, "minute": day_from + k * slot},
            "locked": None,
        })
    # Availability: a quarter of the speakers give some days only, a tenth a half day; always
    # including the times of their sessions in the plant.
    for p in speakers:
        need_days = sorted({d for (d, _) in p["busy"]})
        x = rng.random()
        if x < 0.25 and days > 1:
            extra = [d for d in range(days) if d not in need_days and rng.random() < 0.3]
            p["available"] = [(d, day_from, day_to) for d in sorted(need_days + extra)]
        elif x < 0.35 and len(need_days) == 1:
            d = need_days[0]
            ks = [k for (dd, k) in p["busy"] if dd == d]
            half = per_day // 2
            if all(k < half for k in ks):
                p["available"] = [(d, day_from, day_from + half * slot)]
            elif all(k >= half for k in ks):
                p["available"] = [(d, day_from + half * slot, day_to)]
        del p["busy"]
    for s in rng.sample(sessions, k=len(sessions) // 20):
        s["locked"] = s["hidden"]
    for s in sessions:
        del s["hidden"]
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


def toml_windows(windows):
    items = ", ".join(
        f"{{ from = {fmt(at(d, a))}, to = {fmt(at(d, b))} }}" for (d, a, b) in windows
    )
    return f"[{items}]"


def to_toml(inst, placements=None):
    """The instance as an agora event; `placements` (session id → room, day, minute) gives
    sessions a place, as a solver's timetable."""
    placements = placements or {}
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
        elif s["id"] in placements:
            pl = placements[s["id"]]
            out += [f'room = "{pl["room"]}"', f'start = {fmt(at(pl["day"], pl["minute"]))}']
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
