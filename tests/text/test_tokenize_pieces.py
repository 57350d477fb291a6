"""The tokenizer cuts at whitespace and runs the token pattern only on pieces that are not all letters: the tokens (spans,
forms, kinds) must be exactly those of the pattern's named groups run over the whole folded text."""
import random

import pytest

from marsad.text.normalize import map_spans, normalize
from marsad.text.tokenize import FOLDED_TOKEN_RE, tokenize_normalized
from tests.conftest import seed_paths

TRICKY = [
    "قال الرئيس: «إن القوات ستنسحب» (بحلول 2022.05.01)، أي بعد 17,500 عنصراً!",
    "نشر كتيبتين؛ ٣٠٠ عنصر و٢٫٥ ألف جندي—في 1/2/2022؟",
    "مُنَظَّمَة مـعـاهـدة ﻻ ﷲ snake_case x²+y½ Ⅻ ① 𝟙٠ tab\there\u00a0nbsp\u2003em",
    "", "   ", "...", "2022", "a_b", "_x_",
]


def reference(text: str) -> list[tuple]:
    n = normalize(text)
    matches = list(FOLDED_TOKEN_RE.finditer(n.norm))
    spans = [m.span() for m in matches]
    if not n.identity:
        spans = map_spans(n, spans)
    return [(s, e, text[s:e], m.lastgroup, m.group()) for m, (s, e) in zip(matches, spans)]


def tokens(text: str) -> list[tuple]:
    return [(t.start, t.end, t.text, t.kind, t.norm) for t in tokenize_normalized(normalize(text))]


@pytest.mark.parametrize("text", TRICKY)
def test_tokens_are_the_patterns_on_tricky_text(text):
    assert tokens(text) == reference(text)


def test_tokens_are_the_patterns_on_the_seed_articles_and_random_mixtures():
    texts = [p.read_text(encoding="utf-8") for p in seed_paths()]
    rng = random.Random(7)
    alphabet = list("ab ١٢3.,_-²½٫٬ـًّْ\u200c،؛؟!«»\"'\n\t") + [chr(c) for c in range(0x621, 0x64B)] + ["ﻻ", "Ⅻ", "𝟙"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120))) for _ in range(500)]
    for text in texts:
        assert tokens(text) == reference(text), text[:80]

