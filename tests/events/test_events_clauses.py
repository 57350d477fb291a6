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


@pytest.mark.parametrize("text, wrong_actor", [
    # the subject before the verb is named only by who it is not: the demonym after the verb is the object's
    ("وأكد المسؤول أن جهات أخرى غير أمريكية تدعم التوجه الإسرائيلي في غزة.", "israel"),
    # a demonstrative subject («هذا», «ذلك») points back to something unnamed
    ("وسيدعم هذا أيضا المجهود الحربي الأوكراني من خلال توفير الذخيرة.", "ukraine"),
    # a demonym whose head noun a preposition governs is no subject
    ("وستكون العملية أصعب بالنسبة للقوات الأوكرانية سواء لتهديدها أو لتحقيقها.", "ukraine"),
    ("وقال إن الطيارين تدربوا على طائرات من الحقبة السوفيتية تعمل الآن لدعم الجيش.", "soviet-union"),
    # the subject of a word of undergoing is acted on, by no one named here
    ("تعرضت أوكرانيا لقصف عنيف.", "ukraine"),
    ("وتعرضت القوات السودانية لهجوم مسلح في دارفور.", "sudan"),
    ("وقال إن روسيا لم تتعرض للغزو المباشر.", "russia"),
    # «طلب … من X»: X is asked, not the one asking
    ("وأضاف أن الحكومة تخشى طلب المساعدة من الاتحاد الأفريقي خوفا من الإحراج.", "african-union"),
])
def test_events_no_named_subject(text, wrong_actor):
    assert all(e[1] != wrong_actor for e in events(text)), events(text)


@pytest.mark.parametrize("text, type_, actor, recipient", [
    # a relative right before the verb is its subject: the party before it acts, the one after is the object
    ("ووصلت إلى بورتسودان قوات مصرية، والتي ستدعم الجيش السوداني في معاركه.", "SUPPORT", "egypt", "sudan"),
    # SVO: the named subject right before the verb acts on the one after it
    ("وقال المحلل إن روسيا تدعم الموقف الصيني في مجلس الأمن.", "SUPPORT", "russia", "china"),
    ("وإيران تقاتل في سوريا منذ سنوات عبر ميليشياتها.", "ASSAULT", "iran", None),
    ("وقال إن إسرائيل لم تقصف مواقع الجيش اللبناني.", "ASSAULT", "israel", "lebanon"),
    # a word of undergoing: the subject is acted on; the doer is the demonym or «من قبل X» after the verbal noun
    ("تعرضت مدينة خاركيف لقصف روسي عنيف.", "ASSAULT", "russia", "kharkiv"),
    ("وتعرضت القوات السودانية لهجوم من قبل قوات الدعم السريع في دارفور.", "ASSAULT", "rapid-support-forces", "sudan"),
])
def test_events_subject_next_to_the_verb(text, type_, actor, recipient):
    assert any(e[0] == type_ and e[1] == actor and (recipient is None or e[2] == recipient) for e in events(text)), \
        events(text)


def test_events_relative_with_a_resumptive_pronoun_is_the_object():
    text = "وتمتد المنطقة العازلة التي اتفق عليها الجانبان التركي والروسي على أجزاء من إدلب."
    assert find(text, "AGREE", "turkey"), events(text)


def test_events_request_from_names_the_recipient():
    text = "وجددت الحكومة اليمنية طلب المساعدة من السعودية لمواجهة الحوثيين."
    evs = find(text, "REQUEST", "yemen")
    assert evs and evs[0][2] == "saudi-arabia", events(text)


@pytest.mark.parametrize("text, type_, actor", [
    # an aside between commas («، الخميس،») keeps the verb's object: the verbal noun after it is no act of its own
    ("طلبت حكومة السودان، مساء الخميس، مساعدة عسكرية من مصر.", "AID", "egypt"),
    ("رفضت أوكرانيا، يوم الاثنين، إرسال قوات من بولندا.", "MOBILIZE", "poland"),
])
def test_events_verbal_noun_after_an_aside_is_the_object(text, type_, actor):
    assert not find(text, type_, actor), events(text)


@pytest.mark.parametrize("text, type_, actor, recipient", [
    # «هذه الخطوة», «هذا الأمر» point back to the act reported before: support for it goes to whoever did it
    ("أعلنت الإمارات نشر قوات في جنوب اليمن. وقال مسؤول إن هذه الخطوة تأتي بدعم من السعودية.", "SUPPORT",
     "saudi-arabia", "united-arab-emirates"),
    ("نشرت تركيا قوات إضافية في شمال سوريا. ومن المرجح أن تكون روسيا قد شجعت على هذا الأمر.", "SUPPORT", "russia",
     "turkey"),
    # «انتهكت X حدودها»: the territory's pronoun points back to the party attacked
    ("واحتجت أذربيجان رسميا، وقالت إن أرمينيا قصفت أراضيها.", "ASSAULT", "armenia", "azerbaijan"),
    ("واتهمت بيروت إسرائيل بالتصعيد. وانتهكت الطائرات الإسرائيلية أجواءه مرة أخرى.", "ASSAULT", "israel", "beirut"),
    # a recipient of its own stays
    ("ودعمت مصر الجيش السوداني بالسلاح، وقالت إن هذا القرار نهائي.", "SUPPORT", "egypt", "sudan"),
])
def test_events_recipient_pointed_back_to(text, type_, actor, recipient):
    assert any(e[0] == type_ and e[1] == actor and e[2] == recipient for e in events(text)), events(text)


def test_events_speculated_and_reported_acts_stay_apart():
    text = ("ومن المحتمل أن تكون إيران قد أرسلت قوات إلى سوريا سرا. وقال مسؤول إن الوضع معقد. "
            "وأرسلت إيران قوات إلى سوريا عام 2015.")
    assert sorted(e[4] for e in find(text, "MOBILIZE", "iran")) == ["actual", "possible"], events(text)


def test_events_a_repeated_act_is_one_event():
    text = "أرسلت إيران قوات إلى سوريا. وأرسلت إيران قوات إلى سوريا عام 2015 أيضا."
    assert len(find(text, "MOBILIZE", "iran")) == 1, events(text)


def test_events_sentence_place_written_like_a_demonym():
    # «بسورية»: a preposition on the word makes the country's name of a form a demonym shares
    text = "وتستمر المعارك بسورية منذ سنوات، في ظل التدخل الإيراني المتزايد."
    assert any(e[3] == "syria" for e in find(text, "ASSAULT", "iran")), events(text)


def _visits(text, type_, actor):
    return [(e["recipient"], e["location"]) for e in analyze(text).events if e["type"] == type_ and e["actor"] == actor]


def test_events_headline_country_and_body_city_are_one_act_at_the_city():
    text = ("أردوغان يختتم زيارته إلى العراق بتوقيع اتفاقيات أمنية\n\n"
            "أنقرة - قالت مصادر رسمية إن المباحثات تناولت ملفات المياه والطاقة والتجارة بين البلدين.\n\n"
            "وأضافت المصادر أن الجانبين ناقشا كذلك مشروع طريق التنمية الذي يربط الخليج بتركيا.\n\n"
            "وكانت زيارة أردوغان إلى بغداد الأولى له منذ أكثر من عشر سنوات.\n")
    assert _visits(text, "CONSULT", "recep-tayyip-erdogan") == [(None, "baghdad")]


def test_events_country_and_city_far_apart_in_the_body_stay_two_acts():
    text = ("تصعيد جديد في الحرب\n\n"
            "وقصفت القوات الروسية أوكرانيا بعشرات الصواريخ خلال الليل بحسب الجيش الأوكراني.\n\n"
            "وقالت مصادر محلية إن الكهرباء انقطعت عن مناطق واسعة في العاصمة.\n\n"
            "وأضافت المصادر أن فرق الإنقاذ ما زالت تبحث عن ناجين تحت الأنقاض.\n\n"
            "وفي وقت لاحق قصفت القوات الروسية مدينة خاركيف بالمسيرات.\n")
    places = {p for r, p in _visits(text, "ASSAULT", "russia")} | {r for r, p in _visits(text, "ASSAULT", "russia")}
    assert "kharkiv" in places and "ukraine" in places, analyze(text).events


def test_events_headline_country_and_a_city_of_another_country_stay_two_acts():
    text = ("أردوغان يختتم زيارته إلى العراق\n\n"
            "أنقرة - قالت مصادر رسمية إن المباحثات تناولت ملفات المياه والطاقة.\n\n"
            "وأضافت المصادر أن الجانبين ناقشا كذلك مشروع طريق التنمية.\n\n"
            "ومن المقرر أن تكون زيارة أردوغان إلى دمشق الشهر المقبل.\n")
    assert {p for r, p in _visits(text, "CONSULT", "recep-tayyip-erdogan")} == {"iraq", "damascus"}


@pytest.mark.parametrize("text, actors", [
    # the noun a participle's agent or an affiliation describes stands before the verb: it is the subject (SVO);
    # an unnamed one («الميليشيات», «الفصائل») leaves the act without a named doer, never the place after the verb
    ("الميليشيات المدعومة من قبل روسيا قصفت مدينة خاركيف أمس.", set()),
    ("الحوثيون المدعومون من إيران قصفوا مدينة جيزان السعودية.", {"houthis"}),
    ("وقالت مصادر محلية إن الفصائل الموالية لتركيا هاجمت مدينة تل رفعت.", set()),
    # a place named with its generic head after the verb is the object («قصفت مدينة حلب»), no doer
    ("وقالت مصادر إن الطائرات قصفت مدينة حلب فجر اليوم.", set()),
])
def test_events_subject_before_the_verb_wins_over_a_place_after_it(text, actors):
    assert {e[1] for e in events(text) if e[0] == "ASSAULT"} == actors, events(text)


@pytest.mark.parametrize("text, actor, recipient", [
    # a bare place name right after the verb is its subject (a capital for its government); a fronted place is no subject
    ("قصفت موسكو مدينة خاركيف بالصواريخ.", "moscow", "kharkiv"),
    ("وفي حلب قصفت الطائرات الروسية مواقع للفصائل.", "russia", None),
    ("قصفت روسيا مدينة خاركيف بالصواريخ.", "russia", "kharkiv"),
])
def test_events_named_subject_after_the_verb_still_acts(text, actor, recipient):
    assert any(e[0] == "ASSAULT" and e[1] == actor and e[2] == recipient for e in events(text)), events(text)


@pytest.mark.parametrize("text, type_, actor, recipient", [
    # a verb of saying whose «أن» clause judges a named party's conduct: the speaker criticises or rejects it
    ("وأكدت الحكومة السودانية أن قوات الدعم السريع لم تلتزم بالهدنة في الخرطوم.", "ACCUSE", "sudan",
     "rapid-support-forces"),
    ("وقالت الحكومة اليمنية في بيان، الأحد، إن الأمم المتحدة تقاعست عن إدانة هجمات الحوثيين على مأرب.", "ACCUSE",
     "yemen", "united-nations"),
    ("أكد كل من الاتحاد الأوروبي وبريطانيا أن إيران لم تف بالتزاماتها.", "ACCUSE", "european-union", "iran"),
    ("وقال الرئيس الأوكراني فولوديمير زيلينسكي إن أي ضم للأراضي من قبل روسيا سيكون غير مقبول.", "REJECT", "ukraine",
     "russia"),
    ("واعتبرت أوكرانيا أن انتشار القوات البيلاروسية على الحدود غير مقبول.", "REJECT", "ukraine", "belarus"),
])
def test_events_judgement_in_a_said_clause(text, type_, actor, recipient):
    assert (type_, actor, recipient) in [e[:3] for e in events(text)], events(text)


@pytest.mark.parametrize("text", [
    "نفت الحكومة السودانية أن تكون قوات الدعم السريع قد لم تلتزم بالهدنة.",   # a denied saying
    "لم يقل الرئيس الأوكراني إن روسيا لم تلتزم بالاتفاق.",                     # nothing was said
    "يبدو أن روسيا لم تلتزم بالاتفاق في أوكرانيا.",                           # no speaker: an observation
    "وأعلنت روسيا أن القوات الأوكرانية فشلت في اختراق خطوط الدفاع.",          # an outcome, not a judgement
    "وقال المحلل إن الحوثيين لم يلتزموا بالهدنة في الحديدة.",                 # the speaker is not named
])
def test_events_no_judgement_without_a_named_saying(text):
    assert not [e for e in events(text) if e[0] in ("ACCUSE", "REJECT")], events(text)


@pytest.mark.parametrize("text, refusers", [
    # a plural pronoun on the refusal of a request stands for every party asked in the sentence
    ("طلبت السعودية من باكستان إرسال قوات إلى اليمن، كما طلبت من مصر والأردن المشاركة، قبل رفضهم للطلب.",
     {"pakistan", "egypt", "jordan"}),
    ("طلبت روسيا من بيلاروسيا إرسال قوات إلى أوكرانيا، وهو ما طلبته أيضا من كازاخستان وقيرغيزستان، بعد رفضهم للطلب.",
     {"belarus", "kazakhstan", "kyrgyzstan"}),
])
def test_events_plural_refusal_covers_all_asked(text, refusers):
    assert {e[1] for e in events(text) if e[0] == "REJECT"} == refusers, events(text)


def test_events_singular_refusal_is_not_everyone_asked():
    text = "طلبت السعودية من باكستان إرسال قوات إلى اليمن، كما طلبت من مصر المشاركة، قبل رفضها للطلب."
    assert "pakistan" not in {e[1] for e in events(text) if e[0] == "REJECT"}, events(text)
