namespace LivingLab.Workshops;

/// <summary>
/// What a workshop's live board hands to an idea or a challenge: a note or a cluster (<see cref="SourceId"/>), its words,
/// and the workshop it came from, so the item's timeline links back to the workshop. Handing the same source over again
/// changes nothing.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.WorkshopContribution")]
public sealed record WorkshopContribution(string WorkshopId, string WorkshopTitle, string SourceId, string Text);
