using System.Net;
using System.Text.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Partners;

public sealed class CategoryApiTests
{
    [Theory]
    [InlineData(null, "交通", "その他")]
    [InlineData("ja", "交通", "その他")]
    [InlineData("en", "Transport", "Other")]
    [InlineData("en-US,en;q=0.9", "Transport", "Other")]
    public async Task Categories_come_with_names_in_the_requests_language(string? language, string firstName, string lastName)
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/categories");
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        using var response = await client.SendAsync(request);
        var categories = (await AccountApi.Json(response)).EnumerateArray().ToArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LivingLab.Categories.All.Select(c => c.Id), categories.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(("transport", firstName), Pair(categories[0]));
        Assert.Equal(("other", lastName), Pair(categories[^1]));
    }

    [Fact]
    public void IsKnown_accepts_listed_ids_only()
    {
        Assert.True(LivingLab.Categories.IsKnown("parks"));
        Assert.False(LivingLab.Categories.IsKnown("Parks"));
        Assert.False(LivingLab.Categories.IsKnown("mayor"));
        Assert.False(LivingLab.Categories.IsKnown(null));
        Assert.Equal(LivingLab.Categories.All.Count, LivingLab.Categories.All.Select(c => c.Id).Distinct().Count());
    }

    private static (string?, string?) Pair(JsonElement category) =>
        (category.GetProperty("id").GetString(), category.GetProperty("name").GetString());
}
