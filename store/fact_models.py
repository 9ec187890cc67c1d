"""The store's tables of facts extracted from its sentences: people and their names and
mentions, visits and their events, commitments, figures and the topics they are filed under."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    folded: Mapped[str] = mapped_column(String(200), index=True)
    side: Mapped[str | None] = mapped_column(String(20))
    role: Mapped[str | None] = mapped_column(Text)
    other_roles: Mapped[str] = mapped_column(Text, default="")  # newline-separated
    spouse_of: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    mention_count: Mapped[int] = mapped_column(default=0)
    document_count: Mapped[int] = mapped_column(default=0)  # the documents naming the person

    def __repr__(self) -> str:
        return f"Person({self.id}, {self.name!r})"


class PersonAlias(Base):
    __tablename__ = "person_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)


class PersonMention(Base):
    __tablename__ = "person_mentions"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id"), index=True)


class Visit(Base):
    __tablename__ = "visits"
    id: Mapped[int] = mapped_column(primary_key=True)
    visitor_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    host_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    destination: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(50))
    start: Mapped[str | None] = mapped_column(String(10))  # ISO date
    end: Mapped[str | None] = mapped_column(String(10))
    month: Mapped[int | None]
    year: Mapped[int | None] = mapped_column(index=True)
    year_note: Mapped[str] = mapped_column(Text, default="")
    # The dates as shown ("August 10–13, 2025"), and the months they span (",6,7,").
    dates_text: Mapped[str] = mapped_column(String(100), default="")
    months: Mapped[str] = mapped_column(String(40), default="")
    places: Mapped[str] = mapped_column(Text, default="")  # newline-separated, in order
    # When documents give the visit different days: "dates<TAB>document ids" lines, one per span.
    stated_dates: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"Visit({self.id}, {self.kind!r}, {self.start}..{self.end})"


class VisitEvent(Base):
    """A dated activity or an outcome of a visit, or a sentence that reports the visit."""

    __tablename__ = "visit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id"))
    day: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))  # activity | outcome | report
    rank: Mapped[int]


class Commitment(Base):
    __tablename__ = "commitments"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_count: Mapped[int] = mapped_column(default=1, index=True)  # documents reporting it
    kind: Mapped[str] = mapped_column(String(30))
    actor: Mapped[str | None] = mapped_column(String(300))
    quote_sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id"))
    deadline: Mapped[int | None]
    figures: Mapped[str] = mapped_column(Text, default="")  # newline-separated
    first_day: Mapped[str | None] = mapped_column(String(10))
    stems: Mapped[str] = mapped_column(Text, default="")  # its quoted sentence's (textutil.stems)


class CommitmentTopic(Base):
    __tablename__ = "commitment_topics"
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    topic: Mapped[str] = mapped_column(String(50), index=True)
    report_count: Mapped[int] = mapped_column(
        default=1
    )  # copied: a topic's best-reported first, from the index


class CommitmentSource(Base):
    __tablename__ = "commitment_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id"))
    kind: Mapped[str] = mapped_column(String(30))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))


class Figure(Base):
    __tablename__ = "figures"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(200))
    value: Mapped[float]
    unit: Mapped[str] = mapped_column(String(100))
    measure: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None]
    deadline: Mapped[int | None]
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id"), index=True)
    group_key: Mapped[str] = mapped_column(String(200), index=True)
    group_documents: Mapped[int] = mapped_column(default=1)  # documents reporting its group
    # What /figure matches asked words against, stemmed once at reseed (textutil.stems): its
    # sentence and measure, the sentence before it in its paragraph, and the measure alone.
    stems: Mapped[str] = mapped_column(Text, default="")
    lent_stems: Mapped[str] = mapped_column(Text, default="")
    measure_stems: Mapped[str] = mapped_column(Text, default="")


class FigureTopic(Base):
    __tablename__ = "figure_topics"
    id: Mapped[int] = mapped_column(primary_key=True)
    figure_id: Mapped[int] = mapped_column(ForeignKey("figures.id"), index=True)
    topic: Mapped[str] = mapped_column(String(50), index=True)


class Topic(Base):
    __tablename__ = "topics"
    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[str] = mapped_column(Text)  # newline-separated, lexicon and learnt
    commitment_count: Mapped[int] = mapped_column(default=0)
    figure_count: Mapped[int] = mapped_column(default=0)


Index("ix_visit_events_sentence", VisitEvent.sentence_id)
Index(
    "ix_commitment_topics_rank",
    CommitmentTopic.topic,
    CommitmentTopic.report_count.desc(),
    CommitmentTopic.commitment_id,
)
Index("ix_commitment_sources_sentence", CommitmentSource.sentence_id)
