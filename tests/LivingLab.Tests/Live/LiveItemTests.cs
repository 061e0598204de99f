using System.Threading.Channels;
using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Live;
using LivingLab.Notifications;
using LivingLab.Pipeline;
using LivingLab.ReadModel;
using LivingLab.ReadModel.Notifications;
using LivingLab.Tests.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Tests.Live;

/// <summary>
/// The real grains' live side: observers hear each durable change in order, and a person's inbox grain (mutes, read
/// marks) is theirs alone and feeds the notification read model.
/// </summary>
public sealed class LiveItemTests
{
    [Fact]
    public async Task A_challenges_observer_hears_each_support_and_the_decision_after_it_is_durable()
    {
        await using var silo = await TestSilo.StartAsync();
        var id = Ids.New();
        var challenge = silo.Grain<IChallengeGrain>(id);
        Callers.Resident("resident-1");
        await challenge.SubmitAsync(new ChallengeInput("公園のベンチが壊れている", "座れません。", "parks"));
        var observer = new Recorder();

        var first = await challenge.SubscribeAsync(observer.For(silo));
        Callers.Resident("resident-2");
        var supported = await challenge.SupportAsync();
        var afterSupport = await observer.NextAsync();
        Callers.Facilitator();
        await challenge.DeclineAsync("町の施設ではないため");
        var afterDecline = await observer.NextAsync();

        Assert.Equal((id, 0, "open", (Stage?)null), (first!.Id, first.Count, first.Status, first.Stage));
        Assert.Equal(1, supported.Value);
        Assert.Equal((1, "open"), (afterSupport.Count, afterSupport.Status));
        Assert.Equal((1, "declined"), (afterDecline.Count, afterDecline.Status));
        Assert.True(first.Sequence < afterSupport.Sequence && afterSupport.Sequence < afterDecline.Sequence);
    }

    [Fact]
    public async Task An_ideas_observer_hears_votes_and_stage_moves_until_it_unsubscribes()
    {
        await using var silo = await TestSilo.StartAsync();
        var idea = silo.Grain<IIdeaGrain>(Ids.New());
        Callers.Resident("resident-1");
        await idea.ProposeAsync(new IdeaInput("スマホ相談窓口", "公民館で毎週開く。", "elderly"));
        var observer = new Recorder();
        var staying = new Recorder();
        await idea.SubscribeAsync(observer.For(silo));
        await idea.SubscribeAsync(staying.For(silo));

        await idea.VoteAsync();
        var voted = await observer.NextAsync();
        Callers.Facilitator();
        await idea.AdvanceAsync(new AdvanceInput(Stage.Research, "需要を調べる", []));
        var moved = await observer.NextAsync();
        await idea.UnsubscribeAsync(observer.For(silo));
        Callers.Resident("resident-1");
        await idea.WithdrawVoteAsync();
        // The observer still subscribed hears the withdrawal, so by then the other would have too.
        await staying.NextAsync();
        await staying.NextAsync();
        var withdrawn = await staying.NextAsync();

        Assert.Equal(0, withdrawn.Count);
        Assert.Equal((1, Stage.Discovery), (voted.Count, voted.Stage));
        Assert.Equal((1, Stage.Research, "open"), (moved.Count, moved.Stage, moved.Status));
        Assert.False(observer.TryNext(out _));
    }

    [Fact]
    public async Task Subscribing_to_an_item_that_does_not_exist_answers_null()
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.Null(await silo.Grain<IChallengeGrain>(Ids.New()).SubscribeAsync(new Recorder().For(silo)));
        Assert.Null(await silo.Grain<IIdeaGrain>(Ids.New()).SubscribeAsync(new Recorder().For(silo)));
    }

    [Fact]
    public async Task Only_the_person_may_mute_or_mark_their_notifications_and_a_mute_through_the_grain_silences_the_item()
    {
        await using var silo = await TestSilo.StartAsync();
        var id = Ids.New();
        var challenge = silo.Grain<IChallengeGrain>(id);
        var inbox = silo.Grain<INotificationInboxGrain>("resident-2");
        Callers.Resident("resident-1");
        await challenge.SubmitAsync(new ChallengeInput("駅前の駐輪場が足りない", "朝は満車です。", "transport"));
        var notYours = await inbox.MuteAsync(ItemKinds.Challenge, id);
        var notYoursToRead = await inbox.MarkAllReadAsync(5);
        Callers.Anonymous();
        var anonymous = await inbox.MarkReadAsync(5);
        Callers.Resident("resident-2");
        await challenge.SupportAsync();
        var unknownKind = await inbox.MuteAsync("pilot", id);
        var muted = await inbox.MuteAsync(ItemKinds.Challenge, id);
        var mutedAgain = await inbox.MuteAsync(ItemKinds.Challenge, id);
        Callers.Resident("resident-3");
        await challenge.FollowAsync();
        Callers.Facilitator();
        await challenge.DeclineAsync("町の管理ではないため");

        await silo.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync();
        var notifications = silo.Services.GetRequiredService<NotificationQueries>();
        Assert.Equal(("forbidden", "forbidden", "unauthenticated"), (notYours.Rejection?.Code, notYoursToRead.Rejection?.Code, anonymous.Rejection?.Code));
        Assert.Equal("notFound", unknownKind.Rejection?.Code);
        Assert.True(muted.Succeeded && mutedAgain.Succeeded);
        Assert.Empty((await notifications.PageAsync("resident-2", 1, 10)).Items);
        Assert.Equal([NotificationKinds.ChallengeDeclined], (await notifications.PageAsync("resident-3", 1, 10)).Items.Select(n => n.Kind));
        Assert.Equal([NotificationKinds.ChallengeDeclined], (await notifications.PageAsync("resident-1", 1, 10)).Items.Select(n => n.Kind));
    }

    [Fact]
    public async Task Every_comment_change_moves_the_threads_revision_and_a_support_does_not()
    {
        await using var silo = await TestSilo.StartAsync();
        var challenge = silo.Grain<IChallengeGrain>(Ids.New());
        Callers.Resident("resident-1");
        await challenge.SubmitAsync(new ChallengeInput("バス停に屋根がほしい", "雨の日に待てません。", "transport"));
        var observer = new Recorder();
        var first = await challenge.SubscribeAsync(observer.For(silo));

        var posted = (await challenge.CommentAsync(new LivingLab.Comments.CommentInput("私も困っています"))).Value!;
        var afterPost = await observer.NextAsync();
        Callers.Resident("resident-2");
        await challenge.SupportAsync();
        var afterSupport = await observer.NextAsync();
        Callers.Resident("resident-1");
        await challenge.EditCommentAsync(posted.Id, "私も毎朝困っています");
        var afterEdit = await observer.NextAsync();
        await challenge.DeleteCommentAsync(posted.Id);
        var afterDelete = await observer.NextAsync();

        Assert.Equal(0, first!.Comments);
        Assert.True(afterPost.Comments > 0);
        Assert.Equal(afterPost.Comments, afterSupport.Comments);
        Assert.True(afterEdit.Comments > afterSupport.Comments && afterDelete.Comments > afterEdit.Comments);
        Assert.Equal(afterDelete.Comments, (await challenge.SubscribeAsync(observer.For(silo)))!.Comments);
    }

    private sealed class Recorder : IItemObserver
    {
        private readonly Channel<ItemSnapshot> received = Channel.CreateUnbounded<ItemSnapshot>();

        /// <summary>The Orleans object reference grains reach this recorder through; one per recorder, so unsubscribing matches.</summary>
        public IItemObserver? Reference { get; private set; }

        public IItemObserver For(TestSilo silo) => Reference ??= silo.Grains.CreateObjectReference<IItemObserver>(this);

        public Task ItemChanged(ItemSnapshot snapshot)
        {
            received.Writer.TryWrite(snapshot);
            return Task.CompletedTask;
        }

        public async Task<ItemSnapshot> NextAsync() => await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        public bool TryNext(out ItemSnapshot? snapshot) => received.Reader.TryRead(out snapshot);
    }
}
