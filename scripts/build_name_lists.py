"""Build marsad's lists of Western given names and surnames from the 1990 US Census name files.

The US Census Bureau's 1990 frequency lists (public domain, US government work) are shipped inside the PyPI package
``names`` 0.3.0 (MIT licence; files ``dist.all.last``, ``dist.male.first``, ``dist.female.first``). This script keeps the
names only, most frequent first, one per line, in ``src/marsad/data/names/``:

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python scripts/build_name_lists.py names-0.3.0/names

The lists let discovery spell a Western name written in Arabic letters the way English writes it (زوكرمان → Zuckerman)
instead of letter by letter; see ``marsad.entities.western``.
"""
from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "names"


def names_of(path: Path) -> list[tuple[float, str]]:
    """(frequency in percent, NAME) rows of a census distribution file."""
    rows = []
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0].isalpha():
            rows.append((float(parts[1]), parts[0]))
    return rows


def main(folder: str) -> None:
    src = Path(folder)
    OUT.mkdir(parents=True, exist_ok=True)
    surnames = [n for _, n in names_of(src / "dist.all.last")]
    given: dict[str, float] = {}
    for name in ("dist.male.first", "dist.female.first"):  # one list; a name in both keeps its larger frequency
        for freq, n in names_of(src / name):
            given[n] = max(freq, given.get(n, 0.0))
    header = "# {}: US Census Bureau 1990 name frequency list (public domain), via PyPI names 0.3.0 (MIT); most frequent first\n"
    (OUT / "surnames.txt").write_text(header.format("surnames") + "\n".join(n.capitalize() for n in surnames) + "\n",
                                      encoding="utf-8")
    ordered = sorted(given, key=lambda n: -given[n])
    (OUT / "given_names.txt").write_text(header.format("given names") + "\n".join(n.capitalize() for n in ordered) + "\n",
                                         encoding="utf-8")
    print(f"{len(surnames)} surnames, {len(ordered)} given names → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "names-0.3.0/names")
