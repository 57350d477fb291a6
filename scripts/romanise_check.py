"""How well discovery spells a name it has never seen: the people of the lexicon as a held-out check.

Every person whose Arabic form has as many words as their English name gives word pairs (بيلفر ↔ Belfer); each Arabic
word is spelled letter by letter (``discovery.spell``, without the table of known name words, which would simply look the
word up) and compared with its English counterpart: exact matches (case-folded, accents ignored) and the mean character
error rate (Levenshtein distance / length of the English word). Groups: Western names (people of Western states and
bodies), Slavic names (Russia, Ukraine, Belarus), Arab names (people of Arab states and movements), and all pairs.

    PYTHONPATH=src python scripts/romanise_check.py [-v GROUP] [--names]

``--names`` checks whole names through ``discovery.romanise`` instead (known name words, then the census names of
``marsad.entities.western`` for Western words, then letters), each person's own words hidden from the name table.
"""
from __future__ import annotations

import argparse
import json
import unicodedata
from importlib import resources

from marsad.entities.discovery import name_words, romanise, spell
from marsad.entities.western import distance
from marsad.lexicon.load import key_of

WESTERN = {"united-states", "united-kingdom", "france", "germany", "norway", "estonia", "netherlands", "european-union",
           "nato", "moldova"}
SLAVIC = {"russia", "ukraine", "belarus"}
ARAB = {"syria", "lebanon", "iraq", "egypt", "saudi-arabia", "yemen", "sudan", "libya", "united-arab-emirates", "qatar",
        "jordan", "palestine", "hamas", "hezbollah", "houthis", "arab-league", "gulf-cooperation-council"}


def plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(ch for ch in s if ch.isalpha() and not unicodedata.combining(ch))


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


def group_of(row: dict) -> str:
    states = {o.get("of") for o in row.get("offices", [])}
    return ("western" if states & WESTERN else "slavic" if states & SLAVIC else "arab" if states & ARAB else "other")


def check_names(show: str | None) -> None:
    """Whole names through ``romanise`` (name words, census names for Western words, then letters), each person's own
    words hidden from the table of known name words: names and words right per group."""
    known = name_words()
    text = resources.files("marsad").joinpath("data/lexicon/people.jsonl").read_text(encoding="utf-8")
    res: dict[str, list[int]] = {}
    for line in text.splitlines():
        row = json.loads(line)
        form = next((f for f in row["forms"] if 2 <= len(f.split()) == len(row["name"].split())), None)
        if form is None:
            continue
        hidden = {key_of(w): known.pop(key_of(w)) for w in form.split() if key_of(w) in known}
        got = romanise(form)
        known.update(hidden)
        r = res.setdefault(group_of(row), [0, 0, 0, 0])
        r[0] += 1
        r[1] += plain(got) == plain(row["name"])
        r[2] += len(form.split())
        r[3] += sum(plain(x) == plain(y) for x, y in zip(got.split(), row["name"].split()))
        if show == group_of(row) and plain(got) != plain(row["name"]):
            print(f"  {form}\t{got}\t{row['name']}")
    for name, (n, exact, words, right) in sorted(res.items()):
        print(f"{name:<8} names={n:4d} exact={exact / n:.3f} words right={right}/{words}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", dest="show", help="list the misses of this group")
    ap.add_argument("--names", action="store_true", help="whole names through romanise (census names included)")
    a = ap.parse_args()
    if a.names:
        check_names(a.show)
        return
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
