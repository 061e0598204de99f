using LivingLab.Common;
using LivingLab.Pipeline;
using LivingLab.Tests.Runtime;
using LivingLab.Workshops;

namespace LivingLab.Tests.Workshops;

/// <summary>A workshop's facts and registrations through the real runtime, on SQLite and on PostgreSQL.</summary>
public abstract class WorkshopGrainTests(string provider)
{
    private static readonly DateTimeOffset Start = new(2027, 1, 16, 1, 0, 0, TimeSpan.Zero);

    private static WorkshopInput Input(int capacity = 20, string? place = "飛島総合センター 2階", string? online = null) => new(
        "飛島の買い物をどう届けるか: 課題発見ワークショップ",
        "島の**買い物**の困りごとを出し合います。",
        Stage.Discovery,
        [],
        [],
        place,
        online,
        capacity,
        GuestsAllowed: true,
        Start,
        Start.AddHours(2));

    private static async Task<IWorkshopGrain> CreatedAsync(TestSilo silo, int capacity)
    {
        var grain = silo.Grain<IWorkshopGrain>(Ids.New());
        Callers.Facilitator();
        var created = await grain.CreateAsync(Input(capacity));
        Assert.True(created.Succeeded, created.Rejection?.ToString());
        return grain;
    }

    [Fact]
    public async Task Only_a_facilitator_creates_a_workshop_and_a_refused_one_leaves_nothing_behind()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = silo.Grain<IWorkshopGrain>(Ids.New());

        Callers.Resident("resident-1");
        var byResident = await grain.CreateAsync(Input());
        Callers.Facilitator();
        var nowhere = await grain.CreateAsync(Input(place: "", online: ""));
        var backwards = await grain.CreateAsync(Input() with { EndsAt = Start.AddMinutes(-5) });
        var tooMany = await grain.CreateAsync(Input(capacity: 0));
        var script = await grain.CreateAsync(Input(place: null, online: "javascript:alert(1)"));

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(("placeOrOnlineRequired", "place"), (nowhere.Rejection!.Code, nowhere.Rejection.Field));
        Assert.Equal(("endBeforeStart", "endsAt"), (backwards.Rejection!.Code, backwards.Rejection.Field));
        Assert.Equal(("outOfRange", "capacity"), (tooMany.Rejection!.Code, tooMany.Rejection.Field));
        Assert.Equal(("invalidUrl", "onlineUrl"), (script.Rejection!.Code, script.Rejection.Field));
        Assert.Null(await grain.GetAsync());
        Assert.Empty(await silo.Storage.ReadEventsAsync(0, 100));

        var created = await grain.CreateAsync(Input(online: "https://meet.example.jp/tobishima"));
        var again = await grain.CreateAsync(Input());
        Assert.True(created.Succeeded);
        Assert.Equal("alreadyExists", again.Rejection!.Code);
        var workshop = created.Value!;
        Assert.Equal((Stage.Discovery, WorkshopStatus.Planned, 20, 0, 0), (workshop.Stage, workshop.Status, workshop.Capacity, workshop.RegisteredCount, workshop.WaitingCount));
        Assert.Equal(("飛島総合センター 2階", "https://meet.example.jp/tobishima", Start), (workshop.Place, workshop.OnlineUrl, workshop.StartsAt!.Value));
        Assert.Single(await silo.Storage.ReadEventsAsync(0, 100), e => e.EventType == WorkshopEvents.Created && e.ActorId == "staff-1");
    }

    [Fact]
    public async Task Seats_fill_in_order_then_a_waiting_list_forms_registering_twice_changes_nothing_and_a_freed_seat_goes_to_the_first_waiting()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await CreatedAsync(silo, capacity: 2);

        Callers.Anonymous();
        var anonymous = await grain.RegisterAsync();
        var answers = new List<MyRegistration>();
        foreach (var person in new[] { "r1", "r2", "r3", "r4" })
        {
            Callers.Resident(person);
            answers.Add((await grain.RegisterAsync()).Value!);
        }

        Callers.Resident("r3");
        var twice = (await grain.RegisterAsync()).Value!;
        Callers.Resident("r1");
        var withdrawn = await grain.UnregisterAsync();
        var withdrawnAgain = await grain.UnregisterAsync();
        Callers.Resident("r3");
        var r3 = (await grain.GetAsync())!;
        Callers.Resident("r4");
        var r4 = (await grain.GetAsync())!;

        Assert.Equal("unauthenticated", anonymous.Rejection!.Code);
        Assert.Equal([RegistrationStatus.Registered, RegistrationStatus.Registered, RegistrationStatus.Waiting, RegistrationStatus.Waiting], answers.Select(a => a.Status));
        Assert.Equal([null, null, 1, 2], answers.Select(a => a.WaitingPosition));
        Assert.Equal((RegistrationStatus.Waiting, 1), (twice.Status, twice.WaitingPosition!.Value));
        Assert.True(withdrawn.Succeeded);
        Assert.Equal("notRegistered", withdrawnAgain.Rejection!.Code);
        Assert.Equal(RegistrationStatus.Registered, r3.Mine!.Status);
        Assert.Equal((RegistrationStatus.Waiting, 1), (r4.Mine!.Status, r4.Mine.WaitingPosition!.Value));
        Assert.Equal((2, 1), (r4.RegisteredCount, r4.WaitingCount));
        var events = await silo.Storage.ReadEventsAsync(0, 100);
        Assert.Equal(4, events.Count(e => e.EventType == WorkshopEvents.Registered));
        var promoted = Assert.Single(events, e => e.EventType == WorkshopEvents.Promoted);
        Assert.Contains("\"personId\":\"r3\"", promoted.Payload);
    }

    [Fact]
    public async Task Two_hundred_parallel_registrations_for_twenty_seats_give_exactly_twenty_seats_and_a_waiting_list_in_arrival_order()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await CreatedAsync(silo, capacity: 20);

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            Callers.Resident($"p{i:000}");
            var result = await grain.RegisterAsync();
            return (Person: $"p{i:000}", result.Value!);
        })));

        Callers.Facilitator();
        var list = (await grain.GetRegistrationsAsync()).Value!;
        var seats = list.Where(r => r.Status == RegistrationStatus.Registered).ToList();
        var waiting = list.Where(r => r.Status == RegistrationStatus.Waiting).ToList();
        Assert.Equal(20, seats.Count);
        Assert.Equal(180, waiting.Count);
        Assert.Equal(Enumerable.Range(1, 180), waiting.Select(w => w.WaitingPosition!.Value));
        // What each caller was told is what is stored: the same seat, or the same place in the queue.
        foreach (var (person, told) in answers)
        {
            var stored = Assert.Single(list, r => r.PersonId == person);
            Assert.Equal((told.Status, told.WaitingPosition), (stored.Status, stored.WaitingPosition));
        }

        // The registration events, read in the order they were stored, are the order of the waiting list.
        var registered = (await silo.Storage.ReadEventsAsync(0, 1000)).Where(e => e.EventType == WorkshopEvents.Registered).ToList();
        Assert.Equal(200, registered.Count);
        var waitingInEventOrder = registered.Where(e => e.Payload.Contains("\"status\":\"waiting\"", StringComparison.Ordinal))
            .Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("personId").GetString()).ToList();
        Assert.Equal(waiting.Select(w => w.PersonId), waitingInEventOrder);
        Assert.Equal((20, 180), ((await grain.GetAsync())!.RegisteredCount, (await grain.GetAsync())!.WaitingCount));
    }

    [Fact]
    public async Task Staff_register_someone_without_an_account_whose_name_and_contact_only_staff_see_and_no_event_holds()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await CreatedAsync(silo, capacity: 1);

        Callers.Resident("r1");
        var byResident = await grain.RegisterOfflineAsync(new OfflineParticipantInput("佐藤 ハナ", "0234-95-0000"));
        var residentList = await grain.GetRegistrationsAsync();
        Callers.Facilitator();
        var noName = await grain.RegisterOfflineAsync(new OfflineParticipantInput(" ", "0234-95-0000"));
        var hana = await grain.RegisterOfflineAsync(new OfflineParticipantInput("佐藤 ハナ", "0234-95-0000（勝浦の自宅）"));
        var jiro = await grain.RegisterOfflineAsync(new OfflineParticipantInput("本間 次郎", "勝浦町内会経由"));
        var list = (await grain.GetRegistrationsAsync()).Value!;
        var removed = await grain.RemoveRegistrationAsync(hana.Value!.Id);
        var after = (await grain.GetRegistrationsAsync()).Value!;

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal("forbidden", residentList.Rejection!.Code);
        Assert.Equal(("required", "name"), (noName.Rejection!.Code, noName.Rejection.Field));
        Assert.StartsWith("offline-", hana.Value.Id, StringComparison.Ordinal);
        Assert.Equal((null, "佐藤 ハナ", RegistrationStatus.Registered, "staff-1"), (hana.Value.PersonId, hana.Value.Name, hana.Value.Status, hana.Value.EnteredBy));
        Assert.Equal(RegistrationStatus.Waiting, jiro.Value!.Status);
        Assert.Equal(["佐藤 ハナ", "本間 次郎"], list.Select(r => r.Name));
        Assert.True(removed.Succeeded);
        Assert.Equal(("本間 次郎", RegistrationStatus.Registered), (Assert.Single(after).Name, after[0].Status));
        foreach (var e in await silo.Storage.ReadEventsAsync(0, 100))
        {
            Assert.DoesNotContain("佐藤", e.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain("0234", e.Payload, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task More_seats_promote_the_waiting_in_order_and_fewer_seats_than_registered_is_refused()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await CreatedAsync(silo, capacity: 2);
        foreach (var person in new[] { "r1", "r2", "r3", "r4", "r5" })
        {
            Callers.Resident(person);
            await grain.RegisterAsync();
        }

        Callers.Facilitator();
        var fewer = await grain.EditAsync(Input(capacity: 1));
        var more = await grain.EditAsync(Input(capacity: 4));
        var list = (await grain.GetRegistrationsAsync()).Value!;

        Assert.Equal(("capacityBelowRegistered", "capacity", "2"), (fewer.Rejection!.Code, fewer.Rejection.Field, fewer.Rejection.Values!["registered"]));
        Assert.Equal((4, 4, 1), (more.Value!.Capacity, more.Value.RegisteredCount, more.Value.WaitingCount));
        Assert.Equal(["r1", "r2", "r3", "r4"], list.Where(r => r.Status == RegistrationStatus.Registered).Select(r => r.PersonId));
        Assert.Equal("r5", Assert.Single(list, r => r.Status == RegistrationStatus.Waiting).PersonId);
    }

    [Fact]
    public async Task A_cancelled_or_ended_workshop_takes_no_registration_and_the_cancellation_names_who_to_tell()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var ended = await CreatedAsync(silo, capacity: 5);
        var cancelled = await CreatedAsync(silo, capacity: 5);
        Callers.Resident("r1");
        await cancelled.RegisterAsync();

        Callers.Facilitator();
        var noReason = await cancelled.CancelAsync("  ");
        var called = await cancelled.CancelAsync("台風の接近のため中止します。");
        silo.Clock.Advance(Start.AddHours(3) - silo.Clock.GetUtcNow());
        Callers.Resident("r2");
        var late = await ended.RegisterAsync();
        var tooLate = await cancelled.RegisterAsync();

        Assert.Equal(("required", "reason"), (noReason.Rejection!.Code, noReason.Rejection.Field));
        Assert.Equal((WorkshopStatus.Cancelled, "台風の接近のため中止します。"), (called.Value!.Status, called.Value.StatusReason));
        Assert.Equal("workshopEnded", late.Rejection!.Code);
        Assert.Equal("workshopCancelled", tooLate.Rejection!.Code);
        var cancellation = Assert.Single(await silo.Storage.ReadEventsAsync(0, 100), e => e.EventType == WorkshopEvents.Cancelled);
        Assert.Contains("\"registeredPersonIds\":[\"r1\"]", cancellation.Payload);
    }

    [Fact]
    public async Task The_waiting_list_keeps_its_order_after_the_silo_restarts()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        string id;
        await using (var silo = await TestSilo.StartAsync(store))
        {
            var grain = await CreatedAsync(silo, capacity: 1);
            id = grain.GetPrimaryKeyString();
            foreach (var person in new[] { "r1", "r2", "r3", "r4" })
            {
                Callers.Resident(person);
                await grain.RegisterAsync();
            }
        }

        await using var restarted = await TestSilo.StartAsync(store);
        var again = restarted.Grain<IWorkshopGrain>(id);
        Callers.Resident("r1");
        await again.UnregisterAsync();
        Callers.Resident("r5");
        var r5 = (await again.RegisterAsync()).Value!;
        Callers.Facilitator();
        var list = (await again.GetRegistrationsAsync()).Value!;

        Assert.Equal(["r2", "r3", "r4", "r5"], list.Select(r => r.PersonId));
        Assert.Equal([null, 1, 2, 3], list.Select(r => r.WaitingPosition));
        Assert.Equal(3, r5.WaitingPosition);
    }
}

/// <summary>WorkshopGrain behaviour on SQLite.</summary>
public sealed class SqliteWorkshopGrainTests() : WorkshopGrainTests("Sqlite");

/// <summary>WorkshopGrain behaviour on PostgreSQL.</summary>
public sealed class PostgresWorkshopGrainTests() : WorkshopGrainTests("Postgres");
