using System.Diagnostics.CodeAnalysis;

namespace LivingLab.Pipeline;

/// <summary>The API's names for stages ("discovery" … "rollout"), which must not change when the enum is renamed.</summary>
public static class StageWireNames
{
    private static readonly string[] Names = ["discovery", "research", "pilot", "servicePlanning", "rollout"];

    /// <summary>Every wire name, in pipeline order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The wire name of a stage.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined stage: a bug, not user input.</exception>
    public static string Format(Stage stage) =>
        Enum.IsDefined(stage) ? Names[(int)stage] : throw new ArgumentOutOfRangeException(nameof(stage), stage, "Not a stage.");

    /// <summary>
    /// Parses a wire name exactly (case-sensitive): "Pilot", " pilot" or "2" are refused, so an API client learns the
    /// one spelling instead of relying on leniency that another endpoint may not share.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Stage stage)
    {
        var index = value is null ? -1 : Array.IndexOf(Names, value);
        stage = index < 0 ? default : (Stage)index;
        return index >= 0;
    }
}
