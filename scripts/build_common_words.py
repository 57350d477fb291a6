"""Build data/rules/common_words.txt: folded words frequent outside names and never inside one in ANERcorp.

    python scripts/build_common_words.py [--anercorp ../shared/data/ext/anercorp/ANERCorp.txt] [--min-count 4]

The list stops name discovery from swallowing ordinary words (a name never runs on into «مشاركة» or «المهندس»).
ANERcorp is CC BY-SA 4.0, so the list is too (see NOTICE).
"""
from __future__ import annotations

import argparse
import collections
from pathlib import Path

from marsad.text.normalize import fold

OUT = Path(__file__).resolve().parents[1] / "src/marsad/data/rules/common_words.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--anercorp", default=str(Path(__file__).resolve().parents[2] / "shared/data/ext/anercorp/ANERCorp.txt"))
    ap.add_argument("--min-count", type=int, default=4)
    a = ap.parse_args()
    outside, inside = collections.Counter(), collections.Counter()
    for line in open(a.anercorp, encoding="utf-8"):
        parts = line.replace("\u200f", "").split()
        if len(parts) != 2:
            continue
        word, tag = fold(parts[0]), parts[1]
        (outside if tag == "O" else inside)[word] += 1
    words = sorted(w for w, c in outside.items()
                   if c >= a.min_count and not inside[w] and any("\u0621" <= ch <= "\u064a" for ch in w))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Folded Arabic words seen at least 4 times outside any name and never inside one in ANERcorp (CC BY-SA 4.0,\n")
        f.write("# Benajiba & Rosso; CAMeL Lab release). Derived data: CC BY-SA 4.0 (see NOTICE). Built by scripts/build_common_words.py.\n")
        for w in words:
            f.write(w + "\n")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
