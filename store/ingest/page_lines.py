"""Lines a scraped page carries around an article: its date stamp, buttons, notes and captions.

The date stamp ("Politics & Law | Thursday, November 20, 2025 - 21:14", "2025-11-22 10:41") is
the article's own date: relative dates ("on Friday", "last month") are resolved against it.
Interface lines (share and print buttons, font sizes), editors' notes ("(ATTN: …)") and tickers
are noise; photo captions are kept, searchable, but never feed facts.
"""

from __future__ import annotations

import re
from datetime import date

from store.lexicon import months

_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
_STAMPS = [
    # "Thursday, November 20, 2025", "November 20, 2025 - 21:14", "Nov. 22, 2025"
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>20\d\d)\b"),
    # "20 November 2025"
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>20\d\d)\b"),
    # "2025-11-22 10:41", "2025/11/22", "2025-11-19T08:30:00+07:00"
    re.compile(r"\b(?P<year>20\d\d)[-/.](?P<nmonth>\d{1,2})[-/.](?P<day>\d{1,2})(?:\b|(?=T\d))"),
    # "22/11/2025 10:41" (day first, as Vietnamese and Korean sites print it)
    re.compile(r"\b(?P<day>\d{1,2})/(?P<nmonth>\d{1,2})/(?P<year>20\d\d)\b"),
]
_ABBREVIATED_MONTH = re.compile(r"\b([A-Z][a-z]{2,3})\.(?=\s*\d)")
_STAMP_LINE = re.compile(r"^[^.!?]{0,80}$|^.{0,40}\d{1,2}:\d\d")
# A long page line that says it dates the page: "… Ministry of Home Affairs | Posted 05/05/2025".
_MARKED_STAMP = re.compile(
    r"(?:^|\|\s*)(?:Posted|Published|Updated|Last updated)\s*(?:on|:)?\s*\d", re.I
)
_INTERFACE = re.compile(
    r"^(?:(?:share|print|email|e-mail|tweet|facebook|twitter|zalo|linkedin|copy link|save|"
    r"comment|comments|like|font size|text size|listen|a-|a\+|a|\||·|•|/|-)\s*)+$",
    re.IGNORECASE,
)
# "[Print] [Email] [Facebook] [Font A- A+]", "[Like 212] [Share] [Tweet]": a row of buttons.
_BUTTONS = re.compile(r"^(?:\[[^\[\]]{1,30}\]\s*){2,}$")
# "« Prev 1 2 3 … 12 Next »", "[◀ Prev] 1 / 8 [Next ▶] Full screen": a pager.
_PAGER = re.compile(r"\bPrev(?:ious)?\b.{0,40}\bNext\b", re.IGNORECASE)
_EDITOR_NOTE = re.compile(
    r"\((?:ATTN|EDITOR['’]?S NOTE|EDS?|CORRECTS?|UPDATES?|ADDS)\b[^()]{0,200}\)", re.I
)
_TICKER = re.compile(r"^(?:[A-Z][A-Za-z&.-]{1,20}\s+)?[\d,.]+\s*\(?[+-−]\s*[\d.,]+%?\)?(?:\s|$)")
# One quote: a name of up to five words (an exchange code too), then numbers, changes, percents.
_QUOTE = re.compile(
    r"\(?(?:[A-Z][\w&./-]*:?\s+){1,5}\(?(?:[A-Z]{2,6}:\s*)?\d[\d,.]*(?:\.[A-Z]{2})?\)?"
    r"(?:\s*[+\-−]?\s*[\d.,]+\s*%?)*\)?"
)
_CAPTION_MARK = re.compile(
    r"\((?:L|R|C|left|right|centre|center|front|(?:second|third|fourth) from (?:left|right)|"
    r"[1-4](?:st|nd|rd|th),?\s+(?:from\s+)?(?:left|right|L|R))\)",
    re.IGNORECASE,
)
_CAPTION_END = re.compile(
    r"(?:[.!]\s*|\s)(?:[A-Z]{2,5}/)?[A-Z]{2,6}\s+(?:Photo|Image)s?\s*$|\bPhoto(?:s)?\s*$"
)


def stamp_date(line: str) -> tuple[date, str] | None:
    """The date of a page's stamp line, with the text it was read from."""
    marked = len(line) <= 200 and _MARKED_STAMP.search(line)
    # a month's abbreviation ends in a full stop that ends no sentence: "Posted: Nov. 21, 2025"
    unabridged = _ABBREVIATED_MONTH.sub(r"\1", line)
    if not marked and (not _STAMP_LINE.match(unabridged) or len(line) > 120):
        return None
    for pattern in _STAMPS:
        match = pattern.search(line)
        if not match:
            continue
        groups = match.groupdict()
        month = (
            int(groups["nmonth"])
            if groups.get("nmonth")
            else months().get(groups["month"].lower().rstrip("."))
        )
        try:
            return date(int(groups["year"]), month or 0, int(groups["day"])), match.group(0)
        except ValueError:
            continue
    return None


# "Seoul, October 17, 2024" alone on a line atop a speech or release: where and when it was given
_PLACE_DATE = re.compile(
    r"^(?P<place>[A-ZÀ-ỸĐ][\w.'’-]*(?: [A-ZÀ-ỸĐ][\w.'’-]*){0,3}),\s*(?P<date>[^,].{5,25}?)\.?$"
)
_WEEKDAY_OR_MONTH = re.compile(
    r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)


def place_date(line: str) -> tuple[str, date, str] | None:
    """The place and date of a line that is only those ("Seoul, October 17, 2024", "Hanoi, 14
    April 2021"): a weekday, a month or a byline is no place."""
    match = _PLACE_DATE.match(line)
    if match is None or match["place"].startswith("By ") or _WEEKDAY_OR_MONTH.match(match["place"]):
        return None
    stamp = stamp_date(match["date"])
    if stamp is None or stamp[1] != match["date"].rstrip("."):
        return None
    return match["place"], stamp[0], stamp[1]


def is_interface(line: str) -> bool:
    """Share and print buttons, font-size controls: words of the page, not of the article."""
    return len(line) <= 80 and (
        _INTERFACE.match(line) is not None
        or _PAGER.search(line) is not None
        or _BUTTONS.match(line) is not None
    )


def is_ticker(line: str) -> bool:
    """'KOSPI 2,531.66 (+0.8%)', 'Hana Micron 067310.KQ 0.84% | VN-Index 1,228.29 0.6%',
    '(Hyosung TNC KRX: 298020 2.4%)': market quotes, each a name and its numbers."""
    if "%" not in line or len(line) > 300:
        return False
    if len(line) <= 60 and _TICKER.match(line) is not None:
        return True
    return all(_QUOTE.fullmatch(part.strip()) for part in re.split(r"\s[|·]\s", line))


def without_editor_notes(line: str) -> str:
    """'(ATTN: ADDS quotes in paras 5-6)' is for editors, not readers."""
    return _EDITOR_NOTE.sub("", line).strip() if "(" in line else line


def is_caption(line: str) -> bool:
    """A photo caption: a position marker ("(L)", "(second from right)") or a closing photo credit."""
    return bool(_CAPTION_MARK.search(line)) or bool(_CAPTION_END.search(line))


# A page's section or breadcrumb line above its headline: "Home > News > External affairs",
# "POLITICS – LAWS", "PRESS RELEASE — Hà Nam …".
_CRUMB = re.compile(r"\s(?:>|›|»)\s")
_SECTION_SPLIT = re.compile(r"\s[—–-]\s")


def is_section_line(line: str) -> bool:
    """Whether a line names the page's section rather than saying anything: a breadcrumb, or a
    label in capitals, alone or before a dash ("POLITICS – LAWS", "PRESS RELEASE — …")."""
    if line[-1:] in ".!?:;" or len(line.split()) > 20:
        return False
    if ">" in line or "›" in line or "»" in line:
        return len(_CRUMB.split(line)) >= 2
    label = _SECTION_SPLIT.split(line, maxsplit=1)[0]
    letters = [c for c in label if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(label.split()) <= 4


def is_tail_heading(line: str, headings: set[str], openers: tuple[str, ...]) -> bool:
    """'Related news', 'MORE FROM OPINION', 'Tin cùng chuyên mục / Other news': the heading of
    the page's links to other articles (a heading in two languages names it in either)."""
    folded = line.rstrip(":").strip().lower()
    if len(folded.split()) > 8:
        return False
    parts = [folded, *(part.strip() for part in folded.split(" / "))]
    return any(part in headings or part.startswith(openers) for part in parts)
