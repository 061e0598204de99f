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

    // The state part of a round: writes given as arrays ($1..$5 grain_type, grain_key, state_name, payload with null
    // meaning delete, expected version; one element per write); ok holds (n, new version) for each write that matched
    // its expected version, n being its 1-based index. All parts of one statement share a snapshot, hence rounds in
    // which no state id appears twice.
    private const string RoundCtes = """
        w AS (
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
            RETURNING w.n),
        ok(n, version) AS (
            SELECT w.n, 1::bigint FROM w JOIN ins USING (grain_type, grain_key, state_name)
            UNION ALL SELECT n, version FROM upd
            UNION ALL SELECT n, 0::bigint FROM del
            UNION ALL SELECT w.n, 0::bigint FROM w
                WHERE w.expected = 0 AND w.payload IS NULL AND NOT EXISTS (
                    SELECT 1 FROM grain_state g
                    WHERE g.grain_type = w.grain_type AND g.grain_key = w.grain_key AND g.state_name = w.state_name))
        """;

    // One row per write: its index, its new version (null on a conflict), and the version stored before the round
    // (null when there was no row). The main query reads the statement's snapshot, so it sees the old version,
    // which is what a conflict message should report.
    private const string RoundOutcomes = """
        SELECT w.n, ok.version, g.version
        FROM w
        LEFT JOIN ok ON ok.n = w.n
        LEFT JOIN grain_state g
            ON g.grain_type = w.grain_type AND g.grain_key = w.grain_key AND g.state_name = w.state_name
        """;

    // The events part: $6..$10 are the owning write's 1-based index, event_type, payload, actor_id, occurred_at, one
    // element per event; only the events of writes in ok are appended, in array order.
    private const string EventsCte = """
        ev AS (
            INSERT INTO events (grain_type, grain_key, event_type, payload, actor_id, occurred_at)
            SELECT w.grain_type, w.grain_key, e.event_type, e.payload, e.actor_id, e.occurred_at
            FROM unnest($6::bigint[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
                WITH ORDINALITY AS e(write_n, event_type, payload, actor_id, occurred_at, m)
            JOIN ok ON ok.n = e.write_n
            JOIN w ON w.n = e.write_n
            ORDER BY e.m)
        """;

    private static readonly string[] Rounds =
    [
        "WITH " + RoundCtes + "\n" + RoundOutcomes,
        "WITH " + RoundCtes + ",\n" + EventsCte + "\n" + RoundOutcomes,
        "WITH " + RoundCtes + ",\n" + RowsCtes(6) + "\n" + RoundOutcomes,
        "WITH " + RoundCtes + ",\n" + EventsCte + ",\n" + RowsCtes(11) + "\n" + RoundOutcomes,
    ];

    /// <summary>
    /// The statement that applies a round of state writes ($1..$5, see the comments in source) and returns, for each
    /// write, (n, new version or null on a conflict, version stored before the round or null). With events, it also
    /// appends the events of the writes that succeeded ($6..$10); with rows, it also applies their row changes (the
    /// next four parameters). Each part is left out when no write of the round needs it, so it costs nothing then.
    /// </summary>
    public static string WriteRound(bool withEvents, bool withRows) => Rounds[(withEvents ? 1 : 0) + (withRows ? 2 : 0)];

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

    // The rows part: the four parameters from $first are the owning write's 1-based index, set_name, member and
    // payload (null removes the row), one element per change. Only changes of writes in ok apply. One statement may
    // not touch a row twice, and two writes of a round may name the same row (two states of one grain, or one write
    // changing a row twice), so the last change to each row in array order, which is queue order, is the one applied.
    private static string RowsCtes(int first) => $$"""
        rc AS (
            SELECT DISTINCT ON (w.grain_type, w.grain_key, c.set_name, c.member)
                w.grain_type, w.grain_key, c.set_name, c.member, c.payload
            FROM unnest(${{first}}::bigint[], ${{first + 1}}::text[], ${{first + 2}}::text[], ${{first + 3}}::text[])
                WITH ORDINALITY AS c(write_n, set_name, member, payload, m)
            JOIN ok ON ok.n = c.write_n
            JOIN w ON w.n = c.write_n
            ORDER BY w.grain_type, w.grain_key, c.set_name, c.member, c.m DESC),
        row_upserts AS (
            INSERT INTO grain_rows (grain_type, grain_key, set_name, member, payload)
            SELECT grain_type, grain_key, set_name, member, payload FROM rc WHERE payload IS NOT NULL
            ON CONFLICT (grain_type, grain_key, set_name, member) DO UPDATE SET payload = excluded.payload),
        row_deletes AS (
            DELETE FROM grain_rows g USING rc
            WHERE rc.payload IS NULL
                AND g.grain_type = rc.grain_type AND g.grain_key = rc.grain_key
                AND g.set_name = rc.set_name AND g.member = rc.member)
        """;
}
