-- What each workshop led to (silo/ReadModel/WorkshopList/WorkshopOutcomeProjection): the ideas its board created and
-- the ideas and challenges it added notes to, with how many notes. Public; rebuilt from the idea and challenge events.
CREATE TABLE workshop_outcomes (
    workshop_id text NOT NULL,
    item_kind text NOT NULL,
    item_id text NOT NULL,
    created boolean NOT NULL,
    contributions integer NOT NULL,
    first_at timestamptz NOT NULL,
    PRIMARY KEY (workshop_id, item_kind, item_id)
);
