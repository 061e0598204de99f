using System.Net;
using System.Net.Http.Json;
using Bunit;
using LivingLab.People;
using LivingLab.Web.Features.Workshops;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Pages.Staff;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.Workshops;

/// <summary>
/// The registration island of a workshop page, rendered by bUnit as the signed-in resident's circuit over the real
/// site: registering lands in the grain and shows in place, a withdrawal waits for the confirmation, and a refusal
/// shows beside the button in the page's language.
/// </summary>
public sealed class RegistrationIslandTests
{
    // An upper bound for the real grain calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Registering_shows_the_seat_in_place_and_a_withdrawal_happens_only_once_confirmed()
    {
        await using var site = await StaffSite.StartAsync();
        var id = await NewWorkshop(site);
        CircuitContext.UseCulture("ja");
        await using var context = ResidentContext(site);
        var island = context.Render<WorkshopRegistrationIsland>(p => p.Add(x => x.WorkshopId, id).Add(x => x.Capacity, 1).Add(x => x.IsOpen, true));

        CircuitContext.Act(island, "form", e => e.Submit());

        island.WaitForAssertion(() =>
        {
            Assert.Equal("参加を申し込みました。", island.Find("[data-testid=registration-status]").TextContent.Trim());
            Assert.Equal("申込を取り消す", island.Find("[data-testid=registration-button]").TextContent.Trim());
            Assert.Equal("参加1人 / 定員1人", island.Find("[data-testid=registered-count]").TextContent.Trim());
        }, Wait);
        Assert.Equal("withdraw", island.Find("input[name='RegistrationForm.Action']").GetAttribute("value"));
        Assert.Equal("registered", (await site.Json($"/api/workshops/{id}", site.Resident)).GetProperty("mine").GetProperty("status").GetString());

        // "Keep it" leaves the registration as it is.
        CircuitContext.Act(island, "form", e => e.Submit());
        island.WaitForAssertion(() => Assert.Contains("キャンセル待ちの先頭の人に移ります", island.Markup, StringComparison.Ordinal), Wait);
        ClickButton(island, "取り消さない");
        island.WaitForAssertion(() => Assert.DoesNotContain("キャンセル待ちの先頭の人に移ります", island.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal("registered", (await site.Json($"/api/workshops/{id}", site.Resident)).GetProperty("mine").GetProperty("status").GetString());

        CircuitContext.Act(island, "form", e => e.Submit());
        island.WaitForAssertion(() => Assert.Contains("キャンセル待ちの先頭の人に移ります", island.Markup, StringComparison.Ordinal), Wait);
        ClickButton(island, "取り消す");
        island.WaitForAssertion(() =>
        {
            Assert.Equal("申込を取り消しました。", island.Find("[data-testid=registration-status]").TextContent.Trim());
            Assert.Empty(island.FindAll("[data-testid=my-registration]"));
        }, Wait);
        var stored = await site.Json($"/api/workshops/{id}", site.Resident);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, stored.GetProperty("mine").ValueKind);
    }

    [Theory]
    [InlineData("ja", "このワークショップは中止になりました。")]
    [InlineData("en", "This workshop has been cancelled.")]
    public async Task Registering_for_a_workshop_cancelled_meanwhile_is_refused_beside_the_button_in_the_pages_language(string culture, string message)
    {
        await using var site = await StaffSite.StartAsync();
        var id = await NewWorkshop(site);
        CircuitContext.UseCulture(culture);
        await using var context = ResidentContext(site);
        var island = context.Render<WorkshopRegistrationIsland>(p => p.Add(x => x.WorkshopId, id).Add(x => x.Capacity, 1).Add(x => x.IsOpen, true));
        Caller.Set(site.FacilitatorId, [Roles.Facilitator]);
        try
        {
            Assert.True((await site.Factory.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<IWorkshopGrain>(id).CancelAsync("台風のため")).Succeeded);
        }
        finally
        {
            Caller.Clear();
        }

        CircuitContext.Act(island, "form", e => e.Submit());

        island.WaitForAssertion(() => Assert.Equal(message, island.Find("#registration-error").TextContent.Trim()), Wait);
        Assert.Contains("registration-error", island.Find("[data-testid=registration-button]").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("register", island.Find("input[name='RegistrationForm.Action']").GetAttribute("value"));
    }

    private static void ClickButton(IRenderedComponent<WorkshopRegistrationIsland> island, string text)
    {
        var button = island.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);
        button.Click();
    }

    private static async Task<string> NewWorkshop(StaffSite site)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(14);
        using var response = await site.Facilitator.PostAsJsonAsync("/api/workshops", new
        {
            title = "飛島の買い物を考えるワークショップ",
            stage = "discovery",
            place = "飛島総合センター",
            capacity = 1,
            startsAt = starts,
            endsAt = starts.AddHours(2),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AccountApi.Json(response)).GetProperty("id").GetString()!;
    }

    private static BunitContext ResidentContext(StaffSite site) =>
        CircuitContext.Create(site.Factory.Services, "酒田 花子", site.ResidentId, ["resident"], facades: [typeof(WorkshopParticipation)]);
}
