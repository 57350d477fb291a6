"""Quotes (who said what, to which outlet) and the attribution of each sentence.

*Quotes*: a verb of saying (قال، أضاف، أكد، أوضح، رأى، اعتبر …) with a named speaker after it («قال ميتشل بيلفر»,
«قال الأمين العام لمنظمة … ستانيسلاف زاس») or before it in the sentence («روسيا قالت»), or — when the verb stands alone
with a conjunction (وأضاف، وتابع) — the speaker of the sentences just before. The outlet (``via``) is a media entity
governed by ل or مع after the verb («لأورينت نت», «في تصريحات لشبكة سكاي نيوز عربية», «في مقابلة مع …»).

*Attribution*: a sentence is attributed to the entity named after an attribution cue (حسب ما ذكر، وفق، نقلاً عن، قال …);
a cue followed by a generic word that points back (وقال المركز، ووفق التقرير) carries the last named source on; a
sentence inside a speaker's quotation is attributed to the speaker.
"""
from __future__ import annotations

from marsad.events.context import CLAUSE_BREAKS, DocView, MentionAt
from marsad.events.extract import governing_preposition
from marsad.lexicon.load import is_media, key_of
from marsad.resources import load_json

SPEAKER_TYPES = frozenset({"PERSON", "ORG", "COUNTRY", "PLACE"})
SPEAKER_WINDOW = 13
CONTINUE_SENTENCES = 3
ATTRIBUTION_FILLERS = frozenset({"ما", "\"", "'", "ذكر", "ذكرت", "نقل", "نقلت", "افاد", "افادت", "اورد", "اوردت", "جاء", "في"})
THAT = frozenset({"ان", "انه", "انها", "بان", "بانه", "بانها", ":"})


_CUE_WORDS: dict[str, frozenset[str]] = {}  # folded once per list (a dict, not lru_cache wrappers called per token)


def _cue_words(name: str) -> frozenset[str]:
    """The folded words of the list ``name`` of ``event_cues.json``."""
    words = _CUE_WORDS.get(name)
    if words is None:
        words = _CUE_WORDS[name] = frozenset(key_of(w) for w in load_json("rules", "event_cues.json")[name])
    return words


def _generic_sources() -> frozenset[str]:
    return _cue_words("generic_sources")


def _person_refs() -> frozenset[str]:
    return _cue_words("person_back_refs")


def _media_heads() -> frozenset[str]:
    return _cue_words("media_heads")


def _statement_follows(view: DocView, j: int, hi: int) -> bool:
    """A statement noun governed by ب within reach of «أدلى»: «أدلى المتحدث … بتصريح» is a quote, «أدلى بصوته» is not."""
    toks = view.doc.tokens
    nouns = _cue_words("statement_nouns")
    for t in toks[j:min(hi, j + SPEAKER_WINDOW)]:
        if t.norm in CLAUSE_BREAKS and t.norm not in "()-":
            return False
        if any(a.prefix in ("ب", "وب") and a.stem in nouns for a in t.analyses()):
            return True
    return False


def _named_after(view: DocView, i: int, hi: int, types=SPEAKER_TYPES) -> MentionAt | None:
    """The speaker after a verb of saying: a person within reach (after a title or body), else the first named
    entity not governed by a preposition; the search stops at إن/أن and at clause breaks."""
    toks = view.doc.tokens
    first: MentionAt | None = None
    after_title = False  # after «المحلل» or «العميد» only a person's name can be the speaker
    body: MentionAt | None = None  # …unless the title speaks for a body: «المتحدث باسم وزارة الدفاع» with no name after it
    for_body = False
    generic, spokesperson_of, person_refs = _generic_sources(), _cue_words("spokesperson_of"), _person_refs()
    for j in range(i, min(hi, i + SPEAKER_WINDOW)):
        m = view.at_token.get(j)
        if m is None:
            if toks[j].norm in THAT or (toks[j].norm in CLAUSE_BREAKS and toks[j].norm not in "()-"):
                break
            if toks[j].norm in generic:
                break
            for_body = after_title and body is None and toks[j].norm in spokesperson_of
            after_title = after_title or toks[j].norm in person_refs
            continue
        if for_body and m.entity.type in ("ORG", "COUNTRY") and not is_media(m.entity.id):
            body = m
        for_body = False
        if m.entity.type not in types or is_media(m.entity.id) or (after_title and m.entity.type != "PERSON"):
            continue
        if m.entity.type == "PERSON":
            return m
        if first is None and governing_preposition(view, m) is None:
            first = m
    return body or first


def _named_before(view: DocView, lo: int, i: int) -> MentionAt | None:
    for m in reversed(view.mentions_in(lo, i)):
        if m.entity.type in ("PERSON", "ORG", "COUNTRY") and not is_media(m.entity.id) and governing_preposition(view, m) is None:
            return m
    return None


def _via(view: DocView, lo: int, hi: int) -> str | None:
    toks = view.doc.tokens
    for m in view.mentions_in(lo, hi):
        if not is_media(m.entity.id):
            continue
        prep = governing_preposition(view, m)
        before = toks[m.t0 - 1] if m.t0 > 0 else None
        if prep in ("ل", "مع") or (before is not None and any(a.prefix in ("ل", "ول") and a.stem in _media_heads()
                                                              for a in before.analyses())):
            return m.entity.id
    return None


def quotes_and_sources(view: DocView) -> tuple[list[dict], list[str | None]]:
    """The document's quotes, and for each sentence the id of the source it is attributed to (or None)."""
    doc = view.doc
    toks = doc.tokens
    quotes: list[dict] = []
    sources: list[str | None] = [None] * len(doc.sentences)
    current_source: str | None = None
    last_speaker: tuple[int, str] | None = None   # (sentence index, entity id)
    last_person: str | None = None
    for k, sent in enumerate(doc.sentences):
        if doc.in_chrome(sent.start, sent.end):
            continue
        lo, hi = view.sentence_tokens(sent)
        speaker: MentionAt | None = None
        speaker_id: str | None = None
        rule = ""
        hits = sorted(view.cues("quote_verbs", lo, hi) + view.cues("quote_preps", lo, hi)
                      + [(i, n) for i, n in view.cues("statement_verbs", lo, hi) if _statement_follows(view, i + n, hi)])
        for i, n in hits:
            if i > lo and toks[i - 1].norm in _cue_words("quote_not_said") \
                    and (toks[i - 1].norm != "قد" or toks[i].norm.startswith(("ي", "ت"))):
                continue  # «قد يصف …», «لم يقل …», «وكأنه يؤكد»: a possible, denied or seeming statement is no quote
                #           («قد صرحت» is one)
            speaker = _named_after(view, i + n, hi)
            after = toks[i + n] if i + n < hi else None
            if speaker_id:  # a second speaker in the sentence counts only when named right after a past-tense verb
                #             («… وقد هدد الناتو برد …»), not a demonym, not a speculation («قد يصف الكرملين …»)
                verb = next((a.stem for a in toks[i].analyses() if a.prefix in ("", "و", "ف")), toks[i].norm)
                if speaker is not None and speaker.t0 == i + n and speaker.rule != "lexicon:demonym" \
                        and not verb.startswith(("ي", "ت")) \
                        and speaker.entity.id not in {q["speaker"] for q in quotes if q["evidence"]["start"] == sent.start}:
                    quotes.append({"speaker": speaker.entity.id, "via": _via(view, i, hi),
                                   "evidence": {"start": sent.start, "end": sent.end}, "rule": "quote:verb-speaker"})
                continue
            if speaker is not None:
                speaker_id, rule = speaker.entity.id, "quote:verb-speaker"
            elif after is not None and after.norm in _person_refs() and last_person:
                speaker_id, rule = last_person, "quote:title-back-reference"
            elif after is not None and after.norm in _generic_sources() and current_source:
                speaker_id, rule = current_source, "quote:generic-source"
            elif toks[i].norm.startswith(("و", "ف")) and last_speaker and k - last_speaker[0] <= CONTINUE_SENTENCES \
                    and _named_before(view, lo, i) is None:
                speaker_id, rule = last_speaker[1], "quote:continuation"
            elif (i, n) in view.cues("quote_verbs", i, i + n) or view.cue_at("statement_verbs", i):
                before = _named_before(view, lo, i)
                if before is not None:
                    speaker_id, rule = before.entity.id, "quote:subject-before"
            if speaker_id:
                quotes.append({"speaker": speaker_id, "via": _via(view, i, hi),
                               "evidence": {"start": sent.start, "end": sent.end}, "rule": rule})
        # attribution of this sentence
        src = None
        preps = set(view.cues("quote_preps", lo, hi))
        for i, n in sorted(view.cues("attribution", lo, hi), key=lambda h: h not in preps):
            # «حسب ما ذكرت وكالة تاس» names the source more surely than a verb of saying in the same sentence
            j = i + n
            while j < hi and j < i + n + 3 and toks[j].norm in ATTRIBUTION_FILLERS:
                j += 1
            m = view.at_token.get(j)
            if m is not None and m.entity.type in SPEAKER_TYPES:
                src = m.entity.id
                break
            if j < hi and toks[j].norm in _generic_sources() and current_source:
                src = current_source
                break
        if src is None and speaker_id:
            src = speaker_id
        if src is None and last_speaker and k - last_speaker[0] <= 1 and sent.start < len(doc.text) \
                and doc.text[sent.start] in "\"«“”":
            src = last_speaker[1]
        if src is not None:
            if not is_media(src):
                current_source = src
            sources[k] = src
        if speaker_id:
            last_speaker = (k, speaker_id)
            if view.doc.entities and any(e.id == speaker_id and e.type == "PERSON" for e in view.doc.entities):
                last_person = speaker_id
    # the outlet a speaker spoke to, said once, holds for all their quotes
    via_of = {q["speaker"]: q["via"] for q in quotes if q["via"]}
    for q in quotes:
        q["via"] = q["via"] or via_of.get(q["speaker"])
    return quotes, sources
