using System.Globalization;
using LivingLab.People;
using Orleans;

namespace LivingLab.Web.Api;

/// <summary>A person as public responses name them: the id and the display name, never the email.</summary>
public sealed record PersonRef(string Id, string DisplayName);

/// <summary>
/// Resolves person ids to display names for one response, asking each person grain once. Events and grains keep only
/// ids (see ARCHITECTURE.md), so a deleted account shows as 退会したユーザー / "former member" in the request's language.
/// </summary>
public sealed class PersonNames(IGrainFactory grains)
{
    private readonly Dictionary<string, Task<PersonProfile?>> profiles = new(StringComparer.Ordinal);

    /// <summary>Starts looking up every id, so the lookups of one response run in parallel.</summary>
    public PersonNames Prefetch(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            Lookup(id);
        }

        return this;
    }

    /// <summary>The person, or the former-member label when the account no longer exists.</summary>
    public async Task<PersonRef> Get(string id)
    {
        var profile = await Lookup(id);
        return new PersonRef(id, profile?.DisplayName ?? FormerMemberName());
    }

    /// <summary>How a person without an account is shown in the request's language.</summary>
    public static string FormerMemberName() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? FormerMember.DisplayNameEn : FormerMember.DisplayNameJa;

    private Task<PersonProfile?> Lookup(string id)
    {
        if (!profiles.TryGetValue(id, out var profile))
        {
            // An id that cannot be an account (e.g. a hand-edited store) must not activate a person grain.
            profile = Common.Ids.IsWellFormed(id) ? grains.GetGrain<IPersonGrain>(id).GetProfile() : Task.FromResult<PersonProfile?>(null);
            profiles[id] = profile;
        }

        return profile;
    }
}
