-- Orleans reminders (IReminderTable, see SqliteReminderTable.cs), kept in the store's file so they survive restarts.
-- grain_id is GrainId.ToString(); grain_hash is GrainId.GetUniformHashCode(), an unsigned 32-bit value, so the
-- reminder service can read the rows of its slice of the hash ring. start_at is UTC ISO-8601 text with microseconds
-- like every other time in this file (SqliteTime); period_ticks is TimeSpan ticks; version is the row's ETag.
CREATE TABLE orleans_reminders (
    grain_id TEXT NOT NULL,
    reminder_name TEXT NOT NULL,
    grain_hash INTEGER NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
    start_at TEXT NOT NULL,
    period_ticks INTEGER NOT NULL CHECK (period_ticks >= 0),
    version INTEGER NOT NULL CHECK (version > 0),
    PRIMARY KEY (grain_id, reminder_name)
) STRICT;

CREATE INDEX orleans_reminders_grain_hash ON orleans_reminders (grain_hash);

-- The retired home-made runtime's reminders; Orleans keeps its own in orleans_reminders above.
DROP TABLE IF EXISTS reminders;
