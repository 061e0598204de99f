using System.Globalization;
using System.Text;

namespace LivingLab.Benchmarks.Web;

/// <summary>
/// The votes load from wrk instead of the benchmark's own HttpClient: one wrk thread per client, each with ONE
/// connection and its own token, so every client's requests are strictly sequential and alternate vote/withdraw
/// exactly as the in-process clients do. The server then has the two cores nearly to itself.
/// </summary>
internal static class WrkVoteLoad
{
    /// <summary>Runs the load; <paramref name="voted"/> says which clients start with a vote on the idea.</summary>
    public static async Task<(WrkResult Result, int Refused)> RunAsync(Uri site, string ideaId, IReadOnlyList<string> tokens, IReadOnlyList<bool> voted, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"livinglab-votes-{Guid.NewGuid():N}.lua");
        var refusedFile = script + ".refused";
        await File.WriteAllTextAsync(script, Script($"/api/ideas/{ideaId}/votes", tokens, voted, refusedFile));
        try
        {
            var result = await Wrk.RunAsync(new Uri(site, $"api/ideas/{ideaId}/votes").ToString(), seconds, tokens.Count, tokens.Count, [], script);
            var refused = int.Parse((await File.ReadAllTextAsync(refusedFile)).Trim(), CultureInfo.InvariantCulture);
            return (result, refused);
        }
        finally
        {
            File.Delete(script);
            File.Delete(refusedFile);
        }
    }

    // wrk loads the script into its main Lua state (setup, done) and into every thread's own state (init, request,
    // response): a thread's globals are its client's token, whether it has voted, and what the server refused.
    private static string Script(string path, IReadOnlyList<string> tokens, IReadOnlyList<bool> voted, string refusedFile)
    {
        var clients = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            clients.Append(CultureInfo.InvariantCulture, $"  {{ \"{tokens[i]}\", {(voted[i] ? 1 : 0)} }},\n");
        }

        return $$"""
            local clients = {
            {{clients}}}
            local threads = {}

            function setup(thread)
              local client = clients[#threads + 1]
              thread:set("token", client[1])
              thread:set("voted", client[2])
              table.insert(threads, thread)
            end

            function init(args)
              refused = 0
              auth = "Bearer " .. token
            end

            function request()
              if voted == 1 then
                return wrk.format("DELETE", "{{path}}", { ["Authorization"] = auth })
              end
              return wrk.format("POST", "{{path}}", { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, "{}")
            end

            function response(status, headers, body)
              -- 409 is alreadyVoted or notVoted: the client was wrong about its own vote, so it turns round too.
              if (status >= 200 and status < 300) or status == 409 then
                voted = 1 - voted
              end
              if status >= 300 then
                refused = refused + 1
              end
            end

            function done(summary, latency, requests)
              local total = 0
              for _, thread in ipairs(threads) do
                total = total + thread:get("refused")
              end
              local file = io.open("{{refusedFile}}", "w")
              file:write(tostring(total))
              file:close()
            end
            """;
    }
}
