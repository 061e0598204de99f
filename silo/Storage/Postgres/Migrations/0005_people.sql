-- The people directory admins search to grant roles (silo/ReadModel/People). Rebuilt from the person events, which name
-- people by id only; the display name is copied from the person grain by the directory's reader (name_checked marks rows
-- it has asked about), so a rebuild asks again and a deleted account's row keeps no name. No email: only the grain has it.
CREATE TABLE people_directory (
    id text PRIMARY KEY,
    registered_at timestamptz NOT NULL,
    -- Role codes between commas (",resident,facilitator,"), so a role filter is one LIKE that cannot match a part of a code.
    roles text NOT NULL,
    partner_id text NULL,
    display_name text NULL,
    -- The name folded for search (NFKC, lower case): ｻｶﾀ and サカタ, Sakata and sakata find each other.
    search_name text NULL,
    name_checked integer NOT NULL DEFAULT 0
);

CREATE INDEX people_directory_newest ON people_directory (registered_at DESC, id DESC);
-- The few rows whose name is still to be asked for.
CREATE INDEX people_directory_unnamed ON people_directory (name_checked, id);
