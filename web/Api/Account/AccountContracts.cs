using LivingLab.People;

namespace LivingLab.Web.Api.Account;

/// <summary>Body of <c>POST /api/account/register</c>.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName)
{
    public override string ToString() => $"RegisterRequest {{ DisplayName = {DisplayName} }}";
}

/// <summary>Body of <c>POST /api/account/login</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password)
{
    public override string ToString() => "LoginRequest";
}

/// <summary>Body of <c>POST /api/account/tokens</c>.</summary>
public sealed record CreateTokenRequest(string? Name);

/// <summary>Body of <c>POST /api/admin/users/{id}/roles</c>.</summary>
public sealed record SetRolesRequest(IReadOnlyList<string>? Roles, string? PartnerId);

/// <summary>An account as the API shows it: never the email or the password hash.</summary>
public sealed record AccountResponse(string Id, string DisplayName, IReadOnlyList<string> Roles, string? PartnerId)
{
    public static AccountResponse From(PersonProfile profile) => new(profile.Id, profile.DisplayName, profile.Roles, profile.PartnerId);
}

/// <summary>A new token: <see cref="Token"/> appears in this response only.</summary>
public sealed record CreatedTokenResponse(string Id, string Name, DateTimeOffset Created, string Token);
