using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Ideas;
using LivingLab.Live;
using LivingLab.Notifications;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.Notifications;
using Orleans;
using LivingLab.Tests.Storage;

namespace LivingLab.Tests.ReadModel.Notifications;

/// <summary>Who is told of what, on both stores: audiences, links, replies, mutes, read marks, and the live signals.</summary>
public abstract class NotificationContractTests : IAsyncLifetime
{
    private static readonly string InboxType = typeof(INotificationInboxGrain).FullName!;

    private ReadModelHost host = null!;

    protected abstract ITestStoreFactory Stores { get; }

    private EventFeed Feed => host.Feed;

    public async Task InitializeAsync()
    {
        host = await ReadModelHost.StartAsync(Stores);
        // c1 by resident-1: resident-2 supports, resident-3 follows, resident-4 supported and withdrew, resident-5 supports
        // and follows and then withdrew the support (still following).
        await Feed.SubmitAsync("c1", "フェリーの予約が電話だけ", author: "resident-1");
        await Feed.SupportAsync("c1", 1, "resident-2");
        await Feed.Challenge("c1", ChallengeEvents.Followed, new ChallengeFollowEvent("c1"), "resident-3");
        await Feed.SupportAsync("c1", 2, "resident-4");
        await Feed.Challenge("c1", ChallengeEvents.SupportWithdrawn, new ChallengeSupportEvent("c1", 1), "resident-4");
        await Feed.SupportAsync("c1", 2, "resident-5");
        await Feed.Challenge("c1", ChallengeEvents.Followed, new ChallengeFollowEvent("c1"), "resident-5");
        await Feed.Challenge("c1", ChallengeEvents.SupportWithdrawn, new ChallengeSupportEvent("c1", 1), "resident-5");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_challenges_author_supporters_and_followers_hear_of_its_acceptance_but_not_the_facilitator_who_accepted_it()
    {
        await AcceptIntoIdeaAsync();

        Assert.Equal(["resident-1", "resident-2", "resident-3", "resident-5"], await ToldAsync(NotificationKinds.ChallengeAccepted));
        var told = Assert.Single((await host.Notifications.PageAsync("resident-2", 1, 10)).Items);
        Assert.Equal((ItemKinds.Challenge, "c1", "フェリーの予約が電話だけ", "staff-1", false), (told.ItemKind, told.ItemId, told.ItemTitle, told.ActorId, told.IsRead));
        Assert.Equal("i1", told.Data.GetProperty("ideaId").GetString());
    }

    [Fact]
    public async Task An_ideas_stage_move_reaches_its_creator_voters_followers_and_the_audiences_of_its_challenges_but_never_the_actor()
    {
        await AcceptIntoIdeaAsync();
        await Feed.VoteAsync("i1", 1, "resident-6");
        await Feed.Idea("i1", IdeaEvents.Followed, new IdeaFollowEvent("i1"), "resident-7");
        await Feed.Idea("i1", IdeaEvents.Followed, new IdeaFollowEvent("i1"), "staff-2");

        await Feed.Idea("i1", IdeaEvents.Advanced,
            new IdeaAdvancedEvent("i1", StageWireNames.Format(Stage.Discovery), StageWireNames.Format(Stage.Research), "需要を確認", [], false), "staff-2");
        await Feed.Idea("i1", IdeaEvents.Closed, new IdeaClosedEvent("i1", "research", "onHold", "予算待ち"), "staff-1");
        await host.CatchUpAsync();

        var everyone = new[] { "resident-1", "resident-2", "resident-3", "resident-5", "resident-6", "resident-7" };
        Assert.Equal([.. everyone, "staff-1"], await ToldAsync(NotificationKinds.IdeaAdvanced));
        Assert.Equal([.. everyone, "staff-2"], await ToldAsync(NotificationKinds.IdeaClosed));
        var moved = (await host.Notifications.PageAsync("resident-1", 1, 10)).Items.First(n => n.Kind == NotificationKinds.IdeaAdvanced);
        Assert.Equal((ItemKinds.Idea, "i1", "discovery", "research"), (moved.ItemKind, moved.ItemId, moved.Data.GetProperty("from").GetString(), moved.Data.GetProperty("to").GetString()));
        Assert.Equal("予算待ち", (await host.Notifications.PageAsync("resident-6", 1, 10)).Items[0].Data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_reply_tells_the_parent_comments_author_unless_they_answered_themselves()
    {
        await Feed.WriteAsync(EventFeed.ChallengeType, "c1", CommentEvents.Posted, new CommentPostedEvent("c1", "m1", null, null, "resident-2", "困っています"), "resident-2");
        await Feed.WriteAsync(EventFeed.ChallengeType, "c1", CommentEvents.Posted, new CommentPostedEvent("c1", "m2", "m1", "resident-2", "resident-3", "同じく"), "resident-3");
        await Feed.WriteAsync(EventFeed.ChallengeType, "c1", CommentEvents.Posted, new CommentPostedEvent("c1", "m3", "m1", "resident-2", "resident-2", "補足です"), "resident-2");
        await host.CatchUpAsync();

        var reply = Assert.Single((await host.Notifications.PageAsync("resident-2", 1, 10)).Items);
        Assert.Equal((NotificationKinds.Reply, "resident-3", "m2"), (reply.Kind, reply.ActorId, reply.Data.GetProperty("commentId").GetString()));
        Assert.Empty((await host.Notifications.PageAsync("resident-1", 1, 10)).Items);
    }

    [Fact]
    public async Task A_muted_item_stays_quiet_until_unmuted_and_muting_a_challenge_still_lets_the_idea_itself_speak()
    {
        await MuteAsync("resident-2", ItemKinds.Challenge, "c1");
        await AcceptIntoIdeaAsync();
        await Feed.VoteAsync("i1", 1, "resident-3");
        await MuteAsync("resident-3", ItemKinds.Challenge, "c1");
        await MuteAsync("resident-5", ItemKinds.Idea, "i1");
        await AdvanceAsync(Stage.Discovery, Stage.Research);
        await Inbox("resident-2", NotificationEvents.ItemUnmuted, new ItemMuteEvent("resident-2", ItemKinds.Challenge, "c1"));
        await AdvanceAsync(Stage.Research, Stage.Discovery);
        await host.CatchUpAsync();

        Assert.DoesNotContain("resident-2", await ToldAsync(NotificationKinds.ChallengeAccepted));
        var moves = (await host.Notifications.PageAsync("resident-2", 1, 10)).Items;
        Assert.Equal(["discovery"], moves.Select(n => n.Data.GetProperty("to").GetString()));
        Assert.False(moves[0].Muted);
        // resident-3 voted on the idea, so hears of it although the challenge is muted; resident-5 muted the idea itself.
        Assert.Equal(2, (await host.Notifications.PageAsync("resident-3", 1, 10)).Items.Count(n => n.Kind == NotificationKinds.IdeaAdvanced));
        var quiet = (await host.Notifications.PageAsync("resident-5", 1, 10)).Items;
        Assert.Equal([NotificationKinds.ChallengeAccepted], quiet.Select(n => n.Kind));
    }

    [Fact]
    public async Task A_merged_challenges_people_hear_of_the_merge_and_then_follow_the_challenge_it_went_into()
    {
        await Feed.SubmitAsync("c2", "フェリーをネットで予約したい", author: "resident-8");
        await Feed.SupportAsync("c2", 1, "resident-9");
        await Feed.Challenge("c1", ChallengeEvents.Absorbed, new ChallengeAbsorbedEvent("c1", "c2", 3, 0));
        await Feed.Challenge("c2", ChallengeEvents.Merged, new ChallengeMergedEvent("c2", "c1"));
        await AcceptIntoIdeaAsync();

        Assert.Equal(["resident-8", "resident-9"], await ToldAsync(NotificationKinds.ChallengeMerged));
        var merged = (await host.Notifications.PageAsync("resident-8", 1, 10)).Items.Single(n => n.Kind == NotificationKinds.ChallengeMerged);
        Assert.Equal(("c2", "c1"), (merged.ItemId, merged.Data.GetProperty("intoId").GetString()));
        Assert.Equal(["resident-1", "resident-2", "resident-3", "resident-5", "resident-8", "resident-9"], await ToldAsync(NotificationKinds.ChallengeAccepted));
        Assert.Equal(["c1"], (await host.Notifications.FollowingAsync("resident-8", 10)).Select(i => i.Id));
    }

    [Fact]
    public async Task A_partner_application_decision_tells_the_applicant_only()
    {
        await AcceptIntoIdeaAsync();
        await Feed.Idea("i1", IdeaEvents.PartnerApplied, new PartnerAppliedEvent("i1", "a1", "p1"), "member-1");
        await Feed.Idea("i1", IdeaEvents.ApplicationDecided, new PartnerApplicationDecidedEvent("i1", "a1", "p1", "member-1", false, "今回は見送ります"));
        await host.CatchUpAsync();

        var decided = Assert.Single((await host.Notifications.PageAsync("member-1", 1, 10)).Items);
        Assert.Equal((NotificationKinds.ApplicationDecided, "i1", false, "今回は見送ります"),
            (decided.Kind, decided.ItemId, decided.Data.GetProperty("accepted").GetBoolean(), decided.Data.GetProperty("reason").GetString()));
        Assert.Equal(["member-1"], await ToldAsync(NotificationKinds.ApplicationDecided));
    }

    [Fact]
    public async Task Notifications_page_newest_first_and_read_marks_count_down_the_unread_number_and_survive_a_rebuild()
    {
        await AcceptIntoIdeaAsync();
        await AdvanceAsync(Stage.Discovery, Stage.Research);
        await AdvanceAsync(Stage.Research, Stage.Pilot);
        await host.CatchUpAsync();
        var all = (await host.Notifications.PageAsync("resident-1", 1, 10)).Items;
        await Inbox("resident-1", NotificationEvents.Read, new NotificationReadEvent("resident-1", all[0].Id));
        await host.CatchUpAsync();
        var afterOne = await host.Notifications.PageAsync("resident-1", 1, 2);
        var second = await host.Notifications.PageAsync("resident-1", 2, 2);

        Assert.Equal([NotificationKinds.IdeaAdvanced, NotificationKinds.IdeaAdvanced, NotificationKinds.ChallengeAccepted], all.Select(n => n.Kind));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Id > p.Second.Id));
        Assert.Equal((3, 2, all[0].Id), (afterOne.Total, afterOne.Unread, afterOne.NewestId));
        Assert.Equal([true, false], afterOne.Items.Select(n => n.IsRead));
        Assert.Equal([all[2].Id], second.Items.Select(n => n.Id));
        Assert.Equal(2, await host.Notifications.UnreadCountAsync("resident-1"));

        // "Mark all" covers what the person saw; a notification arriving after it stays unread.
        await Inbox("resident-1", NotificationEvents.AllRead, new NotificationsAllReadEvent("resident-1", all[0].Id));
        await AdvanceAsync(Stage.Pilot, Stage.Research);
        await host.CatchUpAsync();
        var before = await host.Notifications.PageAsync("resident-1", 1, 10);
        Assert.Equal([false, true, true, true], before.Items.Select(n => n.IsRead));
        Assert.Equal(1, await host.Notifications.UnreadCountAsync("resident-1"));
        Assert.Equal(new Dictionary<string, int> { ["resident-1"] = 1, ["resident-2"] = 4, ["nobody"] = 0 },
            await host.Notifications.UnreadCountsAsync(["resident-1", "resident-2", "nobody"]));

        await host.Runner.RebuildAsync(NotificationProjection.ProjectionName);

        var after = await host.Notifications.PageAsync("resident-1", 1, 10);
        Assert.Equal(before.Items.Select(n => (n.Id, n.Kind, n.IsRead)), after.Items.Select(n => (n.Id, n.Kind, n.IsRead)));
    }

    [Fact]
    public async Task A_persons_own_challenges_and_what_they_follow_show_where_each_stands_now()
    {
        await Feed.SubmitAsync("c2", "公園のベンチが壊れている", author: "resident-1");
        await AcceptIntoIdeaAsync();
        await AdvanceAsync(Stage.Discovery, Stage.Research);
        await Feed.Idea("i1", IdeaEvents.Followed, new IdeaFollowEvent("i1"), "resident-3");
        await host.CatchUpAsync();

        var own = await host.Notifications.AuthoredChallengesAsync("resident-1", 10);
        Assert.Equal([("c2", "open", Stage.Discovery), ("c1", "accepted", Stage.Research)], own.Select(i => (i.Id, i.Status, i.Stage)));
        var following = await host.Notifications.FollowingAsync("resident-3", 10);
        Assert.Equal([(ItemKinds.Idea, "i1", Stage.Research), (ItemKinds.Challenge, "c1", Stage.Research)], following.Select(i => (i.Kind, i.Id, i.Stage)));
        Assert.Empty(await host.Notifications.FollowingAsync("resident-2", 10));
    }

    [Fact]
    public async Task Live_signals_name_the_people_told_and_the_views_touched_once_every_read_model_caught_up()
    {
        var changes = new List<LiveChange>();
        host.Signals.Changed += change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }
        };
        host.Runner.CaughtUp += host.Signals.Release;
        await host.CatchUpAsync();
        changes.Clear();

        await AcceptIntoIdeaAsync();
        var accepted = Assert.Single(changes);
        changes.Clear();
        await Feed.Challenge("c1", ChallengeEvents.Followed, new ChallengeFollowEvent("c1"), "resident-6");
        await host.CatchUpAsync();

        Assert.Equal(["resident-1", "resident-2", "resident-3", "resident-5"], accepted.People.Order());
        Assert.True(accepted.Board);
        Assert.True(accepted.Dashboard);
        Assert.Empty(changes);
    }

    private async Task AcceptIntoIdeaAsync()
    {
        await Feed.Idea("i1", IdeaEvents.Created, new IdeaCreatedEvent("i1", "フェリーのオンライン予約", "要約", "transport", "discovery", "c1", "staff-1"), "staff-1");
        await Feed.AcceptAsync("c1", "i1");
        await host.CatchUpAsync();
    }

    private Task AdvanceAsync(Stage from, Stage to) =>
        Feed.Idea("i1", IdeaEvents.Advanced,
            new IdeaAdvancedEvent("i1", StageWireNames.Format(from), StageWireNames.Format(to), "判断理由", [], false), "staff-2");

    private Task MuteAsync(string personId, string kind, string itemId) =>
        Inbox(personId, NotificationEvents.ItemMuted, new ItemMuteEvent(personId, kind, itemId));

    private Task Inbox(string personId, string eventType, object payload) => Feed.WriteAsync(InboxType, personId, eventType, payload, personId);

    // Everyone with a notification of this kind, in order.
    private async Task<List<string>> ToldAsync(string kind)
    {
        await host.CatchUpAsync();
        var people = new[] { "resident-1", "resident-2", "resident-3", "resident-4", "resident-5", "resident-6", "resident-7", "resident-8", "resident-9", "staff-1", "staff-2", "member-1" };
        var told = new List<string>();
        foreach (var person in people)
        {
            if ((await host.Notifications.PageAsync(person, 1, 100)).Items.Any(n => n.Kind == kind))
            {
                told.Add(person);
            }
        }

        return told;
    }
}

/// <summary>Notifications against SQLite files.</summary>
public sealed class SqliteNotificationContractTests(SqliteStoreFixture fixture) : NotificationContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}

/// <summary>Notifications against the real PostgreSQL server.</summary>
public sealed class PostgresNotificationContractTests(PostgresStoreFixture fixture) : NotificationContractTests, IClassFixture<PostgresStoreFixture>
{
    protected override ITestStoreFactory Stores => fixture;
}
