using System.Diagnostics.CodeAnalysis;

namespace LivingLab.Pipeline;

/// <summary>The API's names for an idea's status: "open", "declined", "onHold".</summary>
public static class IdeaStatusWireNames
{
    private static readonly string[] Names = ["open", "declined", "onHold"];

    /// <summary>The wire name of a status.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined status: a bug, not user input.</exception>
    public static string Format(IdeaStatus status) =>
        Enum.IsDefined(status) ? Names[(int)status] : throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status.");

    /// <summary>Parses a wire name exactly (case-sensitive), like <see cref="StageWireNames.TryParse"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out IdeaStatus status)
    {
        var index = value is null ? -1 : Array.IndexOf(Names, value);
        status = index < 0 ? default : (IdeaStatus)index;
        return index >= 0;
    }
}
