using LivingLab.Ideas;
using LivingLab.People;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Workshops;

/// <summary>An idea born in a workshop says so on its page, quotes the note as text and links back to the workshop.</summary>
public sealed class WorkshopContributionPageTests
{
    [Fact]
    public async Task An_idea_from_a_workshop_note_shows_where_it_came_from_with_the_note_as_plain_text()
    {
        await using var lab = await Lab.StartAsync();
        var workshop = await lab.NewWorkshop();
        var ideaId = LivingLab.Common.Ids.New();
        Caller.Set(lab.PersonId(Role.Facilitator), [Roles.Facilitator]);
        try
        {
            var grains = lab.Factory.Services.GetRequiredService<IGrainFactory>();
            var created = await grains.GetGrain<IIdeaGrain>(ideaId).CreateFromWorkshopAsync(
                new IdeaInput("移動販売車を島に", "週2回、島を回る。", "elderly"),
                new WorkshopContribution(workshop, "飛島の買い物を考えるワークショップ", "note-1", "バスが少ない <script>alert(1)</script>"));
            Assert.True(created.Succeeded, created.Rejection?.ToString());
        }
        finally
        {
            Caller.Clear();
        }

        await lab.CatchUpAsync();
        var page = await Lab.GetText(lab.Anonymous, $"/ideas/{ideaId}");
        var english = await Lab.GetText(lab.NewClient(Role.Anonymous), $"/ideas/{ideaId}?culture=en");

        Assert.Contains("ワークショップ「飛島の買い物を考えるワークショップ」で生まれたアイデアです", page);
        Assert.Contains($"href=\"workshops/{workshop}\"", page);
        Assert.Contains("バスが少ない &lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("This idea came out of the workshop", english);
    }
}
