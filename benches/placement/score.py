#!/usr/bin/env python3
"""Score a timetable with agora's own rules (the same check for every solver):

    score.py pN.json PLAN AGORA          # PLAN: a peers.py JSON, or an agora-placed .toml

Prints one JSON line: sessions placed, error-level diagnostics, warnings, weighted warnings
(100 each, agora's default) and locked sessions moved.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import instances  # noqa: E402


def check(agora, toml_path):
    out = subprocess.run([agora, "check", str(toml_path), "--format", "json"], capture_output=True, text=True)
    if out.returncode == 2:
        raise SystemExit(f"agora check could not read {toml_path}: {out.stderr}")
    return json.loads(out.stdout)


def main():
    inst = json.load(open(sys.argv[1]))
    plan, agora = Path(sys.argv[2]), sys.argv[3]
    if plan.suffix == ".toml":
        toml_path = plan
        text = plan.read_text()
    else:
        placements = json.load(open(plan))["placements"]
        text = instances.to_toml(inst, placements)
        toml_path = Path(tempfile.mkdtemp()) / "plan.toml"
        toml_path.write_text(text)
    report = check(agora, toml_path)
    diags = report["diagnostics"]
    unscheduled = sum(1 for d in diags if d["code"] == "unscheduled")
    # Locked sessions must stay where the instance has them.
    moved = 0
    for s in inst["sessions"]:
        if not s["locked"]:
            continue
        lk = s["locked"]
        block = re.search(r'id = "%s"\n(.*?)(?:\n\n|\Z)' % re.escape(s["id"]), text, re.S).group(1)
        want_start = instances.fmt(instances.at(lk["day"], lk["minute"]))
        if f'room = "{lk["room"]}"' not in block or f"start = {want_start}" not in block:
            moved += 1
    print(json.dumps({
        "placed": len(inst["sessions"]) - unscheduled,
        "sessions": len(inst["sessions"]),
        "errors": report["summary"]["errors"],
        "warnings": report["summary"]["warnings"],
        "weighted": 100 * report["summary"]["warnings"],
        "locked_moved": moved,
    }))


if __name__ == "__main__":
    main()
