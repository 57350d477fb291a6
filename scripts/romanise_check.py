"""How well discovery spells a name it has never seen: the people of the lexicon as a held-out check.

Every person whose Arabic form has as many words as their English name gives word pairs (بيلفر ↔ Belfer); each Arabic
word is spelled letter by letter (``discovery.spell``, without the table of known name words, which would simply look the
word up) and compared with its English counterpart: exact matches (case-folded, accents ignored) and the mean character
error rate (Levenshtein distance / length of the English word). Groups: Western names (people of Western states and
bodies), Slavic names (Russia, Ukraine, Belarus), Arab names (people of Arab states and movements), and all pairs.

    PYTHONPATH=src python scripts/romanise_check.py [-v GROUP]
"""
from __future__ import annotations

import argparse
import json
import unicodedata
from importlib import resources

from marsad.entities.discovery import spell
from marsad.lexicon.load import key_of

WESTERN = {"united-states", "united-kingdom", "france", "germany", "norway", "estonia", "netherlands", "european-union",
           "nato", "moldova"}
SLAVIC = {"russia", "ukraine", "belarus"}
ARAB = {"syria", "lebanon", "iraq", "egypt", "saudi-arabia", "yemen", "sudan", "libya", "united-arab-emirates", "qatar",
        "jordan", "palestine", "hamas", "hezbollah", "houthis", "arab-league", "gulf-cooperation-council"}


def plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(ch for ch in s if ch.isalpha() and not unicodedata.combining(ch))


def distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def pairs() -> dict[str, set[tuple[str, str, str]]]:
    text = resources.files("marsad").joinpath("data/lexicon/people.jsonl").read_text(encoding="utf-8")
    groups: dict[str, set] = {"western": set(), "slavic": set(), "arab": set(), "all": set()}
    for line in text.splitlines():
        row = json.loads(line)
        states = {o.get("of") for o in row.get("offices", [])}
        english = row["name"].split()
        for form in row["forms"]:
            arabic = form.split()
            if len(arabic) != len(english) or len(arabic) < 2:
                continue
            for a, b in zip(arabic, english):
                if key_of(a).startswith("ال"):
                    continue  # «العقيد معمر»: a title, not a name word
                groups["all"].add((a, b, row["id"]))
                if states & WESTERN:
                    groups["western"].add((a, b, row["id"]))
                if states & SLAVIC:
                    groups["slavic"].add((a, b, row["id"]))
                if states & ARAB:
                    groups["arab"].add((a, b, row["id"]))
    return groups


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", dest="show", help="list the misses of this group")
    a = ap.parse_args()
    for name, items in pairs().items():
        exact = cer = 0.0
        for ar, en, _ in sorted(items):
            got = plain(spell(ar))
            want = plain(en)
            d = distance(got, want)
            exact += d == 0
            cer += d / max(1, len(want))
            if a.show == name and d:
                print(f"  {ar}\t{spell(ar)}\t{en}")
        n = max(1, len(items))
        print(f"{name:<8} pairs={len(items):4d} exact={exact / n:.3f} cer={cer / n:.3f}")


if __name__ == "__main__":
    main()
