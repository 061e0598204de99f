using System.Net.Http.Json;
using LivingLab.Ideas;
using LivingLab.People;
using LivingLab.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace LivingLab.Web.Tests.Workshops.After;

/// <summary>The workshop export's counts from workshop_outcomes, and its minutes flag, on both stores.</summary>
public sealed class WorkshopExportStoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_export_counts_the_ideas_a_workshop_created_and_says_whether_it_has_minutes(bool postgres)
    {
        await using var lab = await Lab.StartAsync(postgres);
        var id = await lab.NewWorkshop();
        var quiet = await lab.NewWorkshop();
        using (var recorded = await lab.Facilitator.PutAsJsonAsync($"/api/workshops/{id}/record", new { minutes = "# 議事録", recordingUrl = "" }))
        {
            Assert.True(recorded.IsSuccessStatusCode, $"{(int)recorded.StatusCode}");
        }

        Caller.Set(lab.PersonId(Role.Facilitator), [Roles.Facilitator]);
        try
        {
            var created = await lab.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdeaGrain>(LivingLab.Common.Ids.New()).CreateFromWorkshopAsync(
                new IdeaInput("移動販売車を島に", "週2回、島を回る。", "elderly"), new WorkshopContribution(id, "ワークショップ", "note-1", "移動販売車"));
            Assert.True(created.Succeeded, created.Rejection?.Code);
        }
        finally
        {
            Caller.Clear();
        }

        await lab.CatchUpAsync();
        var rows = (await lab.Anonymous.GetStringAsync("/api/export/workshops.csv")).ReplaceLineEndings("\n").Split('\n');

        Assert.EndsWith(",1,1,True", Assert.Single(rows, r => r.StartsWith(id, StringComparison.Ordinal)));
        Assert.EndsWith(",0,0,False", Assert.Single(rows, r => r.StartsWith(quiet, StringComparison.Ordinal)));
    }
}
