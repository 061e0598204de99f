using LivingLab.People;

namespace LivingLab.Tests;

/// <summary>
/// Callers for domain tests: each call runs as the person set last (grains read the caller from RequestContext). Set them
/// in the test method itself: a caller set inside an awaited helper does not flow back out of it.
/// </summary>
internal static class Callers
{
    public static void Resident(string id) => Caller.Set(id, [Roles.Resident]);

    public static void Facilitator(string id = "staff-1") => Caller.Set(id, [Roles.Resident, Roles.Facilitator]);

    public static void PartnerMember(string id, string partnerId) => Caller.Set(id, [Roles.Resident, Roles.Partner], partnerId);

    public static void Anonymous() => Caller.Clear();
}
