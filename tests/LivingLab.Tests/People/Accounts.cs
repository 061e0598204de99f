using LivingLab.People;
using LivingLab.Tests.Runtime;

namespace LivingLab.Tests.People;

/// <summary>Helpers for account tests: unique emails, registering, and calling as a given person.</summary>
internal static class Accounts
{
    public const string Password = "correct horse battery";

    public static string UniqueEmail() => $"{Guid.NewGuid():N}@example.jp";

    public static IEmailIndexGrain Email(this TestSilo silo, string email) =>
        silo.Grain<IEmailIndexGrain>(AccountRules.NormalizeEmail(email));

    public static IPersonGrain Person(this TestSilo silo, string id) => silo.Grain<IPersonGrain>(id);

    public static async Task<PersonProfile> RegisterAsync(this TestSilo silo, string? email = null, string displayName = "酒田 花子")
    {
        email ??= UniqueEmail();
        var result = await silo.Email(email).Register(new Registration(email, Password, displayName));
        Assert.True(result.Succeeded, result.Rejection?.ToString());
        return result.Value!;
    }

    /// <summary>Runs <paramref name="call"/> as this person; the caller context ends with the call.</summary>
    public static async Task<T> As<T>(PersonProfile person, Func<Task<T>> call)
    {
        Caller.Set(person.Id, person.Roles);
        return await call();
    }

    /// <summary>Runs <paramref name="call"/> as an admin with this id.</summary>
    public static async Task<T> AsAdmin<T>(string adminId, Func<Task<T>> call)
    {
        Caller.Set(adminId, [Roles.Resident, Roles.Admin]);
        return await call();
    }
}
