#!/usr/bin/env python3
"""Prints the GUI stalls the window tests measured in this CTest run, against the goal.

Each window test appends one line per heartbeat (tests/support/stallwatch.cpp, StallWatch::report):
test, function, where, longest stall (ms, CPU wait taken out), longest wall gap (ms), the stalls
over the goal in words. This check reports; it does not fail on a stall, since on a loaded machine
a gap stretches for reasons that say nothing about the product (kalito-bench measures the stall on
purpose). It fails only when the report cannot be read as written.
Usage: gui_stalls.py REPORT GOAL_MS [ROWS]  (ROWS: how many of the longest to list, default 10)
"""
import os
import sys


def main():
    path, goal = sys.argv[1], int(sys.argv[2])
    shown = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    if not os.path.exists(path):
        print(f"gui_stalls: no window test ran a heartbeat in this run ({path} absent)")
        return 0
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 6:
                print(f"gui_stalls: {path}:{n}: {len(parts)} fields, expected 6: {line!r}")
                return 1
            test, function, where, longest, wall, over = parts
            rows.append((int(longest), int(wall), test, function, where, over))
    rows.sort(reverse=True)
    over_goal = [r for r in rows if r[0] > goal]
    print(f"gui_stalls: {len(rows)} heartbeats measured; {len(over_goal)} over the {goal} ms goal")
    print(f"{'longest ms':>10} {'wall ms':>8}  test::function (where)")
    for longest, wall, test, function, where, over in rows[:shown]:
        print(f"{longest:>10} {wall:>8}  {test}::{function} ({where})")
        if over:
            print(f"{'':>20}  {over}")
    try:
        load = os.getloadavg()
        print(f"load average now: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs")
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
