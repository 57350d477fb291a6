"""Conflicts: where articles state the same fact about the same subject differently.

Three kinds, each with one plain rule (no per-entity cases):

- **numbers** (``personnel``): every article that gives figures for a subject has a set of values. Two articles
  conflict when neither set contains the other (17,000 and 4,000 vs 20,000 and 3,600; 17,000 vs 20,000). An article
  that repeats another's figure and adds one more force does not conflict with it.
- **sets** (``member``): an article that names two or more members of a subject gives a member list. Two lists
  conflict when they differ; a member one article lists and another names a former member is also a difference.
- **dates** (``founded``): two values conflict when neither is a prefix of the other (2002 and 2002-10-07 agree;
  2001 and 2002 do not).

Each conflict: ``subject`` (the canonical English name), ``relation``, ``values`` ``[{value, docs, published: {doc: date}}]`` and a
``note`` when the values carry different ``when`` dates (they may describe different times).

>>> numbers_conflict({"a": {17000, 4000}, "b": {20000, 3600}}), numbers_conflict({"a": {20000}, "b": {20000, 3600}})
(True, False)
>>> dates_conflict({"a": {"2002-10-07"}, "b": {"2002"}}), dates_conflict({"a": {"2001"}, "b": {"2002"}})
(False, True)
"""
from __future__ import annotations

import json
from collections import defaultdict
from itertools import combinations

from marsad.store.backend import Backend
from marsad.store.queries import entity_names_map

KIND = {"personnel": "number", "member": "set", "former_member": "set", "founded": "date"}
MIN_LIST = 2


def numbers_conflict(by_doc: dict[str, set]) -> bool:
    """Two articles whose figures are not one a subset of the other."""
    return any(not (a <= b or b <= a) for a, b in combinations(by_doc.values(), 2))


def dates_conflict(by_doc: dict[str, set]) -> bool:
    """Two articles with dates that are not one a prefix (a coarser form) of the other."""
    def compatible(x: str, y: str) -> bool:
        return x.startswith(y) or y.startswith(x)

    return any(not compatible(str(x), str(y)) for a, b in combinations(by_doc.values(), 2) for x in a for y in b)


def sets_conflict(by_doc: dict[str, set]) -> bool:
    """Two member lists (of at least ``MIN_LIST`` members) that differ."""
    lists = [s for s in by_doc.values() if len(s) >= MIN_LIST]
    return any(a != b for a, b in combinations(lists, 2))


def load_facts(backend: Backend) -> list[dict]:
    rows = backend.execute(
        "SELECT f.subject, f.relation, f.object, f.value, f.qualifier, f.when_, a.doc, a.published "
        "FROM facts f JOIN articles a ON a.n = f.article WHERE f.relation IN ('personnel', 'member', "
        "'former_member', 'founded') ORDER BY f.subject, f.relation, a.doc, f.idx")
    keys = ("subject", "relation", "object", "value", "qualifier", "when", "doc", "published")
    out = []
    for row in rows:
        f = dict(zip(keys, row))
        f["value"] = None if f["value"] is None else json.loads(f["value"])
        out.append(f)
    return out


def _values(facts: list[dict], key, names: dict[str, str] | None = None) -> list[dict]:
    """One item per distinct value with its docs, dates, qualifiers and ``when``s."""
    items: dict = {}
    for f in facts:
        v = key(f)
        it = items.setdefault(v, {"value": names.get(v, v) if names else v, "docs": [], "published": {},
                                  "qualifiers": [], "when": []})
        if names:
            it["id"] = v
        it["published"][f["doc"]] = f["published"]
        for field, x in (("docs", f["doc"]), ("qualifiers", f["qualifier"]), ("when", f["when"])):
            if x is not None and x not in it[field]:
                it[field].append(x)
    return sorted(items.values(), key=lambda it: (-len(it["docs"]), str(it["value"])))


def _when_note(values: list[dict]) -> str | None:
    whens = {tuple(v["when"]) for v in values}
    if len(whens) <= 1:
        return None
    parts = [f"{v['value']} ({', '.join(v['when']) or 'no date'})" for v in values]
    return "the values refer to different times: " + "; ".join(parts)


def number_conflict(subject: str, relation: str, facts: list[dict]) -> dict | None:
    by_doc: dict[str, set] = defaultdict(set)
    for f in facts:
        if isinstance(f["value"], (int, float)):
            by_doc[f["doc"]].add(f["value"])
    if not numbers_conflict(by_doc):
        return None
    values = _values([f for f in facts if isinstance(f["value"], (int, float))], lambda f: f["value"])
    return {"subject": subject, "relation": relation, "kind": "number", "values": values, "note": _when_note(values)}


def date_conflict(subject: str, relation: str, facts: list[dict]) -> dict | None:
    by_doc: dict[str, set] = defaultdict(set)
    for f in facts:
        if f["value"] is not None:
            by_doc[f["doc"]].add(str(f["value"]))
    if not dates_conflict(by_doc):
        return None
    values = _values([f for f in facts if f["value"] is not None], lambda f: str(f["value"]))
    return {"subject": subject, "relation": relation, "kind": "date", "values": values, "note": _when_note(values)}


def set_conflict(subject: str, members: list[dict], former: list[dict], names: dict[str, str]) -> dict | None:
    by_doc: dict[str, set] = defaultdict(set)
    for f in members:
        by_doc[f["doc"]].add(f["object"])
    listing = {d: s for d, s in by_doc.items() if len(s) >= MIN_LIST}
    left = {f["object"] for f in former}
    contradicted = {f["object"] for f in members} & left
    if not sets_conflict(listing) and not contradicted:
        return None
    docs = sorted(set(listing) | {f["doc"] for f in former if f["object"] in contradicted})
    values = _values([f for f in members if f["doc"] in docs], lambda f: f["object"], names)
    everywhere = [v for v in values if set(v["docs"]) >= set(listing)]
    counts = [{"doc": d, "members": len(listing.get(d, ()))} for d in docs]
    disputed = [v["value"] for v in values if v not in everywhere]
    note = f"member lists differ: {', '.join(disputed)} not in every list" if disputed else None
    if contradicted:
        gone = ", ".join(sorted(names.get(o, o) for o in contradicted))
        note = ((note + "; ") if note else "") + f"listed as member in one article, former member in another: {gone}"
        for f in former:
            if f["object"] in contradicted:
                values.append({"value": names.get(f["object"], f["object"]), "id": f["object"], "docs": [f["doc"]],
                               "published": {f["doc"]: f["published"]}, "qualifiers": ["former"],
                               "when": [f["when"]] if f["when"] else []})
    return {"subject": names.get(subject, subject), "relation": "member", "kind": "set", "values": values,
            "counts": counts, "note": note}


def find_conflicts(backend: Backend) -> list[dict]:
    """Every conflict in the store, in the corpus view of SCHEMA.md (with extra ``kind``, ``note``, ``counts``)."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for f in load_facts(backend):
        groups[(f["subject"], f["relation"])].append(f)
    ids = {s for s, _ in groups} | {f["object"] for fs in groups.values() for f in fs if f["object"]}
    names = entity_names_map(backend, ids)
    out = []
    for (subject, relation), facts in sorted(groups.items()):
        kind = KIND[relation]
        if kind == "number":
            c = number_conflict(names.get(subject, subject), relation, facts)
        elif kind == "date":
            c = date_conflict(names.get(subject, subject), relation, facts)
        elif relation == "member":
            c = set_conflict(subject, facts, groups.get((subject, "former_member"), []), names)
        else:
            c = None
        if c is not None:
            c["subject_id"] = subject
            out.append(c)
    return out
