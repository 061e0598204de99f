-- Orleans reminders in PostgreSQL, for Microsoft.Orleans.Reminders.AdoNet (Invariant "Npgsql"): the reminder table and
-- the statements the provider reads by key from orleansquery (created in 0007, with the naming rules it imposes).
-- Written for this project from the provider's contract (the query keys, the @parameters it binds and the result
-- columns it reads), not from Orleans' scripts. Not the retired runtime's reminders table of 0001: Orleans keeps its own.
--
-- service_id is the ClusterOptions.ServiceId, so reminders outlive a change of ClusterId. grain_id is GrainId.ToString().
-- grain_hash is GrainId.GetUniformHashCode(), an unsigned 32-bit value the provider binds cast to a signed int4: the
-- range queries compare in that signed order, and the provider picks ReadRangeRows1Key or ReadRangeRows2Key by it.
-- period_ms is the period in milliseconds (the provider binds int4 or int8 and reads it back as a 64-bit integer).
-- version is the row's etag: 0 when created, one more at every upsert.
CREATE TABLE orleans_reminders (
    service_id text NOT NULL,
    grain_id text NOT NULL,
    reminder_name text NOT NULL,
    grain_hash integer NOT NULL,
    start_time timestamptz NOT NULL,
    period_ms bigint NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo's reminder service reads the rows of its slice of the hash ring.
CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- One grain's reminders.
('ReadReminderRowsKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId
$sql$),

-- One reminder (no row when there is none).
('ReadReminderRowKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId
   AND grain_id = @GrainId
   AND reminder_name = @ReminderName
$sql$),

-- The reminders whose hash lies in the ring range (@BeginHash, @EndHash], when that range does not wrap in signed order.
('ReadRangeRows1Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId
   AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$sql$),

-- The same when the range wraps past the top of the signed range (or is the whole ring, when begin and end are equal).
('ReadRangeRows2Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId
   AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$sql$),

-- Create or replace a reminder; answers its new etag. No etag check: the provider's upsert has none.
('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminders AS r (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET grain_hash = EXCLUDED.grain_hash,
       start_time = EXCLUDED.start_time,
       period_ms = EXCLUDED.period_ms,
       version = r.version + 1
RETURNING r.version AS "Version"
$sql$),

-- Remove a reminder if its etag is still @Version; answers whether it did.
('DeleteReminderRowKey', $sql$
WITH removed AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId
       AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING grain_id
)
SELECT EXISTS (SELECT 1 FROM removed)
$sql$),

-- Every reminder of the service (Orleans calls it only from tests).
('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminders
 WHERE service_id = @ServiceId
$sql$);
