using System.Data.Common;
using LivingLab.ReadModel.Search;

namespace LivingLab.ReadModel;

/// <summary>
/// One page of a read-model list table: equality filters, an optional search, an order, and the total. The total and
/// the page are two statements on one connection: a window count would make the page read every matching row.
/// </summary>
internal sealed class ListQuerySql(string table, string alias)
{
    // Matches from which a page is found faster by walking the order's index (about the square root of the table
    // size times the page size, for the tens of thousands of rows a town has).
    private const int WalkOrderIndexFrom = 500;

    // How SQLite should run a searched page. Its planner has no statistics (no ANALYZE runs), and with a filter it
    // would walk the filter's index over thousands of rows to check each against a few hundred matches.
    private enum Plan
    {
        /// <summary>Whatever the planner picks: right without a search, and on PostgreSQL, which keeps statistics.</summary>
        Default,

        /// <summary>Look up each match by id, filter, sort: cost grows with the matches, whatever the table size.</summary>
        FromMatches,

        /// <summary>Many matches and no filter: walk the order's index, checking rows against the matches, until the page is full.</summary>
        WalkOrderIndex,
    }

    private readonly List<(string Column, string Parameter, object Value)> filters = [];
    private readonly List<(string Condition, string Parameter, object Value)> conditions = [];
    private SearchMatch? search;

    /// <summary>Adds "column = value" when the value is given.</summary>
    public ListQuerySql WhereEquals(string column, object? value)
    {
        if (value is not null)
        {
            filters.Add((column, $"f{filters.Count}", value));
        }

        return this;
    }

    /// <summary>
    /// Adds a condition on the row that is not an equality (a time window): <paramref name="condition"/> names the alias'
    /// columns and the parameter as <c>@p</c>, which becomes a parameter of its own.
    /// </summary>
    public ListQuerySql Where(string condition, object value)
    {
        var parameter = $"c{conditions.Count}";
        conditions.Add((condition.Replace("@p", "@" + parameter, StringComparison.Ordinal), parameter, value));
        return this;
    }

    /// <summary>Keeps only the rows whose id the search matches.</summary>
    public ListQuerySql Matching(SearchMatch? match)
    {
        search = match;
        return this;
    }

    public async Task<ListResult<T>> RunAsync<T>(
        DbConnection connection, string columns, string orderBy, int page, int pageSize, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        var offset = (long)(page - 1) * pageSize;
        var sqlite = ReadModelSql.IsSqlite(connection);
        if (search is not null && filters.Count > 0 && sqlite)
        {
            // Every match is looked up and sorted anyway, so the total comes with the page instead of searching twice
            // (only a page past the end needs a count of its own). Not on PostgreSQL: a window over the page makes it
            // walk the whole order index, where without one it stops at the page.
            var items = await PageAsync(connection, columns + ", COUNT(*) OVER ()", orderBy, Plan.FromMatches, pageSize, offset,
                reader => (read(reader), reader.GetInt64(reader.FieldCount - 1)), cancellationToken);
            if (items.Count > 0 || offset == 0)
            {
                return new ListResult<T>([.. items.Select(i => i.Item1)], items.Count == 0 ? 0 : (int)items[0].Item2);
            }
        }

        int total;
        await using (var count = Command(connection, $"SELECT COUNT(*) FROM {table} {alias}{Where(sqlite && search is not null ? Plan.FromMatches : Plan.Default)}"))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (offset >= total)
        {
            return new ListResult<T>([], total);
        }

        var plan = !sqlite || search is null ? Plan.Default
            : filters.Count == 0 && total >= WalkOrderIndexFrom ? Plan.WalkOrderIndex
            : Plan.FromMatches;
        return new ListResult<T>(await PageAsync(connection, columns, orderBy, plan, pageSize, offset, read, cancellationToken), total);
    }

    private async Task<List<TRow>> PageAsync<TRow>(
        DbConnection connection, string columns, string orderBy, Plan plan, int pageSize, long offset, Func<DbDataReader, TRow> read,
        CancellationToken cancellationToken)
    {
        await using var select = Command(connection, $"SELECT {columns} FROM {table} {alias}{Where(plan)} ORDER BY {orderBy} LIMIT @limit OFFSET @offset")
            .With("limit", (long)pageSize).With("offset", offset);
        var rows = new List<TRow>(pageSize);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    // In SQLite, "+column" keeps the planner from using an index for that term, which decides what drives the query.
    private string Where(Plan plan)
    {
        var terms = filters.Select(f => $"{(plan == Plan.FromMatches ? "+" : "")}{alias}.{f.Column} = @{f.Parameter}").ToList();
        terms.AddRange(conditions.Select(c => $"({c.Condition})"));
        if (search is not null)
        {
            terms.Add(search.Condition((plan == Plan.WalkOrderIndex ? "+" : "") + $"{alias}.id"));
        }

        return terms.Count == 0 ? "" : " WHERE " + string.Join(" AND ", terms);
    }

    private DbCommand Command(DbConnection connection, string sql)
    {
        var command = DbCommands.Create(connection, null, sql);
        foreach (var (_, name, value) in filters.Concat(conditions))
        {
            command.With(name, value);
        }

        search?.AddParameters(command);
        return command;
    }
}
