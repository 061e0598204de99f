using LivingLab.Hosting;
using Microsoft.AspNetCore.Builder;

namespace LivingLab;

/// <summary>
/// <c>dotnet run --project silo</c>: a stand-alone silo (grains, store and read models, no pages; /healthz on its own
/// port) that web nodes with <c>Orleans:Role=Client</c> use. A named class, not top-level statements, so it does not
/// clash with the web node's <c>Program</c>.
/// </summary>
public static class SiloProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddLivingLabSiloHost();
        var app = builder.Build();
        app.MapLivingLabSiloHost();
        app.Run();
    }
}
