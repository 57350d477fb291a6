"""Tests for the packaged CRF NER tagger (marsad.entities.tagger)."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources

import pytest

from marsad.entities.tagger import (
    CrfTagger,
    load_cues,
    normalize_word,
    sentence_features,
    spans_from_bio,
    split_clitics,
)


def _spans(sentence: str) -> set[tuple[str, str]]:
    words = sentence.split()
    labels = CrfTagger.default().tag(words)
    assert len(labels) == len(words)
    return {(" ".join(words[a:b]), typ) for a, b, typ in spans_from_bio(labels)}


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["O", "B-PER", "I-PER", "O"], [(1, 3, "PER")]),
        (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
        (["I-ORG", "I-ORG", "O", "B-MISC"], [(0, 2, "ORG"), (3, 4, "MISC")]),
        (["B-PER", "I-LOC", "I-LOC"], [(0, 1, "PER"), (1, 3, "LOC")]),
        (["O", "O"], []),
        ([], []),
        (["B-ORG", "I-ORG", "I-ORG"], [(0, 3, "ORG")]),
    ],
)
def test_tagger_crf_spans_from_bio(labels: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert spans_from_bio(labels) == expected


def test_tagger_crf_model_loads_once() -> None:
    first = CrfTagger.default()
    assert first is CrfTagger.default()
    assert first.tag([]) == []
    labels = first.tag(["قال", "المتحدث", "."])
    assert set(labels) <= {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}


@pytest.mark.parametrize(
    ("sentence", "entity"),
    [
        ("قال الرئيس الروسي فلاديمير بوتين إن بلاده لن تتراجع .", ("فلاديمير بوتين", "PER")),
        ("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت صباح اليوم .", ("إيمانويل ماكرون", "PER")),
        ("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت صباح اليوم .", ("بيروت", "LOC")),
        ("أعلنت وزارة الدفاع الروسية أن قواتها سيطرت على بلدة في شرق أوكرانيا .", ("أوكرانيا", "LOC")),
        ("وأكد المتحدث باسم الكرملين ديمتري بيسكوف أن موسكو مستعدة للحوار .", ("ديمتري بيسكوف", "PER")),
        ("وأكد المتحدث باسم الكرملين ديمتري بيسكوف أن موسكو مستعدة للحوار .", ("موسكو", "LOC")),
        ("ذكرت وكالة رويترز أن الجيش الإسرائيلي قصف مواقع في جنوب لبنان .", ("لبنان", "LOC")),
        ("قتل ثلاثة أشخاص في هجوم على مدينة حلب شمال سوريا .", ("حلب", "LOC")),
        ("واستقبل الملك عبدالله الثاني في عمان وفدا من الاتحاد الأوروبي .", ("الاتحاد الأوروبي", "ORG")),
        ("أرسلت روسيا قوات إلى بيلاروسيا وبيلاروسيا ترحب بذلك .", ("وبيلاروسيا", "LOC")),
    ],
)
def test_tagger_crf_finds_news_entities(sentence: str, entity: tuple[str, str]) -> None:
    assert entity in _spans(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "أعلنت وزارة الدفاع الروسية أن قواتها سيطرت على بلدة في شرق أوكرانيا .",
        "قتل ثلاثة أشخاص في هجوم على مدينة حلب شمال سوريا .",
    ],
)
def test_tagger_crf_no_person_without_name(sentence: str) -> None:
    assert not [s for s in _spans(sentence) if s[1] == "PER"]


def test_tagger_crf_metrics_file_above_floor() -> None:
    models = resources.files("marsad").joinpath("data/models")
    assert models.joinpath("ner_crf.crfsuite").is_file()
    metrics = json.loads(models.joinpath("ner_crf.metrics.json").read_text("utf-8"))
    micro = metrics["train_anercorp_aqmar"]["micro"]
    assert micro["f1"] >= 0.62
    assert metrics["train_anercorp_aqmar"]["LOC"]["f1"] >= 0.78
    assert metrics["split"]["test_words"] > 24_000


@pytest.mark.parametrize(
    ("word", "normal"),
    [("أَحْمَد", "احمد"), ("إيران", "ايران"), ("مستشفى", "مستشفي"), ("القاهرة", "القاهره"), ("ال\u0640رئيس", "الرئيس")],
)
def test_tagger_crf_normalize_word(word: str, normal: str) -> None:
    assert normalize_word(word) == normal


@pytest.mark.parametrize(
    ("word", "stem", "alternative"),
    [
        ("للكرملين", "كرملين", None),
        ("والرئيس", "رئيس", None),
        ("بالعراق", "عراق", None),
        ("وبيلاروسيا", "وبيلاروسيا", "بيلاروسيا"),
        ("لموسكو", "لموسكو", "موسكو"),
        ("ولموسكو", "ولموسكو", "موسكو"),
        ("بوتين", "بوتين", "وتين"),
    ],
)
def test_tagger_crf_split_clitics(word: str, stem: str, alternative: str | None) -> None:
    _, got_stem, alts = split_clitics(normalize_word(word))
    assert got_stem == stem
    if alternative is None:
        assert alts == ()
    else:
        assert alternative in alts


def test_tagger_crf_cue_features() -> None:
    feats = sentence_features(["قال", "وزير", "الخارجية", "سيرغي", "لافروف"])
    assert "cue=T" in feats[1]
    assert "-2cue=T" in feats[3]  # وزير الخارجية is a two-word title cue ending at -1; وزير at -2
    assert "-1cue=T" in feats[3]
    place = sentence_features(["في", "محافظة", "إدلب"])
    assert "-1cue=P" in place[2]


def test_tagger_crf_cues_file_clean() -> None:
    text = resources.files("marsad").joinpath("data/rules/ner_cues.json").read_text("utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert "\u0640" not in text
    assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in text)
    raw = json.loads(text)
    for kind in ("title", "org_head", "place_cue"):
        assert len(raw[kind]) == len(set(raw[kind]))
    single, double = load_cues()
    assert "T" in single["لواء"] and "O" in single["لواء"]
    assert double[("امين", "عام")] == "T"


def test_tagger_runs_only_where_two_name_words_stand() -> None:
    """The CRF runs in a window after a title or a verb of saying only when two neighbouring words there could open a
    name; a window of ordinary words costs no tagging."""
    from marsad.entities import discovery
    from marsad.pipeline import add_sentences, add_tokens
    from marsad.text.document import Document

    def windows(text: str) -> list[tuple[int, int]]:
        doc = add_tokens(add_sentences(Document("t", text)))
        c = discovery.cues()
        cue_at = sorted({*discovery.title_starts(doc, c), *doc.tokens_in(c.speech_index.surface)})
        return list(discovery._cue_windows(doc, cue_at, c, lambda t: False, people_found=[]))

    assert windows("وقال المتحدث إن القوات انسحبت من المنطقة بعد المعارك الأخيرة.") == []
    assert windows("وقال الباحث كريستوفر نيلسون إن القوات انسحبت من المنطقة.") != []
