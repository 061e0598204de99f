using System.Data.Common;
using LivingLab.Comments;
using LivingLab.Storage;

namespace LivingLab.ReadModel;

/// <summary>What a comment event did to an item's count of visible comments.</summary>
internal enum CommentCountChange
{
    /// <summary>Nothing: an edit, or an event seen before.</summary>
    None,

    /// <summary>A new visible comment.</summary>
    Added,

    /// <summary>A visible comment was deleted or hidden.</summary>
    Removed,

    /// <summary>
    /// A comment no event had named was deleted or hidden: one a merge brought in under a new id. Only the item can say
    /// whether it was still shown (see challenge_list.absorbed_comments).
    /// </summary>
    RemovedUnnamed,
}

/// <summary>The rows of list_comments, through which the list projections count visible comments.</summary>
internal static class ListComments
{
    /// <summary>Applies a comment event of an item of <paramref name="kind"/>: the item it concerns, and what it did to the count.</summary>
    public static async Task<(string ItemId, CommentCountChange Change)?> ApplyAsync(
        StoredEvent storedEvent, string kind, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        switch (storedEvent.EventType)
        {
            case CommentEvents.Posted:
                var posted = EventPayloads.Read<CommentPostedEvent>(storedEvent);
                var added = await ReadModelSql.ExecuteAsync(connection, transaction,
                    "INSERT INTO list_comments (item_kind, item_id, comment_id, visible) VALUES (@kind, @item, @comment, TRUE) ON CONFLICT DO NOTHING",
                    cancellationToken, ("kind", kind), ("item", posted.ItemId), ("comment", posted.CommentId));
                return (posted.ItemId, added > 0 ? CommentCountChange.Added : CommentCountChange.None);

            case CommentEvents.Deleted or CommentEvents.Hidden:
                var removed = EventPayloads.Read<CommentRemovedEvent>(storedEvent);
                (string, object?)[] key = [("kind", kind), ("item", removed.ItemId), ("comment", removed.CommentId)];
                if (await ReadModelSql.ExecuteAsync(connection, transaction,
                    "UPDATE list_comments SET visible = FALSE WHERE item_kind = @kind AND item_id = @item AND comment_id = @comment AND visible = TRUE",
                    cancellationToken, key) > 0)
                {
                    return (removed.ItemId, CommentCountChange.Removed);
                }

                // Remembered as removed, so that hiding and then deleting it counts once.
                var unnamed = await ReadModelSql.ExecuteAsync(connection, transaction,
                    "INSERT INTO list_comments (item_kind, item_id, comment_id, visible) VALUES (@kind, @item, @comment, FALSE) ON CONFLICT DO NOTHING",
                    cancellationToken, key);
                return (removed.ItemId, unnamed > 0 ? CommentCountChange.RemovedUnnamed : CommentCountChange.None);

            default:
                return null;
        }
    }

    public static Task ResetAsync(string kind, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM list_comments WHERE item_kind = @kind", cancellationToken, ("kind", kind));
}
