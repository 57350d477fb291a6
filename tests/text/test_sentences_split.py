
from marsad.text.sentences import split_sentences


def sents(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_lines_are_sentences():
    text = "استغاثت بها كازاخستان.. ماذا تعرف عن «منظمة معاهدة الأمن الجماعي» ؟\n\nفي مواجهة الاضطرابات، طلبت حكومة كازاخستان المساعدة."
    assert sents(text) == ["استغاثت بها كازاخستان.. ماذا تعرف عن «منظمة معاهدة الأمن الجماعي» ؟",
                           "في مواجهة الاضطرابات، طلبت حكومة كازاخستان المساعدة."]


def test_sentences_split_on_terminators():
    text = "تأسست المنظمة عام 2002. ويضم الاتحاد 6 دول أعضاء! هل تطلب روسيا المساعدة؟ لا أحد يعرف."
    assert len(sents(text)) == 4


def test_sentences_respect_quotations():
    text = "وقال: «أطلقت روسيا جهوداً متجددة. ومن الممكن أن يعزز الانتشار العمليات». وتابع المركز حديثه."
    out = sents(text)
    assert out[0] == "وقال: «أطلقت روسيا جهوداً متجددة. ومن الممكن أن يعزز الانتشار العمليات»."
    assert out[1] == "وتابع المركز حديثه."


def test_sentences_abbreviation_does_not_split():
    text = "وقال د. أحمد رحال إن القوات انسحبت."
    assert sents(text) == [text]


def test_sentences_offsets_on_seeds(seeds):
    for name, text in seeds.items():
        spans = split_sentences(text)
        assert len(spans) > 10, name
        prev = 0
        for s, e in spans:
            assert prev <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip()
            prev = e
