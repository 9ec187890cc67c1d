"""Clean step: strip what scraping leaves (emoji, captions, image names, table debris, trailers)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from store.ingest.page_lines import (
    is_caption,
    is_interface,
    is_section_line,
    is_tail_heading,
    is_ticker,
    place_date,
    stamp_date,
    without_editor_notes,
)
from store.ingest.segment import split_sentences
from store.lexicon import cues, parties_named

_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_PIPES_ONLY = re.compile(r"^[\s|│┃¦]*$")
_IMAGE_NAME = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?)[\])]?\s*$", re.IGNORECASE)
_INLINE_IMAGE = re.compile(
    r"\s*[\[(]?[\w.-]{1,80}\.(?:jpe?g|png|gif|webp|bmp)[\])]?", re.IGNORECASE
)
_LEADING_BYLINE = re.compile(
    r"^By\s+(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})\s*(?:[|–—]|,\s|$)"
)
_OPENING_BYLINE = re.compile(r"^By\s+(?P<name>[A-Za-z][\w’' .-]{1,60})$")
_PHOTO_CREDIT = re.compile(
    r"(?:\(\s*(?:Photos?|Images?|Source|Photo credit)\s*:?[^()]{0,80}\)\s*$)"
    r"|(?:(?:^|[.!?\"”]\s*)(?:Photos?|Images?|Photo credit)\s*:\s*[^.!?]{1,80}\.?\s*$)"
    r"|(?:^(?:Illustrative photo|File photo)\b)",
    re.IGNORECASE,
)
_SOURCE_TRAILER = re.compile(
    r"^(?:Source|Nguồn)\s*:\s*(?P<agency>[^\n]{1,60}?)\.?\s*$", re.IGNORECASE
)
# A line that is only the article's address, or a "Source:" line carrying one (with or without
# the agency's name): kept as the document's link, never as text.
_LINK_LINE = re.compile(
    r"^(?:(?:Source|Nguồn|URL|Link|Read more|Originally published(?: at| on)?|Read the original)"
    r"\s*:?\s*(?P<agency>[^\n:<]{1,60}?)?\s*[-–—,(]?\s*)?<?(?P<url>https?://[^\s<>()]{4,2000})>?\)?\.?$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?P<city>[A-ZÀ-ỸĐ][\w.'’ -]{1,40}?)"
    r"(?:,\s*(?P<country>[A-ZÀ-ỸĐ][\w’'-]+(?: [A-ZÀ-ỸĐ][\w’'-]+)?))?"  # "QUY NHON, Vietnam —"
    r"(?:,\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?))?"
    r"(?:\s*\((?P<agency>[A-Za-z/ ]{2,20})\)\s*[-–—:]+|\s+[—–]{1,2})\s*"
)
_BYLINE = re.compile(r"^(?:By\s+)?(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})$")
_POSITION_MARKER = re.compile(
    r"\s*\((?:left|right|L|R|C|centre|center|front|(?:second|third) from (?:left|right))\)", re.I
)
_LABELLED_HEADLINE = re.compile(
    r"^(?:photos?|video|infographic|interview)\s*:\s*(?P<headline>(?:\S+\s+){5,}\S*[^\s.!?])$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass
class CleanDocument:
    title: str | None
    paragraphs: list[str]
    tail_start: int | None = None
    agency: str | None = None
    author: str | None = None
    dateline: str | None = None
    dated: str | None = None  # the dateline's date as written: "March 2, 2024"
    url: str | None = None  # the article's address, from a "Source:" or bare URL line
    published: date | None = None  # the page's date stamp, or a dateline date with its year
    captions: set[int] = field(default_factory=set)  # paragraphs that are photo captions
    removed: list[str] = field(default_factory=list)


_TYPOGRAPHIC = frozenset("°©®™№§¶†‡•℃")
_SUSPECT = re.compile(r"[^\x20-\x7e\n\t]")


@cache
def _keep(char: str) -> bool:
    code = ord(char)
    category = unicodedata.category(char)
    if char in _TYPOGRAPHIC:
        return True
    if category in ("So", "Cs", "Co", "Cn", "Cc") or char in "\u200d\ufe0e\ufe0f\u20e3":
        return False
    return code < 0x10000 or 0x20000 <= code <= 0x3FFFF


def strip_pictographs(text: str) -> str:
    """Remove emoji and stray symbols (So, private use, unassigned, rare-plane characters)."""
    return _SUSPECT.sub(lambda m: m.group(0) if _keep(m.group(0)) else "", text)


def clean_line(line: str) -> str:
    """One line without pictographs, markdown images, table pipes and doubled spaces."""
    line = _MARKDOWN_IMAGE.sub("", strip_pictographs(unicodedata.normalize("NFC", line)))
    line = _POSITION_MARKER.sub("", line.strip().strip("|│").strip())
    return _SPACES.sub(" ", line)


def is_noise(line: str) -> bool:
    """Whether a whole line is scraping debris: an image file name or a photo caption."""
    if _IMAGE_NAME.search(line) and len(line.split()) <= 4:
        return True
    return bool(_PHOTO_CREDIT.search(line))


def clean_document(text: str) -> CleanDocument:
    """Split a scraped article into a title, clean paragraphs and metadata."""
    doc = CleanDocument(title=None, paragraphs=[])
    end_markers = tuple(cues()["end_markers"])
    tail_headings = {h.lower() for h in cues()["tail_headings"]}
    tail_openers = tuple(f"{h.lower()} " for h in cues()["tail_heading_openers"])
    seen: set[str] = set()
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _PIPES_ONLY.match(raw):
            continue
        caption = is_caption(raw)
        line = without_editor_notes(clean_line(raw))
        if line and not is_noise(line):
            line = _INLINE_IMAGE.sub("", line).strip()  # "… in Seoul. [IMG_0925.jpg]"
        if line and (credited := _caption_before_credit(line)):
            # the caption stays, searchable; its credit goes. Several sentences before the
            # credit are the page's prose ending with its photographer, not a caption.
            line, caption = credited, caption or len(split_sentences(credited)) < 2
        if not line:
            continue
        if not doc.paragraphs and (labelled := _LABELLED_HEADLINE.match(line)):
            line = labelled["headline"]  # "PHOTOS: Hanbok and áo dài fill …": a headline
        if is_noise(line) or is_interface(line) or is_ticker(line):
            doc.removed.append(line)
            continue
        if doc.dateline is None and len(doc.paragraphs) < 3 and (placed := place_date(line)):
            # "Seoul, October 17, 2024" atop a speech: kept, citable, as where it was given
            doc.dateline, doc.dated = placed[0], doc.dated or placed[2]
            doc.published = doc.published or placed[1]
        elif len(doc.paragraphs) < 4 and _page_header(doc, line):
            doc.removed.append(line)
            continue
        if match := _LINK_LINE.match(line):
            doc.url = doc.url or match["url"].rstrip(".,;")
            agency = (match["agency"] or "").strip(" -–—,(")
            doc.agency = doc.agency or (agency if agency and "." not in agency else None)
            doc.removed.append(line)
            continue
        if match := _SOURCE_TRAILER.match(line):
            doc.agency = doc.agency or (match["agency"] or "").strip() or None
            doc.removed.append(line)
            continue
        if doc.paragraphs and is_tail_heading(line, tail_headings, tail_openers):
            doc.tail_start = doc.tail_start if doc.tail_start is not None else len(doc.paragraphs)
            doc.removed.append(line)
            continue
        ended = line.endswith(end_markers)
        for marker in end_markers:
            if line.endswith(marker):
                line = line.removesuffix(marker).rstrip() + "."
        if doc.dateline is None and len(doc.paragraphs) < 3 and (match := _dateline(line)):
            doc.dateline = match["city"].strip()
            doc.dated = match["date"] or doc.dated
            doc.agency = doc.agency or (match["agency"] or "").strip() or None
            line = line[match.end() :]
        if line in seen:
            continue
        seen.add(line)
        if caption:
            doc.captions.add(len(doc.paragraphs))
        doc.paragraphs.append(line)
        if ended and doc.tail_start is None:
            doc.tail_start = len(doc.paragraphs)
    _take_title(doc)
    _take_byline(doc)
    if doc.tail_start is not None and doc.tail_start >= len(doc.paragraphs):
        doc.tail_start = None
    return doc


def _dateline(line: str) -> re.Match[str] | None:
    """'HANOI, June 23 (VNA) -', 'Seoul – A delegation …'; not a headline 'Vietnam – RoK Business
    Forum: …' (a city and a dash alone open a sentence that ends, and its city is not one of a pair
    of parties)."""
    match = _DATELINE.match(line)
    if match is None:
        return None
    if match["country"] and not (match["city"].isupper() and parties_named(match["country"])):
        # a city with its country is a dateline in capitals ("SUWON, South Korea --"), never
        # two parties ("Vietnam, Korea – a new era")
        return None
    if match["agency"] or match["date"]:
        return match
    city = match["city"].split()
    rest = line[match.end() :]
    if not all(word[:1].isupper() for word in city) or rest.rstrip()[-1:] not in '.!?"”’)':
        return None
    return None if parties_named(rest.split(" ", 1)[0]) else match


def _caption_before_credit(line: str) -> str | None:
    """'To Lam (L) and Lee Jae Myung (Photo: VNA)' -> the caption without its credit, when the
    words before the credit say something (four words or more)."""
    match = _PHOTO_CREDIT.search(line)
    if not match or match.start() == 0:
        return None
    before = line[: match.start()].strip() + line[match.start()].strip(" (")  # its full stop
    return before if len(before.split()) >= 4 else None


def _page_header(doc: CleanDocument, line: str) -> bool:
    """A date-stamp or opening byline line: kept as metadata, not as a paragraph."""
    if doc.author is None and (match := _LEADING_BYLINE.match(line)):
        doc.author = match["name"]  # "By Scott Harris | Tuoitrenews | March 20, 2013"
    if doc.published is None and (stamp := stamp_date(line)):
        doc.published, written = stamp
        doc.dated = doc.dated or written
        return True
    if doc.author is None and (match := _OPENING_BYLINE.match(line)) and len(line.split()) <= 6:
        doc.author = match["name"].strip()
        return True
    return False


def _take_title(doc: CleanDocument) -> None:
    # section lines above a headline go (as the scraped page's furniture)
    above = 0
    while above < 2 and len(doc.paragraphs) > above + 2 and is_section_line(doc.paragraphs[above]):
        above += 1
    if above and not is_section_line(doc.paragraphs[above]):
        doc.removed.extend(doc.paragraphs[:above])
        del doc.paragraphs[:above]
        doc.captions = {i - above for i in doc.captions if i >= above}
        if doc.tail_start is not None:
            doc.tail_start = max(doc.tail_start - above, 0)
        if labelled := _LABELLED_HEADLINE.match(doc.paragraphs[0]):
            doc.paragraphs[0] = labelled["headline"]
    if len(doc.paragraphs) < 2:
        return
    first = doc.paragraphs[0]
    if first[-1] not in '.!?:;"”’)' and 3 <= len(first.split()) <= 30:
        doc.title = first
        doc.paragraphs.pop(0)
        doc.captions = {i - 1 for i in doc.captions if i > 0}
        if doc.tail_start is not None:
            doc.tail_start -= 1


def _take_byline(doc: CleanDocument) -> None:
    if len(doc.paragraphs) < 2:
        return
    last = doc.paragraphs[-1]
    if match := _BYLINE.match(last):
        doc.author = match["name"]
        doc.paragraphs.pop()
