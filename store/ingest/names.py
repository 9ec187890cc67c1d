"""Names by their shape: runs of capitalised words, Korean and Vietnamese syllables, place guards.

Nothing here needs a list to know a name: a Korean given name has the shape `Won-shik`, a
Vietnamese name is two to four syllables. The family-name lists of `parties.json` only add
confidence (a two-word run needs one) and say which side a bare name is from.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from store.lexicon import country_gazetteer, parties, parties_named, titles
from store.textutil import fold as _fold

# Names and their words repeat across a corpus: folding each once keeps extraction cheap.
fold = lru_cache(maxsize=200_000)(_fold)

# A capitalised word, with hyphenated parts ("Won-shik"); at most 30 letters, so a crafted
# 50,000-letter token never becomes a name and costs nothing to skip.
TOKEN = r"[A-ZÀ-ỸĐ][^\W\d_]{0,29}(?:-[^\W\d_]{1,20}){0,3}(?![^\W\d_])"
_RUN = re.compile(rf"{TOKEN}(?: {TOKEN})*")
_VN_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
_KR_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|sh|[gkndtrlmbpsjhyw])?"
    r"(?:yeo|yae|wae|you|ae|eo|eu|ui|oe|wa|wo|we|wi|ya|ye|yo|yu|oo|ou|ee|a|e|i|o|u)(?:ng|[kntlmpgb])?"
)
# Words that make a run a place or a body, not a person: "Nguyen Hue Street", "Ha Long Bay".
_PLACE_WORDS = (
    "province|city|district|commune|ward|town|township|village|county|island|islands|"
    "street|road|avenue|bridge|airport|port|park|river|lake|bay|mountain|pass|hall|hotel|"
    "stadium|pagoda|temple|market|square|campus|plant|factory|zone|area|region|"
    "company|corporation|group|university|school|hospital|club|team|festival|committee|"
    "commission|ministry|department|agency|association|council|institute|center|centre|office|"
    "bureau|board|fund|bank|foundation|federation|union|party|forum|relations|affairs"
)
_PLACE_AFTER = re.compile(rf"^[\s-]+(?:{_PLACE_WORDS})\b", re.IGNORECASE)
_PLACE_LAST = re.compile(rf"(?:{_PLACE_WORDS})s?", re.IGNORECASE)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(titles()["name_stopwords"])


@cache
def family_names() -> dict[str, set[str]]:
    """Folded family name -> the parties it is common in."""
    found: dict[str, set[str]] = {}
    for party in parties():
        for surname in party.surnames:
            found.setdefault(fold(surname), set()).add(party.key)
    return found


@cache
def _places() -> frozenset[str]:
    names = {fold(c) for p in parties() for c in (*p.cities, *p.aliases)}
    return frozenset(n.lower() for n in names)


@lru_cache(maxsize=100_000)
def is_vietnamese_syllable(word: str) -> bool:
    return _VN_SYLLABLE.fullmatch(fold(word).lower()) is not None


@lru_cache(maxsize=100_000)
def is_korean_syllables(word: str) -> bool:
    """'Won', 'Shik', 'Won-shik', 'Jaemyung': one or more romanised Korean syllables."""
    return all(
        re.fullmatch(rf"(?:{_KR_SYLLABLE.pattern}){{1,3}}", part)
        for part in fold(word).lower().split("-")
    )


def korean_shape(tokens: list[str]) -> bool:
    """'Kim Sang-sik', 'Woo Won-shik': a short family name and a hyphenated given name.

    Family names spelt outside the syllable pattern ("Park", "Ahn") count when the lexicon knows them.
    """
    return (
        len(tokens) == 2
        and len(tokens[0]) <= 5
        and "-" not in tokens[0]
        and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", tokens[1]) is not None
        and (is_korean_syllables(tokens[0]) or "kr" in family_names().get(fold(tokens[0]), ()))
        and is_korean_syllables(tokens[1])
    )


def vietnamese_shape(tokens: list[str]) -> bool:
    """Two to four Vietnamese syllables ("Nguyễn Văn Thắng", "Tuan Hai")."""
    return 2 <= len(tokens) <= 4 and all("-" not in t and is_vietnamese_syllable(t) for t in tokens)


def side_of_name(name: str) -> str | None:
    """The party a name's shape or family name points to, when only one fits."""
    tokens = name.split()
    if not tokens:
        return None
    if korean_shape(tokens) or (
        len(tokens) == 3
        and all(is_korean_syllables(t) for t in tokens)
        and not vietnamese_shape(tokens)
    ):
        return "kr" if "kr" in family_names().get(fold(tokens[0]), {"kr"}) else None
    sides = family_names().get(fold(tokens[0]), set())
    if not fold(name).isascii() or name != fold(name):
        return "vn" if "vn" in sides or vietnamese_shape(tokens) else None  # diacritics
    if len(sides) == 1:
        return next(iter(sides))
    if vietnamese_shape(tokens) and "vn" in sides:
        return "vn"
    return None


def has_family_name(name: str) -> bool:
    return any(fold(token) in family_names() for token in name.split())


def looks_like_a_name(name: str) -> bool:
    """A name by its shape alone, without a title: a Korean name, or a Vietnamese one of three or
    four syllables starting with a family name, or three Korean syllable words after one."""
    tokens = name.split()
    if fold(name).lower() in _places():
        return False
    if korean_shape(tokens):
        return True
    first = family_names().get(fold(tokens[0]), set()) if tokens else set()
    if 3 <= len(tokens) <= 4 and vietnamese_shape(tokens) and "vn" in first:
        return True
    return len(tokens) == 3 and "kr" in first and all(is_korean_syllables(t) for t in tokens)


def is_place(name: str, after: str) -> bool:
    """A run that names a place or a body: a known city, or followed by "province", "Street"…"""
    return (
        fold(name).lower() in _places()
        or _PLACE_AFTER.match(after) is not None
        or _PLACE_LAST.fullmatch(name.rsplit(" ", 1)[-1]) is not None
    )


def name_runs(sentence: str) -> list[tuple[int, int, str]]:
    """Runs of two to four capitalised words that can be a person's name."""
    runs = []
    for match in _RUN.finditer(sentence):
        offset = match.start()
        current: list[tuple[int, str]] = []
        position = offset
        for token in [*match.group(0).split(" "), ""]:
            if token and (token not in stopwords() or _family_name_inside(token, current)):
                current.append((position, token))
            else:
                if 2 <= len(current) <= 4:
                    start = current[0][0]
                    text = " ".join(t for _, t in current)
                    runs.append((start, start + len(text), text))
                current = []
            position += len(token) + 1
    return runs


def _family_name_inside(token: str, current: list[tuple[int, str]]) -> bool:
    # "To", "Ho", "An" are words or titles elsewhere but family or given names inside a name:
    # "To Lam", "Bui Thanh An".
    # "Ton That Khiem", "Nguyen The Anh": a syllable that is a stop word elsewhere.
    return len(current) <= 2 and (
        fold(token) in family_names()
        or (
            bool(current)
            and is_vietnamese_syllable(token)
            and all(is_vietnamese_syllable(t) for _, t in current)
        )
    )


def from_family_name(name: str) -> str:
    """Drop words before the family name: "Investment Do Thanh Binh" after "Minister of Planning and"."""
    tokens = name.split()
    surnames = [i for i, token in enumerate(tokens) if fold(token) in family_names()]
    if surnames and surnames[0] > 0 and len(tokens) - surnames[0] >= 2:
        tokens = tokens[surnames[0] :]
    return " ".join(tokens)


def party_of_place(place: str) -> str | None:
    """The party a place belongs to: named in the lexicon, or by the shape of its name
    ("Gyeongsangbuk-do", "Pohang" are Korean; "Thái Bình", "Bac Giang" Vietnamese)."""
    named = parties_named(place)
    if len(named) == 1:
        return next(iter(named))
    if named or country_gazetteer().longest(fold(place)):
        return None  # a third country, or both parties
    words = [w for w in place.split() if w.lower() not in ("province", "city", "island")]
    if not words:
        return None
    if re.search(r"-(?:do|si|gun|gu|eup|myeon)\b", place) or (
        all(is_korean_syllables(w) for w in words) and not vietnamese_shape([*words, "a"][:4])
    ):
        return "kr"
    if len(words) >= 2 and vietnamese_shape(words):
        return "vn"
    return None
