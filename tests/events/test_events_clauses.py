"""Clause boundaries and subjects on news sentences: a new clause after a comma has its own arguments and status;
who the subject of a verb is when a pronoun, a relative or a noun phrase stands next to it."""
import pytest

from marsad.pipeline import analyze


def events(text):
    return [(e["type"], e["actor"], e["recipient"], e["location"], e["status"]) for e in analyze(text).events]


def find(text, type_, actor):
    return [e for e in events(text) if e[0] == type_ and e[1] == actor]


@pytest.mark.parametrize("text, type_, actor, wrong_place", [
    # «…، كما / ومن الممكن / فيما / بينما …» opens a new clause: its places and recipients belong to its own verb
    ("أرسلت روسيا تعزيزات عسكرية إلى ريف حماة، كما تخطط تركيا لنقل قوات إلى إدلب.", "MOBILIZE", "russia", "idlib"),
    ("وسعت قوات الدعم السريع انتشارها، ومن الممكن أن تعزز العمليات في الفاشر.", "MOBILIZE", "rapid-support-forces",
     "el-fasher"),
    ("تقاتل الحكومة السودانية في دارفور منذ عام 2023، بينما يسعى الجيش إلى السيطرة على الخرطوم.", "ASSAULT", "sudan",
     "khartoum"),
])
def test_events_arguments_stop_at_a_new_clause(text, type_, actor, wrong_place):
    evs = find(text, type_, actor)
    assert evs and all(wrong_place not in (e[2], e[3]) for e in evs), events(text)


@pytest.mark.parametrize("text, type_, actor", [
    # a plan or a forecast in the next clause is not the status of the act before it
    ("قصفت القوات الروسية مدينة خاركيف، ومن المتوقع أن تسعى أوكرانيا إلى الرد.", "ASSAULT", "russia"),
    ("واعتقلت الشرطة التركية عشرات الأشخاص، فيما أعلنت أنقرة عن خطة جديدة في إسطنبول.", "COERCE", "turkey"),
])
def test_events_status_stops_at_a_new_clause(text, type_, actor):
    evs = find(text, type_, actor)
    assert evs and all(e[4] == "actual" for e in evs), events(text)


def test_events_sentence_place_before_a_new_clause():
    # the place named in the clause before («في وسط السودان») sets the act, not one in a later clause
    text = "أطلقت قوات الدعم السريع هجوما في وسط السودان، كما وسعت انتشار قواتها، ومن الممكن أن تعزز العمليات في الفاشر."
    evs = find(text, "MOBILIZE", "rapid-support-forces")
    assert evs and all(e[3] != "el-fasher" for e in evs), events(text)


def test_events_comma_without_connective_keeps_the_clause():
    # a plain list after a comma is still the verb's («في حلب، وإدلب»): no connective, no new clause
    text = "نشرت تركيا قوات في ريف حلب، وإدلب."
    assert find(text, "MOBILIZE", "turkey"), events(text)
