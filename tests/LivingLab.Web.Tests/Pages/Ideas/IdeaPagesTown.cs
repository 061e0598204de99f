using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LivingLab.ReadModel;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Browser;
using LivingLab.Web.Tests.Partners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Ideas;

/// <summary>
/// A small town built once for the idea-side page tests, through the API as people would build it over four months:
/// ideas in every stage, one declined and one on hold, a pilot run by an accepted partner with two KPIs measured every
/// two weeks, a service rolled out, local issues, votes. It is then served by a real Kestrel server on the same store
/// (the API-building host stops first), with one headless Chromium for all the tests.
/// </summary>
public sealed class IdeaPagesTown : BrowserTown
{
    public const string PartnerName = "とびしまモビリティ株式会社";
    public const string SecondPartnerName = "庄内デジタル工房";

    /// <summary>In pilot, run by the accepted partner, with two KPIs and six measurements each.</summary>
    public string PilotIdea { get; private set; } = "";

    /// <summary>In research, no operator and no KPI yet: the pilot gate's conditions are all unmet; it takes partners.</summary>
    public string ResearchIdea { get; private set; } = "";

    /// <summary>In discovery, for votes.</summary>
    public string DiscoveryIdea { get; private set; } = "";

    /// <summary>Went all the way to rollout, run by the town.</summary>
    public string RolledOutIdea { get; private set; } = "";

    /// <summary>Put on hold in research, with a reason.</summary>
    public string OnHoldIdea { get; private set; } = "";

    /// <summary>Declined in discovery, with a reason.</summary>
    public string DeclinedIdea { get; private set; } = "";

    /// <summary>A resident with no role, who signs in through the login page.</summary>
    public string ResidentEmail { get; private set; } = "";

    /// <summary>A member of <see cref="SecondPartnerName"/>, which has not applied anywhere yet.</summary>
    public string PartnerMemberEmail { get; private set; } = "";

    /// <summary>
    /// Collects what goes wrong on a page, as <see cref="BrowserSession.RecordFailures"/> does, except the live-update
    /// stream under /live/: a stream cut when a test's host stops is reported by the browser, and is harmless (the page
    /// works without it).
    /// </summary>
    public static List<string> RecordFailures(IPage page)
    {
        static bool Live(string? url) => url?.Contains("/live/", StringComparison.Ordinal) == true;
        var failures = new List<string>();
        page.RequestFailed += (_, request) =>
        {
            if (!Live(request.Url) && !BrowserSession.IsSettledEnhancedPost(request))
            {
                failures.Add($"{request.Url} {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !Live(response.Url))
            {
                failures.Add($"{response.Url} {response.Status}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !Live(message.Location) && message.Text != "[object Event]")
            {
                failures.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => failures.Add($"page error: {error}");
        return failures;
    }

    protected override async Task BuildAsync(Lab lab)
    {
        // Back-date the story so it ends about two months ago; cookies issued now stay valid throughout.
        lab.Clock.Advance(TimeSpan.FromDays(-180));
        var staff = lab.Facilitator;
        await lab.NewChallenge();
        await lab.NewChallenge(body: Lab.ChallengeBody("公民館のWi-Fiがつながりにくい", "講座のときに動画が止まります。", "digital"));
        await lab.NewChallenge(body: Lab.ChallengeBody("冬の歩道が凍って危ない", "朝の通学路で転ぶ子がいます。", "safety"));

        PilotIdea = await lab.NewIdea(title: "e-モビリティで港から家まで荷物を届ける");
        RolledOutIdea = await lab.NewIdea(title: "定期船のオンライン予約");
        ResearchIdea = await lab.NewIdea(title: "循環バスの現在地をスマホで見る");
        DiscoveryIdea = await lab.NewIdea(title: "町内会の日程調整をオンラインで");
        OnHoldIdea = await lab.NewIdea(title: "病院の順番をスマホに知らせる");
        DeclinedIdea = await lab.NewIdea(title: "ドローンで薬を届ける");

        lab.Clock.Advance(TimeSpan.FromDays(10));
        foreach (var id in new[] { PilotIdea, RolledOutIdea, ResearchIdea, OnHoldIdea })
        {
            await lab.Advance(id, "research");
        }

        await Ok(staff.PostAsJsonAsync($"/api/ideas/{DeclinedIdea}/close", new { status = "declined", reason = "法規制のため、いまは飛行の許可が得られません。" }));
        await Ok(staff.PostAsJsonAsync($"/api/ideas/{RolledOutIdea}/operator", new { @operator = "town" }));
        var bookings = await KpiAsync(staff, RolledOutIdea, "オンライン予約の割合", "%", 0, 50);

        lab.Clock.Advance(TimeSpan.FromDays(8));
        var application = await lab.Apply(PilotIdea);
        await Ok(staff.PostAsync($"/api/ideas/{PilotIdea}/partner-applications/{application}/accept", null));
        await Ok(staff.PostAsJsonAsync($"/api/ideas/{PilotIdea}/operator", new { @operator = lab.PartnerId }));
        var deliveries = await KpiAsync(staff, PilotIdea, "週あたりの配送件数", "件/週", 0, 40);
        var minutes = await KpiAsync(staff, PilotIdea, "港から自宅までの時間", "分", 90, 30);
        await Ok(staff.PostAsJsonAsync($"/api/ideas/{OnHoldIdea}/close", new { status = "onHold", reason = "病院のシステム更新を待ってから再開します。" }));

        lab.Clock.Advance(TimeSpan.FromDays(12));
        await lab.Advance(PilotIdea, "pilot");
        await lab.Advance(RolledOutIdea, "pilot");

        decimal[] delivered = [14, 26, 33, 22, 37, 41];
        decimal[] waited = [52, 38, 34, 41, 32, 30];
        decimal[] booked = [12, 24, 31, 38, 45, 56];
        for (var i = 0; i < delivered.Length; i++)
        {
            lab.Clock.Advance(TimeSpan.FromDays(14));
            var today = DateOnly.FromDateTime(lab.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await Measure(lab.Partner, PilotIdea, deliveries, delivered[i], today, i == 3 ? "2月は定期船の欠航が多かった" : null);
            await Measure(lab.Partner, PilotIdea, minutes, waited[i], today, null);
            await Measure(staff, RolledOutIdea, bookings, booked[i], today, null);
        }

        lab.Clock.Advance(TimeSpan.FromDays(5));
        await lab.Advance(RolledOutIdea, "servicePlanning");
        lab.Clock.Advance(TimeSpan.FromDays(10));
        await lab.Advance(RolledOutIdea, "rollout");

        foreach (var (voter, _) in new[] { await lab.NewResident("鈴木 一郎"), await lab.NewResident("佐藤 葉子") })
        {
            foreach (var id in new[] { PilotIdea, RolledOutIdea, ResearchIdea })
            {
                await Ok(voter.PostAsync($"/api/ideas/{id}/votes", null));
            }
        }

        await lab.NewResident("ブラウザ 花子");
        ResidentEmail = lab.Emails[^1];

        var secondPartner = await PartnerApi.CreatedId(lab.Admin, PartnerApi.Body(name: SecondPartnerName, description: "庄内の小さなIT工房です。", website: "https://shonai.example.jp/"));
        var (_, memberId) = await lab.NewResident("庄内 工");
        PartnerMemberEmail = lab.Emails[^1];
        await Ok(lab.Admin.PostAsJsonAsync($"/api/admin/users/{memberId}/roles", new { roles = new[] { "partner" }, partnerId = secondPartner }));
    }

    private static async Task<string> KpiAsync(HttpClient staff, string ideaId, string name, string unit, decimal baseline, decimal target)
    {
        using var response = await staff.PostAsJsonAsync($"/api/ideas/{ideaId}/kpis", new { name, unit, baseline, target });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    private static Task Measure(HttpClient client, string ideaId, string kpiId, decimal value, string date, string? note) =>
        Ok(client.PostAsJsonAsync($"/api/ideas/{ideaId}/kpis/{kpiId}/measurements", new { value, date, note }));

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
