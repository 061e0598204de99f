-- Orleans cluster membership in PostgreSQL, for Microsoft.Orleans.Clustering.AdoNet (Invariant "Npgsql"): the silos'
-- membership table and the gateway list Orleans clients read. The provider ships no SQL: it reads its statements by key
-- from orleansquery, so this file holds the tables and those statements together. Written for this project from the
-- provider's contract (the query keys, the @parameters it binds and the result columns it reads), not from Orleans' scripts.
--
-- Naming the provider imposes: it loads the statements with the unquoted SELECT QueryKey, QueryText FROM OrleansQuery,
-- which PostgreSQL folds to lower case, so that table and its two columns must be called exactly orleansquery,
-- querykey and querytext (in a schema on the search_path). Everything else is ours. The provider reads result columns by
-- their Orleans names ("Version", "StartTime", ...), so the statements alias the snake_case columns to those names, in
-- double quotes to keep their case. "DeploymentId" is what the provider calls the ClusterId.
--
-- Types follow what the provider binds: integers as int4 (Version, Port, Generation, Status, ProxyPort), strings as text,
-- times as DateTime with DbType.DateTime, which Npgsql sends as timestamptz and which must be UTC (Orleans' are).

CREATE TABLE orleansquery (
    querykey text PRIMARY KEY,
    querytext text NOT NULL
);

-- One row per cluster. version is the whole membership table's etag: a member is inserted or updated only by a caller
-- that names the version it read, and each such write moves it on by one (Orleans' optimistic concurrency).
CREATE TABLE orleans_membership_version (
    deployment_id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation: address, port and generation together are its SiloAddress. status is the SiloStatus
-- number (3 Active, 6 Dead, ...); proxy_port is its gateway port, 0 when it has none; suspect_times is Orleans' own text
-- ("silo,date|silo,date", NULL or empty when nobody suspects it).
CREATE TABLE orleans_membership (
    deployment_id text NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address text NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,
    proxy_port integer NOT NULL,
    suspect_times text NULL,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- A silo starting: make sure its cluster has a version row. Answers whether this call created it.
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING deployment_id
)
SELECT EXISTS (SELECT 1 FROM created)
$sql$),

-- The whole table: the version row, joined to every member (one row with NULL member columns when there is none; the
-- provider needs that row for the version and tells "no member" by a NULL StartTime).
('MembershipReadAllKey', $sql$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$sql$),

-- One silo's row, with the version, in the same shape as MembershipReadAllKey.
('MembershipReadRowKey', $sql$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$sql$),

-- A new member, only if the version is still the one the caller read and the silo has no row yet. The version is
-- moved on first: that UPDATE locks the version row, so of two concurrent writers naming the same version one waits
-- and then finds it changed. Answers whether the row was inserted.
('InsertMembershipKey', $sql$
WITH claimed AS (
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND NOT EXISTS (SELECT 1 FROM orleans_membership
                        WHERE deployment_id = @DeploymentId
                          AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), added AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                    start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           @StartTime, @IAmAliveTime
      FROM claimed
    RETURNING deployment_id
)
SELECT EXISTS (SELECT 1 FROM added)
$sql$),

-- A member's status, suspicions and last heartbeat, under the same version check as InsertMembershipKey.
('UpdateMembershipKey', $sql$
WITH claimed AS (
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND EXISTS (SELECT 1 FROM orleans_membership
                    WHERE deployment_id = @DeploymentId
                      AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), changed AS (
    UPDATE orleans_membership m
       SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      FROM claimed c
     WHERE m.deployment_id = c.deployment_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id
)
SELECT EXISTS (SELECT 1 FROM changed)
$sql$),

-- The heartbeat: no version check and no new version, as the protocol allows.
('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address AND port = @Port AND generation = @Generation
$sql$),

-- Gateways for clients: active members that listen for clients. @Status is the provider's (Active).
('GatewaysQueryKey', $sql$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = @Status
   AND proxy_port > 0
$sql$),

-- Forget a cluster: its version row, and its members with it (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId
$sql$),

-- Defunct-silo cleanup, the required form (10.4 runs it only when CleanupDefunctSiloEntryKey below is absent): dead
-- members (status 6) not heard from since @IAmAliveTime.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
$sql$),

-- Defunct-silo cleanup, the optional per-row form that 10.4 prefers when it is present: the provider reads the table,
-- picks the dead rows old enough to go, and deletes each only if it still holds the values it read (so a row changed in
-- the meantime stays). NULL and empty suspect_times mean the same to Orleans, so they compare equal here.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '')
$sql$);
