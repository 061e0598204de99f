namespace LivingLab.Common;

/// <summary>
/// Why a command was refused: a stable machine code (e.g. "alreadyVoted", "wrongStage", "forbidden", "tooLong"),
/// the field it concerns, and values for the human message. The web layer turns it into ja/en text and an HTTP status.
/// <see cref="Causes"/> lists every unmet condition when one refusal has several (a stage gate: no operator and no KPI).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.Rejection")]
public sealed record Rejection(
    string Code,
    string? Field = null,
    IReadOnlyDictionary<string, string>? Values = null,
    IReadOnlyList<Rejection>? Causes = null);

/// <summary>The outcome of a grain command: success, or an expected refusal with its reason (exceptions are for faults).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.CommandResult")]
public record CommandResult(Rejection? Rejection)
{
    /// <summary>The command succeeded.</summary>
    public static CommandResult Ok { get; } = new((Rejection?)null);

    /// <summary>True when nothing refused the command.</summary>
    public bool Succeeded => Rejection is null;

    /// <summary>A refusal with a code and, when it concerns one, the field.</summary>
    public static CommandResult Reject(string code, string? field = null, IReadOnlyDictionary<string, string>? values = null) =>
        new(new Rejection(code, field, values));
}

/// <summary>The outcome of a grain command that produces a value on success.</summary>
// Immutable only while T is: every T in the grain interfaces is a primitive, an immutable record or a read-only list of
// them. A mutable T would be shared between grains of one silo instead of copied.
[GenerateSerializer]
[Immutable]
[Alias("ll.CommandResult`1")]
public sealed record CommandResult<T>(T? Value, Rejection? Rejection) : CommandResult(Rejection)
{
    /// <summary>Success with a value.</summary>
    public static CommandResult<T> Success(T value) => new(value, null);

    /// <summary>A refusal with a code and, when it concerns one, the field.</summary>
    public static new CommandResult<T> Reject(string code, string? field = null, IReadOnlyDictionary<string, string>? values = null) =>
        new(default, new Rejection(code, field, values));
}
