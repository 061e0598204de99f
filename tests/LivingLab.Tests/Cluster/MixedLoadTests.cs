using System.Collections.Concurrent;
using System.Diagnostics;
using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Pipeline;
using LivingLab.Tests.Runtime;
using Microsoft.Extensions.Logging;
using Orleans;
using Xunit.Abstractions;

namespace LivingLab.Tests.Cluster;

/// <summary>Many people acting on the same items through both silos: the store and the grains agree, and the rules hold.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MixedLoadTests(ITestOutputHelper output)
{
    private const int Operations = 10_000;
    private const int Workers = 48;
    private const int People = 150;

    [Fact]
    public async Task Ten_thousand_mixed_operations_through_both_silos_on_twenty_items_lose_nothing_count_nothing_twice_and_keep_every_gate()
    {
        await using var store = await SiloStore.PostgresAsync();
        await using var cluster = await SiloPair.StartAsync(store);
        var challenges = new List<string>();
        var ideas = new List<(string Id, Readiness Ready)>();
        for (var i = 0; i < 10; i++)
        {
            var node = cluster[i];
            var challenge = Ids.New();
            Callers.Resident($"author-{i}");
            Assert.True((await node.Grains.GetGrain<IChallengeGrain>(challenge).SubmitAsync(ClusterItems.Challenge(i))).Succeeded);
            challenges.Add(challenge);

            var idea = node.Grains.GetGrain<IIdeaGrain>(Ids.New());
            Assert.True((await idea.ProposeAsync(ClusterItems.Idea)).Succeeded);
            // Three kinds of idea: ready for every gate, ready for pilot only (no measurement), ready for none.
            var ready = i < 4 ? Readiness.Rollout : i < 7 ? Readiness.Pilot : Readiness.None;
            Callers.Facilitator();
            if (ready != Readiness.None)
            {
                Assert.True((await idea.SetOperatorAsync(IdeaOperator.Town)).Succeeded);
                var kpi = (await idea.AddKpiAsync(new KpiInput("配送件数", "件/月", 0, 120))).Value!;
                if (ready == Readiness.Rollout)
                {
                    var measured = await idea.RecordMeasurementAsync(kpi.Id, new MeasurementInput(96, DateOnly.FromDateTime(DateTime.UtcNow), null));
                    Assert.True(measured.Succeeded, measured.Rejection?.ToString());
                }
            }

            ideas.Add((idea.GetPrimaryKeyString(), ready));
        }

        var tallies = new ConcurrentDictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var id in challenges.Concat(ideas.Select(i => i.Id)))
        {
            tallies[id] = new Tally();
        }

        var lastStage = new ConcurrentDictionary<string, Stage>(ideas.Select(i => KeyValuePair.Create(i.Id, Stage.Discovery)), StringComparer.Ordinal);
        var refusals = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        void Refused(CommandResult result) => refusals.AddOrUpdate(result.Rejection!.Code, 1, (_, n) => n + 1);

        // A vote or a support, given or withdrawn: counted where it took effect, its reason where it was refused.
        void Count(string id, bool withdraw, CommandResult result)
        {
            if (!result.Succeeded)
            {
                Refused(result);
            }
            else if (withdraw)
            {
                Interlocked.Increment(ref tallies[id].Withdrawn);
            }
            else
            {
                Interlocked.Increment(ref tallies[id].Added);
            }
        }

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(9_000 + w);
            for (var op = w; op < Operations; op += Workers)
            {
                // Each worker alternates between the silos, and at any moment half the workers enter through each.
                var grains = cluster[(op / Workers) + w].Grains;
                var roll = random.Next(100);
                var person = $"person-{random.Next(People)}";
                if (roll < 30)
                {
                    var (id, _) = ideas[random.Next(ideas.Count)];
                    var idea = grains.GetGrain<IIdeaGrain>(id);
                    Callers.Resident(person);
                    var withdraw = random.Next(5) == 0;
                    var result = withdraw ? await idea.WithdrawVoteAsync() : await idea.VoteAsync();
                    Count(id, withdraw, result);
                }
                else if (roll < 60)
                {
                    var id = challenges[random.Next(challenges.Count)];
                    var challenge = grains.GetGrain<IChallengeGrain>(id);
                    Callers.Resident(person);
                    var withdraw = random.Next(5) == 0;
                    var result = withdraw ? await challenge.WithdrawSupportAsync() : await challenge.SupportAsync();
                    Count(id, withdraw, result);
                }
                else if (roll < 80)
                {
                    var onIdea = random.Next(2) == 0;
                    var id = onIdea ? ideas[random.Next(ideas.Count)].Id : challenges[random.Next(challenges.Count)];
                    Callers.Resident(person);
                    CommandResult result = onIdea
                        ? await grains.GetGrain<IIdeaGrain>(id).CommentAsync(ClusterItems.Comment)
                        : await grains.GetGrain<IChallengeGrain>(id).CommentAsync(ClusterItems.Comment);
                    Assert.True(result.Succeeded, result.Rejection?.ToString());
                    Interlocked.Increment(ref tallies[id].Comments);
                }
                else
                {
                    // A facilitator moves an idea one stage from where it was last seen, mostly forward; the view may be
                    // stale, so some moves are refused as not adjacent, and the gates refuse the ideas not ready.
                    var (id, _) = ideas[random.Next(ideas.Count)];
                    var from = (int)lastStage[id];
                    var to = (Stage)Math.Clamp(from + (random.Next(100) < 65 ? 1 : -1), 0, (int)Stage.Rollout);
                    Callers.Facilitator();
                    var result = await grains.GetGrain<IIdeaGrain>(id).AdvanceAsync(ClusterItems.MoveTo(to));
                    if (result.Succeeded)
                    {
                        Interlocked.Increment(ref tallies[id].Moves);
                        lastStage[id] = result.Value!.Stage;
                    }
                    else
                    {
                        Refused(result);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(3));
        clock.Stop();

        var events = await ClusterItems.AllEventsAsync(cluster.A.Store);
        var reader = cluster.B.Store;
        foreach (var id in challenges)
        {
            Callers.Anonymous();
            var throughA = (await cluster.A.Grains.GetGrain<IChallengeGrain>(id).GetAsync())!;
            var throughB = (await cluster.B.Grains.GetGrain<IChallengeGrain>(id).GetAsync())!;
            var supporters = await reader.ReadRowsAsync(ClusterItems.ChallengeType, id, "supporters");
            var comments = await reader.ReadRowsAsync(ClusterItems.ChallengeType, id, CommentThread.RowSet);
            var tally = tallies[id];
            Assert.Equal((throughA.SupportCount, throughA.CommentCount), (throughB.SupportCount, throughB.CommentCount));
            Assert.Equal(tally.Added - tally.Withdrawn, throughA.SupportCount);
            Assert.Equal(throughA.SupportCount, supporters.Count);
            Assert.Equal(tally.Added, ClusterItems.Count(events, ClusterItems.ChallengeType, id, ChallengeEvents.Supported));
            Assert.Equal(tally.Withdrawn, ClusterItems.Count(events, ClusterItems.ChallengeType, id, ChallengeEvents.SupportWithdrawn));
            Assert.Equal(tally.Comments, throughA.CommentCount);
            Assert.Equal(tally.Comments, comments.Count);
            Assert.Equal(tally.Comments, ClusterItems.Count(events, ClusterItems.ChallengeType, id, CommentEvents.Posted));
        }

        var stages = new List<Stage>();
        foreach (var (id, ready) in ideas)
        {
            Callers.Anonymous();
            var throughA = (await cluster.A.Grains.GetGrain<IIdeaGrain>(id).GetAsync())!;
            var throughB = (await cluster.B.Grains.GetGrain<IIdeaGrain>(id).GetAsync())!;
            var voters = await reader.ReadRowsAsync(ClusterItems.IdeaType, id, "voters");
            var comments = await reader.ReadRowsAsync(ClusterItems.IdeaType, id, CommentThread.RowSet);
            var tally = tallies[id];
            Assert.Equal((throughA.VoteCount, throughA.CommentCount, throughA.Stage), (throughB.VoteCount, throughB.CommentCount, throughB.Stage));
            Assert.Equal(tally.Added - tally.Withdrawn, throughA.VoteCount);
            Assert.Equal(throughA.VoteCount, voters.Count);
            Assert.Equal(tally.Added, ClusterItems.Count(events, ClusterItems.IdeaType, id, IdeaEvents.Voted));
            Assert.Equal(tally.Withdrawn, ClusterItems.Count(events, ClusterItems.IdeaType, id, IdeaEvents.VoteWithdrawn));
            Assert.Equal(tally.Comments, throughA.CommentCount);
            Assert.Equal(tally.Comments, comments.Count);
            Assert.Equal(tally.Comments, ClusterItems.Count(events, ClusterItems.IdeaType, id, CommentEvents.Posted));

            // The recorded moves form one chain of single steps from discovery to where the idea stands, and no step
            // entered a stage whose gate the idea could not meet.
            var moves = ClusterItems.Moves(events, id);
            Assert.Equal(tally.Moves, moves.Count);
            var at = "discovery";
            foreach (var (from, to) in moves)
            {
                Assert.Equal(at, from);
                Assert.Equal(1, Math.Abs(StageIndex(to) - StageIndex(from)));
                at = to;
            }

            Assert.Equal(StageWireNames.Format(throughA.Stage), at);
            Assert.True(ready >= Readiness.Pilot || moves.All(m => m.To != "pilot"), $"idea {id} without operator or KPI entered pilot");
            Assert.True(ready == Readiness.Rollout || moves.All(m => m.To != "rollout"), $"idea {id} without a measurement entered rollout");
            Assert.True(throughA.Stage < Stage.Pilot || (throughA.Operator.Kind != OperatorKind.None && throughA.Kpis.Count > 0));
            Assert.True(throughA.Stage < Stage.Rollout || throughA.Kpis.All(k => throughA.Measurements.Any(m => m.KpiId == k.Id)));
            stages.Add(throughA.Stage);
        }

        var written = tallies.Values.Sum(t => t.Added + t.Withdrawn + t.Comments + t.Moves);
        output.WriteLine($"{Operations:N0} operations in {clock.Elapsed.TotalSeconds:F1} s ({Operations / clock.Elapsed.TotalSeconds:N0}/s) through " +
            $"{cluster.A.Address} and {cluster.B.Address}: {written:N0} acknowledged writes, {refusals.Values.Sum():N0} refusals " +
            $"({string.Join(", ", refusals.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))})");
        output.WriteLine($"ideas end in: {string.Join(", ", stages.Select(StageWireNames.Format))}; {events.Count:N0} events in the log");
        // The mix must have exercised what it claims to: duplicates refused, gates refused, moves made.
        Assert.True(refusals.ContainsKey("alreadyVoted") && refusals.ContainsKey("alreadySupported") && refusals.ContainsKey("gateNotMet"));
        Assert.True(tallies.Values.Sum(t => t.Moves) > 20);
        Assert.Empty(cluster.A.Log.From("LivingLab", LogLevel.Error).Concat(cluster.B.Log.From("LivingLab", LogLevel.Error)));
    }

    private static int StageIndex(string wireName) => StageWireNames.TryParse(wireName, out var stage) ? (int)stage : -1;

    private enum Readiness
    {
        None,
        Pilot,
        Rollout,
    }

    private sealed class Tally
    {
        public int Added;
        public int Withdrawn;
        public int Comments;
        public int Moves;
    }
}
