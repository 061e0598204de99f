-- The people directory admins search to grant roles (silo/ReadModel/People). Rebuilt from the person events, which name
-- people by id only; the display name is copied from the person grain when an event arrives, so a rebuild refreshes it
-- and a deleted account's row shows no name. No email: only the person grain holds it.
CREATE TABLE people_directory (
    id TEXT PRIMARY KEY,
    registered_at TEXT NOT NULL,
    -- Role codes between commas (",resident,facilitator,"), so a role filter is one LIKE that cannot match a part of a code.
    roles TEXT NOT NULL,
    partner_id TEXT NULL,
    display_name TEXT NULL,
    -- The name folded for search (NFKC, lower case): ｻｶﾀ and サカタ, Sakata and sakata find each other.
    search_name TEXT NULL
) STRICT;

CREATE INDEX people_directory_newest ON people_directory (registered_at DESC, id DESC);
