using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Features.Notifications;
using LivingLab.Web.Tests.Account;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Pages.Live;

/// <summary>
/// Two web nodes over one PostgreSQL store: a circuit's watch on node B hears of a notification written through node A
/// (the reply lands there) and of the read marked there, through B's own follower of the shared log.
/// </summary>
public sealed class NotificationFeedClusterTests(TwoPostgresWebNodes nodes) : IClassFixture<TwoPostgresWebNodes>
{
    [Fact]
    public async Task A_reply_and_a_read_on_node_a_reach_a_watch_on_node_b()
    {
        var cookies = new CookieContainer();
        var otherCookies = new CookieContainer();
        using var residentOnA = PostgresWebNodes.Client(nodes.A, cookies);
        using var neighbourOnA = PostgresWebNodes.Client(nodes.A, otherCookies);
        var resident = await AccountApi.RegisteredId(residentOnA);
        await AccountApi.RegisteredId(neighbourOnA);
        using var posted = await neighbourOnA.PostAsJsonAsync("/api/challenges", Lab.ChallengeBody());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var challenge = (await AccountApi.Json(posted)).GetProperty("id").GetString()!;
        var comment = await Lab.Comment(residentOnA, $"/api/challenges/{challenge}", "毎朝ここで困っています。");
        var onB = new NotificationFeedTests.Changes();
        using var watch = nodes.B.Services.GetRequiredService<NotificationFeed>().Watch(resident, onB.Add);

        await Lab.Comment(neighbourOnA, $"/api/challenges/{challenge}", "確認します。", comment);
        var replied = await onB.NextAsync(c => c.Count == 1);
        await NotificationFeedTests.MarkAllReadAsync(nodes.A, resident);
        var read = await onB.NextAsync(c => c.Count == 0);

        Assert.True(read.Position > replied.Position);
    }
}
