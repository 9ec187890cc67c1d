"""Commitments as facts: one per commitment, however many sentences and documents report it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.committers import Paragraphs, named_committer, organisation_subject
from store.ingest.corpus_types import Sent
from store.ingest.figures import FigureMention
from store.ingest.people import Person
from store.ingest.topics import TopicMatcher
from store.ingest.visits import (
    Visit,
)
from store.lexicon import parties, parties_named
from store.textutil import key


@dataclass
class CommitmentFact:
    kind: str
    actor: str | None
    topics: list[str]
    sources: list[tuple[Sent, str, Visit | None]]  # sentence, kind, occasion
    figures: list[FigureMention]
    deadline: int | None


def commitment_facts(
    on_topic: list[Sent], people: dict[str, Person], topics: TopicMatcher, links: dict[int, Visit]
) -> list[CommitmentFact]:
    """One fact per commitment: the same target figure, or the same named project on the same
    occasion, reported by several sentences or documents is one commitment with all its sources."""
    facts: list[CommitmentFact] = []
    by_key: dict[tuple[object, ...], CommitmentFact] = {}
    names = _project_names(on_topic)
    paragraphs = Paragraphs(people)
    told: dict[int, list[tuple[set[str], CommitmentFact]]] = {}  # occasion -> what was said
    for sent in on_topic:
        if sent.heading:
            continue
        sentence_figures = [f for f in sent.figures if f.unit != "year"]
        for mention in sent.commitments:
            head = sent.text[: mention.cue_start]
            # "Official development assistance (ODA) … will rise": the subject says what of.
            found_topics = (
                topics.topics_in(mention.span)
                or topics.topics_in(re.split(r"[,;:]| that ", head)[-1])
                or ["general"]
            )
            actor = named_committer(sent, mention.cue_start, people) or mention.actor
            last = head.split()[-3:]  # "Hyosung Group plans", "Hyosung Group has pledged"
            named_body = actor in _PARTY_NAMES and any(w[:1].isupper() for w in last)
            body = organisation_subject(head) if named_body else None
            if (
                body
                and not parties_named(body)
                and not _AFTER_PREPOSITION.search(head[: head.rfind(body)])
            ):
                actor = body  # "South Korean conglomerate Hyosung Group plans": the company
            if actor is None:  # "He pledged", "The vice minister promised", "Hyosung plans"
                clause = re.split(r"[,;:]", head)[-1]
                actor = paragraphs.resolve(sent, clause) or organisation_subject(head)
            figures = [f for f in sentence_figures if mention.cue_start <= f.start < mention.end]
            deadline = next((f.deadline for f in reversed(figures) if f.deadline), None) or next(
                (
                    d.year
                    for d in sent.dates
                    if d.kind == "deadline" and mention.cue_start <= d.start < mention.end
                ),
                None,
            )
            occasion = links.get(sent.id)
            keys = _merge_keys(figures, mention.span, occasion, names)
            fact = next((by_key[k] for k in keys if k in by_key), None)
            content = _content_words(mention.span)
            if fact is None and occasion is not None:
                fact = _same_content(told.get(id(occasion), []), content, sent.doc)
            if fact is not None:
                fact.sources.append((sent, mention.kind, occasion))
                fact.topics.extend(
                    t for t in found_topics if t not in fact.topics and t != "general"
                )
            else:
                fact = CommitmentFact(
                    mention.kind,
                    actor,
                    found_topics,
                    [(sent, mention.kind, occasion)],
                    figures,
                    deadline,
                )
                facts.append(fact)
            for k in keys:
                by_key.setdefault(k, fact)
            if occasion is not None:
                told.setdefault(id(occasion), []).append((content, fact))
        paragraphs.read(sent)
    return facts


_AFTER_PREPOSITION = re.compile(r"\b(?:to|into|with|for|through|from|of|by|in|at)\s+(?:the\s+)?$")
_PARTY_NAMES = frozenset(p.name for p in parties())
_FUNCTION_WORDS = frozenset(
    re.findall(
        r"\S+",
        "that with from into this their there these those which while will would also both sides "
        "agreed pledged committed affirmed further continue continued promote",
    )
)


def _content_words(span: str) -> set[str]:
    """The words that carry a commitment's content (stems of four letters or more)."""
    return {w[:6] for w in key(span).split() if len(w) >= 4 and w not in _FUNCTION_WORDS}


def _same_content(
    earlier: list[tuple[set[str], CommitmentFact]], content: set[str], doc: int
) -> CommitmentFact | None:
    """The commitment another document reported on the same occasion in other words: most of
    the content words shared (the same fact told twice is one fact, reported by 2 documents)."""
    if len(content) < 3:
        return None
    for words, fact in earlier:
        if doc in {s.doc for s, _, _ in fact.sources}:
            continue
        if len(words & content) / len(words | content) >= 0.5:
            return fact
    return None


_NAME_RUN = re.compile(
    r"(?:[A-Z][\w'’-]+|of|and|for|the|–|-)(?:\s+(?:[A-Z][\w'’-]+|of|and|for|the|–|-))+"
)


def names_in(text: str) -> set[str]:
    """Multi-word proper names in a span ("Supply Chain and Critical Minerals Centre")."""
    found = set()
    for match in _NAME_RUN.finditer(text):
        words = [w for w in key(match.group(0)).split() if w not in ("of", "and", "for", "the")]
        if len(words) >= 3:
            found.add(" ".join(words[-3:]))
    return found


def _project_names(sents: list[Sent]) -> set[str]:
    """Names that appear in few documents: a shared one marks the same project, not a slogan."""
    documents: dict[str, set[int]] = {}
    for sent in sents:
        for name in sent.proper_names:
            documents.setdefault(name, set()).add(sent.doc)
    return {name for name, docs in documents.items() if 2 <= len(docs) <= 3}


def _merge_keys(
    figures: list[FigureMention], span: str, occasion: Visit | None, names: set[str]
) -> list[tuple[object, ...]]:
    """Keys under which a commitment meets its other reports."""
    keys: list[tuple[object, ...]] = []
    targets = [f for f in figures if f.unit in ("USD", "%") or f.deadline]
    if targets:
        target = next((f for f in reversed(targets) if f.deadline), targets[-1])
        keys.append(("figure", round(target.value), target.unit, target.deadline))
    if occasion is not None:
        keys += [("name", id(occasion), name) for name in sorted(names_in(span) & names)]
    return keys
