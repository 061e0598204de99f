using System.Data.Common;
using System.Text;

namespace LivingLab.ReadModel.Search;

/// <summary>
/// A checked search query as SQL: a condition on a list's id column, with its parameters (all named <c>@s_…</c>, so
/// they never clash with the list's own). The gram rows of the terms are looked up by primary key and the few
/// candidates' text is checked, as in <see cref="SearchIndex.SearchAsync"/>; nothing scans the documents table.
/// </summary>
public sealed class SearchMatch
{
    internal const string KindParameter = "s_kind";

    private readonly string kind;
    private readonly IReadOnlyList<string> terms;
    private readonly List<string> grams;

    internal SearchMatch(string kind, IReadOnlyList<string> terms)
    {
        this.kind = kind;
        this.terms = terms;
        grams = terms.SelectMany(t => SearchText.Bigrams(t)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>"<paramref name="idColumn"/> IN (the matching document ids)".</summary>
    public string Condition(string idColumn) =>
        $"{idColumn} IN (SELECT d.doc_id FROM search_documents d WHERE d.kind = @{KindParameter} AND {DocumentCondition("d")})";

    /// <summary>Adds the condition's parameters to a command.</summary>
    public void AddParameters(DbCommand command)
    {
        command.With(KindParameter, kind).With("s_gramCount", (long)grams.Count);
        for (var i = 0; i < grams.Count; i++)
        {
            command.With($"s_g{i}", grams[i]);
        }

        for (var i = 0; i < terms.Count; i++)
        {
            command.With($"s_t{i}", "%" + EscapeLike(terms[i]) + "%");
        }
    }

    /// <summary>The condition on a row of search_documents aliased <paramref name="alias"/> (its kind already fixed).</summary>
    internal string DocumentCondition(string alias)
    {
        var sql = new StringBuilder($"{alias}.doc_id IN (SELECT g.doc_id FROM search_grams g WHERE g.kind = @{KindParameter} AND g.gram IN (")
            .AppendJoin(", ", grams.Select((_, i) => $"@s_g{i}"))
            .Append(") GROUP BY g.doc_id HAVING COUNT(*) = @s_gramCount)");
        for (var i = 0; i < terms.Count; i++)
        {
            // Grams can all occur without the term itself ("東京都" holds 東京 and 京都): check the text of the candidates.
            sql.Append($" AND {alias}.text LIKE @s_t{i} ESCAPE '\\'");
        }

        return sql.ToString();
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
