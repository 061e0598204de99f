using LivingLab.Ideas;

namespace LivingLab.Web.Features.Facilitate.Panel;

/// <summary>
/// Tells the idea panel's islands of one circuit that an island read the idea again after a change, so the page head
/// (its own island) shows the stage and status the decision island just showed. Scoped: one per circuit.
/// </summary>
public sealed class PanelChanges
{
    /// <summary>Raised with the idea as the grain now holds it.</summary>
    public event Action<IdeaDetails>? Changed;

    /// <summary>Hands <paramref name="idea"/> to every island of this circuit that listens.</summary>
    public void Publish(IdeaDetails idea) => Changed?.Invoke(idea);
}
