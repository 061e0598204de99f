-- Read models: full-text search by bigram rows (see ReadModel/Search) and projection checkpoints.
CREATE TABLE search_documents (
    kind text NOT NULL,
    doc_id text NOT NULL,
    text text NOT NULL,
    PRIMARY KEY (kind, doc_id)
);

CREATE TABLE search_grams (
    kind text NOT NULL,
    gram text NOT NULL,
    doc_id text NOT NULL,
    PRIMARY KEY (kind, gram, doc_id)
);

CREATE TABLE projection_checkpoints (
    name text PRIMARY KEY,
    position bigint NOT NULL
);
