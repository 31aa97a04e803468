"""The facts store's tables, described once and rendered for SQLite and PostgreSQL.

Every row is keyed by natural values (the record id and an item's position in its
list, or an entity's canonical id), never by a counter, so loading the same
records again writes the same rows and an upsert is a plain `ON CONFLICT`.

    articles ─┬─ article_people ── people          canonical entities, shared by articles
              ├─ article_regions ── regions        (a link row holds the offsets of the
              ├─ article_enterprises ── enterprises    entity's mentions in the article)
              ├─ article_organizations ── organizations
              ├─ money, percentages, dates
              └─ claims ─┬─ claim_entities        claim <-> entity
                         ├─ claim_subjects        claim <-> what its figure is about
                         ├─ claim_money           claim <-> amount
                         └─ claim_percentages     claim <-> amount

    mentions (a view): one row per mention, unpacked from the link rows' offsets
    claims_wide (a view): one row per claim with its subjects, amounts, article title, date and address
    region_within (a view): each region with itself, its parent subdivision and its country
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

Dialect = Literal["sqlite", "postgres"]
ColumnType = Literal["text", "integer", "real", "amount", "date", "timestamp", "boolean", "json", "spans"]

# Amounts keep integers exact (NUMERIC affinity stores 110000000 as an integer in SQLite).
_TYPES: dict[Dialect, dict[ColumnType, str]] = {
    "sqlite": {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "amount": "NUMERIC", "date": "TEXT",
               "timestamp": "TEXT", "boolean": "INTEGER", "json": "TEXT", "spans": "TEXT"},
    "postgres": {"text": "TEXT", "integer": "INTEGER", "real": "DOUBLE PRECISION", "amount": "NUMERIC",
                 "date": "DATE", "timestamp": "TIMESTAMP", "boolean": "BOOLEAN", "json": "JSONB", "spans": "JSONB"},
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: ColumnType
    required: bool = False
    references: str | None = None  # "table.column", for browsing tools (Datasette links them)
    description: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    description: str
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def per_article(self) -> bool:
        return self.column_names[0] == "article_id"


def _article() -> Column:
    return Column("article_id", "text", True, "articles.id")


def _span() -> tuple[Column, ...]:
    return (Column("text", "text", True),
            Column("start_char", "integer", True, description="offset into the article text"),
            Column("end_char", "integer", True, description="end offset, exclusive"))


def _period() -> tuple[Column, ...]:
    return (Column("from_date", "date", True, description="first day of the period"),
            Column("to_date", "date", True, description="last day of the period (inclusive)"))


def _mentions() -> Column:
    # One row per mention was a quarter of all rows written; a mention's text is the article's text
    # between its offsets (the loader checks that), so the offsets are all there is to keep.
    return Column("mentions", "spans", True,
                  description="JSON array of [start, end] offsets of its mentions in the article text")


def _entity_link(table: str, entity: str, *extra: Column) -> Table:
    return Table(f"article_{table}", (_article(), Column("position", "integer", True),
                                      Column(f"{entity}_id", "text", True, f"{table}.id"),
                                      Column("name", "text", True, description="the name this article gives"),
                                      *extra, _mentions()),
                 ("article_id", "position"), f"Which {table} each article names, in the record's order.",
                 ((f"{entity}_id",),))


TABLES: tuple[Table, ...] = (
    Table("articles", (
        Column("id", "text", True, description="the record id, a hash of the article's content"),
        Column("source_path", "text", True), Column("source_line", "integer"), Column("source_url", "text"),
        Column("source_member", "text"), Column("title", "text"), Column("published", "timestamp"),
        Column("dateline_place", "text"), Column("dateline_date", "date"), Column("category", "text"),
        Column("language", "text", True), Column("text", "text", True),
        Column("record_hash", "text", True, description="hash of the loaded line; an unchanged record is skipped"),
        Column("producer", "text", description="what made the record, its `producer` as JSON (pipeline version, "
               "model, data digest); null for a record of format 1.0"),
    ), ("id",), "One row per article (record).", (("published",),)),
    Table("people", (Column("id", "text", True, description="the normalised, transliteration-folded key"),
                     Column("name", "text", True, description="the fullest name any article gives")),
          ("id",), "Canonical people, shared by every article that names them."),
    Table("regions", (Column("id", "text", True, description="ISO 3166 code, else country/kind/folded name"),
                      Column("name", "text", True), Column("kind", "text", True), Column("country", "text"),
                      Column("code", "text"),
                      # no `references`: a parent no article names has no row, and its code is all there is
                      Column("parent_code", "text", description="ISO 3166-2 code of the first-level subdivision "
                             "the place lies in (its id in this table)"),
                      Column("parent_name", "text", description="that subdivision's name")),
          ("id",), "Canonical countries, regions, districts and cities."),
    Table("enterprises", (Column("id", "text", True, description="the folded name"), Column("name", "text", True)),
          ("id",), "Canonical enterprises."),
    Table("organizations", (Column("id", "text", True, description="the folded name"),
                            Column("name", "text", True), Column("kind", "text", True)),
          ("id",), "Canonical organisations other than enterprises."),
    _entity_link("people", "person", Column("titles", "json", True, description="JSON array of titles")),
    _entity_link("regions", "region"),
    _entity_link("enterprises", "enterprise", Column("aliases", "json", True, description="JSON array")),
    _entity_link("organizations", "organization", Column("aliases", "json", True, description="JSON array")),
    Table("money", (_article(), Column("position", "integer", True), *_span(),
                    Column("low", "amount", True), Column("high", "amount", True),
                    Column("currency", "text", True, description="ISO 4217 code"),
                    Column("approximate", "boolean", True)),
          ("article_id", "position"), "Monetary amounts, in base units.", (("currency", "high"),)),
    Table("percentages", (_article(), Column("position", "integer", True), *_span(), Column("value", "real", True)),
          ("article_id", "position"), "Percentages."),
    Table("dates", (_article(), Column("position", "integer", True), *_span(), *_period()),
          ("article_id", "position"), "Dates and periods placed on the calendar."),
    Table("claims", (_article(), Column("position", "integer", True), *_span(), *_period(),
                     Column("kind", "text", True, description="fact or plan"), Column("speaker", "text"),
                     Column("speaker_id", "text", references="people.id"),
                     Column("metric", "text", description="what its figure measures (models/metrics.tsv)")),
          ("article_id", "position"), "Dated statements of fact, figure, plan or promise.",
          (("from_date", "to_date"), ("speaker_id",), ("metric",))),
    Table("claim_entities", (_article(), Column("claim_position", "integer", True), Column("position", "integer", True),
                             Column("entity", "text", True, description="the name as the claim gives it"),
                             Column("entity_type", "text"), Column("entity_id", "text")),
          ("article_id", "claim_position", "position"), "Entities each claim is about.",
          # no index on `entity`: `query claims --entity` matches it case-insensitively, which a plain index
          # cannot serve (measured at 20,000 articles: 45 ms with it, 43 ms without)
          (("entity_type", "entity_id"), ("entity_id",))),
    Table("claim_subjects", (_article(), Column("claim_position", "integer", True), Column("position", "integer", True),
                             Column("subject", "text", True, description="the name of what the claim's figure is about"),
                             Column("entity_type", "text"), Column("entity_id", "text")),
          ("article_id", "claim_position", "position"),
          "The regions, enterprises and organisations each claim's figure is about.", (("entity_id",),)),
    Table("claim_money", (_article(), Column("claim_position", "integer", True), Column("position", "integer", True),
                          Column("text", "text", True), Column("low", "amount", True), Column("high", "amount", True),
                          Column("currency", "text", True),
                          Column("money_position", "integer", description="the same amount in money, if found")),
          ("article_id", "claim_position", "position"), "Monetary amounts each claim states."),
    Table("claim_percentages", (_article(), Column("claim_position", "integer", True),
                                Column("position", "integer", True),
                                Column("text", "text", True), Column("value", "real", True),
                                Column("percentage_position", "integer",
                                       description="the same figure in percentages, if found")),
          ("article_id", "claim_position", "position"), "Percentages each claim states."),
)

TABLES_BY_NAME = {table.name: table for table in TABLES}
ENTITY_TABLES = ("people", "regions", "enterprises", "organizations")
# The content tables of the SQLite store's FTS5 indexes, which find their rows by rowid.
ROWID_TABLES = ("articles", "claims")


def create_statements(dialect: Dialect) -> list[str]:
    """CREATE TABLE / CREATE INDEX statements, safe to run on an existing store."""
    types = _TYPES[dialect]
    statements = []
    for table in TABLES:
        lines = [f"  {c.name} {types[c.type]}{' NOT NULL' if c.required else ''}" for c in table.columns]
        lines.append(f"  PRIMARY KEY ({', '.join(table.key)})")
        for column in table.columns:
            if column.references:
                target, target_column = column.references.split(".")
                lines.append(f"  FOREIGN KEY ({column.name}) REFERENCES {target}({target_column})")
        # SQLite: a table no FTS index points into is kept in its key's order (WITHOUT ROWID), so a
        # row is written once, not into the table and again into its key's index.
        storage = " WITHOUT ROWID" if dialect == "sqlite" and table.name not in ROWID_TABLES else ""
        statements.append(f"CREATE TABLE IF NOT EXISTS {table.name} (\n" + ",\n".join(lines) + "\n)" + storage)
    # added columns before the indexes and views: some of them name one (claims.metric)
    return (statements + added_column_statements(dialect) + [statement for _, statement in index_statements()]
            + [mentions_view(dialect), region_within_view(dialect), claims_view(dialect)])


# Columns added to a table after stores were made with it: (table, column). `CREATE TABLE IF NOT EXISTS`
# leaves an existing table as it is, so these are added to it.
ADDED_COLUMNS = (("regions", "parent_code"), ("regions", "parent_name"), ("claims", "metric"),
                 ("articles", "producer"))


def added_column_statements(dialect: Dialect) -> list[str]:
    """PostgreSQL adds the columns where they are missing; SQLite has no `IF NOT EXISTS` for a column, so
    `pipeline.store.sqlite` asks first and runs `add_column_statement` itself."""
    if dialect != "postgres":
        return []
    return [add_column_statement(dialect, table, column) for table, column in ADDED_COLUMNS]


def add_column_statement(dialect: Dialect, table: str, column: str) -> str:
    (found,) = [c for c in TABLES_BY_NAME[table].columns if c.name == column]
    guard = "IF NOT EXISTS " if dialect == "postgres" else ""
    return f"ALTER TABLE {table} ADD COLUMN {guard}{column} {_TYPES[dialect][found.type]}"


def region_within_view(dialect: Dialect) -> str:
    """`region_within`: (region_id, within_id) for each region and what contains it: itself, its parent
    subdivision (a town's oblast) and its country. Parents are first-level subdivisions, so two steps reach
    every container. A parent no article names has no row in `regions`; its code is still its id."""
    create = "CREATE VIEW IF NOT EXISTS" if dialect == "sqlite" else "CREATE OR REPLACE VIEW"
    return (f"{create} region_within AS\n"
            "SELECT id AS region_id, id AS within_id FROM regions\n"
            "UNION SELECT id, parent_code FROM regions WHERE parent_code IS NOT NULL\n"
            "UNION SELECT id, country FROM regions WHERE country IS NOT NULL AND kind <> 'country'")


# How each dialect unpacks a link row's JSON array of [start, end] pairs into rows `m` with `m.first`, `m.last`.
_UNPACK_SPANS = {
    "sqlite": ("json_each(l.mentions) AS j", "json_extract(j.value, '$[0]')", "json_extract(j.value, '$[1]')"),
    "postgres": ("jsonb_array_elements(l.mentions) AS j(value)", "(j.value->>0)::integer", "(j.value->>1)::integer"),
}
_ENTITY_TYPES = {"people": "person", "regions": "region", "enterprises": "enterprise", "organizations": "organization"}


def mentions_view(dialect: Dialect) -> str:
    """`mentions`: every mention of every entity, one row each (article, entity, offsets, text), as a view
    over the link tables, which keep a link's offsets together so that a load writes one row, not dozens."""
    unpack, first, last = _UNPACK_SPANS[dialect]
    selects = [f"SELECT l.article_id, '{kind}' AS entity_type, l.{kind}_id AS entity_id, {first} AS start, "
               f'{last} AS "end", substr(a.text, {first} + 1, {last} - {first}) AS text '
               f"FROM article_{table} l JOIN articles a ON a.id = l.article_id, {unpack}"
               for table, kind in _ENTITY_TYPES.items()]
    create = "CREATE VIEW IF NOT EXISTS" if dialect == "sqlite" else "CREATE OR REPLACE VIEW"
    return f"{create} mentions AS\n" + "\nUNION ALL\n".join(selects)


# How each dialect joins a claim's child rows into one text, in their order.
_JOINED = {"sqlite": "(SELECT group_concat({column}, '; ') FROM (SELECT {column} FROM {table} x "
                     "WHERE x.article_id = c.article_id AND x.claim_position = c.position ORDER BY x.position))",
           "postgres": "(SELECT string_agg({column}, '; ' ORDER BY x.position) FROM {table} x "
                       "WHERE x.article_id = c.article_id AND x.claim_position = c.position)"}


def claims_view(dialect: Dialect) -> str:
    """`claims_wide`: one row per claim with what a reader needs beside it (its subjects, amounts and
    percentages as text, its first amount as numbers, the article's title, date and address), so that
    "claims about X with their amounts" is one SELECT instead of joins on composite keys."""
    joined = _JOINED[dialect]
    first_amount = ("(SELECT x.{column} FROM claim_money x WHERE x.article_id = c.article_id "
                    "AND x.claim_position = c.position ORDER BY x.position LIMIT 1)")
    create = "CREATE VIEW IF NOT EXISTS" if dialect == "sqlite" else "CREATE OR REPLACE VIEW"
    return (f"{create} claims_wide AS\n"
            "SELECT c.article_id, c.position, c.text, c.from_date, c.to_date, c.kind, c.speaker, c.speaker_id, "
            "c.metric, "
            f"{joined.format(column='subject', table='claim_subjects')} AS subjects, "
            f"{joined.format(column='text', table='claim_money')} AS amounts, "
            f"{first_amount.format(column='low')} AS low, {first_amount.format(column='high')} AS high, "
            f"{first_amount.format(column='currency')} AS currency, "
            f"{joined.format(column='text', table='claim_percentages')} AS percentages, "
            "a.title, a.published, a.source_url AS url\n"
            "FROM claims c JOIN articles a ON a.id = c.article_id")


def index_statements() -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of every secondary index, the same in both dialects."""
    return [(f"{table.name}_{'_'.join(columns)}",
             f"CREATE INDEX IF NOT EXISTS {table.name}_{'_'.join(columns)} ON {table.name} ({', '.join(columns)})")
            for table in TABLES for columns in table.indexes]


def insert_statement(table: Table, placeholder: str) -> str:
    """Plain INSERT of one row, for rows known to be new (an article's rows are deleted before it is
    written again), so a duplicate key is an error rather than a silent update."""
    values = ", ".join([placeholder] * len(table.columns))
    return f"INSERT INTO {table.name} ({', '.join(table.column_names)}) VALUES ({values})"


def upsert_statement(table: Table, placeholder: str) -> str:
    """INSERT of one row that updates it in place when its key is already there."""
    names = table.column_names
    values = ", ".join([placeholder] * len(names))
    rest = [name for name in names if name not in table.key]
    update = ", ".join(f"{name} = excluded.{name}" for name in rest)
    action = f"DO UPDATE SET {update}" if rest else "DO NOTHING"
    return (f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({values}) "
            f"ON CONFLICT ({', '.join(table.key)}) {action}")


def entity_upsert_statement(table: Table, placeholder: str) -> str:
    """Upsert of a canonical entity: the longest name seen wins (ties: alphabetically first), so the
    result does not depend on the order articles are loaded in."""
    names = table.column_names
    values = ", ".join([placeholder] * len(names))
    update = ", ".join(f"{name} = excluded.{name}" for name in names if name != "id")
    better = (f"length(excluded.name) > length({table.name}.name) OR "
              f"(length(excluded.name) = length({table.name}.name) AND excluded.name < {table.name}.name)")
    return (f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({values}) "
            f"ON CONFLICT (id) DO UPDATE SET {update} WHERE {better}")


def distinct_entities(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """One row per id (rows start with id and name): the row `entity_upsert_statement` would keep of
    these, so upserting just those gives the same table. Common entities recur in most articles of a
    batch; this writes each once."""
    kept: dict[str, tuple[Any, ...]] = {}
    for row in rows:
        held = kept.get(row[0])
        if held is None or len(row[1]) > len(held[1]) or (len(row[1]) == len(held[1]) and row[1] < held[1]):
            kept[row[0]] = row
    return list(kept.values())


def delete_statements(placeholder: str, count: int) -> list[str]:
    """Deleting `count` articles' rows, children first (PostgreSQL checks the foreign keys)."""
    ids = ", ".join([placeholder] * count)
    return [f"DELETE FROM {table.name} WHERE {table.column_names[0]} IN ({ids})"
            for table in reversed(TABLES) if table.per_article] + [f"DELETE FROM articles WHERE id IN ({ids})"]


def prune_statements() -> list[str]:
    """After articles were replaced: drop canonical entities no article names any more, and give
    the rest the name the upsert would have chosen from the articles now stored."""
    statements = []
    for table in ENTITY_TABLES:
        link = TABLES_BY_NAME[f"article_{table}"]
        entity_column = link.column_names[2]
        statements.append(f"DELETE FROM {table} WHERE id NOT IN (SELECT {entity_column} FROM {link.name})")
        statements.append(f"UPDATE {table} SET name = (SELECT name FROM {link.name} WHERE {entity_column} = "
                          f"{table}.id ORDER BY length(name) DESC, name LIMIT 1)")
    return statements
