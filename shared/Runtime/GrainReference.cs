using System.ComponentModel;

namespace LivingLab.Runtime;

/// <summary>Carries calls from a grain reference to the runtime that hosts the grain.</summary>
public interface IGrainCallRuntime
{
    /// <summary>Sends a request that returns a value.</summary>
    Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request);

    /// <summary>Sends a request that returns no value.</summary>
    Task InvokeAsync(GrainReference target, GrainRequest request);
}

/// <summary>Base of the generated grain proxies: a cheap, shareable reference to one grain identity.</summary>
public abstract class GrainReference(IGrainCallRuntime runtime, GrainId grainId)
{
    /// <summary>The runtime that carries this reference's calls.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IGrainCallRuntime Runtime { get; } = runtime;

    /// <summary>The grain this reference points at.</summary>
    public GrainId GrainId { get; } = grainId;

    /// <summary>The runtime's cached activation, so repeated calls skip the directory lookup.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public object? CachedActivation { get; set; }

    public override string ToString() => GrainId.ToString();

    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();
}
