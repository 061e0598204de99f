namespace LivingLab.Storage;

/// <summary>The PostgreSQL write statements. Parameters are positional ($n) so Npgsql sends them without rewriting.</summary>
internal static class PostgresSql
{
    /// <summary>Advisory lock key that serialises event appends across processes (ASCII "LLEVENTS").</summary>
    public const long EventLogLockKey = 0x4C4C_4556_454E_5453;

    /// <summary>Advisory lock key that serialises migrations across processes (ASCII "LLMIGRAT").</summary>
    public const long MigrationLockKey = 0x4C4C_4D49_4752_4154;

    // Held to COMMIT by every transaction that appends events: positions come from a sequence, and without this a
    // later position could become visible before an earlier one, and a reader's checkpoint would skip the earlier.
    public static readonly string LockEventLog = $"SELECT pg_advisory_xact_lock({EventLogLockKey})";

    public static readonly string LockMigrations = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    public const string ReadVersion =
        "SELECT version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3";

    /// <summary>
    /// Applies a round of writes (no state id twice) given as arrays: $1..$5 are grain_type, grain_key, state_name,
    /// payload (null = delete) and expected version, one element per write. Returns (n, new version) for each write
    /// that matched its expected version, n being its 1-based index; a missing n is a conflict.
    /// </summary>
    /// <remarks>
    /// One statement per round instead of one per write: per-statement overhead is paid once per batch.
    /// All parts of one statement share a snapshot, hence rounds with distinct ids.
    /// </remarks>
    public const string WriteRound = """
        WITH w AS (
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])
                WITH ORDINALITY AS w(grain_type, grain_key, state_name, payload, expected, n)),
        ins AS (
            INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version, updated_at)
            SELECT grain_type, grain_key, state_name, payload, 1, now() FROM w
            WHERE expected = 0 AND payload IS NOT NULL
            ON CONFLICT DO NOTHING
            RETURNING grain_type, grain_key, state_name),
        upd AS (
            UPDATE grain_state g SET payload = w.payload, version = g.version + 1, updated_at = now()
            FROM w
            WHERE w.expected <> 0 AND w.payload IS NOT NULL AND g.version = w.expected
                AND g.grain_type = w.grain_type AND g.grain_key = w.grain_key AND g.state_name = w.state_name
            RETURNING w.n, g.version),
        del AS (
            DELETE FROM grain_state g USING w
            WHERE w.expected <> 0 AND w.payload IS NULL AND g.version = w.expected
                AND g.grain_type = w.grain_type AND g.grain_key = w.grain_key AND g.state_name = w.state_name
            RETURNING w.n)
        SELECT w.n, 1::bigint FROM w JOIN ins USING (grain_type, grain_key, state_name)
        UNION ALL SELECT n, version FROM upd
        UNION ALL SELECT n, 0::bigint FROM del
        UNION ALL SELECT w.n, 0::bigint FROM w
            WHERE w.expected = 0 AND w.payload IS NULL AND NOT EXISTS (
                SELECT 1 FROM grain_state g
                WHERE g.grain_type = w.grain_type AND g.grain_key = w.grain_key AND g.state_name = w.state_name)
        """;

    /// <summary>
    /// Appends events given as arrays, one element per event ($1 grain_type, $2 grain_key, $3 event_type, $4 payload,
    /// $5 actor_id, $6 occurred_at); positions follow array order.
    /// </summary>
    public const string AppendEvents = """
        INSERT INTO events (grain_type, grain_key, event_type, payload, actor_id, occurred_at)
        SELECT e.grain_type, e.grain_key, e.event_type, e.payload, e.actor_id, e.occurred_at
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
            WITH ORDINALITY AS e(grain_type, grain_key, event_type, payload, actor_id, occurred_at, m)
        ORDER BY e.m
        """;
}
