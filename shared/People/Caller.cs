namespace LivingLab.People;

/// <summary>
/// The person on whose behalf a grain call runs, read from <see cref="RequestContext"/>. The web host sets it per request
/// from the authenticated principal, so grains can refuse staff actions even when called directly.
/// </summary>
public static class Caller
{
    /// <summary>RequestContext key of the caller's person id.</summary>
    public const string IdKey = "caller.id";

    /// <summary>RequestContext key of the caller's roles (a <see cref="string"/>[] of role codes).</summary>
    public const string RolesKey = "caller.roles";

    /// <summary>RequestContext key of the partner organisation id of a caller with the partner role.</summary>
    public const string PartnerIdKey = "caller.partner";

    /// <summary>The actor id that start-up work (such as creating the first admin) records in events.</summary>
    public const string SystemId = "system";

    /// <summary>The caller's person id, or null for an anonymous call.</summary>
    public static string? Id => RequestContext.Get(IdKey) as string;

    // A wrapper, not the stored array: in-silo calls may share the context's values, and code that cast the list back to an
    // array and changed it would change the roles of every call that flows from this one.
    /// <summary>The caller's roles; empty for an anonymous call.</summary>
    public static IReadOnlyList<string> CurrentRoles => StoredRoles is { Length: > 0 } roles ? Array.AsReadOnly(roles) : [];

    /// <summary>The caller's partner organisation id, or null when the caller is not a partner member.</summary>
    public static string? PartnerId => IsInRole(Roles.Partner) ? RequestContext.Get(PartnerIdKey) as string : null;

    /// <summary>Whether the caller is a member of the partner organisation <paramref name="partnerId"/>.</summary>
    public static bool IsMemberOf(string partnerId) => PartnerId is { } own && string.Equals(own, partnerId, StringComparison.Ordinal);

    /// <summary>Whether the call carries a person's identity.</summary>
    public static bool IsAuthenticated => Id is not null;

    /// <summary>Whether the caller holds <paramref name="role"/>.</summary>
    public static bool IsInRole(string role) => StoredRoles?.Contains(role, StringComparer.Ordinal) ?? false;

    /// <summary>Whether the caller is an admin.</summary>
    public static bool IsAdmin => IsInRole(Roles.Admin);

    /// <summary>Whether the caller is the person <paramref name="personId"/>.</summary>
    public static bool Is(string personId) => Id is { } id && string.Equals(id, personId, StringComparison.Ordinal);

    /// <summary>Makes the following calls in this async flow run as this person (the flow's callers are unaffected).</summary>
    public static void Set(string personId, IReadOnlyList<string> roles, string? partnerId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        RequestContext.Set(IdKey, personId);
        // Always a plain string[], the one shape this class reads back, whatever list the caller passed; the copy also keeps
        // later changes to that list out of calls already made.
        RequestContext.Set(RolesKey, roles.ToArray());
        if (partnerId is null)
        {
            RequestContext.Remove(PartnerIdKey);
        }
        else
        {
            RequestContext.Set(PartnerIdKey, partnerId);
        }
    }

    /// <summary>Runs the following calls in this async flow as the system, with the admin role (start-up work only).</summary>
    public static void SetSystem() => Set(SystemId, [Roles.Admin]);

    // Null for an anonymous call, and for a value under the key that Set did not write: anything but an array means no roles.
    private static string[]? StoredRoles => RequestContext.Get(RolesKey) as string[];

    /// <summary>Makes the following calls anonymous.</summary>
    public static void Clear()
    {
        RequestContext.Remove(IdKey);
        RequestContext.Remove(RolesKey);
        RequestContext.Remove(PartnerIdKey);
    }
}
