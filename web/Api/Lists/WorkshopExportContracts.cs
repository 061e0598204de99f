using LivingLab.Pipeline;
using LivingLab.ReadModel.WorkshopList;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;

namespace LivingLab.Web.Api.Lists;

/// <summary>
/// A workshop in the open-data export (JSON and CSV have the same fields): public facts and counts only, never who
/// registered, no offline participant's name or contact, no feedback.
/// </summary>
public sealed record WorkshopExportItem(
    string Id,
    string Title,
    string Stage,
    string Status,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string Place,
    bool Online,
    int Capacity,
    int RegisteredCount,
    int WaitingCount,
    int IdeasCreatedCount,
    int OutcomeCount,
    bool HasMinutes)
{
    internal static WorkshopExportItem From(WorkshopExportRow row, bool hasMinutes) => new(
        row.Item.Id, row.Item.Title, StageWireNames.Format(row.Item.Stage), WorkshopStatusNames.Format(row.Item.Status), row.Item.StartsAt,
        row.Item.EndsAt, row.Item.Place, row.Item.Online, row.Item.Capacity, row.Item.RegisteredCount, row.Item.WaitingCount, row.IdeasCreated,
        row.OutcomeCount, hasMinutes);
}

/// <summary>
/// A workshop's board as open data: its public view (columns, clusters, the notes' words) and the dots of every closed
/// round. No author, no guest, no hidden note, no room code.
/// </summary>
public sealed record BoardExport(
    string WorkshopId,
    string State,
    IReadOnlyList<BoardExportColumn> Columns,
    IReadOnlyList<BoardExportCluster> Clusters,
    IReadOnlyList<BoardExportNote> Notes,
    IReadOnlyList<BoardExportRound> Rounds)
{
    /// <summary>The export of a board as the public sees it; hidden notes are dropped even if the view held any.</summary>
    public static BoardExport From(BoardView board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var notes = board.Notes.Where(n => !n.Hidden).ToList();
        var rounds = board.PastRounds.OrderBy(r => r.Number).ToList();
        return new BoardExport(
            board.WorkshopId,
            board.State.ToString().ToLowerInvariant(),
            [.. board.Columns.Select(c => new BoardExportColumn(c.Id, c.Title))],
            [.. board.Clusters.Select(c => new BoardExportCluster(c.Id, c.ColumnId, c.Title))],
            [.. notes.Select(n => new BoardExportNote(n.Id, n.ColumnId, n.ClusterId, n.Text,
                [.. rounds.Select(r => r.Notes.FirstOrDefault(t => t.NoteId == n.Id)?.Dots ?? 0)]))],
            [.. rounds.Select(r => new BoardExportRound(r.Number, r.DotsPerPerson, r.Opened, r.Closed,
                [.. r.Clusters.Select(c => new BoardExportClusterDots(c.ClusterId, c.Dots))]))]);
    }
}

/// <summary>One column of an exported board, in board order.</summary>
public sealed record BoardExportColumn(string Id, string Title);

/// <summary>One cluster of an exported board and the column it sits in.</summary>
public sealed record BoardExportCluster(string Id, string ColumnId, string Title);

/// <summary>One note's words, where it sits, and its dots in each closed round (in the order of <see cref="BoardExport.Rounds"/>).</summary>
public sealed record BoardExportNote(string Id, string ColumnId, string? ClusterId, string Text, IReadOnlyList<int> Dots);

/// <summary>A closed dot-voting round: its settings, when it ran, and each cluster's dots.</summary>
public sealed record BoardExportRound(int Number, int DotsPerPerson, DateTimeOffset Opened, DateTimeOffset Closed, IReadOnlyList<BoardExportClusterDots> Clusters);

/// <summary>A cluster's dots in one closed round.</summary>
public sealed record BoardExportClusterDots(string ClusterId, int Dots);
