#!/usr/bin/env python3
"""The peer for `agora export ics`: Python's tomllib + icalendar building the same calendar
from the same event file (one VEVENT per scheduled session, times with TZID, UID, SUMMARY,
LOCATION, DESCRIPTION, CATEGORIES, STATUS), written to a file.

    python3 benches/ics_python.py EVENT.toml OUT.ics
"""
import sys
import tomllib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event


def main(path, out):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    ev = data["event"]
    tz = ZoneInfo(ev["timezone"])
    rooms = {r["id"]: r for r in data.get("rooms", [])}
    people = {p["id"]: p for p in data.get("speakers", [])}
    tracks = {t["id"]: t for t in data.get("tracks", [])}
    cal = Calendar()
    cal.add("prodid", "-//python icalendar peer//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", ev["name"])
    cal.add("x-wr-timezone", ev["timezone"])
    stamp = datetime(2017, 12, 1, tzinfo=ZoneInfo("UTC"))
    for s in data.get("sessions", []):
        start = s.get("start")
        room = s.get("room")
        if start is None or (room is None and s.get("kind") not in ("break", "social")):
            continue
        if start.tzinfo is None:
            start = start.replace(tzinfo=tz)
        end = s.get("end")
        if end is None:
            end = start + timedelta(minutes=s.get("duration", 0))
        elif end.tzinfo is None:
            end = end.replace(tzinfo=tz)
        e = Event()
        e.add("uid", f"{s['id']}@{ev['id']}")
        e.add("dtstamp", stamp)
        e.add("dtstart", start)
        e.add("dtend", end)
        e.add("summary", s["title"])
        if room in rooms:
            e.add("location", f"{rooms[room]['name']}, {ev.get('venue', '')}")
        names = [people[p]["name"] for p in s.get("speakers", []) + s.get("moderators", []) if p in people]
        e.add("description", "\n".join(names + [s.get("description", "")]))
        cats = [tracks[s["track"]]["name"]] if s.get("track") in tracks else []
        e.add("categories", cats + [s.get("kind", "talk")])
        e.add("status", {"cancelled": "CANCELLED", "tentative": "TENTATIVE"}.get(s.get("status"), "CONFIRMED"))
        cal.add_component(e)
    with open(out, "wb") as f:
        f.write(cal.to_ical())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
