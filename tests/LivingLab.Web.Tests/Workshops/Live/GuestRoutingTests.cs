using LivingLab.Web.Features.Workshops.Live;
using LivingLab.Web.Hosting;
using Microsoft.AspNetCore.Http;

namespace LivingLab.Web.Tests.Workshops.Live;

/// <summary>A guest's request is not an anonymous read: it needs the circuit of the interactive endpoint set.</summary>
public sealed class GuestRoutingTests
{
    [Fact]
    public void A_get_with_a_guest_pass_cookie_goes_to_the_interactive_set_and_one_without_to_the_public_one()
    {
        var plain = new DefaultHttpContext();
        plain.Request.Method = "GET";
        Assert.True(PublicPagesPolicy.IsAnonymousRead(plain.Request));

        var guest = new DefaultHttpContext();
        guest.Request.Method = "GET";
        guest.Request.Headers.Cookie = $"{GuestPasses.CookieName("w1")}=protected-value";
        Assert.False(PublicPagesPolicy.IsAnonymousRead(guest.Request));
    }
}
