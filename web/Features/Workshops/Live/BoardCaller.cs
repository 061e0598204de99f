using System.Security.Claims;
using LivingLab.People;
using LivingLab.Web.Api.Account;

namespace LivingLab.Web.Features.Workshops.Live;

/// <summary>
/// Who a call to a board grain runs as: the signed-in person if there is one, else the guest whose pass came with the
/// request or circuit, else nobody. Synchronous, like <see cref="CallerContextMiddleware.SetCaller"/>: call it in the
/// method that calls the grain, since an async helper's change to the call context is undone when it returns.
/// </summary>
public static class BoardCaller
{
    /// <summary>Makes the following board calls in this method run as <paramref name="user"/> or <paramref name="guest"/>.</summary>
    public static void Set(ClaimsPrincipal user, GuestTicket? guest)
    {
        ArgumentNullException.ThrowIfNull(user);
        BoardGuest.Clear();
        if (AccountPrincipal.PersonId(user) is not null)
        {
            CallerContextMiddleware.SetCaller(user);
        }
        else if (guest is not null)
        {
            BoardGuest.Set(guest.GuestId);
        }
        else
        {
            Caller.Clear();
        }
    }
}
