"""Constructions that name an act without a finite verb of its own: passive participles («المدعومة من إيران»), …"""
import pytest

from marsad.pipeline import analyze


def events(text):
    return [(e["type"], e["actor"], e["recipient"], e["location"], e["status"]) for e in analyze(text).events]


def find(text, type_, actor):
    return [e for e in events(text) if e[0] == type_ and e[1] == actor]


@pytest.mark.parametrize("text, type_, actor, recipient", [
    # a passive participle with its agent after «من (قبل)»: the agent acts on the named noun before it
    ("شن الحوثيون المدعومون من إيران هجوما جديدا على مدينة مأرب.", "SUPPORT", "iran", "houthis"),
    ("وقالت مصادر محلية إن قوات الدعم السريع المدعومة من قبل الإمارات سيطرت على المدينة.", "SUPPORT",
     "united-arab-emirates", "rapid-support-forces"),
    # inside another verb's object, and with a generic noun before it (no recipient)
    ("وقال الأمين العام إن المنظمة يمكن أن ترسل قوات إلى مناطق يسيطر عليها المتمردون المدعومون من موسكو.",
     "SUPPORT", "moscow", None),
    ("وأعلنت الفصائل المسلحة الممولة من الاتحاد الأوروبي انسحابها من المدينة.", "AID", "european-union", None),
])
def test_events_passive_participle_with_its_agent(text, type_, actor, recipient):
    evs = find(text, type_, actor)
    assert any(e[2] == recipient for e in evs), events(text)
    assert all(e[4] == "actual" for e in evs), events(text)  # a standing state, not the modal act around it


@pytest.mark.parametrize("text, type_", [
    # no agent named after the participle: nothing is said about who supports
    ("وتقدمت الفصائل المدعومة بقوة نحو المدينة.", "SUPPORT"),
    ("وتحدث التقرير عن جماعات مدعومة في شمال اليمن.", "SUPPORT"),
    # «ممول» as a noun (financier), no «من» after it
    ("وقالت واشنطن إن الرجل ممول رئيسي لتنظيم القاعدة.", "AID"),
])
def test_events_participle_without_agent_is_no_event(text, type_):
    assert not [e for e in events(text) if e[0] == type_], events(text)


@pytest.mark.parametrize("text, type_, actor, not_actor", [
    # a feminine possessive pronoun («قصفها», «حربها») points to a country or a body named by a feminine word, not to
    # a masculine one (الكرملين، البنتاغون، حزب الله) named before it
    ("وحذر البيت الأبيض إيران من تسليحها للحوثيين.", "AID", "iran", "white-house"),
    ("وحذر الكرملين أوكرانيا من قصفها للمدن الروسية.", "ASSAULT", "ukraine", "kremlin"),
    ("ويرى الكرملين أن أوكرانيا تواصل قصفها للمدن الحدودية.", "ASSAULT", "ukraine", "kremlin"),
    ("وأعلنت الأمم المتحدة استئناف مساعداتها للسودان.", "AID", "united-nations", None),
])
def test_events_feminine_pronoun_agrees_with_its_antecedent(text, type_, actor, not_actor):
    evs = events(text)
    assert any(e[0] == type_ and e[1] == actor for e in evs), evs
    assert not any(e[0] == type_ and e[1] == not_actor for e in evs), evs


def test_events_feminine_pronoun_with_only_a_masculine_body_before_it():
    text = "وتأتي حملة الكرملين للاستفادة من القوات الشريكة في حربها بسورية."
    assert not find(text, "ASSAULT", "kremlin"), events(text)


@pytest.mark.parametrize("text, type_, actor", [
    # an unnamed group «led by» a named party: the leader is the doer
    ("أنشئت المنظمة بعد أشهر من تدخل تحالف تقوده الولايات المتحدة في أفغانستان.", "ASSAULT", "united-states"),
    ("وشن تحالف تقوده السعودية غارات على صنعاء.", "ASSAULT", "saudi-arabia"),
    ("وتواصلت غارات التحالف بقيادة السعودية على مدينة الحديدة.", "ASSAULT", "saudi-arabia"),
])
def test_events_group_led_by_a_named_party(text, type_, actor):
    assert find(text, type_, actor), events(text)


def test_events_group_led_by_after_a_preposition_is_the_target():
    text = "وأعلن الحوثيون عن هجوم على قوات تقودها السعودية قرب الحدود."
    assert not find(text, "ASSAULT", "saudi-arabia"), events(text)


@pytest.mark.parametrize("text, actor, place, status", [
    # using a territory as a platform, base, corridor or ground: the user readies forces there
    ("بينما استخدمت روسيا بيلاروسيا كواحدة من منصات انطلاقها لغزو أوكرانيا في فبراير.", "russia", "belarus", "actual"),
    ("ويستخدم الحوثيون ميناء الحديدة منصة لإطلاق الصواريخ على السفن.", "houthis", "hodeidah", "actual"),
    ("واستخدمت إيران الأراضي العراقية ممرا لنقل الأسلحة إلى سوريا.", "iran", "iraq", "actual"),
    # the verbal noun: its genitive is the place; the ل-object of a modal verb before it is the doer
    ("وهذا يعني أنه يمكن لروسيا استخدام بيلاروسيا كأرض تدريب لجنود الاحتياط.", "russia", "belarus", "possible"),
])
def test_events_territory_used_as_a_base(text, actor, place, status):
    assert ("MOBILIZE", actor, None, place, status) in events(text), events(text)


@pytest.mark.parametrize("text", [
    "واستخدمت روسيا حق النقض في مجلس الأمن ضد القرار.",
    "واستخدم الجيش الإسرائيلي الأسلحة الثقيلة في غزة.",
    "وقال الرئيس إن بلاده لن تسمح باستخدام الأراضي السورية في الصراع.",
])
def test_events_using_something_else_is_no_deployment(text):
    assert not [e for e in events(text) if e[0] == "MOBILIZE"], events(text)


@pytest.mark.parametrize("text, expected", [
    # «… وهو الحال / والأمر نفسه ينطبق على X»: the act just reported holds for X too, in the role of its recipient
    ("وفرضت الولايات المتحدة عقوبات على إيران، والأمر نفسه ينطبق على فنزويلا.",
     ("SANCTION", "united-states", "venezuela", None, "actual")),
    ("وطلبت روسيا من أرمينيا إرسال قوات، وهو الحال الذي انطبق أيضاً على كازاخستان وقيرغيزستان.",
     ("REQUEST", "russia", "kyrgyzstan", None, "actual")),
    # … or of its doer when it has no recipient
    ("ونشرت تركيا قوات في شمال سوريا، وكذلك الحال بالنسبة لروسيا.", ("MOBILIZE", "russia", None, "syria", "actual")),
    ("أرسلت إيران قوات إلى سوريا، والأمر نفسه ينطبق على حزب الله.", ("MOBILIZE", "hezbollah", None, "syria", "actual")),
])
def test_events_same_act_holds_for_other_parties(text, expected):
    assert expected in events(text), events(text)


@pytest.mark.parametrize("text", [
    "وتعاني الدول الأفريقية من أزمة غذاء، وهو ما ينطبق على السودان.",
    "وقال الخبير إن القانون الدولي ينطبق على إسرائيل.",
])
def test_events_same_act_without_an_act_before_it(text):
    assert events(text) == [], events(text)


def test_events_same_act_cue_opens_a_new_clause():
    # «لروسيا» after the cue is not the recipient of the deployment before it
    text = "ونشرت تركيا قوات في شمال سوريا، وكذلك الحال بالنسبة لروسيا."
    assert ("MOBILIZE", "turkey", None, "syria", "actual") in events(text), events(text)


@pytest.mark.parametrize("text, type_, actor, recipient", [
    # a verbal noun with a possessive pronoun and a demonym right after it: the demonym's country does it, the
    # pronoun's antecedent (agreeing in gender) has it done to it
    ("وتعتمد جماعة الحوثي على دعمها الإيراني في الحرب.", "SUPPORT", "iran", "houthis"),
    ("وقال التقرير إن حزب الله يعتمد على تمويله الإيراني.", "AID", "iran", "hezbollah"),
])
def test_events_possessive_pronoun_with_a_demonym_doer(text, type_, actor, recipient):
    assert find(text, type_, actor) and all(e[2] == recipient for e in find(text, type_, actor)), events(text)
    assert not find(text, type_, recipient), events(text)


def test_events_possessive_pronoun_before_a_place_with_a_preposition():
    # «في حربها بسورية»: Syria is where, not who
    text = "وتأتي حملة الكرملين للاستفادة من القوات الشريكة في حربها بسورية."
    assert not [e for e in events(text) if e[1] == "syria"], events(text)


@pytest.mark.parametrize("text, actor, recipient", [
    # an attack noun's genitive with the other side named after it (على، مع، ضد) is the attacker
    ("وأدت حرب روسيا على أوكرانيا إلى أزمة غذاء عالمية.", "russia", "ukraine"),
    ("واندلعت حرب إثيوبيا مع إريتريا عام 1998.", "ethiopia", "eritrea"),
    ("وقد أودت حرب يريفان الخاطفة مع جارتها بحياة آلاف الأشخاص.", "yerevan", None),
])
def test_events_attack_noun_genitive_with_the_other_side(text, actor, recipient):
    assert any(e[2] == recipient for e in find(text, "ASSAULT", actor)), events(text)


@pytest.mark.parametrize("text", [
    "وارتفعت أسعار القمح بسبب حرب أوكرانيا على مدى عامين.",  # «على مدى»: over a time, no other side
    "وأثرت حرب السودان على الاقتصاد المصري.",  # what it affected, no party
    "وتضررت البلاد من حرب غزة.",
])
def test_events_attack_noun_genitive_without_the_other_side(text):
    assert not [e for e in events(text) if e[0] == "ASSAULT" and e[1] in ("ukraine", "sudan", "gaza")], events(text)


@pytest.mark.parametrize("text, country", [
    # a war named after a country or region is the war fought there, not by it
    ("وتضرر الاقتصاد من حرب أوكرانيا على مدى عامين.", "ukraine"),
    ("وارتفعت أسعار الغذاء في المنطقة بسبب حرب السودان المستمرة منذ أبريل.", "sudan"),
    ("وأدت الحرب السورية إلى نزوح ملايين السكان إلى دول الجوار.", "syria"),
    ("وقال التقرير إن نزاع اليمن دخل عامه العاشر.", "yemen"),
])
def test_events_war_named_after_a_country_has_no_doer(text, country):
    assert not [e for e in events(text) if e[0] == "ASSAULT" and e[1] == country], events(text)


@pytest.mark.parametrize("text, actor, recipient", [
    # an opponent preposition after the genitive makes it the attacker, also behind a preposition of its own
    ("وتضرر الاقتصاد الأوروبي من حرب روسيا على أوكرانيا.", "russia", "ukraine"),
    ("وندد الاتحاد الأوروبي بالحرب الروسية على أوكرانيا.", "russia", "ukraine"),
])
def test_events_war_with_the_other_side_named_has_a_doer(text, actor, recipient):
    assert any(e[0] == "ASSAULT" and e[1] == actor and e[2] == recipient for e in events(text)), events(text)


@pytest.mark.parametrize("text, actor, proxy", [
    # «X تقاتل عبر Y»: Y is the proxy X fights through, X backs it
    ("وتقاتل إيران في اليمن عبر الحوثيين منذ سنوات.", "iran", "houthis"),
    ("وتحارب روسيا في السودان عبر مجموعة فاغنر.", "russia", "wagner-group"),
    ("وقاتلت الإمارات عبر قوات الدعم السريع في دارفور.", "united-arab-emirates", "rapid-support-forces"),
])
def test_events_fighting_through_a_proxy(text, actor, proxy):
    evs = [(e["type"], e["actor"], e["recipient"]) for e in analyze(text).events]
    assert ("AID", actor, proxy) in evs and not [e for e in evs if e[0] == "ASSAULT" and e[1] == actor], evs


@pytest.mark.parametrize("text, target", [
    ("وهاجمت القوات الروسية مدينة خاركيف عبر الحدود.", "kharkiv"),     # across a border: no proxy
    ("وقصفت روسيا أوكرانيا عبر أراضي بيلاروسيا.", "ukraine"),          # through a country's land: no proxy
])
def test_events_through_a_place_is_no_proxy(text, target):
    evs = [(e["type"], e["actor"], e["recipient"]) for e in analyze(text).events]
    assert ("ASSAULT", "russia", target) in evs and not [e for e in evs if e[0] == "AID"], evs
