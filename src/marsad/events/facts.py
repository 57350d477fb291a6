"""Standing facts: membership, former membership, founding, force sizes, roles and leadership.

Cues are data (``data/rules/facts.json``). The subject of a membership, founding or force-size fact is the organisation the
sentence names, or — when it says only المنظمة / هذا الاتحاد / الحلف — the article's main organisation (the one it names
most often). Objects of a membership fact are the countries of the coordinated list after the cue.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from marsad.events.context import DocView, MentionAt
from marsad.lexicon.load import is_media, key_of
from marsad.resources import load_json
from marsad.text.numbers import noun_info

TITLE_REACH = 12


@lru_cache(maxsize=1)
def fact_cues() -> dict:
    """English names of titles and the words that may stand between a title and its person."""
    d = load_json("rules", "facts.json")
    return {"title_names": {tuple(key_of(k).split()): v for k, v in d["titles"].items()},
            "skip": frozenset(key_of(w) for w in d["title_objects_skip"])}


def topic_org(view: DocView) -> str | None:
    """The organisation the article names most often (media excluded)."""
    counts = Counter(m.entity.id for m in view.mentions if m.entity.type == "ORG" and not is_media(m.entity.id))
    return counts.most_common(1)[0][0] if counts else None


def _org_in(view: DocView, lo: int, hi: int, after: int | None = None) -> MentionAt | None:
    orgs = [m for m in view.mentions_in(lo, hi) if m.entity.type == "ORG" and not is_media(m.entity.id)]
    if after is not None:
        later = [m for m in orgs if m.t0 >= after]
        if later:
            return later[0]
        return orgs[-1] if orgs else None
    return orgs[0] if orgs else None


def resolve_anaphor(view: DocView, lo: int, hi: int, topic: str | None) -> str | None:
    """The organisation a generic noun in ``[lo, hi)`` points back to (المنظمة → the last organisation whose name
    begins with منظمة; otherwise the article's main organisation)."""
    toks = view.doc.tokens
    hits = view.cues("org_anaphors", lo, hi)
    if not hits:
        return None
    i, n = hits[0]
    head = next((a.stem for a in toks[i + n - 1].analyses() if a.stem.startswith("ال")), toks[i + n - 1].norm)[2:]
    for m in reversed(view.mentions_in(0, hi)):
        if m.entity.type == "ORG" and not is_media(m.entity.id) and m.t0 < i:
            first = toks[m.t0].norm
            first = first[2:] if first.startswith("ال") else first
            if first == head or first.startswith(head):
                return m.entity.id
    return topic


def _subject(view: DocView, lo: int, hi: int, cue_i: int, topic: str | None) -> str | None:
    m = _org_in(view, lo, hi, after=cue_i)
    if m is not None:
        return m.entity.id
    return resolve_anaphor(view, lo, hi, topic)


def country_list(view: DocView, j: int, hi: int) -> list[MentionAt]:
    """The coordinated list of countries starting at token ``j`` («هم كل من روسيا وروسيا البيضاء وكزاخستان …»)."""
    toks = view.doc.tokens
    out: list[MentionAt] = []
    while j < hi:
        m = view.at_token.get(j)
        if m is not None:
            if m.entity.type != "COUNTRY":
                break
            out.append(m)
            j = m.t1
            continue
        n = view.cue_at("list_fillers", j, ("", "و"))
        if n:
            j += n
        elif (toks[j].norm in (",", "،") and out) or toks[j].norm in ("(", ")"):
            j += 1
        else:
            break
    return out


def _fact(subject, relation, sent, rule, **kw) -> dict:
    return {"subject": subject, "relation": relation, **kw, "evidence": {"start": sent.start, "end": sent.end},
            "rule": rule}


def _title_name(toks, j: int, n: int, c: dict) -> str | None:
    """The English name of the title of ``n`` tokens at token ``j`` (its first word may carry a clitic)."""
    stems = {a.stem for a in toks[j].analyses()}
    rest = tuple(t.norm for t in toks[j + 1:j + n])
    return next((v for k, v in c["title_names"].items() if k[1:] == rest and k[0] in stems), None)


class _Facts:
    """The facts of one document, each once (a class, not a closure: see ``entities.discovery._Finds``)."""

    def __init__(self) -> None:
        self.items: list[dict] = []
        self.seen: set[tuple] = set()

    def add(self, f: dict) -> None:
        key = (f["subject"], f["relation"], f.get("object"), f.get("value"))
        if f["subject"] and key not in self.seen and f["subject"] != f.get("object"):
            self.seen.add(key)
            self.items.append(f)


def extract_facts(view: DocView) -> list[dict]:
    doc = view.doc
    toks = doc.tokens
    c = fact_cues()
    topic = topic_org(view)
    collected = _Facts()
    facts, add = collected.items, collected.add

    for sent in doc.sentences:
        if doc.in_chrome(sent.start, sent.end):
            continue
        lo, hi = view.sentence_tokens(sent)
        ments = view.mentions_in(lo, hi)
        # membership: «X العضو في Y», «الدول الأعضاء في Y، مثل A وB», «Y تضم / أعضاؤها … A و B و C»
        for i, n in view.cues("member_of", lo, hi):
            org = _org_in(view, i + n, min(hi, i + n + 6), after=i + n)
            if org is None:
                continue
            listed = country_list(view, org.t1 + (1 if org.t1 < hi and toks[org.t1].norm in (",", "،") else 0), hi)
            prev = view.at_token.get(i - 1)
            if not listed and prev is not None and prev.entity.type == "COUNTRY":
                listed = [prev]
            for m in listed:
                add(_fact(org.entity.id, "member", sent, "fact:member-of", object=m.entity.id))
        for i, n in view.cues("member", lo, hi):
            if view.cue_at("member_of", i):
                continue
            j = i + n
            after = view.at_token.get(j)
            subj = None
            if after is not None and after.entity.type == "ORG":  # «تضم المنظمة (…)»: the subject after the verb
                subj, j = after.entity.id, after.t1
            elif j < hi and view.cue_at("org_anaphors", j):
                subj = resolve_anaphor(view, j, j + 1, topic)
                j += view.cue_at("org_anaphors", j)
            listed = country_list(view, j, hi)
            if not listed:
                continue
            subj = subj or _subject(view, lo, i + 1, i, topic) or _subject(view, lo, hi, i, topic)
            for m in listed:
                add(_fact(subj, "member", sent, "fact:member-list", object=m.entity.id))
        for i, n in view.cues("former_member", lo, hi):
            subj = _subject(view, i + n, min(hi, i + n + 6), i + n, topic)
            listed = country_list(view, i + n, hi)
            after_org = _org_in(view, i + n, min(hi, i + n + 6), after=i + n)
            if after_org is not None:
                listed = country_list(view, after_org.t1, hi)
            elif i + n < hi and view.cue_at("org_anaphors", i + n):
                listed = country_list(view, i + n + view.cue_at("org_anaphors", i + n), hi)
            if not listed:
                prev = next((m for m in reversed(ments) if m.t1 <= i and m.entity.type == "COUNTRY"), None)
                listed = [prev] if prev else []
            for m in listed:
                add(_fact(subj, "former_member", sent, "fact:withdrew", object=m.entity.id))
        for kind in ("founded", "founded_active"):
            for i, n in view.cues(kind, lo, hi):
                date = next((d for d in doc.dates if toks[i].start <= d.start < sent.end and d.value), None)
                if date is None:
                    continue
                if kind == "founded":  # «تأسست منظمة X» or «ميليشيا X تشكلت»: right after the verb, else before it
                    after = next((view.at_token[j] for j in range(i + n, min(hi, i + n + 2)) if j in view.at_token
                                  and view.at_token[j].entity.type == "ORG"), None)
                    before = next((m for m in reversed(ments) if m.t1 <= i and m.entity.type == "ORG"
                                   and not is_media(m.entity.id)), None)
                    subj = (after or before).entity.id if (after or before) else _subject(view, lo, hi, i, topic)  # type: ignore[union-attr]
                else:  # «أسس X …»: what was founded is the organisation right after the verb
                    obj = view.at_token.get(i + n)
                    subj = obj.entity.id if obj is not None and obj.entity.type == "ORG" else None
                add(_fact(subj, "founded", sent, f"fact:{kind}", value=date.value))
        for i, n in view.cues("personnel", lo, hi):
            a = toks[i].start
            num = next((x for x in doc.numbers if a <= x.start < sent.end and x.unit and not x.ordinal
                        and (noun_info(x.unit) and noun_info(x.unit).category == "personnel")), None)  # type: ignore[union-attr]
            heads = view.cues("force_heads", max(lo, i - 8), i)
            if num is None or not heads:
                continue
            h0 = heads[-1][0]
            owner = next((m for m in view.mentions_in(max(lo, h0 - 3), i)
                          if m.entity.type == "ORG" and not is_media(m.entity.id)
                          and m.t0 > h0), None)
            subj = owner.entity.id if owner else (resolve_anaphor(view, lo, hi, topic) or topic)
            qual = doc.text[toks[h0].start:toks[i - 1].end] if h0 < i else None
            year = next((d.value[:4] for d in doc.dates if toks[i].start <= d.start < sent.end and d.value), None)
            f = _fact(subj, "personnel", sent, "fact:force-size", value=int(num.value), qualifier=qual)
            if year:
                f["when"] = year
            add(f)
        for i, n in view.cues("leads", lo, hi):
            person = next((m for m in ments if i + n <= m.t0 < i + n + 5 and m.entity.type == "PERSON"), None)
            if person is None:
                continue
            org = next((m for m in reversed(ments) if m.t1 <= i and m.entity.type == "ORG" and not is_media(m.entity.id)), None)
            add(_fact(person.entity.id, "leads", sent, "fact:led-by", object=org.entity.id if org else topic))
        # roles: a title, then the country or body (demonym, genitive), then the person
        last_title: str | None = None
        for m in ments:
            if m.entity.type != "PERSON":
                continue
            found = None
            for j in range(m.t0 - 1, max(lo, m.t0 - TITLE_REACH) - 1, -1):
                n = view.cue_at("titles", j)
                if not n or j + n > m.t0:
                    continue
                between = range(j + n, m.t0)
                if all(k in view.at_token or toks[k].norm in c["skip"] or toks[k].norm in "()" or toks[k].kind != "word"
                       or toks[k].norm.startswith("ال") for k in between):
                    obj = next((view.at_token[k] for k in between if k in view.at_token
                                and view.at_token[k].entity.type in ("COUNTRY", "ORG")), None)
                    found = (_title_name(toks, j, n, c), obj)
                break
            if not found and m.t1 + 1 < hi and toks[m.t1].norm in (",", "،"):
                n = view.cue_at("titles", m.t1 + 1)  # «بيلفر، مدير مركز المعلومات الخليجية والأوروبية»
                if n:
                    obj = next((view.at_token[k] for k in range(m.t1 + 1 + n, min(hi, m.t1 + 1 + n + 2))
                                if k in view.at_token and view.at_token[k].entity.type in ("COUNTRY", "ORG")), None)
                    found = (_title_name(toks, m.t1 + 1, n, c), obj)
            if not found:
                continue
            title, obj = found
            if title == "counterpart":
                title = last_title
            elif title:
                last_title = title
            if obj is not None:
                f = _fact(m.entity.id, "role", sent, "fact:title", object=obj.entity.id)
                if title:
                    f["value"] = title
                add(f)
    return facts
