"""Quotes: speakers after and before verbs of saying, continuations, attribution by «وفق», and the outlet spoken to."""
from marsad.pipeline import analyze


def quotes(text):
    return [(q["speaker"], q["via"]) for q in analyze(text).quotes]


def test_quotes_speaker_after_title_and_outlet():
    text = 'وعن غاية روسيا، يقول الخبير العسكري العميد أحمد رحال لأورينت نت: "لدينا اليوم على الأرض صراع".'
    (speaker, via), = quotes(text)
    assert speaker.startswith("ahmed") and via == "orient-net"


def test_quotes_continuation_and_via_in_later_sentence():
    text = ("قال ميتشل بيلفر ، المحلل المتخصص في الأمن الدولي: “في الوقت الحالي ، لدى موسكو وجهتا نظر”.\n"
            "وأضاف بيلفر ، في تصريحات لشبكة سكاي نيوز عربية أن “الجانب الآخر من الكرملين يخشى طلب المساعدة”.\n"
            "وتابع: “لقد رأينا بالفعل الاستخدام الفعال للأراضي البيلاروسية”.")
    got = quotes(text)
    assert len(got) == 3 and len({s for s, _ in got}) == 1
    assert all(via == "sky-news-arabia" for _, via in got)


def test_quotes_person_after_body_genitive():
    text = "قال الأمين العام لمنظمة معاهدة الأمن الجماعي (CSTO) ستانيسلاف زاس إن المنظمة يمكن أن ترسل قوات."
    assert quotes(text)[0][0] == "stanislav-zas"


def test_quotes_attribution_with_wafq():
    text = "وهي «تعتمد على القدرة العسكرية الروسية»، وفق المتخصص في الشؤون الأوروبية - الآسيوية ديفيد تيورتري."
    assert [s for s, _ in quotes(text)] == ["david-tywrtry"] or quotes(text)[0][0].startswith("david")


def test_quotes_state_as_speaker():
    text = "وسبق وأن نشرت أرمينيا سرية خبراء في محافظة حلب، وقالت إن عملها يتركز في عمليات نزع الألغام."
    assert quotes(text) == [("armenia", None)]


def test_quotes_generic_source_points_back():
    text = "حسب ما ذكر “معهد دراسات الحرب” في تقرير له أمس.\nوقال المركز في التقرير إن هذه الخطوة تأتي بتشجيع من روسيا."
    assert [s for s, _ in quotes(text)] == ["institute-for-the-study-of-war"] * 2


def test_quotes_none_without_a_named_speaker():
    assert quotes("يرى البعض أن الوضع معقد.") == []


def test_quotes_second_named_speaker_in_one_sentence():
    text = "أكد كل من الغرب والصين مرارًا أن أي تصعيد نووي سيكون غير مقبول – وقد هدد الناتو برد واضح وحاسم إذا حدث ذلك."
    assert [s for s, _ in quotes(text)] == ["china", "nato"]
    text = "ووفق المركز: «قد يصف الكرملين قوات حفظ السلام بأنها مهمة المنظمة»."
    assert "kremlin" not in [s for s, _ in quotes(text)]


def test_quotes_spokesperson_speaks_for_the_body():
    text = ("في حين أدلى المتحدث باسم وزارة الدفاع في بيلاروسيا بتصريح عام مفاده أن “بيلاروس تسعى باستمرار "
            "لاتجاهات جديدة لأنشطة حفظ السلام“.")
    assert [s for s, _ in quotes(text)] == ["ministry-of-defence-belarus"]
    # a named spokesperson is the speaker, not the body
    text = "وقال المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف إن القوات صدت هجوماً على مواقعها."
    assert [s for s, _ in quotes(text)] == ["igor-konashenkov"]
    # an expert's words are not the body's: «المحلل في معهد …» names no spokesperson
    text = "وقال المحلل في معهد دراسات الحرب إن الهجوم متوقع."
    assert quotes(text) == []


def test_quotes_statement_needs_a_statement_noun():
    text = "وأدلى وزير الخارجية الروسي سيرغي لافروف بتصريحات للصحفيين قال فيها إن موسكو لن تتراجع."
    assert "sergey-lavrov" in [s for s, _ in quotes(text)]
    assert quotes("وأدلى الرئيس الفرنسي إيمانويل ماكرون بصوته في الانتخابات صباح الأحد.") == []


def test_quotes_labelling_gives_the_subjects_words():
    text = ("طلبت حكومة كازاخستان، ليل الأربعاء الخميس، مساعدة عسكرية من منظمة معاهدة الأمن الجماعي ضد ما "
            "أسمته بـ«الجماعات الإرهابية».")
    assert [s for s, _ in quotes(text)] == ["kazakhstan"]
    text = "ونددت إيران بما وصفته «العدوان الإسرائيلي» على أراضيها."
    assert [s for s, _ in quotes(text)] == ["iran"]


def test_quotes_seeming_statement_is_no_quote():
    text = "حقيقة أن بوتين بدا وكأنه يؤكد ذلك يوحي بأن التهديد لم يطرح على الطاولة بعد."
    assert quotes(text) == []
    assert [s for s, _ in quotes("وأكد بوتين أن التهديد قائم.")] == ["vladimir-putin"]
