namespace LivingLab.Web.Features.Admin.People;

/// <summary>One person as the people table shows them: name resolved, roles and partner organisation as they stand.</summary>
public sealed record PersonRow(string Id, string Name, IReadOnlyList<string> Roles, string? PartnerId, DateTimeOffset Registered);
