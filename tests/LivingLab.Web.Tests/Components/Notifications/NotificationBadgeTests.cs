using Bunit;
using LivingLab.ReadModel;
using LivingLab.ReadModel.Notifications;
using LivingLab.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components.Notifications;

/// <summary>
/// The header's notification badge, rendered by bUnit over the real site (grains, read model, the node's notification
/// feed): the count is in the link's name in Japanese and English, a reply elsewhere changes it without a reload and is
/// announced once, a read elsewhere changes it silently, and a badge that goes away leaves the feed.
/// </summary>
public sealed class NotificationBadgeTests
{
    // An upper bound for the real grain, read-model and feed calls on a loaded machine, never a measured time.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("ja", "お知らせ（未読1件）", "お知らせ（未読2件）", "新しいお知らせが届きました（未読2件）")]
    [InlineData("en", "Notifications (1 unread)", "Notifications (2 unread)", "A new notification arrived (2 unread)")]
    public async Task The_link_names_the_unread_count_and_a_new_reply_elsewhere_raises_it_and_is_announced(string culture, string one, string two, string arrived)
    {
        await using var lab = await Lab.StartAsync();
        var (challenge, comment) = await CommentedChallengeAsync(lab);
        await Lab.Comment(lab.Facilitator, $"/api/challenges/{challenge}", "確認します。", comment);
        await lab.CatchUpAsync();
        CircuitContext.UseCulture(culture);
        await using var context = BadgeContext(lab, lab.PersonId(Role.Resident));

        var badge = context.Render<NotificationBadge>();
        var feed = lab.Factory.Services.GetRequiredService<NotificationFeed>();
        badge.WaitForAssertion(() => Assert.Equal(1, feed.Watches), Wait);
        Assert.Equal(one, AccessibleName(badge.Find("[data-testid=notification-link]")));
        Assert.Equal("1", badge.Find("[data-testid=unread-count]").TextContent);
        Assert.Equal("", badge.Find("[data-testid=unread-announcement]").TextContent);
        Assert.Equal("status", badge.Find("[data-testid=unread-announcement]").GetAttribute("role"));

        await Lab.Comment(lab.Facilitator, $"/api/challenges/{challenge}", "現地も見てきました。", comment);

        badge.WaitForAssertion(() => Assert.Equal("2", badge.Find("[data-testid=unread-count]").TextContent), Wait);
        Assert.Equal(two, AccessibleName(badge.Find("[data-testid=notification-link]")));
        Assert.Equal(arrived, badge.Find("[data-testid=unread-announcement]").TextContent);
    }

    [Fact]
    public async Task Reading_everything_in_another_tab_empties_the_badge_without_an_announcement()
    {
        await using var lab = await Lab.StartAsync();
        var (challenge, comment) = await CommentedChallengeAsync(lab);
        await Lab.Comment(lab.Facilitator, $"/api/challenges/{challenge}", "確認します。", comment);
        await lab.CatchUpAsync();
        CircuitContext.UseCulture("ja");
        await using var context = BadgeContext(lab, lab.PersonId(Role.Resident));
        var badge = context.Render<NotificationBadge>();
        var feed = lab.Factory.Services.GetRequiredService<NotificationFeed>();
        badge.WaitForAssertion(() => Assert.Equal(1, feed.Watches), Wait);

        // The other tab: the person's own notifications page, through the same façade a request would use.
        var newest = (await lab.Factory.Services.GetRequiredService<NotificationQueries>().PageAsync(lab.PersonId(Role.Resident), 1, 20)).NewestId;
        var otherTab = context.Services.GetRequiredService<NotificationDesk>();
        Assert.True((await otherTab.MarkAllReadAsync(newest)).Succeeded);

        badge.WaitForAssertion(() => Assert.Equal("0", badge.Find("[data-testid=unread-count]").GetAttribute("data-count")), Wait);
        Assert.Equal("お知らせ（未読なし）", AccessibleName(badge.Find("[data-testid=notification-link]")));
        Assert.Equal("", badge.Find("[data-testid=unread-announcement]").TextContent);
    }

    [Fact]
    public async Task A_badge_that_goes_away_leaves_the_feed_and_the_feed_forgets_the_person()
    {
        await using var lab = await Lab.StartAsync();
        CircuitContext.UseCulture("ja");
        var feed = lab.Factory.Services.GetRequiredService<NotificationFeed>();
        var context = BadgeContext(lab, lab.PersonId(Role.Resident));
        var first = context.Render<NotificationBadge>();
        context.Render<NotificationBadge>();
        first.WaitForAssertion(() => Assert.Equal(2, feed.Watches), Wait);
        Assert.Equal(1, feed.WatchedPeople);

        await context.DisposeAsync();

        Assert.Equal(0, feed.Watches);
        Assert.Equal(0, feed.WatchedPeople);
    }

    [Fact]
    public async Task Without_a_circuit_the_badge_is_the_count_as_it_stands_and_watches_nothing()
    {
        await using var lab = await Lab.StartAsync();
        var (challenge, comment) = await CommentedChallengeAsync(lab);
        await Lab.Comment(lab.Facilitator, $"/api/challenges/{challenge}", "確認します。", comment);
        await lab.CatchUpAsync();
        CircuitContext.UseCulture("ja");
        await using var context = BadgeContext(lab, lab.PersonId(Role.Resident), interactive: false);

        var badge = context.Render<NotificationBadge>();

        Assert.Equal("お知らせ（未読1件）", AccessibleName(badge.Find("[data-testid=notification-link]")));
        Assert.Equal("false", badge.Find("[data-testid=notification-badge]").GetAttribute("data-interactive"));
        Assert.Equal(0, lab.Factory.Services.GetRequiredService<NotificationFeed>().Watches);
    }

    // The text a screen reader names the link by: everything but what is hidden from it (aria-hidden, hidden).
    private static string AccessibleName(AngleSharp.Dom.INode node) => TextOf(node).Trim();

    private static string TextOf(AngleSharp.Dom.INode node) => node switch
    {
        AngleSharp.Dom.IElement element when element.GetAttribute("aria-hidden") == "true" || element.HasAttribute("hidden") => "",
        AngleSharp.Dom.IText text => text.Data,
        _ => string.Concat(node.ChildNodes.Select(TextOf)),
    };

    // A challenge by the partner that the resident commented on: a reply to that comment notifies the resident.
    private static async Task<(string Challenge, string Comment)> CommentedChallengeAsync(Lab lab)
    {
        var challenge = await lab.NewChallenge(lab.Partner);
        return (challenge, await Lab.Comment(lab.Resident, $"/api/challenges/{challenge}", "毎朝ここで困っています。"));
    }

    // The badge as the signed-in person's circuit sees it (or its prerender), over the real site and its notification feed.
    private static BunitContext BadgeContext(Lab lab, string personId, bool interactive = true) =>
        CircuitContext.Create(lab.Factory.Services, "酒田 花子", personId, [], interactive, typeof(NotificationDesk));
}
