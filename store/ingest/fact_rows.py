"""Rows of the facts: visits and their events, commitments, figures and topics."""

from __future__ import annotations

from collections import Counter
from typing import Any

from store import fact_models as fm
from store.dates_text import visit_when
from store.ingest.extract import Extraction
from store.ingest.visit_spans import stated_spans
from store.lexicon import parties
from store.textutil import key, stems

Rows = dict[Any, list[dict[str, Any]]]


def visits_rows(ex: Extraction, tables: Rows, person_ids: dict[str, int]) -> dict[int, int]:
    party_names = {p.key: p.name for p in parties()}
    ids: dict[int, int] = {}
    dated = sorted(
        ex.visits,
        key=lambda v: (v.start is None, v.start.isoformat() if v.start else "", v.visitor),
    )
    for index, visit in enumerate(dated):
        visit_id = index + 1
        ids[id(visit)] = visit_id
        tables[fm.Visit].append(
            {
                "id": visit_id,
                "visitor_id": person_ids[visit.visitor],
                "host_id": person_ids.get(visit.host or ""),
                "destination": party_names[visit.destination],
                "kind": visit.kind,
                "start": visit.start.isoformat() if visit.start else None,
                "end": visit.end.isoformat() if visit.end else None,
                "month": min(visit.months) if visit.months else None,
                "year": visit.year,
                "year_note": visit.year_note,
                "months": "," + ",".join(str(n) for n in sorted(visit.months)) + ",",
                "dates_text": visit.dates_text
                or visit_when(None, None, min(visit.months) if visit.months else None, visit.year),
                "places": "\n".join(visit.places),
                # the documents' row ids are their indexes + 1, as _documents writes them
                "stated_dates": "\n".join(
                    f"{dates}\t{','.join(str(d + 1) for d in docs)}"
                    for dates, docs in stated_spans(visit)
                ),
            }
        )
        seen: set[int] = set()
        for sent, day, rank in visit.events:
            seen.add(sent.id)
            tables[fm.VisitEvent].append(
                {
                    "visit_id": visit_id,
                    "sentence_id": sent.id,
                    "day": day.isoformat() if day else None,
                    "kind": ("activity", "outcome", "activity")[rank],
                    "rank": rank,
                }
            )
        for mention in visit.mentions:
            if mention.sentence.id not in seen:
                seen.add(mention.sentence.id)
                tables[fm.VisitEvent].append(
                    {
                        "visit_id": visit_id,
                        "sentence_id": mention.sentence.id,
                        "day": None,
                        "kind": "report",
                        "rank": 3,
                    }
                )
    return ids


def commitments_rows(ex: Extraction, tables: Rows, visit_ids: dict[int, int]) -> None:
    for index, fact in enumerate(ex.commitments):
        commitment_id = index + 1
        report_count = len({sent.doc for sent, _, _ in fact.sources})
        quote = max(
            fact.sources,
            key=lambda s: (len(set(s[0].topics) & set(fact.topics)), -s[0].id),
        )
        occasions = [s[2] for s in fact.sources if s[2] is not None]
        first_day = min((o.start for o in occasions if o.start), default=None)
        tables[fm.Commitment].append(
            {
                "id": commitment_id,
                "kind": quote[1],  # the verb of the sentence quoted
                "actor": fact.actor,
                "quote_sentence_id": quote[0].id,
                "report_count": report_count,
                "deadline": fact.deadline,
                "figures": "\n".join(dict.fromkeys(f.text for f in fact.figures)),
                "first_day": first_day.isoformat() if first_day else None,
                "stems": stems(quote[0].shown or quote[0].text),
            }
        )
        for topic in fact.topics:
            tables[fm.CommitmentTopic].append(
                {"commitment_id": commitment_id, "topic": topic, "report_count": report_count}
            )
        for sent, kind, occasion in fact.sources:
            tables[fm.CommitmentSource].append(
                {
                    "commitment_id": commitment_id,
                    "sentence_id": sent.id,
                    "kind": kind,
                    "visit_id": visit_ids.get(id(occasion)) if occasion else None,
                }
            )


def figures_rows(ex: Extraction, tables: Rows) -> None:
    for index, fact in enumerate(ex.figures):
        figure = fact.mention
        sentence = fact.sentence
        # The sentence before it in its paragraph, which "that complex" may point back to.
        before = ex.sents[sentence.id - 2] if sentence.id >= 2 else None
        same_paragraph = before is not None and before.passage == sentence.passage
        lent = (before.shown or before.text) if before and same_paragraph else ""
        tables[fm.Figure].append(
            {
                "id": index + 1,
                "text": figure.text,
                "value": figure.value,
                "unit": figure.unit,
                "measure": figure.measure,
                "year": figure.year,
                "deadline": figure.deadline,
                "sentence_id": fact.sentence.id,
                "group_key": f"{figure.value:g}|{key(figure.unit)}|{figure.year or ''}|{figure.deadline or ''}",
                "stems": stems(f"{sentence.shown or sentence.text} {figure.measure}"),
                "lent_stems": stems(lent),
                "measure_stems": stems(figure.measure),
            }
        )
        for topic in fact.topics:
            tables[fm.FigureTopic].append({"figure_id": index + 1, "topic": topic})
    # How many documents report each figure's group (the same value, unit and time): what
    # /search says of a sentence stating it, counted once here rather than per answer.
    documents: dict[str, set[int]] = {}
    for row, fact in zip(tables[fm.Figure], ex.figures, strict=True):
        documents.setdefault(row["group_key"], set()).add(fact.sentence.doc)
    for row in tables[fm.Figure]:
        row["group_documents"] = len(documents[row["group_key"]])


def topics_rows(ex: Extraction, tables: Rows) -> None:
    # Each topic's commitments, each once: what /commitment says it has in all.
    commitments = Counter(
        topic for _, topic in {(r["commitment_id"], r["topic"]) for r in tables[fm.CommitmentTopic]}
    )
    figures = Counter(r["topic"] for r in tables[fm.FigureTopic])
    for topic_key, topic in ex.topics.entries.items():
        tables[fm.Topic].append(
            {
                "key": topic_key,
                "label": topic.label,
                "aliases": "\n".join(ex.topics.aliases(topic_key)),
                "commitment_count": commitments[topic_key],
                "figure_count": figures[topic_key],
            }
        )
