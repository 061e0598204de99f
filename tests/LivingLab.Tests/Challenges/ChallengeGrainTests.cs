using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using Orleans;
using LivingLab.Tests.Runtime;

namespace LivingLab.Tests.Challenges;

/// <summary>The grain's behaviour through the real runtime, on SQLite and on PostgreSQL.</summary>
public abstract class ChallengeGrainTests(string provider)
{
    private string Provider => provider;

    private static readonly ChallengeInput Parking = new(
        "駅前の駐輪場が足りない", "朝7時台は**満車**で、歩道に自転車があふれています。", "transport", new Place("酒田駅前", 38.9146, 139.8366));

    private static async Task<IChallengeGrain> PostedAsync(TestSilo silo, string author = "resident-1")
    {
        var grain = silo.Grain<IChallengeGrain>(Ids.New());
        Callers.Resident(author);
        var posted = await grain.SubmitAsync(Parking);
        Assert.True(posted.Succeeded, posted.Rejection?.ToString());
        return grain;
    }

    [Fact]
    public async Task A_resident_posts_a_challenge_and_the_event_holds_its_public_fields()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var id = Ids.New();
        Callers.Resident("resident-1");

        var posted = await silo.Grain<IChallengeGrain>(id).SubmitAsync(Parking with { Title = "  駅前の駐輪場が足りない \r\n" });

        Assert.True(posted.Succeeded);
        var details = posted.Value!;
        Assert.Equal(("駅前の駐輪場が足りない", "transport", ChallengeStatus.Open, "resident-1"), (details.Title, details.Category, details.Status, details.AuthorId));
        Assert.Equal(new Place("酒田駅前", 38.9146, 139.8366), details.Place);
        Assert.Null(details.Proxy);
        var submitted = Assert.Single(await silo.Storage.ReadEventsAsync(0, 100), e => e.EventType == ChallengeEvents.Submitted);
        Assert.Equal(("resident-1", id), (submitted.ActorId, submitted.GrainKey));
        Assert.Contains("駐輪場", submitted.Payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "body", "transport", "required", "title")]
    [InlineData("題", "", "transport", "required", "body")]
    [InlineData("題", "本文", "", "required", "category")]
    [InlineData("題", "本文", "weather", "unknownCategory", "category")]
    public async Task Each_invalid_field_is_refused_with_its_name_and_rule(string title, string body, string category, string code, string field)
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        Callers.Resident("resident-1");
        var grain = silo.Grain<IChallengeGrain>(Ids.New());

        var refused = await grain.SubmitAsync(new ChallengeInput(title, body, category));

        Assert.Equal((code, field), (refused.Rejection!.Code, refused.Rejection.Field));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task Lengths_are_counted_in_characters_with_limits_of_120_and_10000()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        Callers.Resident("resident-1");

        var longest = await silo.Grain<IChallengeGrain>(Ids.New()).SubmitAsync(Parking with { Title = new string('駐', 120), Body = new string('a', 10_000) });
        var tooLongTitle = await silo.Grain<IChallengeGrain>(Ids.New()).SubmitAsync(Parking with { Title = new string('駐', 121) });
        var tooLongBody = await silo.Grain<IChallengeGrain>(Ids.New()).SubmitAsync(Parking with { Body = new string('a', 10_001) });
        var emoji = await silo.Grain<IChallengeGrain>(Ids.New()).SubmitAsync(Parking with { Title = string.Concat(Enumerable.Repeat("👩‍👩‍👧", 120)) });

        Assert.True(longest.Succeeded);
        Assert.Equal(("tooLong", "title", "120"), (tooLongTitle.Rejection!.Code, tooLongTitle.Rejection.Field, tooLongTitle.Rejection.Values!["limit"]));
        Assert.Equal(("tooLong", "body"), (tooLongBody.Rejection!.Code, tooLongBody.Rejection.Field));
        Assert.True(emoji.Succeeded, emoji.Rejection?.ToString());
    }

    [Theory]
    [InlineData(38.9, null, "place.longitude")]
    [InlineData(91.0, 139.8, "place.latitude")]
    [InlineData(38.9, 181.0, "place.longitude")]
    public async Task A_place_needs_both_coordinates_within_range(double? lat, double? lon, string field)
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        Callers.Resident("resident-1");

        var refused = await silo.Grain<IChallengeGrain>(Ids.New()).SubmitAsync(Parking with { Place = new Place(null, lat, lon) });

        Assert.Equal(field, refused.Rejection!.Field);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_post()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        Callers.Anonymous();

        var refused = await silo.Grain<IChallengeGrain>(Ids.New()).SubmitAsync(Parking);

        Assert.Equal("unauthenticated", refused.Rejection!.Code);
    }

    [Fact]
    public async Task Only_facilitators_post_on_behalf_and_the_channel_is_public()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var proxy = new ProxyEntryInput(ProxyChannel.Paper, "70代の住民");
        Callers.Resident("resident-1");
        var byResident = await silo.Grain<IChallengeGrain>(Ids.New()).SubmitOnBehalfAsync(Parking, proxy);
        Callers.Facilitator();
        var noChannel = await silo.Grain<IChallengeGrain>(Ids.New()).SubmitOnBehalfAsync(Parking, new ProxyEntryInput(null));
        var id = Ids.New();
        var entered = await silo.Grain<IChallengeGrain>(id).SubmitOnBehalfAsync(Parking, proxy);
        Callers.Anonymous();
        var seen = await silo.Grain<IChallengeGrain>(id).GetAsync();

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(("required", "channel"), (noChannel.Rejection!.Code, noChannel.Rejection.Field));
        Assert.True(entered.Succeeded);
        Assert.Equal(new ProxyEntry(ProxyChannel.Paper, "70代の住民", "staff-1"), seen!.Proxy);
    }

    [Fact]
    public async Task Support_counts_once_per_account_can_be_withdrawn_and_survives_reactivation()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        string id;
        await using (var silo = await TestSilo.StartAsync(store))
        {
            var grain = await PostedAsync(silo);
            id = grain.GetPrimaryKeyString();
            Callers.Resident("supporter-1");
            Assert.Equal(1, (await grain.SupportAsync()).Value);
            Assert.Equal("alreadySupported", (await grain.SupportAsync()).Rejection!.Code);
            Callers.Resident("supporter-2");
            Assert.Equal(2, (await grain.SupportAsync()).Value);
            Assert.Equal(1, (await grain.WithdrawSupportAsync()).Value);
            Assert.Equal("notSupported", (await grain.WithdrawSupportAsync()).Rejection!.Code);
        }

        await using (var silo = await TestSilo.StartAsync(store))
        {
            var grain = silo.Grain<IChallengeGrain>(id);
            Callers.Resident("supporter-1");
            var details = await grain.GetAsync();
            Assert.Equal((1, true), (details!.SupportCount, details.SupportedByCaller));
            Assert.Equal("alreadySupported", (await grain.SupportAsync()).Rejection!.Code);
            Callers.Resident("supporter-2");
            Assert.Equal(2, (await grain.SupportAsync()).Value);
        }
    }

    [Fact]
    public async Task Concurrent_supports_from_one_account_count_once()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await PostedAsync(silo);
        Callers.Resident("supporter-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => grain.SupportAsync()));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(1, (await grain.GetAsync())!.SupportCount);
    }

    [Fact]
    public async Task Comments_take_one_level_of_replies_and_the_author_edits_for_15_minutes()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await PostedAsync(silo);
        Callers.Resident("commenter-1");
        var top = (await grain.CommentAsync(new CommentInput("私も困っています"))).Value!;
        Callers.Resident("commenter-2");
        var reply = await grain.CommentAsync(new CommentInput("同じく", top.Id));
        var deeper = await grain.CommentAsync(new CommentInput("さらに返信", reply.Value!.Id));
        var othersEdit = await grain.EditCommentAsync(top.Id, "書き換え");
        Callers.Resident("commenter-1");
        silo.Clock.Advance(TimeSpan.FromMinutes(14));
        var edited = await grain.EditCommentAsync(top.Id, "私もとても困っています");
        silo.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await grain.EditCommentAsync(top.Id, "遅すぎる編集");
        var thread = (await grain.GetCommentsAsync()).Value!;

        Assert.True(reply.Succeeded);
        Assert.Equal("replyDepth", deeper.Rejection!.Code);
        Assert.Equal("forbidden", othersEdit.Rejection!.Code);
        Assert.True(edited.Succeeded);
        Assert.Equal("editWindowClosed", late.Rejection!.Code);
        Assert.Equal([top.Id, reply.Value.Id], thread.Select(c => c.Id));
        Assert.Equal("私もとても困っています", thread[0].Body);
        Assert.Equal(2, (await grain.GetAsync())!.CommentCount);
    }

    [Fact]
    public async Task A_moderator_hides_a_comment_with_a_reason_and_its_text_leaves_public_views()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await PostedAsync(silo);
        Callers.Resident("commenter-1");
        var comment = (await grain.CommentAsync(new CommentInput("個人の電話番号 090-0000-0000"))).Value!;
        Callers.Resident("resident-2");
        var byResident = await grain.HideCommentAsync(comment.Id, "個人情報");
        Callers.Facilitator();
        var noReason = await grain.HideCommentAsync(comment.Id, " ");
        var hidden = await grain.HideCommentAsync(comment.Id, "個人情報を含むため");
        var staffView = (await grain.GetCommentsAsync()).Value!.Single();
        Callers.Anonymous();
        var publicView = (await grain.GetCommentsAsync()).Value!.Single();

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(("required", "reason"), (noReason.Rejection!.Code, noReason.Rejection.Field));
        Assert.True(hidden.Succeeded);
        Assert.Equal((CommentStatus.Hidden, (string?)null, "個人情報を含むため"), (publicView.Status, publicView.Body, publicView.HiddenReason));
        Assert.Contains("090", staffView.Body, StringComparison.Ordinal);
        Assert.Equal(0, (await grain.GetAsync())!.CommentCount);
        Assert.DoesNotContain(await silo.Storage.ReadEventsAsync(0, 100), e => e.EventType == CommentEvents.Hidden && e.Payload.Contains("090", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_author_deletes_their_comment_and_its_text_is_gone()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await PostedAsync(silo);
        Callers.Resident("commenter-1");
        var comment = (await grain.CommentAsync(new CommentInput("消したい"))).Value!;
        Callers.Resident("commenter-2");
        var byOther = await grain.DeleteCommentAsync(comment.Id);
        Callers.Resident("commenter-1");
        var deleted = await grain.DeleteCommentAsync(comment.Id);

        Assert.Equal("forbidden", byOther.Rejection!.Code);
        Assert.True(deleted.Succeeded);
        var view = (await grain.GetCommentsAsync()).Value!.Single();
        Assert.Equal((CommentStatus.Deleted, (string?)null), (view.Status, view.Body));
    }

    [Fact]
    public async Task Accepting_creates_an_idea_in_discovery_linked_to_the_challenge()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await PostedAsync(silo);
        Callers.Resident("resident-2");
        var byResident = await grain.AcceptAsync(null);
        Callers.Facilitator();

        var accepted = await grain.AcceptAsync(null);
        var again = await grain.AcceptAsync(null);

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        var idea = await silo.Grain<IIdeaGrain>(accepted.Value!).GetAsync();
        Assert.Equal((Stage.Discovery, IdeaStatus.Open, "駅前の駐輪場が足りない"), (idea!.Stage, idea.Status, idea.Title));
        Assert.Equal([grain.GetPrimaryKeyString()], idea.ChallengeIds);
        Assert.Equal((ChallengeStatus.Accepted, accepted.Value), ((await grain.GetAsync())!.Status, (await grain.GetAsync())!.IdeaId));
        Assert.Equal("notOpen", again.Rejection!.Code);
    }

    [Fact]
    public async Task Accepting_into_an_existing_idea_links_it_and_an_unknown_idea_is_refused()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var first = await PostedAsync(silo);
        var second = await PostedAsync(silo, "resident-2");
        Callers.Facilitator();
        var ideaId = (await first.AcceptAsync(null)).Value!;

        var unknown = await second.AcceptAsync(Ids.New());
        var linked = await second.AcceptAsync(ideaId);

        Assert.Equal(("notFound", "ideaId"), (unknown.Rejection!.Code, unknown.Rejection.Field));
        Assert.Equal(ideaId, linked.Value);
        Assert.Equal(2, (await silo.Grain<IIdeaGrain>(ideaId).GetAsync())!.ChallengeIds.Count);
    }

    [Fact]
    public async Task Merging_keeps_every_supporter_once_and_every_comment_and_the_duplicate_redirects()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var duplicate = await PostedAsync(silo, "author-a");
        var target = await PostedAsync(silo, "author-b");
        foreach (var (grain, person) in new[] { (duplicate, "p1"), (duplicate, "p2"), (target, "p2"), (target, "p3") })
        {
            Callers.Resident(person);
            Assert.True((await grain.SupportAsync()).Succeeded);
        }

        Callers.Resident("p1");
        var question = (await duplicate.CommentAsync(new CommentInput("朝だけですか？"))).Value!;
        Callers.Resident("author-a");
        await duplicate.CommentAsync(new CommentInput("夕方もです", question.Id));
        Callers.Facilitator();

        var intoSelf = await duplicate.MergeAsync(duplicate.GetPrimaryKeyString());
        var merged = await duplicate.MergeAsync(target.GetPrimaryKeyString());

        Assert.Equal("mergeIntoSelf", intoSelf.Rejection!.Code);
        Assert.True(merged.Succeeded, merged.Rejection?.ToString());
        var into = (await target.GetAsync())!;
        Assert.Equal((3, 2), (into.SupportCount, into.CommentCount));
        var thread = (await target.GetCommentsAsync()).Value!;
        Assert.Equal(["朝だけですか？", "夕方もです"], thread.Select(c => c.Body));
        Assert.Equal(thread[0].Id, thread[1].ParentId);
        Assert.All(thread, c => Assert.Equal(duplicate.GetPrimaryKeyString(), c.MergedFrom));
        var gone = (await duplicate.GetAsync())!;
        Assert.Equal((ChallengeStatus.Merged, target.GetPrimaryKeyString()), (gone.Status, gone.MergedIntoId));
        Assert.Contains("author-a", await target.GetAudienceAsync());
        Callers.Resident("p4");
        Assert.Equal("challengeMerged", (await duplicate.SupportAsync()).Rejection!.Code);
        Callers.Facilitator();
        Assert.Equal("challengeMerged", (await duplicate.HideCommentAsync(question.Id, "重複のため")).Rejection!.Code);
        Callers.Resident("p1");
        Assert.Equal("challengeMerged", (await duplicate.DeleteCommentAsync(question.Id)).Rejection!.Code);
    }

    [Fact]
    public async Task Two_challenges_merged_into_each_other_at_once_end_with_one_merge_instead_of_a_deadlock()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        for (var round = 0; round < 5; round++)
        {
            var a = await PostedAsync(silo, "author-a");
            var b = await PostedAsync(silo, "author-b");
            Callers.Facilitator();

            var both = Task.WhenAll(a.MergeAsync(b.GetPrimaryKeyString()), b.MergeAsync(a.GetPrimaryKeyString()));
            // Far inside Orleans' 30-second call timeout, which a call cycle between the two would run into.
            var results = await both.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Single(results, r => r.Succeeded);
            Assert.Single(results, r => r.Rejection?.Code is "conflict" or "targetClosed");
            var states = new[] { (await a.GetAsync())!, (await b.GetAsync())! };
            var merged = Assert.Single(states, c => c.Status == ChallengeStatus.Merged);
            var kept = Assert.Single(states, c => c.Status == ChallengeStatus.Open);
            Assert.Equal(kept.Id, merged.MergedIntoId);
        }
    }

    [Fact]
    public async Task A_repeated_merge_hand_over_changes_nothing()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var target = await PostedAsync(silo);
        Callers.Facilitator();
        var package = new MergePackage("dup-1", ["p1", "p2"], [], []);

        var first = await target.AbsorbAsync(package);
        var second = await target.AbsorbAsync(package);

        Assert.Equal((2, 2), (first.Value, second.Value));
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_closes_support()
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await PostedAsync(silo);
        Callers.Facilitator();

        var noReason = await grain.DeclineAsync("");
        var declined = await grain.DeclineAsync("県の管轄のため、県に要望を伝えました。");
        Callers.Resident("supporter-1");
        var support = await grain.SupportAsync();

        Assert.Equal(("required", "reason"), (noReason.Rejection!.Code, noReason.Rejection.Field));
        Assert.True(declined.Succeeded);
        Assert.Equal("notOpen", support.Rejection!.Code);
        Assert.Equal("県の管轄のため、県に要望を伝えました。", (await grain.GetAsync())!.DeclineReason);
    }

    [Theory]
    [InlineData("'; DROP TABLE grain_state; --")]
    [InlineData("Robert'); DELETE FROM events WHERE ('1'='1")]
    [InlineData("👩‍👩‍👧 e\u0301\u0301 مرحبا بالعالم ‏עברית")]
    public async Task Text_is_stored_exactly_as_written(string text)
    {
        await using var store = await SiloStore.CreateAsync(Provider);
        await using var silo = await TestSilo.StartAsync(store);
        Callers.Resident("resident-1");
        var grain = silo.Grain<IChallengeGrain>(Ids.New());

        await grain.SubmitAsync(Parking with { Title = text, Body = text });
        var read = await grain.GetAsync();

        Assert.Equal((text, text), (read!.Title, read.Body));
    }
}

/// <summary>ChallengeGrain behaviour on SQLite.</summary>
public sealed class SqliteChallengeGrainTests() : ChallengeGrainTests("Sqlite");

/// <summary>ChallengeGrain behaviour on PostgreSQL.</summary>
public sealed class PostgresChallengeGrainTests() : ChallengeGrainTests("Postgres");
