"""PLOVER events: a trigger, its actor, recipient, place, quantity, date, status and source.

For each sentence: triggers are found (``triggers.py``); the actor is the named entity that is the trigger's subject (after a
verb: «نشرت أرمينيا», «طلبت حكومة كازاخستان»; before it in the clause: «روسيا قدمت»; for a verbal noun its genitive or a
demonym: «الانتشار البيلاروسي», «القوات الروسية», «بتشجيع من روسيا»); the place is a place or country after في/إلى; the
recipient an entity after ل/إلى/مع/من/على/ضد; the quantity a counted number in the clause; the date the nearest date in
the sentence; the status comes from cues before the trigger; the source from the sentence's attribution.
Light verbs (شارك، قام، عقد) take the type of the verbal noun they govern; a subject pronoun points back to the last named
subject; coordinated actors and places give one event each. Events with no named actor are not reported. One event per
actor and act: a repeat, or another trigger word for the same act in the same sentence, is folded into the first.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from marsad.events.context import CLAUSE_BREAKS, COMMAS, DocView, MentionAt
from marsad.events.triggers import (LIGHT, NOT_EVENT, Hit, Trigger, best_at, find_triggers, trigger_index, trigger_lookup,
                                    trigger_positions)
from marsad.lexicon.load import default_lexicon, is_media, key_of
from marsad.resources import load_json
from marsad.text.clitics import CliticIndex
from marsad.text.document import Span
from marsad.text.numbers import noun_info
from marsad.text.tokenize import Token

ACTOR_TYPES = frozenset({"PERSON", "ORG", "COUNTRY", "PLACE"})
PLACE_TYPES = frozenset({"PLACE", "COUNTRY"})
ACTOR_WINDOW = 6
LIGHT_REACH = 6
QUOTE_MARKS = frozenset({'"', "'"})
THAT = frozenset({"ان", "انه", "انها", "بان"})
#: a verbal noun governed by these proclitics is the purpose or means of the clause's verb (لنشر، بتدريب)
PREP_CLITICS = frozenset({"ل", "ب", "لل", "بال"})
TOWARDS = frozenset({key_of("إلى"), key_of("الى")})
#: verbal nouns of giving, sending and asking whose giver can follow as «من X»
FROM_AGENT_TYPES = frozenset({"AID", "SUPPORT", "MOBILIZE"})
#: types whose verbal noun's genitive is who acts even though the verb takes an object («طلب كازاخستان», «تهديدات بوتين»)
DOER_GENITIVE_TYPES = frozenset({"REQUEST", "THREATEN"})
#: types where two coordinated parties act together: the second is the first one's counterpart
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
#: types whose verbal noun governs what is acted on (تدريب الميليشيا, غزو أوكرانيا), not who acts
PATIENT_TYPES = frozenset({"AID", "SUPPORT", "ASSAULT", "COERCE", "ACCUSE", "THREATEN", "SANCTION", "REQUEST", "REJECT"})


@dataclass(frozen=True)
class Roles:
    actor_heads: frozenset[str]      # generic heads between a verb and its named subject: حكومة، قوات، سلطات
    loc_preps: frozenset[str]
    rcpt_preps: frozenset[str]
    agent_preps: frozenset[str]      # من قبل / من after a verbal noun
    preps: frozenset[str]
    pronouns: frozenset[str]         # a subject pronoun before the verb points back to the last named subject
    affiliation: frozenset[str]      # «مجموعة موالية لإيران»: what follows describes the noun, it is no party
    not_words: frozenset[str]        # «جهات غير روسية»: the demonym names who is not meant
    relative_subjects: frozenset[str]  # «ومن يرفض …»: whoever does it, no named entity
    demonstratives: frozenset[str]   # «وسيدعم هذا …»: the subject is what «this» points to
    relatives: frozenset[str]        # «…، والتي ستدعم …»: the relative is the verb's subject
    resumptive: frozenset[str]       # «التي اتفق عليها الجانبان»: the relative is the verb's object
    undergo: frozenset[str]          # «تعرضت أوكرانيا لقصف»: the subject is what the act is done to
    territory: frozenset[str]        # «انتهكت أوكرانيا حدودها»: whose borders is who is attacked
    fem_endings: tuple[str, ...]     # «منظمة», «قوات»: an organisation named by a feminine word
    fem_heads: frozenset[str]        # «ميليشيا», «الأمم»
    modal_dative: frozenset[str]     # «يمكن لروسيا استخدام …»: the ل-object does the verbal noun
    opponent: frozenset[str]         # «حرب روسيا على أوكرانيا»: the other side follows the attacker
    place_heads: frozenset[str]      # «على منطقة ناغورنو قره باغ»: a generic noun of place before a place's name
    copulas: frozenset[str]          # «كان دعمه إيرانيا»: a suffixed trigger right after one is a verbal noun
    war_nouns: frozenset[str]        # «حرب أوكرانيا»: a war named after where it is fought
    proxy: frozenset[str]            # «تحارب أمريكا عبر ميليشيات قسد»: the doer fights through the group named next


_ROLES: list[Roles] = []  # loaded once; a module list, not an lru_cache wrapper called per use


def roles() -> Roles:
    if not _ROLES:
        _ROLES.append(_load_roles())
    return _ROLES[0]


def _load_roles() -> Roles:
    d = load_json("rules", "event_roles.json")
    f = lambda k: frozenset(key_of(w) for w in d[k])
    return Roles(f("actor_heads"), f("location_prepositions"), f("recipient_prepositions"), f("agent_prepositions"),
                 f("prepositions"), f("subject_pronouns"), f("affiliation_words"),
                 f("not_words"), f("relative_subjects"), f("demonstrative_subjects"), f("relative_pronouns"),
                 f("resumptive_pronouns"), f("undergo_words"),
                 f("territory_nouns"), tuple(key_of(w) for w in d["feminine_head_endings"]), f("feminine_heads"),
                 f("modal_dative"), f("opponent_prepositions"), f("place_heads"),
                 f("copulas"), f("war_nouns"), f("proxy_prepositions"))


def masculine_org(view: DocView, m: MentionAt) -> bool:
    """An organisation whose name begins with a masculine word (الكرملين، حزب الله، الجيش السوري الحر): a feminine
    pronoun does not point back to it."""
    if m.entity.type != "ORG":
        return False
    r = roles()
    word = key_of(view.doc.text[m.start:m.end].split()[0]) if m.end > m.start else ""
    return bool(word) and not word.endswith(r.fem_endings) and word not in r.fem_heads


def person_after_demonym(view: DocView, m: MentionAt) -> MentionAt | None:
    """The person a title's demonym stands before («نظيره الروسي سيرغي لافروف» → Lavrov), or None."""
    nxt = view.at_token.get(m.t1)
    if m.rule == "lexicon:demonym" and nxt is not None and nxt.entity.type == "PERSON":
        return nxt
    return None


def governing_preposition(view: DocView, m: MentionAt) -> str | None:
    """The preposition governing a mention: a proclitic ب/ل/ك on its token, or a preposition word before it."""
    toks = view.doc.tokens
    tok = toks[m.t0]
    if m.start > tok.start:
        pre = tok.norm[: m.start - tok.start].lstrip("وف")
        if pre in ("ب", "ل", "ك", "لل"):
            return pre[0]
    j = m.t0 - 1
    r = roles()
    place = m.entity.type in PLACE_TYPES
    while j >= 0 and (toks[j].norm in r.actor_heads or toks[j].text in "\"«“”»"
                      or (place and toks[j].norm in r.place_heads)
                      or (j in view.at_token and view.at_token[j].rule == "lexicon:demonym")):
        j -= 1
    if j >= 0:
        if toks[j].norm == "من" and j > 0 and toks[j - 1].norm == "كل":
            return None  # «كل من X و Y» lists the subjects
        hits = prep_index().surface.get(toks[j].norm)
        if hits:
            return hits[0][1]
    return None


def affiliated(view: DocView, m: MentionAt) -> bool:
    """«اعتقال … لمجموعة موالية لإيران», «فصائل تابعة لتركيا»: the entity only says whose the noun before it is."""
    toks = view.doc.tokens
    j = m.t0 - 1 if m.start > toks[m.t0].start else m.t0 - 2  # over the proclitic or the preposition word
    return j >= 0 and toks[j].norm in roles().affiliation


_PREPS: list[CliticIndex[bool]] = []
_REQUIRES: list[CliticIndex[bool]] = []


def prep_index() -> CliticIndex[bool]:
    """Prepositions, also after و and ف."""
    if not _PREPS:
        _PREPS.append(CliticIndex(((p, True) for p in roles().preps), prefixes=("", "و", "ف"), suffixes=()))
    return _PREPS[0]


def requires_index() -> CliticIndex[bool]:
    """Every word a trigger may require, found through clitics."""
    if not _REQUIRES:
        words = {w for trigs in trigger_index().values() for t in trigs for w in t.requires}
        _REQUIRES.append(CliticIndex(((w, True) for w in words)))
    return _REQUIRES[0]


def _described_before(view: DocView, i: int) -> bool:
    """Token ``i`` (a verb) follows a named entity that only describes the noun before it: a participle's agent
    («المدعومة من قبل روسيا», «المدعومون من إيران») or an affiliation («الموالية لإيران»). That noun is the verb's
    subject (SVO), so nothing named after the verb is."""
    toks = view.doc.tokens
    m = view.at_token.get(i - 1)
    if m is None or m.t1 != i:
        return False
    if affiliated(view, m):
        return True
    j = m.t0 - 1
    if j >= 1 and toks[j].norm == "قبل" and toks[j - 1].norm == "من":
        return True
    return j >= 1 and toks[j].norm == "من" and toks[j - 1].norm.startswith(("الم", "م")) \
        and toks[j - 1].norm.endswith(("ه", "ون", "ين", "ات"))


def _subject_after(view: DocView, hit: Hit, hi: int) -> MentionAt | None:
    """The named subject after a verb (VSO): over generic heads (حكومة، قوات), «كل من», and prepositional phrases
    («انسحبت من المنظمة كل من جورجيا»); a title phrase's demonym gives way to the person it introduces."""
    toks = view.doc.tokens
    r = roles()
    if _described_before(view, hit.i):
        return None  # «الميليشيات المدعومة من قبل روسيا قصفت مدينة خاركيف»: the noun before the verb is its subject
    j = hit.i + hit.n
    steps = 0
    in_pp = False
    while j < hi and steps <= ACTOR_WINDOW:
        m = view.at_token.get(j)
        if m is not None:
            if in_pp or governing_preposition(view, m) is not None:
                j, in_pp = m.t1, False
                while j in view.at_token and toks[j].norm.startswith("و") and view.at_token[j].start > toks[j].start:
                    j = view.at_token[j].t1  # «في طاجيكستان وقرغيزستان»: the coordination stays in the phrase
                steps += 1
                continue
            if m.entity.type not in ACTOR_TYPES or (m.entity.type == "PLACE" and (
                    j != hit.i + hit.n or toks[j].norm in r.place_heads)):
                return None  # a place acts only as the verb's immediate subject («قصفت موسكو», not «قصفت مدينة حلب»)
            if not_meant(view, m):
                return None
            return person_after_demonym(view, m) or m  # «وزير الخارجية الروسي سيرغي لافروف»
        n = toks[j].norm
        if j + 1 < hi and n == "كل" and toks[j + 1].norm == "من":
            j += 2
            continue
        if not in_pp and view.cue_at("led_by", j, ("", "و")):
            return _led_by(view, hit.i + hit.n, hi)  # «شن تحالف تقوده السعودية غارات»
        if n in CLAUSE_BREAKS or n in THAT:
            return None
        if n in r.preps:
            in_pp = True
        elif in_pp:
            in_pp = False  # the object of the preposition («من المنظمة»)
        elif n not in r.actor_heads and not n.startswith("ال") and steps >= 2:
            return None
        j += 1
        steps += 1
    return None


def _undergone(view: DocView, hit: Hit, lo: int) -> MentionAt | None | bool:
    """«تعرضت أوكرانيا لقصف روسي», «روسيا لم تتعرض للغزو»: a verbal noun after ل that a word of undergoing governs
    (data: undergo_words) is done by the demonym or «من قبل X» after it (None when not named); False otherwise."""
    if hit.trigger.pos != "noun" or not hit.prefix.lstrip("وف").startswith("ل"):
        return False
    toks = view.doc.tokens
    under = roles().undergo
    j = hit.i - 1
    heads = roles().actor_heads
    while j >= max(lo, hit.i - 4) and (j in view.at_token or toks[j].norm in heads):
        j = view.at_token[j].t0 - 1 if j in view.at_token else j - 1  # over the subject: «تعرضت القوات السودانية لهجوم»
    if j < lo or _bare(toks[j].norm) not in under and toks[j].norm not in under:
        return False
    gen = _genitive(view, hit, len(toks))
    if gen is not None and (gen.rule == "lexicon:demonym" or governing_preposition(view, gen) in roles().agent_preps):
        return gen
    return None


def _sentence_lo(view: DocView, hit: Hit) -> int:
    return view.sentence_tokens(view.doc.sentence_of(view.doc.tokens[hit.i].start))[0]  # type: ignore[arg-type]


def _antecedent(view: DocView, hit: Hit, s_lo: int) -> MentionAt | None:
    """Who a subject left unnamed is. «لكنه لم ينجح في اقتراح …», «وهي تنشر قوات …»: a subject pronoun within four
    tokens before the trigger points back to the last named subject of the sentence or of the sentence before;
    «… وتنازل أرمينيا …، بعد أن طلبت …»: a verb with no named subject takes the last named subject of its sentence.
    A feminine pronoun or verb points to an organisation or country, not to a (male) person; a possessor after لدى
    counts as a subject («لدى المنظمة اهتمامات …»)."""
    toks = view.doc.tokens
    pron = next((toks[j].norm for j in range(max(s_lo, hit.i - 4), hit.i) if toks[j].norm in roles().pronouns), None)
    if pron is not None:
        feminine = pron.endswith(("ها", "هي"))
        sent_k = view.doc.sentence_index(toks[hit.i].start)
        lo = view.sentence_tokens(view.doc.sentences[sent_k - 1])[0] if sent_k > 0 else s_lo
    elif hit.trigger.pos == "verb":
        verb = next((a.stem for a in toks[hit.i].analyses() if a.prefix in ("", "و", "ف", "س", "وس")), toks[hit.i].norm)
        feminine = verb.startswith("ت") or verb.endswith("ت")
        lo = s_lo
    else:
        return None
    types = ("ORG", "COUNTRY") if feminine else ("ORG", "COUNTRY", "PERSON")
    for m in reversed(view.mentions_in(lo, hit.i)):
        if m.t1 <= hit.i and m.entity.type in types and m.rule != "lexicon:demonym" \
                and governing_preposition(view, m) in (None, "لدي") and not (feminine and masculine_org(view, m)):
            return m
    return None


def _subject_before(view: DocView, hit: Hit, lo: int) -> MentionAt | None:
    for m in reversed(view.mentions_in(lo, hit.i)):
        if m.t1 > hit.i:
            continue
        if m.entity.type in ACTOR_TYPES and governing_preposition(view, m) is None and not in_phrase(view, m):
            return None if not_meant(view, m) else m
    return None


def _subject_right_before(view: DocView, hit: Hit, lo: int) -> MentionAt | None:
    """A named subject right before its verb (SVO: «وإيران تُقاتل», «روسيا لم تتعرض»), over one particle (لم، قد، لن)."""
    j = _before_particle(view, hit.i - 1, lo)
    m = view.at_token.get(j) if j >= lo else None
    if m is None or m.t1 != j + 1 or m.entity.type not in ACTOR_TYPES or governing_preposition(view, m) is not None \
            or in_phrase(view, m):
        return None
    return m


def _before_particle(view: DocView, j: int, lo: int) -> int:
    """Token ``j``, or the one before it when ``j`` is a one-word particle of negation or modality (لم، لن، قد)."""
    if j > lo and j not in view.at_token and any(view.cue_at(c, j, ("", "و", "ف")) == 1 for c in ("negated", "possible")):
        return j - 1
    return j


def _relative_subject(view: DocView, hit: Hit, s_lo: int) -> MentionAt | None | Literal[False]:
    """«القوات البيلاروسية، والتي ستدعم القوات الروسية»: a relative right before a verb with no resumptive pronoun
    after it is the verb's subject; the doer is the last named party before it (False when there is no relative)."""
    toks = view.doc.tokens
    r = roles()
    if hit.i <= s_lo or _bare(toks[hit.i - 1].norm) not in r.relatives or hit.suffix:
        return False
    nxt = hit.i + hit.n
    if nxt < len(toks) and toks[nxt].norm in r.resumptive:
        return False  # «التي اتفق عليها الجانبان»: the relative is the object
    for m in reversed(view.mentions_in(s_lo, hit.i - 1)):
        if m.t1 <= hit.i - 1 and m.entity.type in ACTOR_TYPES and governing_preposition(view, m) is None \
                and not in_phrase(view, m):
            return None if not_meant(view, m) else m
    return None


DEFINITE_PREPS = ("لل", "بال", "كال")


def in_phrase(view: DocView, m: MentionAt) -> bool:
    """A demonym whose head noun a preposition governs («بالنسبة للقوات الأوكرانية», «من الحقبة السوفيتية») stands in
    that prepositional phrase: it is no subject."""
    if m.rule != "lexicon:demonym":
        return False
    toks = view.doc.tokens
    j = m.t0 - 1
    while j > 0 and j > m.t0 - 3 and toks[j].norm.startswith("ال") and toks[j - 1].norm.startswith("ال"):
        j -= 1  # over adjectives to the head: «بالقوات العسكرية الروسية»
    if j < 0:
        return False
    head = toks[j].norm
    if head[:1] in ("و", "ف"):
        head = head[1:]
    return head.startswith(DEFINITE_PREPS) or (j > 0 and bool(prep_index().surface.get(toks[j - 1].norm)))


def _bare(norm: str) -> str:
    return norm[1:] if norm[:1] in ("و", "ف") else norm


def not_meant(view: DocView, m: MentionAt) -> bool:
    """«جهات أخرى غير روسية»: the demonym says who the unnamed doer is not."""
    return m.t0 > 0 and view.doc.tokens[m.t0 - 1].norm in roles().not_words


def _genitive(view: DocView, hit: Hit, hi: int) -> MentionAt | None:
    """The entity a verbal noun governs: right after it, over generic heads («انتشار القوات الروسية»), or after
    «من (قبل)» («بتشجيع من روسيا»); not past another verbal noun («اقتراح إرسال عناصر …» belongs to إرسال)."""
    toks = view.doc.tokens
    r = roles()
    j = hit.i + hit.n
    steps = 0
    index = trigger_lookup()
    while j < hi and steps < 4:
        if j not in view.at_token and best_at(toks, j, min(hi, j + 4), index) is not None:
            return None  # «القوات» alone is no trigger though «قوات مشتركة» is
        m = view.at_token.get(j)
        if m is not None:
            prep = governing_preposition(view, m)
            if m.entity.type in ACTOR_TYPES and (prep is None or prep in r.agent_preps or prep == "ل") \
                    and not is_media(m.entity.id) and not not_meant(view, m):
                return m
            return None
        n = toks[j].norm
        if n in QUOTE_MARKS:
            j += 1
            continue
        if n in CLAUSE_BREAKS:
            return None
        if n not in r.actor_heads and n not in r.agent_preps and not n.startswith("ال") and steps >= 1:
            return None
        j += 1
        steps += 1
    return None


def coordinated(view: DocView, m: MentionAt, hi: int) -> list[MentionAt]:
    """Entities joined to ``m`` by و (and commas): «كازاخستان وقيرغيزستان», «الجانبان التركي والروسي»."""
    out = []
    j = m.t1
    toks = view.doc.tokens
    while j < hi:
        nxt = view.at_token.get(j)
        if nxt is not None and nxt.entity.type == m.entity.type and toks[j].norm.startswith("و") \
                and nxt.start > toks[j].start:
            out.append(nxt)
            j = nxt.t1
        elif toks[j].norm in (",", "،") and j + 1 < hi and view.at_token.get(j + 1) is not None \
                and view.at_token[j + 1].entity.type == m.entity.type:
            j += 1
        else:
            break
    return out


BOTH_SIDES = frozenset({"الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الزعيمان", "الزعيمين",
                        "الوزيران", "الوزيرين", "الرئيسان", "الرئيسين"})


def _both_sides(toks, hit: Hit, lo: int, hi: int) -> int | None:
    """«اتفق الجانبان», «الطرفان اتفقا»: the two parties are named by a dual noun next to the trigger (its token)."""
    return next((j for j in range(max(lo, hit.i - 2), min(hi, hit.i + hit.n + 2)) if toks[j].norm in BOTH_SIDES), None)


def _pair_after(view: DocView, j: int, hi: int) -> tuple[MentionAt, MentionAt] | None:
    """Two parties joined by و right after token ``j``: «بين روسيا وإيران»; a dual noun's own demonyms
    («الجانبان التركي والروسي», «الطرفين الروسي والأوكراني»)."""
    first = view.at_token.get(j + 1)
    if first is None or first.entity.type not in ACTOR_TYPES:
        return None
    second = coordinated(view, first, hi)
    return (first, second[0]) if second else None


def _last_pair(view: DocView, hit: Hit) -> tuple[MentionAt, MentionAt] | None:
    """The last two different parties (persons, countries, organisations) named in this or the previous sentence."""
    doc = view.doc
    k = doc.sentence_index(doc.tokens[hit.i].start)
    lo = view.sentence_tokens(doc.sentences[k - 1])[0] if k > 0 else 0
    seen: list[MentionAt] = []
    for m in reversed(view.mentions_in(lo, hit.i)):
        if m.t1 <= hit.i and m.entity.type in ("PERSON", "COUNTRY", "ORG") and m.rule != "lexicon:demonym" \
                and all(x.entity.id != m.entity.id for x in seen):
            seen.append(m)
            if len(seen) == 2:
                return seen[1], seen[0]
    return None


REQUEST_NOUNS = frozenset({"طلب", "الطلب", "طلبه", "طلبها", "الاقتراح", "اقتراح", "العرض", "الدعوه", "المطالب"})


def _refuses_a_request(toks, hit: Hit, hi: int) -> bool:
    """«رفضهم للطلب», «رفضت الطلب»: what is refused is a request made earlier."""
    j = hit.i + hit.n
    if j >= hi:
        return False
    return any(a.stem in REQUEST_NOUNS for a in toks[j].analyses() if a.prefix in ("", "ل", "لل"))


def _last_list(view: DocView, lo: int, i: int) -> list[MentionAt]:
    """The last list of two or more entities joined by و before token ``i`` («كازاخستان وقيرغيزستان»)."""
    toks = view.doc.tokens
    before = [m for m in view.mentions_in(lo, i) if m.t1 <= i and m.entity.type in ("COUNTRY", "ORG", "PERSON")]
    for k in range(len(before) - 1, 0, -1):
        m = before[k]
        if toks[m.t0].norm.startswith("و") and m.start > toks[m.t0].start and before[k - 1].t1 == m.t0:
            j = k - 1
            while j > 0 and toks[before[j].t0].norm.startswith("و") and before[j - 1].t1 == before[j].t0:
                j -= 1
            return before[j:k + 1]
    return []


def _noun_reading(toks, hit: Hit) -> Hit | None:
    """The verbal-noun reading of a trigger word read as a verb («تواصل روسيا قصفها»: قصفها is her shelling)."""
    for a in trigger_lookup().lookup(toks[hit.i].norm):
        for trig in a.value:
            if trig.pos == "noun" and trig.type != LIGHT and len(trig.words) == 1:
                return Hit(trig, hit.i, 1, a.prefix, a.suffix)
    return None


def _noun_meant(toks, hit: Hit, s_lo: int) -> bool:
    """A word read as a verb that stands where only a verbal noun can: after a preposition («بعد رفضهم»), or with a
    pronoun suffix right after a copula that follows its topic («لواء القدس كان دعمه إيرانيا»; a copula opening the
    clause, «وكان دعمه الرئيس …», may govern a verb)."""
    if hit.trigger.pos != "verb" or hit.trigger.type == LIGHT or hit.i <= s_lo:
        return False
    before = toks[hit.i - 1].norm
    r = roles()
    return before in r.preps or (bool(hit.suffix) and not hit.prefix and before in r.copulas)


def _participle_args(view: DocView, hit: Hit) -> tuple[MentionAt | None, MentionAt | None]:
    """«الحوثيون المدعومون من إيران», «الفصائل المدعومة من قبل تركيا»: a passive participle's agent is the party named
    right after «من (قبل)»; what it describes is the named party right before it (None when the noun is generic)."""
    toks = view.doc.tokens
    j = hit.i + hit.n
    if j < len(toks) and toks[j].norm == "من":
        j += 2 if j + 1 < len(toks) and toks[j + 1].norm == "قبل" else 1
    else:
        return None, None
    agent = view.at_token.get(j)
    if agent is None or agent.t0 != j or agent.entity.type not in ACTOR_TYPES or is_media(agent.entity.id):
        return None, None
    k = hit.i - 1
    while k >= 0 and toks[k].norm in QUOTE_MARKS:
        k -= 1
    head = view.at_token.get(k)
    if head is None or head.rule == "lexicon:demonym" or head.entity.type not in ACTOR_TYPES \
            or head.entity.id == agent.entity.id:
        head = None
    return agent, head


def _modal_dative(view: DocView, m: MentionAt) -> bool:
    """«يمكن لروسيا …», «لا يحق لإيران …»: the ل-object of a modal verb right before it (data: modal_dative)."""
    toks = view.doc.tokens
    return governing_preposition(view, m) == "ل" and m.start > toks[m.t0].start and m.t0 > 0 \
        and _bare(toks[m.t0 - 1].norm) in roles().modal_dative


def _possessor(view: DocView, hit: Hit, lo: int, doer: MentionAt) -> MentionAt | None:
    """Whom the possessive pronoun on a verbal noun points back to: the last party named before it in its clause that
    agrees with it (ها: a country, place or feminine organisation; ه: not a feminine organisation)."""
    feminine = hit.suffix == "ها"
    for m in reversed(view.mentions_in(lo, hit.i)):
        if m.t1 > hit.i or m.entity.id == doer.entity.id or m.rule == "lexicon:demonym" \
                or m.entity.type not in ACTOR_TYPES or governing_preposition(view, m) is not None:
            continue
        if m.entity.type == "ORG" and masculine_org(view, m) == feminine or feminine and m.entity.type == "PERSON":
            continue
        return m
    return None


OPPONENT_REACH = 5


def _construct(view: DocView, hit: Hit, m: MentionAt) -> bool:
    """``m`` is the genitive right after the trigger word (no proclitic of its own): the noun governs it, whatever
    preposition stands before the noun («من حرب أوكرانيا»)."""
    return m.t0 == hit.i + hit.n and m.start == view.doc.tokens[m.t0].start


def _opponent_after(view: DocView, m: MentionAt, hi: int) -> bool:
    """A preposition naming the other side (data: opponent_prepositions) a few words after ``m``, in its clause."""
    toks = view.doc.tokens
    for j in range(m.t1, min(hi, m.t1 + OPPONENT_REACH)):
        if toks[j].norm in CLAUSE_BREAKS:
            return False
        if toks[j].norm in roles().opponent:  # the other side: a name or a noun with a pronoun («مع جارتها»)
            return j + 1 < hi and (j + 1 in view.at_token or toks[j + 1].norm.endswith(("ها", "ه", "هم")))
    return False


LED_REACH = 3


def _led_by(view: DocView, start: int, hi: int) -> MentionAt | None:
    """«تحالف تقوده الولايات المتحدة», «قوات بقيادة السعودية» right after a trigger (not after a preposition: «الهجوم على
    قوات تقودها …» names the target): the party that leads the unnamed group (data: led_by)."""
    toks = view.doc.tokens
    for i, n in view.cues("led_by", start, min(hi, start + LED_REACH), ("", "و")):
        if any(j in view.at_token or toks[j].norm in CLAUSE_BREAKS or prep_index().surface.get(toks[j].norm)
               for j in range(start, i)):
            return None
        m = view.at_token.get(i + n)
        if m is not None and m.t0 == i + n and m.entity.type in ACTOR_TYPES and not is_media(m.entity.id):
            return m
    return None


def _relative_doer(view: DocView, hit: Hit, hi: int) -> MentionAt | None:
    """«<verbal noun> التي/الذي قام بها X»: X did it."""
    toks = view.doc.tokens
    j = hit.i + hit.n
    while j < hi and j < hit.i + hit.n + 2 and toks[j].norm.startswith("ال") and toks[j].norm not in ("التي", "الذي"):
        j += 1  # «الزيارة الأخيرة التي …»
    if j + 1 >= hi or toks[j].norm not in ("التي", "الذي"):
        return None
    verb = best_at(toks, j + 1, j + 2, trigger_lookup())
    if verb is None or verb.trigger.type != LIGHT:
        return None
    return _subject_after(view, verb, hi)


def _from_agent(view: DocView, hit: Hit, hi: int) -> MentionAt | None:
    """«… من X» a few words after a verbal noun of giving or sending: X gives or sends."""
    for m in view.mentions_in(hit.i + hit.n, min(hi, hit.i + hit.n + 6)):
        if m.entity.type in ("ORG", "COUNTRY", "PERSON") and governing_preposition(view, m) == "من" \
                and not is_media(m.entity.id):
            return m
    return None


def _between(view: DocView, hit: Hit, hi: int) -> tuple[MentionAt, MentionAt] | None:
    """«… بين X و Y» right after a verbal noun: the two parties."""
    toks = view.doc.tokens
    j = hit.i + hit.n
    while j < hi and j < hit.i + hit.n + 3 and toks[j].norm != "بين":
        j += 1
    if j >= hi or toks[j].norm != "بين":
        return None
    return _pair_after(view, j, hi)


def _object_after(view: DocView, start: int, hi: int, exclude: str) -> MentionAt | None:
    """The first named entity after ``start`` in the clause that no preposition governs (a verb's object)."""
    for m in view.mentions_in(start, hi):
        if m.entity.id == exclude or is_media(m.entity.id):
            continue
        if person_after_demonym(view, m):
            continue  # «التقى فيدان نظيره الروسي سيرغي لافروف»: the person, not the demonym of his title
        if governing_preposition(view, m) is None:
            return m
        return None
    return None


def _args(view: DocView, hit: Hit, actor: MentionAt, lo: int, hi: int) -> tuple[MentionAt | None, MentionAt | None]:
    """(recipient, location) after the trigger in its clause."""
    r = roles()
    recipient: MentionAt | None = None
    location: MentionAt | None = None
    for m in view.mentions_in(hit.i + hit.n, hi):
        if m.entity.id == actor.entity.id or m is actor or is_media(m.entity.id):
            continue
        if person_after_demonym(view, m):
            continue  # «مع نظيره التركي رجب طيب أردوغان»: the person, not the demonym of his title
        prep = governing_preposition(view, m)
        if prep is None or affiliated(view, m):
            continue
        if prep in r.loc_preps and m.entity.type in PLACE_TYPES and location is None:
            if prep == "الي" and hit.trigger.type not in ("MOBILIZE", "CONSULT", "RETREAT") and recipient is None:
                recipient = m
            else:
                location = m
        elif prep == "من" and hit.trigger.type == "RETREAT" and m.entity.type in PLACE_TYPES and location is None:
            location = m  # «انسحبت القوات من خيرسون»: the place withdrawn from
        elif prep in r.rcpt_preps and recipient is None:
            recipient = m
    return recipient, location


def _sentence_place(view: DocView, lo: int, hi: int, actor: MentionAt, clause: tuple[int, int]) -> MentionAt | None:
    """A place the sentence sets its events in («… في وسط سوريا، كما وسعت …»): the first place or country governed by
    في or ب in the trigger's clause («ومنذ أيام في حلب إثر اعتقال …»), else anywhere in the sentence up to ``hi``, where
    a new clause begins («…، ومن الممكن أن يعزز … في دير الزور» is not where the act before it took place)."""
    return _place_in(view, *clause, actor) or _place_in(view, lo, hi, actor)


def _place_in(view: DocView, lo: int, hi: int, actor: MentionAt) -> MentionAt | None:
    """The first place in ``[lo, hi)`` governed by a preposition of place other than إلى (في، ب، وسط، شمال، قرب …)."""
    at = roles().loc_preps - TOWARDS
    for m in view.mentions_in(lo, hi):
        if m.entity.type in PLACE_TYPES and m.entity.id != actor.entity.id \
                and (m.rule != "lexicon:demonym" or m.start > view.doc.tokens[m.t0].start) \
                and governing_preposition(view, m) in at:
            return m  # a preposition on the word itself makes a name of a demonym's form («بسورية»)
    return None


def _requires_ok(view: DocView, hit: Hit, hi: int) -> bool:
    req = hit.trigger.requires
    if not req:
        return True
    index = requires_index()
    for t in view.doc.tokens[hit.i + hit.n: min(hi, hit.i + hit.n + 8)]:
        if index.maybe(t.norm) and any(h.stem in req for h in index.lookup(t.norm)):
            return True
    return False


def _status(view: DocView, hit: Hit, s_lo: int, s_hi: int) -> str:
    toks = view.doc.tokens
    if hit.trigger.pos == "participle":
        return "actual"  # «يمكن أن ترسل قوات إلى مناطق يسيطر عليها المتمردون المدعومون من موسكو»: a standing state
    if hit.trigger.pos == "verb":
        for j in range(max(s_lo, hit.i - 2), hit.i):
            if view.cue_at("negated", j, ("", "و", "ف")):
                return "negated"
    elif hit.i > s_lo and view.cue_at("negated", hit.i - 1, ("", "و", "ف", "ب")):
        return "negated"
    before = [(i, n) for i, n in view.cues("possible", max(s_lo, hit.i - 10), hit.i)
              if not (toks[i].norm in ("قد", "وقد", "فقد", "لقد") and i + 1 < len(toks)
                      and not toks[i + 1].norm.startswith(("ي", "ت", "ن")))]  # قد + perfect is «already»
    if before:
        return "possible"
    if hit.prefix.endswith("س") or view.cues("planned", max(s_lo, hit.i - 10), hit.i) \
            or view.cues("planned", hit.i, view.clause_end(hit.i, min(s_hi, hit.i + 12))):
        return "planned"
    return "actual"


def _quantity(view: DocView, hit: Hit, lo: int, hi: int) -> dict | None:
    """The counted number after the trigger in its sentence: ``value`` and ``unit`` (personnel, unit or equipment),
    the counted ``noun``; a count of units («كتيبتين») becomes personnel when the article gives the unit's size
    («تتألف كل كتيبة من 300 عنصر» → 600)."""
    a, b = view.doc.tokens[lo].start, view.doc.tokens[hi - 1].end
    t_end = view.doc.tokens[hit.i].start
    for n in view.doc.numbers:
        if a <= n.start < b and n.start >= t_end and n.unit and not n.ordinal and not n.is_year_like:
            info = noun_info(n.unit)
            if info is None or info.category not in ("personnel", "unit", "equipment"):
                continue
            value = int(n.value) if float(n.value).is_integer() else n.value
            q = {"value": value, "unit": info.category, "noun": info.gloss, "approx": n.approx}
            size = view.unit_sizes.get(n.unit) if info.category == "unit" else None
            if size:
                q.update(value=value * size, unit="personnel", count=value)
            return q
    return None


def unit_sizes(doc) -> dict[str, int]:
    """Sizes the article gives for a kind of unit: «كل كتيبة … من 300 عنصر» → {"كتيبة": 300}."""
    sizes: dict[str, int] = {}
    toks = doc.tokens
    for n in doc.numbers:
        info = noun_info(n.unit) if n.unit else None
        if info is None or info.category != "personnel" or n.ordinal:
            continue
        sent = doc.sentence_of(n.start)
        if sent is None:
            continue
        rng = doc.char_span(sent.start, n.start)
        for j in range(*(rng or (0, 0))):
            if toks[j].norm == "كل" and j + 1 < len(toks):
                unit = next((x.unit for x in doc.numbers if x.start == toks[j + 1].start), None) \
                    or _unit_lemma(toks[j + 1].text)
                if unit and noun_info(unit) and noun_info(unit).category == "unit":  # type: ignore[union-attr]
                    sizes.setdefault(unit, int(n.value))
    return sizes


def _unit_lemma(word: str) -> str | None:
    """The lemma of a unit noun written alone («كتيبة»)."""
    info = noun_info(word)
    return info.lemma if info is not None else None


def _when(view: DocView, sent: Span) -> str | None:
    for d in view.doc.dates:
        if sent.start <= d.start < sent.end and d.value:
            return d.value
    return None


def extract_events(view: DocView, sources: list) -> list[dict]:
    """Events of the whole document; ``sources[k]`` is the attributed source entity id of sentence k (or None)."""
    doc = view.doc
    requires_index()  # built by the pipeline's warm-up article, not on the first article that needs it
    view.unit_sizes = unit_sizes(doc)
    trigger_at = trigger_positions(doc)
    out: list[dict] = []
    for k, sent in enumerate(doc.sentences):
        if doc.in_chrome(sent.start, sent.end):
            continue
        s_lo, s_hi = view.sentence_tokens(sent)
        sentence_first = len(out)
        hits = find_triggers(doc.tokens, s_lo, s_hi, view.at_token.keys(), trigger_at)
        hits = [(_noun_reading(doc.tokens, h) or h) if _noun_meant(doc.tokens, h, s_lo) else h for h in hits]
        consumed: set[int] = set()
        object_of_verb_until = -1  # a verbal noun inside a verb's object («طلبت … مساعدة», «رفضت إرسال قوات») is no event
        object_of_verb: Hit | None = None
        for h_idx, hit in enumerate(hits):
            if h_idx in consumed:
                continue
            if hit.trigger.pos == "noun" and hit.i < object_of_verb_until and not hit.prefix.startswith(("ل", "ول")) \
                    and not _reported_act(view, object_of_verb, hit, s_hi):
                continue
            if hit.trigger.type == NOT_EVENT or _no_doer_named(view, hit, s_lo):
                continue
            lo, hi = view.clause_bounds(hit.i, s_lo, s_hi)
            region_end = next((h.i for h in hits[h_idx + 1:] if h.trigger.pos == "verb" and h.trigger.type != LIGHT), s_hi)
            event_hit, ev_idx = hit, h_idx
            if hit.trigger.type == LIGHT:
                nxt = next((j for j in range(h_idx + 1, len(hits)) if hits[j].i - (hit.i + hit.n) <= LIGHT_REACH
                            and (hits[j].trigger.pos == "noun" or _noun_reading(doc.tokens, hits[j]))), None)
                if nxt is not None:
                    consumed.add(nxt)
                    ev_idx = nxt
                    event_hit = hits[nxt] if hits[nxt].trigger.pos == "noun" else _noun_reading(doc.tokens, hits[nxt])  # type: ignore[assignment]
                elif hit.trigger.mode:
                    event_hit = Hit(Trigger(hit.trigger.mode, None, "verb", hit.trigger.words, frozenset()), hit.i, hit.n,
                                    hit.prefix)
                else:
                    continue
            if not _requires_ok(view, event_hit, s_hi):
                continue
            asked = _asked_act(view, hits, ev_idx, s_hi) if event_hit.trigger.type in ("REQUEST", "THREATEN") else None
            if asked is not None:
                consumed.add(asked[0])  # what is asked for or threatened has not happened
                asked = asked if event_hit.trigger.type == "REQUEST" else None
            actor, patient = _actor_and_patient(view, hit, event_hit, lo, hi, s_hi)
            sides = _both_sides(doc.tokens, hit, s_lo, s_hi) if event_hit.trigger.type in SYMMETRIC_TYPES else None
            if sides is not None:  # «اتفق الجانبان التركي والروسي», else «اتفق الجانبان على …»: the two named last
                pair = _pair_after(view, sides, s_hi) or _last_pair(view, hit)
                if pair:
                    actor, patient = pair
            if actor is None:
                actor = _antecedent(view, hit, s_lo)
                if actor is not None and hit.trigger.pos == "verb" and event_hit.trigger.type in PATIENT_TYPES:
                    patient = _object_after(view, hit.i + hit.n, s_hi, actor.entity.id)
            if actor is None or is_media(actor.entity.id):
                continue
            status_hit, hit = hit, event_hit
            if status_hit.trigger.pos == "verb" and status_hit is hit:
                # within its clause, or past an aside between commas («طلبت حكومة كازاخستان، ليل الأربعاء، مساعدة …»)
                object_of_verb_until, object_of_verb = min(region_end, _over_aside(view, hi, s_hi)), hit
            # a verb's objects may follow an aside between commas («طلبت حكومة كازاخستان، ليل الأربعاء، مساعدة …»);
            # a verbal noun's stay in its clause
            args_end = region_end if status_hit.trigger.pos == "verb" else min(region_end, hi)
            args_end = view.clause_end(hit.i, args_end)  # «…، كما وسعت انتشار …، ومن الممكن أن …»: not past a new clause
            if asked is not None:
                args_end = min(args_end, hits[asked[0]].i)  # «… إرسال قوات إلى سوريا»: the act asked for goes there
            recipient, location = _args(view, hit, actor, hit.i + hit.n, args_end)
            if patient is not None and (hit.trigger.type == "CONSULT" or hit.trigger.object_place) \
                    and patient.entity.type in PLACE_TYPES:
                # «زار لافروف أنقرة»; «استخدمت إيران العراق ممرا لنقل الأسلحة إلى سوريا»: the object is the place
                location, patient = (patient if hit.trigger.object_place else location or patient), None
            if location is None:
                location = _sentence_place(view, s_lo, view.clause_end(hit.i, s_hi), actor, (lo, hi))
            if patient is not None and patient.entity.id != actor.entity.id:
                recipient = patient
            if recipient is None and asked is not None and asked[1] is not None and asked[1].entity.id != actor.entity.id:
                recipient = asked[1]  # «اقتراح إرسال قوات تركية»: Turkey is asked
            partners = coordinated(view, actor, s_hi)
            actors = [actor]
            if partners and hit.trigger.type in SYMMETRIC_TYPES and recipient is None:
                recipient = partners[0]
            elif partners:
                actors += partners
            places = [location] + (coordinated(view, location, region_end) if location is not None else [])
            recipients: Sequence[MentionAt | None] = [recipient]
            if recipient is None and hit.trigger.type in PATIENT_TYPES:  # «… دولا، بما في ذلك بيلاروسيا وكازاخستان»
                recipients = _included(view, hit.i + hit.n, region_end) or recipients
            for act, recipient, place in ((a, r, p) for a in actors for r in recipients for p in places):
                if recipient is not None and recipient.entity.id == act.entity.id:
                    continue
                ev = _event(view, hit, act, recipient, place, sent, k, s_lo, s_hi, sources, status_hit)
                if ev["type"] == "REJECT" and ev["recipient"] is None and _refuses_a_request(doc.tokens, hit, s_hi):
                    ev["recipient"] = next((e["actor"] for e in reversed(out) if e["type"] == "REQUEST"
                                            and e["actor"] != ev["actor"]), None)  # «رفضهم للطلب»: the requester
                    ev["_all_asked"] = hit.suffix in ("هم", "هما")
                elif ev["recipient"] is None and hit.trigger.type in ("ASSAULT", "COERCE") \
                        and (whose := _whose_territory(view, hit, act, s_hi)) is not None:
                    ev["recipient"] = whose.entity.id
                elif ev["recipient"] is None and hit.trigger.type in PATIENT_TYPES and view.cues("act_anaphors", lo, hi):
                    ev["recipient"] = _doer_of_last_act(out, ev["actor"])  # «هذه الخطوة تأتي بتشجيع من روسيا»
                    ev["_about_act"] = True
                proxy = _proxy(view, hit, act, args_end) if hit.trigger.type == "ASSAULT" else None
                if proxy is not None:  # «فأمريكا تُحارب عبر ميليشيات سوريا الديمقراطية»: America backs the SDF
                    ev.update(type="AID", mode=None, recipient=proxy.entity.id)
                out.append(ev)
        if len(out) > sentence_first:  # both only carry on from an event of this sentence
            out += _same_act_for(view, out, s_lo, s_hi, k)
            out += _all_asked_refuse(out, k)
        out += _judged_in_complement(view, s_lo, s_hi, sent, k, sources)
    return merge_events(out)


#: how far before a judgement its «أن» may stand, and a verb of saying before «أن» (over its subject)
JUDGED_REACH = 10
SAYER_REACH = 8
JUDGEMENTS = (("blame_predicates", "ACCUSE"), ("refusal_predicates", "REJECT"))


def _judged_in_complement(view: DocView, lo: int, hi: int, sent: Span, k: int, sources: list) -> list[dict]:
    """«أكد باشينيان أن المنظمة لم تستجب للغزو», «أكدت الصين أن أي تصعيد من قبل روسيا غير مقبول»: a verb of saying
    whose «أن» clause judges a named party's conduct (data: blame_predicates → ACCUSE, refusal_predicates → REJECT):
    the speaker, named after the verb or before it in the sentence, acts on the party, the clause's subject or the
    agent «من قبل X». A denied or hedged saying («نفى أن», «لم يقل إن», «قد يقول») is none."""
    toks = view.doc.tokens
    r = roles()
    new: list[dict] = []
    for cue, typ in JUDGEMENTS:
        for i, n in view.cues(cue, lo, hi, ("", "و", "ف")):
            j = i - 1
            while j >= max(lo, i - JUDGED_REACH) and toks[j].norm not in THAT and toks[j].norm not in CLAUSE_BREAKS:
                j -= 1
            if j < lo or toks[j].norm not in THAT:
                continue
            party = next((m for m in view.mentions_in(j + 1, i) if m.t1 <= i and m.entity.type in ACTOR_TYPES
                          and not is_media(m.entity.id) and (governing_preposition(view, m) is None and not in_phrase(view, m)
                                                             or governing_preposition(view, m) in r.agent_preps)), None)
            says = view.cues("quote_verbs", max(lo, j - SAYER_REACH), j)
            if party is None or not says:
                continue
            v, vn = says[-1]
            if any(toks[x].norm in CLAUSE_BREAKS and toks[x].norm not in COMMAS for x in range(v + vn, j)) \
                    or view.cue_at("negated", v, ("", "و", "ف")) \
                    or v > lo and view.cue_at("quote_not_said", v - 1, ("", "و", "ف")):
                continue  # «قالت الحكومة في بيان، الأحد، إن …» holds; «نفت أن …», «لم يقل إن …» do not
            speaker = next((m for m in view.mentions_in(v + vn, j) if m.entity.type in ("PERSON", "ORG", "COUNTRY")
                            and not is_media(m.entity.id) and governing_preposition(view, m) is None), None)
            speakers = [speaker] + coordinated(view, speaker, j) if speaker is not None else []
            if not speakers:
                before = next((m for m in reversed(view.mentions_in(lo, v)) if m.t1 <= v
                               and m.entity.type in ("PERSON", "ORG", "COUNTRY") and not is_media(m.entity.id)
                               and governing_preposition(view, m) is None), None)
                speakers = [person_after_demonym(view, before) or before] if before is not None else []
            hit = Hit(Trigger(typ, None, "verb", tuple(t.norm for t in toks[i:i + n]), frozenset()), i, n, "")
            for sp in speakers:
                if sp.entity.id == party.entity.id:
                    continue
                ev = _event(view, hit, sp, party, None, sent, k, lo, hi, sources, hit)
                ev.update(quantity=None, status="possible" if view.cues("possible", max(lo, v - 4), v) else "actual")
                ev["trigger"]["rule"] = f"trigger:complement:{cue}"
                new.append(ev)
    return new


def _all_asked_refuse(out: list[dict], k: int) -> list[dict]:
    """«… اقتراح إرسال عناصر بيلاروس، وهو الحال الذي انطبق أيضاً على كازاخستان وقيرغيزستان، بعد رفضهم للطلب»: a
    plural pronoun on the refusal of a request stands for every party the requester asked in the sentence."""
    new: list[dict] = []
    for ev in [e for e in out if e["_sentence"] == k and e.pop("_all_asked", False) and e["recipient"]]:
        done = {e["actor"] for e in out + new if e["_sentence"] == k and e["type"] == "REJECT"}
        for req in out:
            if req["_sentence"] == k and req["type"] == "REQUEST" and req["actor"] == ev["recipient"] \
                    and req["recipient"] and req["recipient"] not in done:
                new.append(dict(ev, actor=req["recipient"], source=ev["source"] if ev["source"] != req["recipient"] else None))
                done.add(req["recipient"])
    return new


PROXY_REACH = 2  # over a generic head («عبر ميليشيات سوريا الديمقراطية»)


def _proxy(view: DocView, hit: Hit, actor: MentionAt, hi: int) -> MentionAt | None:
    """The organisation a verb of fighting is fought through, named right after «عبر/بواسطة» in the verb's clause
    (data: proxy_prepositions), not the doer itself; None when there is none."""
    if hit.trigger.pos != "verb":
        return None
    toks = view.doc.tokens
    for j in range(hit.i + hit.n, min(hi, hit.i + hit.n + ACTOR_WINDOW)):
        if toks[j].norm in CLAUSE_BREAKS:
            return None
        if _bare(toks[j].norm) in roles().proxy:
            m = next((m for m in view.mentions_in(j + 1, j + 1 + PROXY_REACH)), None)
            ok = m is not None and m.entity.type == "ORG" and m.entity.id != actor.entity.id and not is_media(m.entity.id)
            return m if ok and all(toks[x].norm in roles().actor_heads for x in range(j + 1, m.t0)) else None  # type: ignore[union-attr]
    return None


SAME_ACT_REACH = 4
ON = (key_of("على"), "ل", "مع")


def _same_act_for(view: DocView, out: list[dict], lo: int, hi: int, k: int) -> list[dict]:
    """«لم ينجح في اقتراح إرسال عناصر بيلاروس، وهو الحال الذي انطبق أيضاً على كازاخستان وقيرغيزستان»: the act
    reported last before the cue in its sentence holds for the parties after it (data: same_act); they take the place of
    its recipient, or of its doer when it has none."""
    toks = view.doc.tokens
    new: list[dict] = []
    for i, n in view.cues("same_act", lo, hi):
        first = next((m for m in view.mentions_in(i + n, min(hi, i + n + SAME_ACT_REACH))
                      if m.entity.type in ("COUNTRY", "ORG", "PERSON") and governing_preposition(view, m) in ON), None)
        start = toks[i].start
        base = next((e for e in reversed(out) if e["_sentence"] == k and e["trigger"]["start"] < start), None)
        if first is None or base is None:
            continue
        role = "recipient" if base["recipient"] is not None else "actor"
        for m in [first] + coordinated(view, first, hi):
            if m.entity.id not in (base["actor"], base["recipient"]):
                new.append(dict(base, **{role: m.entity.id, "source": base["source"] if role == "recipient" else None,
                                         "trigger": {"start": start, "end": toks[i + n - 1].end,
                                                     "rule": "ellipsis:same_act"}}))
    return new


INCLUSION_REACH = 8


TERRITORY_REACH = 4


def _whose_territory(view: DocView, hit: Hit, actor: MentionAt, hi: int) -> MentionAt | None:
    """«حتى لو انتهكت أوكرانيا حدودها»: a territory noun with a possessive pronoun right after an attack verb and its
    subject points back to the party named last before the verb (in its sentence or the one before), not the actor."""
    toks = view.doc.tokens
    terr = roles().territory
    end = min(hi, hit.i + hit.n + TERRITORY_REACH)  # past the subject («انتهكت الطائرات الإسرائيلية أجواءه»)
    j = next((j for j in range(hit.i + hit.n, end) if toks[j].norm in CLAUSE_BREAKS or _territory_word(toks[j], terr)),
             end)
    if j >= end or toks[j].norm in CLAUSE_BREAKS:
        return None
    k = view.doc.sentence_index(toks[hit.i].start)
    lo = view.sentence_tokens(view.doc.sentences[k - 1])[0] if k > 0 else 0
    return next((m for m in reversed(view.mentions_in(lo, hit.i)) if m.t1 <= hit.i and m.entity.id != actor.entity.id
                 and m.entity.type in ("COUNTRY", "ORG", "PLACE") and m.rule != "lexicon:demonym"), None)


POSSESSIVES = ("ه", "ها", "هم")


def _territory_word(tok: Token, terr: frozenset[str]) -> bool:
    """A territory noun with a possessive pronoun (حدودها، أجواءه), after و or none. A reading is the token's form cut
    into proclitic + stem + enclitic, so a form that cannot be cut that way is ruled out before its readings are made."""
    norm = tok.norm
    if not any(norm.endswith(s) and (norm[:len(norm) - len(s)] in terr
                                     or (norm.startswith("و") and norm[1:len(norm) - len(s)] in terr))
               for s in POSSESSIVES):
        return False
    return any(a.suffix in POSSESSIVES and a.stem in terr and a.prefix in ("", "و") for a in tok.analyses())


def _doer_of_last_act(out: list[dict], actor: str) -> str | None:
    """Who did the act reported last by another actor, leaving out acts that were themselves about an earlier one."""
    return next((e["actor"] for e in reversed(out) if e["actor"] != actor and not e.get("_about_act")), None)
ASIDE_LEN = 4


def _over_aside(view: DocView, b: int, hi: int) -> int:
    """The end of the clause after a short aside between commas that starts at token ``b`` («، ليل الأربعاء الخميس،»,
    «، الخميس،»: no named entity, no trigger word), else ``b``."""
    toks = view.doc.tokens
    if b >= hi or toks[b].norm not in COMMAS:
        return b
    index = trigger_lookup()
    for c in range(b + 1, min(hi, b + ASIDE_LEN + 2)):
        if toks[c].norm in COMMAS:
            return view.clause_bounds(c + 1, c + 1, hi)[1] if c > b + 1 else b
        if c in view.at_token or toks[c].norm in CLAUSE_BREAKS or best_at(toks, c, c + 1, index) is not None:
            return b
    return b


def _included(view: DocView, start: int, hi: int) -> list[MentionAt]:
    """«إقناع دول منفردة، بما في ذلك بيلاروسيا وكازاخستان»: the named members of a generic object."""
    for i, n in view.cues("inclusion", start, min(hi, start + INCLUSION_REACH)):
        first = view.at_token.get(i + n)
        if first is not None and first.entity.type in ACTOR_TYPES:
            return [first] + coordinated(view, first, hi)
    return []


def _no_doer_named(view: DocView, hit: Hit, s_lo: int) -> bool:
    """«ومن يرفض سيكون مصيره …»: a verb whose subject is an indefinite relative; «جهات غير روسية تدعم …»: a subject
    named only by who it is not; «وسيدعم هذا …»: a demonstrative subject; «…، والتي ستدعم» with no named party before
    the relative; «في حالة استعداد دائم للقتال», «القدرة على شن هجمات»: a verbal noun that says what an actor could
    do."""
    toks = view.doc.tokens
    r = roles()
    if hit.trigger.pos == "verb" and hit.i > s_lo:
        if toks[hit.i - 1].norm in r.relative_subjects or _relative_subject(view, hit, s_lo) is None:
            return True
        before = view.at_token.get(_before_particle(view, hit.i - 1, s_lo))
        if before is not None and not_meant(view, before):
            return True
    nxt = hit.i + hit.n
    if hit.trigger.pos == "verb" and nxt + 1 < len(toks) and toks[nxt].norm in r.demonstratives \
            and nxt + 1 not in view.at_token and not (toks[nxt + 1].norm in r.actor_heads and nxt + 2 in view.at_token):
        return True
    if _undergone(view, hit, s_lo) is None:
        return True  # «روسيا لم تتعرض للغزو»: done to Russia by someone not named
    return bool(view.cues("capability", max(s_lo, hit.i - 3), hit.i))


ASKED_GAP = 5  # the request's own genitive may stand between («دعوة الرئيس الفرنسي إيمانويل ماكرون إلى إرسال»)


def _asked_act(view: DocView, hits: list[Hit], h_idx: int, hi: int) -> tuple[int, MentionAt | None] | None:
    """The act a request asks for, the verbal noun that follows it in its clause («اقتراح إرسال عناصر بيلاروسية»,
    «دعوة ماكرون إلى إرسال قوات أوروبية»): its index in ``hits``, and its doer named by a genitive or demonym (who is
    asked), or None."""
    hit = hits[h_idx]
    k = h_idx + 1
    toks = view.doc.tokens
    if k >= len(hits) or hits[k].trigger.type == LIGHT or hits[k].i > hit.i + hit.n + ASKED_GAP \
            or any(toks[j].norm in CLAUSE_BREAKS for j in range(hit.i + hit.n, hits[k].i)):
        return None
    noun = hits[k] if hits[k].trigger.pos == "noun" else _noun_reading(view.doc.tokens, hits[k])
    return (k, _genitive(view, noun, hi)) if noun is not None else None


#: verbs whose object may be an act that took place («أدان … الغزو الروسي لأوكرانيا», «رفضت موسكو الاتهامات الغربية»),
#: unlike a request, a refusal, a threat or an agreement, whose object is an act still to come
REPORTING_TYPES = frozenset({"ACCUSE", "PROTEST", "SUPPORT", "CONSULT", "SANCTION"})


def _reported_act(view: DocView, verb: Hit | None, noun: Hit, hi: int) -> bool:
    """A verbal noun in the object of a verb of judging or discussing is an act of its own when its doer is named by a
    demonym right after it («ندد الاتحاد الأوروبي بالغزو الروسي لأوكرانيا»)."""
    if verb is None or verb.trigger.type not in REPORTING_TYPES and not (verb.trigger.type == "REJECT"
                                                                          and noun.trigger.type in ("ACCUSE", "THREATEN")):
        return False
    gen = _genitive(view, noun, hi)
    return gen is not None and gen.rule == "lexicon:demonym"


def _event(view, hit, actor, recipient, location, sent, k, s_lo, s_hi, sources, status_hit) -> dict:
    doc = view.doc
    return {
        "type": hit.trigger.type,
        "mode": hit.trigger.mode,
        "actor": actor.entity.id,
        "recipient": recipient.entity.id if recipient else None,
        "location": location.entity.id if location else None,
        "quantity": _quantity(view, hit, hit.i, s_hi),
        "when": _when(view, sent),
        "status": _status(view, status_hit, s_lo, s_hi),
        "source": sources[k] if sources[k] != actor.entity.id else None,
        "evidence": {"start": sent.start, "end": sent.end},
        "_sentence": k,
        "trigger": {"start": doc.tokens[hit.i].start, "end": doc.tokens[hit.i + hit.n - 1].end,
                    "rule": f"trigger:{hit.trigger.pos}:{' '.join(hit.trigger.words)}"},
    }


def _actor_and_patient(view: DocView, hit: Hit, event_hit: Hit, lo: int, hi: int, s_hi: int):
    """Who acts, and on whom: the subject of the verb (or of the light verb governing the noun), or a verbal
    noun's genitive (an agent when it is a demonym or the act has no patient, a patient otherwise)."""
    patient = None
    typ = event_hit.trigger.type
    if hit.trigger.pos == "verb":
        rel = _relative_subject(view, hit, _sentence_lo(view, hit))
        if rel is not False:  # «…، والتي ستدعم القوات الروسية»: what follows is the object
            patient = _object_after(view, hit.i + hit.n, hi, rel.entity.id) if rel is not None and typ in PATIENT_TYPES \
                else None
            return rel, patient
        actor = _subject_right_before(view, hit, lo) or _subject_after(view, hit, s_hi) or _subject_before(view, hit, lo)
        if actor is None and event_hit is not hit:  # «عُقد اجتماع للجنة …»: the noun's own agent
            return _actor_and_patient(view, event_hit, event_hit, lo, hi, s_hi)
        if event_hit is not hit:  # light verb + verbal noun: the noun's genitive is its patient
            gen = _genitive(view, event_hit, s_hi)
            if gen is not None and actor is not None and gen.entity.id != actor.entity.id and typ in PATIENT_TYPES \
                    and (gen.rule != "lexicon:demonym" or event_hit.suffix):
                patient = gen  # («تواصل روسيا قصفها للبنية التحتية الأوكرانية»: the pronoun is the doer)
        elif actor is not None and (typ in PATIENT_TYPES | {"CONSULT"} or hit.trigger.object_place):
            patient = _object_after(view, max(actor.t1, hit.i + hit.n), hi, actor.entity.id)
        return actor, patient
    if hit.trigger.pos == "participle":
        return _participle_args(view, hit)
    actor = None
    doer = _undergone(view, hit, lo)
    if doer:  # «تعرضت أوكرانيا لقصف روسي»: Russia shells Ukraine
        return doer, _subject_before(view, hit, lo)
    if hit.suffix in ("هم", "هما"):  # «… على كازاخستان وقيرغيزستان، بعد رفضهم للطلب»: the pronoun is the list before it
        sent_lo = view.sentence_tokens(view.doc.sentence_of(view.doc.tokens[hit.i].start))[0]  # type: ignore[arg-type]
        chain = _last_list(view, sent_lo, hit.i)
        return (chain[0] if chain else None), None
    if hit.suffix:  # «تواصل روسيا قصفها للبنية التحتية الأوكرانية»: the pronoun is the agent, what follows the patient
        feminine = hit.suffix == "ها"  # «حملة الكرملين … في حربها»: not the Kremlin's
        doer = view.at_token.get(hit.i + hit.n)
        if doer is not None and doer.rule == "lexicon:demonym" and doer.t0 == hit.i + hit.n and typ in PATIENT_TYPES \
                and doer.start == view.doc.tokens[doer.t0].start:  # not «في حربها بسورية»
            return doer, _possessor(view, hit, lo, doer)  # «لواء القدس كان دعمه إيرانيا»: Iran supports the brigade
        actor = next((m for m in view.mentions_in(lo, hit.i) if m.t1 <= hit.i and m.entity.type in ACTOR_TYPES
                      and governing_preposition(view, m) is None and not in_phrase(view, m)
                      and not (feminine and (m.entity.type == "PERSON" or masculine_org(view, m)))), None)  # VSO
        if actor is not None and typ in PATIENT_TYPES:
            after = next((m for m in view.mentions_in(hit.i + 1, hi) if m.entity.id != actor.entity.id), None)
            if after is not None and governing_preposition(view, after) in (None, "ل"):
                patient = after
        return actor, patient
    between = _between(view, hit, hi)
    if between is not None:  # «صراع بين روسيا وإيران»: the first party acts on the second
        return between
    gen = _genitive(view, hit, s_hi)
    if gen is not None and governing_preposition(view, gen) == "ل":
        if typ == "CONSULT":
            return gen, None  # «اجتماع للجنة العسكرية»: the body meets
        if typ in PATIENT_TYPES:
            patient, gen = gen, None  # «الدعم لروسيا»
        else:
            gen = None
    if gen is not None and typ == "ASSAULT" and (governing_preposition(view, gen) is None or _construct(view, hit, gen)):
        if _opponent_after(view, gen, hi):
            return gen, None  # «حرب روسيا على أوكرانيا», «حرب يريفان … مع جارتها»: the genitive attacks
        if view.doc.tokens[hit.i].norm in roles().war_nouns and gen.entity.type in PLACE_TYPES:
            gen = None  # «من حرب أوكرانيا», «الحرب السورية»: the war fought there, not by it
    if gen is not None and typ == "REQUEST" and governing_preposition(view, gen) == "من":
        patient, gen = gen, None  # «طلب المساعدة من روسيا»: who is asked
    if gen is not None and not (gen.entity.type == "PLACE" and gen.rule != "lexicon:demonym"):
        if (gen.rule == "lexicon:demonym" or typ not in PATIENT_TYPES or typ in DOER_GENITIVE_TYPES
                or governing_preposition(view, gen) in roles().agent_preps) and not hit.trigger.object_place:
            actor = person_after_demonym(view, gen) or gen  # «دعوة الرئيس الفرنسي إيمانويل ماكرون»
            other = view.at_token.get(gen.t1)
            if typ in SYMMETRIC_TYPES and other is not None and other.rule == "lexicon:demonym" \
                    and other.entity.id != gen.entity.id:
                patient = other  # «المناورات العسكرية الروسية البيلاروسية»
        else:
            patient = gen
    if actor is None:
        actor = _led_by(view, hit.i + hit.n, hi)  # «تدخل تحالف تقوده الولايات المتحدة في أفغانستان»
    if actor is None and typ in FROM_AGENT_TYPES:
        actor = _from_agent(view, hit, hi)  # «تسليم أنظمة أسلحة متطورة من روسيا إلى بيلاروسيا»
    if actor is None:
        actor = _relative_doer(view, hit, s_hi)  # «الزيارة التي قام بها وزير الدفاع الروسي سيرجي شويغو»
    if actor is None:
        prev = view.at_token.get(hit.i - 1)
        if hit.prefix.lstrip("وف") in PREP_CLITICS:
            actor = _subject_before(view, hit, lo)  # «تستعد بيلاروسيا لنشر …», «ساهمت القوات الروسية بتدريب …»
        elif prev is not None and prev.entity.type in ACTOR_TYPES and (governing_preposition(view, prev) is None
                                                                     or _modal_dative(view, prev)):
            actor = prev  # «تعتزم روسيا إرسال قوات …», «يمكن لروسيا استخدام …»
    if actor is None and typ == "MOBILIZE":
        actor = _owner_of_forces(view, hit)  # «يتطلب من أوكرانيا … إبقاء بعض قواتها منتشرة على الحدود»
    return actor, patient


FORCES_REACH = 3


def _owner_of_forces(view: DocView, hit: Hit) -> MentionAt | None:
    """«… من خلال إبقاء بعض قواتها ومعداتها منتشرة»: a verbal noun of deploying whose forces carry a possessive pronoun
    is done by whom the pronoun points back to, the last country or organisation named before it in the sentence that
    agrees with it (ها: a country or feminine organisation; ه: a country or masculine organisation)."""
    toks = view.doc.tokens
    index = requires_index()
    suffix = next((a.suffix for t in toks[hit.i + hit.n: min(len(toks), hit.i + hit.n + FORCES_REACH)]
                   if index.maybe(t.norm) for a in index.lookup(t.norm)
                   if a.stem in hit.trigger.requires and a.suffix in ("ه", "ها", "هم")), None)
    if suffix is None:
        return None
    for m in reversed(view.mentions_in(_sentence_lo(view, hit), hit.i)):
        if m.t1 > hit.i or m.rule == "lexicon:demonym" or m.entity.type not in ("COUNTRY", "ORG") \
                or is_media(m.entity.id) or affiliated(view, m):
            continue
        if m.entity.type == "ORG" and masculine_org(view, m) != (suffix != "ها"):
            continue
        return m
    return None


#: when one sentence describes one act of one actor with several trigger words, the more specific type is kept
TYPE_PRIORITY = ("MOBILIZE", "ASSAULT", "AID", "REQUEST", "REJECT", "COERCE", "RETREAT", "SANCTION", "CONSULT", "AGREE",
                 "THREATEN", "ACCUSE", "PROTEST", "CONCEDE", "COOPERATE", "SUPPORT")


SAME_ACT_CHARS = 24
UNSURE = frozenset({"possible", "negated"})


def _narrower_place(a: str | None, b: str | None) -> str | None:
    """Of a country and a place inside it (lexicon ``country``), the place; None for any other pair."""
    if a is None or b is None or a == b:
        return None
    entries = default_lexicon().entries
    if getattr(entries.get(a), "country", None) == b:
        return a
    if getattr(entries.get(b), "country", None) == a:
        return b
    return None


def merge_events(events: list[dict]) -> list[dict]:
    """One event per actor and act: a repeat of the same type, or another trigger word for the same actor in the same
    sentence (دعم وتدريب), is folded into one event; the other types are kept in ``also``. The same act told by the
    headline (or a neighbouring sentence) with a country and elsewhere with a place inside it («زيارة بوتين إلى
    بيلاروسيا» … «زيارة بوتين إلى مينسك») is one event at the narrower place."""
    kept: list[dict] = []
    for ev in events:
        for k in kept:
            if k["actor"] != ev["actor"]:
                continue
            same_sentence = k["evidence"] == ev["evidence"]
            # the next sentence goes on about the same act (next to any sentence already folded into it)
            near = any(abs(n - ev["_sentence"]) <= 1 for n in k.get("_told_in", (k["_sentence"],)))
            narrower = _narrower_place(k["location"], ev["location"]) \
                if k["type"] == ev["type"] and (near or 0 in (k["_sentence"], ev["_sentence"])) else None
            if narrower is not None and k["recipient"] and ev["recipient"] and k["recipient"] != ev["recipient"]:
                continue
            if k["status"] != ev["status"] and {k["status"], ev["status"]} & UNSURE and not near:
                continue  # an act one sentence speculates about or denies, another reports: two claims
            if k["type"] != ev["type"] and not (same_sentence and abs(k["trigger"]["start"] - ev["trigger"]["start"])
                                                <= SAME_ACT_CHARS):
                continue  # two trigger words for one act stand together («دعم وتدريب»)
            if narrower is None and not all(k[f] == ev[f] or ev[f] is None or (near and k[f] is None)
                                            for f in ("recipient", "location")):
                continue
            if narrower is not None:
                k["location"] = narrower
                k["_told_in"] = {*k.get("_told_in", (k["_sentence"],)), ev["_sentence"]}
            if k["type"] != ev["type"]:
                if TYPE_PRIORITY.index(ev["type"]) < TYPE_PRIORITY.index(k["type"]):
                    k["also"] = sorted(set(k.get("also", [])) | {k["type"]})
                    k["type"], k["mode"], k["trigger"] = ev["type"], ev["mode"], ev["trigger"]
                else:
                    k["also"] = sorted(set(k.get("also", [])) | {ev["type"]})
            for f in ("recipient", "location", "quantity", "when", "source"):
                # the act's details, wherever the article gives them (a headline first, the body after it)
                if k[f] is None and ev[f] is not None and (near or narrower or f in ("quantity", "when", "source")):
                    k[f] = ev[f]
            break
        else:
            kept.append(ev)
    for ev in kept:
        ev.pop("_sentence", None)
        ev.pop("_about_act", None)
        ev.pop("_told_in", None)
    return kept