namespace LivingLab.Web.Hosting;

/// <summary>
/// Orleans' own dashboard for staff who run the cluster (silos, activations, call rates, reminders), at
/// <see cref="Path"/> behind the admin role. Off unless <c>Orleans:Dashboard=true</c>: it collects statistics on every
/// grain call, a cost a town pays only while someone looks.
/// </summary>
public static class OrleansDashboard
{
    /// <summary>Where the dashboard is served.</summary>
    public const string Path = "/admin/orleans";

    /// <summary>Whether <c>Orleans:Dashboard</c> is on; anything but true/false stops start-up with the setting's name.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration["Orleans:Dashboard"]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        var value => throw new InvalidOperationException($"Orleans:Dashboard must be true or false, not '{value}'."),
    };
}
