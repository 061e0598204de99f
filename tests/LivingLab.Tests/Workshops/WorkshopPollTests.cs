using LivingLab.Common;
using LivingLab.Pipeline;
using LivingLab.Tests.Runtime;
using LivingLab.Workshops;

namespace LivingLab.Tests.Workshops;

/// <summary>A workshop's date poll (日程調整) through the real runtime, on SQLite and on PostgreSQL.</summary>
public abstract class WorkshopPollTests(string provider)
{
    private static readonly DateTimeOffset Saturday = new(2027, 1, 16, 1, 0, 0, TimeSpan.Zero);

    private static readonly PollSlotInput[] Slots =
    [
        new(Saturday.AddDays(7), Saturday.AddDays(7).AddHours(2)),
        new(Saturday, Saturday.AddHours(2)),
        new(Saturday.AddDays(1), Saturday.AddDays(1).AddHours(2)),
    ];

    private static async Task<IWorkshopGrain> OpenDateAsync(TestSilo silo)
    {
        var grain = silo.Grain<IWorkshopGrain>(Ids.New());
        Callers.Facilitator();
        var created = await grain.CreateAsync(new WorkshopInput("勝浦の交通を考える会", "", Stage.Research, [], [], "勝浦公民館", null, 30, false, null, null));
        Assert.True(created.Succeeded, created.Rejection?.ToString());
        return grain;
    }

    [Fact]
    public async Task A_facilitator_offers_slots_in_time_order_and_a_poll_of_one_slot_or_of_two_equal_slots_is_refused()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await OpenDateAsync(silo);

        Callers.Resident("r1");
        var byResident = await grain.OpenPollAsync(Slots);
        Callers.Facilitator();
        var one = await grain.OpenPollAsync(Slots[..1]);
        var same = await grain.OpenPollAsync([Slots[0], Slots[0]]);
        var backwards = await grain.OpenPollAsync([Slots[0], new(Saturday, Saturday.AddHours(-1))]);
        var opened = await grain.OpenPollAsync(Slots);

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal(("tooFew", "slots"), (one.Rejection!.Code, one.Rejection.Field));
        Assert.Equal("duplicateSlot", same.Rejection!.Code);
        Assert.Equal(("endBeforeStart", "slots"), (backwards.Rejection!.Code, backwards.Rejection.Field));
        Assert.Equal([Saturday, Saturday.AddDays(1), Saturday.AddDays(7)], opened.Value!.Slots.Select(s => s.StartsAt));
        Assert.All(opened.Value.Slots, s => Assert.Equal((0, 0, 0), (s.Yes, s.Maybe, s.No)));
    }

    [Fact]
    public async Task Residents_mark_slots_the_public_sees_counts_staff_see_who_and_answering_again_replaces_the_answer()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await OpenDateAsync(silo);
        Callers.Facilitator();
        var slots = (await grain.OpenPollAsync(Slots)).Value!.Slots;
        var (sat, sun, next) = (slots[0].Id, slots[1].Id, slots[2].Id);

        Callers.Anonymous();
        var anonymous = await grain.AnswerPollAsync(new(new Dictionary<string, PollMark> { [sat] = PollMark.Yes }, null));
        Callers.Resident("r1");
        await grain.AnswerPollAsync(new(new Dictionary<string, PollMark> { [sat] = PollMark.No, [sun] = PollMark.Yes }, null));
        var changed = await grain.AnswerPollAsync(new(new Dictionary<string, PollMark> { [sat] = PollMark.Yes, [sun] = PollMark.Maybe, [next] = PollMark.No }, "午後なら"));
        Callers.Resident("r2");
        var unknown = await grain.AnswerPollAsync(new(new Dictionary<string, PollMark> { ["nope"] = PollMark.Yes }, null));
        var empty = await grain.AnswerPollAsync(new(new Dictionary<string, PollMark>(), null));
        var r2 = (await grain.AnswerPollAsync(new(new Dictionary<string, PollMark> { [sat] = PollMark.Yes, [sun] = PollMark.No }, null))).Value!;
        var resent = await grain.AnswerPollAsync(new(new Dictionary<string, PollMark> { [sun] = PollMark.No, [sat] = PollMark.Yes }, ""));
        Callers.Anonymous();
        var publicView = (await grain.GetPollAsync())!;
        Callers.Facilitator();
        var staffView = (await grain.GetPollAsync())!;

        Assert.Equal("unauthenticated", anonymous.Rejection!.Code);
        Assert.Equal(("午後なら", PollMark.Maybe), (changed.Value!.Mine!.Comment, changed.Value.Mine.Marks[sun]));
        Assert.Equal(("unknownSlot", "marks"), (unknown.Rejection!.Code, unknown.Rejection.Field));
        Assert.Equal(("required", "marks"), (empty.Rejection!.Code, empty.Rejection.Field));
        Assert.Equal(PollMark.Yes, r2.Mine!.Marks[sat]);
        Assert.Equal(2, publicView.AnswerCount);
        Assert.Null(publicView.Answers);
        Assert.Null(publicView.Mine);
        Assert.Equal([(2, 0, 0), (0, 1, 1), (0, 0, 1)], publicView.Slots.Select(s => (s.Yes, s.Maybe, s.No)));
        Assert.Equal(["r1", "r2"], staffView.Answers!.Select(a => a.PersonId));
        Assert.False(staffView.Answers![1].Marks.ContainsKey(next));
        // The same answer sent again (a resent form) is kept as it was: no second write, no event.
        Assert.True(resent.Succeeded);
        Assert.Equal(3, (await silo.Storage.ReadEventsAsync(0, 100)).Count(e => e.EventType == WorkshopEvents.PollAnswered));
    }

    [Fact]
    public async Task Fixing_a_slot_sets_the_date_closes_the_poll_and_names_everyone_who_answered()
    {
        await using var store = await SiloStore.CreateAsync(provider);
        await using var silo = await TestSilo.StartAsync(store);
        var grain = await OpenDateAsync(silo);
        Callers.Facilitator();
        var slots = (await grain.OpenPollAsync(Slots)).Value!.Slots;
        foreach (var person in new[] { "r2", "r1" })
        {
            Callers.Resident(person);
            await grain.AnswerPollAsync(new(new Dictionary<string, PollMark> { [slots[1].Id] = PollMark.Yes }, null));
        }

        Callers.Resident("r1");
        var byResident = await grain.FixSlotAsync(slots[1].Id);
        Callers.Facilitator();
        var reshape = await grain.OpenPollAsync(Slots);
        var unknown = await grain.FixSlotAsync("nope");
        var fixedDate = (await grain.FixSlotAsync(slots[1].Id)).Value!;
        Callers.Resident("r3");
        var late = await grain.AnswerPollAsync(new(new Dictionary<string, PollMark> { [slots[0].Id] = PollMark.Yes }, null));
        var poll = (await grain.GetPollAsync())!;

        Assert.Equal("forbidden", byResident.Rejection!.Code);
        Assert.Equal("pollAnswered", reshape.Rejection!.Code);
        Assert.Equal(("unknownSlot", "slotId"), (unknown.Rejection!.Code, unknown.Rejection.Field));
        Assert.Equal((Saturday.AddDays(1), Saturday.AddDays(1).AddHours(2)), (fixedDate.StartsAt!.Value, fixedDate.EndsAt!.Value));
        Assert.Equal("dateFixed", late.Rejection!.Code);
        Assert.Equal(slots[1].Id, poll.FixedSlotId);
        var scheduled = Assert.Single(await silo.Storage.ReadEventsAsync(0, 100), e => e.EventType == WorkshopEvents.Scheduled);
        Assert.Contains("\"answeredPersonIds\":[\"r1\",\"r2\"]", scheduled.Payload);
    }
}

/// <summary>The date poll on SQLite.</summary>
public sealed class SqliteWorkshopPollTests() : WorkshopPollTests("Sqlite");

/// <summary>The date poll on PostgreSQL.</summary>
public sealed class PostgresWorkshopPollTests() : WorkshopPollTests("Postgres");
