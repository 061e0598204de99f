using LivingLab.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LivingLab.Challenges;
using LivingLab.Comments;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Partners;
using LivingLab.People;
using LivingLab.Pipeline;
using LivingLab.Storage;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using LivingLab.Site;
using Microsoft.Extensions.Logging;

namespace LivingLab.Demo;

/// <summary>What a seeding run did: where the demo marker stands, the demo accounts it created, and the steps it ran.</summary>
public sealed record DemoSeedResult(DemoTownProgress Progress, IReadOnlyList<DemoCredential> NewAccounts, int Steps);

/// <summary>
/// Seeds the demo town through the grains, exactly as people would have built it: accounts, partner companies,
/// challenges (some by proxy entry), supports, comments, decisions, ideas moved through their gates with rationale and
/// evidence, partner applications, KPIs and measurements. Every step first checks whether it is already done and every
/// id is derived from the data (people are found by email), so a run that stopped half-way is completed by the next
/// instead of duplicated. One node seeds at a time, under a lease in the demo marker: a node that only reads could keep
/// stale activations of grains the seeding node is writing. Steps run in the order of their dates, stamped through
/// <see cref="DemoClock.TravelTo"/>, so the event log reads as a town's last fourteen months.
/// </summary>
public sealed partial class DemoTownSeeder(IGrainFactory grains, IStateStore storage, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<DemoTownSeeder> logger)
{
    // The events a fresh store can hold before the seeder looks: the first admin that start-up creates from settings.
    private static readonly HashSet<string> FirstAdminEvents = new(StringComparer.Ordinal) { "EmailClaimed", "PersonRegistered", "PersonRolesChanged" };

    private const int MaxAttempts = 5;

    // Long enough that a busy node renews well in time, short enough that a node that died is replaced at the next start soon after.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    // Who this seeder is to the demo marker: one per host process.
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private IGrainFactory Grains => grains;

    private ILogger Logger => logger;

    /// <summary>
    /// Seeds the demo town unless this store already decided: a completed or skipped demo is left alone, an unfinished
    /// one resumes (unless another node holds it), and a store that holds anything beyond the first admin is marked
    /// skipped and never seeded. Cancelling stops between two steps and hands the work to the next start.
    /// </summary>
    public async Task<DemoSeedResult> SeedIfEmptyAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        // Start-up work acts as the system; RequestContext changes stay inside this async call.
        Caller.SetSystem();
        var marker = grains.GetGrain<IDemoTownGrain>(IDemoTownGrain.Key);
        var status = await marker.GetAsync();
        if (status.Progress is DemoTownProgress.NotStarted or DemoTownProgress.Seeding)
        {
            var empty = status.Progress == DemoTownProgress.Seeding || await StoreIsEmptyAsync(cancellationToken);
            status = Expect(await RetryAsync(() => marker.BeginAsync(empty, owner, Lease)), "begin the demo town").Value!;
        }

        switch (status.Progress)
        {
            case DemoTownProgress.Completed:
                logger.LogDebug("The demo town was seeded on {Finished}; nothing to do.", status.Finished);
                return new DemoSeedResult(status.Progress, [], 0);
            case DemoTownProgress.Skipped:
                logger.LogInformation("The store already held data when the demo was first enabled, so no demo town is seeded here.");
                return new DemoSeedResult(status.Progress, [], 0);
            case DemoTownProgress.Seeding when status.Owner != owner:
                logger.LogInformation("Another node is seeding the demo town (until {LeaseUntil} at least); this one leaves it to that node.", status.LeaseUntil);
                return new DemoSeedResult(status.Progress, [], 0);
        }

        var renewed = clock.GetTimestamp();
        async Task HeartbeatAsync()
        {
            if (clock.GetElapsedTime(renewed) >= Lease / 4)
            {
                Caller.SetSystem();
                Expect(await RetryAsync(() => marker.RenewAsync(owner, Lease)), "keep the demo town's lease");
                renewed = clock.GetTimestamp();
            }
        }

        DemoSeedResult result;
        try
        {
            result = await RunStepsAsync(status.Anchor!.Value, progress, HeartbeatAsync, cancellationToken);
        }
        catch
        {
            // A node stopping mid-way (cancelled or failed) lets the next start resume at once instead of waiting for
            // the lease to run out; if even that fails, the lease still runs out.
            try
            {
                await RetryAsync(() => marker.ReleaseAsync(owner));
            }
            catch (Exception release)
            {
                logger.LogDebug(release, "The demo town's lease could not be released; it runs out by itself.");
            }

            throw;
        }

        Caller.SetSystem();
        var completed = Expect(await RetryAsync(() => marker.CompleteAsync(owner)), "complete the demo town").Value!;
        return result with { Progress = completed.Progress };
    }

    /// <summary>
    /// Runs every step of the demo town whose timeline ends at <paramref name="anchor"/>, doing only what is not done yet;
    /// leaves the demo marker alone. Cancelling stops between two steps.
    /// </summary>
    public Task<DemoSeedResult> RunAsync(DateTimeOffset anchor, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        RunStepsAsync(anchor, progress, null, cancellationToken);

    private async Task<DemoSeedResult> RunStepsAsync(DateTimeOffset anchor, IProgress<int>? progress, Func<Task>? heartbeat, CancellationToken cancellationToken)
    {
        var run = new Run(this, anchor);
        var steps = run.Plan();
        logger.LogInformation("Seeding the demo town: {Steps} steps.", steps.Count);
        var done = 0;
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunStepAsync(step);
            // Not inside the Report call: with no progress the whole call, increment included, would be skipped.
            done++;
            progress?.Report(done);
            if (heartbeat is not null)
            {
                await heartbeat();
            }
        }

        logger.LogInformation(
            "The demo town is ready: {Challenges} challenges, {Ideas} ideas, {Partners} partner companies, {People} accounts.",
            DemoChallenges.All.Length, DemoIdeas.All.Length, DemoPartners.All.Length, DemoPeople.All.Count());
        return new DemoSeedResult(DemoTownProgress.Seeding, run.Created, done);
    }

    /// <summary>
    /// Whether the store holds nothing but (at most) the first admin: "empty" is decided from the event log, where every
    /// account, partner, challenge, idea or site setting begins (indexes without events only follow one), so no kind of
    /// data can be overlooked.
    /// </summary>
    public async Task<bool> StoreIsEmptyAsync(CancellationToken cancellationToken = default)
    {
        var events = await storage.ReadEventsAsync(0, FirstAdminEvents.Count + 1, cancellationToken);
        return events.Count <= FirstAdminEvents.Count && events.All(e => FirstAdminEvents.Contains(e.EventType));
    }

    private async Task RunStepAsync(Step step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var at = DemoClock.TravelTo(step.At);
                await step.Action();
                return;
            }
            catch (InconsistentStateException) when (attempt < MaxAttempts)
            {
                // Another node wrote the same grain: the runtime dropped our stale activation, and the step checks again.
            }
        }
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (InconsistentStateException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private static T Expect<T>(T result, string what, params string[] alreadyDone) where T : CommandResult =>
        result.Succeeded || alreadyDone.Contains(result.Rejection!.Code, StringComparer.Ordinal)
            ? result
            : throw new InvalidOperationException($"Demo town: could not {what}: {result.Rejection!.Code}" +
                (result.Rejection.Field is { } field ? $" ({field})" : "") +
                (result.Rejection.Causes is { Count: > 0 } causes ? $": {string.Join(", ", causes.Select(c => c.Code))}" : ""));

    /// <summary>The demo id of a challenge.</summary>
    internal static string ChallengeId(string key) => Ids.For("challenge", "demo", key);

    /// <summary>The demo id of an idea: the one its origin challenge's acceptance creates, or one derived from its key.</summary>
    internal static string IdeaId(DemoIdea idea) =>
        idea.FromChallenge is { } origin ? IdeaIds.ForChallenge(ChallengeId(origin)) : Ids.For("idea", "demo", idea.Key);

    /// <summary>The demo id of a partner company.</summary>
    internal static string PartnerId(string key) => PartnerRules.IdFor("demo", key);

    private sealed record Step(DateTimeOffset At, int Order, string Name, Func<Task> Action);

    /// <summary>One seeding run: the plan of dated steps, and what the steps learn on the way (people's ids).</summary>
    private sealed partial class Run(DemoTownSeeder seeder, DateTimeOffset anchor)
    {
        private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
        private static readonly DemoPerson[] Supporters = [.. DemoPeople.Residents, DemoPeople.RoleAccounts.Single(p => p.Key == "resident")];

        private readonly Dictionary<string, DemoPerson> people = DemoPeople.All.ToDictionary(p => p.Key, StringComparer.Ordinal);
        private readonly Dictionary<string, string> ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DemoIdea> ideas = DemoIdeas.All.ToDictionary(i => i.Key, StringComparer.Ordinal);
        private readonly List<Step> steps = [];

        public List<DemoCredential> Created { get; } = [];

        private IGrainFactory Grains => seeder.Grains;

        public IReadOnlyList<Step> Plan()
        {
            foreach (var person in DemoPeople.All)
            {
                Add(person.Joined, $"account {person.Email}", () => EnsurePersonAsync(person));
            }

            // Right after the accounts to sign in with exist, so a run that stops later never loses their passwords.
            Add(DemoPeople.RoleAccounts.Min(p => p.Joined), "show the demo accounts", ShowCredentials);
            Add(DemoPeople.RoleAccounts.Min(p => p.Joined), "name the demo town", NameTownAsync);
            foreach (var partner in DemoPartners.All)
            {
                Add(partner.Created, $"partner {partner.Key}", () => CreatePartnerAsync(partner));
                foreach (var member in DemoPeople.All.Where(p => p.PartnerKey == partner.Key))
                {
                    Add(partner.Created - 0.05, $"member {member.Key} of {partner.Key}", () => JoinPartnerAsync(member));
                }
            }

            foreach (var challenge in DemoChallenges.All)
            {
                PlanChallenge(challenge);
            }

            foreach (var idea in DemoIdeas.All)
            {
                PlanIdea(idea);
            }

            foreach (var workshop in DemoWorkshops.All)
            {
                PlanWorkshop(workshop);
            }

            // Larger "days ago" first; the plan's own order breaks ties, so data written in order stays in order.
            return [.. steps.OrderBy(s => s.At).ThenBy(s => s.Order)];
        }

        private void PlanChallenge(DemoChallenge c)
        {
            var grain = Grains.GetGrain<IChallengeGrain>(ChallengeId(c.Key));
            Add(c.At, $"challenge {c.Key}", () => SubmitAsync(grain, c));
            var until = c.Outcome is { } outcome ? outcome.At + 0.05 : Math.Max(c.At - 45, 1.2);
            foreach (var (person, at) in Spread(c.Key, c.Author, c.Supporters, c.At - 0.2, until))
            {
                Add(at, $"support {c.Key} by {person.Key}", () => SupportAsync(grain, person.Key));
            }

            PlanComments(c.Key, c.Comments, grain.GetCommentsAsync, grain.CommentAsync);
            switch (c.Outcome)
            {
                case Accepted accepted:
                    var idea = ideas[accepted.IdeaKey];
                    Add(accepted.At, $"accept {c.Key}", () => AcceptAsync(grain, accepted, idea.FromChallenge == c.Key ? null : IdeaId(idea)));
                    break;
                case MergedInto merged:
                    Add(merged.At, $"merge {c.Key}", () => DecideAsync(grain, merged.By, ChallengeStatus.Merged, g => g.MergeAsync(ChallengeId(merged.IntoKey))));
                    break;
                case Declined declined:
                    Add(declined.At, $"decline {c.Key}", () => DecideAsync(grain, declined.By, ChallengeStatus.Declined, g => g.DeclineAsync(declined.Reason)));
                    break;
            }
        }

        private void PlanIdea(DemoIdea idea)
        {
            var grain = Grains.GetGrain<IIdeaGrain>(IdeaId(idea));
            if (idea.FromChallenge is null)
            {
                Add(idea.At, $"idea {idea.Key}", () => ProposeAsync(grain, idea));
            }

            var closed = idea.Steps.OfType<Close>().Select(c => (double?)c.At).FirstOrDefault();
            var until = closed is { } at ? at + 0.05 : Math.Max(idea.At - 120, 1.1);
            foreach (var (person, when) in Spread(idea.Key, idea.ProposedBy, idea.Voters, idea.At - 0.3, until))
            {
                Add(when, $"vote {idea.Key} by {person.Key}", () => VoteAsync(grain, person.Key));
            }

            foreach (var step in idea.Steps)
            {
                Add(step.At, $"{step.GetType().Name} {idea.Key}", () => RunIdeaStepAsync(grain, step));
            }

            PlanComments(idea.Key, idea.Comments, grain.GetCommentsAsync, grain.CommentAsync);
        }

        private void PlanComments(
            string item,
            DemoComment[]? comments,
            Func<Task<CommandResult<IReadOnlyList<CommentView>>>> list,
            Func<CommentInput, Task<CommandResult<CommentView>>> post)
        {
            foreach (var comment in comments ?? [])
            {
                Add(comment.At, $"comment on {item} by {comment.Author}", () => CommentAsync(list, post, comment.Author, comment.Body, null));
                foreach (var reply in comment.Replies)
                {
                    Add(reply.At, $"reply on {item} by {reply.Author}", () => CommentAsync(list, post, reply.Author, reply.Body, comment));
                }
            }
        }

        private void Add(double daysAgo, string name, Func<Task> action) => steps.Add(new Step(Moment(daysAgo), steps.Count, name, action));

        /// <summary>
        /// 19:00 JST on the day <paramref name="daysAgo"/> whole days before the anchor's date, earlier by the fraction
        /// (a tenth of a day is an hour, down to 09:00), so a town's activity happens in the daytime.
        /// </summary>
        private DateTimeOffset Moment(double daysAgo)
        {
            var whole = Math.Floor(daysAgo);
            var day = new DateTimeOffset(anchor.ToOffset(Jst).Date, Jst).AddDays(-whole);
            var moment = day.AddHours(19 - ((daysAgo - whole) * 10));
            // Data keeps every step at least a day back; this only guards against a slip ever dating a step after seeding.
            return moment < anchor ? moment : anchor - TimeSpan.FromSeconds(1);
        }

        /// <summary>The day (in Japan) a step happens on, for measurement dates.</summary>
        private DateOnly DateOf(double daysAgo) => DateOnly.FromDateTime(Moment(daysAgo).ToOffset(Jst).DateTime);

        /// <summary>
        /// <paramref name="count"/> residents other than <paramref name="except"/>, picked from a place in the list that
        /// depends on the item, at evenly spaced moments between <paramref name="from"/> and <paramref name="until"/> days ago.
        /// </summary>
        private static IEnumerable<(DemoPerson Person, double At)> Spread(string item, string except, int count, double from, double until)
        {
            var candidates = Supporters.Where(p => p.Key != except).ToArray();
            var start = (int)(StableHash(item) % (uint)candidates.Length);
            for (var i = 0; i < Math.Min(count, candidates.Length); i++)
            {
                yield return (candidates[(start + (i * 7)) % candidates.Length], from - ((i + 1) * (from - until) / (count + 1)));
            }
        }

        // string.GetHashCode differs between processes; a resumed run must pick the same people.
        private static uint StableHash(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return hash;
        }

        private string Id(string personKey) =>
            ids.TryGetValue(personKey, out var id) ? id : throw new InvalidOperationException($"Demo town: the account '{personKey}' is not set up before its first use.");

        /// <summary>Makes the following grain calls in this async flow run as the demo person.</summary>
        private void As(string personKey)
        {
            var person = people[personKey];
            var roles = person.Role == Roles.Resident ? new[] { Roles.Resident } : [Roles.Resident, person.Role];
            Caller.Set(Id(personKey), roles, person.PartnerKey is { } partner ? PartnerId(partner) : null);
        }

        private async Task EnsurePersonAsync(DemoPerson person)
        {
            var index = Grains.GetGrain<IEmailIndexGrain>(AccountRules.NormalizeEmail(person.Email));
            var id = await index.GetPersonId();
            if (id is null)
            {
                var password = NewPassword();
                var registered = Expect(await index.Register(new Registration(person.Email, password, person.DisplayName)), $"register {person.Email}", "emailTaken");
                if (registered.Value is { } profile)
                {
                    id = profile.Id;
                    if (DemoPeople.RoleAccounts.Contains(person))
                    {
                        Created.Add(new DemoCredential(person.Email, person.Role, person.DisplayName, password));
                    }
                }
                else
                {
                    id = await index.GetPersonId();
                }
            }

            // A claim without an account is what a crash between the two leaves behind; nobody can use that email again.
            var existing = await Grains.GetGrain<IPersonGrain>(id!).GetProfile()
                ?? throw new InvalidOperationException($"Demo town: {person.Email} is claimed by an account that does not exist.");
            ids[person.Key] = existing.Id;
            if (person.Role is Roles.Facilitator or Roles.Admin && !existing.IsInRole(person.Role))
            {
                Caller.SetSystem();
                Expect(await Grains.GetGrain<IPersonGrain>(existing.Id).SetRoles([.. existing.Roles, person.Role], existing.PartnerId), $"give {person.Email} the {person.Role} role");
            }
        }

        private Task ShowCredentials()
        {
            if (Created.Count == 0)
            {
                return Task.CompletedTask;
            }

            var block = new StringBuilder();
            block.AppendLine().AppendLine("==================== LivingLab demo town ====================");
            block.AppendLine("Demo accounts, created now. Their passwords are shown this once and stored nowhere:");
            foreach (var account in Created)
            {
                block.Append(CultureInfo.InvariantCulture, $"  {account.Role,-12} {account.Email,-36} {account.Password}").AppendLine();
            }

            block.AppendLine("Sign in at /api/account/login (or the site's sign-in page). README.md lists what each can do.");
            block.Append("=============================================================");
            seeder.Logger.LogWarning("{DemoAccounts}", block.ToString());
            return Task.CompletedTask;
        }

        private async Task NameTownAsync()
        {
            var site = Grains.GetGrain<ISiteGrain>(ISiteGrain.Key);
            var info = new SiteInfo(
                "みなと市（デモ）",
                "Minato City (demo)",
                "港と島のある町のリビングラボです。ここにある課題・アイデア・人はすべてデモ用の架空のものです（酒田市と飛島の取り組みを参考にしています）。",
                "The living lab of a port town with an island. Every issue, idea and person here is invented for the demo (modelled on Sakata and Tobishima).");
            if (await site.GetInfo() != info)
            {
                Expect(await site.Update(info, Id("admin")), "name the demo town");
            }
        }

        private async Task CreatePartnerAsync(DemoPartner partner)
        {
            var grain = Grains.GetGrain<IPartnerGrain>(PartnerId(partner.Key));
            if (await grain.Exists())
            {
                return;
            }

            As(partner.CreatedBy);
            Expect(await grain.Create(new PartnerInput(partner.Name, partner.Description, partner.Website, partner.Contact)), $"create partner {partner.Key}", "alreadyExists");
        }

        private async Task JoinPartnerAsync(DemoPerson member)
        {
            var person = Grains.GetGrain<IPersonGrain>(Id(member.Key));
            var profile = (await person.GetProfile())!;
            var partnerId = PartnerId(member.PartnerKey!);
            if (profile.IsInRole(Roles.Partner) && profile.PartnerId == partnerId)
            {
                return;
            }

            Caller.SetSystem();
            Expect(await person.SetRoles([.. profile.Roles.Where(r => r != Roles.Partner), Roles.Partner], partnerId), $"make {member.Email} a member of {member.PartnerKey}");
        }

        private async Task SubmitAsync(IChallengeGrain grain, DemoChallenge c)
        {
            As(c.Author);
            if (await grain.GetAsync() is not null)
            {
                return;
            }

            var place = c.Place is null && c.Latitude is null ? null : new Place(c.Place, c.Latitude, c.Longitude);
            var input = new ChallengeInput(c.Title, c.Body, c.Category, place);
            var submitted = c.Proxy is { } proxy ? await grain.SubmitOnBehalfAsync(input, proxy) : await grain.SubmitAsync(input);
            Expect(submitted, $"post challenge {c.Key}", "alreadyExists");
        }

        private async Task SupportAsync(IChallengeGrain grain, string personKey)
        {
            As(personKey);
            if ((await grain.GetAsync())!.SupportedByCaller)
            {
                return;
            }

            Expect(await grain.SupportAsync(), $"support as {personKey}", "alreadySupported");
        }

        private async Task AcceptAsync(IChallengeGrain grain, Accepted accepted, string? ideaId)
        {
            As(accepted.By);
            if ((await grain.GetAsync())!.Status == ChallengeStatus.Accepted)
            {
                return;
            }

            Expect(await grain.AcceptAsync(ideaId), $"accept into {accepted.IdeaKey}");
        }

        private async Task DecideAsync(IChallengeGrain grain, string by, ChallengeStatus outcome, Func<IChallengeGrain, Task<CommandResult>> decide)
        {
            As(by);
            if ((await grain.GetAsync())!.Status == outcome)
            {
                return;
            }

            Expect(await decide(grain), $"{outcome} a challenge");
        }

        private async Task CommentAsync(
            Func<Task<CommandResult<IReadOnlyList<CommentView>>>> list,
            Func<CommentInput, Task<CommandResult<CommentView>>> post,
            string author,
            string body,
            DemoComment? parent)
        {
            As(author);
            var thread = Expect(await list(), "read a thread").Value!.Where(c => c.MergedFrom is null).ToArray();
            var text = TextRules.Normalize(body);
            if (thread.Any(c => c.AuthorId == Id(author) && c.Body == text))
            {
                return;
            }

            string? parentId = null;
            if (parent is not null)
            {
                var parentText = TextRules.Normalize(parent.Body);
                parentId = thread.Single(c => c.ParentId is null && c.AuthorId == Id(parent.Author) && c.Body == parentText).Id;
            }

            Expect(await post(new CommentInput(body, parentId)), $"comment as {author}");
        }

        private async Task ProposeAsync(IIdeaGrain grain, DemoIdea idea)
        {
            As(idea.ProposedBy);
            if (await grain.GetAsync() is not null)
            {
                return;
            }

            Expect(await grain.ProposeAsync(new IdeaInput(idea.Title, idea.Summary, idea.Category)), $"propose idea {idea.Key}", "alreadyExists");
        }

        private async Task VoteAsync(IIdeaGrain grain, string personKey)
        {
            As(personKey);
            if ((await grain.GetAsync())!.VotedByCaller)
            {
                return;
            }

            Expect(await grain.VoteAsync(), $"vote as {personKey}", "alreadyVoted");
        }

        private async Task RunIdeaStepAsync(IIdeaGrain grain, DemoIdeaStep step)
        {
            switch (step)
            {
                case Advance advance:
                    As(advance.By);
                    if ((await grain.GetAsync())!.Stage < advance.To)
                    {
                        Expect(await grain.AdvanceAsync(new AdvanceInput(advance.To, advance.Rationale, advance.Evidence)), $"move to {advance.To}");
                    }

                    break;
                case AddKpi kpi:
                    As(kpi.By);
                    if (!(await grain.GetAsync())!.Kpis.Any(k => k.Name == kpi.Name))
                    {
                        Expect(await grain.AddKpiAsync(new KpiInput(kpi.Name, kpi.Unit, kpi.Baseline, kpi.Target)), $"add KPI {kpi.Name}");
                    }

                    break;
                case Measure measure:
                    As(measure.By);
                    var measured = (await grain.GetAsync())!;
                    var kpiId = measured.Kpis.Single(k => k.Name == measure.Kpi).Id;
                    var date = DateOf(measure.At);
                    if (!measured.Measurements.Any(m => m.KpiId == kpiId && m.Date == date))
                    {
                        Expect(await grain.RecordMeasurementAsync(kpiId, new MeasurementInput(measure.Value, date, measure.Note)), $"measure {measure.Kpi}");
                    }

                    break;
                case Apply apply:
                    As(apply.Member);
                    var partnerId = PartnerId(people[apply.Member].PartnerKey!);
                    if (!(await grain.GetAsync())!.Applications.Any(a => a.PartnerId == partnerId))
                    {
                        Expect(await grain.ApplyAsPartnerAsync(apply.Proposal), $"apply as {apply.Member}", "alreadyApplied");
                    }

                    break;
                case Decide decide:
                    As(decide.By);
                    var application = (await grain.GetAsync())!.Applications.Last(a => a.PartnerId == PartnerId(decide.PartnerKey));
                    if (application.Status == ApplicationStatus.Pending)
                    {
                        Expect(await grain.DecideApplicationAsync(application.Id, decide.Accept, decide.Reason), $"decide on {decide.PartnerKey}", "alreadyDecided");
                    }

                    break;
                case SetOperator setOperator:
                    As(setOperator.By);
                    var op = setOperator.PartnerKey is { } partner ? IdeaOperator.Partner(PartnerId(partner)) : IdeaOperator.Town;
                    if ((await grain.GetAsync())!.Operator != op)
                    {
                        Expect(await grain.SetOperatorAsync(op), "set the operator");
                    }

                    break;
                case Close close:
                    As(close.By);
                    if ((await grain.GetAsync())!.Status != close.Status)
                    {
                        Expect(await grain.CloseAsync(close.Status, close.Reason), $"close as {close.Status}");
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Demo town: unknown idea step {step.GetType().Name}.");
            }
        }

        // Letters and digits that cannot be confused when read off a console (no 0/O, 1/l/I).
        private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

        /// <summary>A random password of four groups of four (about 93 bits), easy to copy from a console.</summary>
        private static string NewPassword()
        {
            var chars = RandomNumberGenerator.GetItems<char>(PasswordAlphabet, 16);
            return string.Join('-', chars.Chunk(4).Select(g => new string(g)));
        }
    }
}
