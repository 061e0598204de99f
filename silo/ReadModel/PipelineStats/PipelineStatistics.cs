using System.Data.Common;
using System.Globalization;
using LivingLab.Pipeline;

namespace LivingLab.ReadModel.PipelineStats;

/// <summary>
/// Computes the <see cref="PipelineReport"/> from idea_list and stage_periods. A median is read from the
/// (stage, duration) index at the middle offset, so it costs the same for ten stays or a hundred thousand.
/// </summary>
public sealed class PipelineStatistics(IReadModelDatabase database)
{
    private const double SecondsPerDay = 86_400;

    /// <summary>The report as of the last projected event.</summary>
    public async Task<PipelineReport> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var counts = new Dictionary<(string Stage, string Status), int>();
        await using (var command = DbCommands.Create(connection, null, "SELECT stage, status, COUNT(*) FROM idea_list GROUP BY stage, status"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[(reader.GetString(0), reader.GetString(1))] = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
            }
        }

        var stages = new List<StageStatistics>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var name = StageWireNames.Format(stage);
            int Count(IdeaStatus status) => counts.GetValueOrDefault((name, IdeaStatusWireNames.Format(status)));
            var (median, basedOn) = await MedianDaysAsync(connection, name, cancellationToken);
            stages.Add(new StageStatistics(stage, Count(IdeaStatus.Open), Count(IdeaStatus.Declined), Count(IdeaStatus.OnHold), median, basedOn));
        }

        // Reaching rollout counts even if the idea later stepped back or paused: the service did go out.
        var rolledOut = await ScalarAsync(connection,
            "SELECT COUNT(DISTINCT idea_id) FROM stage_periods WHERE stage = @stage", cancellationToken, ("stage", StageWireNames.Format(Stage.Rollout)));
        return new PipelineReport(stages, rolledOut, counts.Values.Sum());
    }

    private static async Task<(double? Median, int BasedOn)> MedianDaysAsync(DbConnection connection, string stage, CancellationToken cancellationToken)
    {
        const string ended = "FROM stage_periods WHERE stage = @stage AND duration_seconds IS NOT NULL";
        var count = await ScalarAsync(connection, $"SELECT COUNT(*) {ended}", cancellationToken, ("stage", stage));
        if (count == 0)
        {
            return (null, 0);
        }

        // The middle stay, or the two middle ones for an even count.
        var take = count % 2 == 0 ? 2 : 1;
        await using var command = DbCommands.Create(connection, null, $"SELECT duration_seconds {ended} ORDER BY duration_seconds LIMIT @take OFFSET @skip")
            .With("stage", stage).With("take", (long)take).With("skip", (long)((count - 1) / 2));
        var middle = new List<long>(2);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            middle.Add(reader.GetInt64(0));
        }

        return (Math.Round(middle.Average() / SecondsPerDay, 2), count);
    }

    private static async Task<int> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = DbCommands.Create(connection, null, sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
