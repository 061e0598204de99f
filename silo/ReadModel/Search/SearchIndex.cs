using System.Data.Common;
using System.Text;
using LivingLab.Common;

namespace LivingLab.ReadModel.Search;

/// <summary>
/// Full-text search over read-model documents (challenges, ideas…) on either store: each document's bigrams are rows
/// of an indexed table, a query looks up the rows of its bigrams and checks the few candidates' normalized text.
/// No query scans the documents table.
/// </summary>
public sealed class SearchIndex(IReadModelDatabase database)
{
    // Well under both providers' limits on parameters per statement (SQLite 32,766; PostgreSQL 65,535).
    private const int GramsPerInsert = 200;

    /// <summary>Indexes (or re-indexes) one document in its own transaction.</summary>
    public async Task IndexAsync(string kind, string documentId, string text, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var turn = await database.EnterWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await IndexAsync(connection, transaction, kind, documentId, text, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Indexes one document inside a caller's transaction (a projection updates its checkpoint in the same one).</summary>
    public static async Task IndexAsync(
        DbConnection connection, DbTransaction transaction, string kind, string documentId, string text, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(connection, transaction, kind, documentId, cancellationToken);
        var normalized = SearchText.Normalize(text);
        await using (var document = DbCommands.Create(connection, transaction,
            "INSERT INTO search_documents (kind, doc_id, text) VALUES (@kind, @id, @text)"))
        {
            await document.With("kind", kind).With("id", documentId).With("text", normalized).ExecuteNonQueryAsync(cancellationToken);
        }

        // Many grams per statement: one round trip per gram made indexing a document cost dozens of round trips.
        var grams = SearchText.Bigrams(normalized).ToArray();
        for (var start = 0; start < grams.Length; start += GramsPerInsert)
        {
            var count = Math.Min(GramsPerInsert, grams.Length - start);
            var sql = new StringBuilder("INSERT INTO search_grams (kind, gram, doc_id) VALUES ");
            sql.AppendJoin(", ", Enumerable.Range(0, count).Select(i => $"(@kind, @g{i}, @id)"));
            await using var insert = DbCommands.Create(connection, transaction, sql.ToString()).With("kind", kind).With("id", documentId);
            for (var i = 0; i < count; i++)
            {
                insert.With($"g{i}", grams[start + i]);
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Removes a document from the index inside a caller's transaction.</summary>
    public static async Task RemoveAsync(
        DbConnection connection, DbTransaction transaction, string kind, string documentId, CancellationToken cancellationToken = default)
    {
        string? previous;
        await using (var read = DbCommands.Create(connection, transaction, "SELECT text FROM search_documents WHERE kind = @kind AND doc_id = @id"))
        {
            previous = await read.With("kind", kind).With("id", documentId).ExecuteScalarAsync(cancellationToken) as string;
        }

        if (previous is null)
        {
            return;
        }

        // The stored text says which gram rows exist, so each is deleted by primary key. A second index by document
        // would be cheaper here, but planners then pick it for searches and read every gram of the kind.
        await using (var gram = DbCommands.Create(connection, transaction, "DELETE FROM search_grams WHERE kind = @kind AND gram = @gram AND doc_id = @id"))
        {
            gram.With("kind", kind).With("gram", string.Empty).With("id", documentId);
            foreach (var value in SearchText.Bigrams(previous))
            {
                gram.Parameters["gram"].Value = value;
                await gram.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var document = DbCommands.Create(connection, transaction, "DELETE FROM search_documents WHERE kind = @kind AND doc_id = @id");
        await document.With("kind", kind).With("id", documentId).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes every document of a kind inside a caller's transaction (a projection's reset before a rebuild).</summary>
    public static async Task RemoveKindAsync(DbConnection connection, DbTransaction transaction, string kind, CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { "search_grams", "search_documents" })
        {
            await using var delete = DbCommands.Create(connection, transaction, $"DELETE FROM {table} WHERE kind = @kind");
            await delete.With("kind", kind).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The ids of documents of <paramref name="kind"/> that contain every term of the query (in document id order),
    /// or a refusal when a term is shorter than two characters.
    /// </summary>
    public async Task<SearchResult> SearchAsync(string kind, string query, int limit, CancellationToken cancellationToken = default)
    {
        if (Match(kind, query) is not { } match)
        {
            return SearchResult.TooShort;
        }

        var sql = $"SELECT d.doc_id FROM search_documents d WHERE d.kind = @{SearchMatch.KindParameter} AND {match.DocumentCondition("d")} "
            + "ORDER BY d.doc_id LIMIT @limit";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, sql).With("limit", (long)limit);
        match.AddParameters(command);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return new SearchResult(ids, null);
    }

    /// <summary>
    /// The query as a condition a read-model list adds to its own SQL (<see cref="SearchMatch.Condition"/>), so that
    /// filters, order, paging and the total come from one query with no limit on the matches; null when a term is
    /// shorter than two characters.
    /// </summary>
    public static SearchMatch? Match(string kind, string query)
    {
        var terms = SearchText.Terms(query);
        return SearchText.IsSearchable(terms) ? new SearchMatch(kind, terms) : null;
    }
}

/// <summary>Matching document ids, or the reason the query could not run.</summary>
public sealed record SearchResult(IReadOnlyList<string> DocumentIds, string? RejectionCode)
{
    /// <summary>A query term was shorter than <see cref="SearchText.MinimumTermLength"/> characters.</summary>
    public static SearchResult TooShort { get; } = new([], "queryTooShort");

    /// <summary>The refusal of a list query with a word that is too short: field "q", and the shortest word a search accepts.</summary>
    public static Rejection QueryTooShort { get; } = new("queryTooShort", "q",
        new Dictionary<string, string> { ["min"] = SearchText.MinimumTermLength.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
