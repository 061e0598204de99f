namespace LivingLab.Web.Features.Facilitate;

/// <summary>Where a staff form sends the browser after it worked (post/redirect/get), with what happened for the notice.</summary>
public static class StaffLinks
{
    /// <summary>The facilitator's queue.</summary>
    public const string Queue = "facilitate";

    /// <summary>An idea's staff panel.</summary>
    public static string Panel(string ideaId) => $"facilitate/ideas/{Uri.EscapeDataString(ideaId)}";

    /// <summary><paramref name="path"/> with the notice <paramref name="done"/> about <paramref name="item"/>, scrolled to <paramref name="anchor"/>.</summary>
    public static string Done(string path, string done, string? item = null, string? anchor = null) =>
        $"{path}?done={Uri.EscapeDataString(done)}"
        + (item is null ? "" : $"&item={Uri.EscapeDataString(item)}")
        + (anchor is null ? "" : $"#{anchor}");
}
