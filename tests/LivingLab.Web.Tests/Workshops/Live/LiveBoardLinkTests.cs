namespace LivingLab.Web.Tests.Workshops.Live;

/// <summary>A planned workshop's page leads to its live board, its room screen and, when guests may come, the guest join.</summary>
public sealed class LiveBoardLinkTests
{
    [Fact]
    public async Task A_workshop_page_links_to_its_live_board_and_screen_and_the_guest_join_only_when_guests_may_come()
    {
        await using var lab = await Lab.StartAsync();
        var withGuests = await lab.NewWorkshop(guestsAllowed: true);
        var withoutGuests = await lab.NewWorkshop();

        var open = await Lab.GetText(lab.Anonymous, $"/workshops/{withGuests}");
        var closed = await Lab.GetText(lab.Anonymous, $"/workshops/{withoutGuests}");

        Assert.Contains($"href=\"workshops/{withGuests}/live\"", open);
        Assert.Contains($"href=\"workshops/{withGuests}/screen\"", open);
        Assert.Contains($"href=\"workshops/{withGuests}/join\"", open);
        Assert.Contains($"href=\"workshops/{withoutGuests}/live\"", closed);
        Assert.DoesNotContain($"href=\"workshops/{withoutGuests}/join\"", closed);
    }
}
