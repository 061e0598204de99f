-- Read models: full-text search by bigram rows (see ReadModel/Search) and projection checkpoints.
CREATE TABLE search_documents (
    kind TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (kind, doc_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE search_grams (
    kind TEXT NOT NULL,
    gram TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (kind, gram, doc_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE projection_checkpoints (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL
) STRICT;
