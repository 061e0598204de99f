using System.Data.Common;
using System.Text;

namespace LivingLab.ReadModel.Search;

/// <summary>
/// A checked search query as SQL: a condition on a list's id column, with its parameters (all named <c>@s_…</c>, so
/// they never clash with the list's own). The gram rows of the terms are looked up by primary key, and the candidates'
/// text is checked for terms longer than one gram; nothing scans the documents table.
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
        // A term's first and last gram find its candidates as well as all of them do in practice, and the text check
        // settles the rest: a long word ("broadband") then costs two gram lookups instead of eight.
        grams = terms.SelectMany(EdgeGrams).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>"<paramref name="idColumn"/> IN (the matching document ids)".</summary>
    public string Condition(string idColumn) =>
        !TextChecked.Any()
            ? $"{idColumn} IN ({GramCandidates()})"
            : $"{idColumn} IN (SELECT d.doc_id FROM search_documents d WHERE d.kind = @{KindParameter} AND {DocumentCondition("d")})";

    /// <summary>Adds the condition's parameters to a command.</summary>
    public void AddParameters(DbCommand command)
    {
        command.With(KindParameter, kind);
        if (grams.Count > 1)
        {
            command.With("s_gramCount", (long)grams.Count);
        }

        for (var i = 0; i < grams.Count; i++)
        {
            command.With($"s_g{i}", grams[i]);
        }

        foreach (var (term, i) in TextChecked)
        {
            command.With($"s_t{i}", "%" + DbCommands.EscapeLike(term) + "%");
        }
    }

    /// <summary>The condition on a row of search_documents aliased <paramref name="alias"/> (its kind already fixed).</summary>
    internal string DocumentCondition(string alias)
    {
        var sql = new StringBuilder($"{alias}.doc_id IN ({GramCandidates()})");
        foreach (var (_, i) in TextChecked)
        {
            // Grams can all occur without the term itself ("東京都" holds 東京 and 京都): check the text of the candidates.
            sql.Append($" AND {alias}.text LIKE @s_t{i} ESCAPE '\\'");
        }

        return sql.ToString();
    }

    // A two-character term is its own single gram, which occurs only where the term does (grams never span two words),
    // so only longer terms need the text check. Skipping it for 公園 or 駐輪 saves reading every candidate's text.
    private IEnumerable<(string Term, int Index)> TextChecked =>
        terms.Select((t, i) => (t, i)).Where(t => t.t.EnumerateRunes().Count() > SearchText.MinimumTermLength);

    private string GramCandidates() =>
        grams.Count == 1
            ? $"SELECT g.doc_id FROM search_grams g WHERE g.kind = @{KindParameter} AND g.gram = @s_g0"
            : new StringBuilder($"SELECT g.doc_id FROM search_grams g WHERE g.kind = @{KindParameter} AND g.gram IN (")
                .AppendJoin(", ", grams.Select((_, i) => $"@s_g{i}"))
                .Append(") GROUP BY g.doc_id HAVING COUNT(*) = @s_gramCount")
                .ToString();

    private static IEnumerable<string> EdgeGrams(string term)
    {
        var runes = term.EnumerateRunes().Select(r => r.ToString()).ToArray();
        yield return runes[0] + runes[1];
        if (runes.Length > 2)
        {
            yield return runes[^2] + runes[^1];
        }
    }

}
