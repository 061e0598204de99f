using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Pages.Staff;

/// <summary>
/// A small town's worth of staff work, made through the API: three new issues (one entered by staff for a resident), two
/// ideas in discovery, one in research with a pending partner application and no operator, one in pilot run by the partner
/// with a KPI, and one on hold.
/// </summary>
internal sealed record TownData(string Bicycles, string BusShelter, string Playground, string Ferry, string Shopping, string Pilot, string OnHold, string ApplicationId)
{
    public static async Task<TownData> SeedAsync(StaffSite site)
    {
        var bicycles = await site.NewChallenge("駅前の駐輪場が足りない");
        await site.Support(bicycles, "supporter-1@town.example.jp");
        await site.Support(bicycles, "supporter-2@town.example.jp");
        string busShelter;
        using (var proxy = await site.Facilitator.PostAsJsonAsync("/api/challenges/proxy", new
        {
            title = "バス停に屋根がほしい",
            body = "雨の日に市立病院前のバス停で待つのがつらい、と電話がありました。",
            category = "transport",
            channel = "phone",
            onBehalfOf = "80代の住民",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, proxy.StatusCode);
            busShelter = (await AccountApi.Json(proxy)).GetProperty("id").GetString()!;
        }

        var playground = await site.NewChallenge("公園の遊具が古くて危ない", "中央公園のすべり台がさびています。", "parks");
        var ferryChallenge = await site.NewChallenge("フェリーの予約が電話だけで不便", "飛島行きのフェリーを夜でも予約したい。", "transport");
        string ferry;
        using (var accepted = await site.Facilitator.PostAsJsonAsync($"/api/challenges/{ferryChallenge}/accept", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            ferry = (await AccountApi.Json(accepted)).GetProperty("ideaId").GetString()!;
        }

        await site.NewIdea("商店街の空き店舗でスマホ相談会", "空き店舗を使って、毎週スマホの使い方を相談できる場をつくる。", "elderly");

        var shopping = await site.NewIdea("とびしまの買い物をLINEで注文");
        await site.Advance(shopping, "research");

        var pilot = await site.NewIdea("スマホ教室と相談窓口", "高齢者向けのスマホ教室と、困ったときの相談窓口を公民館に開く。", "elderly");
        await site.Advance(pilot, "research");
        var pilotApplication = await site.Apply(pilot, "公民館で月2回の教室を運営します。");
        using (var accept = await site.Facilitator.PostAsync($"/api/ideas/{pilot}/partner-applications/{pilotApplication}/accept", null))
        {
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        }

        using (var op = await site.Facilitator.PostAsJsonAsync($"/api/ideas/{pilot}/operator", new { @operator = site.PartnerId }))
        {
            Assert.Equal(HttpStatusCode.OK, op.StatusCode);
        }

        using (var kpi = await site.Facilitator.PostAsJsonAsync($"/api/ideas/{pilot}/kpis", new { name = "相談件数", unit = "件/月", baseline = 0, target = 40 }))
        {
            Assert.Equal(HttpStatusCode.Created, kpi.StatusCode);
        }

        await site.Advance(pilot, "pilot");
        var applicationId = await site.Apply(shopping);

        var onHold = await site.NewIdea("AI議事録の試行", "会議の録音から議事録の下書きを自動でつくる。", "digital");
        using (var close = await site.Facilitator.PostAsJsonAsync($"/api/ideas/{onHold}/close", new { status = "onHold", reason = "来年度の予算が決まるまで保留します。" }))
        {
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        }

        return new TownData(bicycles, busShelter, playground, ferry, shopping, pilot, onHold, applicationId);
    }
}
