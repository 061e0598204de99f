using System.Data.Common;
using System.Runtime.CompilerServices;
using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Pipeline;
using LivingLab.ReadModel.Search;

namespace LivingLab.ReadModel.ChallengeList;

/// <summary>
/// Reads challenge_list: filtered, searched, sorted pages, and the open-data export. The list follows the event log
/// a moment behind (the projection runner's catch-up); a caller that must see its own write calls
/// <see cref="ProjectionRunner.CatchUpAsync"/> first.
/// </summary>
public sealed class ChallengeQueries(IReadModelDatabase database)
{
    private const string ListColumns =
        "c.id, c.title, c.category, c.status, c.stage, c.idea_id, c.support_count, c.comment_count, c.created_at, c.proxy_channel, c.place_text";

    /// <summary>One page of challenges; refused with "queryTooShort" (field "q") when a search word is under two characters.</summary>
    public async Task<CommandResult<ListResult<ChallengeListItem>>> ListAsync(ChallengeListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        SearchMatch? match = null;
        if (!string.IsNullOrWhiteSpace(query.Text) && (match = SearchIndex.Match(ItemKinds.Challenge, query.Text)) is null)
        {
            return new CommandResult<ListResult<ChallengeListItem>>(null, SearchResult.QueryTooShort);
        }

        var sql = new ListQuerySql("challenge_list", "c")
            .WhereEquals("stage", query.Stage is { } stage ? StageWireNames.Format(stage) : null)
            .WhereEquals("category", query.Category)
            .WhereEquals("status", query.Status is { } status ? ChallengeWireNames.Format(status) : null)
            .Matching(match);
        var order = query.Sort switch
        {
            ChallengeSort.Supported => "c.support_count DESC, c.created_at DESC, c.id DESC",
            // The newest-first indexes walked backwards.
            ChallengeSort.Oldest => "c.created_at ASC, c.id ASC",
            _ => "c.created_at DESC, c.id DESC",
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var page = await sql.RunAsync(connection, ListColumns, order, query.Page, query.PageSize, ReadItem, cancellationToken);
        return CommandResult<ListResult<ChallengeListItem>>.Success(page);
    }

    /// <summary>Every challenge, oldest first, read row by row as the caller consumes them (an export never holds the whole list).</summary>
    public async IAsyncEnumerable<ChallengeExportRow> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null,
            "SELECT id, title, body, category, status, stage, idea_id, support_count, comment_count, created_at, proxy_channel, place_text, "
            + "latitude, longitude, merged_into_id, decline_reason FROM challenge_list ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ChallengeExportRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                WireValues.ChallengeStatus(reader, 4),
                WireValues.Stage(reader, 5),
                ReadModelSql.ReadNullableString(reader, 6),
                reader.GetInt32(7),
                reader.GetInt32(8),
                ReadModelSql.ReadTime(reader, 9),
                WireValues.Channel(reader, 10),
                ReadModelSql.ReadNullableString(reader, 11),
                ReadModelSql.ReadNullableDouble(reader, 12),
                ReadModelSql.ReadNullableDouble(reader, 13),
                ReadModelSql.ReadNullableString(reader, 14),
                ReadModelSql.ReadNullableString(reader, 15));
        }
    }

    private static ChallengeListItem ReadItem(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        WireValues.ChallengeStatus(reader, 3),
        WireValues.Stage(reader, 4),
        ReadModelSql.ReadNullableString(reader, 5),
        reader.GetInt32(6),
        reader.GetInt32(7),
        ReadModelSql.ReadTime(reader, 8),
        WireValues.Channel(reader, 9),
        ReadModelSql.ReadNullableString(reader, 10));
}
