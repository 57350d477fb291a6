"""Event arguments on news sentences: verb forms, who a verbal noun's genitive is, what is no recipient, where."""
import pytest

from marsad.pipeline import analyze


def events(text):
    return [(e["type"], e["actor"], e["recipient"], e["location"], e["status"]) for e in analyze(text).events]


def has(text, type_, actor, recipient=None, location=None):
    return any(t == type_ and a == actor and (recipient is None or r == recipient) and (location is None or loc == location)
               for t, a, r, loc, _ in events(text))


@pytest.mark.parametrize("text, type_, actor", [
    # verbs whose stem ends in a weak letter: استولى → استولت، اعتدى → اعتدوا، التقى → التقت
    ("استولت قوات الدعم السريع على مقر القيادة في الخرطوم.", "COERCE", "rapid-support-forces"),
    ("ومن هذا المنطلق استولت روسيا على ميليشيا لواء القدس.", "COERCE", "russia"),
    ("اعتدت إسرائيل على الأراضي السورية مجددا.", "ASSAULT", "israel"),
    ("والتقت وزيرة الخارجية الألمانية أنالينا بيربوك نظيرها الأوكراني في كييف.", "CONSULT", "annalena-baerbock"),
])
def test_events_weak_final_verbs_are_conjugated(text, type_, actor):
    assert has(text, type_, actor), events(text)


@pytest.mark.parametrize("text, type_, actor", [
    # «القوات» begins the trigger «قوات مشتركة» but alone it is a generic head, not another verbal noun
    ("وظهر ذلك في حلب إثر اعتقال القوات الروسية لمجموعة مسلحة.", "COERCE", "russia"),
    ("وجاء ذلك بعد انسحاب القوات الأمريكية من قاعدة التنف.", "RETREAT", "united-states"),
])
def test_events_generic_head_before_the_genitive_is_not_a_trigger(text, type_, actor):
    assert has(text, type_, actor), events(text)
