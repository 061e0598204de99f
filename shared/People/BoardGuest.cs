namespace LivingLab.People;

/// <summary>
/// A guest on a workshop's live board (someone in the room who joined with the room code and a nickname), read from
/// <see cref="RequestContext"/>. Guests are not accounts: only the board grain honours this key, and
/// <see cref="Caller.Id"/> stays null, so every other grain sees an anonymous call.
/// </summary>
public static class BoardGuest
{
    /// <summary>RequestContext key of the guest id the board grain handed out (<c>GuestPass.GuestId</c>).</summary>
    public const string IdKey = "caller.guest";

    /// <summary>The guest id the call carries, or null.</summary>
    public static string? Id => RequestContext.Get(IdKey) as string;

    /// <summary>Makes the following calls in this async flow run as this guest, and as nobody signed in.</summary>
    public static void Set(string guestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guestId);
        Caller.Clear();
        RequestContext.Set(IdKey, guestId);
    }

    /// <summary>Drops the guest id from the following calls.</summary>
    public static void Clear() => RequestContext.Remove(IdKey);
}
