using Npgsql;
using NpgsqlTypes;

namespace LivingLab.Storage;

/// <summary>Binds writes to the positional parameters of <see cref="PostgresSql"/> statements.</summary>
internal static class PostgresParameters
{
    /// <summary>
    /// Binds the parameters of <see cref="PostgresSql.WriteRound"/> with the same choice of parts: the writes, then
    /// their events, then their row changes.
    /// </summary>
    public static void AddRound(NpgsqlParameterCollection parameters, IReadOnlyList<PendingWrite> round, bool withEvents, bool withRows)
    {
        var types = new string[round.Count];
        var keys = new string[round.Count];
        var names = new string[round.Count];
        var payloads = new string?[round.Count];
        var expected = new long[round.Count];
        for (var i = 0; i < round.Count; i++)
        {
            var write = round[i].Write;
            types[i] = write.Id.GrainType;
            keys[i] = write.Id.GrainKey;
            names[i] = write.Id.StateName;
            payloads[i] = write.Payload;
            expected[i] = write.ExpectedVersion;
        }

        AddTextArray(parameters, types);
        AddTextArray(parameters, keys);
        AddTextArray(parameters, names);
        AddTextArray(parameters, payloads);
        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = expected, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        if (withEvents)
        {
            AddRoundEvents(parameters, round);
        }

        if (withRows)
        {
            AddRoundRows(parameters, round);
        }
    }

    /// <summary>Binds $1..$6 of <see cref="PostgresSql.AppendEvents"/> with the events of the given writes, in order.</summary>
    public static void AddEvents(NpgsqlParameterCollection parameters, IReadOnlyList<PendingWrite> writes)
    {
        var count = 0;
        foreach (var pending in writes)
        {
            count += pending.Write.Events.Count;
        }

        var grainTypes = new string[count];
        var grainKeys = new string[count];
        var events = new EventColumns(count);
        var i = 0;
        foreach (var pending in writes)
        {
            foreach (var data in pending.Write.Events)
            {
                grainTypes[i] = pending.Write.Id.GrainType;
                grainKeys[i] = pending.Write.Id.GrainKey;
                events.Set(i++, data);
            }
        }

        AddTextArray(parameters, grainTypes);
        AddTextArray(parameters, grainKeys);
        events.AddTo(parameters);
    }

    private static void AddRoundEvents(NpgsqlParameterCollection parameters, IReadOnlyList<PendingWrite> round)
    {
        var count = 0;
        foreach (var pending in round)
        {
            count += pending.Write.Events.Count;
        }

        var owners = new long[count];
        var events = new EventColumns(count);
        var e = 0;
        for (var w = 0; w < round.Count; w++)
        {
            foreach (var data in round[w].Write.Events)
            {
                owners[e] = w + 1;
                events.Set(e++, data);
            }
        }

        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = owners, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        events.AddTo(parameters);
    }

    private static void AddRoundRows(NpgsqlParameterCollection parameters, IReadOnlyList<PendingWrite> round)
    {
        var count = 0;
        foreach (var pending in round)
        {
            count += pending.Write.Rows?.Count ?? 0;
        }

        var owners = new long[count];
        var sets = new string[count];
        var members = new string[count];
        var payloads = new string?[count];
        var r = 0;
        for (var w = 0; w < round.Count; w++)
        {
            if (round[w].Write.Rows is not { } rows)
            {
                continue;
            }

            foreach (var change in rows)
            {
                owners[r] = w + 1;
                sets[r] = change.Set;
                members[r] = change.Member;
                payloads[r++] = change.Payload;
            }
        }

        parameters.Add(new NpgsqlParameter<long[]> { TypedValue = owners, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        AddTextArray(parameters, sets);
        AddTextArray(parameters, members);
        AddTextArray(parameters, payloads);
    }

    public static void AddId(NpgsqlParameterCollection parameters, StateId id)
    {
        AddText(parameters, id.GrainType);
        AddText(parameters, id.GrainKey);
        AddText(parameters, id.StateName);
    }

    public static void AddText(NpgsqlParameterCollection parameters, string value) =>
        parameters.Add(new NpgsqlParameter<string> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text });

    private static void AddTextArray(NpgsqlParameterCollection parameters, string?[] values) =>
        parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    /// <summary>Event fields as the column arrays that unnest turns back into rows.</summary>
    private readonly struct EventColumns(int count)
    {
        private readonly string[] types = new string[count];
        private readonly string[] payloads = new string[count];
        private readonly string?[] actors = new string?[count];
        private readonly DateTime[] times = new DateTime[count];

        public void Set(int index, EventData data)
        {
            types[index] = data.EventType;
            payloads[index] = data.Payload;
            actors[index] = data.ActorId;
            // timestamptz accepts only UTC values from Npgsql.
            times[index] = data.OccurredAt.UtcDateTime;
        }

        public void AddTo(NpgsqlParameterCollection parameters)
        {
            AddTextArray(parameters, types);
            AddTextArray(parameters, payloads);
            AddTextArray(parameters, actors);
            parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = times, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        }
    }
}
