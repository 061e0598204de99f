using LivingLab.Web.Hosting;

// `dotnet run --project web` starts the app in the directory it was called from (see RunWorkingDirectory), so that
// ./data/livinglab.db lands there; the app's own files (appsettings, wwwroot) are then found beside the binaries.
var startedElsewhere = !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = startedElsewhere ? AppContext.BaseDirectory : null,
});
builder.AddLivingLabWeb();

var app = builder.Build();
app.UseLivingLabWeb();
app.Run();

/// <summary>The web host's entry point; public so WebApplicationFactory can start it in tests.</summary>
public partial class Program;
