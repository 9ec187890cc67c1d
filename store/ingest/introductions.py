"""Introductions: a full name seen in a sentence with what the sentence says about the person.

A name is recognised by a title or role around it (`roles.py`), as a spouse, or by its shape
alone (`names.py`: a Korean or Vietnamese name); guards keep places and bodies out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.names import (
    from_family_name,
    has_family_name,
    is_place,
    looks_like_a_name,
    name_runs,
    side_of_name,
    vietnamese_shape,
)
from store.ingest.roles import (
    nearest_title,
    open_role_after,
    open_role_before,
    side_of_role,
    side_of_title,
    title_after,
    title_text,
    title_words,
)
from store.lexicon import titles


@dataclass(frozen=True)
class Introduction:
    """A full name seen in a sentence with what the sentence says about the person."""

    name: str
    start: int
    end: int
    role: str | None
    side: str | None
    spouse_of: str | None = None


_SPOUSE_AFTER = re.compile(
    r"^,\s+(?:the\s+)?(?:spouse|wife|husband)\s+of\s+(?P<partner>[^,;.]{2,80})[,;.]"
)
_SPOUSE_BEFORE = re.compile(r"\b(?:(?:his|her)\s+(?:spouse|wife|husband)|First Lady)\s+$")
# "President Yoon and his wife …": the partner named just before, by title and short name
_PARTNER_BEFORE = re.compile(
    r"((?:[A-Z][\w.’'-]{0,30}\s+){1,4})(?:and|with)\s+(?:his|her|the)?\s*(?:spouse|wife|husband|First Lady)\s+$"
)
_PLACE_OF = re.compile(
    r"\b(?:city|town|province|village|district|commune|county|island|capital|port|region)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# What a person does right after their name: evidence for a two-word name ("Tuan Hai scored").
_PERSONAL_VERB = re.compile(
    r"^\s*(?:\([^)]{0,30}\)\s*)?(?:said|says|told|noted|added|stressed|affirmed|emphasi[sz]ed|"
    r"highlighted|explained|scored|recalled|wrote|thanked|congratulated|spoke|met|visited|joined|"
    r"received|welcomed|chaired|presented|urged|asked|proposed|pledged|promised|signed)\b"
)


def _without_leading_role(run: str) -> str:
    """'Coach Philippe Troussier' -> 'Philippe Troussier': a role noun opening the run is its
    title, left before the name for the role readers."""
    words = run.split(" ")
    while len(words) > 2 and words[0].lower() in title_words():
        words.pop(0)
    return " ".join(words)


def introductions(sentence: str) -> list[Introduction]:
    """Names this sentence introduces: with a title or role, as a spouse, or by their shape."""
    found: list[Introduction] = []
    for run_start, end, run in name_runs(sentence):
        name = _without_leading_role(from_family_name(run))
        start = run_start + run.index(name)
        after_text = sentence[end : end + 200]
        prefix = sentence[max(0, start - 160) : start]
        place_of = prefix.endswith(("of ", "of the ")) and _PLACE_OF.search(prefix[-40:])
        if is_place(name, after_text) or name.isupper() or place_of:
            continue  # "DA LAT, Vietnam, Dec. 21 (Yonhap)", "the town of Da Lat": places
        intro = _introduction(sentence, name, start, end, prefix, after_text, found)
        if intro is not None:
            found.append(intro)
    return found


def _introduction(
    sentence: str,
    name: str,
    start: int,
    end: int,
    prefix: str,
    after_text: str,
    found: list[Introduction],
) -> Introduction | None:
    two_plain_words = len(name.split()) == 2 and not has_family_name(name)
    after = title_after().match(after_text)
    before = nearest_title(prefix)
    if before is None and prefix.endswith(", ") and after_text.startswith(","):
        before = nearest_title(prefix[:-2])  # "Vietnam's Ambassador to the RoK, Vu Ho, said"
    honorific = bool(before and before["title"] in titles()["honorifics"])
    if honorific and after:
        before = None  # "Dr. Kim, Director of …": the appositive says more than "Dr."
    if before and not (two_plain_words and (honorific or before["prep"])):
        side = side_of_title(before) or side_of_name(name)
        role = title_text(before)
        wider = open_role_before(prefix)  # "Hallyu Robotics CEO": the words before the title too
        if wider and wider.endswith(role) and len(wider) > len(role):
            role = wider
        return Introduction(name, start, end, role, side)
    if after and (honorific or _starts_clause(sentence, start)):
        role = after["role"].strip()
        if after["owner"]:
            role = f"{role} of {after['owner'].strip()[:-2]}"  # "Vice Mayor … of Seoul"
        return Introduction(name, start, end, role, side_of_role(role) or side_of_name(name))
    if (match := _SPOUSE_AFTER.match(after_text)) and _starts_clause(sentence, start):
        partner = match["partner"].strip()
        return Introduction(
            name, start, end, f"spouse of {partner}", side_of_name(name), spouse_of=partner
        )
    if _SPOUSE_BEFORE.search(prefix):
        named_before = _PARTNER_BEFORE.search(prefix)
        partner_name = (
            found[-1].name if found else named_before.group(1).strip() if named_before else None
        )
        side = found[-1].side if found else side_of_name(name)
        role = f"spouse of {partner_name}" if partner_name else "spouse"
        return Introduction(name, start, end, role, side, spouse_of=partner_name)
    open_role = open_role_before(prefix) or open_role_after(after_text) or _role_by(prefix)
    if open_role:
        return Introduction(
            name, start, end, open_role, side_of_role(open_role) or side_of_name(name)
        )
    if looks_like_a_name(name) or (
        (vietnamese_shape(name.split()) or not two_plain_words) and _PERSONAL_VERB.match(after_text)
    ):
        return Introduction(name, start, end, None, side_of_name(name))
    return None


_BY = re.compile(
    r"(?P<whom>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)(?:['’]s\s+[\w-]+(?:\s+[\w-]+)?)?,?\s+"
    r"(?P<verb>coached|managed|captained|chaired|headed|led)\s+by\s+$"
)
_BY_ROLE = {"coached": "coach", "managed": "manager", "captained": "captain", "chaired": "chair"}


def _role_by(prefix: str) -> str | None:
    """'Korea, coached by Lee Min-sung': the coach of Korea."""
    if not prefix.endswith("by "):
        return None
    match = _BY.search(prefix[-120:])
    if not match or match["verb"] not in _BY_ROLE:
        return None
    return f"{_BY_ROLE[match['verb']]} of {match['whom'].strip()}"


def _starts_clause(sentence: str, start: int) -> bool:
    """A name that opens a clause ("Receiving Jun Young-hyun, Vice Chairman of …" counts too)."""
    before = sentence[:start].rstrip()
    return (
        not before or before.endswith((",", ";", "and", ":", "–", "-")) or len(before.split()) == 1
    )
