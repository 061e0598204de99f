using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace LivingLab.Web.Tests.Lists;

/// <summary>The open-data exports: CSV a spreadsheet opens safely, JSON, and public fields only.</summary>
public abstract class ExportApiTests(ListApiHost host)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task The_challenge_csv_is_utf8_with_a_bom_and_one_quoted_row_per_challenge_oldest_first()
    {
        var (response, bytes) = await DownloadAsync("/api/export/challenges.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("challenges.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(Bom, bytes[..3]);
        var rows = ReadCsv(bytes);
        Assert.Equal(
            ["id", "title", "body", "category", "status", "stage", "ideaId", "supportCount", "commentCount", "createdAt", "proxyChannel",
             "placeText", "latitude", "longitude", "mergedIntoId", "declineReason"],
            rows[0]);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], rows.Skip(1).Select(r => r[0]));
        var c1 = rows[1];
        Assert.Equal(("駅前の駐輪場が足りない", "5", "1", "駅前", "38.92", "139.84"), (c1[1], c1[7], c1[8], c1[11], c1[12], c1[13]));
        Assert.Equal(("accepted", "research", "i1"), (rows[4][4], rows[4][5], rows[4][6]));
        Assert.Equal(("declined", "観光協会の事業のため"), (rows[5][4], rows[5][15]));
        Assert.Equal(DateTimeOffset.Parse(rows[1][9], System.Globalization.CultureInfo.InvariantCulture).Offset, TimeSpan.Zero);
    }

    [Fact]
    public async Task Commas_quotes_and_newlines_survive_and_formula_like_text_is_made_harmless()
    {
        var (_, bytes) = await DownloadAsync("/api/export/challenges.csv");
        var text = Encoding.UTF8.GetString(bytes);
        var rows = ReadCsv(bytes);

        Assert.Equal(ListApiHost.SpreadsheetTitle, rows[2][1]);
        Assert.Contains("\"Bench, \"\"broken\"\"\nnear the gate\"", text, StringComparison.Ordinal);
        // A spreadsheet would run "=cmd|…" as a formula; the leading apostrophe makes it text.
        Assert.Equal("'" + ListApiHost.FormulaTitle, rows[3][1]);
        Assert.Equal("'-2+3", rows[3][2]);
        Assert.Equal("paper", rows[3][10]);
        Assert.DoesNotContain("\n=cmd", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(",=cmd", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_idea_csv_has_one_row_per_idea_with_wire_names()
    {
        var (_, bytes) = await DownloadAsync("/api/export/ideas.csv");
        var rows = ReadCsv(bytes);

        Assert.Equal(["id", "title", "summary", "category", "stage", "status", "statusReason", "voteCount", "commentCount", "challengeCount",
            "createdAt", "stageEnteredAt", "operator", "welcomesPartners", "acceptedPartnerCount", "kpiCount"], rows[0]);
        Assert.Equal(["i1", "i2", "i3"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(("research", "open", "3", "town", "True", "1"), (rows[1][4], rows[1][5], rows[1][7], rows[1][12], rows[1][13], rows[1][14]));
        Assert.Equal(("declined", "維持費が大きい"), (rows[3][5], rows[3][6]));
    }

    [Theory]
    [InlineData("/api/export/challenges.json", "challenges.json", "c1,c2,c3,c4,c5")]
    [InlineData("/api/export/ideas.json", "ideas.json", "i1,i2,i3")]
    public async Task The_json_exports_are_arrays_of_camelCase_items_oldest_first(string url, string fileName, string ids)
    {
        var (response, bytes) = await DownloadAsync(url);
        using var document = JsonDocument.Parse(bytes);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var items = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(ids, string.Join(',', items.Select(i => i.GetProperty("id").GetString())));
        Assert.All(items, i => Assert.All(i.EnumerateObject(), p => Assert.True(char.IsLower(p.Name[0]), p.Name)));
        Assert.All(items, i => Assert.Contains(i.GetProperty("stage").GetString(), LivingLab.Pipeline.StageWireNames.All));
    }

    [Theory]
    [InlineData("/api/export/challenges.csv")]
    [InlineData("/api/export/challenges.json")]
    [InlineData("/api/export/ideas.csv")]
    [InlineData("/api/export/ideas.json")]
    public async Task Exports_hold_public_fields_only(string url)
    {
        var (_, bytes) = await DownloadAsync(url);
        var text = Encoding.UTF8.GetString(bytes);

        foreach (var secret in new[] { host.AuthorEmail, host.AuthorId, ListApiHost.HiddenComment, ListApiHost.DeclinedApplicationReason, "個人名を含むため", "staff-7", "resident-" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
    }

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(string url)
    {
        using var client = host.Factory.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    // Every record as its fields, the header first (read as a plain record, not as a header, so it can be compared).
    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }
}

/// <summary>The exports over SQLite.</summary>
public sealed class SqliteExportApiTests(SqliteListApiHost host) : ExportApiTests(host), IClassFixture<SqliteListApiHost>;

/// <summary>The exports over PostgreSQL.</summary>
public sealed class PostgresExportApiTests(PostgresListApiHost host) : ExportApiTests(host), IClassFixture<PostgresListApiHost>;
