using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Challenges;

/// <summary>What people write comes back exactly as written: from memory, and from the store after a restart.</summary>
public sealed class LiteralTextTests
{
    private static readonly string[] Texts =
    [
        "'; DROP TABLE challenges; --",
        "Robert'); DELETE FROM events WHERE ('1'='1",
        "%' OR 1=1 -- \\x00 $1 {0} @p0 :name ? \\' \\\"",
        "👩‍👩‍👧‍👦 家族で🚲 🏳️‍🌈 👍🏽",
        "e\u0301 が (か\u3099) Z\u0351\u0352\u0353a\u0354\u0355l\u0356go",
        "مرحبا بالعالم \u202Eשלום\u202C עברית",
        "葛\U000E0100城市 𠮷野家 ｶﾀｶﾅ ＡＢＣ",
        "<script>alert('x')</script> &amp; \"quotes\"",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sql_looking_text_emoji_combining_marks_and_rtl_round_trip_exactly_through_post_and_get(bool postgres)
    {
        var lab = await Lab.StartAsync(postgres);
        await using var _ = lab;
        var written = new List<(string Text, string ChallengeId, string IdeaId)>();
        foreach (var text in Texts)
        {
            using var posted = await lab.Resident.PostAsJsonAsync("/api/challenges",
                new { title = text, body = $"{text}\n\n{text}", category = "other", place = new { text } });
            Assert.True(posted.StatusCode == HttpStatusCode.Created, $"{text}: {await posted.Content.ReadAsStringAsync()}");
            var id = (await AccountApi.Json(posted)).GetProperty("id").GetString()!;
            await Lab.Comment(lab.Resident, $"/api/challenges/{id}", text);
            using var idea = await lab.Resident.PostAsJsonAsync("/api/ideas", new { title = text, summary = text, category = "other" });
            Assert.Equal(HttpStatusCode.Created, idea.StatusCode);
            written.Add((text, id, (await AccountApi.Json(idea)).GetProperty("id").GetString()!));
        }

        await AssertLiteral(lab.Anonymous);
        await using var restarted = await lab.RestartAsync();
        using var reader = restarted.CreateClient();
        await AssertLiteral(reader);

        async Task AssertLiteral(HttpClient client)
        {
            foreach (var (text, id, ideaId) in written)
            {
                var challenge = await Lab.GetJson(client, $"/api/challenges/{id}");
                Assert.Equal(text, challenge.GetProperty("title").GetString());
                Assert.Equal($"{text}\n\n{text}", challenge.GetProperty("body").GetString());
                Assert.Equal(text, challenge.GetProperty("place").GetProperty("text").GetString());
                var comment = (await Lab.GetJson(client, $"/api/challenges/{id}/comments")).GetProperty("items")[0];
                Assert.Equal(text, comment.GetProperty("body").GetString());
                var idea = await Lab.GetJson(client, $"/api/ideas/{ideaId}");
                Assert.Equal(text, idea.GetProperty("title").GetString());
                Assert.Equal(text, idea.GetProperty("summary").GetString());
            }
        }
    }
}
