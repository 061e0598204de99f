-- The public list of workshops (silo/ReadModel/WorkshopList), rebuilt from the event log: public facts and counts only,
-- never who registered. Times are null while the date is open (a date poll may still fix it).
CREATE TABLE workshop_list (
    id TEXT PRIMARY KEY,
    stage TEXT NOT NULL,
    status TEXT NOT NULL,
    starts_at TEXT NULL,
    ends_at TEXT NULL,
    capacity INTEGER NOT NULL,
    registered_count INTEGER NOT NULL,
    waiting_count INTEGER NOT NULL,
    guests_allowed INTEGER NOT NULL,
    has_poll INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    title TEXT NOT NULL,
    place TEXT NOT NULL,
    online_url TEXT NOT NULL,
    status_reason TEXT NULL
) STRICT;

-- Upcoming ones soonest first and past ones latest first are both walks of this index.
CREATE INDEX workshop_list_when ON workshop_list (ends_at, starts_at, id);
CREATE INDEX workshop_list_stage ON workshop_list (stage, ends_at, starts_at, id);
