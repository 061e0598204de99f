using LivingLab.Common;
using LivingLab.People;
using LivingLab.Rows;

namespace LivingLab.Workshops;

/// <summary>What a workshop keeps once it has taken place: the minutes, a recording link and the participants' feedback.</summary>
public sealed partial class WorkshopGrain
{
    // One row per person who answered the survey, so one more answer costs one row however many came before.
    private readonly RowMap<FeedbackRow> feedback = new("feedback");

    public async Task<CommandResult<WorkshopDetails>> RecordAsync(WorkshopRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CheckFacilitator() is { } refused)
        {
            return new CommandResult<WorkshopDetails>(null, refused);
        }

        if (WorkshopRules.Check(input) is { } invalid)
        {
            return new CommandResult<WorkshopDetails>(null, invalid);
        }

        var (minutes, recording) = (TextRules.Normalize(input.Minutes), TextRules.Normalize(input.RecordingUrl));
        if (minutes == S.Minutes && recording == S.RecordingUrl)
        {
            return await DetailsResultAsync();
        }

        S.Minutes = minutes;
        S.RecordingUrl = recording;
        await committer.CommitAsync([Event(WorkshopEvents.Recorded, new WorkshopRecordedEvent(Id, S.Minutes, S.RecordingUrl))]);
        return await DetailsResultAsync();
    }

    public async Task<CommandResult<FeedbackView>> GiveFeedbackAsync(FeedbackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((CheckSignedInAndExists() ?? CheckPlanned()) is { } refused)
        {
            return new CommandResult<FeedbackView>(null, refused);
        }

        await registrations.LoadAsync(state);
        if (CheckFeedbackOpen(Caller.Id!) is { } closed)
        {
            return new CommandResult<FeedbackView>(null, closed);
        }

        if (WorkshopRules.Check(input) is { } invalid)
        {
            return new CommandResult<FeedbackView>(null, invalid);
        }

        await feedback.LoadAsync(state);
        var me = Caller.Id!;
        var comment = TextRules.Normalize(input.Comment);
        if (feedback.Find(me) is { } previous)
        {
            if (previous.Rating == input.Rating && previous.Comment == comment)
            {
                return CommandResult<FeedbackView>.Success(FeedbackViewForCaller());
            }
        }
        else
        {
            S.FeedbackCount++;
        }

        var row = feedback.Put(me, new FeedbackRow(input.Rating!.Value, comment, clock.GetUtcNow()));
        await committer.CommitAsync(
            [Event(WorkshopEvents.FeedbackGiven, new WorkshopFeedbackGivenEvent(Id, input.Rating.Value, S.FeedbackCount))], [row]);
        return CommandResult<FeedbackView>.Success(FeedbackViewForCaller());
    }

    public async Task<FeedbackView?> GetFeedbackAsync()
    {
        if (!Exists)
        {
            return null;
        }

        await registrations.LoadAsync(state);
        await feedback.LoadAsync(state);
        return FeedbackViewForCaller();
    }

    // Feedback is for the people who held a seat, from the start of the workshop on (a date still open has not begun).
    private Rejection? CheckFeedbackOpen(string personId) =>
        S.StartsAt is not { } starts || starts > clock.GetUtcNow() ? new Rejection("feedbackNotOpen")
        : registrations.Find(personId) is not { Waiting: false } ? new Rejection("notRegistered")
        : null;

    private FeedbackView FeedbackViewForCaller()
    {
        var me = Caller.Id;
        var open = me is not null && S.Status == WorkshopStatus.Planned && CheckFeedbackOpen(me) is null;
        var mine = me is not null && feedback.Find(me) is { } own ? Entry(own) : null;
        return new FeedbackView(open, mine, CallerFacilitates ? Summary() : null);
    }

    private FeedbackSummary Summary()
    {
        var rows = feedback.All.Values.ToList();
        var ratings = new int[5];
        foreach (var row in rows)
        {
            ratings[row.Rating - 1]++;
        }

        return new FeedbackSummary(rows.Count, rows.Count == 0 ? null : Math.Round(rows.Average(r => r.Rating), 2), ratings,
            [.. rows.Where(r => r.Comment.Length > 0).OrderByDescending(r => r.At).Select(Entry)]);
    }

    private static FeedbackEntry Entry(FeedbackRow row) => new(row.Rating, row.Comment, row.At);
}

/// <summary>One stored answer to the feedback survey.</summary>
internal sealed record FeedbackRow(int Rating, string Comment, DateTimeOffset At);
