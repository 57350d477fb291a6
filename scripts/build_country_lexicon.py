#!/usr/bin/env python3
"""Build ``src/marsad/data/lexicon/countries.jsonl`` (type COUNTRY) from open sources.

Sources, merged in this order of preference (the first spelling of a folded string wins):

1. ``countries_curated.jsonl`` — the entity list (193 UN members + extras), canonical English names, curated
   aliases, news spellings (forms), nisba stems and broken plurals;
2. CLDR Arabic territory names (``babel.Locale("ar").territories``) and CLDR Arabic language names
   (``Locale("ar").languages``: feminine nisba ``الروسية`` → masculine stem ``روسي``);
3. pycountry's Arabic ISO 3166-1 gettext catalogue (names and official names);
4. rigour territories (Wikidata QIDs, Arabic-script names filtered to Arabic letters);
5. ArWikiCats nationality lists (masculine nisba and broken plurals).

``country_stopforms.txt`` removes strings that are ambiguous or too common (each line has a reason).
The build fails when a folded form or demonym would belong to two countries, so every such decision is
made explicitly in the stoplist. babel, pycountry and rigour are build-time only; the runtime package
never imports them.

Usage::

    .venv/bin/python scripts/build_country_lexicon.py [--rigour PATH] [--nationalities DIR] [--out PATH]
"""
from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from marsad.text.normalize import fold

REPO = Path(__file__).resolve().parents[1]
LEXICON_DIR = REPO / "src" / "marsad" / "data" / "lexicon"
EXT = Path("/work/shared/data/ext")
DEFAULT_RIGOUR = EXT / "rigour-territories" / "territories.jsonl"
DEFAULT_NATIONALITIES = EXT / "arwikicats-nationalities"

#: Arabic tashkeel, superscript alef and tatweel: removed from every stored string.
MARKS = re.compile(r"[\u064B-\u0652\u0670\u0640]")
#: A rigour name is kept only if every character is a basic Arabic letter, a space or a hyphen
#: (this rejects Persian/Urdu/Kurdish/Uyghur letters such as پ چ ژ گ ک ی ۀ ے ۆ ێ and any marks).
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A \-]+$")
#: Uyghur/Persian/Tajik habits written with Arabic letters: ى inside a word, a word starting with ئ, -ستون.
NON_ARABIC_HABIT = re.compile(r"ى(?=[\u0621-\u064A])|(?:^|\s)ئ|ستون(?:\s|$)")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F'’.\- ]+$")
NISBA_END = "ي"


@dataclass
class Entity:
    """One country being assembled: ordered candidate strings with their source."""

    key: str
    name: str
    eid: str
    wikidata: str | None
    aliases: list[str] = field(default_factory=list)
    forms: list[tuple[str, str]] = field(default_factory=list)  # (text, source)
    demonyms: list[tuple[str, str]] = field(default_factory=list)


def slugify(name: str) -> str:
    """ASCII slug of an English name: 'São Tomé and Príncipe' → 'sao-tome-and-principe'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def clean_arabic(text: str) -> str:
    """NFC, no marks or tatweel, single spaces, no ' - ' separators, 'و ' joined to its word."""
    text = MARKS.sub("", unicodedata.normalize("NFC", text))
    text = re.sub(r"\s+-\s*|\s*-\s+", " ", text)
    text = re.sub(r"(^|\s)و\s+", r"\1و", text)
    return re.sub(r"\s+", " ", text).strip()


def split_variants(text: str) -> list[str]:
    """Split CLDR/ISO artefacts: 'ميانمار (بورما)' → both names; 'كوريا، جمهورية كوريا' → both parts."""
    out: list[str] = []
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", text)
    parts = [m.group(1), m.group(2)] if m else [text]
    for part in parts:
        out.extend(p for p in (clean_arabic(x) for x in re.split(r"[،,]", part)) if p)
    return out


def strip_article(text: str) -> str:
    """A demonym is stored without its article."""
    return text[2:] if text.startswith("ال") and len(text) > 4 else text


def expand_nisba(masc: str) -> list[str]:
    """روسي → روسي، روسية، روسيون، روسيين، روسيات."""
    if not masc.endswith(NISBA_END) or " " in masc:
        return [masc]
    return [masc, masc + "ة", masc + "ون", masc + "ين", masc + "ات"]


def load_stoplist(path: Path) -> dict[tuple[str, str], set[str]]:
    """``(scope, kind) → {folded strings}``; scope is a curated key or '*', kind form|demonym|nisba|any."""
    stop: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or cols[1] not in {"form", "demonym", "nisba", "any"} or not cols[3].strip():
            raise SystemExit(f"{path.name}:{n}: want 'scope<TAB>form|demonym|nisba|any<TAB>text<TAB>reason'")
        scope, kind, text = cols[0], cols[1], clean_arabic(cols[2])
        if kind == "nisba":  # a masculine nisba stops all five derived demonyms
            stop[(scope, "demonym")].update(fold(x) for x in expand_nisba(text))
        else:
            stop[(scope, kind)].add(fold(text))
    return stop


def is_stopped(stop: dict[tuple[str, str], set[str]], key: str, kind: str, text: str) -> bool:
    """Whether ``text`` (a form or demonym of ``key``) is on the stoplist."""
    f = fold(text)
    return any(f in stop.get((scope, k), ()) for scope in (key, "*") for k in (kind, "any"))


def cldr_sources() -> tuple[dict[str, str], dict[str, list[str]]]:
    """CLDR Arabic territory names and, per territory, masculine nisba stems from its official languages."""
    from babel import Locale
    from babel.languages import get_official_languages

    ar = Locale("ar")
    territories = {k: v for k, v in ar.territories.items() if k.isalpha()}
    nisbas: dict[str, list[str]] = {}
    for code in territories:
        stems = []
        for lang in get_official_languages(code, de_facto=True):
            name = ar.languages.get(lang)
            if name and name.startswith("ال") and name.endswith("ية") and " " not in name:
                stems.append(name[2:-1])  # الروسية → روسي
        nisbas[code] = stems
    return territories, nisbas


def pycountry_names(code: str) -> list[str]:
    """Arabic names (common and official) of an ISO 3166-1 code from pycountry's gettext catalogue."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    out = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            arabic = tr.gettext(value)
            if arabic != value and ARABIC_LETTER.search(arabic):
                out.append(arabic)
    return out


def pycountry_english(code: str) -> list[str]:
    """English names of an ISO code from pycountry, minus inverted ones ('Korea, Republic of')."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    names = [getattr(country, a, None) for a in ("common_name", "name", "official_name")]
    return [n for n in names if n and "," not in n]


def load_rigour(path: Path) -> dict[str, dict]:
    """rigour territory records by code."""
    with path.open(encoding="utf-8") as fh:
        return {r["code"]: r for r in map(json.loads, fh)}


def rigour_arabic(record: dict) -> list[str]:
    """Arabic-script names of a rigour record that use only Arabic letters and no non-Arabic spelling habits."""
    names = (unicodedata.normalize("NFC", n) for n in record.get("names_strong", []) + record.get("names_weak", []))
    return [n for n in names if ARABIC_ONLY.match(n) and not NON_ARABIC_HABIT.search(n)]


def load_nationalities(folder: Path) -> list[dict]:
    """ArWikiCats nationality records (country-level files only, not ethnic sub_nats)."""
    rows = []
    for name in ("nationalities_data.json", "all_nat_as_en.json"):
        for key, rec in json.loads((folder / name).read_text(encoding="utf-8")).items():
            rows.append(dict(rec, nat=key))
    return rows


def nationality_demonyms(rec: dict) -> list[str]:
    """Single-word masculine nisba and broken plural of an ArWikiCats record."""
    out = []
    male, males = clean_arabic(rec.get("male", "")), clean_arabic(rec.get("males", ""))
    if male and " " not in male and male.endswith(NISBA_END):
        out.append(male)
        if males and " " not in males and not males.endswith(("ون", "ين")) and males != male:
            out.append(males)
    return out


def add(bucket: list[tuple[str, str]], texts: list[str], source: str) -> None:
    """Append cleaned candidate strings with their source tag."""
    for t in texts:
        for v in split_variants(t):
            bucket.append((v, source))


def assemble(args: argparse.Namespace) -> list[Entity]:
    """Collect every candidate string for every curated country."""
    curated = [json.loads(x) for x in args.curated.read_text(encoding="utf-8").splitlines() if x.strip()]
    territories, lang_nisbas = cldr_sources()
    rigour = load_rigour(args.rigour)
    nats = load_nationalities(args.nationalities)
    entities = []
    for row in curated:
        key = row["key"]
        rcode = row.get("rigour", key.lower())
        rec = rigour.get(rcode) if rcode else None
        qid = row.get("wikidata") or (rec or {}).get("qid")
        ent = Entity(key, row["name"], row.get("id") or slugify(row["name"]), qid)
        english = list(row["aliases"]) + pycountry_english(key)
        if rec:
            english += [rec["name"], rec["full_name"]]
        ent.aliases = [re.sub(r"^the ", "", a.strip()) for a in english if a not in row.get("not_aliases", [])]
        for masc in row["nisba"]:
            add(ent.demonyms, expand_nisba(masc), "curated")
        add(ent.demonyms, row["demonyms"], "curated")
        add(ent.forms, row["forms"], "curated")
        if key in territories:
            add(ent.forms, [territories[key]], "cldr")
        add(ent.forms, pycountry_names(key), "pycountry")
        if rec:
            add(ent.forms, rigour_arabic(rec), "rigour")
        single_forms = {fold(strip_article(f)) for f, _ in ent.forms if " " not in f}
        for stem in lang_nisbas.get(key, []):
            if len(stem) >= 4 and any(s.startswith(fold(stem[:-1])) for s in single_forms):
                add(ent.demonyms, expand_nisba(stem), "cldr")
        names = {ent.name.lower(), *(a.lower() for a in english)}
        arabic = {fold(f) for f, _ in ent.forms}
        for rec_n in nats:
            en, ar = rec_n.get("en", "").replace("-", " "), clean_arabic(rec_n.get("ar", ""))
            if en in names or (ar and fold(ar) in arabic):
                for masc_or_plural in nationality_demonyms(rec_n):
                    add(ent.demonyms, expand_nisba(masc_or_plural), "arwikicats")
        entities.append(ent)
    return entities


def finalise(entities: list[Entity], stop: dict[tuple[str, str], set[str]]) -> tuple[list[dict], list[str]]:
    """Apply the stoplist, de-duplicate by folded string, and check cross-entity uniqueness."""
    owners: dict[str, set[str]] = defaultdict(set)
    out = []
    alias_owner: dict[str, set[str]] = defaultdict(set)
    for ent in entities:
        for a in ent.aliases:
            alias_owner[a.lower()].add(ent.key)
    for ent in entities:
        demonym_keys = {fold(d) for d, _ in ent.demonyms}
        seen: set[str] = set()
        forms, demonyms, sources = [], [], set()
        for text, src in ent.forms:
            f = fold(text)
            if f in seen or is_stopped(stop, ent.key, "form", text):
                continue
            if src in ("pycountry", "rigour") and f in demonym_keys:
                continue  # secondary sources list some nisbas as names ('سوري', 'صربية'): keep them demonyms
            seen.add(f)
            forms.append(text)
            sources.add(src)
        for text, src in ent.demonyms:
            text = strip_article(text)
            f = fold(text)
            if f in seen or is_stopped(stop, ent.key, "demonym", text):
                continue
            seen.add(f)
            demonyms.append(text)
            sources.add(src)
        for f in seen:
            owners[f].add(ent.eid)
        aliases: list[str] = []
        for a in ent.aliases:
            a = a.strip()
            if (a and a != ent.name and a not in aliases and LATIN_NAME.match(a)
                    and alias_owner[a.lower()] == {ent.key}):
                aliases.append(a)
        order = ["curated", "cldr", "pycountry", "rigour", "arwikicats"]
        out.append({
            "id": ent.eid, "name": ent.name, "type": "COUNTRY", "wikidata": ent.wikidata,
            "aliases": aliases, "forms": forms, "demonyms": demonyms, "short": [], "offices": [],
            "source": "+".join(s for s in order if s in sources),
        })
    clashes = [f"{f}: {sorted(ids)}" for f, ids in sorted(owners.items()) if len(ids) > 1]
    return sorted(out, key=lambda r: r["id"]), clashes


def main(argv: list[str] | None = None) -> int:
    """Build the lexicon and print a summary; exit 1 on an unresolved clash."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rigour", type=Path, default=DEFAULT_RIGOUR, help="rigour territories.jsonl")
    ap.add_argument("--nationalities", type=Path, default=DEFAULT_NATIONALITIES, help="ArWikiCats nationalities dir")
    ap.add_argument("--curated", type=Path, default=LEXICON_DIR / "sources" / "countries_curated.jsonl")
    ap.add_argument("--stoplist", type=Path, default=LEXICON_DIR / "sources" / "country_stopforms.txt")
    ap.add_argument("--out", type=Path, default=LEXICON_DIR / "countries.jsonl")
    args = ap.parse_args(argv)
    rows, clashes = finalise(assemble(args), load_stoplist(args.stoplist))
    if clashes:
        print("Folded strings claimed by two countries (resolve in the stoplist):", *clashes, sep="\n  ", file=sys.stderr)
        return 1
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate ids")
    with args.out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_forms = sum(len(r["forms"]) for r in rows)
    n_dem = sum(len(r["demonyms"]) for r in rows)
    n_with = sum(1 for r in rows if r["demonyms"])
    print(f"{args.out.name}: {len(rows)} countries, {n_forms} forms, {n_dem} demonyms "
          f"({n_with} countries with demonyms), {sum(len(r['aliases']) for r in rows)} aliases, "
          f"{sum(1 for r in rows if r['wikidata'])} with QIDs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
