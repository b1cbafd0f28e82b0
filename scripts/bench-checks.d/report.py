#!/usr/bin/env python3
"""Turns scripts/bench-checks' raw files into a markdown table: medians (s) and ratios."""
import json, os, statistics, sys

out, hosts = sys.argv[1], sys.argv[2]
rows = {}
for name in ("ops.json", "peers.json"):
    path = os.path.join(out, name)
    if os.path.exists(path):
        with open(path) as f:
            rows.update({r["command"]: statistics.median(r["times"]) for r in json.load(f)["results"]})
pooled = {}
with open(os.path.join(out, "pooled.txt")) as f:
    for line in f:
        if line.startswith("median-"):
            k, v = line.split()
            pooled[k[len("median-"):]] = float(v) / 1000
check, exec_ = pooled["check"], pooled["exec"]
print(f"| {hosts} hosts, ten checks | median (s) | vs ops check (pooled) |")
print("|---|---:|---:|")
print(f"| ops check, same shell (pooled) | {check:.3f} | 1.00x |")
print(f"| ops exec `uname -a`, same shell (pooled) | {exec_:.3f} | {exec_ / check:.2f}x |")
for name, t in rows.items():
    print(f"| {name} | {t:.3f} | {t / check:.1f}x |")
cold = rows.get("ops check -g (cold)")
print()
print(f"ops check pooled / one pooled exec: {check / exec_:.2f}x")
for name, t in rows.items():
    if cold and not name.startswith("ops"):
        print(f"{name}: {t / check:.0f}x ops pooled, {t / cold:.1f}x ops cold")
