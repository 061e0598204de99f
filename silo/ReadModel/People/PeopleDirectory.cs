using System.Data.Common;
using System.Text;
using LivingLab.People;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.ReadModel.People;

/// <summary>A person as the admin's list shows them: never the email, which only the person grain holds.</summary>
public sealed record PersonListItem(string Id, string? DisplayName, IReadOnlyList<string> Roles, string? PartnerId, DateTimeOffset Registered);

/// <summary>What the admin's list asks for: a part of the display name, a role, and the page (newest accounts first).</summary>
public sealed record PeopleQuery(string? Text = null, string? Role = null, int Page = 1, int PageSize = 25);

/// <summary>
/// Reads people_directory for the admin pages. Like every read model it follows the event log a moment behind; call
/// <see cref="ProjectionRunner.CatchUpAsync"/> first to see a change just made. Before it reads, it asks the person grains
/// for the display names of accounts it has not asked about yet, so a name search finds new people too.
/// </summary>
public sealed class PeopleDirectory(IReadModelDatabase database, IGrainFactory grains)
{
    // Names asked for in one round; a rebuilt directory of a whole town fills in over a few rounds of one request.
    private const int NameBatch = 200;

    /// <summary>The longest name search; a display name is at most this long anyway.</summary>
    public const int MaxQueryLength = AccountRules.MaxDisplayNameLength;

    /// <summary>One page of people, newest accounts first; an unknown role matches nobody.</summary>
    public async Task<ListResult<PersonListItem>> ListAsync(PeopleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);

        var terms = new List<string>();
        var parameters = new List<(string, object?)>();
        if (Fold(query.Text?.Trim()) is { Length: > 0 } text)
        {
            terms.Add(@"search_name LIKE @text ESCAPE '\'");
            parameters.Add(("text", "%" + DbCommands.EscapeLike(text[..Math.Min(text.Length, MaxQueryLength)]) + "%"));
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            terms.Add("roles LIKE @role");
            parameters.Add(("role", "%," + DbCommands.EscapeLike(query.Role) + ",%"));
        }

        var where = terms.Count == 0 ? "" : " WHERE " + string.Join(" AND ", terms);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await FillNamesAsync(connection, cancellationToken);
        int total;
        await using (var count = Command(connection, $"SELECT COUNT(*) FROM people_directory{where}", parameters))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var items = new List<PersonListItem>();
        await using var select = Command(connection,
            $"SELECT id, display_name, roles, partner_id, registered_at FROM people_directory{where} ORDER BY registered_at DESC, id DESC LIMIT @limit OFFSET @offset",
            [.. parameters, ("limit", (long)query.PageSize), ("offset", (long)(query.Page - 1) * query.PageSize)]);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new PersonListItem(
                reader.GetString(0),
                ReadModelSql.ReadNullableString(reader, 1),
                ReadRoles(reader.GetString(2)),
                ReadModelSql.ReadNullableString(reader, 3),
                ReadModelSql.ReadTime(reader, 4)));
        }

        return new ListResult<PersonListItem>(items, total);
    }

    private async Task FillNamesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            var unnamed = new List<string>();
            await using (var find = Command(connection, "SELECT id FROM people_directory WHERE name_checked = 0 ORDER BY id LIMIT @limit", [("limit", (long)NameBatch)]))
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    unnamed.Add(reader.GetString(0));
                }
            }

            if (unnamed.Count == 0)
            {
                return;
            }

            var profiles = await Task.WhenAll(unnamed.Select(id =>
                Common.Ids.IsWellFormed(id) ? grains.GetGrain<IPersonGrain>(id).GetProfile() : Task.FromResult<PersonProfile?>(null)));
            // The grains were asked above: nothing waits on a grain while this transaction holds the store's write lock.
            using var turn = await database.EnterWriteAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            for (var i = 0; i < unnamed.Count; i++)
            {
                var name = profiles[i]?.DisplayName;
                await ReadModelSql.ExecuteAsync(connection, transaction,
                    "UPDATE people_directory SET display_name = @name, search_name = @search, name_checked = 1 WHERE id = @id",
                    cancellationToken, ("name", name), ("search", Fold(name)), ("id", unnamed[i]));
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Roles as stored: known codes in <see cref="Roles.All"/> order between commas.</summary>
    internal static string StoredRoles(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return "," + string.Join(",", Roles.All.Where(held.Contains)) + ",";
    }

    /// <summary>A name folded for search: compatibility forms unified (NFKC) and lower case.</summary>
    internal static string? Fold(string? name) => name?.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static IReadOnlyList<string> ReadRoles(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static DbCommand Command(DbConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters) =>
        DbCommands.Create(connection, null, sql, parameters);
}
