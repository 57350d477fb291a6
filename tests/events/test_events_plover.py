"""PLOVER events on real news sentences: each trigger family, arguments, status cues, and sentences that give nothing."""
import pytest

from marsad.pipeline import analyze


def events(text, **meta):
    d = analyze(text, meta=meta)
    return [(e["type"], e["actor"], e["recipient"], e["location"], e["status"]) for e in d.events]


def has(text, type_, actor, recipient=None, location=None, status=None):
    for t, a, r, loc, st in events(text):
        if t == type_ and a == actor and (recipient is None or r == recipient) and (location is None or loc == location) \
                and (status is None or st == status):
            return True
    return False


@pytest.mark.parametrize("text, type_, actor, recipient, location", [
    # MOBILIZE: verb after its subject and verbal noun with a demonym
    ("وسبق وأن نشرت أرمينيا سرية خبراء في محافظة حلب.", "MOBILIZE", "armenia", None, "aleppo-governorate"),
    ("ومن شأن نشر قوات بيلاروسية في سورية أن يعزز العمليات.", "MOBILIZE", "belarus", None, "syria"),
    ("أرسلت تركيا تعزيزات عسكرية إلى إدلب.", "MOBILIZE", "turkey", None, None),
    # AID: training and deliveries
    ("ساهمت القوات الروسية الموجودة في مدينة حلب بتدريب ميليشيا \"لواء القدس\" الفلسطيني.", "AID", "russia", "liwa-al-quds", None),
    ("سلمت الولايات المتحدة أوكرانيا منظومات صواريخ باتريوت.", "AID", "united-states", "ukraine", None),
    # REQUEST / REJECT
    ("طلبت حكومة كازاخستان مساعدة عسكرية من منظمة معاهدة الأمن الجماعي.", "REQUEST", "kazakhstan", "collective-security-treaty-organization", None),
    ("رفضت كازاخستان إرسال قوات لدعم روسيا.", "REJECT", "kazakhstan", None, None),
    # RETREAT with a list of actors
    ("وقد انسحبت من المنظمة كل من جورجيا وأذربيجان.", "RETREAT", "georgia", None, None),
    ("وقد انسحبت من المنظمة كل من جورجيا وأذربيجان.", "RETREAT", "azerbaijan", None, None),
    # CONSULT and AGREE
    ("زار وزير الخارجية الروسي سيرغي لافروف أنقرة يوم الثلاثاء.", "CONSULT", "sergey-lavrov", None, None),
    ("اتفقت روسيا وتركيا على وقف إطلاق النار في إدلب.", "AGREE", "russia", "turkey", None),
    # ASSAULT, COERCE, THREATEN, ACCUSE, SANCTION
    ("قصفت روسيا مدينة خاركيف بالصواريخ.", "ASSAULT", "russia", "kharkiv", None),
    ("اعتقلت السلطات الإيرانية صحفيين في طهران.", "COERCE", "iran", None, "tehran"),
    ("وقد هدد الناتو برد واضح وحاسم إذا حدث ذلك.", "THREATEN", "nato", None, None),
    ("اتهمت أوكرانيا روسيا بقصف محطة الطاقة.", "ACCUSE", "ukraine", "russia", None),
    ("فرض الاتحاد الأوروبي عقوبات جديدة على روسيا.", "SANCTION", "european-union", "russia", None),
])
def test_events_trigger_families(text, type_, actor, recipient, location):
    assert has(text, type_, actor, recipient, location), events(text)


@pytest.mark.parametrize("text, type_, actor, status", [
    ("تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية.", "MOBILIZE", "belarus", "planned"),
    ("تعتزم روسيا إرسال قوات إضافية إلى بيلاروسيا الشهر المقبل.", "MOBILIZE", "russia", "planned"),
    ("من المحتمل أن يكون الكرملين قد حرض على هذا الأمر.", "REQUEST", "kremlin", "possible"),
    ("قد ترسل بيلاروسيا قوات إلى أوكرانيا.", "MOBILIZE", "belarus", "possible"),
    ("لم تشارك أي قوات بيلاروسية حتى الآن في القتال في أوكرانيا.", "ASSAULT", "belarus", "negated"),
    ("لن ترسل تركيا قوات إلى ليبيا.", "MOBILIZE", "turkey", "negated"),
    ("نشرت أرمينيا سرية خبراء في محافظة حلب.", "MOBILIZE", "armenia", "actual"),
])
def test_events_status_cues(text, type_, actor, status):
    assert has(text, type_, actor, status=status), events(text)


def test_events_quantity_and_date():
    d = analyze("نشرت روسيا 300 جندي في كازاخستان يوم 6 يناير 2022.")
    ev = [e for e in d.events if e["type"] == "MOBILIZE"][0]
    assert ev["quantity"]["value"] == 300 and ev["when"] == "2022-01-06" and ev["location"] == "kazakhstan"


def test_events_attribution_carries_over():
    text = ("تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية، حسب ما ذكر “معهد دراسات الحرب” في تقرير له.\n"
            "وقال المركز إن روسيا أرسلت قوات إضافية إلى سوريا.\n"
            "وسبق وأن نشرت أرمينيا سرية خبراء في محافظة حلب.")
    evs = {(e["actor"], e["type"]): e for e in analyze(text).events}
    isw = "institute-for-the-study-of-war"
    assert evs[("belarus", "MOBILIZE")]["source"] == isw
    assert evs[("russia", "MOBILIZE")]["source"] == isw       # «وقال المركز» carries the source on
    assert evs[("armenia", "MOBILIZE")]["source"] is None     # a sentence with no attribution


@pytest.mark.parametrize("text", [
    "يرى محللون أن الوضع الأمني في المنطقة معقد للغاية.",
    "نشر معهد دراسات الحرب تقريرا جديدا عن الوضع.",
    "تعتبر المنظمة نوعا من التوازن في مواجهة التحديات.",
    "وتحدث المحلل عن أهمية الاستقرار في آسيا الوسطى.",
])
def test_events_none_from_opinion_or_non_events(text):
    assert events(text) == []


def test_events_evidence_is_the_sentence():
    text = "قال المتحدث إن الوضع هادئ.\nقصفت روسيا مدينة خاركيف بالصواريخ."
    d = analyze(text)
    ev = d.events[0]
    assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == "قصفت روسيا مدينة خاركيف بالصواريخ."
    assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == "قصفت"


def test_events_subject_pronoun_points_back():
    text = ("أشار التقرير إلى أن الكرملين سعى إلى الاستفادة من القوات الشريكة، لكنه لم ينجح في اقتراح إرسال عناصر "
            "بيلاروسية في السنوات الماضية.")
    assert has(text, "REQUEST", "kremlin"), events(text)


def test_events_light_verb_takes_the_noun_type():
    text = "شاركت القوات الروسية في القتال في أوكرانيا."
    assert has(text, "ASSAULT", "russia"), events(text)
    assert not any(t == "COOPERATE" for t, *_ in events(text))


def test_events_meeting_of_a_body_and_with_a_counterpart():
    assert has("عقد اجتماع جديد للجنة العسكرية لمنظمة معاهدة الأمن الجماعي عبر الفيديو.", "CONSULT",
               "collective-security-treaty-organization-military-committee")
    assert has("عقد الرئيس الروسي فلاديمير بوتين اجتماعا مع نظيره التركي رجب طيب أردوغان في سوتشي.", "CONSULT",
               "vladimir-putin", "recep-tayyip-erdogan", "sochi")


def test_events_parties_between():
    assert has("هناك صراع مخفي بين روسيا وإيران في سوريا.", "ASSAULT", "russia", "iran")


def test_events_generic_head_points_to_the_group_named_most():
    text = ('دربت القوات الروسية ميليشيا "لواء القدس" في حلب. وقاتلت ميليشيات أسد في درعا. وأرسلت ميليشيا "لواء القدس" '
            "مجموعاتها إلى حماة.\nوشاركت الميليشيا في القتال في إدلب.")
    assert has(text, "ASSAULT", "liwa-al-quds"), events(text)


def test_events_outlets_are_not_recipients():
    text = "وعن غاية روسيا من دعم هذه الميليشيا، يقول الخبير العسكري العميد أحمد رحال لأورينت نت إن الدعم مستمر."
    assert all(r != "orient-net" for _, _, r, _, _ in events(text))


def test_events_joint_act_of_two_demonyms_and_giver_after_min():
    assert has("على الرغم من شهور من المناورات العسكرية الروسية البيلاروسية.", "COOPERATE", "russia", "belarus")
    assert has("ناقشا تسليم أنظمة أسلحة متطورة من روسيا إلى بيلاروسيا.", "AID", "russia", "belarus")


def test_events_unit_count_becomes_personnel_when_the_unit_size_is_given():
    d = analyze("تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية.\nوتتألف كل كتيبة من 300 عنصر.")
    q = [e for e in d.events if e["type"] == "MOBILIZE"][0]["quantity"]
    assert (q["value"], q["unit"], q["count"], q["noun"]) == (600, "personnel", 2, "battalion")
    d = analyze("تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية.")
    q = d.events[0]["quantity"]
    assert (q["value"], q["unit"]) == (2, "unit")


def test_events_doer_in_a_relative_clause():
    text = "وتأتي الزيارة الأخيرة التي قام بها وزير الدفاع الروسي سيرجي شويغو إلى نظيره البيلاروسي فيكتور خرينين."
    assert has(text, "CONSULT", "sergei-shoigu", "viktor-khrenin"), events(text)


@pytest.mark.parametrize("text, actor, recipient", [
    ("من المرجح أن تواصل روسيا قصفها للبنية التحتية الأوكرانية.", "russia", "ukraine"),
    ("بينما استخدمت روسيا بيلاروسيا كواحدة من منصات انطلاقها لغزوها في فبراير.", "russia", None),
])
def test_events_pronoun_on_the_verbal_noun_is_the_clause_subject(text, actor, recipient):
    assert has(text, "ASSAULT", actor, recipient), events(text)


def test_events_unnamed_subject_of_a_verb_is_the_sentence_subject():
    text = ("وانتهى النزاع بوقف لإطلاق النار وتنازل أرمينيا بشكل مهين عن أراضٍ، بعد أن طلبت دون جدوى، مساعدة "
            "منظمة معاهدة الأمن الجماعي.")
    assert has(text, "REQUEST", "armenia", "collective-security-treaty-organization"), events(text)
    assert has(text, "CONCEDE", "armenia"), events(text)   # a second act of the same actor stays its own event


def test_events_feminine_pronoun_points_to_an_organisation():
    text = ("لدى منظمة معاهدة الأمن الجماعي اهتمامات مختلفة جداً. وأشار تورتري إلى أن أعضاءها يواجهون خطراً، "
            "وهي تنشر قوات في طاجيكستان وقرغيزستان.")
    assert has(text, "MOBILIZE", "collective-security-treaty-organization", location="tajikistan"), events(text)
    assert has(text, "MOBILIZE", "collective-security-treaty-organization", location="kyrgyzstan"), events(text)


def test_events_plural_pronoun_is_the_list_before_it_and_a_refused_request_goes_back_to_the_requester():
    text = ("طلب الكرملين من كازاخستان وقيرغيزستان إرسال قوات، لكن الطلب لم يلق قبولا، وهو الحال الذي انطبق على "
            "كازاخستان وقيرغيزستان، بعد رفضهم للطلب.")
    assert has(text, "REJECT", "kazakhstan", "kremlin"), events(text)
    assert has(text, "REJECT", "kyrgyzstan", "kremlin"), events(text)


def test_events_both_sides_are_the_two_parties_named_last():
    text = ("وخلال الزيارة التي قام بها وزير الدفاع الروسي سيرجي شويغو إلى نظيره البيلاروسي فيكتور خرينين، اتفق الجانبان "
            "على توفير الأمن الإقليمي المشترك.")
    assert has(text, "AGREE", "sergei-shoigu", "viktor-khrenin"), events(text)


def test_events_headline_act_takes_the_details_the_body_gives():
    text = ("روسيا ترسل قوات إلى بيلاروسيا\n"
            "أعلنت وزارة الدفاع الروسية أمس الخميس أنها أرسلت 300 جندي إلى بيلاروسيا لإجراء مناورات مشتركة، حسب ما ذكرت "
            "وكالة تاس.")
    evs = [e for e in analyze(text, meta={"published": "2023-02-10"}).events if e["type"] == "MOBILIZE"]
    assert len(evs) == 1
    ev = evs[0]
    assert (ev["actor"], ev["location"], ev["quantity"]["value"], ev["when"], ev["source"]) == \
           ("russia", "belarus", 300, "2023-02-09", "tass")


@pytest.mark.parametrize("text, type_, actor, recipient, location", [
    ("التقى وزير الخارجية التركي هاكان فيدان نظيره الروسي سيرغي لافروف في موسكو.", "CONSULT", "hakan-fidan",
     "sergey-lavrov", "moscow"),
    ("انسحبت القوات الروسية من مدينة خيرسون الشهر الماضي.", "RETREAT", "russia", None, "kherson"),
    ("أعلن الجيش الإسرائيلي أنه شن غارات على مواقع لحزب الله في جنوب لبنان.", "ASSAULT", "israel", "hezbollah",
     "south-lebanon"),
    ("اتهمت طهران واشنطن بدعم الإرهاب في المنطقة.", "ACCUSE", "tehran", "washington-d-c", None),
])
def test_events_common_news_sentences(text, type_, actor, recipient, location):
    assert has(text, type_, actor, recipient, location), events(text)
