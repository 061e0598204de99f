using LivingLab.ReadModel;
using LivingLab.ReadModel.Search;
using LivingLab.Storage;
using LivingLab.Tests.Storage;

namespace LivingLab.Tests.ReadModel;

/// <summary>Search over both stores, unchanged: Japanese two-character words, English words, and no table scans.</summary>
public abstract class SearchIndexContractTests : IAsyncLifetime
{
    private IStateStore storage = null!;
    private SearchIndex index = null!;
    private string kind = null!;

    protected abstract ITestStoreFactory Stores { get; }

    private IReadModelDatabase Database => (IReadModelDatabase)storage;

    public async Task InitializeAsync()
    {
        storage = (await Stores.SharedAsync()).Open();
        await storage.MigrateAsync();
        index = new SearchIndex(Database);
        kind = $"challenge-{Guid.NewGuid():N}";
        await index.IndexAsync(kind, "c1", "駅前の駐輪場が足りない");
        await index.IndexAsync(kind, "c2", "公園のベンチが壊れています Broken bench in the park");
        await index.IndexAsync(kind, "c3", "東京都からの移住者向けの案内");
        await index.IndexAsync(kind, "c4", "100% の子どもが使う公園_遊具");
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Theory]
    [InlineData("駐輪", "c1")]
    [InlineData("公園", "c2,c4")]
    [InlineData("ベンチ", "c2")]
    [InlineData("bench", "c2")]
    [InlineData("ＢＥＮＣＨ", "c2")]
    [InlineData("Park bench", "c2")]
    [InlineData("公園 ベンチ", "c2")]
    [InlineData("京都", "c3")]
    [InlineData("100%", "c4")]
    public async Task Finds_every_document_holding_all_query_words(string query, string expected)
    {
        var result = await index.SearchAsync(kind, query, 50);

        Assert.Null(result.RejectionCode);
        Assert.Equal(expected.Split(','), result.DocumentIds);
    }

    [Theory]
    [InlineData("駐車")]
    [InlineData("都京")]
    [InlineData("bench 駐輪")]
    [InlineData("_遊")]
    public async Task Finds_nothing_when_a_word_is_absent_even_if_its_bigrams_occur_apart(string query)
    {
        Assert.Empty((await index.SearchAsync(kind, query, 50)).DocumentIds);
    }

    [Fact]
    public async Task One_character_queries_are_refused_with_a_reason()
    {
        var result = await index.SearchAsync(kind, "園", 50);

        Assert.Equal("queryTooShort", result.RejectionCode);
    }

    [Fact]
    public async Task Reindexing_a_document_replaces_its_words()
    {
        await index.IndexAsync(kind, "c1", "駅前の駐車場");

        Assert.Empty((await index.SearchAsync(kind, "駐輪", 50)).DocumentIds);
        Assert.Equal(["c1"], (await index.SearchAsync(kind, "駐車", 50)).DocumentIds);
    }

    [Fact]
    public async Task Text_that_looks_like_sql_is_indexed_and_found_literally()
    {
        await index.IndexAsync(kind, "c5", "'; DROP TABLE search_grams; -- 公園");

        Assert.Equal(["c5"], (await index.SearchAsync(kind, "drop table", 50)).DocumentIds);
        Assert.Equal(["c2", "c4", "c5"], (await index.SearchAsync(kind, "公園", 50)).DocumentIds);
    }

    [Fact]
    public async Task The_gram_lookup_uses_an_index_rather_than_scanning()
    {
        var plan = await ExplainGramLookupAsync();

        Assert.DoesNotContain("SCAN search_grams", plan, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Seq Scan on search_grams", plan, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Database.ProviderName == "Sqlite" ? "USING PRIMARY KEY" : "Index", plan, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> ExplainGramLookupAsync()
    {
        const string lookup = "SELECT doc_id FROM search_grams WHERE kind = 'k' AND gram IN ('公園', 'ベン') GROUP BY doc_id";
        await using var connection = await Database.OpenConnectionAsync();
        if (Database.ProviderName == "Postgres")
        {
            // A tiny table makes a sequential scan cheapest; forbid it to see whether an index can serve the lookup.
            await using var noSeqScan = connection.CreateCommand();
            noSeqScan.CommandText = "SET enable_seqscan = off";
            await noSeqScan.ExecuteNonQueryAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = (Database.ProviderName == "Sqlite" ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + lookup;
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return string.Join('\n', lines);
    }
}

/// <summary>The search contract against SQLite files.</summary>
public sealed class SqliteSearchIndexContractTests(SqliteStoreFixture fixture) : SearchIndexContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}

/// <summary>The search contract against the real PostgreSQL server.</summary>
public sealed class PostgresSearchIndexContractTests(PostgresStoreFixture fixture) : SearchIndexContractTests, IClassFixture<PostgresStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
