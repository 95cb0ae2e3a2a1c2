#!/usr/bin/env python3
"""Turns bench/run's raw figures into the results table, and reads tagdrift's page count.

  report.py table RAW.tsv --pages N --urls U ...   prints medians per tool and the ratios
  report.py pages SCAN.json                        prints how many pages a tagdrift scan covered
"""

import argparse
import csv
import datetime
import json
import os
import platform
import statistics
import sys

TOOLS = [  # (key, label)
    ("tagdrift", "tagdrift cold (+ history)"),
    ("rescan", "tagdrift rescan, unchanged"),
    ("rescan1", "tagdrift rescan, 1% changed"),
    ("wget2", "wget2 (crawl only)"),
    ("scrapy", "Scrapy (crawl + script src)"),
    ("gumbo", "bare Gumbo parse, 1 core"),
]
RATIOS = [  # (tool, peer, target for the tool's pages/s over the peer's, or None)
    ("tagdrift", "wget2", None),
    ("tagdrift", "scrapy", 5.0),
    ("tagdrift", "gumbo", 1.6),
    ("rescan", "wget2", 1.0),
    ("rescan1", "wget2", 0.5),
]
RSS_TARGET_MB = 150
RSS_TARGET_PAGES = 20_000


def median(values):
    return statistics.median(values) if values else None


def summarize(rows, pages):
    """Medians of one tool's runs; pages/s is the site's page count over the median time."""
    ok = [r for r in rows if r["rc"] == "0"]
    if not ok:
        return None
    seconds = median([float(r["seconds"]) for r in ok])
    cpu = median([float(r["user"]) + float(r["sys"]) for r in ok])
    work_cpu = median([float(r["cpu_seconds"]) for r in ok])
    fetched = sorted({r["pages"] for r in ok})
    return {
        "runs": f"{len(ok)}/{len(rows)}",
        "pages_per_s": pages / seconds if seconds > 0 else float("inf"),
        "pages_per_cpu_s": pages / work_cpu if work_cpu > 0 else float("inf"),
        "seconds": seconds,
        "cpu": cpu,
        "rss_mb": median([int(r["rss_kb"]) / 1024 for r in ok]),
        "pages": ",".join(p or "?" for p in fetched),
    }


def table(args):
    with open(args.raw) as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    stats = {}
    for key, _ in TOOLS:
        stats[key] = summarize([r for r in rows if r["tool"] == key], args.pages)

    lines = []
    now = datetime.datetime.now().isoformat(timespec="seconds")
    lines.append(f"tagdrift crawl benchmark, {now}, commit {args.commit}")
    lines.append(f"site: {args.pages} pages ({args.urls} URLs incl. ?query variants), "
                 f"{args.site_bytes / 1e6:.0f} MB of HTML, served by nginx on loopback")
    lines.append(f"machine: {os.cpu_count()} cores, {platform.machine()}, "
                 f"load average {args.load}")
    lines.append("")
    header = f"{'tool':32} {'pages/s':>9} {'pages/CPU-s':>12} {'time s':>8} {'CPU s':>8} " \
             f"{'peak RSS MB':>12} {'pages fetched':>14} {'runs ok':>8}"
    lines.append(header)
    lines.append("-" * len(header))
    for key, label in TOOLS:
        s = stats[key]
        if s is None:
            note = args.skip if key.startswith(("tagdrift", "rescan")) and args.skip \
            else "no successful run"
            lines.append(f"{label:32} {'-':>9}   {note}")
            continue
        lines.append(f"{label:32} {s['pages_per_s']:9.1f} {s['pages_per_cpu_s']:12.1f} "
                     f"{s['seconds']:8.2f} {s['cpu']:8.2f} {s['rss_mb']:12.1f} {s['pages']:>14} "
                     f"{s['runs']:>8}")
    lines.append("")
    lines.append("pages/s: the site's page count over the median wall time. pages/CPU-s: the same")
    lines.append("over the median CPU seconds (user + sys), steadier than wall time on a busy")
    lines.append("machine. For bare Gumbo both clocks cover the parse loop alone (files already in")
    lines.append("memory); its CPU s and RSS include reading every page. A crawler's pages fetched")
    lines.append("should equal the site's URLs.")
    lines.append("")
    lines.append("ratios (higher is better for tagdrift):             pages/s   pages/CPU-s")
    labels = dict(TOOLS)
    for tool, peer, target in RATIOS:
        name = f"{tool} / {labels[peer]}"
        goal = f"   target >= {target:.1f}x pages/s" if target else ""
        mine, theirs = stats[tool], stats[peer]
        if mine is None or theirs is None:
            lines.append(f"  {name:44} {'n/a':>8} {'n/a':>13}{goal}")
        else:
            ratio = mine["pages_per_s"] / theirs["pages_per_s"]
            cpu_ratio = mine["pages_per_cpu_s"] / theirs["pages_per_cpu_s"]
            lines.append(f"  {name:44} {ratio:7.2f}x {cpu_ratio:12.2f}x{goal}")
    rss = {key: stats[key]["rss_mb"] for key in ("tagdrift", "rescan", "rescan1") if stats[key]}
    if rss:
        at = "" if args.pages == RSS_TARGET_PAGES else f", measured here on {args.pages} pages"
        each = ", ".join(f"{key} {mb:.1f}" for key, mb in rss.items())
        lines.append(f"tagdrift peak RSS MB: {each}   (target <= {RSS_TARGET_MB} MB "
                     f"on {RSS_TARGET_PAGES} pages{at})")
    print("\n".join(lines))


def pages(args):
    """Best effort: the scan's JSON layout is tagdrift's to define; prints '?' if not found."""
    try:
        with open(args.json) as f:
            doc = json.load(f)
    except (OSError, ValueError):
        print("?")
        return
    candidates = [doc, doc.get("summary", {}) if isinstance(doc, dict) else {}]
    for c in candidates:
        if not isinstance(c, dict):
            continue
        for key in ("pages_scanned", "pages_crawled", "pages"):
            v = c.get(key)
            if isinstance(v, int):
                print(v)
                return
            if isinstance(v, list):
                print(len(v))
                return
    print("?")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    t = sub.add_parser("table")
    t.add_argument("raw")
    t.add_argument("--pages", type=int, required=True)
    t.add_argument("--urls", type=int, required=True)
    t.add_argument("--site-bytes", type=int, required=True)
    t.add_argument("--commit", default="unknown")
    t.add_argument("--load", default="?")
    t.add_argument("--skip", default="")
    p = sub.add_parser("pages")
    p.add_argument("json")
    args = ap.parse_args()
    (table if args.command == "table" else pages)(args)


if __name__ == "__main__":
    sys.exit(main())
