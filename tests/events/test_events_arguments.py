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


@pytest.mark.parametrize("text, type_, actor, not_recipient", [
    ("اعتقلت القوات الروسية مجموعة موالية لإيران في حلب.", "COERCE", "russia", "iran"),
    ("قصفت الطائرات الروسية مواقع فصائل تابعة لتركيا في ريف إدلب.", "ASSAULT", "russia", "turkey"),
])
def test_events_an_affiliation_is_no_recipient(text, type_, actor, not_recipient):
    evs = [e for e in events(text) if e[0] == type_ and e[1] == actor]
    assert evs and all(e[2] != not_recipient for e in evs), events(text)


def test_events_verbal_noun_keeps_its_arguments_in_its_clause():
    text = ("وتوترت العلاقات منذ أيام في حلب إثر اعتقال القوات الروسية لمجموعة مسلحة، وأخرى بعد اشتباكات في "
            "ريف اللاذقية.")
    assert has(text, "COERCE", "russia", location="aleppo"), events(text)
    assert not has(text, "COERCE", "russia", location="latakia"), events(text)


def test_events_verb_object_after_an_aside_between_commas():
    text = "طلبت حكومة كازاخستان، ليل الأربعاء الخميس، مساعدة عسكرية من منظمة معاهدة الأمن الجماعي."
    assert has(text, "REQUEST", "kazakhstan", "collective-security-treaty-organization"), events(text)


@pytest.mark.parametrize("text, type_, actor, recipient", [
    ("وتمتد المنطقة العازلة التي اتفق عليها الجانبان التركي والروسي ضمن اتفاق سوتشي على أجزاء من محافظة إدلب.",
     "AGREE", "turkey", "russia"),
    ("وعقد الطرفان الروسي والأوكراني جولة مفاوضات جديدة في إسطنبول.", "CONSULT", "russia", "ukraine"),
])
def test_events_both_sides_named_by_their_demonyms(text, type_, actor, recipient):
    assert has(text, type_, actor, recipient), events(text)


def test_events_both_sides_with_no_parties_named_give_nothing():
    assert events("واتفق الجانبان على مواصلة التعاون.") == []


@pytest.mark.parametrize("text, type_, actor, recipient", [
    ("أدان الاتحاد الأوروبي الغزو الروسي لأوكرانيا.", "ASSAULT", "russia", "ukraine"),
    ("رفضت موسكو الاتهامات الأمريكية بشأن التدخل في الانتخابات.", "ACCUSE", "united-states", None),
])
def test_events_act_named_in_the_object_of_a_verb_of_judging(text, type_, actor, recipient):
    assert has(text, type_, actor, recipient), events(text)


@pytest.mark.parametrize("text", [
    "طلبت أوكرانيا الدعم الأمريكي في مواجهة الهجوم.",       # asked for, not given
    "رفضت كازاخستان إرسال قوات إلى أوكرانيا.",                # refused, not sent
])
def test_events_act_asked_for_or_refused_is_no_event(text):
    assert [e for e in events(text) if e[0] not in ("REQUEST", "REJECT")] == [], events(text)


@pytest.mark.parametrize("text, actor, recipient", [
    ("لكن اقتراح الكرملين إرسال عناصر بيلاروسية إلى سوريا لم يلق قبولا.", "kremlin", "belarus"),
    ("وطلبت بغداد من أنقرة سحب قواتها من شمال العراق.", "baghdad", "ankara"),
    ("وجاءت دعوة الرئيس الفرنسي إيمانويل ماكرون إلى إرسال قوات أوروبية إلى أوكرانيا.", "emmanuel-macron", None),
])
def test_events_request_is_made_to_whoever_is_asked_to_act(text, actor, recipient):
    assert has(text, "REQUEST", actor, recipient), events(text)


@pytest.mark.parametrize("text", [
    "لكن اقتراح الكرملين إرسال عناصر بيلاروسية إلى سوريا لم يلق قبولا.",
    "وجاءت دعوة الرئيس الفرنسي إيمانويل ماكرون إلى إرسال قوات أوروبية إلى أوكرانيا.",
])
def test_events_act_asked_for_is_not_reported_as_done(text):
    assert [e for e in events(text) if e[0] == "MOBILIZE"] == [], events(text)


def test_events_threat_of_a_named_leader():
    assert has("وتصاعدت تهديدات بوتين باستخدام السلاح النووي.", "THREATEN", "vladimir-putin"), \
        events("وتصاعدت تهديدات بوتين باستخدام السلاح النووي.")


@pytest.mark.parametrize("text", [
    "وقال إن القوات البيلاروسية لا تشكل تهديدا خطيرا لأوكرانيا.",                     # an assessment
    "ويرى محللون أن الميليشيات تشكل تهديدا للأمن الإقليمي في اليمن.",
    "وأشار إلى أن المنظمة لديها قوة قوامها 17 ألف فرد في حالة استعداد دائم للقتال.",     # readiness
    "ويمتلك الجيش الروسي القدرة على شن هجمات واسعة على كييف.",                         # ability
    "ومن يرفض الانضمام إلى التحالف سيبقى خارج المعادلة.",                               # whoever refuses
    "وتقف جهات غير إيرانية وراء الهجوم على القاعدة.",                                   # not Iran
])
def test_events_none_from_assessments_abilities_and_unnamed_doers(text):
    assert events(text) == [], events(text)


def test_events_readiness_announced_is_a_plan():
    evs = events("وأعلنت أنقرة استعدادها لإرسال قوات إلى ليبيا.")
    assert ("MOBILIZE", "ankara", None, "libya", "planned") in evs, evs


@pytest.mark.parametrize("text", [
    "وهدد الرئيس الروسي فلاديمير بوتين بنشر أسلحة نووية في بيلاروسيا.",
    "وتوعدت إيران بقصف القواعد الأمريكية في المنطقة.",
])
def test_events_threatened_act_is_not_reported_as_done(text):
    evs = events(text)
    assert [e for e in evs if e[0] == "THREATEN"] and not [e for e in evs if e[0] in ("MOBILIZE", "ASSAULT")], evs


def test_events_seemed_is_not_began():
    # «بدا» (seemed) folds like «بدأ» (began) but governs no act
    text = "وبدا أن بوتين يؤكد أن تكتيك التهديد بنشر أسلحة نووية لم يطرح على الطاولة بعد."
    assert not [e for e in events(text) if e[0] == "MOBILIZE"], events(text)


@pytest.mark.parametrize("text, type_, actor, recipients", [
    ("وحاولت روسيا إقناع دول منفردة، بما في ذلك بيلاروسيا وكازاخستان، بإرسال قوات.", "REQUEST", "russia",
     {"belarus", "kazakhstan"}),
    ("وفرضت واشنطن عقوبات على عدة دول، من بينها إيران وكوريا الشمالية.", "SANCTION", "washington-d-c",
     {"iran", "north-korea"}),
])
def test_events_members_named_after_a_generic_object_are_the_recipients(text, type_, actor, recipients):
    got = {r for t, a, r, _, _ in events(text) if t == type_ and a == actor}
    assert recipients <= got, events(text)


def test_events_tried_to_takes_the_type_of_its_act():
    text = "حاولت القوات الروسية قصف مدينة خاركيف."
    assert has(text, "ASSAULT", "russia", "kharkiv"), events(text)


def test_events_supported_by_is_no_recipient_of_the_sending():
    text = "وقال إن المنظمة يمكن أن ترسل قوات حفظ سلام إلى مناطق يسيطر عليها المتمردون المدعومون من موسكو."
    assert not [e for e in events(text) if e[0] == "MOBILIZE" and e[2] == "moscow"], events(text)


@pytest.mark.parametrize("text, type_, actor, location", [
    ("وحاولت القوات الإسرائيلية اقتحام مخيم جنين.", "ASSAULT", "israel", None),
    ("داهمت الشرطة التركية منازل مشتبه بهم في إسطنبول.", "COERCE", "turkey", "istanbul"),
    ("وأدى استهداف الطائرات الروسية لمواقع المعارضة إلى مقتل مدنيين.", "ASSAULT", "russia", None),
])
def test_events_storming_raids_and_targeting(text, type_, actor, location):
    assert has(text, type_, actor, location=location), events(text)


def test_events_aiming_at_a_goal_is_no_attack():
    assert events("وتستهدف الخطة الحكومية تحسين الاقتصاد السوري.") == []


@pytest.mark.parametrize("text, type_, actor, recipient, location", [
    # a generic noun of place between the preposition and the name: the preposition still governs the place
    ("وقد أودت حرب يريفان الخاطفة مع جارتها على منطقة ناغورنو قره باغ بحياة آلاف الأشخاص.", "ASSAULT", "yerevan",
     "nagorno-karabakh", None),
    ("واندلعت حرب السودان مع جارته على منطقة أبيي قبل سنوات.", "ASSAULT", "sudan", "abyei", None),
    ("وأرسلت تركيا تعزيزات عسكرية إلى منطقة إدلب شمال غربي سوريا.", "MOBILIZE", "turkey", None, "idlib"),
])
def test_events_place_head_between_preposition_and_place(text, type_, actor, recipient, location):
    assert has(text, type_, actor, recipient, location), events(text)


def test_events_place_head_does_not_make_an_organisation_a_place():
    # «منطقة» before an organisation's name is no preposition of place for it
    evs = events("وقصفت القوات الروسية مواقع لهيئة تحرير الشام في منطقة جبل الزاوية.")
    assert any(t == "ASSAULT" and a == "russia" and loc == "jabal-al-zawiya" for t, a, r, loc, _ in evs), evs


@pytest.mark.parametrize("text, type_, actor, recipient", [
    # right after a copula that follows its topic, a suffixed trigger word is a verbal noun: the demonym does it
    ("وأكد مسؤول أمني أن حركة حماس كان تمويلها قطري بالدرجة الأولى.", "AID", "qatar", "hamas"),
    ("وقالت مصادر سودانية إن قوات الدعم السريع أصبح تسليحها إماراتي بالكامل.", "AID", "united-arab-emirates",
     "rapid-support-forces"),
    ("ويرى محللون أن جماعة الحوثي ظل دعمها إيراني رغم العقوبات.", "SUPPORT", "iran", "houthis"),
])
def test_events_suffixed_trigger_after_a_copula_is_a_verbal_noun(text, type_, actor, recipient):
    assert has(text, type_, actor, recipient), events(text)


def test_events_copula_opening_the_clause_keeps_the_verb_reading():
    # «وكان دعمه الرئيس …»: the president had supported him
    assert has("وكان دعمه الرئيس الأمريكي جو بايدن في الانتخابات الماضية.", "SUPPORT", "joe-biden"), \
        events("وكان دعمه الرئيس الأمريكي جو بايدن في الانتخابات الماضية.")


@pytest.mark.parametrize("text, actor", [
    # a verbal noun of deploying whose forces carry a possessive pronoun is done by whom the pronoun points back to
    ("ويتطلب ذلك من أوكرانيا إبقاء قواتها منتشرة على الحدود.", "ukraine"),
    ("ويتطلب ذلك من السودان تأمين الحدود عبر نشر قواته في دارفور.", "sudan"),
])
def test_events_owner_of_possessed_forces_deploys(text, actor):
    assert ("MOBILIZE", actor) in [(e["type"], e["actor"]) for e in analyze(text).events], analyze(text).events


@pytest.mark.parametrize("text", [
    "وحذر الكرملين من أن إرسال قواتها إلى أوكرانيا سيكون خطأ.",           # ها cannot point back to the Kremlin
    "ويتطلب ذلك من الحكومة تأمين الحدود عبر نشر قواتها في دارفور.",      # the owner is not named
])
def test_events_possessed_forces_without_an_agreeing_owner(text):
    assert not [e for e in analyze(text).events if e["type"] == "MOBILIZE"], analyze(text).events
