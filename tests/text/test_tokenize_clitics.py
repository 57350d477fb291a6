import pytest

from marsad.text.tokenize import tokenize


@pytest.mark.parametrize("word, prefix, stem", [
    ("وبيلاروسيا", "و", "بيلاروسيا"),
    ("لروسيا", "ل", "روسيا"),
    ("للكرملين", "لل", "كرملين"),
    ("بالقوات", "بال", "قوات"),
    ("وبالناتو", "وبال", "ناتو"),
    ("فسيرسل", "فس", "يرسل"),
])
def test_tokenize_proclitics_expose_stem(word, prefix, stem):
    text = f"قال إن {word} اليوم"
    tok = [t for t in tokenize(text) if t.text == word][0]
    hits = [a for a in tok.analyses() if a.prefix == prefix and a.stem == stem]
    assert hits, tok.analyses()
    a = hits[0]
    assert text[a.start:a.end] == stem or text[a.start:a.end].replace("أ", "ا") == stem


@pytest.mark.parametrize("word, stem, suffix", [("قواتها", "قوات", "ها"), ("عناصرهم", "عناصر", "هم"), ("أعضاؤها", "اعضاو", "ها")])
def test_tokenize_enclitics_expose_stem(word, stem, suffix):
    tok = tokenize(word)[0]
    assert any(a.stem == stem and a.suffix == suffix for a in tok.analyses())


def test_tokenize_offsets_on_seeds(seeds):
    for name, text in seeds.items():
        toks = tokenize(text)
        assert toks, name
        for t in toks:
            assert text[t.start:t.end] == t.text
            for a in t.analyses():
                assert t.start <= a.start < a.end <= t.end


def test_tokenize_marks_stay_inside_word():
    text = "ركّزت الدورةُ على الأمنِ"
    assert [t.text for t in tokenize(text)] == ["ركّزت", "الدورةُ", "على", "الأمنِ"]


def test_tokenize_numbers_and_punctuation():
    toks = tokenize("قوامها 17,000 فرد، و١٧٬٠٠٠ آخرون.")
    kinds = [(t.text, t.kind) for t in toks]
    assert ("17,000", "num") in kinds and ("١٧٬٠٠٠", "num") in kinds and ("،", "punct") in kinds


def test_tokens_in_finds_every_token_of_given_forms() -> None:
    from marsad.pipeline import add_tokens
    from marsad.text.document import Document

    doc = add_tokens(Document("t", "قال وزير الدفاع الروسي إن روسيا وبيلاروسيا ستجريان مناورات، وقال إن روسيا مستعدة."))
    norms = [t.norm for t in doc.tokens]
    want = [i for i, n in enumerate(norms) if n in {"قال", "روسيا"}]
    assert doc.tokens_in({"قال", "روسيا", "غير_موجود"}) == want
    assert doc.tokens_in({"قال": 1, "روسيا": 2}) == want  # a dict of forms (a cue index's surface) works the same
    assert doc.tokens_in(["روسيا"]) == [i for i in want if norms[i] == "روسيا"]
    assert doc.tokens_in(frozenset()) == []
    doc.tokens = doc.tokens[:3]  # a new token list is indexed again
    assert doc.tokens_in({"روسيا"}) == []


def test_clitic_index_remembers_answers_and_forgets_them_on_add(monkeypatch) -> None:
    from marsad.text import clitics
    from marsad.text.clitics import CliticIndex

    index = CliticIndex([("روسيا", "russia")])
    assert [h.value for h in index.lookup("وروسيا")] == ["russia"] and index.maybe("لروسيا")
    assert not index.maybe("وبيلاروسيا") and index.lookup("وبيلاروسيا") == []
    index.add("بيلاروسيا", "belarus")  # an answer remembered before the entry existed is not kept
    assert [h.value for h in index.lookup("وبيلاروسيا")] == ["belarus"] and index.maybe("وبيلاروسيا")
    monkeypatch.setattr(clitics, "MEMO_SIZE", 3)
    for w in ["أ", "ب", "ت", "ث", "ج"]:
        index.maybe(w)
    assert len(index._maybe) <= 3 and index.maybe("روسيا")
