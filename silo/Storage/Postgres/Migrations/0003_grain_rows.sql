-- Row sets: growing sets a grain owns (supporters, voters, comments), one row per member, written in the same
-- transaction as the grain's state so that one vote costs the same however many came before it.
-- member uses the "C" collation: members compare and sort by their bytes whatever the database's locale, as in
-- SQLite, so the primary-key index already holds a set in the order it is read.
CREATE TABLE grain_rows (
    grain_type text NOT NULL,
    grain_key text NOT NULL,
    set_name text NOT NULL,
    member text COLLATE "C" NOT NULL,
    payload text NOT NULL,
    PRIMARY KEY (grain_type, grain_key, set_name, member)
);
