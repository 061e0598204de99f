using System.Data.Common;
using LivingLab.Challenges;
using LivingLab.Pipeline;

namespace LivingLab.ReadModel;

/// <summary>Reads the wire names read models store back into their enums; anything else is a corrupt row, not user input.</summary>
internal static class WireValues
{
    public static Stage Stage(DbDataReader reader, int ordinal) =>
        StageWireNames.TryParse(reader.GetString(ordinal), out var stage) ? stage : throw Corrupt(reader, ordinal);

    public static IdeaStatus IdeaStatus(DbDataReader reader, int ordinal) =>
        IdeaStatusWireNames.TryParse(reader.GetString(ordinal), out var status) ? status : throw Corrupt(reader, ordinal);

    public static ChallengeStatus ChallengeStatus(DbDataReader reader, int ordinal) =>
        ChallengeWireNames.TryParseStatus(reader.GetString(ordinal), out var status) ? status : throw Corrupt(reader, ordinal);

    public static ProxyChannel? Channel(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null
        : ChallengeWireNames.TryParseChannel(reader.GetString(ordinal), out var channel) ? channel
        : throw Corrupt(reader, ordinal);

    private static InvalidDataException Corrupt(DbDataReader reader, int ordinal) =>
        new($"Column {reader.GetName(ordinal)} holds '{reader.GetValue(ordinal)}', which is not a known wire name.");
}
