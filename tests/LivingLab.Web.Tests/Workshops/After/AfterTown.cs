using LivingLab.People;
using LivingLab.Workshops.Board;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace LivingLab.Web.Tests.Workshops.After;

/// <summary>A board after its session, built through the board grain as the facilitator: two columns, a cluster, a closed round.</summary>
internal static class AfterTown
{
    /// <summary>
    /// Opens the board of <paramref name="workshopId"/>, posts the notes (the first in cluster 交通), dots the last note
    /// three times and the first once in a round it closes, hides <paramref name="hiddenText"/>, and closes the session.
    /// </summary>
    public static async Task BoardAsync(WorkshopPagesHost town, string workshopId, string hiddenText, params string[] notes)
    {
        var board = town.Host.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkshopBoardGrain>(workshopId);
        Caller.Set(town.FacilitatorId, [Roles.Facilitator]);
        try
        {
            var opened = await board.OpenSessionAsync(new BoardSetupInput(["困りごと", "アイデア"]));
            Assert.True(opened.Succeeded, opened.Rejection?.Code);
            var columns = opened.Value!.Columns;
            var ids = new List<string>();
            foreach (var (text, index) in notes.Select((t, i) => (t, i)))
            {
                var posted = await board.PostNoteAsync(new NoteInput(columns[index == notes.Length - 1 ? 1 : 0].Id, text));
                Assert.True(posted.Succeeded, posted.Rejection?.Code);
                ids.Add(posted.Value!.Id);
            }

            var cluster = await board.CreateClusterAsync(columns[0].Id, "交通");
            Assert.True(cluster.Succeeded, cluster.Rejection?.Code);
            Assert.True((await board.ClusterNoteAsync(ids[0], cluster.Value!.Id)).Succeeded);
            var hidden = await board.PostNoteAsync(new NoteInput(columns[0].Id, hiddenText));
            Assert.True(hidden.Succeeded, hidden.Rejection?.Code);

            Assert.True((await board.OpenRoundAsync(new RoundInput(4, true))).Succeeded);
            for (var i = 0; i < 3; i++)
            {
                var dot = await board.PlaceDotAsync(ids[^1]);
                Assert.True(dot.Succeeded, dot.Rejection?.Code);
            }

            Assert.True((await board.PlaceDotAsync(ids[0])).Succeeded);
            Assert.True((await board.CloseRoundAsync()).Succeeded);
            Assert.True((await board.HideNoteAsync(hidden.Value!.Id, "個人情報")).Succeeded);
            Assert.True((await board.CloseSessionAsync()).Succeeded);
        }
        finally
        {
            Caller.Clear();
        }
    }
}
