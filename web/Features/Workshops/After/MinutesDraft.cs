using System.Globalization;
using System.Text;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;

namespace LivingLab.Web.Features.Workshops.After;

/// <summary>
/// The minutes a facilitator starts from: Markdown made of the workshop's facts and its board as staff see it after the
/// session (columns, clusters and their notes, every closed round's top notes), with empty sections for what was decided
/// and the next steps. Hidden notes are left out, and every text from the board is escaped, so a note cannot put a
/// link, an image or HTML into the minutes.
/// </summary>
public static class MinutesDraft
{
    /// <summary>How many notes of each closed round the draft lists, most dots first.</summary>
    public const int TopNotes = 10;

    /// <summary>The draft for <paramref name="workshop"/> and its <paramref name="board"/> (null when it never had one).</summary>
    public static string Build(WorkshopDetails workshop, BoardView? board, MinutesDraftText text, Func<DateTimeOffset, DateTimeOffset, string> formatDate)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(formatDate);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Format(text.Heading, Escape(workshop.Title))).AppendLine();
        var when = workshop.StartsAt is { } starts && workshop.EndsAt is { } ends ? formatDate(starts, ends) : text.DateOpen;
        md.Append("- ").Append(text.Date).Append(": ").AppendLine(Escape(when));
        if (workshop.Place.Length > 0)
        {
            md.Append("- ").Append(text.Place).Append(": ").AppendLine(Escape(workshop.Place));
        }

        if (workshop.OnlineUrl.Length > 0)
        {
            md.Append("- ").AppendLine(text.Online);
        }

        md.Append("- ").AppendLine(Format(text.Participants, workshop.RegisteredCount, workshop.Capacity));
        var notes = board?.Notes.Where(n => !n.Hidden).ToList() ?? [];
        if (board is not null)
        {
            md.Append("- ").AppendLine(Format(text.NotesCount, notes.Count));
        }

        md.AppendLine().Append("## ").AppendLine(text.BoardHeading).AppendLine();
        if (board is null || board.Columns.Count == 0)
        {
            md.AppendLine(text.NoBoard).AppendLine();
        }
        else
        {
            foreach (var column in board.Columns)
            {
                AppendColumn(md, column, board.Clusters.Where(c => c.ColumnId == column.Id).ToList(), notes.Where(n => n.ColumnId == column.Id).ToList(), text);
            }

            AppendResults(md, board, notes, text);
        }

        md.Append("## ").AppendLine(text.Decided).AppendLine().AppendLine("- ").AppendLine();
        md.Append("## ").AppendLine(text.NextSteps).AppendLine().AppendLine("- ");
        return md.ToString();
    }

    /// <summary>
    /// Text as Markdown shows it literally: every ASCII punctuation mark backslash-escaped (CommonMark lets any of them
    /// be), so no link, emphasis, heading, list or HTML can start inside it; line breaks become spaces, keeping one item
    /// on one line.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                escaped.Append(' ');
            }
            else if (c < 128 && char.IsPunctuation(c) || c is '$' or '+' or '<' or '=' or '>' or '^' or '`' or '|' or '~')
            {
                escaped.Append('\\').Append(c);
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static void AppendColumn(StringBuilder md, BoardColumn column, List<BoardCluster> clusters, List<NoteView> notes, MinutesDraftText text)
    {
        md.Append("### ").AppendLine(Escape(column.Title)).AppendLine();
        if (notes.Count == 0)
        {
            md.AppendLine(text.EmptyColumn).AppendLine();
            return;
        }

        foreach (var cluster in clusters)
        {
            var inCluster = notes.Where(n => n.ClusterId == cluster.Id).ToList();
            if (inCluster.Count == 0)
            {
                continue;
            }

            md.Append("#### ").AppendLine(Escape(cluster.Title)).AppendLine();
            AppendNotes(md, inCluster);
        }

        // A note whose cluster is gone (or never had one) stays in its column.
        var loose = notes.Where(n => n.ClusterId is null || clusters.All(c => c.Id != n.ClusterId)).ToList();
        if (loose.Count > 0)
        {
            if (clusters.Count > 0)
            {
                md.Append("#### ").AppendLine(text.Unclustered).AppendLine();
            }

            AppendNotes(md, loose);
        }
    }

    private static void AppendNotes(StringBuilder md, List<NoteView> notes)
    {
        foreach (var note in notes)
        {
            md.Append("- ").AppendLine(Escape(note.Text));
        }

        md.AppendLine();
    }

    private static void AppendResults(StringBuilder md, BoardView board, List<NoteView> notes, MinutesDraftText text)
    {
        if (board.PastRounds.Count == 0)
        {
            return;
        }

        var byId = notes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var clusterTitles = board.Clusters.ToDictionary(c => c.Id, c => c.Title, StringComparer.Ordinal);
        md.Append("## ").AppendLine(text.ResultsHeading).AppendLine();
        foreach (var round in board.PastRounds.OrderBy(r => r.Number))
        {
            md.Append("### ").AppendLine(Format(text.Round, round.Number, round.DotsPerPerson)).AppendLine();
            var top = round.Notes.Where(t => t.Dots > 0 && byId.ContainsKey(t.NoteId)).OrderByDescending(t => t.Dots).Take(TopNotes).ToList();
            if (top.Count == 0)
            {
                md.AppendLine(text.NoDots).AppendLine();
                continue;
            }

            var place = 1;
            foreach (var total in top)
            {
                md.Append(place++.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Escape(byId[total.NoteId].Text))
                    .Append(" — ").AppendLine(Format(text.Dots, total.Dots));
            }

            md.AppendLine();
            var clusters = round.Clusters.Where(c => c.Dots > 0 && clusterTitles.ContainsKey(c.ClusterId)).OrderByDescending(c => c.Dots).ToList();
            foreach (var cluster in clusters)
            {
                md.Append("- ").AppendLine(Format(text.ClusterDots, Escape(clusterTitles[cluster.ClusterId]), cluster.Dots));
            }

            if (clusters.Count > 0)
            {
                md.AppendLine();
            }
        }
    }

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
