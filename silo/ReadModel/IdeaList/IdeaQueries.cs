using System.Data.Common;
using System.Runtime.CompilerServices;
using LivingLab.Common;
using LivingLab.Pipeline;
using LivingLab.ReadModel.Search;

namespace LivingLab.ReadModel.IdeaList;

/// <summary>
/// Reads idea_list: filtered, searched, sorted pages, and the open-data export. Like every list it follows the event
/// log a moment behind; call <see cref="ProjectionRunner.CatchUpAsync"/> first to read one's own write.
/// </summary>
public sealed class IdeaQueries(IReadModelDatabase database)
{
    private const string Columns =
        "i.id, i.title, i.category, i.stage, i.status, i.vote_count, i.comment_count, i.challenge_count, i.created_at, i.stage_entered_at, "
        + "i.operator, i.welcomes_partners, i.accepted_partner_count, i.kpi_count";

    /// <summary>One page of ideas; refused with "queryTooShort" (field "q") when a search word is under two characters.</summary>
    public async Task<CommandResult<ListResult<IdeaListItem>>> ListAsync(IdeaListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        SearchMatch? match = null;
        if (!string.IsNullOrWhiteSpace(query.Text) && (match = SearchIndex.Match(ItemKinds.Idea, query.Text)) is null)
        {
            return new CommandResult<ListResult<IdeaListItem>>(null, SearchResult.QueryTooShort);
        }

        var sql = new ListQuerySql("idea_list", "i")
            .WhereEquals("stage", query.Stage is { } stage ? StageWireNames.Format(stage) : null)
            .WhereEquals("category", query.Category)
            .WhereEquals("status", query.Status is { } status ? IdeaStatusWireNames.Format(status) : null)
            .Matching(match);
        var order = query.Sort == IdeaSort.Votes ? "i.vote_count DESC, i.created_at DESC, i.id DESC" : "i.created_at DESC, i.id DESC";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var page = await sql.RunAsync(connection, Columns, order, query.Page, query.PageSize, ReadItem, cancellationToken);
        return CommandResult<ListResult<IdeaListItem>>.Success(page);
    }

    /// <summary>Every idea, oldest first, read row by row as the caller consumes them.</summary>
    public async IAsyncEnumerable<IdeaExportRow> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null,
            "SELECT id, title, summary, category, stage, status, status_reason, vote_count, comment_count, challenge_count, created_at, "
            + "stage_entered_at, operator, welcomes_partners, accepted_partner_count, kpi_count FROM idea_list ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new IdeaExportRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                WireValues.Stage(reader, 4),
                WireValues.IdeaStatus(reader, 5),
                ReadModelSql.ReadNullableString(reader, 6),
                reader.GetInt32(7),
                reader.GetInt32(8),
                reader.GetInt32(9),
                ReadModelSql.ReadTime(reader, 10),
                ReadModelSql.ReadTime(reader, 11),
                ReadModelSql.ReadNullableString(reader, 12),
                reader.GetBoolean(13),
                reader.GetInt32(14),
                reader.GetInt32(15));
        }
    }

    private static IdeaListItem ReadItem(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        WireValues.Stage(reader, 3),
        WireValues.IdeaStatus(reader, 4),
        reader.GetInt32(5),
        reader.GetInt32(6),
        reader.GetInt32(7),
        ReadModelSql.ReadTime(reader, 8),
        ReadModelSql.ReadTime(reader, 9),
        ReadModelSql.ReadNullableString(reader, 10),
        reader.GetBoolean(11),
        reader.GetInt32(12),
        reader.GetInt32(13));
}
