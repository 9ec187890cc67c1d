"""Turn an extraction into table rows with stable ids: the same documents give the same rows."""

from __future__ import annotations

from collections import Counter, defaultdict

from store import fact_models as fm
from store import models as m
from store.dates_text import visit_when
from store.ingest.clean import CleanDocument
from store.ingest.extract import Extraction
from store.ingest.fact_rows import Rows, commitments_rows, figures_rows, topics_rows, visits_rows
from store.ingest.page_lines import stamp_date
from store.lexicon import parties
from store.textutil import fold, key


def rows(ex: Extraction) -> Rows:
    """Rows per model (and 'fts' for the full-text index), ready for executemany inserts."""
    tables: Rows = {
        model: []
        for model in (
            m.Document,
            m.Passage,
            m.Sentence,
            fm.Person,
            fm.PersonAlias,
            fm.PersonMention,
            fm.Visit,
            fm.VisitEvent,
            fm.Commitment,
            fm.CommitmentTopic,
            fm.CommitmentSource,
            fm.Figure,
            fm.FigureTopic,
            fm.Topic,
        )
    }
    tables["fts"] = []
    _documents(ex, tables)
    person_ids = _people(ex, tables)
    visit_ids = visits_rows(ex, tables, person_ids)
    commitments_rows(ex, tables, visit_ids)
    figures_rows(ex, tables)
    topics_rows(ex, tables)
    return tables


def _shown_date(clean: CleanDocument) -> str | None:
    """The article's date as its sources show it: the page's date stamp (or a dateline that states
    its year) written in full ("November 22, 2025"), else the dateline's date as written."""
    stamp = stamp_date(clean.dated) if clean.dated else None
    published = clean.published or (stamp[0] if stamp else None)
    return visit_when(published.isoformat(), None, None, None) if published else clean.dated


def _documents(ex: Extraction, tables: Rows) -> None:
    passage_id = 0
    headings: set[int] = set()
    for doc in ex.docs:
        tables[m.Document].append(
            {
                "id": doc.index + 1,
                "name": doc.raw.name,
                "sha256": doc.raw.sha256,
                "title": doc.title,
                "has_title": doc.clean.title is not None,
                "agency": doc.clean.agency,
                "author": doc.clean.author,
                "dateline": doc.clean.dateline,
                "dated": _shown_date(doc.clean),
                "url": doc.clean.url,
                "reference_year": doc.reference_year,
                "year_note": doc.year_note,
                "original_text": doc.raw.text,
                "opening_sentence_id": None,
            }
        )
        for ordinal, (text, on_topic, heading, why) in enumerate(doc.passages):
            passage_id += 1
            if heading:
                headings.add(passage_id)
            tables[m.Passage].append(
                {
                    "id": passage_id,
                    "document_id": doc.index + 1,
                    "ordinal": ordinal,
                    "text": text,
                    "on_topic": on_topic,
                    "heading": heading,
                    "relevance": why,
                }
            )
    vocabulary: Counter[str] = Counter()
    for doc in ex.docs:
        vocabulary.update(doc.vocabulary)
    documents = tables[m.Document]
    for sent in ex.sents:
        if sent.passage not in headings and documents[sent.doc]["opening_sentence_id"] is None:
            documents[sent.doc]["opening_sentence_id"] = sent.id
        shown = sent.shown or sent.text
        tables[m.Sentence].append(
            {
                "id": sent.id,
                "passage_id": sent.passage,
                "document_id": sent.doc + 1,
                "ordinal": sent.ordinal,
                "text": shown,
                "on_topic": sent.on_topic,
            }
        )
        tables["fts"].append({"id": sent.id, "text": sent.folded or fold(shown)})
    tables[m.Vocabulary] = [{"term": t, "count": c} for t, c in sorted(vocabulary.items())]


def _people(ex: Extraction, tables: Rows) -> dict[str, int]:
    ordered = sorted(ex.people, key=lambda k: (-ex.mention_counts[k], k))
    ids = {
        person_key: index + 1
        for index, person_key in enumerate(ordered)
        if ex.mention_counts[person_key]
    }
    by_name = {ex.people[k].name: k for k in ids}
    naming: dict[str, set[int]] = defaultdict(set)  # person -> the documents naming them
    for sent in ex.sents:
        for mention in sent.mentions:
            naming[mention.person].add(sent.doc)
    party_names = {p.key: p.name for p in parties()}
    for person_key, person_id in ids.items():
        person = ex.people[person_key]
        roles = sorted(person.roles, key=len, reverse=True)
        spouse = ids.get(by_name.get(person.spouse_of or "", ""))
        tables[fm.Person].append(
            {
                "id": person_id,
                "name": person.name,
                "folded": key(person.name),
                "side": party_names.get(person.side or ""),
                "role": roles[0] if roles else None,
                "other_roles": "\n".join(roles[1:]),
                "spouse_of": spouse,
                "mention_count": ex.mention_counts[person_key],
                "document_count": len(naming[person_key]),
            }
        )
        for alias in sorted(person.aliases()):
            tables[fm.PersonAlias].append(
                {"person_id": person_id, "alias": alias, "key": key(alias)}
            )
    for sent in ex.sents:
        for person_id in sorted({ids[mn.person] for mn in sent.mentions if mn.person in ids}):
            tables[fm.PersonMention].append({"person_id": person_id, "sentence_id": sent.id})
    return ids
