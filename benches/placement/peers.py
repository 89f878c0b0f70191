#!/usr/bin/env python3
"""The peers on an instance written by instances.py, each writing its timetable as JSON
({"status", "seconds", "placements": {session: {"room", "day", "minute"}}}):

    peers.py cpsat pN.json OUT.json SECONDS   # OR-Tools CP-SAT model of the same rules (exact)
    peers.py cs    pN.json OUT.json SECONDS   # PyPI conference-scheduler (PuLP + CBC)

The CP-SAT model is the reference: rooms and starts on a 5-minute step, no two sessions in a
room or of a person at once, room hours, features and availability hard (the instance's
[checks] make them errors), over-capacity and speaker changeovers under 10 minutes in
different rooms at 100 each (warnings, as agora weighs them), locked sessions fixed.
conference-scheduler assigns sessions to fixed slots of the instance's slot length; its
objective is its own capacity/demand one.
"""

import json
import sys
import time
from datetime import datetime, timedelta

STEP = 5
CHANGEOVER = 10
WARNING = 100


def inside(windows, d, a, b):
    return any(wd == d and wa <= a and b <= wb for (wd, wa, wb) in windows)


def allowed_starts(inst, s, room, by_id):
    """Absolute minutes (day * 1440 + minute) where session s may start in room."""
    if any(f not in room["features"] for f in s["requires"]):
        return []
    out = []
    for d in range(inst["days"]):
        for a in range(inst["day_from"], inst["day_to"], STEP):
            b = a + s["duration"]
            if not inside(room["open"], d, a, b):
                continue
            ok = True
            for p in s["speakers"]:
                av = by_id[p]["available"]
                if av is not None and not inside(av, d, a, b):
                    ok = False
                    break
            if ok:
                out.append(d * 1440 + a)
    return out


def cpsat(inst, seconds):
    from ortools.sat.python import cp_model

    by_id = {p["id"]: p for p in inst["speakers"]}
    rooms = {r["id"]: r for r in inst["rooms"]}
    m = cp_model.CpModel()
    start, chosen, in_room, cost = {}, {}, {}, []
    room_intervals = {r: [] for r in rooms}
    person_intervals = {p: [] for p in by_id}
    for s in inst["sessions"]:
        sid, dur = s["id"], s["duration"]
        if s["locked"]:
            lk = s["locked"]
            t = lk["day"] * 1440 + lk["minute"]
            start[sid] = m.NewConstant(t)
            chosen[sid] = {lk["room"]: m.NewConstant(1)}
            iv = m.NewFixedSizeIntervalVar(start[sid], dur, f"l{sid}")
            room_intervals[lk["room"]].append(iv)
        else:
            options = {}
            for rid, room in rooms.items():
                starts = allowed_starts(inst, s, room, by_id)
                if starts:
                    options[rid] = starts
            if not options:
                return None, "infeasible (a session has no allowed place)"
            union = sorted({t for v in options.values() for t in v})
            start[sid] = m.NewIntVarFromDomain(cp_model.Domain.FromValues(union), f"t{sid}")
            chosen[sid] = {}
            for rid, starts in options.items():
                x = m.NewBoolVar(f"x{sid}{rid}")
                chosen[sid][rid] = x
                m.AddLinearExpressionInDomain(start[sid], cp_model.Domain.FromValues(starts)).OnlyEnforceIf(x)
                room_intervals[rid].append(m.NewOptionalFixedSizeIntervalVar(start[sid], dur, x, f"i{sid}{rid}"))
                if rooms[rid]["capacity"] < s["expected"]:
                    cost.append(WARNING * x)
            m.AddExactlyOne(chosen[sid].values())
        iv = m.NewFixedSizeIntervalVar(start[sid], dur, f"p{sid}")
        for p in s["speakers"]:
            person_intervals[p].append((sid, dur, iv))
    for ivs in room_intervals.values():
        m.AddNoOverlap(ivs)
    for p, items in person_intervals.items():
        m.AddNoOverlap([iv for (_, _, iv) in items])
        # Changeovers: consecutive sessions of a person in different rooms less than 10 min apart.
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                (a, da, _), (b, db, _) = items[i], items[j]
                before = m.NewBoolVar(f"o{a}{b}")
                m.Add(start[b] >= start[a] + da).OnlyEnforceIf(before)
                m.Add(start[a] >= start[b] + db).OnlyEnforceIf(before.Not())
                same = m.NewBoolVar(f"same{a}{b}")
                both = []
                for rid in set(chosen[a]) & set(chosen[b]):
                    y = m.NewBoolVar(f"y{a}{b}{rid}")
                    m.AddBoolAnd([chosen[a][rid], chosen[b][rid]]).OnlyEnforceIf(y)
                    m.AddBoolOr([chosen[a][rid].Not(), chosen[b][rid].Not()]).OnlyEnforceIf(y.Not())
                    both.append(y)
                m.Add(sum(both) == same) if both else m.Add(same == 0)
                pen = m.NewBoolVar(f"pen{a}{b}")
                m.Add(start[b] >= start[a] + da + CHANGEOVER).OnlyEnforceIf([before, same.Not(), pen.Not()])
                m.Add(start[a] >= start[b] + db + CHANGEOVER).OnlyEnforceIf([before.Not(), same.Not(), pen.Not()])
                cost.append(WARNING * pen)
    m.Minimize(sum(cost))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = 1
    status = solver.Solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, solver.StatusName(status).lower()
    out = {}
    for s in inst["sessions"]:
        sid = s["id"]
        t = solver.Value(start[sid])
        room = next(r for r, x in chosen[sid].items() if solver.Value(x))
        out[sid] = {"room": room, "day": t // 1440, "minute": t % 1440}
    return out, solver.StatusName(status).lower()


def conference_scheduler(inst, seconds):
    import pulp
    from conference_scheduler import scheduler
    from conference_scheduler.lp_problem import objective_functions as of
    from conference_scheduler.resources import Event, Slot

    first = datetime.fromisoformat(inst["first"])
    by_id = {p["id"]: p for p in inst["speakers"]}
    size = inst["slot"]
    slots, where = [], []
    for room in inst["rooms"]:
        for (d, a, b) in room["open"]:
            for t in range(inst["day_from"], b - size + 1, size):
                if t < a:
                    continue
                slots.append(Slot(venue=room["id"], starts_at=first + timedelta(days=d, minutes=t),
                                  duration=size, capacity=room["capacity"], session=f"{room['id']}-{d}"))
                where.append((room, d, t))
    events = [Event(name=s["id"], duration=s["duration"], demand=s["expected"]) for s in inst["sessions"]]
    by_speaker = {}
    for e, s in zip(events, inst["sessions"]):
        for p in s["speakers"]:
            by_speaker.setdefault(p, []).append(e)
        for k, (room, d, t) in enumerate(where):
            ok = all(f in room["features"] for f in s["requires"]) and all(
                by_id[p]["available"] is None or inside(by_id[p]["available"], d, t, t + s["duration"])
                for p in s["speakers"])
            if s["locked"]:
                lk = s["locked"]
                ok = (room["id"], d, t) == (lk["room"], lk["day"], lk["minute"])
            if not ok:
                e.add_unavailability(slots[k])
    for evs in by_speaker.values():
        for a in evs:
            for b in evs:
                if a is not b:
                    a.add_unavailability(b)
    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=seconds, threads=1)
    try:
        solution = scheduler.solution(events, slots, objective_function=of.efficiency_capacity_demand_difference, solver=solver)
    except ValueError as e:
        return None, str(e)
    out = {}
    for (e, k) in solution:
        room, d, t = where[k]
        out[inst["sessions"][e]["id"]] = {"room": room["id"], "day": d, "minute": t}
    return out, "solved"


def main():
    which, path, out, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    inst = json.load(open(path))
    began = time.monotonic()
    run = cpsat if which == "cpsat" else conference_scheduler
    placements, status = run(inst, seconds)
    json.dump({"status": status, "seconds": time.monotonic() - began, "placements": placements or {}}, open(out, "w"))


if __name__ == "__main__":
    main()
