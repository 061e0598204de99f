using Npgsql;
using NpgsqlTypes;

namespace LivingLab.Storage;

/// <summary>Binds writes to the positional parameters of <see cref="PostgresSql"/> statements.</summary>
internal static class PostgresParameters
{
    /// <summary>Binds $1..$5 of <see cref="PostgresSql.WriteRound"/>.</summary>
    public static void AddRound(NpgsqlParameterCollection parameters, IReadOnlyList<PendingWrite> round)
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
        var eventTypes = new string[count];
        var payloads = new string[count];
        var actors = new string?[count];
        var times = new DateTime[count];
        var i = 0;
        foreach (var pending in writes)
        {
            var id = pending.Write.Id;
            foreach (var data in pending.Write.Events)
            {
                grainTypes[i] = id.GrainType;
                grainKeys[i] = id.GrainKey;
                eventTypes[i] = data.EventType;
                payloads[i] = data.Payload;
                actors[i] = data.ActorId;
                // timestamptz accepts only UTC values from Npgsql.
                times[i] = data.OccurredAt.UtcDateTime;
                i++;
            }
        }

        AddTextArray(parameters, grainTypes);
        AddTextArray(parameters, grainKeys);
        AddTextArray(parameters, eventTypes);
        AddTextArray(parameters, payloads);
        AddTextArray(parameters, actors);
        parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = times, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
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
}
