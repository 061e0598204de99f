using Bunit;
using LivingLab.People;
using LivingLab.Web.Features.Workshops.Live;
using LivingLab.Web.Tests.Components;
using LivingLab.Web.Tests.Pages.Workshops.Live;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace LivingLab.Web.Tests.Workshops.Live;

/// <summary>
/// The live board island over the real site (grains, the node's hub): notes are text, an anonymous note hides its author,
/// dots left follow the round, the staff toolbar is for staff only, and a refusal shows beside its control.
/// </summary>
public sealed class LiveBoardIslandTests
{
    // An upper bound for the real grain calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_participant_sees_notes_as_text_no_author_on_an_anonymous_note_dots_left_and_no_staff_toolbar()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await GuestJoinPageTests.GuestWorkshop(town);
        await GuestJoinPageTests.OpenSession(town, id);
        var (_, residentId) = await town.Host.Person("酒田 花子");
        var grains = town.Host.Factory.Services.GetRequiredService<IGrainFactory>();
        Caller.Set(residentId, [Roles.Resident]);
        Assert.True((await grains.GetGrain<IWorkshopGrain>(id).RegisterAsync()).Succeeded);
        Assert.True((await grains.GetGrain<IWorkshopBoardGrain>(id).JoinAsync()).Succeeded);
        Caller.Clear();
        var board = await GuestJoinPageTests.AsFacilitator(town, b => b(id).GetAsync());
        var column = board.Columns[0].Id;
        await GuestJoinPageTests.AsFacilitator(town, b => b(id).PostNoteAsync(new NoteInput(column, "<b>太字</b>にはならない")));
        await GuestJoinPageTests.AsFacilitator(town, b => b(id).PostNoteAsync(new NoteInput(column, "名前を出さない意見", Anonymous: true)));
        await GuestJoinPageTests.AsFacilitator(town, b => b(id).OpenRoundAsync(new RoundInput(3, TotalsLive: true)));

        CircuitContext.UseCulture("ja");
        await using var context = CircuitContext.Create(town.Host.Factory.Services, "酒田 花子", residentId, [Roles.Resident], facades: typeof(BoardDesk));
        var island = context.Render<LiveBoard>(p => p.Add(b => b.WorkshopId, id));

        island.WaitForAssertion(() => Assert.Equal(2, island.FindAll("[data-testid=board-note]").Count), Wait);
        var plain = island.FindAll("[data-testid=board-note]").Single(n => n.TextContent.Contains("太字", StringComparison.Ordinal));
        Assert.Null(plain.QuerySelector("b"));
        Assert.Equal("<b>太字</b>にはならない", plain.QuerySelector("[data-testid=note-text]")!.TextContent);
        var anonymous = island.FindAll("[data-testid=board-note]").Single(n => n.TextContent.Contains("名前を出さない", StringComparison.Ordinal));
        Assert.Equal("匿名", anonymous.QuerySelector("[data-testid=note-author]")!.TextContent.Trim());
        Assert.Empty(island.FindAll("[data-testid=staff-toolbar]"));
        Assert.Equal("残り 3 枚", island.Find("[data-testid=dots-left]").TextContent.Trim());

        // A dot placed redraws from the hub: one fewer left, and the button counts the viewer's dots on the note.
        CircuitContext.Act(island, $"[data-note='{anonymous.GetAttribute("data-note")}'] [data-testid=dot-place]", b => b.Click());
        island.WaitForAssertion(() => Assert.Equal("残り 2 枚", island.Find("[data-testid=dots-left]").TextContent.Trim()), Wait);
        island.WaitForAssertion(() => Assert.Contains("あなた 1", island.Find($"[data-note='{anonymous.GetAttribute("data-note")}'] [data-testid=dot-place]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Staff_get_the_toolbar_with_the_room_code_and_an_empty_note_is_refused_beside_the_form_in_the_pages_language()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await GuestJoinPageTests.GuestWorkshop(town);
        var code = await GuestJoinPageTests.OpenSession(town, id);

        CircuitContext.UseCulture("en");
        await using var context = CircuitContext.Create(town.Host.Factory.Services, "進行役 さとう", town.FacilitatorId, [Roles.Facilitator], facades: typeof(BoardDesk));
        var island = context.Render<LiveBoard>(p => p.Add(b => b.WorkshopId, id));

        island.WaitForAssertion(() => Assert.Equal(code, island.Find("[data-testid=room-code]").TextContent.Trim()), Wait);
        Assert.NotNull(island.Find("[data-testid=staff-toolbar]"));
        CircuitContext.Act(island, "[data-testid=post-submit]", b => b.Click());
        island.WaitForAssertion(() =>
        {
            Assert.Equal("Note is required.", island.Find("#post-error").TextContent.Trim());
        }, Wait);
        CircuitContext.UseCulture("ja");
    }
}
