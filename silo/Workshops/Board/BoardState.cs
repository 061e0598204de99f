namespace LivingLab.Workshops.Board;

/// <summary>
/// Stored state of a workshop's live board. Version 1; fields may be added, never repurposed. Notes, dots, guests and
/// participants are rows of their own (<see cref="BoardRows"/>); the state keeps the board's shape (columns, clusters),
/// the rounds with their frozen results, the session and the timer: small whatever the room does.
/// </summary>
public sealed class BoardState
{
    public int SchemaVersion { get; set; } = 1;

    public BoardSessionState SessionState { get; set; }

    /// <summary>Counts sessions: 1 for the first; a guest pass is valid for the session it was made in.</summary>
    public int Session { get; set; }

    /// <summary>The open session's room code; null when no session is open.</summary>
    public string? RoomCode { get; set; }

    public List<ColumnState> Columns { get; set; } = [];

    public List<ClusterState> Clusters { get; set; } = [];

    /// <summary>Every round, oldest first; only the last may be open (<see cref="RoundState.Closed"/> null).</summary>
    public List<RoundState> Rounds { get; set; } = [];

    public DateTimeOffset? TimerEndsAt { get; set; }

    /// <summary>Moves on with every change, in the turn that makes it, and is stored with it: orders the live snapshots.</summary>
    public long Sequence { get; set; }
}

/// <summary>One column of the board.</summary>
public sealed class ColumnState
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";
}

/// <summary>A titled cluster in one column.</summary>
public sealed class ClusterState
{
    public string Id { get; set; } = "";

    public string ColumnId { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The ideas and challenges the cluster was promoted to.</summary>
    public List<BoardOutcome> LedTo { get; set; } = [];
}

/// <summary>One dot-voting round; its dots are rows, its result is kept here once it closes.</summary>
public sealed class RoundState
{
    public int Number { get; set; }

    public int DotsPerPerson { get; set; }

    public bool TotalsLive { get; set; }

    public DateTimeOffset Opened { get; set; }

    public DateTimeOffset? Closed { get; set; }

    /// <summary>Dots per note id when the round closed (notes with none left out).</summary>
    public Dictionary<string, int> NoteTotals { get; set; } = [];

    /// <summary>Dots per cluster id when the round closed.</summary>
    public Dictionary<string, int> ClusterTotals { get; set; } = [];
}
