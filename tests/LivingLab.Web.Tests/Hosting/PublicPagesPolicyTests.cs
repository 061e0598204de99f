namespace LivingLab.Web.Tests.Hosting;

/// <summary>
/// Every page exists in two endpoint sets: an anonymous read gets the public one (no circuit script, no cookie,
/// cacheable), a signed-in reader the interactive one (blazor.web.js, the antiforgery cookie, never cached).
/// </summary>
public sealed class PublicPagesPolicyTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/challenges")]
    [InlineData("/ideas")]
    public async Task An_anonymous_read_gets_the_public_page_with_no_cookie_and_no_circuit_script(string path)
    {
        await using var lab = await Lab.StartAsync();

        using var response = await lab.Anonymous.GetAsync(path);

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("_framework/blazor.web", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Blazor-Server-Component-State", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_reader_gets_the_interactive_page_with_the_circuit_script_and_it_is_not_stored()
    {
        await using var lab = await Lab.StartAsync();

        using var response = await lab.Resident.GetAsync("/challenges");

        response.EnsureSuccessStatusCode();
        Assert.Contains("_framework/blazor.web", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }
}
