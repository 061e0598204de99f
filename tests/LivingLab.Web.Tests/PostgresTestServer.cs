using Npgsql;

namespace LivingLab.Web.Tests;

/// <summary>The throwaway PostgreSQL server that scripts/test.sh starts; each caller gets a database of its own.</summary>
internal static class PostgresTestServer
{
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("LIVINGLAB_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "LIVINGLAB_TEST_POSTGRES is not set. Run ./scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");
        var name = $"web_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
