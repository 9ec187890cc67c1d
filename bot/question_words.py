"""The words of questions: which kind of answer a question asks for, and which of its words
only frame it (question words, restated kinds, the verbs a "what did X…" asks about), the
source a figure is asked of ("according to…") and the verb closing a how-many question."""

from __future__ import annotations

import re

from store.textutil import key

# Checked in order: the first that matches names the kind.
KINDS: tuple[tuple[str, str], ...] = (
    # "how many days did X spend…" asks for a span, not a count
    (
        "how_long",
        r"\bhow long\b|\bhow many (?:days|nights|weeks|months|hours)\b|\bduration\b",
    ),
    ("how_many", r"\bhow many\b|\bnumber of\b|\bhow big\b|\bhow large\b"),
    (
        "how_much",
        r"\bhow much\b|\bhow (?:fast|quickly)\b|\bwhat (?:is|was|were|are) the (?:value|amount|total|size|share|proportion|volume|target|figure|turnover|rate)\b|\bwhat (?:share|proportion)\b|\bpercent|\bwhat percentage\b",
    ),
    (
        "when",
        r"^when\b|\bwhen (?:did|was|were|is|will|do|does|are|has|had)\b|\b(?:what|which) (?:date|day|month|year|time)\b|\bsince when\b|\bwhat (?:is|was|were|are) the (?:dates?|day)\b",
    ),
    (
        "where",
        r"^where\b|\bwhere (?:did|was|were|is|will|do|does|are)\b|\b(?:which|what) (?:city|cities|province|provinces|place|places|country|venue|locality|localities)\b|\bin what (?:city|place|province)\b",
    ),
    (
        "outcomes",
        r"\bwhat (?:was|were|has been|have been) (?:agreed|signed|decided|achieved|announced|concluded|discussed|raised)\b|\boutcomes?\b|\bresults? of\b|\bwhat came out of\b",
    ),
    (
        "what_did",
        r"\bwhat (?:did|does|do|will|has|have|had|would)\b.+\b(?:promis|pledg|vow|commit|propos|suggest|ask|request|urg|agree|say|said|state|announc|sign|call|offer|plan|hope|stress|emphasi|affirm|want|seek|build|invest|provide|open|launch|tell|told|argu|contend|recommend|warn|insist)\w*",
    ),
    (
        "who",
        # "what happens to candidates who cheat…": "who" after a noun asks nothing
        r"^who\b|^(?!(?:what|why|how)\b).*\bwho(?:m|se)?\b|\bwhich (?:\w+ )?(?:official|minister|leader|person|people|officials|ministers|leaders|company|companies|firm|firms|organisation|organisations|agency|agencies)\b",
    ),
    (
        "yes_no",
        r"^(?:did|does|do|will|would|is|are|was|were|has|have|had|can|could|should|shall)\b",
    ),
    ("list", r"^(?:list|name|show|give)\b|^(?:what|which) (?:are|were)\b"),
)
QUESTION_WORDS = frozenset(
    [
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "how",
        "why",
        "many",
        "much",
        "long",
        "list",
        "name",
        "show",
        "give",
        "me",
        "tell",
        "please",
        "kind",
        "kinds",
        "type",
        "types",
        "there",
        "any",
        "anything",
        "something",
        # framing verbs: "what happens to…", "when does it take place", "what do they need"
        *[
            "happen",
            "happened",
            "happens",
            "take",
            "took",
            "get",
            "got",
            "make",
            "made",
            "need",
            "needs",
            "mean",
            "means",
            "know",
        ],
        *["thing", "things", "go", "went", "more", "most", "each", "other", "others"],
    ]
)
# Words too common in these articles to be what a question is about (they still help ranking).
GENERIC = frozenset(["country", "countries", "nation", "nations", "people", "year", "years"])
# Words restating what kind of answer is asked ("how much money", "on what date"): the kind
# carries them; as subject words they would demand the sentence repeat them.
KIND_WORDS = frozenset(
    [
        *["money", "amount", "number", "sum", "figure", "percentage", "percent", "fast", "quickly"],
        *["date", "dates", "day", "days", "time", "times"],
        *["outcome", "outcomes", "result", "results"],
        "edition",  # "which edition of the open was it?" asks for "the third"
    ]
)
# Verbs a "what did X…" asks through another's stems: what a city wants is what it hopes for.
ASKED_AS = {"want": "hope", "wants": "hope", "wanted": "hope"}
# Verbs that only frame an event ("where was the open held?", "when did it take place?"): where
# and when ask about the event, which an article may place without the verb ("took place at").
EVENT_FRAMES = frozenset(
    ["held", "hold", "holds", "holding", "staged", "organised", "organized", "occur", "occurred"]
)
FRAMED_KINDS = ("where", "when")
# Kinds whose verb is the relation asked about ("what did X promise"), not a subject word.
RELATIONS = ("what_did", "yes_no", "outcomes", "list")
ACTIONS = [
    "pledge",
    "propose",
    "ask",
    "agree",
    "sign",
    "say",
    "tell",
    "upgrade",
    "build",
    "invest",
    "visit",
    "meet",
    "lead",
    "open",
    "launch",
    "offer",
    "plan",
    "hope",
    "provide",
    "call",
    "discuss",
    "argue",
    "warn",
]


def kind_of(folded: str) -> str:
    for kind, pattern in KINDS:
        if re.search(pattern, folded):
            return kind
    return "search"


# "how many jobs will the plant create?": the verb closing an inverted how-many question
_CLOSING = re.compile(
    r"^how many (?:\w+ ){1,4}(?:will|would|did|do|does|can|could|should|has|have|had|may|might)"
    r"(?: \w+)+ (\w+)$"
)


_ACCORDING = re.compile(r"\baccording to ([^,;?!]+)", re.I)


def according_to(body: str) -> set[str]:
    """The words of whom a question asking for a figure cites ("how many firms operate here,
    according to Woo?"): whose figure is asked, when sources differ."""
    match = _ACCORDING.search(body)
    return set(key(match[1]).split()) if match else set()


def source_of(
    words: list[str], concepts: tuple[frozenset[str], ...], cited: set[str]
) -> tuple[int, ...]:
    """The concepts naming the cited source, but for a word that says what else is asked in
    other words ("Business" of "the Orvel Business Chamber" for "companies")."""
    named = [i for i, w in enumerate(words) if w in cited]
    rest = [c for i, c in enumerate(concepts) if i not in named]
    return tuple(i for i in named if not any(concepts[i] & c for c in rest))


def closing_verb(folded: str, kind: str) -> str | None:
    """The verb closing an inverted how-many question ("how many jobs will the plant create?"):
    how the subject comes by the count, which articles tell in their own verbs ("employ",
    "hire", "add"), so it ranks answers rather than deciding them."""
    if kind != "how_many":
        return None
    match = _CLOSING.search(folded)
    return match[1] if match else None
