using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Account;

/// <summary>
/// Web nodes over one fresh PostgreSQL database, as several machines behind a load balancer would run: each node
/// co-hosts a silo on ports of its own, and the silos form one Orleans cluster through the database's membership table.
/// </summary>
public class PostgresWebNodes : IAsyncLifetime
{
    private readonly List<LivingLabFactory> nodes = [];

    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync() => ConnectionString = await PostgresTestServer.CreateDatabaseAsync();

    /// <summary>Starts one more node and returns once it serves requests.</summary>
    public LivingLabFactory StartNode()
    {
        var node = new LivingLabFactory(new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "false",
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = ConnectionString,
        });
        nodes.Add(node);
        _ = node.Services;
        return node;
    }

    /// <summary>
    /// A client of <paramref name="node"/> that keeps its cookies in <paramref name="browser"/>, so one browser's
    /// requests can land on any node, and that does not follow redirects.
    /// </summary>
    public static HttpClient Client(LivingLabFactory node, CookieContainer browser) =>
        node.CreateDefaultClient(new CookieContainerHandler(browser));

    public async Task DisposeAsync()
    {
        // The last node started leaves the cluster first, so the first one never waits for a member that is gone.
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            await nodes[i].DisposeAsync();
        }
    }
}

/// <summary>Two running web nodes, <see cref="A"/> and <see cref="B"/>, over one fresh PostgreSQL database.</summary>
public sealed class TwoPostgresWebNodes : PostgresWebNodes
{
    public LivingLabFactory A { get; private set; } = null!;

    public LivingLabFactory B { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = StartNode();
        B = StartNode();
    }
}
