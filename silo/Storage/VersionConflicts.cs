using Orleans.Storage;

namespace LivingLab.Storage;

/// <summary>Builds the exception for a write whose expected version did not match the stored one.</summary>
internal static class VersionConflicts
{
    public static InconsistentStateException Create(StateWrite write, long? storedVersion)
    {
        var stored = storedVersion is { } v ? $"version {v}" : "no row";
        var action = write.Payload is null ? "delete" : "write";
        return new InconsistentStateException(
            $"Version conflict on {write.Id}: the {action} expected version {write.ExpectedVersion} but the store holds {stored}.",
            storedEtag: storedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            currentEtag: write.ExpectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
