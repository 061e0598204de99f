namespace LivingLab.Runtime;

/// <summary>Orleans' key accessors on grain references, so callers holding a reference can name the grain it points at.</summary>
public static class GrainExtensions
{
    /// <summary>The string key of the grain a reference points at.</summary>
    public static string GetPrimaryKeyString(this IGrainWithStringKey grain) =>
        grain is GrainReference reference
            ? reference.GrainId.Key
            : throw new ArgumentException("Not a grain reference: ask a grain for its own key with Grain.GetPrimaryKeyString().", nameof(grain));
}
