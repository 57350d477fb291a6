"""Facts on real sentences: membership lists, former members, founding, force sizes, roles, leaders."""
import pytest

from marsad.pipeline import analyze


def facts(text):
    return {(f["subject"], f["relation"], f.get("object", f.get("value"))) for f in analyze(text).facts}


CSTO = "collective-security-treaty-organization"


def test_facts_membership_list_after_cue():
    text = ("تأسست منظمة معاهدة الأمن الجماعي عام 2002 ، ويضم هذا الاتحاد العسكري السياسي 6 دول أعضاء هي أرمينيا "
            "وبيلاروسيا وكازاخستان وقيرغيزستان وطاجيكستان ، ويعتبر العدوان على إحدى هذه الدول عدوانًا على جميع الدول.")
    got = facts(text)
    for c in ("armenia", "belarus", "kazakhstan", "kyrgyzstan", "tajikistan"):
        assert (CSTO, "member", c) in got
    assert (CSTO, "founded", "2002") in got


def test_facts_members_and_former_members_in_one_sentence():
    text = ("ما هي منظمة معاهدة الأمن الجماعي؟\nتأسست المنظمة في 7 أكتوبر/تشرين الأول 2002، وأعضاؤها هم كل من روسيا "
            "وروسيا البيضاء وكزاخستان، وقد انسحبت من المنظمة كل من جورجيا وأذربيجان.")
    got = facts(text)
    assert {(CSTO, "member", "russia"), (CSTO, "member", "belarus"), (CSTO, "member", "kazakhstan")} <= got
    assert {(CSTO, "former_member", "georgia"), (CSTO, "former_member", "azerbaijan")} <= got
    assert (CSTO, "member", "georgia") not in got
    assert (CSTO, "founded", "2002-10-07") in got


def test_facts_member_of_phrase():
    got = facts("مهتمة بحدودها مع الدول الأعضاء في حلف شمال الأطلسي، مثل بولندا وليتوانيا ولاتفيا.")
    assert {("nato", "member", "poland"), ("nato", "member", "lithuania"), ("nato", "member", "latvia")} <= got
    got = facts("وسبق وأن نشرت أرمينيا العضو في منظمة معاهدة الأمن الجماعي سرية خبراء في محافظة حلب.")
    assert (CSTO, "member", "armenia") in got


def test_facts_force_sizes_with_qualifier_and_year():
    text = ("منظمة معاهدة الأمن الجماعي حلف عسكري.\nأسس التكتل قوة رد سريع قوامها 20 ألف فرد عام 2009، "
            "وتعترف الأمم المتحدة بوحدة حفظ السلام التابعة له المكونة من 3600 عنصر.")
    d = analyze(text)
    sizes = {(f["subject"], f["value"]): f for f in d.facts if f["relation"] == "personnel"}
    assert (CSTO, 20000) in sizes and (CSTO, 3600) in sizes
    assert sizes[(CSTO, 20000)]["when"] == "2009" and "قوة رد سريع" in sizes[(CSTO, 20000)]["qualifier"]
    assert not any(f["relation"] == "founded" for f in d.facts)  # «أسس التكتل قوة …» founds a force, not the bloc


def test_facts_unit_size_is_not_an_organisation_force():
    text = "قال الكرملين إن القوات جاهزة.\nوتتألف كل كتيبة من 300 عنصر، ليكون مجموعة العناصر 600."
    assert not any(r == "personnel" for _, r, _ in facts(text))


@pytest.mark.parametrize("text, person, obj, title", [
    ("قال الرئيس الروسي فلاديمير بوتين إن بلاده لن تتراجع.", "vladimir-putin", "russia", "President"),
    ("كان آخرها تصريح رئيس الوزراء الأرميني نيكول باشينيان في اجتماع برلماني.", "nikol-pashinyan", "armenia", "Prime Minister"),
    ("قال الأمين العام لمنظمة معاهدة الأمن الجماعي (CSTO) ستانيسلاف زاس إن المنظمة مستعدة.", "stanislav-zas", CSTO, "Secretary General"),
])
def test_facts_roles_from_titles(text, person, obj, title):
    d = analyze(text)
    roles = [f for f in d.facts if f["relation"] == "role"]
    assert any(f["subject"] == person and f["object"] == obj and f.get("value") == title for f in roles), roles


def test_facts_counterpart_takes_the_title_before():
    text = "الزيارة التي قام بها وزير الدفاع الروسي سيرجي شويغو إلى نظيره البيلاروسي فيكتور خرينين."
    d = analyze(text)
    roles = {(f["subject"], f["object"], f.get("value")) for f in d.facts if f["relation"] == "role"}
    assert ("sergei-shoigu", "russia", "Minister of Defence") in roles
    assert ("viktor-khrenin", "belarus", "Minister of Defence") in roles


def test_facts_leader_of_group():
    text = 'وتشكلت ميليشيا "لواء القدس" منتصف عام 2013 بقيادة المهندس الفلسطيني محمد سعيد، والذي كان له علاقات قوية.'
    d = analyze(text)
    got = {(f["subject"], f["relation"], f.get("object", f.get("value"))) for f in d.facts}
    assert ("liwa-al-quds", "founded", "2013") in got
    leads = [f for f in d.facts if f["relation"] == "leads"]
    assert leads and leads[0]["object"] == "liwa-al-quds"
    assert d.text[leads[0]["evidence"]["start"]:leads[0]["evidence"]["end"]].startswith("وتشكلت")


def test_facts_role_in_apposition_after_the_name():
    d = analyze("وأضاف ميتشل بيلفر ، مدير مركز المعلومات الخليجية والأوروبية في روما ، أن الوضع معقد.")
    roles = [f for f in d.facts if f["relation"] == "role"]
    assert [(f["object"], f["value"]) for f in roles] == [("euro-gulf-information-centre", "Director")]


def test_facts_founded_subject_is_beside_the_verb():
    got = facts('جدير ذكره أن ميليشيا "لواء القدس" تشكلت منتصف عام 2013 ولها علاقات مع المخابرات الجوية في حلب.')
    assert ("liwa-al-quds", "founded", "2013") in got
    assert not any(s != "liwa-al-quds" and r == "founded" for s, r, _ in got)
