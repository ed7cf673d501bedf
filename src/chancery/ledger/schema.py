"""The ledger's tables, as SQLAlchemy Core metadata: the current shape that the migrations build."""

from __future__ import annotations

import sqlalchemy as sa

from chancery.records import MODALITIES

metadata = sa.MetaData()

# Ids are content hashes (16 hex chars today); 64 leaves room for longer hashes.
Id = sa.String(64)
Day = sa.String(10)  # ISO date YYYY-MM-DD, stored as text so both backends compare it the same way

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied", sa.String(40), nullable=False),
)

runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("started", sa.String(40), nullable=False),
    sa.Column("finished", sa.String(40)),
    sa.Column("coder_version", sa.String(40), nullable=False, default=""),
    sa.Column("settings_digest", sa.String(64), nullable=False, default=""),
    sa.Column("articles", sa.Integer, nullable=False, default=0),
    sa.Column("stored", sa.Integer, nullable=False, default=0),
    sa.Column("events", sa.Integer, nullable=False, default=0),
    sa.Column("failures", sa.Integer, nullable=False, default=0),
    sa.Column("inputs", sa.JSON, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("date", Day),
    sa.Column("publisher", sa.String(200)),
    sa.Column("url", sa.Text),
    sa.Column("place", sa.String(200)),
    sa.Column("source", sa.Text),
    sa.Column("date_basis", sa.String(20)),
    sa.Column("external_id", sa.String(200)),
    sa.Column("run_id", Id, sa.ForeignKey("runs.id")),
    sa.Column("stored_at", sa.String(40), nullable=False),
    # ISO 639-1 code the text was taken to be in; NULL for articles stored before schema version 2.
    sa.Column("language", sa.String(20)),
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column("article_id", Id, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("index", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("paragraph", sa.Integer, nullable=False, default=0),
    # The text is kept (not only offsets) because relation evidence quotes it back.
    sa.Column("text", sa.Text, nullable=False),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("article_id", Id, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("id", Id, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("direct", sa.Boolean, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("cue", sa.String(200)),
    sa.Column("date", Day),
    sa.Column("speaker_name", sa.String(200)),
    sa.Column("speaker_role", sa.String(200)),
    sa.Column("speaker_organization", sa.String(200)),
    sa.Column("speaker_code", sa.String(40)),
    sa.Column("speaker", sa.JSON),  # the full Speaker dict, actor included
    sa.Column("sentences", sa.JSON, nullable=False),
    sa.Index("ix_quotes_speaker_code", "speaker_code"),
)


def _actor_columns(role: str, nullable: bool) -> list[sa.Column]:
    """Query columns for an actor (code, country, sector) plus its full dict as JSON."""
    return [
        sa.Column(f"{role}_code", sa.String(40), nullable=nullable),
        sa.Column(f"{role}_country", sa.String(3)),
        sa.Column(f"{role}_sector", sa.String(20)),
        sa.Column(role, sa.JSON, nullable=nullable),
    ]


events = sa.Table(
    "events",
    metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("article_id", Id, sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("sentence", sa.Integer, nullable=False),
    *_actor_columns("source", nullable=False),
    *_actor_columns("target", nullable=True),
    sa.Column("cameo", sa.String(4), nullable=False),
    sa.Column("cameo_name", sa.String(200), nullable=False),
    sa.Column("quad_class", sa.Integer, nullable=False),
    sa.Column("goldstein", sa.Float, nullable=False),
    sa.Column("plover_event", sa.String(40), nullable=False),
    sa.Column("plover_mode", sa.String(40)),
    sa.Column("plover_context", sa.String(200)),
    sa.Column("negated", sa.Boolean, nullable=False),
    sa.Column("modality", sa.String(20), nullable=False),
    sa.Column("counted", sa.Boolean, nullable=False),
    sa.Column("date", Day),
    sa.Column("date_basis", sa.String(20), nullable=False),
    sa.Column("date_precision", sa.String(10), nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_trigger", sa.Text, nullable=False),
    sa.Column("evidence_rule", sa.String(200), nullable=False),
    sa.Column("evidence", sa.JSON, nullable=False),  # the full Evidence dict, notes included
    sa.Column("quote_id", Id),
    sa.Column("detail", sa.Text),
    sa.Column("relation", sa.String(60)),
    sa.Column("relation_subject", sa.String(10), nullable=False, server_default="source"),
    sa.Column("act", Id),
    sa.Column("speaker", sa.JSON),  # who announced the event, when it is told in a quote
    # The output contract's invariant, enforced where every consumer reads it.
    sa.CheckConstraint("counted = (NOT negated AND modality = 'asserted')", name="ck_events_counted"),
    sa.CheckConstraint(
        "modality IN ({})".format(", ".join(f"'{m}'" for m in MODALITIES)), name="ck_events_modality"
    ),
    sa.Index("ix_events_article", "article_id"),
    sa.Index("ix_events_source", "source_code"),
    sa.Index("ix_events_target", "target_code"),
    sa.Index("ix_events_countries", "source_country", "target_country"),
    sa.Index("ix_events_cameo", "cameo"),
    sa.Index("ix_events_date", "date"),
    sa.Index("ix_events_relation", "relation"),
    # The listing order of events (undated last), so a page of a cursor listing is an index range.
    sa.Index("ix_events_listing", "date", "article_id", "sentence", "id"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    # Where each actor is named in the text, so a reader of the article sees who was found where.
    sa.Column("article_id", Id, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("id", Id, primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sentence", sa.Integer, nullable=False),
    sa.Column("first", sa.Integer, nullable=False),
    sa.Column("last", sa.Integer, nullable=False),
    sa.Column("head", sa.Integer, nullable=False),
    sa.Column("actor_code", sa.String(40), nullable=False),
    sa.Column("actor", sa.JSON, nullable=False),
    sa.Column("rule", sa.String(200), nullable=False),
    sa.Column("codes", sa.JSON, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("refers_to", Id),
)

relation_states = sa.Table(
    "relation_states",
    metadata,
    # The states ``relations.derive_timelines`` gives, kept up to date on every store (relation_table.py).
    sa.Column("subject_party", sa.String(40), primary_key=True),
    sa.Column("object_party", sa.String(40), primary_key=True),
    sa.Column("kind", sa.String(40), primary_key=True),
    sa.Column("topic", sa.Text, primary_key=True),  # the act a position is about; "" for other kinds
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),  # the state's place in time
    sa.Column("since", Day),
    sa.Column("until", Day),
    sa.Column("state", sa.String(40), nullable=False),
    sa.Column("relation", sa.JSON, nullable=False),  # the whole Relation record, evidence included
    sa.Index("ix_relation_states_object", "object_party", "kind"),
    sa.Index("ix_relation_states_kind", "kind", "since"),
)

derivations = sa.Table(
    "derivations",
    metadata,
    # Which rules built each derived table: a digest of the code that derives it.
    sa.Column("name", sa.String(60), primary_key=True),
    sa.Column("rules", sa.String(64), nullable=False),
)

feeds = sa.Table(
    "feeds",
    metadata,
    # What ``chancery watch`` remembers of each feed between runs, to ask only for what changed.
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.String(100)),
    sa.Column("checked", sa.String(40)),
    sa.Column("sitemaps", sa.JSON),  # a sitemap index's sitemaps, polled even when the index is unchanged
)

feed_items = sa.Table(
    "feed_items",
    metadata,
    # The items ``chancery watch`` has stored, under each name a feed gives them (FeedItem.seen_keys):
    # an item a feed lists again, under either name, is not fetched again.
    sa.Column("key", Id, primary_key=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("guid", sa.Text),
    sa.Column("feed", sa.Text),
    sa.Column("article_id", Id, nullable=False),
    sa.Column("seen", sa.String(40), nullable=False),
)

# Tables holding stored rows, in the order a delete must run (children first).
DATA_TABLES = (mentions, events, quotes, sentences, articles, runs)
