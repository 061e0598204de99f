using LivingLab.Web.Features.Workshops.Live;
using Microsoft.AspNetCore.DataProtection;

namespace LivingLab.Web.Tests.Workshops.Live;

/// <summary>A guest's pass reads back only as issued, for the workshop it was issued for, and never after tampering.</summary>
public sealed class GuestPassTests
{
    private readonly GuestPasses passes = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void A_pass_reads_back_for_its_own_workshop_and_is_worthless_for_another_or_when_changed()
    {
        var ticket = new GuestTicket("ws-1", "guest-7", 2, "さかた\nはなこ");
        var value = passes.Protect(ticket);

        Assert.Equal(ticket, passes.Unprotect(value, "ws-1"));
        Assert.Null(passes.Unprotect(value, "ws-2"));
        Assert.Null(passes.Unprotect(value[..^2] + (value[^2] == 'A' ? "BB" : "AA"), "ws-1"));
        Assert.Null(passes.Unprotect("", "ws-1"));
        Assert.Null(new GuestPasses(new EphemeralDataProtectionProvider()).Unprotect(value, "ws-1"));
    }
}
