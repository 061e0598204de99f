using Bunit;
using LivingLab.ReadModel;
using LivingLab.Web.Features.Workshops.Staff;
using LivingLab.Web.Tests.Workshops.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.Workshops;

/// <summary>
/// The workshop form's island, rendered by bUnit over the real site (grains, read model, Markdown renderer): it checks
/// each field in place by the grain's rules once a save has shown what is wrong, previews the description as typed
/// without running HTML, hides the times for a date poll, creates once per form key and lands on the workshop's page,
/// and an edit below the seats taken is refused beside the capacity.
/// </summary>
public sealed class WorkshopFormIslandTests(WorkshopStaffSite host) : IClassFixture<WorkshopStaffSite>
{
    // An upper bound for the real grain and read-model calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("ja", "「タイトル」を入力してください。", "「段階」を入力してください。", "「定員」を入力してください。")]
    [InlineData("en", "Title is required.", "Stage is required.", "Capacity is required.")]
    public async Task Refusals_stand_beside_their_fields_in_the_pages_language_and_each_goes_once_its_field_is_right(
        string culture, string titleMissing, string stageMissing, string capacityMissing)
    {
        CircuitContext.UseCulture(culture);
        await using var context = await FacilitatorContextAsync();
        var island = context.Render<WorkshopFormIsland>();
        var before = (await host.Site.Json("/api/workshops?pageSize=100")).GetProperty("total").GetInt32();

        island.WaitForElement($"#{WorkshopFormIds.Place}", Wait).Input("勝浦公民館");
        island.Find("form[data-draft]").Submit();

        island.WaitForAssertion(() =>
        {
            Assert.Equal(titleMissing, island.Find($"#{WorkshopFormIds.ErrorId("title")}").TextContent.Trim());
            Assert.Equal(stageMissing, island.Find($"#{WorkshopFormIds.ErrorId("stage")}").TextContent.Trim());
            Assert.Equal(capacityMissing, island.Find($"#{WorkshopFormIds.ErrorId("capacity")}").TextContent.Trim());
            Assert.Equal("true", island.Find($"#{WorkshopFormIds.Stage}").GetAttribute("aria-invalid"));
            Assert.Contains(WorkshopFormIds.ErrorId("title"), island.Find($"#{WorkshopFormIds.Title}").GetAttribute("aria-describedby"), StringComparison.Ordinal);
            Assert.Empty(island.FindAll($"#{WorkshopFormIds.ErrorId("place")}"));
        }, Wait);

        island.Find($"#{WorkshopFormIds.Title}").Input("勝浦の交通を考える会");
        island.Find($"#{WorkshopFormIds.Stage}").Change("research");
        island.WaitForAssertion(() =>
        {
            Assert.Empty(island.FindAll($"#{WorkshopFormIds.ErrorId("title")}"));
            Assert.Empty(island.FindAll($"#{WorkshopFormIds.ErrorId("stage")}"));
            Assert.NotEmpty(island.FindAll($"#{WorkshopFormIds.ErrorId("capacity")}"));
        }, Wait);
        Assert.Equal(before, (await host.Site.Json("/api/workshops?pageSize=100")).GetProperty("total").GetInt32());
        // drafts.js keeps the text under the plain form's handler and names, so a draft typed before the circuit carries over.
        Assert.Equal(WorkshopForm.FormName, island.Find("form[data-draft] input[name=_handler]").GetAttribute("value"));
        Assert.Equal("Input.Title", island.Find($"#{WorkshopFormIds.Title}").GetAttribute("name"));
    }

    [Fact]
    public async Task The_preview_follows_the_description_as_markdown_with_html_as_text_and_a_poll_hides_the_times()
    {
        CircuitContext.UseCulture("ja");
        await using var context = await FacilitatorContextAsync();
        var island = context.Render<WorkshopFormIsland>();

        island.WaitForElement($"#{WorkshopFormIds.Description}", Wait).Input("島の**買い物**を考えます。<script>alert(1)</script><img src=x onerror=alert(2)>");
        island.WaitForAssertion(() =>
        {
            var preview = island.Find("[data-testid=ws-preview]");
            Assert.Equal("買い物", preview.QuerySelector("strong")?.TextContent);
            Assert.Null(preview.QuerySelector("script"));
            Assert.Null(preview.QuerySelector("img"));
            Assert.Contains("<script>alert(1)</script>", preview.TextContent, StringComparison.Ordinal);
        }, Wait);
        Assert.NotEmpty(island.FindAll($"#{WorkshopFormIds.StartTime}"));

        island.Find($"#{WorkshopFormIds.WhenPoll}").Change(true);
        island.WaitForAssertion(() => Assert.Empty(island.FindAll($"#{WorkshopFormIds.StartTime}")), Wait);
    }

    [Fact]
    public async Task Saving_creates_the_workshop_once_per_form_with_the_japan_time_date_and_lands_on_its_page()
    {
        CircuitContext.UseCulture("ja");
        await using var context = await FacilitatorContextAsync();
        var island = context.Render<WorkshopFormIsland>();
        var navigation = context.Services.GetRequiredService<NavigationManager>();

        island.WaitForElement($"#{WorkshopFormIds.Title}", Wait).Input("島で話そう会（島）");
        island.Find($"#{WorkshopFormIds.Stage}").Change("discovery");
        island.Find($"#{WorkshopFormIds.OnlineUrl}").Input("https://meet.example.jp/tobishima");
        island.Find($"#{WorkshopFormIds.Capacity}").Input("8");
        island.Find($"#{WorkshopFormIds.Date}").Input(WorkshopStaffSite.Day);
        island.Find($"#{WorkshopFormIds.StartTime}").Input("09:30");
        island.Find($"#{WorkshopFormIds.EndTime}").Input("11:00");
        island.Find("form[data-draft]").Submit();

        island.WaitForAssertion(() => Assert.Matches("/workshops/[0-9a-f]{16}$", navigation.Uri), Wait);
        var id = navigation.Uri[(navigation.Uri.LastIndexOf('/') + 1)..];
        island.Find("form[data-draft]").Submit();
        island.WaitForAssertion(() => Assert.EndsWith($"/workshops/{id}", navigation.Uri, StringComparison.Ordinal), Wait);

        var workshop = await host.Site.Json($"/api/workshops/{id}");
        Assert.Equal(("島で話そう会（島）", "discovery", "https://meet.example.jp/tobishima", 8),
            (workshop.GetProperty("title").GetString(), workshop.GetProperty("stage").GetString(), workshop.GetProperty("onlineUrl").GetString(), workshop.GetProperty("capacity").GetInt32()));
        Assert.Equal(DateTimeOffset.Parse($"{WorkshopStaffSite.Day}T09:30:00+09:00", System.Globalization.CultureInfo.InvariantCulture), workshop.GetProperty("startsAt").GetDateTimeOffset());
        var list = await host.Site.Json("/api/workshops?pageSize=100");
        Assert.Single(list.GetProperty("items").EnumerateArray(), w => w.GetProperty("title").GetString() == "島で話そう会（島）");
    }

    [Fact]
    public async Task Editing_to_fewer_seats_than_registered_is_refused_beside_the_capacity_and_changes_nothing()
    {
        var id = await host.CreateThroughForm(WorkshopStaffSite.Fields("島の編集の会"));
        await host.Register(id, "本間 三郎");
        await host.Register(id, "本間 四郎");
        var stored = await host.Site.Json($"/api/workshops/{id}");
        CircuitContext.UseCulture("ja");
        await using var context = await FacilitatorContextAsync();
        var initial = new WorkshopFormInput
        {
            Title = stored.GetProperty("title").GetString(), Description = stored.GetProperty("description").GetString(), Stage = "research",
            Place = stored.GetProperty("place").GetString(), Capacity = "12", When = WorkshopFormInput.Fixed, Date = WorkshopStaffSite.Day,
            StartTime = "14:00", EndTime = "16:00", GuestsAllowed = true,
        };
        var island = context.Render<WorkshopFormIsland>(p => p.Add(i => i.WorkshopId, id).Add(i => i.Initial, initial));

        island.WaitForElement($"#{WorkshopFormIds.Capacity}", Wait).Input("1");
        island.Find("form[data-draft]").Submit();

        island.WaitForAssertion(() =>
            Assert.Equal("定員を、申し込み済みの2人より少なくはできません。", island.Find($"#{WorkshopFormIds.ErrorId("capacity")}").TextContent.Trim()), Wait);
        Assert.Equal(12, (await host.Site.Json($"/api/workshops/{id}")).GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task The_poll_island_adds_and_removes_rows_and_opens_the_poll_from_what_is_left()
    {
        var fields = WorkshopStaffSite.Fields("島の候補日の会");
        fields["Input.When"] = "poll";
        var id = await host.CreateThroughForm(fields);
        CircuitContext.UseCulture("ja");
        await using var context = await FacilitatorContextAsync();
        var island = context.Render<PollSlotsIsland>(p => p.Add(i => i.WorkshopId, id));
        var navigation = context.Services.GetRequiredService<NavigationManager>();

        island.WaitForElement("[data-testid=ws-slot-add]", Wait).Click();
        island.WaitForAssertion(() => Assert.Equal(4, island.FindAll("[data-testid=ws-slot]").Count), Wait);
        island.Find("#ws-slot-0-date").Change(WorkshopStaffSite.Day);
        island.Find("#ws-slot-0-start").Change("10:00");
        island.Find("#ws-slot-0-end").Change("12:00");
        island.Find("#ws-slot-3-date").Change(WorkshopStaffSite.Day);
        island.Find("#ws-slot-3-start").Change("13:00");
        island.Find("#ws-slot-3-end").Change("15:00");
        island.FindAll("[data-testid=ws-slot-remove]")[1].Click();
        island.WaitForAssertion(() =>
        {
            Assert.Equal(3, island.FindAll("[data-testid=ws-slot]").Count);
            Assert.Equal("候補 2 を削除しました。", island.Find("[data-testid=ws-slot-status]").TextContent.Trim());
        }, Wait);
        island.Find("form").Submit();

        island.WaitForAssertion(() => Assert.EndsWith($"/workshops/{id}", navigation.Uri, StringComparison.Ordinal), Wait);
        var poll = await host.Site.Json($"/api/workshops/{id}/poll");
        Assert.Equal(2, poll.GetProperty("slots").GetArrayLength());
    }

    private async Task<BunitContext> FacilitatorContextAsync()
    {
        await host.Site.Factory.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        return CircuitContext.Create(host.Site.Factory.Services, "市役所 三郎", host.Site.FacilitatorId, ["facilitator"], true, typeof(WorkshopStaffDesk));
    }
}
