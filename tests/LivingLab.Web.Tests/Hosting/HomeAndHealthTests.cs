using System.Net;
using System.Text.Json;
using Orleans;
using LivingLab.Site;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Hosting;

public sealed class HomeAndHealthTests
{
    [Fact]
    public async Task Home_page_is_server_rendered_in_Japanese_by_default_from_the_site_grain()
    {
        await using var factory = new LivingLabFactory();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"ja\"", html);
        Assert.Contains(SiteInfo.Default.TownNameJa, html);
        Assert.Contains("課題発見", html);
        Assert.DoesNotContain("blazor.web.js", html);
    }

    [Fact]
    public async Task The_site_starts_and_serves_pages_in_Development_where_scoped_services_are_validated()
    {
        // `dotnet run --project web` runs in Development, which refuses scoped services taken from the root provider.
        await using var factory = new LivingLabFactory(environment: "Development");
        using var client = factory.CreateClient();

        using var home = await client.GetAsync("/");
        using var list = await client.GetAsync("/challenges");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task Home_page_shows_what_the_site_grain_holds_now()
    {
        await using var factory = new LivingLabFactory();
        using var client = factory.CreateClient();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();

        var result = await grains.GetGrain<ISiteGrain>(ISiteGrain.Key)
            .Update(new SiteInfo("酒田市", "Sakata City", "ようこそ", "Welcome"), "admin-1");

        Assert.True(result.Succeeded);
        Assert.Contains("酒田市", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Site_grain_refuses_an_empty_town_name_and_keeps_the_previous_one()
    {
        await using var factory = new LivingLabFactory();
        using var client = factory.CreateClient();
        var site = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISiteGrain>(ISiteGrain.Key);

        var result = await site.Update(new SiteInfo(" ", "Sakata", "ようこそ", "Welcome"), "admin-1");

        Assert.False(result.Succeeded);
        Assert.Equal("required", result.Rejection!.Code);
        Assert.Equal(nameof(SiteInfo.TownNameJa), result.Rejection.Field);
        Assert.Equal(SiteInfo.Default, await site.GetInfo());
    }

    [Fact]
    public async Task Culture_query_switches_to_English_and_is_remembered_in_a_cookie()
    {
        await using var factory = new LivingLabFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/?culture=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains(SiteInfo.Default.TownNameEn, html);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("<html lang=\"en\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Healthz_reports_a_healthy_sqlite_store()
    {
        await using var factory = new LivingLabFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Sqlite", json.RootElement.GetProperty("checks").GetProperty("store").GetProperty("data").GetProperty("provider").GetString());
        Assert.True(File.Exists(factory.DatabasePath));
    }

    [Fact]
    public async Task Healthz_reports_a_healthy_postgres_store_when_configured_for_it()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync();
        await using var factory = new LivingLabFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
        });
        using var client = factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/healthz"));

        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Postgres", json.RootElement.GetProperty("checks").GetProperty("store").GetProperty("data").GetProperty("provider").GetString());
        Assert.Contains("みなと町", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task An_unknown_storage_provider_stops_start_up_with_a_message_saying_what_to_set()
    {
        await using var factory = new LivingLabFactory(new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Storage:Provider 'Oracle' is not known", failure.ToString());
    }
}
