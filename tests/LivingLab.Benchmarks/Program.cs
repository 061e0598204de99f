using System.Globalization;
using BenchmarkDotNet.Running;
using LivingLab.Benchmarks;
using LivingLab.Benchmarks.ReadModel;
using LivingLab.Benchmarks.Runtime;
using LivingLab.Benchmarks.Web;

// dotnet run -c Release --project tests/LivingLab.Benchmarks -- <benchmark> [options]
switch (args.FirstOrDefault())
{
    case "calls":
        BenchmarkRunner.Run<GrainCallBenchmarks>(GrainCallBenchmarks.Config(oneCore: args.Contains("--one-core")));
        return 0;

    case "activations":
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        await ActivationBenchmark.RunAsync(count, concurrency: 64, Console.Out);
        return 0;

    // Durable writes through Orleans grains and the evented-state facet (Orleans issue): `grain-writes [sqlite|postgres] [seconds] [callers] [grains] [--no-read-models]`.
    case "grain-writes":
        return await GrainWritesCommand.RunAsync(args[1..], Console.Out);

    // Storage benchmark (tests/LivingLab.Benchmarks/Storage, by the storage work).
    case "durable-writes":
        return await DurableWritesCommand.RunAsync(args[1..], Console.Out);

    // Search over generated challenges (pipeline issue): `search [sqlite|postgres] [documents] [queries]`.
    case "search":
        return await SearchCommand.RunAsync(args[1..], Console.Out);

    // Votes through the HTTP API on one idea (pipeline issue): `votes [sqlite|postgres] [pastVotes] [seconds] [clients] [--wrk]`.
    case "votes":
        return await VoteLoadCommand.RunAsync(args[1..], Console.Out);

    // Votes through one node, then two nodes of one cluster on PostgreSQL (Orleans issue): `votes-cluster [seconds] [clients] [ideas]`.
    case "votes-cluster":
        return await VoteClusterCommand.RunAsync(args[1..], Console.Out);

    // Challenge-list queries over generated challenges, projected by the real read models: `list-query [sqlite|postgres] [challenges] [queries]`.
    case "list-query":
        return await ListQueryCommand.RunAsync(args[1..], Console.Out);

    // Page throughput with wrk (web issue): `pages [seconds] [connections] [challenges]`.
    case "pages":
        return await PageLoadCommand.RunAsync(args[1..], Console.Out);

    // Live updates (live issue): `live [sqlite|postgres] [connections] [votes]`; `live-server` is its child process.
    case "live":
        return await LiveLoadCommand.RunAsync(args[1..], Console.Out);

    case "live-server":
        return await LiveLoadCommand.ServeAsync(args[1..]);

    default:
        Console.Error.WriteLine("usage: calls [--one-core] | activations [count] | durable-writes [sqlite|postgres] [seconds] [callers] | grain-writes [sqlite|postgres] [seconds] [callers] [grains] [--no-read-models] | search [sqlite|postgres] [documents] [queries] | votes [sqlite|postgres] [pastVotes] [seconds] [clients] [--wrk] | votes-cluster [seconds] [clients] [ideas] | list-query [sqlite|postgres] [challenges] [queries] | live [sqlite|postgres] [connections] [votes] | pages [seconds] [connections] [challenges]");
        return 2;
}
