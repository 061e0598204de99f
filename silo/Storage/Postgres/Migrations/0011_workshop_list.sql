-- The public list of workshops (silo/ReadModel/WorkshopList), rebuilt from the event log: public facts and counts only,
-- never who registered. Times are null while the date is open (a date poll may still fix it).
CREATE TABLE workshop_list (
    id text PRIMARY KEY,
    stage text NOT NULL,
    status text NOT NULL,
    starts_at timestamptz NULL,
    ends_at timestamptz NULL,
    capacity integer NOT NULL,
    registered_count integer NOT NULL,
    waiting_count integer NOT NULL,
    guests_allowed boolean NOT NULL,
    has_poll boolean NOT NULL,
    created_at timestamptz NOT NULL,
    title text NOT NULL,
    place text NOT NULL,
    online_url text NOT NULL,
    status_reason text NULL
);

CREATE INDEX workshop_list_when ON workshop_list (ends_at, starts_at, id);
CREATE INDEX workshop_list_stage ON workshop_list (stage, ends_at, starts_at, id);
