"""The least the original Python tool does with a results tree: find every .json file below the
folder and json.load it. Used by `npm run bench:report` as a same-run yardstick, since the tool
itself is not part of this project.

Usage: python3 scripts/python-floor.py FOLDER
"""
import glob
import json
import sys


def main() -> None:
    files = sorted(glob.glob(f"{sys.argv[1]}/**/*.json", recursive=True))
    keys = 0
    for name in files:
        with open(name, "rb") as handle:
            keys += len(json.load(handle))
    print(f"{len(files)} files, {keys} top-level keys")


main()
