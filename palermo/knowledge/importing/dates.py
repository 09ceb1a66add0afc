"""Dates as exported files really write them, read only after the ISO form has failed.

`YYYY`, `YYYY-MM` and `YYYY-MM-DD` are read by `parse_partial_date`, fast; this module is the
slow path for everything else a spreadsheet, pandas, a scraper or another database writes:
date-times with a space and a zone, `2016/05/12`, `12 May 2016`, `May 12, 2016`,
`12 mai 2016`, `12 de mayo de 2016`, `12 мая 2016 г.`, `2016年5月12日`, `12/05/2016` when only
one reading is possible. The precision written is kept: `May 2016` is a month.
A date that could be two dates (`05/12/2016`) is refused, naming both.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from palermo.knowledge.models import DatePrecision, parse_partial_date
from palermo.reference.folding import fold

YEAR, MONTH, DAY = DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY
DateAndPrecision = tuple[datetime.date, str]

# Month names in English, French, Spanish, Russian (both cases) and Arabic (both the
# Egyptian/Gulf and the Levantine names), with common abbreviations; folded like the input.
_MONTH_NAMES = [
    "january jan janvier janv enero ene январь января янв يناير كانون الثاني",
    "february feb febr fevrier fevr fev febrero февраль февраля фев февр فبراير شباط",
    "march mar mars marzo март марта مارس آذار",
    "april apr avril avr abril abr апрель апреля апр أبريل ابريل نيسان",
    "may mai mayo май мая مايو أيار",
    "june jun juin junio июнь июня يونيو حزيران",
    "july jul juil juillet julio июль июля يوليو تموز",
    "august aug aout agosto ago август августа авг أغسطس آب",
    "september sep sept septembre septiembre setiembre set сентябрь сентября сен сент سبتمبر أيلول",
    "october oct octobre octubre октябрь октября окт أكتوبر تشرين الأول",
    "november nov novembre noviembre ноябрь ноября ноя нояб نوفمبر تشرين الثاني",
    "december dec decembre diciembre dic декабрь декабря дек ديسمبر كانون الأول",
]
# Arabic names of two words, joined so the words of the date can be read one by one.
_PHRASES = {
    fold("كانون الثاني"): "kanun2",
    fold("كانون الأول"): "kanun1",
    fold("تشرين الأول"): "tishrin1",
    fold("تشرين الثاني"): "tishrin2",
}
_MONTHS: dict[str, int] = {"kanun2": 1, "tishrin1": 10, "tishrin2": 11, "kanun1": 12}
for _number, _names in enumerate(_MONTH_NAMES, start=1):
    for _name in _names.split():
        if _name not in ("كانون", "تشرين", "الثاني", "الأول"):
            _MONTHS.setdefault(fold(_name), _number)
# Words that may stand around a date's parts: "12 de mayo de 2016", "12 мая 2016 г.",
# "Thursday, 12 May 2016", "the 12th of May".
_FILLER_WORDS = (
    "de del of the le el la on г год года "
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miercoles jueves viernes sabado domingo"
)
_FILLER = {fold(word) for word in _FILLER_WORDS.split()}
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er|re|e|o|a)")
# A time of day after the date, with an optional zone: " 00:00:00", "T10:30:00.000+02:00".
_TIME = re.compile(
    r"[T\s,]+\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$"
)
_YEAR_AS_FLOAT = re.compile(r"(\d{4})\.0+")  # pandas writes a year column with gaps as floats
_YEAR_FIRST = re.compile(r"(\d{4})([/.\-])(\d{1,2})(?:\2(\d{1,2}))?")
_YEAR_LAST = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.\-](\d{4})")
_CJK = re.compile(r"(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?")
_DAY_MS = 86_400_000


def loose_date(text: str) -> DateAndPrecision | None:
    """The date `text` stands for and its precision, or None if it is not a form read here.

    Raises ValidationError, with a message saying what to write, for a date read here that
    is impossible or could be two dates.
    """
    text = text.strip()
    stripped = _TIME.sub("", text)
    if stripped != text:
        try:
            return parse_partial_date(stripped)
        except ValidationError:
            text = stripped
    for reader in (_numbers_only, _with_separators, _cjk, _with_month_name):
        found = reader(text)
        if found is not None:
            return found
    return None


def _date(year: int, month: int, day: int, precision: str, text: str) -> DateAndPrecision:
    try:
        return datetime.date(year, month, day), precision
    except ValueError:
        raise ValidationError(
            _("“%(text)s” is not a real date."), params={"text": text[:40]}
        ) from None


def _numbers_only(text: str) -> DateAndPrecision | None:
    """`2016.0` (a year), `20160512`, and milliseconds since 1970 (pandas' to_json)."""
    year = _YEAR_AS_FLOAT.fullmatch(text)
    if year is not None:
        return _date(int(year.group(1)), 1, 1, YEAR, text)
    if not text.isdigit():
        return None
    if len(text) == 8:
        return _date(int(text[:4]), int(text[4:6]), int(text[6:]), DAY, text)
    if len(text) == 5:
        raise ValidationError(
            _(
                "“%(value)s” looks like a spreadsheet's date number: format the column as a "
                "date written YYYY-MM-DD before saving"
            ),
            params={"value": text},
        )
    if len(text) in (12, 13):
        # Only a whole day in UTC is a date; any other moment's day depends on a zone.
        if int(text) % _DAY_MS:
            raise ValidationError(
                _("“%(value)s” is a moment in time, not a date: write the date as YYYY-MM-DD"),
                params={"value": text},
            )
        return datetime.date(1970, 1, 1) + datetime.timedelta(days=int(text) // _DAY_MS), DAY
    return None


def _with_separators(text: str) -> DateAndPrecision | None:
    """`2016/05/12`, `2016.05`, `05/2016`, and `12/05/2016` when only one reading is possible."""
    match = _YEAR_FIRST.fullmatch(text)
    if match is not None:
        year, _sep, month, day = match.groups()
        if day is None:
            return _date(int(year), int(month), 1, MONTH, text)
        return _date(int(year), int(month), int(day), DAY, text)
    match = _MONTH_YEAR.fullmatch(text)
    if match is not None:
        return _date(int(match.group(2)), int(match.group(1)), 1, MONTH, text)
    match = _YEAR_LAST.fullmatch(text)
    if match is None:
        return None
    first, _sep, second, year = match.groups()
    if len(year) == 2:
        raise _two_digit_year(text)
    return _day_and_month(int(first), int(second), int(year), text)


def _day_and_month(first: int, second: int, year: int, text: str) -> DateAndPrecision:
    """`first/second/year`: day first (most of the world) or month first (the United States);
    refused when both readings are real, different dates."""
    if first == second or first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    elif first <= 12 and second <= 12:
        raise ValidationError(
            _("“%(value)s” could be %(first)s or %(second)s: write the date as YYYY-MM-DD"),
            params={
                "value": text[:40],
                "first": _date(year, second, first, DAY, text)[0].isoformat(),
                "second": _date(year, first, second, DAY, text)[0].isoformat(),
            },
        )
    else:
        day, month = first, second  # both above 12: no real date, which _date says
    return _date(year, month, day, DAY, text)


def _two_digit_year(text: str) -> ValidationError:
    return ValidationError(
        _("“%(value)s” has a two-digit year: write the date as YYYY-MM-DD"),
        params={"value": text[:40]},
    )


def _cjk(text: str) -> DateAndPrecision | None:
    """`2016年5月12日`, `2016年5月`, `2016年`."""
    match = _CJK.fullmatch(text)
    if match is None:
        return None
    year, month, day = match.groups()
    if month is None:
        return _date(int(year), 1, 1, YEAR, text)
    if day is None:
        return _date(int(year), int(month), 1, MONTH, text)
    return _date(int(year), int(month), int(day), DAY, text)


def _with_month_name(text: str) -> DateAndPrecision | None:
    """`12 May 2016`, `May 12, 2016`, `12-MAY-2016`, `May 2016`, `1er mai 2016`,
    `12 de mayo de 2016`, `12 мая 2016 г.`, `12 مايو 2016`."""
    folded = fold(text)
    for phrase, token in _PHRASES.items():
        folded = folded.replace(phrase, token)
    month, numbers = None, []
    for word in folded.split():
        if word in _FILLER:
            continue
        if word in _MONTHS and month is None:
            month = _MONTHS[word]
            continue
        ordinal = _ORDINAL.fullmatch(word)
        if word.isdigit() or ordinal is not None:
            numbers.append(ordinal.group(1) if ordinal is not None else word)
            continue
        return None
    if month is None or not 1 <= len(numbers) <= 2:
        return None
    years = [n for n in numbers if len(n) == 4]
    if len(years) != 1:
        if len(numbers) == 2 and all(len(n) <= 2 for n in numbers):
            raise _two_digit_year(text)  # "12-MAY-16"; "16th of May" has no year at all
        return None
    days = [n for n in numbers if len(n) != 4]
    if not days:
        return _date(int(years[0]), month, 1, MONTH, text)
    return _date(int(years[0]), month, int(days[0]), DAY, text)
