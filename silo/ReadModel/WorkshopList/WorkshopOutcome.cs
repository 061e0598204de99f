using LivingLab.Pipeline;

namespace LivingLab.ReadModel.WorkshopList;

/// <summary>
/// An idea or a challenge a workshop led to, where it stands now: <see cref="Created"/> when the workshop's board
/// created it, and how many of the board's notes or clusters went into it. Stage and status are wire names.
/// </summary>
public sealed record WorkshopOutcome(
    string ItemKind, string ItemId, string Title, Stage Stage, string Status, bool Created, int Contributions, DateTimeOffset First);
