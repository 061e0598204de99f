-- What each workshop led to (silo/ReadModel/WorkshopList/WorkshopOutcomeProjection): the ideas its board created and
-- the ideas and challenges it added notes to, with how many notes. Public; rebuilt from the idea and challenge events.
CREATE TABLE workshop_outcomes (
    workshop_id TEXT NOT NULL,
    item_kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    created INTEGER NOT NULL,
    contributions INTEGER NOT NULL,
    first_at TEXT NOT NULL,
    PRIMARY KEY (workshop_id, item_kind, item_id)
) STRICT;
