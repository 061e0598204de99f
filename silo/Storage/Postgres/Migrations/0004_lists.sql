-- Read models for lists, the pipeline statistics and the public timelines (see silo/ReadModel). All of them are
-- rebuilt from the event log, so they hold public fields only: no email, no hidden comment, no vote or support by whom.
-- Stages, statuses and channels are stored as their API wire names, so a list query compares text to text.

-- Long text comes last, as in the SQLite schema (where it keeps filter and sort columns from sitting behind a long body).
CREATE TABLE challenge_list (
    id text PRIMARY KEY,
    category text NOT NULL,
    status text NOT NULL,
    stage text NOT NULL,
    idea_id text NULL,
    support_count integer NOT NULL,
    comment_count integer NOT NULL,
    absorbed_comments integer NOT NULL,
    created_at timestamptz NOT NULL,
    proxy_channel text NULL,
    latitude double precision NULL,
    longitude double precision NULL,
    merged_into_id text NULL,
    title text NOT NULL,
    place_text text NULL,
    decline_reason text NULL,
    body text NOT NULL
);

-- One index per served order ("newest", "supported") and per filter with the default order, so a page is an index walk.
CREATE INDEX challenge_list_newest ON challenge_list (created_at DESC, id DESC);
CREATE INDEX challenge_list_supported ON challenge_list (support_count DESC, created_at DESC, id DESC);
CREATE INDEX challenge_list_status ON challenge_list (status, created_at DESC, id DESC);
CREATE INDEX challenge_list_stage ON challenge_list (stage, created_at DESC, id DESC);
CREATE INDEX challenge_list_category ON challenge_list (category, created_at DESC, id DESC);
-- An idea's stage move updates every challenge linked to it.
CREATE INDEX challenge_list_idea ON challenge_list (idea_id);

CREATE TABLE idea_list (
    id text PRIMARY KEY,
    category text NOT NULL,
    stage text NOT NULL,
    status text NOT NULL,
    vote_count integer NOT NULL,
    comment_count integer NOT NULL,
    challenge_count integer NOT NULL,
    created_at timestamptz NOT NULL,
    stage_entered_at timestamptz NOT NULL,
    operator text NULL,
    welcomes_partners boolean NOT NULL,
    accepted_partner_count integer NOT NULL,
    kpi_count integer NOT NULL,
    title text NOT NULL,
    status_reason text NULL,
    summary text NOT NULL
);

CREATE INDEX idea_list_newest ON idea_list (created_at DESC, id DESC);
CREATE INDEX idea_list_votes ON idea_list (vote_count DESC, created_at DESC, id DESC);
CREATE INDEX idea_list_status ON idea_list (status, created_at DESC, id DESC);
CREATE INDEX idea_list_stage ON idea_list (stage, created_at DESC, id DESC);
CREATE INDEX idea_list_category ON idea_list (category, created_at DESC, id DESC);

-- Every comment the events have named, and whether it is shown now, so a delete after a hide (or an event seen twice)
-- never counts twice. No text: counts only. A merge gives a duplicate's comments new ids at the challenge that takes them
-- in, unannounced; challenge_list.absorbed_comments counts those still shown, for their later hiding or deletion.
CREATE TABLE list_comments (
    item_kind text NOT NULL,
    item_id text NOT NULL,
    comment_id text NOT NULL,
    visible boolean NOT NULL,
    PRIMARY KEY (item_kind, item_id, comment_id)
);

-- Each stay of an idea in a stage. duration_seconds is set only when the idea moved on (forward or back): those are
-- the stays the median counts. A stay ended by closing the idea has left_at but no duration.
CREATE TABLE stage_periods (
    idea_id text NOT NULL,
    seq integer NOT NULL,
    stage text NOT NULL,
    entered_at timestamptz NOT NULL,
    left_at timestamptz NULL,
    duration_seconds bigint NULL,
    PRIMARY KEY (idea_id, seq)
);

CREATE INDEX stage_periods_duration ON stage_periods (stage, duration_seconds);

-- Public events of challenges and ideas, in log order; payload is the event's public JSON (camelCase, wire names).
CREATE TABLE timeline (
    item_kind text NOT NULL,
    item_id text NOT NULL,
    position bigint NOT NULL,
    event_type text NOT NULL,
    actor_id text NULL,
    occurred_at timestamptz NOT NULL,
    payload text NOT NULL,
    PRIMARY KEY (item_kind, item_id, position)
);
