using System.Data.Common;
using System.Text;

namespace LivingLab.ReadModel.Search;

/// <summary>
/// Full-text search over read-model documents (challenges, ideas…) on either store: each document's bigrams are rows
/// of an indexed table, a query looks up the rows of its bigrams and checks the few candidates' normalized text.
/// No query scans the documents table.
/// </summary>
public sealed class SearchIndex(IReadModelDatabase database)
{
    /// <summary>Indexes (or re-indexes) one document in its own transaction.</summary>
    public async Task IndexAsync(string kind, string documentId, string text, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
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

        await using var gram = DbCommands.Create(connection, transaction,
            "INSERT INTO search_grams (kind, gram, doc_id) VALUES (@kind, @gram, @id)");
        gram.With("kind", kind).With("gram", string.Empty).With("id", documentId);
        foreach (var value in SearchText.Bigrams(normalized))
        {
            gram.Parameters["gram"].Value = value;
            await gram.ExecuteNonQueryAsync(cancellationToken);
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

    /// <summary>
    /// The ids of documents of <paramref name="kind"/> that contain every term of the query (in document id order),
    /// or a refusal when a term is shorter than two characters.
    /// </summary>
    public async Task<SearchResult> SearchAsync(string kind, string query, int limit, CancellationToken cancellationToken = default)
    {
        var terms = SearchText.Terms(query);
        if (!SearchText.IsSearchable(terms))
        {
            return SearchResult.TooShort;
        }

        var grams = terms.SelectMany(t => SearchText.Bigrams(t)).Distinct(StringComparer.Ordinal).ToList();
        var sql = new StringBuilder("SELECT d.doc_id FROM search_documents d WHERE d.kind = @kind AND d.doc_id IN (")
            .Append("SELECT g.doc_id FROM search_grams g WHERE g.kind = @kind AND g.gram IN (")
            .AppendJoin(", ", grams.Select((_, i) => $"@g{i}"))
            .Append(") GROUP BY g.doc_id HAVING COUNT(*) = @gramCount)");
        for (var i = 0; i < terms.Count; i++)
        {
            // Grams can all occur without the term itself ("東京都" holds 東京 and 京都): check the text of the candidates.
            sql.Append($" AND d.text LIKE @t{i} ESCAPE '\\'");
        }

        sql.Append(" ORDER BY d.doc_id LIMIT @limit");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, sql.ToString())
            .With("kind", kind).With("gramCount", (long)grams.Count).With("limit", (long)limit);
        for (var i = 0; i < grams.Count; i++)
        {
            command.With($"g{i}", grams[i]);
        }

        for (var i = 0; i < terms.Count; i++)
        {
            command.With($"t{i}", "%" + EscapeLike(terms[i]) + "%");
        }

        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return new SearchResult(ids, null);
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>Matching document ids, or the reason the query could not run.</summary>
public sealed record SearchResult(IReadOnlyList<string> DocumentIds, string? RejectionCode)
{
    /// <summary>A query term was shorter than <see cref="SearchText.MinimumTermLength"/> characters.</summary>
    public static SearchResult TooShort { get; } = new([], "queryTooShort");
}
