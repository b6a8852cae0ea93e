-- The record: one row per stored document and one per fact of its layers.
-- Portable SQL (INTEGER, TEXT, REAL, BLOB; a PostgreSQL backend maps BLOB to
-- BYTEA and REAL to DOUBLE PRECISION in its own copy of this file). Full-text
-- search is backend-specific and lives in schema/<backend>/.
--
-- Offsets are UTF-8 byte offsets into the document's text, end exclusive:
-- every fact can show its evidence. "n" is the fact's index in its layer of
-- the stored document, so a row leads back to the decoded document.
--
-- A fact's key is doc * 65536 + n (event_args: (doc * 65536 + event) * 256
-- + k): the rows of one document are contiguous in their table, so each
-- table is its own index by document (WHERE key BETWEEN doc * 65536 AND
-- doc * 65536 + 65535) and needs no second one. A document has fewer than
-- 65,536 facts of a kind (the writer checks). Facts refer to an entity by
-- its key (entities.entity), so a join needs no document id.

CREATE TABLE documents (
    doc          INTEGER PRIMARY KEY,       -- internal id, assigned by the store
    id           TEXT NOT NULL UNIQUE,      -- external id, as given to ingest
    hash         TEXT NOT NULL,             -- hex of SHA-256 (first 16 bytes) of the normalised text and URL
    url          TEXT,
    title        TEXT,
    source       TEXT,                      -- where it was read: a path, stdin:12, a feed
    outlet       TEXT,                      -- the publisher: the URL's host when known
    published    TEXT,                      -- ISO 8601 date or date-time, NULL when unknown
    ingested     TEXT NOT NULL,             -- UTC time of storing, RFC 3339
    quality      REAL,                      -- the document's text-quality score, 0-1
    text_bytes   INTEGER NOT NULL,          -- length of the text in bytes
    words        INTEGER NOT NULL,
    text         BLOB NOT NULL,             -- the text, DEFLATE-compressed
    layers       BLOB NOT NULL,             -- the extract JSON with the text left out, DEFLATE-compressed
    story        TEXT,                      -- corpus links, set by package link (NULL: none)
    duplicate_of TEXT
);
CREATE INDEX documents_hash ON documents (hash);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_story ON documents (story);

CREATE TABLE entities (
    entity      INTEGER PRIMARY KEY,        -- doc * 65536 + n
    doc         INTEGER NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    eid         TEXT NOT NULL,              -- the entity's id in its document ("E3")
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,              -- PERSON, ORG, GPE, LOC, NORP
    role        TEXT,
    affiliation TEXT,
    mentions    INTEGER NOT NULL,           -- how many mentions refer to it
    first_start INTEGER,                    -- its first mention: evidence
    first_end   INTEGER,
    actor       TEXT                        -- corpus-wide actor, set by package link
);
CREATE INDEX entities_name ON entities (name);
CREATE INDEX entities_actor ON entities (actor) WHERE actor IS NOT NULL;

CREATE TABLE quotes (
    quote         INTEGER PRIMARY KEY,      -- doc * 65536 + n; also the quote's full-text row
    doc           INTEGER NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
    n             INTEGER NOT NULL,
    kind          TEXT NOT NULL,            -- direct, indirect, mixed
    speaker       INTEGER,                  -- entities.entity of the resolved speaker, NULL when unknown
    content_start INTEGER NOT NULL,
    content_end   INTEGER NOT NULL,
    cue_start     INTEGER,                  -- NULL when there is no cue
    cue_end       INTEGER,
    source_start  INTEGER,                  -- the mention that says it, as written; NULL when absent
    source_end    INTEGER,
    confidence    REAL
);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE events (
    event          INTEGER PRIMARY KEY,     -- doc * 65536 + n
    doc            INTEGER NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
    n              INTEGER NOT NULL,
    type           TEXT NOT NULL,           -- PLOVER category
    mode           TEXT,
    modality       TEXT,                    -- '' asserted, future, hypothetical, claimed
    negated        INTEGER NOT NULL,        -- 0 or 1
    debris         INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    evidence_start INTEGER,                 -- the sentence; NULL when unknown
    evidence_end   INTEGER,
    date           TEXT,                    -- TIMEX3 value
    date_from      TEXT,
    dead           REAL,
    injured        REAL,
    size           REAL,
    claimant       INTEGER                  -- entities.entity, for claimed events
);
CREATE INDEX events_type ON events (type);

-- The actors, recipients and places of events, one row each.
CREATE TABLE event_args (
    arg    INTEGER PRIMARY KEY,             -- (doc * 65536 + event) * 256 + k
    doc    INTEGER NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
    event  INTEGER NOT NULL,                -- events.n
    role   TEXT NOT NULL,                   -- actor, recipient, place
    name   TEXT NOT NULL,                   -- canonical name
    entity INTEGER,                         -- entities.entity, NULL when unresolved
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL
);
CREATE INDEX event_args_name ON event_args (name);

CREATE TABLE timexes (
    timex       INTEGER PRIMARY KEY,        -- doc * 65536 + n
    doc         INTEGER NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    type        TEXT NOT NULL,              -- DATE, TIME, DURATION, SET
    value       TEXT NOT NULL,              -- TIMEX3
    granularity TEXT,
    anchor      TEXT,
    mod         TEXT
);

CREATE TABLE quantities (
    quantity INTEGER PRIMARY KEY,           -- doc * 65536 + n
    doc      INTEGER NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
    n        INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    value    REAL NOT NULL,
    bound    TEXT NOT NULL,                 -- exact, min, max, approx
    category TEXT,                          -- killed, wounded, troops, ... or the counted noun
    counts   TEXT,
    unit     TEXT,
    ordinal  INTEGER NOT NULL
);
CREATE INDEX quantities_category ON quantities (category);

CREATE TABLE flags (
    flag  INTEGER PRIMARY KEY,              -- doc * 65536 + n
    doc   INTEGER NOT NULL REFERENCES documents (doc) ON DELETE CASCADE,
    n     INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind  TEXT NOT NULL,
    why   TEXT
);

-- Inputs that could not be read or analysed: reported, never fatal.
CREATE TABLE errors (
    id      INTEGER PRIMARY KEY,
    source  TEXT NOT NULL,                  -- the input: a path, stdin:12
    doc_id  TEXT,                           -- the document's id when known
    message TEXT NOT NULL,
    time    TEXT NOT NULL                   -- UTC, RFC 3339
);
