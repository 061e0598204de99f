-- STRICT tables so a mistyped value fails loudly instead of being stored as something else.
-- Times are UTC ISO-8601 text with microseconds (same precision as PostgreSQL), so they sort as text.

CREATE TABLE grain_state (
    grain_type TEXT NOT NULL,
    grain_key TEXT NOT NULL,
    state_name TEXT NOT NULL,
    payload TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (grain_type, grain_key, state_name)
) STRICT;

-- AUTOINCREMENT: positions are never reused, so a reader's checkpoint can never point at a recycled position.
CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    grain_type TEXT NOT NULL,
    grain_key TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    actor_id TEXT NULL,
    occurred_at TEXT NOT NULL
) STRICT;

CREATE TABLE reminders (
    grain_type TEXT NOT NULL,
    grain_key TEXT NOT NULL,
    reminder_name TEXT NOT NULL,
    start_at TEXT NOT NULL,
    period_ms INTEGER NOT NULL,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
) STRICT;
