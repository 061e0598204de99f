using Orleans;
using Orleans.Storage;
using LivingLab.Storage;

namespace LivingLab.Tests.Storage;

/// <summary>Row sets: a grain's rows change with its state write, atomically, or not at all.</summary>
public abstract partial class StorageContractTests
{
    private const string Supporters = "supporters";

    [Fact]
    public async Task RowsAreInsertedReplacedAndDeleted()
    {
        var id = NewId();

        await Storage.WriteAsync(new StateWrite(id, "\"1\"", 0, [],
            [new RowChange(Supporters, "user-1", """{"at":1}"""), new RowChange(Supporters, "user-2", """{"at":2}""")]));

        Assert.Equal([new GrainRow("user-1", """{"at":1}"""), new GrainRow("user-2", """{"at":2}""")], await ReadRowsAsync(id, Supporters));

        // Replace one, remove one, and remove one that was never there.
        await Storage.WriteAsync(new StateWrite(id, "\"2\"", 1, [],
            [new RowChange(Supporters, "user-1", """{"at":3}"""), new RowChange(Supporters, "user-2", null), new RowChange(Supporters, "user-9", null)]));

        Assert.Equal([new GrainRow("user-1", """{"at":3}""")], await ReadRowsAsync(id, Supporters));
        Assert.Equal(new GrainRow("user-1", """{"at":3}"""), await Storage.ReadRowAsync(id.GrainType, id.GrainKey, Supporters, "user-1"));
        Assert.Null(await Storage.ReadRowAsync(id.GrainType, id.GrainKey, Supporters, "user-2"));
        Assert.Null(await Storage.ReadRowAsync(id.GrainType, id.GrainKey, Supporters, "user-9"));
        Assert.Equal(new StoredState("\"2\"", 2), await Storage.ReadAsync(id));
        Assert.Empty(await ReadRowsAsync(NewId(), Supporters));
    }

    [Fact]
    public async Task ChangesToOneRowWithinOneWriteApplyInOrder()
    {
        var id = NewId();

        await Storage.WriteAsync(new StateWrite(id, "\"1\"", 0, [],
        [
            new RowChange(Supporters, "a", "\"1\""), new RowChange(Supporters, "a", null),
            new RowChange(Supporters, "b", "\"1\""), new RowChange(Supporters, "b", "\"2\""),
            new RowChange(Supporters, "c", null), new RowChange(Supporters, "c", "\"3\""),
        ]));

        Assert.Equal([new GrainRow("b", "\"2\""), new GrainRow("c", "\"3\"")], await ReadRowsAsync(id, Supporters));
    }

    [Fact]
    public async Task RowsCommitWithTheStateAndItsEventsAndSurviveTheStatesDeletion()
    {
        var start = await LastPositionAsync();
        var id = NewId();

        await Storage.WriteAsync(new StateWrite(id, """{"supporters":1}""", 0, [Event("Supported")], [new RowChange(Supporters, "user-1", "{}")]));

        Assert.Equal(new StoredState("""{"supporters":1}""", 1), await Storage.ReadAsync(id));
        Assert.Equal(["Supported"], (await Storage.ReadEventsAsync(start, 10)).Select(e => e.EventType));
        Assert.Equal([new GrainRow("user-1", "{}")], await ReadRowsAsync(id, Supporters));

        // Rows belong to the grain, not to the state record: deleting the state leaves the rows it did not change.
        Assert.Equal(0, await Storage.WriteAsync(new StateWrite(id, null, 1, [Event("Closed")], [new RowChange("closed-by", "staff-1", "{}")])));

        Assert.Null(await Storage.ReadAsync(id));
        Assert.Equal([new GrainRow("user-1", "{}")], await ReadRowsAsync(id, Supporters));
        Assert.Equal([new GrainRow("staff-1", "{}")], await ReadRowsAsync(id, "closed-by"));
        Assert.Equal(1, await Storage.WriteAsync(new StateWrite(id, "\"again\"", 0, [], [])));
    }

    [Fact]
    public async Task AVersionConflictLeavesNoRowChange()
    {
        var id = NewId();
        await Storage.WriteAsync(new StateWrite(id, "\"1\"", 0, [], [new RowChange(Supporters, "a", "\"kept\"")]));
        var start = await LastPositionAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(new StateWrite(id, "\"stale\"", 0, [Event("Stale")],
            [new RowChange(Supporters, "a", "\"stale\""), new RowChange(Supporters, "b", "\"new\"")])));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(new StateWrite(id, "\"stale\"", 7, [],
            [new RowChange(Supporters, "a", null)])));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(new StateWrite(id, null, 7, [],
            [new RowChange(Supporters, "a", null)])));
        var missing = NewId();
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(new StateWrite(missing, "\"x\"", 3, [],
            [new RowChange(Supporters, "a", "\"orphan\"")])));

        Assert.Equal([new GrainRow("a", "\"kept\"")], await ReadRowsAsync(id, Supporters));
        Assert.Empty(await ReadRowsAsync(missing, Supporters));
        Assert.Equal(new StoredState("\"1\"", 1), await Storage.ReadAsync(id));
        Assert.Empty(await Storage.ReadEventsAsync(start, 10));
    }

    [Fact]
    public async Task RowsOfOtherGrainsAndSetsAreSeparateAndEveryStateOfAGrainSharesThem()
    {
        var id = NewId();
        var otherKey = NewId();
        var otherType = new StateId("test.Challenge", id.GrainKey, StateName);
        var otherStateOfTheGrain = id with { StateName = "profile" };

        await Storage.WriteAsync(new StateWrite(id, "\"1\"", 0, [], [new RowChange(Supporters, "m", "\"A\""), new RowChange("voters", "m", "\"B\"")]));
        await Storage.WriteAsync(new StateWrite(otherKey, "\"1\"", 0, [], [new RowChange(Supporters, "m", "\"C\"")]));
        await Storage.WriteAsync(new StateWrite(otherType, "\"1\"", 0, [], [new RowChange(Supporters, "m", "\"D\"")]));
        await Storage.WriteAsync(new StateWrite(otherStateOfTheGrain, "\"1\"", 0, [], [new RowChange(Supporters, "n", "\"E\"")]));

        Assert.Equal([new GrainRow("m", "\"A\""), new GrainRow("n", "\"E\"")], await ReadRowsAsync(id, Supporters));
        Assert.Equal([new GrainRow("m", "\"B\"")], await ReadRowsAsync(id, "voters"));
        Assert.Equal([new GrainRow("m", "\"C\"")], await ReadRowsAsync(otherKey, Supporters));
        Assert.Empty(await ReadRowsAsync(otherKey, "voters"));
        Assert.Equal([new GrainRow("m", "\"D\"")], await ReadRowsAsync(otherType, Supporters));
        Assert.Equal(new GrainRow("m", "\"B\""), await Storage.ReadRowAsync(id.GrainType, id.GrainKey, "voters", "m"));
        Assert.Null(await Storage.ReadRowAsync(otherType.GrainType, otherType.GrainKey, "voters", "m"));
    }

    [Fact]
    public async Task RowsAreReadInOrdinalMemberOrder()
    {
        var id = NewId();
        // Ordinal is UTF-16 order: 😀 (a surrogate pair, D83D..) sorts before ！ (U+FF01), although its code point,
        // and so its UTF-8 bytes, come after.
        string[] special = ["b", "a", "B", "A", "user-10", "user-2", "ä", "z", "あ", "ア", "漢", "😀", "！", "ﬁ", "a b", "a"];
        var shuffle = new Random(20261122);
        var generated = Enumerable.Range(0, 1000).Select(i => $"m-{i}-{Guid.NewGuid():N}");
        var members = special.Distinct().Concat(generated).OrderBy(_ => shuffle.Next()).ToArray();
        var half = members.Length / 2;

        await Storage.WriteAsync(new StateWrite(id, "\"1\"", 0, [], members[..half].Select(m => new RowChange(Supporters, m, "1")).ToArray()));
        await Storage.WriteAsync(new StateWrite(id, "\"2\"", 1, [], members[half..].Select(m => new RowChange(Supporters, m, "2")).ToArray()));

        var rows = await ReadRowsAsync(id, Supporters);
        Assert.Equal(members.Order(StringComparer.Ordinal), rows.Select(r => r.Member));
        Assert.True(Array.IndexOf(rows.Select(r => r.Member).ToArray(), "😀") < Array.IndexOf(rows.Select(r => r.Member).ToArray(), "！"));
    }

    [Fact]
    public async Task UnicodeMembersAndPayloadsAreKeptLiterally()
    {
        var id = NewId();
        // Look-alikes that normalisation, case folding or trimming would merge must stay separate rows.
        string[] members = ["が", "か\u3099", "é", "e\u0301", "Straße", "STRASSE", "strasse", "Ａ", "A", "member", "member ", " member", "😀👍🏽", "行\t列"];
        string[] payloads =
        [
            """{"note":"ベンチを公園に 🌳","quote":"\"x\"","escaped":"\u00e9"}""",
            "  spaced  ",
            "line\nbreak\r\ntab\t",
            "{\"emoji\":\"👨‍👩‍👧\"}",
            "か\u3099",
            "",
        ];
        var changes = members.Select((m, i) => new RowChange(Supporters, m, payloads[i % payloads.Length])).ToArray();

        await Storage.WriteAsync(new StateWrite(id, "\"1\"", 0, [], changes));

        var rows = await ReadRowsAsync(id, Supporters);
        Assert.Equal(members.Length, rows.Count);
        foreach (var change in changes)
        {
            var row = await Storage.ReadRowAsync(id.GrainType, id.GrainKey, Supporters, change.Member);
            Assert.Equal(new GrainRow(change.Member, change.Payload!), row);
            Assert.Contains(row, rows);
        }

        const string Set = "コメント 💬";
        await Storage.WriteAsync(new StateWrite(id, "\"2\"", 1, [], [new RowChange(Set, "が", "ok")]));
        Assert.Equal([new GrainRow("が", "ok")], await ReadRowsAsync(id, Set));
        Assert.Empty(await ReadRowsAsync(id, "コメント"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task InABatchOnlyTheConflictingWriteLosesItsRowChanges(bool holdTheWriter)
    {
        var contested = NewId();
        await Storage.WriteAsync(new StateWrite(contested, "\"1\"", 0, [], [new RowChange(Supporters, "kept", "\"before\"")]));
        var slow = NewId();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (holdTheWriter)
        {
            // Guarantees a shared batch; without the hook the provider's normal (hook-free) path runs instead.
            Hooks.BeforeEventAppend = write => write.Id == slow ? release.Task : Task.CompletedTask;
        }

        var slowWrite = Storage.WriteAsync(new StateWrite(slow, "\"slow\"", 0, [Event("Slow")], [new RowChange(Supporters, "slow", "\"s\"")]));
        var others = Enumerable.Range(0, 20).Select(_ => NewId()).ToArray();
        var writes = others.Take(10).Select(WriteOther).ToList();
        var conflicting = Storage.WriteAsync(new StateWrite(contested, "\"stale\"", 0, [Event("Stale")],
            [new RowChange(Supporters, "kept", null), new RowChange(Supporters, "stale", "\"x\"")]));
        var valid = Storage.WriteAsync(new StateWrite(contested, "\"2\"", 1, [Event("Second")], [new RowChange(Supporters, "second", "\"y\"")]));
        writes.AddRange(others.Skip(10).Select(WriteOther));
        release.SetResult();

        Assert.Equal(1, await slowWrite);
        await Assert.ThrowsAsync<InconsistentStateException>(() => conflicting);
        Assert.Equal(2, await valid);
        Assert.All(await Task.WhenAll(writes), version => Assert.Equal(1, version));
        Assert.Equal([new GrainRow("kept", "\"before\""), new GrainRow("second", "\"y\"")], await ReadRowsAsync(contested, Supporters));
        Assert.Equal([new GrainRow("slow", "\"s\"")], await ReadRowsAsync(slow, Supporters));
        foreach (var id in others)
        {
            Assert.Equal([new GrainRow("m", $"\"{id.GrainKey}\"")], await ReadRowsAsync(id, Supporters));
            Assert.Equal([new GrainRow("m", "\"vote\"")], await ReadRowsAsync(id, "voters"));
        }

        Task<long> WriteOther(StateId id) => Storage.WriteAsync(new StateWrite(id, "\"ok\"", 0, [Event("Ok")],
            [new RowChange(Supporters, "m", $"\"{id.GrainKey}\""), new RowChange("voters", "m", "\"vote\"")]));
    }

    [Fact]
    public async Task ChangesToOneRowFromWritesOfOneBatchApplyInQueueOrderSkippingConflicts()
    {
        var slow = NewId();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Hooks.BeforeEventAppend = write => write.Id == slow ? release.Task : Task.CompletedTask;
        var slowWrite = Storage.WriteAsync(new StateWrite(slow, "\"slow\"", 0, []));

        // Two states of one grain share its rows, so their writes in one batch may change the same row.
        var a = NewId();
        var b = a with { StateName = "other" };
        Task<long>[] writes =
        [
            Storage.WriteAsync(new StateWrite(a, "\"a1\"", 0, [], [new RowChange(Supporters, "r", "\"a1\""), new RowChange(Supporters, "s", "\"a1\"")])),
            Storage.WriteAsync(new StateWrite(b, "\"b1\"", 0, [], [new RowChange(Supporters, "r", "\"b1\""), new RowChange(Supporters, "t", "\"b1\"")])),
            Storage.WriteAsync(new StateWrite(a, "\"a2\"", 1, [], [new RowChange(Supporters, "r", "\"a2\"")])),
            Storage.WriteAsync(new StateWrite(b, "\"stale\"", 0, [], [new RowChange(Supporters, "r", "\"stale\""), new RowChange(Supporters, "s", null)])),
            Storage.WriteAsync(new StateWrite(b, "\"stale\"", 5, [], [new RowChange(Supporters, "r", "\"stale5\""), new RowChange(Supporters, "u", "\"stale5\"")])),
            Storage.WriteAsync(new StateWrite(a, "\"a3\"", 2, [], [new RowChange(Supporters, "t", null)])),
        ];
        release.SetResult();
        await slowWrite;

        Assert.Equal(1, await writes[0]);
        Assert.Equal(1, await writes[1]);
        Assert.Equal(2, await writes[2]);
        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[3]);
        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[4]);
        Assert.Equal(3, await writes[5]);
        Assert.Equal([new GrainRow("r", "\"a2\""), new GrainRow("s", "\"a1\"")], await ReadRowsAsync(a, Supporters));
    }

    [Fact]
    public async Task AFaultAfterTheRowChangesLeavesNoRowAndLaterWritesWork()
    {
        var faulty = NewId();
        await Storage.WriteAsync(new StateWrite(faulty, "\"1\"", 0, [], [new RowChange(Supporters, "kept", "\"1\"")]));
        Hooks.BeforeEventAppend = write => write.Id == faulty
            ? throw new InvalidOperationException("injected fault")
            : Task.CompletedTask;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Storage.WriteAsync(new StateWrite(faulty, "\"2\"", 1, [Event("Lost")],
            [new RowChange(Supporters, "kept", null), new RowChange(Supporters, "lost", "\"2\"")])));

        Assert.Equal([new GrainRow("kept", "\"1\"")], await ReadRowsAsync(faulty, Supporters));
        var other = NewId();
        Assert.Equal(1, await Storage.WriteAsync(new StateWrite(other, "\"ok\"", 0, [], [new RowChange(Supporters, "ok", "\"ok\"")])));
        Assert.Equal([new GrainRow("ok", "\"ok\"")], await ReadRowsAsync(other, Supporters));

        Hooks.BeforeEventAppend = null;
        Assert.Equal(2, await Storage.WriteAsync(new StateWrite(faulty, "\"2\"", 1, [], [new RowChange(Supporters, "now", "\"2\"")])));
        Assert.Equal([new GrainRow("kept", "\"1\""), new GrainRow("now", "\"2\"")], await ReadRowsAsync(faulty, Supporters));
    }

    private Task<IReadOnlyList<GrainRow>> ReadRowsAsync(StateId id, string set) => Storage.ReadRowsAsync(id.GrainType, id.GrainKey, set);
}
