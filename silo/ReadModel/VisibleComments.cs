using System.Data.Common;
using LivingLab.Comments;
using LivingLab.Storage;

namespace LivingLab.ReadModel;

/// <summary>
/// The rows of visible_comments, which the list projections count: a row per comment that is shown now. Counting rows
/// rather than adding and subtracting per event means a hidden comment deleted later, or an event seen twice, never
/// counts twice.
/// </summary>
internal static class VisibleComments
{
    /// <summary>Applies a comment event of an item of <paramref name="kind"/>; returns the item whose count changed, or null.</summary>
    public static async Task<string?> ApplyAsync(
        StoredEvent storedEvent, string kind, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        switch (storedEvent.EventType)
        {
            case CommentEvents.Posted:
                var posted = EventPayloads.Read<CommentPostedEvent>(storedEvent);
                var added = await ReadModelSql.ExecuteAsync(connection, transaction,
                    "INSERT INTO visible_comments (item_kind, item_id, comment_id) VALUES (@kind, @item, @comment) ON CONFLICT DO NOTHING",
                    cancellationToken, ("kind", kind), ("item", posted.ItemId), ("comment", posted.CommentId));
                return added > 0 ? posted.ItemId : null;

            case CommentEvents.Deleted or CommentEvents.Hidden:
                var removed = EventPayloads.Read<CommentRemovedEvent>(storedEvent);
                var deleted = await ReadModelSql.ExecuteAsync(connection, transaction,
                    "DELETE FROM visible_comments WHERE item_kind = @kind AND item_id = @item AND comment_id = @comment",
                    cancellationToken, ("kind", kind), ("item", removed.ItemId), ("comment", removed.CommentId));
                return deleted > 0 ? removed.ItemId : null;

            default:
                return null;
        }
    }

    /// <summary>Moves every visible comment of one item to another (a merged duplicate's thread goes to the challenge that absorbed it).</summary>
    public static Task MoveAsync(
        string kind, string fromId, string toId, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ReadModelSql.ExecuteAsync(connection, transaction,
            "UPDATE visible_comments SET item_id = @to WHERE item_kind = @kind AND item_id = @from",
            cancellationToken, ("kind", kind), ("from", fromId), ("to", toId));

    /// <summary>The SQL expression for an item's count, for "SET comment_count = …" (parameters @kind and @item).</summary>
    public const string CountSql = "(SELECT COUNT(*) FROM visible_comments WHERE item_kind = @kind AND item_id = @item)";

    public static Task ResetAsync(string kind, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM visible_comments WHERE item_kind = @kind", cancellationToken, ("kind", kind));
}
