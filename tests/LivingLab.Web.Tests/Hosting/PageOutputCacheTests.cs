namespace LivingLab.Web.Tests.Hosting;

/// <summary>
/// Anonymous pages come from a short output cache (one render per page, language and text size); signed-in people are
/// never served from it nor stored in it; any new event drops every cached page.
/// </summary>
public sealed class PageOutputCacheTests
{
    [Fact]
    public async Task An_anonymous_page_is_rendered_once_and_then_served_from_the_cache()
    {
        await using var lab = await Lab.StartAsync();
        await lab.CatchUpAsync();

        using var first = await lab.Anonymous.GetAsync("/challenges");
        using var second = await lab.Anonymous.GetAsync("/challenges");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_request_is_neither_answered_from_the_cache_nor_stored_in_it()
    {
        await using var lab = await Lab.StartAsync();
        await lab.CatchUpAsync();

        using var anonymous = await lab.Anonymous.GetAsync("/challenges");
        using var signedIn = await lab.Resident.GetAsync("/challenges");
        using var anonymousAgain = await lab.Anonymous.GetAsync("/challenges");

        Assert.Null(signedIn.Headers.Age);
        Assert.Contains("action=\"logout\"", await signedIn.Content.ReadAsStringAsync());
        Assert.NotNull(anonymousAgain.Headers.Age);
        Assert.DoesNotContain("action=\"logout\"", await anonymousAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_cache_keeps_one_render_per_language_so_a_remembered_choice_is_honoured()
    {
        await using var lab = await Lab.StartAsync();
        await lab.CatchUpAsync();
        using var japanese = await lab.Anonymous.GetAsync("/challenges");
        Assert.Contains("<html lang=\"ja\"", await japanese.Content.ReadAsStringAsync());

        using var english = lab.Factory.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using var first = await english.GetAsync("/challenges");
        using var second = await english.GetAsync("/challenges");

        Assert.Contains("<html lang=\"en\"", await first.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"en\"", await second.Content.ReadAsStringAsync());
        Assert.NotNull(second.Headers.Age);
    }

    [Fact]
    public async Task A_new_event_drops_the_cached_pages_so_a_new_challenge_shows_at_once()
    {
        await using var lab = await Lab.StartAsync();
        await lab.CatchUpAsync();
        using (await lab.Anonymous.GetAsync("/challenges"))
        using (var cached = await lab.Anonymous.GetAsync("/challenges"))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        await lab.NewChallenge(body: Lab.ChallengeBody(title: "公民館の予約をオンラインで"));
        await lab.CatchUpAsync();
        using var after = await lab.Anonymous.GetAsync("/challenges");

        Assert.Null(after.Headers.Age);
        Assert.Contains("公民館の予約をオンラインで", await after.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/register")]
    [InlineData("/api/challenges")]
    public async Task Per_person_pages_and_the_API_are_never_cached(string path)
    {
        await using var lab = await Lab.StartAsync();
        await lab.CatchUpAsync();

        using var first = await lab.Anonymous.GetAsync(path);
        using var second = await lab.Anonymous.GetAsync(path);

        Assert.True(second.IsSuccessStatusCode);
        Assert.Null(second.Headers.Age);
    }
}
