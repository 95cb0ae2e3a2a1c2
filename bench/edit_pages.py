#!/usr/bin/env python3
"""Edits a share of a generated site's pages for the rescan benchmark, and puts them back.

  edit_pages.py change SITE BACKUP --every N   edits every Nth page (sorted by path), copying
                                               the originals (and their .gz twins) to BACKUP
  edit_pages.py restore SITE BACKUP            copies the originals back, mtimes and all, so
                                               nginx serves them with their old validators
"""

import argparse
import gzip
import os
import shutil
import sys


def pages(site):
    found = []
    for root, _, files in os.walk(site):
        found += [os.path.join(root, f) for f in files if f.endswith(".html")]
    return sorted(found)


def change(args):
    os.makedirs(args.backup, exist_ok=True)
    edited = pages(args.site)[:: args.every]
    for path in edited:
        rel = os.path.relpath(path, args.site)
        for suffix in ("", ".gz"):
            keep = os.path.join(args.backup, rel + suffix)
            os.makedirs(os.path.dirname(keep), exist_ok=True)
            shutil.copy2(path + suffix, keep)
        with open(path, "rb") as f:
            html = f.read()
        # A new paragraph, as an editor's fix to the text would add.
        html = html.replace(b"</body>", b"<p>Updated: our opening hours changed.</p></body>", 1)
        with open(path, "wb") as f:
            f.write(html)
        with open(path + ".gz", "wb") as f:
            f.write(gzip.compress(html, 6, mtime=0))
    print(len(edited))


def restore(args):
    for root, _, files in os.walk(args.backup):
        for name in files:
            kept = os.path.join(root, name)
            shutil.copy2(kept, os.path.join(args.site, os.path.relpath(kept, args.backup)))
    shutil.rmtree(args.backup)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["change", "restore"])
    ap.add_argument("site")
    ap.add_argument("backup")
    ap.add_argument("--every", type=int, default=100)
    args = ap.parse_args()
    (change if args.command == "change" else restore)(args)


if __name__ == "__main__":
    sys.exit(main())
