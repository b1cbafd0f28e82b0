#!/usr/bin/env python3
"""Turns scripts/bench's raw files into markdown rows: medians (s) and ratios against ops."""
import json, os, statistics, sys


def medians(path):
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return {r["command"]: statistics.median(r["times"]) for r in json.load(f)["results"]}


def warm(path):
    with open(path) as f:
        for line in f:
            if line.startswith("median "):
                return float(line.split()[1]) / 1000
    raise SystemExit("no median in " + path)


mode = sys.argv[1]
if mode == "header":
    print("| hosts | tool | median (s) | vs ops cold | vs ops warm |")
    print("|---:|---|---:|---:|---:|")
elif mode == "hosts":
    n, out = sys.argv[2], sys.argv[3]
    rows = {**medians(f"{out}/cold-{n}.json"), **medians(f"{out}/ansible-{n}.json")}
    cold = rows[f"ops exec (cold) {n}"]
    hot = warm(f"{out}/warm-{n}.txt")
    print(f"| {n} | ops, same shell (pooled) | {hot:.3f} | {hot / cold:.2f}x | 1.00x |")
    for name, t in rows.items():
        label = name.rsplit(" ", 1)[0]
        print(f"| {n} | {label} | {t:.3f} | {t / cold:.1f}x | {t / hot:.0f}x |")
elif mode == "facts":
    n, out = sys.argv[2], sys.argv[3]
    cold = medians(f"{out}/cold-{n}.json")[f"ops facts (cold) {n}"]
    hot = warm(f"{out}/warm-{n}.txt")
    runs = {}
    with open(f"{out}/ansible-{n}.txt") as f:
        for line in f:
            name, secs, ok = line.strip().split("|")
            runs.setdefault(name, []).append((float(secs), int(ok)))
    print(f"| {n} | ops facts, same shell (pooled) | {hot:.3f} | {hot / cold:.2f}x | 1.00x |")
    print(f"| {n} | ops facts (cold) | {cold:.3f} | 1.0x | {cold / hot:.0f}x |")
    for name, rs in runs.items():
        t = statistics.median(r[0] for r in rs)
        oks = "/".join(str(r[1]) for r in rs)
        print(f"| {n} | {name} (facts from {oks} of {n} hosts) | {t:.3f} | {t / cold:.1f}x | {t / hot:.0f}x |")
elif mode == "startup":
    out = sys.argv[2]
    first = medians(f"{out}/startup.json")["ops -e first result"]
    with open(f"{out}/prompt.txt") as f:
        prompt = [float(l.split()[1]) for l in f if l.startswith("median")][0] / 1000
    print()
    print("| start-up | median (s) |")
    print("|---|---:|")
    print(f"| `ops` to first prompt | {prompt:.3f} |")
    print(f"| `ops -e 'localhost().exec(\"true\")'` to exit | {first:.3f} |")
