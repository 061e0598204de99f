namespace LivingLab.Web.Hosting;

/// <summary>The <c>RateLimits</c> settings: per-client-address limits on sign-in and sign-up.</summary>
public sealed class RateLimitSettings
{
    /// <summary><c>RateLimits:Enabled</c>; false turns every limit off (load tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>RateLimits:Login</c>: attempts per address and window.</summary>
    public WindowLimit Login { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary><c>RateLimits:Register</c>: sign-ups per address and window.</summary>
    public WindowLimit Register { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>
    /// <c>RateLimits:Guest</c>: guest join attempts per address and window. Generous, since a whole room may join from
    /// one school or hall Wi-Fi address; a six-character code from 31 signs still takes years to guess at this rate.
    /// </summary>
    public WindowLimit Guest { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
}

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests every <see cref="WindowSeconds"/> seconds.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
