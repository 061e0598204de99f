using System.Globalization;
using System.Text.Json;
using LivingLab.Common;
using LivingLab.People;
using LivingLab.Storage;

namespace LivingLab.Comments;

/// <summary>
/// The comment thread of one item (a challenge or an idea), kept as rows beside the item's state: one row per comment,
/// keyed by a sequence number so rows come back in posting order. The item grain writes the row changes this returns
/// together with its state and events. Rules: Markdown, one level of replies, the author edits within 15 minutes and may
/// delete, moderators (facilitators, admins) hide with a public reason.
/// </summary>
internal sealed class CommentThread(string itemId)
{
    /// <summary>The row set comments live in.</summary>
    public const string RowSet = "comments";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private SortedDictionary<string, CommentRecord>? comments;
    private Task? loading;

    /// <summary>Whether the caller may hide comments and see hidden text.</summary>
    public static bool CallerModerates => Caller.IsInRole(Roles.Facilitator) || Caller.IsAdmin;

    /// <summary>Every comment as stored, in order (for a merge).</summary>
    public async Task<IReadOnlyList<CommentRecord>> AllAsync<T>(IEventedState<T> state)
    {
        await LoadAsync(state);
        return [.. comments!.Values];
    }

    /// <summary>The thread as the caller sees it: replies right after their parent, hidden text only for moderators.</summary>
    public async Task<IReadOnlyList<CommentView>> ViewAsync<T>(IEventedState<T> state, DateTimeOffset now)
    {
        await LoadAsync(state);
        var records = comments!.Values;
        var moderator = CallerModerates;
        var callerId = Caller.Id;
        var byParent = records.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!);
        var view = new List<CommentView>();
        foreach (var top in records.Where(c => c.ParentId is null))
        {
            view.Add(View(top, callerId, moderator, now));
            view.AddRange(byParent[top.Id].Select(r => View(r, callerId, moderator, now)));
        }

        return view;
    }

    /// <summary>Checks and adds a comment; on success the caller writes <see cref="Change"/> and <see cref="Change.Event"/>.</summary>
    public async Task<CommandResult<Change>> PostAsync<T>(IEventedState<T> state, CommentInput input, long number, DateTimeOffset now)
    {
        if (Caller.Id is not { } author)
        {
            return CommandResult<Change>.Reject("unauthenticated");
        }

        if (TextRules.Text(input.Body, "body", CommentRules.MaxBodyLength) is { } invalid)
        {
            return new CommandResult<Change>(null, invalid);
        }

        await LoadAsync(state);
        if (comments!.Count >= CommentRules.MaxCommentsPerThread)
        {
            return CommandResult<Change>.Reject("tooMany", "body", new Dictionary<string, string> { ["limit"] = CommentRules.MaxCommentsPerThread.ToString(CultureInfo.InvariantCulture) });
        }

        string? parentAuthor = null;
        if (!string.IsNullOrEmpty(input.ParentId))
        {
            if (!comments.TryGetValue(input.ParentId, out var parent))
            {
                return CommandResult<Change>.Reject("notFound", "parentId");
            }

            if (parent.ParentId is not null)
            {
                // One level of replies keeps threads readable on a phone and with a screen reader.
                return CommandResult<Change>.Reject("replyDepth", "parentId");
            }

            if (parent.Status != CommentStatus.Visible)
            {
                return CommandResult<Change>.Reject("commentRemoved", "parentId");
            }

            parentAuthor = parent.AuthorId;
        }

        var record = new CommentRecord(IdFor(number), string.IsNullOrEmpty(input.ParentId) ? null : input.ParentId, author,
            TextRules.Normalize(input.Body), now, null, CommentStatus.Visible, null, null, null);
        comments[record.Id] = record;
        var posted = new CommentPostedEvent(itemId, record.Id, record.ParentId, parentAuthor, author, record.Body);
        return CommandResult<Change>.Success(new Change(Row(record), new DomainEvent(CommentEvents.Posted, posted, author), View(record, author, CallerModerates, now), 1));
    }

    /// <summary>Edits the caller's own visible comment within the edit window.</summary>
    public async Task<CommandResult<Change>> EditAsync<T>(IEventedState<T> state, string commentId, string? body, DateTimeOffset now)
    {
        await LoadAsync(state);
        if (Find(commentId) is not { } record)
        {
            return CommandResult<Change>.Reject("notFound", "commentId");
        }

        if (!Caller.Is(record.AuthorId))
        {
            return CommandResult<Change>.Reject("forbidden");
        }

        if (record.Status != CommentStatus.Visible)
        {
            return CommandResult<Change>.Reject("commentRemoved", "commentId");
        }

        if (now - record.Created > CommentRules.EditWindow)
        {
            return CommandResult<Change>.Reject("editWindowClosed", "commentId", new Dictionary<string, string> { ["minutes"] = "15" });
        }

        if (TextRules.Text(body, "body", CommentRules.MaxBodyLength) is { } invalid)
        {
            return new CommandResult<Change>(null, invalid);
        }

        var edited = record with { Body = TextRules.Normalize(body), Edited = now };
        comments![commentId] = edited;
        var parentAuthor = edited.ParentId is { } p && comments.TryGetValue(p, out var parent) ? parent.AuthorId : null;
        var e = new CommentPostedEvent(itemId, edited.Id, edited.ParentId, parentAuthor, edited.AuthorId, edited.Body);
        return CommandResult<Change>.Success(new Change(Row(edited), new DomainEvent(CommentEvents.Edited, e, Caller.Id), View(edited, Caller.Id, CallerModerates, now), 0));
    }

    /// <summary>Deletes a comment: the author's own, or any for a moderator. The text goes; the place in the thread stays.</summary>
    public async Task<CommandResult<Change>> DeleteAsync<T>(IEventedState<T> state, string commentId, DateTimeOffset now)
    {
        await LoadAsync(state);
        if (Find(commentId) is not { } record)
        {
            return CommandResult<Change>.Reject("notFound", "commentId");
        }

        if (!Caller.Is(record.AuthorId) && !CallerModerates)
        {
            return CommandResult<Change>.Reject(Caller.IsAuthenticated ? "forbidden" : "unauthenticated");
        }

        if (record.Status == CommentStatus.Deleted)
        {
            return CommandResult<Change>.Reject("commentRemoved", "commentId");
        }

        // The text is erased, not kept: a deletion the author asked for must really remove what they wrote.
        var deleted = record with { Body = "", Status = CommentStatus.Deleted, Edited = now };
        comments![commentId] = deleted;
        var wasVisible = record.Status == CommentStatus.Visible ? -1 : 0;
        return CommandResult<Change>.Success(new Change(Row(deleted),
            new DomainEvent(CommentEvents.Deleted, new CommentRemovedEvent(itemId, commentId, null), Caller.Id), View(deleted, Caller.Id, CallerModerates, now), wasVisible));
    }

    /// <summary>Hides a visible comment with a public reason (moderators only).</summary>
    public async Task<CommandResult<Change>> HideAsync<T>(IEventedState<T> state, string commentId, string? reason, DateTimeOffset now)
    {
        if (!CallerModerates)
        {
            return CommandResult<Change>.Reject(Caller.IsAuthenticated ? "forbidden" : "unauthenticated");
        }

        if (TextRules.Line(reason, "reason", CommentRules.MaxHideReasonLength) is { } invalid)
        {
            return new CommandResult<Change>(null, invalid);
        }

        await LoadAsync(state);
        if (Find(commentId) is not { } record)
        {
            return CommandResult<Change>.Reject("notFound", "commentId");
        }

        if (record.Status != CommentStatus.Visible)
        {
            return CommandResult<Change>.Reject("commentRemoved", "commentId");
        }

        var clean = TextRules.Normalize(reason);
        var hidden = record with { Status = CommentStatus.Hidden, HiddenReason = clean, HiddenBy = Caller.Id };
        comments![commentId] = hidden;
        return CommandResult<Change>.Success(new Change(Row(hidden),
            new DomainEvent(CommentEvents.Hidden, new CommentRemovedEvent(itemId, commentId, clean), Caller.Id), View(hidden, Caller.Id, true, now), -1));
    }

    /// <summary>
    /// Takes in another thread's comments (a merged duplicate's), numbered after this thread's, replies still under
    /// their parents. Returns the rows to write and how many visible comments were added.
    /// </summary>
    public async Task<(IReadOnlyList<RowChange> Rows, int Visible, long NextNumber)> AbsorbAsync<T>(
        IEventedState<T> state, IReadOnlyList<CommentRecord> incoming, string fromId, long nextNumber)
    {
        await LoadAsync(state);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<RowChange>();
        var visible = 0;
        foreach (var comment in incoming.OrderBy(c => c.ParentId is null ? 0 : 1).ThenBy(c => c.Created))
        {
            var id = IdFor(nextNumber++);
            ids[comment.Id] = id;
            var parent = comment.ParentId is { } p && ids.TryGetValue(p, out var mapped) ? mapped : null;
            var copy = comment with { Id = id, ParentId = parent, MergedFrom = comment.MergedFrom ?? fromId };
            comments![id] = copy;
            rows.Add(Row(copy));
            visible += copy.Status == CommentStatus.Visible ? 1 : 0;
        }

        return (rows, visible, nextNumber);
    }

    /// <summary>The author of a comment, for reply notifications.</summary>
    private CommentRecord? Find(string commentId) => comments!.GetValueOrDefault(commentId);

    private static string IdFor(long number) => "c" + number.ToString("D6", CultureInfo.InvariantCulture);

    private static RowChange Row(CommentRecord record) => new(RowSet, record.Id, JsonSerializer.Serialize(record, Json));

    private static CommentView View(CommentRecord c, string? callerId, bool moderator, DateTimeOffset now)
    {
        var showBody = c.Status == CommentStatus.Visible || (c.Status == CommentStatus.Hidden && moderator);
        var canEdit = c.Status == CommentStatus.Visible && callerId is not null && callerId == c.AuthorId && now - c.Created <= CommentRules.EditWindow;
        return new CommentView(c.Id, c.ParentId, c.AuthorId, showBody ? c.Body : null, c.Created, c.Edited, c.Status, c.HiddenReason, canEdit, c.MergedFrom);
    }

    // Loaded once per activation and kept, so showing a thread reads its rows once, not on every view. Interleaved
    // read-only views share one load; a failed load is retried by the next call.
    private Task LoadAsync<T>(IEventedState<T> state)
    {
        if (comments is not null)
        {
            return Task.CompletedTask;
        }

        if (loading is { IsFaulted: true } or { IsCanceled: true })
        {
            loading = null;
        }

        return loading ??= LoadCoreAsync(state);
    }

    private async Task LoadCoreAsync<T>(IEventedState<T> state) => comments = Parse(await state.ReadRowsAsync(RowSet));

    private static SortedDictionary<string, CommentRecord> Parse(IReadOnlyList<GrainRow> rows)
    {
        var map = new SortedDictionary<string, CommentRecord>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            map[row.Member] = JsonSerializer.Deserialize<CommentRecord>(row.Payload, Json)!;
        }

        return map;
    }

    /// <summary>A comment change to write: its row, its event, the caller's view of it, and the change in visible comments.</summary>
    public sealed record Change(RowChange Row, DomainEvent Event, CommentView View, int VisibleDelta);
}
