namespace LivingLab.Web.Tests;

/// <summary>Where the repository's sources are, for tests that read them (resource keys, component usage).</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding LivingLab.sln, found upwards from the test binaries.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LivingLab.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LivingLab.sln not found above the test binaries.");
    }
}
