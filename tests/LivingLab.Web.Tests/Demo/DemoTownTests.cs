using System.Net;
using System.Net.Http.Json;
using LivingLab.Challenges;
using LivingLab.Demo;
using LivingLab.People;
using LivingLab.Pipeline;
using LivingLab.Web.Tests.Account;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LivingLab.Web.Tests.Demo;

public sealed class DemoTownTests(SeededTown town) : IClassFixture<SeededTown>
{
    private Census Town => town.AfterFirstStart;

    [Fact]
    public void First_start_seeds_at_least_25_challenges_across_at_least_8_categories()
    {
        Assert.True(Town.Challenges.Count >= 25, $"{Town.Challenges.Count} challenges");
        Assert.True(Town.Challenges.Select(c => c.Category).Distinct().Count() >= 8);
        Assert.All(Town.Challenges, c => Assert.True(Categories.IsKnown(c.Category)));
    }

    [Fact]
    public void Some_challenges_were_entered_by_staff_for_residents_and_some_merged_declined_or_accepted()
    {
        var proxied = Town.Challenges.Where(c => c.Proxy is not null).ToArray();
        Assert.True(proxied.Length >= 4);
        Assert.Contains(proxied, c => c.Proxy!.OnBehalfOf?.Contains("70代", StringComparison.Ordinal) == true);
        Assert.Equal(4, proxied.Select(c => c.Proxy!.Channel).Distinct().Count());

        var merged = Town.Challenges.Where(c => c.Status == ChallengeStatus.Merged).ToArray();
        Assert.True(merged.Length >= 2);
        Assert.All(merged, c => Assert.Contains(Town.Challenges, t => t.Id == c.MergedIntoId && t.Status != ChallengeStatus.Merged));

        var declined = Town.Challenges.Where(c => c.Status == ChallengeStatus.Declined).ToArray();
        Assert.True(declined.Length >= 2);
        Assert.All(declined, c => Assert.True(c.DeclineReason!.Length > 50));

        Assert.True(Town.Challenges.Count(c => c.Status == ChallengeStatus.Accepted) >= 5);
        Assert.All(Town.Challenges.Where(c => c.Status == ChallengeStatus.Accepted), c => Assert.Contains(Town.Ideas, i => i.Id == c.IdeaId && i.ChallengeIds.Contains(c.Id)));
    }

    [Fact]
    public void Ideas_stand_in_every_stage_and_one_is_on_hold_and_one_declined_with_its_reason()
    {
        var open = Town.Ideas.Where(i => i.Status == IdeaStatus.Open).ToArray();
        Assert.Equal(Enum.GetValues<Stage>(), open.Select(i => i.Stage).Distinct().Order());
        Assert.Contains(Town.Ideas, i => i.Status == IdeaStatus.OnHold && !string.IsNullOrEmpty(i.StatusReason));
        var declined = Assert.Single(Town.Ideas, i => i.Status == IdeaStatus.Declined);
        Assert.Contains("わかったこと", declined.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_move_through_a_gate_carries_a_rationale_and_evidence_links()
    {
        var moves = Town.Events.Where(e => e.EventType == LivingLab.Ideas.IdeaEvents.Advanced).ToArray();

        Assert.True(moves.Length >= 15);
        Assert.All(moves, e => Assert.Contains("\"rationale\":\"", e.Payload, StringComparison.Ordinal));
        Assert.All(moves, e => Assert.Contains("\"evidence\":[\"https://example.jp/", e.Payload, StringComparison.Ordinal));
    }

    [Fact]
    public void Pilot_and_later_ideas_have_an_operator_and_measured_KPIs_with_baseline_and_target()
    {
        var piloted = Town.Ideas.Where(i => i.Stage >= Stage.Pilot).ToArray();

        Assert.True(piloted.Length >= 3);
        Assert.All(piloted, i => Assert.NotEqual(OperatorKind.None, i.Operator.Kind));
        Assert.All(piloted.SelectMany(i => i.Kpis), k => Assert.True(k.Baseline is not null && k.Target is not null));
        Assert.All(piloted, i => Assert.All(i.Kpis, k => Assert.Contains(i.Measurements, m => m.KpiId == k.Id)));
        Assert.Contains(piloted, i => i.Operator.Kind == OperatorKind.Partner && i.AcceptedPartnerIds.Contains(i.Operator.PartnerId!));
        Assert.Contains(piloted, i => i.Operator.Kind == OperatorKind.Town);
        Assert.True(Town.Events.Count(e => e.EventType == LivingLab.Ideas.IdeaEvents.ApplicationDecided) >= 4);
    }

    [Fact]
    public async Task Three_partner_companies_are_listed_by_the_API_with_Japanese_and_English_descriptions()
    {
        using var client = town.App.CreateClient();

        var page = await AccountApi.Json(await client.GetAsync("/api/partners"));

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.Contains("**English:**", p.GetProperty("description").GetString()));
    }

    [Fact]
    public void Residents_support_comment_reply_and_vote()
    {
        Assert.True(Town.Challenges.Sum(c => c.SupportCount) >= 200);
        Assert.True(Town.Challenges.Count(c => c.CommentCount > 0) >= 10);
        Assert.True(Town.Ideas.Sum(i => i.VoteCount) >= 100);
        Assert.True(Town.Ideas.Count(i => i.CommentCount > 0) >= 5);
        Assert.True(Town.Replies >= 8);
        var supporters = Town.Events.Where(e => e.EventType == ChallengeEvents.Supported).Select(e => e.ActorId).Distinct().Count();
        Assert.True(supporters >= 30, $"{supporters} residents supported something");
    }

    [Fact]
    public void The_history_spans_months_in_log_order_and_ends_before_seeding_began()
    {
        var began = Town.Events.Single(e => e.EventType == "DemoTownSeedingStarted");
        var ended = Town.Events.Single(e => e.EventType == "DemoTownSeeded");
        var seeded = Town.Events.Where(e => e.Position > began.Position && e.Position < ended.Position).ToArray();

        Assert.True(seeded[^1].OccurredAt - seeded[0].OccurredAt > TimeSpan.FromDays(365));
        Assert.All(seeded.Zip(seeded.Skip(1)), pair => Assert.True(pair.First.OccurredAt <= pair.Second.OccurredAt));
        Assert.True(seeded[^1].OccurredAt < began.OccurredAt);
    }

    [Fact]
    public async Task The_demo_accounts_sign_in_with_the_passwords_printed_at_the_first_start()
    {
        var printed = DemoTown.PrintedAccounts(town.FirstStartLogs);
        Assert.Equal(DemoAccounts.All.Select(a => (a.Role, a.Email)), printed.Select(p => (p.Role, p.Email)));
        Assert.Contains(town.FirstStartLogs.Messages, m => m.Level == LogLevel.Warning && m.Message.Contains(printed[0].Password, StringComparison.Ordinal));

        foreach (var (role, email, password) in printed)
        {
            using var client = town.App.CreateClient();
            using var login = await AccountApi.Login(client, email, password);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var me = await AccountApi.Json(login);
            Assert.Contains(role, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(role == Roles.Partner, me.GetProperty("partnerId").GetString() is not null);
        }
    }

    [Fact]
    public void A_second_start_seeds_nothing_and_prints_no_passwords()
    {
        Assert.Equal(Town.Events.Count, town.EventsAfterSecondStart);
        Assert.Empty(DemoTown.PrintedAccounts(town.SecondStartLogs));
        Assert.DoesNotContain(town.SecondStartLogs.Messages, m => m.Message.Contains("@demo.livinglab.jp", StringComparison.Ordinal));
        Assert.DoesNotContain(town.SecondStartLogs.Messages, m => m.Level >= LogLevel.Warning && m.Category.StartsWith("LivingLab", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeding_stopped_half_way_completes_on_the_next_run_into_the_same_town_and_a_further_run_changes_nothing()
    {
        var logs = new LogCapture();
        var (factory, app) = DemoTown.Start(logs, new(DemoTown.FirstAdmin) { ["LIVINGLAB_DEMO"] = "false" });
        await using var _ = factory;
        await using var __ = app;
        var seeder = app.Services.GetRequiredService<DemoTownSeeder>();
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => seeder.SeedIfEmptyAsync(new StopAfter(300, stop), stop.Token));
        var marker = await app.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<IDemoTownGrain>(IDemoTownGrain.Key).GetAsync();
        Assert.Equal((DemoTownProgress.Seeding, null), (marker.Progress, marker.Owner));
        var resumed = await seeder.SeedIfEmptyAsync();
        var census = await DemoTown.CensusAsync(app.Services);
        var again = await seeder.RunAsync(marker.Anchor!.Value);
        var afterAgain = await DemoTown.CensusAsync(app.Services);

        Assert.Equal((DemoTownProgress.Completed, 0), (resumed.Progress, resumed.NewAccounts.Count));
        Assert.Equal(Town.CountsByType.OrderBy(p => p.Key), census.CountsByType.OrderBy(p => p.Key));
        Assert.Equal(4, DemoTown.PrintedAccounts(logs).Count);
        Assert.Equal(census.Events.Count, afterAgain.Events.Count);
        Assert.True(again.Steps > 800, $"{again.Steps} steps");
    }

    /// <summary>Cancels once the seeder reports this many steps done, so it stops at a known point.</summary>
    private sealed class StopAfter(int steps, CancellationTokenSource stop) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value >= steps)
            {
                stop.Cancel();
            }
        }
    }
}
