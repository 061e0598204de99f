using System.Data.Common;
using System.Text;
using LivingLab.ReadModel.Search;

namespace LivingLab.ReadModel;

/// <summary>
/// One page of a read-model list table: equality filters, an optional search, an order, and the total. The total and
/// the page are two statements on one connection: a window count would make the page read every matching row.
/// </summary>
internal sealed class ListQuerySql(string table, string alias)
{
    private readonly List<string> conditions = [];
    private readonly List<(string Name, object? Value)> parameters = [];
    private SearchMatch? search;

    /// <summary>Adds "column = value" when the value is given.</summary>
    public ListQuerySql WhereEquals(string column, object? value)
    {
        if (value is not null)
        {
            var name = $"f{parameters.Count}";
            conditions.Add($"{alias}.{column} = @{name}");
            parameters.Add((name, value));
        }

        return this;
    }

    /// <summary>Keeps only the rows whose id the search matches.</summary>
    public ListQuerySql Matching(SearchMatch? match)
    {
        search = match;
        if (match is not null)
        {
            conditions.Add(match.Condition($"{alias}.id"));
        }

        return this;
    }

    public async Task<ListResult<T>> RunAsync<T>(
        DbConnection connection, string columns, string orderBy, int page, int pageSize, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);

        int total;
        await using (var count = Command(connection, $"SELECT COUNT(*) FROM {table} {alias}{where}"))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var offset = (long)(page - 1) * pageSize;
        if (offset >= total)
        {
            return new ListResult<T>([], total);
        }

        var sql = new StringBuilder($"SELECT {columns} FROM {table} {alias}{where} ORDER BY {orderBy} LIMIT @limit OFFSET @offset");
        await using var select = Command(connection, sql.ToString()).With("limit", (long)pageSize).With("offset", offset);
        var items = new List<T>(Math.Min(pageSize, total));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return new ListResult<T>(items, total);
    }

    private DbCommand Command(DbConnection connection, string sql)
    {
        var command = DbCommands.Create(connection, null, sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        search?.AddParameters(command);
        return command;
    }
}
