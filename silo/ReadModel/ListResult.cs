namespace LivingLab.ReadModel;

/// <summary>One page of a read-model list and how many items match in all.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, int Total);
