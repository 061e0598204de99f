-- In-app notifications (silo/ReadModel/Notifications), rebuilt from the event log like every read model. Unlike the
-- lists, these tables are private: who supports or follows what, and what each person was told. Nothing public reads them.

-- Who hears about an item: its author, supporters, voters and followers, one row per role (a supporter who also
-- follows stays in the audience when withdrawing support).
CREATE TABLE notification_audience (
    item_kind text NOT NULL,
    item_id text NOT NULL,
    person_id text NOT NULL,
    role text NOT NULL,
    since timestamptz NOT NULL,
    PRIMARY KEY (item_kind, item_id, person_id, role)
);

-- "My challenges" and "what I follow" on a person's page.
CREATE INDEX notification_audience_person ON notification_audience (person_id, role, since DESC);

-- The challenges that led to an idea: their audiences hear of the idea's moves too.
CREATE TABLE notification_links (
    idea_id text NOT NULL,
    challenge_id text NOT NULL,
    PRIMARY KEY (idea_id, challenge_id)
);

CREATE TABLE notification_mutes (
    person_id text NOT NULL,
    item_kind text NOT NULL,
    item_id text NOT NULL,
    PRIMARY KEY (person_id, item_kind, item_id)
);

-- One notification per person per event: its id is the event's position, so a rebuild gives the same ids.
CREATE TABLE notifications (
    person_id text NOT NULL,
    position bigint NOT NULL,
    item_kind text NOT NULL,
    item_id text NOT NULL,
    kind text NOT NULL,
    actor_id text NULL,
    occurred_at timestamptz NOT NULL,
    is_read boolean NOT NULL,
    data text NOT NULL,
    PRIMARY KEY (person_id, position)
);

-- The unread count in the header of every page a signed-in person opens.
CREATE INDEX notifications_unread ON notifications (person_id) WHERE NOT is_read;
