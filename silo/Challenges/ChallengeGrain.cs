using LivingLab.Hosting;
using Microsoft.Extensions.DependencyInjection;
using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Live;
using LivingLab.People;
using LivingLab.Rows;
using LivingLab.Storage;
using LivingLab.Workshops;
using Orleans;
using Orleans.Runtime;

namespace LivingLab.Challenges;

/// <summary>A local issue: posting (also by proxy), support, follow, comments, and the facilitator's accept/merge/decline.</summary>
public sealed class ChallengeGrain(
    [EventedState("challenge")] IEventedState<ChallengeState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IChallengeGrain
{
    private readonly StateCommitter<ChallengeState> committer = new(state);
    private readonly MemberSet supporters = new("supporters");
    private readonly MemberSet followers = new("followers");
    private readonly ItemObservers live = new();
    private CommentThread? thread;

    // Supports interleave with everything; while a merge hands supporters over, a new one would be left behind.
    private bool merging;
    private string? mergeTarget;

    private ChallengeState S => state.State;

    private bool Exists => S.Title is not null;

    private string Id => this.GetPrimaryKeyString();

    private CommentThread Thread => thread ??= new CommentThread(Id);

    private static bool CallerFacilitates => Caller.IsInRole(Roles.Facilitator) || Caller.IsAdmin;

    public Task<CommandResult<ChallengeDetails>> SubmitAsync(ChallengeInput input) => Submit(input, null);

    public Task<CommandResult<ChallengeDetails>> SubmitOnBehalfAsync(ChallengeInput input, ProxyEntryInput proxy)
    {
        if (!CallerFacilitates)
        {
            return Task.FromResult(CommandResult<ChallengeDetails>.Reject(Caller.IsAuthenticated ? "forbidden" : "unauthenticated"));
        }

        return ChallengeRules.CheckProxy(proxy) is { } invalid
            ? Task.FromResult(new CommandResult<ChallengeDetails>(null, invalid))
            : Submit(input, proxy);
    }

    public async Task<ChallengeDetails?> GetAsync() => Exists ? await DetailsAsync() : null;

    public async Task<CommandResult<int>> SupportAsync()
    {
        if ((CheckOpenForPeople(allowAccepted: true) ?? CheckNotMerging()) is { } refused)
        {
            return new CommandResult<int>(0, refused);
        }

        if (await supporters.AddAsync(state, Caller.Id!, clock.GetUtcNow()) is not { } row)
        {
            await committer.WhenDurableAsync();
            return CommandResult<int>.Reject("alreadySupported");
        }

        // The count as of this change: by the time the shared write is durable, later votes may have moved it on.
        var count = ++S.SupportCount;
        var snapshot = Snapshot();
        await committer.CommitAsync([Event(ChallengeEvents.Supported, new ChallengeSupportEvent(Id, count))], [row]);
        live.Publish(snapshot);
        return CommandResult<int>.Success(count);
    }

    public async Task<CommandResult<int>> WithdrawSupportAsync()
    {
        if ((CheckSignedInAndExists() ?? CheckNotMerging()) is { } refused)
        {
            return new CommandResult<int>(0, refused);
        }

        if (await supporters.RemoveAsync(state, Caller.Id!) is not { } row)
        {
            await committer.WhenDurableAsync();
            return CommandResult<int>.Reject("notSupported");
        }

        // The count as of this change: by the time the shared write is durable, later votes may have moved it on.
        var count = --S.SupportCount;
        var snapshot = Snapshot();
        await committer.CommitAsync([Event(ChallengeEvents.SupportWithdrawn, new ChallengeSupportEvent(Id, count))], [row]);
        live.Publish(snapshot);
        return CommandResult<int>.Success(count);
    }

    public async Task<CommandResult> FollowAsync()
    {
        if (CheckSignedInAndExists() is { } refused)
        {
            return new CommandResult(refused);
        }

        if (await followers.AddAsync(state, Caller.Id!, clock.GetUtcNow()) is { } row)
        {
            S.FollowerCount++;
            await committer.CommitAsync([Event(ChallengeEvents.Followed, new ChallengeFollowEvent(Id))], [row]);
        }

        return CommandResult.Ok;
    }

    public async Task<CommandResult> UnfollowAsync()
    {
        if (CheckSignedInAndExists() is { } refused)
        {
            return new CommandResult(refused);
        }

        if (await followers.RemoveAsync(state, Caller.Id!) is { } row)
        {
            S.FollowerCount--;
            await committer.CommitAsync([Event(ChallengeEvents.Unfollowed, new ChallengeFollowEvent(Id))], [row]);
        }

        return CommandResult.Ok;
    }

    public async Task<CommandResult<IReadOnlyList<CommentView>>> GetCommentsAsync() =>
        Exists
            ? CommandResult<IReadOnlyList<CommentView>>.Success(await Thread.ViewAsync(state, clock.GetUtcNow()))
            : CommandResult<IReadOnlyList<CommentView>>.Reject("notFound");

    public async Task<CommandResult<CommentView>> CommentAsync(CommentInput input)
    {
        if (CheckOpenForPeople(allowAccepted: true, allowClosed: true) is { } refused)
        {
            return new CommandResult<CommentView>(null, refused);
        }

        var result = await Thread.PostAsync(state, input, S.NextCommentNumber, clock.GetUtcNow());
        if (result.Value is { } change)
        {
            S.NextCommentNumber++;
        }

        return await WriteComment(result);
    }

    public async Task<CommandResult<CommentView>> EditCommentAsync(string commentId, string? body) =>
        (CheckSignedInAndExists() ?? CheckNotMerged()) is { } refused
            ? new CommandResult<CommentView>(null, refused)
            : await WriteComment(await Thread.EditAsync(state, commentId, body, clock.GetUtcNow()));

    public async Task<CommandResult> DeleteCommentAsync(string commentId) =>
        (CheckSignedInAndExists() ?? CheckNotMerged()) is { } refused
            ? new CommandResult(refused)
            : await WriteComment(await Thread.DeleteAsync(state, commentId, clock.GetUtcNow()));

    public async Task<CommandResult> HideCommentAsync(string commentId, string? reason) =>
        (CheckSignedInAndExists() ?? CheckNotMerged()) is { } refused
            ? new CommandResult(refused)
            : await WriteComment(await Thread.HideAsync(state, commentId, reason, clock.GetUtcNow()));

    public async Task<CommandResult<string>> AcceptAsync(string? ideaId)
    {
        if (CheckFacilitatorDecision() is { } refused)
        {
            return new CommandResult<string>(null, refused);
        }

        var created = string.IsNullOrEmpty(ideaId);
        CommandResult linked;
        if (created)
        {
            // Derived from this challenge, so a retry after a failure reaches the same idea instead of making a second one.
            ideaId = IdeaIds.ForChallenge(Id);
            linked = await GrainFactory.GetGrain<IIdeaGrain>(ideaId).CreateFromChallengeAsync(new IdeaInput(S.Title, S.Body, S.Category), Id);
        }
        else if (!Ids.IsWellFormed(ideaId))
        {
            return CommandResult<string>.Reject("notFound", "ideaId");
        }
        else
        {
            linked = await GrainFactory.GetGrain<IIdeaGrain>(ideaId!).LinkChallengeAsync(Id);
        }

        if (!linked.Succeeded)
        {
            return new CommandResult<string>(null, linked.Rejection! with { Field = linked.Rejection.Field ?? "ideaId" });
        }

        S.Status = ChallengeStatus.Accepted;
        S.IdeaId = ideaId;
        Decide();
        var snapshot = Snapshot();
        await committer.CommitAsync([Event(ChallengeEvents.Accepted, new ChallengeAcceptedEvent(Id, ideaId!, created))]);
        live.Publish(snapshot);
        return CommandResult<string>.Success(ideaId!);
    }

    public async Task<CommandResult> MergeAsync(string? intoId)
    {
        if (CheckFacilitatorDecision() is { } refused)
        {
            return new CommandResult(refused);
        }

        if (string.IsNullOrEmpty(intoId))
        {
            return CommandResult.Reject("required", "intoId");
        }

        if (intoId == Id)
        {
            return CommandResult.Reject("mergeIntoSelf", "intoId");
        }

        if (!Ids.IsWellFormed(intoId))
        {
            return CommandResult.Reject("notFound", "intoId");
        }

        CommandResult<int> absorbed;
        merging = true;
        mergeTarget = intoId;
        try
        {
            var package = new MergePackage(
                Id,
                [.. await supporters.AllAsync(state)],
                [.. await followers.AllAsync(state), S.AuthorId],
                await Thread.AllAsync(state));
            absorbed = await GrainFactory.GetGrain<IChallengeGrain>(intoId).AbsorbAsync(package);
        }
        finally
        {
            merging = false;
            mergeTarget = null;
        }

        if (!absorbed.Succeeded)
        {
            return new CommandResult(absorbed.Rejection! with { Field = absorbed.Rejection.Field ?? "intoId" });
        }

        S.Status = ChallengeStatus.Merged;
        S.MergedIntoId = intoId;
        Decide();
        var snapshot = Snapshot();
        await committer.CommitAsync([Event(ChallengeEvents.Merged, new ChallengeMergedEvent(Id, intoId))]);
        live.Publish(snapshot);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> DeclineAsync(string? reason)
    {
        if (CheckFacilitatorDecision() is { } refused)
        {
            return new CommandResult(refused);
        }

        if (ChallengeRules.CheckReason(reason) is { } invalid)
        {
            return new CommandResult(invalid);
        }

        S.Status = ChallengeStatus.Declined;
        S.DeclineReason = TextRules.Normalize(reason);
        Decide();
        var snapshot = Snapshot();
        await committer.CommitAsync([Event(ChallengeEvents.Declined, new ChallengeDeclinedEvent(Id, S.DeclineReason))]);
        live.Publish(snapshot);
        return CommandResult.Ok;
    }

    public async Task<CommandResult<int>> AbsorbAsync(MergePackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (!CallerFacilitates)
        {
            return CommandResult<int>.Reject("forbidden");
        }

        if (!Exists)
        {
            return CommandResult<int>.Reject("notFound", "intoId");
        }

        // Everything is loaded before the checks and the first change, so no await falls between a check, the change it
        // allows and its commit: Absorb interleaves (see IChallengeGrain.AbsorbAsync), and two hand-overs of one duplicate
        // must not both pass the check below.
        await supporters.AllAsync(state);
        await followers.AllAsync(state);
        await Thread.AllAsync(state);
        if (S.AbsorbedFrom.Contains(package.FromId, StringComparer.Ordinal))
        {
            return CommandResult<int>.Success(S.SupportCount);
        }

        if (S.Status is ChallengeStatus.Merged or ChallengeStatus.Declined)
        {
            // Merging into a challenge that is itself gone would hide the supporters twice over.
            return CommandResult<int>.Reject("targetClosed", "intoId");
        }

        if (merging && !(mergeTarget == package.FromId && string.CompareOrdinal(Id, package.FromId) < 0))
        {
            // This challenge is being merged away itself: the other merge is refused at once instead of each waiting on the
            // other until Orleans' call timeout. When two challenges are merged into each other at the same moment, the
            // one with the smaller id takes the other in, and its own merge is refused by the other the same way.
            return CommandResult<int>.Reject("conflict", "intoId");
        }

        var now = clock.GetUtcNow();
        var rows = new List<RowChange>();
        foreach (var person in package.SupporterIds)
        {
            if (await supporters.AddAsync(state, person, now) is { } row)
            {
                rows.Add(row);
                S.SupportCount++;
            }
        }

        foreach (var person in package.FollowerIds.Distinct(StringComparer.Ordinal))
        {
            if (await followers.AddAsync(state, person, now) is { } row)
            {
                rows.Add(row);
                S.FollowerCount++;
            }
        }

        var (commentRows, visible, next) = await Thread.AbsorbAsync(state, package.Comments, package.FromId, S.NextCommentNumber);
        rows.AddRange(commentRows);
        S.NextCommentNumber = next;
        S.CommentCount += visible;
        S.AbsorbedFrom.Add(package.FromId);
        var snapshot = Snapshot(commentsChanged: commentRows.Count > 0);
        await committer.CommitAsync(
            [Event(ChallengeEvents.Absorbed, new ChallengeAbsorbedEvent(Id, package.FromId, S.SupportCount, S.CommentCount))], rows);
        live.Publish(snapshot);
        return CommandResult<int>.Success(S.SupportCount);
    }

    public async Task<IReadOnlyList<string>> GetAudienceAsync()
    {
        if (!Exists)
        {
            return [];
        }

        var people = new HashSet<string>(StringComparer.Ordinal) { S.AuthorId };
        people.UnionWith(await supporters.AllAsync(state));
        people.UnionWith(await followers.AllAsync(state));
        return [.. people];
    }

    public Task<ItemSnapshot?> SubscribeAsync(IItemObserver observer)
    {
        if (!Exists)
        {
            return Task.FromResult<ItemSnapshot?>(null);
        }

        live.Subscribe(observer, ServiceProvider);
        return Task.FromResult<ItemSnapshot?>(Current());
    }

    public Task UnsubscribeAsync(IItemObserver observer)
    {
        live.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task<CommandResult<ChallengeDetails>> Submit(ChallengeInput input, ProxyEntryInput? proxy)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Caller.Id is not { } author)
        {
            return CommandResult<ChallengeDetails>.Reject("unauthenticated");
        }

        if (Exists)
        {
            return CommandResult<ChallengeDetails>.Reject("alreadyExists");
        }

        if (ChallengeRules.Check(input) is { } invalid)
        {
            return new CommandResult<ChallengeDetails>(null, invalid);
        }

        var clean = ChallengeRules.Normalize(input);
        state.State = new ChallengeState
        {
            Title = clean.Title,
            Body = clean.Body!,
            Category = clean.Category!,
            PlaceText = clean.Place?.Text,
            Latitude = clean.Place?.Latitude,
            Longitude = clean.Place?.Longitude,
            AuthorId = author,
            ProxyChannel = proxy?.Channel,
            OnBehalfOf = proxy is null ? null : NullIfEmpty(TextRules.Normalize(proxy.OnBehalfOf)),
            Created = clock.GetUtcNow(),
            Status = ChallengeStatus.Open,
        };
        var submitted = new ChallengeSubmittedEvent(Id, S.Title!, S.Body, S.Category, Place(), Proxy(), author);
        await committer.CommitAsync([Event(ChallengeEvents.Submitted, submitted)]);
        return CommandResult<ChallengeDetails>.Success(await DetailsAsync());
    }

    private async Task<CommandResult<CommentView>> WriteComment(CommandResult<CommentThread.Change> result)
    {
        if (result.Value is not { } change)
        {
            return new CommandResult<CommentView>(null, result.Rejection);
        }

        S.CommentCount += change.VisibleDelta;
        // Open pages re-read the thread on this: a comment shows up for everyone reading without a reload.
        var snapshot = Snapshot(commentsChanged: true);
        await committer.CommitAsync([change.Event], [change.Row]);
        live.Publish(snapshot);
        return CommandResult<CommentView>.Success(change.View);
    }

    private Rejection? CheckSignedInAndExists() =>
        !Caller.IsAuthenticated ? new Rejection("unauthenticated")
        : !Exists ? new Rejection("notFound")
        : null;

    // Support and comments go on while the challenge is open or in the pipeline; a merged one points elsewhere.
    private Rejection? CheckOpenForPeople(bool allowAccepted, bool allowClosed = false) =>
        CheckSignedInAndExists()
        ?? (S.Status switch
        {
            ChallengeStatus.Open => null,
            ChallengeStatus.Accepted when allowAccepted => null,
            ChallengeStatus.Merged => new Rejection("challengeMerged", null, new Dictionary<string, string> { ["intoId"] = S.MergedIntoId ?? "" }),
            ChallengeStatus.Declined when allowClosed => null,
            _ => new Rejection("notOpen", null, new Dictionary<string, string> { ["status"] = ChallengeWireNames.Format(S.Status) }),
        });

    // A merged challenge's comments live on in the challenge it merged into; changing them here would leave the copies behind.
    private Rejection? CheckNotMerged() =>
        S.Status == ChallengeStatus.Merged ? new Rejection("challengeMerged", null, new Dictionary<string, string> { ["intoId"] = S.MergedIntoId ?? "" }) : null;

    private Rejection? CheckNotMerging() => merging ? new Rejection("conflict") : null;

    public async Task<CommandResult> AddWorkshopContributionAsync(WorkshopContribution from)
    {
        ArgumentNullException.ThrowIfNull(from);
        var refused = !Caller.IsAuthenticated ? new Rejection("unauthenticated")
            : !CallerFacilitates ? new Rejection("forbidden")
            : !Exists ? new Rejection("notFound")
            : WorkshopRules.Check(from);
        if (refused is not null)
        {
            return new CommandResult(refused);
        }

        var key = $"{from.WorkshopId}/{from.SourceId}";
        if (!S.WorkshopSources.Contains(key, StringComparer.Ordinal))
        {
            S.WorkshopSources.Add(key);
            await committer.CommitAsync([Event(ChallengeEvents.WorkshopContributed, new ChallengeWorkshopContributedEvent(
                Id, from.WorkshopId, TextRules.Normalize(from.WorkshopTitle), from.SourceId, TextRules.Normalize(from.Text)))]);
        }

        return CommandResult.Ok;
    }

    private Rejection? CheckFacilitatorDecision() =>
        !Caller.IsAuthenticated ? new Rejection("unauthenticated")
        : !CallerFacilitates ? new Rejection("forbidden")
        : !Exists ? new Rejection("notFound")
        : S.Status != ChallengeStatus.Open ? new Rejection("notOpen", null, new Dictionary<string, string> { ["status"] = ChallengeWireNames.Format(S.Status) })
        : null;

    private void Decide()
    {
        S.Decided = clock.GetUtcNow();
        S.DecidedBy = Caller.Id;
    }

    private async Task<ChallengeDetails> DetailsAsync()
    {
        var caller = Caller.Id;
        var supported = caller is not null && await supporters.ContainsAsync(state, caller);
        var following = caller is not null && await followers.ContainsAsync(state, caller);
        return new ChallengeDetails(Id, S.Title!, S.Body, S.Category, Place(), S.AuthorId, Proxy(), S.Created, S.Status,
            S.SupportCount, S.FollowerCount, S.CommentCount, S.IdeaId, S.MergedIntoId, S.DeclineReason, S.Decided, supported, following);
    }

    // Taken in the turn of the change, so its sequence number follows the order of changes (see ItemObservers).
    // Taken in the turn that makes the change, before its commit, so revisions follow the changes' order.
    private ItemSnapshot Snapshot(bool commentsChanged = false)
    {
        var revision = ++S.LiveRevision;
        if (commentsChanged)
        {
            S.CommentRevision = revision;
        }

        return new(Id, revision, S.SupportCount, ChallengeWireNames.Format(S.Status), null, S.CommentRevision);
    }

    private ItemSnapshot Current() => new(Id, S.LiveRevision, S.SupportCount, ChallengeWireNames.Format(S.Status), null, S.CommentRevision);

    private Place? Place() => S.PlaceText is null && S.Latitude is null ? null : new Place(S.PlaceText, S.Latitude, S.Longitude);

    private ProxyEntry? Proxy() => S.ProxyChannel is { } channel ? new ProxyEntry(channel, S.OnBehalfOf, S.AuthorId) : null;

    private static DomainEvent Event(string type, object data) => new(type, data, Caller.Id);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
