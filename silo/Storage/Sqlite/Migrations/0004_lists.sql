-- Read models for lists, the pipeline statistics and the public timelines (see silo/ReadModel). All of them are
-- rebuilt from the event log, so they hold public fields only: no email, no hidden comment, no vote or support by whom.
-- Stages, statuses and channels are stored as their API wire names, so a list query compares text to text.

-- Long text comes last: SQLite reads a row's columns in order, so a filter or sort column after a long body would
-- mean reading the body's overflow pages too.
CREATE TABLE challenge_list (
    id TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    stage TEXT NOT NULL,
    idea_id TEXT NULL,
    support_count INTEGER NOT NULL,
    comment_count INTEGER NOT NULL,
    absorbed_comments INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    proxy_channel TEXT NULL,
    latitude REAL NULL,
    longitude REAL NULL,
    merged_into_id TEXT NULL,
    title TEXT NOT NULL,
    place_text TEXT NULL,
    decline_reason TEXT NULL,
    body TEXT NOT NULL
) STRICT;

-- One index per served order ("newest", "supported") and per filter with the default order, so a page is an index walk.
CREATE INDEX challenge_list_newest ON challenge_list (created_at DESC, id DESC);
CREATE INDEX challenge_list_supported ON challenge_list (support_count DESC, created_at DESC, id DESC);
CREATE INDEX challenge_list_status ON challenge_list (status, created_at DESC, id DESC);
CREATE INDEX challenge_list_stage ON challenge_list (stage, created_at DESC, id DESC);
CREATE INDEX challenge_list_category ON challenge_list (category, created_at DESC, id DESC);
-- An idea's stage move updates every challenge linked to it.
CREATE INDEX challenge_list_idea ON challenge_list (idea_id);

CREATE TABLE idea_list (
    id TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    stage TEXT NOT NULL,
    status TEXT NOT NULL,
    vote_count INTEGER NOT NULL,
    comment_count INTEGER NOT NULL,
    challenge_count INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    stage_entered_at TEXT NOT NULL,
    operator TEXT NULL,
    welcomes_partners INTEGER NOT NULL,
    accepted_partner_count INTEGER NOT NULL,
    kpi_count INTEGER NOT NULL,
    title TEXT NOT NULL,
    status_reason TEXT NULL,
    summary TEXT NOT NULL
) STRICT;

CREATE INDEX idea_list_newest ON idea_list (created_at DESC, id DESC);
CREATE INDEX idea_list_votes ON idea_list (vote_count DESC, created_at DESC, id DESC);
CREATE INDEX idea_list_status ON idea_list (status, created_at DESC, id DESC);
CREATE INDEX idea_list_stage ON idea_list (stage, created_at DESC, id DESC);
CREATE INDEX idea_list_category ON idea_list (category, created_at DESC, id DESC);

-- Every comment the events have named, and whether it is shown now, so a delete after a hide (or an event seen twice)
-- never counts twice. No text: counts only. A merge gives a duplicate's comments new ids at the challenge that takes them
-- in, unannounced; challenge_list.absorbed_comments counts those still shown, for their later hiding or deletion.
CREATE TABLE list_comments (
    item_kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    comment_id TEXT NOT NULL,
    visible INTEGER NOT NULL,
    PRIMARY KEY (item_kind, item_id, comment_id)
) STRICT, WITHOUT ROWID;

-- Each stay of an idea in a stage. duration_seconds is set only when the idea moved on (forward or back): those are
-- the stays the median counts. A stay ended by closing the idea has left_at but no duration.
CREATE TABLE stage_periods (
    idea_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    stage TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    left_at TEXT NULL,
    duration_seconds INTEGER NULL,
    PRIMARY KEY (idea_id, seq)
) STRICT;

CREATE INDEX stage_periods_duration ON stage_periods (stage, duration_seconds);

-- Public events of challenges and ideas, in log order; payload is the event's public JSON (camelCase, wire names).
CREATE TABLE timeline (
    item_kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    actor_id TEXT NULL,
    occurred_at TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (item_kind, item_id, position)
) STRICT, WITHOUT ROWID;
