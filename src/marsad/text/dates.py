"""Offset-preserving recognition and resolution of dates in raw Arabic news text.

Recognises day-month-year dates in all Arabic month-name systems (يناير / كانون الثاني / جانفي / يوليوز),
bilingual pairs as one span ("7 أكتوبر/تشرين الأول 2002", "أيلول / سبتمبر"), numeric dates (09/05/2024),
years with a cue ("عام 2002", "في 2021،"), decades ("التسعينات"), weekday datelines ("الخميس - 09 مايو 2024"),
qualified periods ("منتصف عام 2013" → 2013, approx) and relative expressions (أمس الخميس، العام الماضي،
شهر أيلول المقبل، بعد سبعة أشهر، منذ عامين) resolved against a reference date. Bare numbers are never
years. Language data lives in ``data/rules/dates.json``; scanning shares :func:`marsad.text.numbers.prepare`.

Usage::

    from datetime import date
    from marsad.text.dates import find_dates, find_dateline
    ref = find_dateline(text) or date(2024, 5, 9)
    for span in find_dates(text, ref):
        print(span.text, span.value, span.granularity, span.relative, span.approx)
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
import re
from typing import Any

from marsad.resources import load_json
from marsad.text.numbers import (Scan, alternation, digit_runs, fold_key, parse_cardinal, prepare, prev_word,
                                 register_word_keys, words)

__all__ = ["DateSpan", "find_dates", "find_dateline"]

# read through the package (a module compiled by mypyc has no ``__file__``)
_D: dict[str, Any] = load_json("rules", "dates.json")
_ND: dict[str, Any] = load_json("rules", "numbers.json")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression in the raw text; ``text == raw[start:end]``.

    ``value`` is ISO or partial ISO ("2002-10-07", "2021-09", "2022"; a decade is given by its first year,
    "1990", with granularity "decade"; a week by its ISO week, "2024-W18"), or "" when it cannot be resolved
    (a relative expression without a reference date, a day-month without a year, "قبل خمسة أيام من الحرب").
    """

    start: int
    end: int
    text: str
    value: str
    granularity: str  # "day" | "week" | "month" | "year" | "decade"
    relative: bool
    approx: bool


# ---------------------------------------------------------------------------------------------- data
def _index(entries: list[dict[str, Any]], field: str) -> dict[str, Any]:
    return {fold_key(f): e[field] for e in entries for f in e["forms"]}


_MONTHS: dict[str, int] = _index(_D["months"], "month")
_AMBIGUOUS_MONTHS = {fold_key(w) for w in _D["ambiguous_months"]}
_WEEKDAYS: dict[str, int] = _index(_D["weekdays"], "weekday")
_WD_NEED_CUE = {fold_key(w) for w in _D["weekdays_needing_cue"]}
_PAST = {fold_key(w) for w in _D["past"]}
_FUTURE = {fold_key(w) for w in _D["future"]}
_CURRENT = {fold_key(w) for w in _D["current"]}
_PERIODS: dict[str, str] = _index(_D["period_words"], "unit")
_DUR_UNITS: dict[str, tuple[str, int | None]] = {}
for _e in _D["duration_units"]:
    _DUR_UNITS.update({fold_key(f): (_e["unit"], None) for f in _e["forms"]})
    _DUR_UNITS.update({fold_key(f): (_e["unit"], 2) for f in _e["dual"]})
_DECADES: dict[str, int] = _index(_D["decades"], "value")
_DIRS: dict[str, int] = {fold_key(k): v for k, v in _D["duration_directions"].items()}
_ONE_UNITS = {fold_key(w) for w in _D["singular_units_mean_one"]}


def _ordinal_days() -> dict[str, int]:
    """Masculine ordinal day phrases 1-31 ("الأول", "الحادي عشر", "الحادي والعشرين") from numbers.json."""
    units = {o["value"]: fold_key(o["forms"][0]) for o in _ND["ordinals"]}
    units[1] = fold_key(_ND["ordinal_teen_prefixes"][0]["forms"][0])  # الحادي in compounds
    tens = {o["value"]: [fold_key(f) for f in o["forms"]] for o in _ND["ordinal_tens"] if o["value"] <= 30}
    out = {fold_key(o["forms"][0]): o["value"] for o in _ND["ordinals"]}
    for v in range(1, 10):
        out[f"{units[v]} {fold_key('عشر')}"] = 10 + v
        for t, forms in tens.items():
            if t + v <= 31:
                out.update({f"{units[v]} و{f}": t + v for f in forms})
    for t, forms in tens.items():
        out.update({f: t for f in forms})
    return out


_ORD_DAYS = _ordinal_days()


def _alt(words: Any) -> str:
    return alternation(fold_key(w) for w in words)


# ---------------------------------------------------------------------------------------------- grammar
_MON = alternation(_MONTHS)
_WD = alternation(_WEEKDAYS)
_REL = alternation(_PAST | _FUTURE | _CURRENT)
_QUAL = _alt(_D["qualifiers"])
_YEAR = r"(?:1[89]|20)[0-9]{2}(?![0-9])(?:م(?!\w))?"
_CARD_WORDS = alternation(
    [fold_key(f) for k in ("units", "tens", "hundreds", "teen_prefixes") for e in _ND[k] for f in e["forms"]]
    + [fold_key(f) for f in _ND["ten"]]
    + [fold_key(f) + "ا" for e in _ND["units"] for f in e["forms"] if not f.endswith(("ة", "ان", "ين"))])
_NUM = rf"(?:[0-9]+|{_CARD_WORDS}(?:\s+و?{_CARD_WORDS})*)"
_APPROX = _alt(_ND["approx_before"] + _ND["min_before"] + _ND["max_before"])

# Words that can begin a date expression; a match is only attempted where one of them (or a digit) stands,
# moved back over a preceding "prefix" word (هذا العام، في 2021، يوم الخميس).
_STARTER_WORDS = (
    list(_MONTHS) + [k.split()[0] for k in _MONTHS if " " in k] + list(_WEEKDAYS) + list(_DECADES)
    + list(_DIRS) + list(_PERIODS) + [k.split()[0] for k in _ORD_DAYS]
    + [fold_key(w) for k in ("qualifiers", "year_cues") for w in _D[k]]
    + ["شهر", "امس", "الامس", "اليوم", "غدا", "الغد", "غد", "اول"])
_STARTERS = frozenset(c + w for w in _STARTER_WORDS for c in ("", "و", "ف", "ب"))
register_word_keys(_STARTERS)
_PREFIX_WORDS = frozenset(
    c + fold_key(w) for w in _D["this"] + _D["bare_year_cues"] + _D["weekday_cues"] + _D["qualifiers"]
    for c in ("", "و", "ف"))
# Prefix words are not registered with the shared word finder: they are common (في alone is a few dozen hits per
# article) and only matter right before a starter, so :func:`_prefix_before` looks them up there.
_DATE_RE = re.compile(
    r"\W(?:[وفب])??(?:"
    # numeric dates
    r"(?P<a_num>(?P<nd>[0-3]?[0-9])[/.\-](?P<nm>[01]?[0-9])[/.\-](?P<ny>(?:19|20)[0-9]{2})(?![0-9])"
    r"|(?P<iy>(?:19|20)[0-9]{2})-(?P<im>[01]?[0-9])-(?P<id>[0-3]?[0-9])(?![0-9]))"
    # [qualifier] [weekday -] [day [من]] [شهر] month [/ month] [[عام] year] [relative]
    rf"|(?P<a_mon>(?:(?P<q>{_QUAL})\s+(?:شهر\s+)?)?(?:(?P<wd>{_WD})\s*(?:[-–—،,]\s*)?(?=[0-9]))?"
    rf"(?:(?:(?P<day>[0-3]?[0-9])(?![0-9])|(?P<oday>{alternation(_ORD_DAYS)}))\s*(?:من\s+)?)?"
    rf"(?P<shahr>شهر\s+)?(?P<m1>{_MON})(?!\w)(?:\s*[/(]\s*(?P<m2>{_MON})(?!\w)\s*\)?)?"
    rf"(?:\s*(?:[,،]\s*)?(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<y>{_YEAR}))?(?:\s+(?P<rel>{_REL})(?!\w))?)"
    # [qualifier] عام 2002 [و2003] / qualifier 2002
    rf"|(?P<a_year>(?:(?P<q2>{_QUAL})\s+)?(?P<ycue>{_alt(_D['year_cues'])})\s+(?P<y2>{_YEAR})"
    rf"(?:\s+و\s*(?P<y3>{_YEAR}))?)"
    rf"|(?P<a_qyear>(?P<q3>{_QUAL})\s+(?P<y4>{_YEAR}))"
    # في 2021، (a cue and punctuation or the end around a 19xx/20xx year)
    rf"|(?P<a_bare>(?P<bcue>{_alt(_D['bare_year_cues'])})\s+(?P<y5>{_YEAR})(?=\s*(?:[^\w\s]|$)|\s+و\s*[0-9]))"
    # decades
    rf"|(?P<a_dec>(?P<dec>{alternation(_DECADES)})(?!\w)"
    rf"(?:\s+(?:من\s+)?القرن\s+(?P<cent>الماضي|العشرين|الحالي|الحادي\s+والعشرين))?)"
    # بعد سبعة أشهر / منذ عامين / قبل خمسة أيام [من]
    rf"|(?P<a_dur>(?P<dir>{alternation(_DIRS)})\s+(?:(?P<dq>{_APPROX})\s+)?(?:(?P<dn>{_NUM})\s+)?"
    rf"(?P<du>{alternation(_DUR_UNITS)})(?!\w)(?!\s+[0-9])(?=\s+(?P<dfrom>من|علي(?!\s+الاقل))(?!\w))?)"
    # هذا العام / العام الماضي / مطلع الشهر المقبل
    rf"|(?P<a_per>(?:(?P<q4>{_QUAL})\s+)?(?:(?P<this>هذا|هذه)\s+(?P<pw1>{alternation(_PERIODS)})"
    rf"|(?P<pw2>{alternation(_PERIODS)})\s+(?P<prel>{_REL})))"
    # أول أمس / بعد غد / أمس [الخميس] / اليوم [الجمعة] / غدا / يوم غد
    r"|(?P<a_day>(?P<dby>اول\s+امس|امس\s+الاول)|(?P<dat>بعد\s+غد)"
    rf"|(?P<yd>امس|الامس)(?:\s+(?P<ywd>{_WD}))?"
    rf"|(?P<td>اليوم)(?:\s+(?P<twd>{_WD}))?"
    rf"|(?P<tm>غدا|الغد|يوم\s+غد)(?:\s+(?P<tmwd>{_WD}))?)"
    # [يوم] الخميس [الماضي]
    rf"|(?P<a_wd>(?:(?P<wcue>{_alt(_D['weekday_cues'])})\s+)?(?P<wd2>{_WD})(?:\s+(?P<wrel>{_REL}))?)"
    r")(?!\w)"
)


# ---------------------------------------------------------------------------------------------- resolution
def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _iso_day(y: int, m: int, d: int) -> str:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return ""


def _weekday_before(ref: dt.date, wd: int, strict: bool) -> dt.date:
    delta = (ref.weekday() - wd) % 7
    return ref - dt.timedelta(days=delta or (7 if strict else 0))


def _weekday_after(ref: dt.date, wd: int) -> dt.date:
    return ref + dt.timedelta(days=((wd - ref.weekday()) % 7) or 7)


def _direction(word: str | None) -> int:
    """-1 for a past word (الماضي), +1 for a future word (المقبل), 0 for a current word or none."""
    if word in _PAST:
        return -1
    if word in _FUTURE:
        return 1
    return 0


def _shift(ref: dt.date, unit: str, n: float) -> tuple[str, str]:
    """ISO value and granularity of ``ref`` shifted by ``n`` units."""
    if unit == "day":
        return (ref + dt.timedelta(days=round(n))).isoformat(), "day"
    if unit == "week":
        return (ref + dt.timedelta(days=round(7 * n))).isoformat(), "day"
    if unit == "month":
        return _add_months(ref, round(n)).isoformat()[:7], "month"
    years = round(n * (10 if unit == "decade" else 1))
    return str(ref.year + years), "year"


_Resolved = tuple[str, str, bool, bool]  # (value, granularity, relative, approx)


def _resolve(g: _Groups, ref: dt.date | None) -> _Resolved | None:
    """(value, granularity, relative, approx) for one match's groups, or None to drop the match."""
    kind = g.kind
    if kind == "a_num":
        return _resolve_numeric(g)
    if kind == "a_mon":
        return _resolve_month(g, ref)
    if kind in ("a_year", "a_qyear", "a_bare"):
        year = _req(g[("y2" if kind == "a_year" else "y4" if kind == "a_qyear" else "y5")]).rstrip("م")
        return year, "year", False, bool(kind == "a_qyear" or (kind == "a_year" and g["q2"]))
    if kind == "a_dec":
        decade = _DECADES[_req(g["dec"])]
        cent = g["cent"]
        century = 2000 if cent and ("حادي" in cent or cent == "الحالي") else 1900
        return str(century + decade), "decade", False, False
    if kind == "a_dur":
        return _resolve_duration(g, ref)
    if kind == "a_per":
        return _resolve_period(g, ref)
    if kind == "a_day":
        return _resolve_day(g, ref)
    if kind == "a_wd":
        return _resolve_weekday(g, ref)
    return None


def _req(s: str | None) -> str:
    """A group that the matched alternative always sets."""
    assert s is not None
    return s


def _resolve_numeric(g: _Groups) -> _Resolved | None:
    """09/05/2024, 2024-05-09."""
    if g["nd"]:
        y, m, d = _req(g["ny"]), _req(g["nm"]), _req(g["nd"])
    else:
        y, m, d = _req(g["iy"]), _req(g["im"]), _req(g["id"])
    value = _iso_day(int(y), int(m), int(d))
    return (value, "day", False, False) if value else None


def _resolve_month(g: _Groups, ref: dt.date | None) -> _Resolved | None:
    """[qualifier] [weekday] [day] [شهر] month [/ month] [year] [relative]."""
    m1 = " ".join(_req(g["m1"]).split())
    month = _MONTHS[m1]
    m2 = g["m2"]
    if m2 and _MONTHS[" ".join(m2.split())] != month:
        return None
    day_s, oday = g["day"], g["oday"]
    day: int | None = int(day_s) if day_s else (_ORD_DAYS[" ".join(oday.split())] if oday else None)
    y = g["y"]
    cue = bool(day or y or g["shahr"] or m2 or g["q"] or g["rel"] or g["lead"])
    if m1 in _AMBIGUOUS_MONTHS and not cue:
        return None  # مارس (he practised), آب, نيسان... need a date cue
    if day is not None and not 1 <= day <= 31:
        return None
    approx = bool(g["q"])
    if y:
        year, relative = int(y.rstrip("م")), False
    elif ref is None:
        return "", "day" if day else "month", True, approx
    else:
        relative, year = True, ref.year
        direction = _direction(g["rel"])
        if direction > 0 and month <= ref.month:
            year += 1
        elif direction < 0 and month >= ref.month:
            year -= 1
    if day and not approx:
        value = _iso_day(year, month, day)
        return (value, "day", relative, False) if value else None
    return f"{year:04d}-{month:02d}", "month", relative, approx


_GRANULARITY = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}


def _resolve_duration(g: _Groups, ref: dt.date | None) -> _Resolved | None:
    """بعد سبعة أشهر / منذ عامين / قبل خمسة أيام [من]."""
    du = _req(g["du"])
    unit, dual_n = _DUR_UNITS[du]
    dn = g["dn"]
    n: float | int | None = dual_n or (parse_cardinal(dn) if dn else None)
    if n is None:
        if du in _ONE_UNITS:
            n = 1  # منذ عام، بعد شهر
        else:
            return None  # منذ أيام، بعد أشهر: vague
    approx = bool(g["dq"])
    gran = _GRANULARITY[unit]
    if g["dfrom"] or ref is None:  # "قبل خمسة أيام من الحرب": anchored on an event
        return "", gran, not g["dfrom"], approx
    value, gran = _shift(ref, unit, _DIRS[_req(g["dir"])] * n)
    return value, gran, True, approx


def _resolve_period(g: _Groups, ref: dt.date | None) -> _Resolved | None:
    """هذا العام / العام الماضي / مطلع الشهر المقبل."""
    pw1 = g["pw1"]
    unit = _PERIODS[pw1 or _req(g["pw2"])]
    approx = bool(g["q4"])
    if ref is None:
        return "", unit, True, approx
    step = 0 if pw1 else _direction(g["prel"])
    if unit == "week":
        year, week, _ = (ref + dt.timedelta(days=7 * step)).isocalendar()
        return f"{year}-W{week:02d}", "week", True, approx
    value, gran = _shift(ref, unit, step)
    return value, gran, True, approx


def _resolve_day(g: _Groups, ref: dt.date | None) -> _Resolved | None:
    """أول أمس / بعد غد / أمس [الخميس] / اليوم [الجمعة] / غدا."""
    if ref is None:
        return "", "day", True, False
    if g["dby"]:
        day = ref - dt.timedelta(days=2)
    elif g["dat"]:
        day = ref + dt.timedelta(days=2)
    elif g["yd"]:
        ywd = g["ywd"]
        day = _weekday_before(ref, _WEEKDAYS[ywd], True) if ywd else ref - dt.timedelta(days=1)
    elif g["td"]:
        day = ref
    else:
        tmwd = g["tmwd"]
        day = _weekday_after(ref, _WEEKDAYS[tmwd]) if tmwd else ref + dt.timedelta(days=1)
    return day.isoformat(), "day", True, False


def _resolve_weekday(g: _Groups, ref: dt.date | None) -> _Resolved | None:
    """[يوم] الخميس [الماضي]."""
    wd2 = _req(g["wd2"])
    if wd2 in _WD_NEED_CUE and not (g["wcue"] or g["wrel"]):
        return None  # الاثنين / الأحد alone are also "the two" / "the one"
    if ref is None:
        return "", "day", True, False
    wd, direction = _WEEKDAYS[wd2], _direction(g["wrel"])
    day = _weekday_after(ref, wd) if direction > 0 else _weekday_before(ref, wd, direction < 0)
    return day.isoformat(), "day", True, False


def _prefix_before(spaced: str, ps: int) -> int | None:
    """Start of the prefix word ("هذا", "في", "يوم", "منتصف"...) that ends one space before ``ps``, or None."""
    if spaced[ps - 1] != " ":
        return None
    j = spaced.rfind(" ", 0, ps - 1) + 1
    return j if spaced[j:ps - 1] in _PREFIX_WORDS else None


def _candidates(sc: Scan) -> list[int]:
    """Scan offsets (of the separator before a word) where a date expression may begin."""
    scan, spaced = sc.scan, sc.spaced
    starts = [(ps, True) for ps, _, key in words(sc) if key in _STARTERS]
    for s, ps, digits in digit_runs(sc):
        # a day (1-2 digits) or a numeric date may start here; a bare year only after a cue word
        own = len(digits) <= 2 or (s + len(digits) < len(scan) and scan[s + len(digits)] in "/-.")
        starts.append((ps, own))
    out = set()
    for ps, own in starts:
        if own:
            out.add(ps - 1)
        at: int | None = ps
        for _ in range(2):  # step back over "هذا", "في", "يوم", "منتصف"... one space before
            at = _prefix_before(spaced, ps)
            if at is None:
                break
            ps = at
            out.add(ps - 1)
    return sorted(out)


def find_dates(text: str, ref: dt.date | None = None) -> list[DateSpan]:
    """Find date expressions in raw ``text``, resolving relative ones against ``ref`` (value "" without it)."""
    sc = prepare(text)
    scan = sc.scan
    out: list[DateSpan] = []
    last_end = -1
    for pos in _candidates(sc):
        if pos < last_end:
            continue
        m = _DATE_RE.match(scan, pos)
        if m is None:
            continue
        g = _Groups(m)
        kind = g.kind
        if kind == "a_day" and g["tm"] == "غدا" and not g["tmwd"] \
                and sc.raw_end(m.end("tm")) - sc.raw(m.start("tm")) == 3:
            continue  # bare غدا without tanwin is usually the verb "became"
        if kind == "a_mon" and not (g["day"] or g["y"]):
            lead = prev_word(sc.spaced, m.start("m1"))
            g["lead"] = lead[0] if lead and lead[0] in _PREFIX_WORDS else None
        res = _resolve(g, ref)
        if res is None:
            continue
        last_end = m.end()
        value, gran, relative, approx = res
        s = m.start("y5") if kind == "a_bare" else m.start(kind)
        y3 = g["y3"] if kind == "a_year" else None
        end = m.end("y2") if y3 else m.end()
        rs, re_ = sc.raw(s), sc.raw_end(end)
        out.append(DateSpan(rs, re_, text[rs:re_], value, gran, relative, approx))
        if y3:
            rs, re_ = sc.raw(m.start("y3")), sc.raw_end(m.end("y3"))
            out.append(DateSpan(rs, re_, text[rs:re_], y3.rstrip("م"), "year", False, False))
    return out


class _Groups:
    """Dict-like read access to a match's named groups (cheaper than ``groupdict`` for a few lookups)."""

    __slots__ = ("_m", "_extra", "kind")

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m
        self._extra: dict[str, str | None] = {"lead": None}
        self.kind: str = m.lastgroup or ""  # the alternative's wrapper group: a_num, a_mon, a_year...

    def __getitem__(self, name: str) -> str | None:
        if name in self._extra:
            return self._extra[name]
        return self._m.group(name)

    def __setitem__(self, name: str, value: str | None) -> None:
        self._extra[name] = value


def find_dateline(text: str) -> dt.date | None:
    """The article's date from a weekday dateline near the top ("الخميس - 09 مايو 2024"), or None.

    Falls back to a full day-month-year date standing alone on one of the first lines.
    """
    head = text[:400]
    for span in find_dates(head):
        if span.granularity != "day" or span.relative or not span.value:
            continue
        line_start = head.rfind("\n", 0, span.start) + 1
        line_end = head.find("\n", span.end)
        line = head[line_start:line_end if line_end >= 0 else len(head)]
        has_weekday = any(fold_key(w) in fold_key(span.text) for w in _WEEKDAYS)
        if has_weekday or not line.replace(span.text, "").strip(" -–—|،,:"):
            return dt.date.fromisoformat(span.value)
    return None
