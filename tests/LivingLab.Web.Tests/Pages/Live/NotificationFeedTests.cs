using System.Collections.Concurrent;
using LivingLab.Notifications;
using LivingLab.People;
using LivingLab.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Pages.Live;

/// <summary>
/// The node's notification feed, which the header badge and the notifications page follow: a watch hears its own
/// person's new unread count after a reply or a read, and nothing of other people's.
/// </summary>
public sealed class NotificationFeedTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_watch_hears_its_persons_count_after_a_reply_and_after_reading_and_nothing_of_someone_elses()
    {
        await using var lab = await Lab.StartAsync();
        var feed = lab.Factory.Services.GetRequiredService<NotificationFeed>();
        var challenge = await lab.NewChallenge(lab.Partner);
        var comment = await Lab.Comment(lab.Resident, $"/api/challenges/{challenge}", "毎朝ここで困っています。");
        var mine = new Changes();
        var someoneElses = new Changes();
        using var watch = feed.Watch(lab.PersonId(Role.Resident), mine.Add);
        using var other = feed.Watch(lab.PersonId(Role.Admin), someoneElses.Add);

        await Lab.Comment(lab.Facilitator, $"/api/challenges/{challenge}", "確認します。", comment);
        var replied = await mine.NextAsync(c => c.Count == 1);
        await MarkAllReadAsync(lab.Factory, lab.PersonId(Role.Resident));
        var read = await mine.NextAsync(c => c.Count == 0);

        Assert.True(read.Position > replied.Position);
        Assert.Empty(someoneElses.Seen);
    }

    /// <summary>Marks everything read as the person does from their page (the inbox grain, as its owner).</summary>
    internal static async Task MarkAllReadAsync(LivingLabFactory node, string personId)
    {
        Caller.Set(personId, [Roles.Resident]);
        try
        {
            var inbox = node.Services.GetRequiredService<IGrainFactory>().GetGrain<INotificationInboxGrain>(personId);
            Assert.True((await inbox.MarkAllReadAsync(long.MaxValue / 2)).Succeeded);
        }
        finally
        {
            Caller.Clear();
        }
    }

    /// <summary>What a watch was handed, in order.</summary>
    internal sealed class Changes
    {
        private readonly ConcurrentQueue<UnreadChange> seen = new();
        private readonly SemaphoreSlim arrived = new(0);

        public IReadOnlyCollection<UnreadChange> Seen => seen;

        public Task Add(UnreadChange change)
        {
            seen.Enqueue(change);
            arrived.Release();
            return Task.CompletedTask;
        }

        /// <summary>Waits for a change that matches (earlier ones that do not are skipped).</summary>
        public async Task<UnreadChange> NextAsync(Func<UnreadChange, bool> match)
        {
            var until = DateTime.UtcNow + Soon;
            while (true)
            {
                var found = seen.LastOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                var left = until - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero, $"no matching change; seen: {string.Join(", ", seen)}");
                await arrived.WaitAsync(left);
            }
        }
    }
}
