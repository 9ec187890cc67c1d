"""/commitment <topic>: what was agreed, pledged or targeted on a topic, each once, with sources."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy.orm import Session

from bot.agreement import Stated, differing
from bot.answer import Answer, Item, Suggestion
from bot.answers.common import Context, as_object, nothing_found, one_page, page_window, sources
from bot.answers.search import correct as _correct
from bot.answers.usage import usage
from bot.headline import headline
from bot.knowledge import routing
from bot.resolve import normalise, topic_match
from bot.stems import covering, rephrase, variants
from store import queries
from store.queries import CommitmentInfo, PersonInfo, VisitInfo
from store.textutil import key

_VERBS = {
    "reaffirmed": "Reaffirmed",
    "pledged": "Pledged",
    "agreed": "Agreed",
    "committed": "Committed",
    "targeted": "Targeted",
    "affirmed": "Affirmed",
    "will": "Committed",
    "proposed": "Proposed",
    "supported": "Supported",
    "signed": "Signed",
    "planned": "Planned",
}


def answer_commitments(ctx: Context) -> Answer:
    if not ctx.argument or normalise(ctx.argument) == "help":
        return usage(ctx, "commitment")
    match = topic_match(ctx.argument, ctx.known, partial=True)
    session = ctx.session
    topic_keys: list[str] | None = list(match.keys)
    sentence_ids: list[int] | None = None
    label = " / ".join(ctx.known.topic(k).label for k in match.keys)
    candidates = (
        queries.commitment_candidates(session, topic_keys=list(match.keys)) if match.keys else []
    )
    if not candidates:
        asked, said = normalise(ctx.argument).split(), ctx.argument
        hits = queries.search(session, asked, limit=40)
        if not hits:  # a misspelt word no sentence says: the closest word the articles use
            asked = [_correct(session, w) for w in asked]
            hits, said = queries.search(session, asked, limit=40), " ".join(asked)
        topic_keys, sentence_ids = None, [q.sentence_id for q in hits if q.on_topic]
        candidates = (
            queries.commitment_candidates(session, sentence_ids=sentence_ids)
            if sentence_ids
            else []
        )
        label = f"“{said}”"
    if not candidates:
        labels = [ctx.known.topic(k).label for k in match.closest(ctx.known, "commitments")]
        return nothing_found(
            ctx, "commitment", "commitments", [Suggestion(t, f"/commitment {t}") for t in labels]
        )
    narrowed = _narrowed(ctx, match.keys, candidates)
    if narrowed is None:  # a kind of the topic the articles never mention: not the topic's items
        labels = [ctx.known.topic(k).label for k in match.keys]
        labels += [ctx.known.topic(k).label for k in match.closest(ctx.known, "commitments")]
        return nothing_found(
            ctx,
            "commitment",
            "commitments",
            [Suggestion(t, f"/commitment {t}") for t in labels[:3]],
        )
    if narrowed is not candidates:
        candidates, topic_keys, sentence_ids = narrowed, None, None
    wanted = set(normalise(ctx.argument).split())
    if len(wanted) > 1:  # "nuclear power" within energy: the commitments that say so come first
        texts = queries.quoted_texts(session, candidates)
        candidates.sort(key=lambda c: -len(wanted & set(key(texts.get(c, "")).split())))
    total = (
        len(candidates)
        if topic_keys is None and sentence_ids is None
        else max(len(candidates), _counted(ctx, topic_keys, sentence_ids))
    )
    _page, offset, size = page_window(ctx, total)
    summary = f"{total} commitment{'s' * (total != 1)}"
    return one_page(
        ctx,
        "commitment",
        f"Commitments on {label}",
        commitment_items(session, candidates[offset : offset + size], known=ctx.known.by_id),
        total,
        summary=summary,
    )


def _counted(ctx: Context, topic_keys: list[str] | None, sentence_ids: list[int] | None) -> int:
    """How many commitments there are in all: one topic's number is counted at reseed."""
    if topic_keys is not None and len(topic_keys) == 1:
        return ctx.known.topic(topic_keys[0]).commitments
    return queries.count_commitments(ctx.session, topic_keys, sentence_ids)


def _narrowed(ctx: Context, topic_keys: tuple[str, ...], candidates: list[int]) -> list[int] | None:
    """The topic's commitments that say what was asked, when the argument names a kind of the
    topic rather than the topic ("nuclear power" within energy, "ports" within infrastructure).

    Words that name the topic (its label's words or their paraphrases: "workers" for labour,
    "power" for energy) stand for it; every other asked word must be said by the commitment.
    None when no commitment of the topic says them: never the topic's other commitments.
    """
    ignored = set(routing()["stop_words"]) | set(routing()["generic_words"])
    spoken = rephrase(normalise(ctx.argument))  # "guest workers" are workers
    asked = [w for w in spoken.split() if w not in ignored and len(w) > 3]
    if not asked or not topic_keys:
        return candidates
    naming: set[str] = set()
    for topic_key in topic_keys:
        topic = ctx.known.topic(topic_key)
        for word in key(f"{topic.key} {topic.label}").split():
            naming |= variants(word)
    rest = [
        w
        for w in asked
        if not (variants(w) & naming or any(w.startswith(n) for n in naming if len(n) > 3))
    ]
    if not rest:
        return candidates  # the topic by another name ("healthcare" for health)
    patterns = [covering(variants(_correct(ctx.session, w))) for w in rest]
    said = queries.quoted_stems(ctx.session, candidates)
    return [c for c in candidates if all(p.search(said.get(c, "")) for p in patterns)] or None


def commitment_items(
    session: Session,
    commitment_ids: list[int],
    quoting: int | None = None,
    known: Mapping[int, PersonInfo] | None = None,
) -> list[Item]:
    """The cards of these commitments, in this order, with their occasions (only those whose
    quoted sentence is `quoting`, when given: a card must show the words that answered); the
    occasions' people from `known` (every person, by id) when given."""
    shown = queries.commitments(session, commitment_ids)
    if quoting is not None:
        shown = [c for c in shown if c.quote.sentence_id == quoting]
    return commitment_cards(shown, occasions(session, shown, known))


def occasions(
    session: Session,
    shown: list[CommitmentInfo],
    known: Mapping[int, PersonInfo] | None = None,
) -> dict[int, VisitInfo]:
    """The visits the commitments were made on, by id."""
    wanted = frozenset(v for c in shown for v in c.occasions)
    if not wanted:
        return {}
    flt = queries.VisitFilter(ids=wanted)
    found = queries.visits(session, flt, with_events=False, known=known)
    return {v.id: v for v in found}


def commitment_cards(shown: list[CommitmentInfo], visits: dict[int, VisitInfo]) -> list[Item]:
    """The cards of these commitments (their occasions among `visits`), each saying where the
    others' numbers or dates differ."""
    items = [_item(c, visits) for c in shown]
    differs = differing([_stated(c) for c in shown])
    return [replace(item, differs=differs.get(i, ())) for i, item in enumerate(items)]


def _stated(commitment: CommitmentInfo) -> Stated:
    """The commitment as a statement of numbers and dates, to find documents that disagree."""
    return Stated(
        measure=headline(
            commitment.quote.text, commitment.figures[0] if commitment.figures else None
        ),
        value=commitment.figures[0] if commitment.figures else "",
        when=f"by {commitment.deadline}" if commitment.deadline else "",
        target=True,
        documents=frozenset(q.document.id for q in commitment.sources),
        sources=sources(commitment.sources[:3]),
    )


def _item(commitment: CommitmentInfo, visits: dict[int, VisitInfo]) -> Item:
    """Its substance as the title; who committed, the occasion and its date on the quiet line."""
    verb = _VERBS.get(commitment.kind, commitment.kind.capitalize())
    actor = commitment.actor
    if actor == "Both sides":
        actor = "both sides"
    quiet = [f"{verb} by {actor}" if actor else verb]
    occasions = [visits[v] for v in commitment.occasions if v in visits]
    if occasions:
        quiet.append("; ".join(f"{v.kind} of {v.visitor.name}, {v.when}" for v in occasions))
    figure = commitment.figures[0] if commitment.figures else None
    title = headline(commitment.quote.text, figure)
    lines = []
    # The figures and the deadline stay as their own line unless the title already says them.
    if commitment.figures and not all(f in title for f in commitment.figures):
        deadline = f", deadline {commitment.deadline}" if commitment.deadline else ""
        lines.append(f"Figures: {', '.join(commitment.figures)}{deadline}")
    elif commitment.deadline and str(commitment.deadline) not in title:
        lines.append(f"Deadline: {commitment.deadline}")
    return Item(
        title=title,
        context=" · ".join(quiet),
        lines=tuple(lines),
        quote=commitment.quote.text,
        sources=sources(commitment.sources),
        reports=max(1, commitment.reports),
        about=as_object(title),
    )
