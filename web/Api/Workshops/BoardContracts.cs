using LivingLab.Workshops.Board;

namespace LivingLab.Web.Api.Workshops;

/// <summary>Body of <c>POST /api/workshops/{id}/session</c>: the column titles for the first session, null to reopen.</summary>
public sealed record BoardSessionRequest(IReadOnlyList<string>? Columns);

/// <summary>Body of <c>POST /api/workshops/{id}/notes</c>.</summary>
public sealed record BoardNoteRequest(string? ColumnId, string? Text, bool? Anonymous, bool? ProxyEntered);

/// <summary>Body of <c>POST .../notes/{noteId}/move</c>: the column, and the note to go before (null: at the end).</summary>
public sealed record BoardMoveRequest(string? ColumnId, string? BeforeNoteId);

/// <summary>Body of <c>POST .../notes/{noteId}/cluster</c>: the cluster to put the note in, null to take it out.</summary>
public sealed record BoardClusterNoteRequest(string? ClusterId);

/// <summary>Body of <c>POST .../notes/{noteId}/hide</c>: why (required, kept for staff).</summary>
public sealed record BoardHideRequest(string? Reason);

/// <summary>Body of <c>POST .../clusters</c>: the column and the cluster's title.</summary>
public sealed record BoardClusterRequest(string? ColumnId, string? Title);

/// <summary>Body of <c>POST .../rounds</c>: dots per person and whether totals show while the round is open.</summary>
public sealed record BoardRoundRequest(int? DotsPerPerson, bool? TotalsLive);

/// <summary>
/// Body of a promote call: <c>target</c> is <c>newIdea</c> (with <c>title</c>, <c>summary</c>, <c>category</c>),
/// <c>idea</c> or <c>challenge</c> (with <c>targetId</c>).
/// </summary>
public sealed record BoardPromoteRequest(string? Target, string? TargetId, string? Title, string? Summary, string? Category);

/// <summary>What a promotion led to: <c>newIdea</c>, <c>idea</c> or <c>challenge</c>, and its id.</summary>
public sealed record BoardOutcomeResponse(string Target, string TargetId)
{
    public static BoardOutcomeResponse From(BoardOutcome outcome) => new(BoardWire.Name(outcome.Target), outcome.TargetId);
}

/// <summary>One column.</summary>
public sealed record BoardColumnResponse(string Id, string Title);

/// <summary>One cluster and what it was promoted to.</summary>
public sealed record BoardClusterResponse(string Id, string ColumnId, string Title, IReadOnlyList<BoardOutcomeResponse> LedTo)
{
    public static BoardClusterResponse From(BoardCluster c) => new(c.Id, c.ColumnId, c.Title, [.. (c.LedTo ?? []).Select(BoardOutcomeResponse.From)]);
}

/// <summary>
/// One note as the caller may see it: <c>authorKind</c> (<c>registered</c>, <c>guest</c>, <c>staff</c>, <c>proxy</c>),
/// <c>authorId</c> and <c>guestNickname</c> are null where the caller may not know them; <c>mine</c> marks the caller's own.
/// </summary>
public sealed record BoardNoteResponse(
    string Id,
    string ColumnId,
    string? ClusterId,
    string Text,
    bool Anonymous,
    string? AuthorKind,
    string? AuthorId,
    string? GuestNickname,
    bool Mine,
    DateTimeOffset Posted,
    bool Hidden,
    string? HiddenReason,
    IReadOnlyList<BoardOutcomeResponse> LedTo)
{
    public static BoardNoteResponse From(NoteView n) => new(
        n.Id, n.ColumnId, n.ClusterId, n.Text, n.Anonymous, n.AuthorKind is { } kind ? BoardWire.Name(kind) : null, n.AuthorId,
        n.GuestNickname, n.Mine, n.Posted, n.Hidden, n.HiddenReason, [.. (n.LedTo ?? []).Select(BoardOutcomeResponse.From)]);
}

/// <summary>The open round: <c>totals</c> per note id (null while hidden), the caller's dots per note and how many are left.</summary>
public sealed record BoardRoundResponse(
    int Number, int DotsPerPerson, bool TotalsLive, DateTimeOffset Opened, IReadOnlyDictionary<string, int>? Totals, IReadOnlyDictionary<string, int> MyDots, int DotsLeft)
{
    public static BoardRoundResponse From(RoundView r) => new(r.Number, r.DotsPerPerson, r.TotalsLive, r.Opened, r.Totals, r.MyDots, r.DotsLeft);
}

/// <summary>A closed round's frozen result.</summary>
public sealed record BoardRoundResultResponse(
    int Number, int DotsPerPerson, DateTimeOffset Opened, DateTimeOffset Closed, IReadOnlyList<NoteTotal> Notes, IReadOnlyList<ClusterTotal> Clusters)
{
    public static BoardRoundResultResponse From(RoundResult r) => new(r.Number, r.DotsPerPerson, r.Opened, r.Closed, r.Notes, r.Clusters);
}

/// <summary>A guest of the session (staff only).</summary>
public sealed record BoardGuestResponse(string GuestId, string Nickname, DateTimeOffset Joined, bool Removed);

/// <summary>
/// The board as the caller sees it: <c>state</c> (<c>notOpened</c>, <c>open</c>, <c>closed</c>), <c>viewer</c>
/// (<c>public</c>, <c>signedIn</c>, <c>participant</c>, <c>guest</c>, <c>staff</c>), and for staff only the room code and guests.
/// </summary>
public sealed record BoardResponse(
    string WorkshopId,
    long Sequence,
    string State,
    int Session,
    string Viewer,
    IReadOnlyList<BoardColumnResponse> Columns,
    IReadOnlyList<BoardClusterResponse> Clusters,
    IReadOnlyList<BoardNoteResponse> Notes,
    BoardRoundResponse? Round,
    IReadOnlyList<BoardRoundResultResponse> PastRounds,
    DateTimeOffset? TimerEndsAt,
    string? RoomCode,
    IReadOnlyList<BoardGuestResponse>? Guests)
{
    public static BoardResponse From(BoardView v) => new(
        v.WorkshopId, v.Sequence, BoardWire.Name(v.State), v.Session, BoardWire.Name(v.Viewer),
        [.. v.Columns.Select(c => new BoardColumnResponse(c.Id, c.Title))],
        [.. v.Clusters.Select(BoardClusterResponse.From)],
        [.. v.Notes.Select(BoardNoteResponse.From)],
        v.Round is { } round ? BoardRoundResponse.From(round) : null,
        [.. v.PastRounds.Select(BoardRoundResultResponse.From)],
        v.TimerEndsAt,
        v.RoomCode,
        v.Guests is { } guests ? [.. guests.Select(g => new BoardGuestResponse(g.GuestId, g.Nickname, g.Joined, g.Removed))] : null);
}

/// <summary>The caller's dots left after placing or taking back a dot.</summary>
public sealed record BoardDotsResponse(int DotsLeft);

/// <summary>How many dots hiding a note dropped from the open round.</summary>
public sealed record BoardHiddenResponse(int DotsDropped);

/// <summary>The board's enum values as wire names (camelCase).</summary>
internal static class BoardWire
{
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParseTarget(string? name, out PromoteTarget target)
    {
        target = default;
        foreach (var candidate in Enum.GetValues<PromoteTarget>())
        {
            if (Name(candidate) == name)
            {
                target = candidate;
                return true;
            }
        }

        return false;
    }
}
