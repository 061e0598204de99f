using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using LivingLab.Comments;
using LivingLab.Ideas;
using LivingLab.Storage;
using Orleans;

namespace LivingLab.Tests.Cluster;

/// <summary>
/// Load for the silo-loss tests: votes from people who never voted before, and comments, on a few ideas, from several
/// workers until stopped. A call that returns success is acknowledged and must be in the store afterwards; once the silo
/// is killed, a call may also throw, and its write may or may not have happened. Before the kill no call may fail.
/// </summary>
internal sealed class AcknowledgedWrites(IReadOnlyList<string> ideas, Func<bool, int, IGrainFactory> route)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> voters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> comments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> unknownVoters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> unknownComments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> servedAfterKill = new(StringComparer.Ordinal);
    private readonly Stopwatch sinceKill = new();
    private volatile bool killed;
    private volatile bool gone;
    private volatile bool stopping;
    private int successes;
    private int successesAfterKill;
    private Exception? fault;

    /// <summary>Calls that threw after the kill, by exception type.</summary>
    public ConcurrentDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    public int Successes => Volatile.Read(ref successes);

    public int SuccessesAfterKill => Volatile.Read(ref successesAfterKill);

    /// <summary>From the silo being gone until every idea had taken a write started after that.</summary>
    public TimeSpan RecoveredAfter { get; private set; }

    /// <summary>Marks the start of the kill: from now on calls go where <c>route(true, …)</c> sends them, and may fail.</summary>
    public void Killing() => killed = true;

    /// <summary>Marks the end of the kill: writes started from now on count as served by what is left of the cluster.</summary>
    public void Gone()
    {
        sinceKill.Start();
        gone = true;
    }

    public void Stop() => stopping = true;

    /// <summary>One worker's loop; <c>route(killed, n)</c> picks the grain factory for its n-th call.</summary>
    public async Task RunAsync(int worker)
    {
        var random = new Random(7_000 + worker);
        for (var n = 0; !stopping; n++)
        {
            var id = ideas[random.Next(ideas.Count)];
            var afterKill = gone;
            var voter = $"voter-{worker}-{n}";
            var commenting = n % 4 == 3;
            try
            {
                var idea = route(killed, n + worker).GetGrain<IIdeaGrain>(id);
                Callers.Resident(voter);
                if (commenting)
                {
                    var comment = await idea.CommentAsync(ClusterItems.Comment);
                    Assert.True(comment.Succeeded, comment.Rejection?.ToString());
                    comments.GetOrAdd(id, _ => []).Add(comment.Value!.Id);
                }
                else
                {
                    var vote = await idea.VoteAsync();
                    Assert.True(vote.Succeeded, vote.Rejection?.ToString());
                    voters.GetOrAdd(id, _ => []).Add(voter);
                }

                Interlocked.Increment(ref successes);
                if (afterKill)
                {
                    Interlocked.Increment(ref successesAfterKill);
                    if (servedAfterKill.TryAdd(id, true) && servedAfterKill.Count == ideas.Count)
                    {
                        RecoveredAfter = sinceKill.Elapsed;
                    }
                }
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException && killed)
            {
                if (commenting)
                {
                    unknownComments.AddOrUpdate(id, 1, (_, c) => c + 1);
                }
                else
                {
                    unknownVoters.GetOrAdd(id, _ => []).Add(voter);
                }

                Failures.AddOrUpdate(exception.GetType().Name, 1, (_, c) => c + 1);
                // A failed call is retried with a new write a moment later, as a person would click again.
                await Task.Delay(50);
            }
            catch (Exception exception)
            {
                fault ??= exception;
                throw;
            }
        }
    }

    public async Task WaitForSuccessesAsync(int count, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (Successes < count)
        {
            ThrowIfFaulted();
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"only {Successes} of {count} writes acknowledged within {limit}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until every idea, also those whose activation died, has taken a write started after the silo was gone.</summary>
    public async Task WaitForEveryIdeaAfterKillAsync(TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (servedAfterKill.Count < ideas.Count)
        {
            ThrowIfFaulted();
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"only {servedAfterKill.Count} of {ideas.Count} ideas took a write within {limit} of the kill");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Every acknowledged vote and comment is in the store, nothing is there that was not asked for, and the ideas'
    /// counts (read through <paramref name="grains"/>) match their rows and events.
    /// </summary>
    public async Task AssertKeptAsync(IStateStore store, IGrainFactory grains)
    {
        var events = await ClusterItems.AllEventsAsync(store);
        foreach (var id in ideas)
        {
            Callers.Anonymous();
            var idea = (await grains.GetGrain<IIdeaGrain>(id).GetAsync())!;
            var stored = (await store.ReadRowsAsync(ClusterItems.IdeaType, id, "voters")).Select(r => r.Member).ToHashSet(StringComparer.Ordinal);
            var storedComments = (await store.ReadRowsAsync(ClusterItems.IdeaType, id, CommentThread.RowSet)).Select(r => r.Member).ToHashSet(StringComparer.Ordinal);
            var acknowledged = voters.GetOrAdd(id, _ => []).ToHashSet(StringComparer.Ordinal);
            var acknowledgedComments = comments.GetOrAdd(id, _ => []).ToHashSet(StringComparer.Ordinal);

            Assert.Superset(acknowledged, stored);
            Assert.Superset(acknowledgedComments, storedComments);
            // A stored vote was acknowledged, or its call failed with the silo; a comment likewise (its id was never seen).
            Assert.Subset(new HashSet<string>(acknowledged.Concat(unknownVoters.GetOrAdd(id, _ => [])), StringComparer.Ordinal), stored);
            Assert.InRange(storedComments.Count, acknowledgedComments.Count, acknowledgedComments.Count + unknownComments.GetValueOrDefault(id));
            Assert.Equal(stored.Count, idea.VoteCount);
            Assert.Equal(stored.Count, ClusterItems.Count(events, ClusterItems.IdeaType, id, IdeaEvents.Voted));
            Assert.Equal(storedComments.Count, idea.CommentCount);
            Assert.Equal(storedComments.Count, ClusterItems.Count(events, ClusterItems.IdeaType, id, CommentEvents.Posted));
        }
    }

    /// <summary>One line for the test output.</summary>
    public string Summary() =>
        $"{Successes} acknowledged writes ({SuccessesAfterKill} started after the silo was gone), {Failures.Values.Sum()} calls failed" +
        (Failures.IsEmpty ? "" : $" ({string.Join(", ", Failures.Select(f => $"{f.Key} {f.Value}"))})") +
        $"; every idea took a write again {RecoveredAfter.TotalSeconds:F1} s after the silo was gone";

    // A worker that failed before the kill (or failed an assertion) ends the wait with its own exception.
    private void ThrowIfFaulted()
    {
        if (fault is { } exception)
        {
            ExceptionDispatchInfo.Throw(exception);
        }
    }
}
