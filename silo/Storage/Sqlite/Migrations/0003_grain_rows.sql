-- Row sets: growing sets a grain owns (supporters, voters, comments), one row per member, written in the same
-- transaction as the grain's state so that one vote costs the same however many came before it.
-- WITHOUT ROWID: rows live in the primary-key b-tree, so a set reads as one range scan already ordered by member.
CREATE TABLE grain_rows (
    grain_type TEXT NOT NULL,
    grain_key TEXT NOT NULL,
    set_name TEXT NOT NULL,
    member TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (grain_type, grain_key, set_name, member)
) STRICT, WITHOUT ROWID;
