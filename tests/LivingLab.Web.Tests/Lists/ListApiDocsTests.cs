using LivingLab.Web.Tests.Api;

namespace LivingLab.Web.Tests.Lists;

/// <summary>The list, timeline, statistics and export endpoints in the OpenAPI document.</summary>
public sealed class ListApiDocsTests(OpenApiHost host) : IClassFixture<OpenApiHost>
{
    [Theory]
    [InlineData("/api/challenges", "400")]
    [InlineData("/api/ideas", "400")]
    [InlineData("/api/challenges/{id}/timeline", "400 404")]
    [InlineData("/api/ideas/{id}/timeline", "400 404")]
    [InlineData("/api/stats/pipeline", "")]
    [InlineData("/api/export/challenges.csv", "")]
    [InlineData("/api/export/challenges.json", "")]
    [InlineData("/api/export/ideas.csv", "")]
    [InlineData("/api/export/ideas.json", "")]
    [InlineData("/api/export/workshops.csv", "")]
    [InlineData("/api/export/workshops.json", "")]
    [InlineData("/api/workshops/{id}/board.csv", "404")]
    [InlineData("/api/workshops/{id}/board.json", "404")]
    public void Each_read_endpoint_is_documented_with_its_refusals_as_problems(string path, string statuses)
    {
        var operation = host.Document.GetProperty("paths").GetProperty(path).GetProperty("get");

        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
        foreach (var status in statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(operation.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _));
        }
    }

    [Fact]
    public void The_csv_exports_are_documented_as_text_csv()
    {
        var content = host.Document.GetProperty("paths").GetProperty("/api/export/ideas.csv").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content");

        Assert.True(content.TryGetProperty("text/csv", out _));
    }
}
