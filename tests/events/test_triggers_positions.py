"""Looking for triggers only where a token can start one gives the same triggers as looking at every token."""
from __future__ import annotations

from marsad.events.triggers import find_triggers, trigger_positions
from marsad.pipeline import add_sentences, add_tokens
from marsad.text.document import Document

TEXT = ("أرسلت روسيا كتيبتين إلى سوريا، فيما رفضت أرمينيا طلب المساعدة. "
        "وقال وزير الدفاع إن القوات ستنسحب من المنطقة بعد انتهاء المناورات المشتركة مع بيلاروسيا. "
        "واتهمت كييف موسكو بقصف المدن، وهددت بفرض عقوبات جديدة.")


def test_trigger_positions_give_the_same_triggers(seeds) -> None:
    for text in [TEXT, *seeds.values()]:
        doc = add_tokens(add_sentences(Document("t", text)))
        at = trigger_positions(doc)
        assert at == sorted(at) and len(at) < len(doc.tokens)
        for lo, hi in [(0, len(doc.tokens)), (3, len(doc.tokens) // 2)]:
            for blocked in (frozenset(), frozenset(range(0, len(doc.tokens), 7))):
                assert find_triggers(doc.tokens, lo, hi, blocked, at) == find_triggers(doc.tokens, lo, hi, blocked)


def test_trigger_positions_point_at_trigger_words() -> None:
    doc = add_tokens(add_sentences(Document("t", TEXT)))
    words = {doc.tokens[h.i].text for h in find_triggers(doc.tokens, 0, len(doc.tokens), at=trigger_positions(doc))}
    assert {"أرسلت", "رفضت", "واتهمت", "بقصف"} <= words
