-- Payloads are text, not jsonb: the store must give back exactly the string it was given.
-- Read models can cast to jsonb where they need to query inside a payload.

-- fillfactor leaves room on each page so that a state update can stay on its page (a HOT update) and skip
-- the primary-key index: state rows are rewritten far more often than they are created.
CREATE TABLE grain_state (
    grain_type text NOT NULL,
    grain_key text NOT NULL,
    state_name text NOT NULL,
    payload text NOT NULL,
    version bigint NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (grain_type, grain_key, state_name)
) WITH (fillfactor = 70);

CREATE TABLE events (
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grain_type text NOT NULL,
    grain_key text NOT NULL,
    event_type text NOT NULL,
    payload text NOT NULL,
    actor_id text NULL,
    occurred_at timestamptz NOT NULL
);

CREATE TABLE reminders (
    grain_type text NOT NULL,
    grain_key text NOT NULL,
    reminder_name text NOT NULL,
    start_at timestamptz NOT NULL,
    period_ms bigint NOT NULL,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);
